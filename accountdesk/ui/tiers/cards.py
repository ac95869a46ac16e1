"""The tier board's cards: a list model per tier column (ids plus a page cache), the drag and
drop payload, the list view that takes drops, and the delegate that paints each card."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from accountdesk.core.tiering.board import UNGRADED, BoardCard
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.theme import ACCENT, MUTED_TEXT, OVERDUE_COLOR, TIER_COLORS, UNKNOWN_TIER_COLOR

CARD_MIME = "application/x-accountdesk-customer-ids"
PAGE_SIZE = 60
CARD_HEIGHT = 88
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2

# Colours by position for tier names other than A/B/C (e.g. 高端/中端/低端), best first.
_TIER_PALETTE = (TIER_COLORS["A"], TIER_COLORS["B"], TIER_COLORS["C"], "#0f766e", "#7c3aed", "#a16207")

# Lifecycle badge: (text colour, background).
STAGE_BADGE = {
    "potential": ("#475569", "#f1f5f9"),
    "new": ("#0e7490", "#ecfeff"),
    "active": ("#15803d", "#f0fdf4"),
    "loyal": ("#6d28d9", "#f5f3ff"),
    "at_risk": ("#b45309", "#fffbeb"),
    "churned": ("#b91c1c", "#fef2f2"),
}


def column_color(tier: str, position: int) -> QColor:
    """A tier's colour: the shared A/B/C colours, else by its place in the model's order."""
    if tier == UNGRADED:
        return QColor(UNKNOWN_TIER_COLOR)
    if tier in TIER_COLORS:
        return QColor(TIER_COLORS[tier])
    return QColor(_TIER_PALETTE[position % len(_TIER_PALETTE)] if position >= 0 else UNKNOWN_TIER_COLOR)


def encode_ids(ids: list[int], source_tier: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(CARD_MIME, QByteArray(json.dumps({"ids": ids, "tier": source_tier}).encode()))
    return mime


def decode_ids(mime: QMimeData) -> tuple[list[int], str | None]:
    if not mime.hasFormat(CARD_MIME):
        return [], None
    try:
        payload = json.loads(bytes(mime.data(CARD_MIME).data()).decode())
        return [int(i) for i in payload["ids"]], payload.get("tier")
    except (ValueError, KeyError, TypeError):
        return [], None


class TierCardModel(QStringListModel):
    """One column's customers (ids in score order) and a cache of their cards; ``data()``
    never queries: a card not yet read shows as a skeleton and its page is read on a
    zero-delay timer, so a column of 100,000 reads only what scrolls into view.

    The rows live in Qt's own string list (the ids as text) so that counting and indexing
    rows stays in C++: a view laying out 40,000 cards asks for each row, and a Python
    ``rowCount`` there would hold the window for a second.
    """

    cards_dropped = Signal(list, str)  # customer ids, this column's tier

    def __init__(self, tier: str, fetch: Callable[[list[int]], dict[int, BoardCard]], parent=None) -> None:
        super().__init__(parent)
        self.tier = tier
        self._fetch = fetch
        self._ids: list[int] = []
        self._scores: list[float | None] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, BoardCard] = {}
        self._wanted: set[int] = set()
        self.accepts_drops = tier != UNGRADED
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fetch_wanted)

    # --- contents ---------------------------------------------------------------------

    def set_cards(self, ids: list[int], scores: list[float | None]) -> None:
        self._ids, self._scores = list(ids), list(scores)
        self._reindex()
        self._cache = {i: card for i, card in self._cache.items() if i in self._row_of}
        self._wanted.clear()
        self.setStringList([str(i) for i in self._ids])  # one model reset
        self._load_pages({0})

    def _reindex(self) -> None:
        self._row_of = {customer_id: row for row, customer_id in enumerate(self._ids)}

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, customer_id: int) -> int | None:
        return self._row_of.get(customer_id)

    def card(self, customer_id: int) -> BoardCard | None:
        return self._cache.get(customer_id)

    def score_of(self, customer_id: int) -> float | None:
        row = self._row_of.get(customer_id)
        return None if row is None else self._scores[row]

    def take(self, customer_id: int) -> BoardCard | None:
        """Remove one card (it moved to another column); its cached card is handed back."""
        row = self._row_of.get(customer_id)
        if row is None:
            return None
        del self._ids[row]
        del self._scores[row]
        self._reindex()
        card = self._cache.pop(customer_id, None)
        QStringListModel.removeRows(self, row, 1)
        return card

    def put(self, customer_id: int, score: float | None) -> int:
        """Insert a card where its score belongs (blank scores last); returns its row."""
        keys = [(s is None, -(s or 0.0)) for s in self._scores]
        row = bisect.bisect_right(keys, (score is None, -(score or 0.0)))
        self._ids.insert(row, customer_id)
        self._scores.insert(row, score)
        self._reindex()
        QStringListModel.insertRows(self, row, 1)
        QStringListModel.setData(self, self.index(row), str(customer_id))
        self._load_pages({row // PAGE_SIZE})
        return row

    def invalidate(self, customer_ids) -> None:
        """Forget cards that changed; those in the column are read again at once."""
        pages = set()
        for customer_id in customer_ids:
            self._cache.pop(customer_id, None)
            row = self._row_of.get(customer_id)
            if row is not None:
                pages.add(row // PAGE_SIZE)
        if pages:
            self._load_pages(pages)

    def refresh_texts(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    # --- fetching ---------------------------------------------------------------------

    def fetch_wanted(self) -> None:
        pages, self._wanted = self._wanted, set()
        self._load_pages(pages)

    def _load_pages(self, pages: set[int]) -> None:
        missing: list[int] = []
        for page in sorted(pages):
            start = page * PAGE_SIZE
            missing.extend(i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache)
        if missing:
            self._cache.update(self._fetch(missing))
        for page in pages:
            first, last = page * PAGE_SIZE, min((page + 1) * PAGE_SIZE, len(self._ids)) - 1
            if first <= last:
                self.dataChanged.emit(self.index(first), self.index(last))

    # --- Qt model interface -----------------------------------------------------------

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        customer_id = self._ids[index.row()]
        if role == ID_ROLE:
            return customer_id
        card = self._cache.get(customer_id)
        if card is None:
            if role == CARD_ROLE:
                self._wanted.add(index.row() // PAGE_SIZE)
                if not self._timer.isActive():
                    self._timer.start()
            return None
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card.row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(card)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land on the column itself, never between or on cards.
            return Qt.ItemFlag.ItemIsDropEnabled if self.accepts_drops else Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CARD_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return encode_ids([self._ids[row] for row in rows], self.tier)

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(self, mime, action, row, column, parent) -> bool:  # noqa: N802
        ids, source = decode_ids(mime)
        return self.accepts_drops and bool(ids) and source != self.tier

    def dropMimeData(self, mime, action, row, column, parent) -> bool:  # noqa: N802
        """A drop asks for a manual override; the page asks the reason and writes it. The
        cards move when the write succeeded, not here (so nothing is removed at the source)."""
        if not self.canDropMimeData(mime, action, row, column, parent):
            return False
        ids, _source = decode_ids(mime)
        moving = [i for i in ids if i not in self._row_of]
        if not moving:
            return False
        self.cards_dropped.emit(moving, self.tier)
        return True

    def removeRows(self, row, count, parent=QModelIndex()) -> bool:  # noqa: N802, B008
        return False  # the view's own "move" clean-up after a drag: cards move by the page


def card_tooltip(card: BoardCard) -> str:
    row = card.row
    lines = [f"<b>{row.name}</b> · {row.code}"]
    if row.company and row.company != row.name:
        lines.append(row.company)
    if row.contact_person or row.phone:
        lines.append(" ".join(p for p in (row.contact_person, row.phone) if p))
    lines.append(QCoreApplication.translate("TierCards", "Total spend %1").replace("%1", labels.money(row.total_spend_cents)))
    if row.tags:
        lines.append(QCoreApplication.translate("TierCards", "Tags: %1").replace("%1", labels.join(row.tags)))
    if card.locked:
        reason = card.lock_reason or ""
        lines.append(QCoreApplication.translate("TierCards", "Tier locked by hand: %1").replace("%1", reason))
    return "<br>".join(lines)


class CardListView(QListView):
    """A column's list of cards: drags cards out, takes drops in, tints itself while a card
    hovers over it, and says so when the column is empty."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.drop_hover = False
        self.empty_text = ""
        self.accent = QColor(ACCENT)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMouseTracking(True)
        self.setSpacing(0)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_MacShowFocusRect, False)

    def _accepts(self, event) -> bool:
        model = self.model()
        return model is not None and model.canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().dragEnterEvent(event)
        self._set_hover(self._accepts(event))

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        # Anywhere in the column will do: the drop position plays no part.
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        super().dragLeaveEvent(event)
        self._set_hover(False)

    def dropEvent(self, event) -> None:  # noqa: N802
        self._set_hover(False)
        model = self.model()
        if model is not None and self._accepts(event) and model.dropMimeData(
                event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _set_hover(self, on: bool) -> None:
        if on != self.drop_hover:
            self.drop_hover = on
            self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(self.viewport().rect().adjusted(16, 24, -16, -16),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
        if self.drop_hover:
            fill = QColor(self.accent)
            fill.setAlpha(28)
            pen = QPen(self.accent, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(self.viewport().rect()).adjusted(3, 3, -3, -3), 8, 8)
        painter.end()


def _lock_path(x: float, y: float, size: float) -> tuple[QPainterPath, QPainterPath]:
    """A small padlock (shackle and body) drawn as a path, so no font needs the glyph."""
    path = QPainterPath()
    body_top = y + size * 0.45
    path.addRoundedRect(QRectF(x, body_top, size, size * 0.55), 1.5, 1.5)
    shackle = QPainterPath()
    shackle.moveTo(x + size * 0.22, body_top)
    shackle.lineTo(x + size * 0.22, y + size * 0.3)
    shackle.arcTo(QRectF(x + size * 0.22, y, size * 0.56, size * 0.6), 180, -180)
    shackle.lineTo(x + size * 0.78, body_top)
    return path, shackle


def short_day(value: date | None, today: date) -> str:
    """10-18 within this year, 2025-03-02 otherwise (cards are narrow)."""
    if value is None:
        return ""
    return value.strftime("%m-%d") if value.year == today.year else value.isoformat()


class CardDelegate(QStyledItemDelegate):
    """Paints a card: tier stripe, name and score, owner and code with the lifecycle badge,
    last contact and next revisit (red when overdue), a lock when the tier was set by hand."""

    def __init__(self, tier_color: QColor, today: Callable[[], date], owner_name: Callable[[str | None], str],
                 parent=None) -> None:
        super().__init__(parent)
        self.tier_color = tier_color
        self._today = today
        self._owner_name = owner_name
        self.name_font = QFont()
        self.name_font.setPointSizeF(self.name_font.pointSizeF() * 1.08)
        self.name_font.setBold(True)
        self.score_font = QFont(self.name_font)
        self.small_font = QFont()
        self.small_font.setPointSizeF(self.small_font.pointSizeF() * 0.92)
        self.badge_font = QFont(self.small_font)
        self.badge_font.setPointSizeF(self.small_font.pointSizeF() * 0.95)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt override)
        return QSize(max(option.rect.width(), 200), CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card_rect = QRectF(option.rect).adjusted(8, 4, -8, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        path = QPainterPath()
        path.addRoundedRect(card_rect, 7, 7)
        painter.fillPath(path, QColor("#eff6ff") if selected else QColor("#ffffff"))
        border = QColor(ACCENT) if selected else QColor("#94a3b8" if hovered else "#e2e8f0")
        painter.setPen(QPen(border, 1.6 if selected else 1))
        painter.drawPath(path)
        # The tier stripe along the left edge, clipped to the card's rounded corners.
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(card_rect.left(), card_rect.top(), 4, card_rect.height()), self.tier_color)
        painter.restore()
        card = index.data(CARD_ROLE)
        inner = card_rect.adjusted(14, 8, -10, -8).toRect()
        if card is None:
            self._paint_skeleton(painter, inner)
        else:
            self._paint_card(painter, inner, card)
        painter.restore()

    def _paint_skeleton(self, painter: QPainter, inner: QRect) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#eef2f7"))
        for row, share in enumerate((0.55, 0.4, 0.7)):
            painter.drawRoundedRect(QRectF(inner.left(), inner.top() + 4 + row * 22, inner.width() * share, 11), 4, 4)

    def _paint_card(self, painter: QPainter, inner: QRect, card: BoardCard) -> None:
        row = card.row
        today = self._today()
        line = inner.height() / 3
        # Line 1: name, then lock and score on the right.
        painter.setFont(self.score_font)
        score_text = labels.score(row.score) or "—"
        score_width = QFontMetrics(self.score_font).horizontalAdvance(score_text)
        score_rect = QRect(inner.right() - score_width, inner.top(), score_width, int(line))
        painter.setPen(self.tier_color)
        painter.drawText(score_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, score_text)
        right_edge = score_rect.left() - 8
        if card.locked:
            size = 11.0
            lock_x = right_edge - size
            lock_y = inner.top() + (line - size) / 2
            body, shackle = _lock_path(lock_x, lock_y, size)
            painter.setPen(QPen(QColor("#92400e"), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(shackle)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#b45309"))
            painter.drawPath(body)
            right_edge = int(lock_x) - 6
        painter.setFont(self.name_font)
        painter.setPen(QColor(MUTED_TEXT if row.deleted else "#111827"))
        name_rect = QRect(inner.left(), inner.top(), right_edge - inner.left(), int(line))
        name = QFontMetrics(self.name_font).elidedText(row.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        # Line 2: owner · code, lifecycle badge on the right.
        painter.setFont(self.small_font)
        metrics = QFontMetrics(self.small_font)
        top2 = int(inner.top() + line)
        badge_right = inner.right()
        if row.stage:
            text = labels.stage(row.stage)
            colors = STAGE_BADGE.get(row.stage, ("#475569", "#f1f5f9"))
            badge_metrics = QFontMetrics(self.badge_font)
            width = badge_metrics.horizontalAdvance(text) + 14
            height = badge_metrics.height() + 2
            badge = QRectF(inner.right() - width, top2 + (line - height) / 2, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors[1]))
            painter.drawRoundedRect(badge, height / 2, height / 2)
            painter.setFont(self.badge_font)
            painter.setPen(QColor(colors[0]))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            painter.setFont(self.small_font)
            badge_right = int(badge.left()) - 8
        owner = self._owner_name(row.owner) or QCoreApplication.translate("TierCards", "No owner")
        who = f"{owner} · {row.code}"
        painter.setPen(QColor("#374151"))
        who_rect = QRect(inner.left(), top2, badge_right - inner.left(), int(line))
        painter.drawText(who_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(who, Qt.TextElideMode.ElideRight, who_rect.width()))
        # Line 3: last contact and next revisit.
        top3 = int(inner.top() + 2 * line)
        last = row.last_contact.astimezone().date() if row.last_contact is not None else None
        last_text = QCoreApplication.translate("TierCards", "Contact %1").replace(
            "%1", short_day(last, today) if last else QCoreApplication.translate("TierCards", "never"))
        x = inner.left()
        painter.setPen(QColor(MUTED_TEXT))
        painter.drawText(QRect(x, top3, inner.width(), int(line)),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, last_text)
        x += metrics.horizontalAdvance(last_text) + 14
        if row.next_revisit is not None:
            overdue = row.next_revisit < today
            revisit = QCoreApplication.translate("TierCards", "Revisit %1").replace("%1", short_day(row.next_revisit, today))
            if overdue:
                revisit += " " + QCoreApplication.translate("TierCards", "overdue")
            painter.setPen(QColor(OVERDUE_COLOR) if overdue else QColor("#374151"))
        else:
            revisit = QCoreApplication.translate("TierCards", "No revisit planned")
        painter.drawText(QRect(x, top3, max(inner.right() - x, 0), int(line)),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(revisit, Qt.TextElideMode.ElideRight, max(inner.right() - x, 0)))


def card_at(view: QListView, customer_id: int) -> QPersistentModelIndex | None:
    """The index of a customer's card in a column (tests and keyboard moves use it)."""
    model = view.model()
    row = model.row_of(customer_id) if model is not None else None
    return None if row is None else QPersistentModelIndex(model.index(row))


__all__ = [
    "CARD_HEIGHT",
    "CARD_MIME",
    "CARD_ROLE",
    "ID_ROLE",
    "CardDelegate",
    "CardListView",
    "TierCardModel",
    "card_at",
    "column_color",
    "decode_ids",
    "encode_ids",
]
