"""The month grid of the revisit calendar: six weeks of painted day cells (no child widgets),
revisits coloured by tier and status, care dates, and drag-and-drop of a revisit onto another day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from accountdesk.core.revisits.calendar_data import CareDate
from accountdesk.core.revisits.plans import RevisitRow
from accountdesk.ui.calendar.items import (
    CARE_COLORS,
    STATUS_COLORS,
    UPCOMING_COLOR,
    plan_id_of,
    revisit_mime,
    tier_color,
    weekday_text,
)
from accountdesk.ui.kit.theme import ACCENT, MUTED_TEXT, OVERDUE_COLOR

# Spelled out per call (not through tr()) so that lupdate finds every source text.
translate = QCoreApplication.translate

DAY_ROLE = Qt.ItemDataRole.UserRole + 20
WEEKS = 6


@dataclass
class DayCell:
    day: date
    in_month: bool
    is_today: bool
    revisits: list[RevisitRow] = field(default_factory=list)
    care: list[CareDate] = field(default_factory=list)

    @property
    def festivals(self) -> list[CareDate]:
        return [c for c in self.care if c.kind == "festival"]

    @property
    def personal_care(self) -> list[CareDate]:
        return [c for c in self.care if c.kind != "festival"]

    def tier_counts(self) -> list[tuple[str | None, int]]:
        counts: dict[str | None, int] = {}
        for row in self.revisits:
            if row.state == "planned":
                counts[row.tier] = counts.get(row.tier, 0) + 1
        return sorted(counts.items(), key=lambda item: (item[0] is None, item[0] or ""))


class MonthModel(QAbstractTableModel):
    """Six weeks × seven days from the Monday before the 1st; each cell holds its day's rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.year = 2000
        self.month = 1
        self.first = date(2000, 1, 1)
        self.today = date(2000, 1, 1)
        self.language = "zh"
        self.cells: list[DayCell] = []

    def set_month(self, year: int, month: int, first: date, today: date, revisits: list[RevisitRow],
                  care: list[CareDate], language: str) -> None:
        self.beginResetModel()
        self.year, self.month, self.first, self.today, self.language = year, month, first, today, language
        self.cells = [DayCell(first + timedelta(days=i), (first + timedelta(days=i)).month == month,
                              first + timedelta(days=i) == today) for i in range(WEEKS * 7)]
        last = self.cells[-1].day
        for row in revisits:
            if first <= row.due_on <= last:
                self.cells[(row.due_on - first).days].revisits.append(row)
        for moment in care:
            if first <= moment.on <= last:
                self.cells[(moment.on - first).days].care.append(moment)
        status_rank = {"overdue": 0, "due": 1, "upcoming": 2, "done": 3, "skipped": 4}
        for cell in self.cells:
            cell.revisits.sort(key=lambda r: (status_rank.get(r.status, 5), r.tier or "~", r.customer_code))
        self.endResetModel()

    @property
    def last(self) -> date:
        return self.first + timedelta(days=WEEKS * 7 - 1)

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first).days
        if not (0 <= offset < WEEKS * 7):
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def cell(self, index: QModelIndex) -> DayCell | None:
        if not index.isValid() or not self.cells:
            return None
        return self.cells[index.row() * 7 + index.column()]

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else WEEKS

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else 7

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        if cell is None:
            return None
        if role == DAY_ROLE:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.day.day)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        return None

    def _tooltip(self, cell: DayCell) -> str:
        lines = [cell.day.isoformat() + " " + weekday_text(cell.day)]
        planned = [r for r in cell.revisits if r.state == "planned"]
        if planned:
            planned_count = len(planned)  # (a name, not a call: lupdate reads no call as the count)
            lines.append(QCoreApplication.translate("Revisits", "%Ln revisit(s)", "", planned_count))
        for moment in cell.care[:8]:
            lines.append("· " + moment.label(self.language))
        if len(cell.care) > 8:
            lines.append(translate("Revisits", "+%1 more").replace("%1", str(len(cell.care) - 8)))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return weekday_text(date(2024, 1, 1) + timedelta(days=section))  # 2024-01-01 was a Monday
        return None


class MonthDelegate(QStyledItemDelegate):
    """Paints one day: the date (today circled), festivals, care count, tier chips and the
    first customers to revisit in their status colour, then "+N more"."""

    PAD = 5

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        small = QFont(option.font)
        small.setPointSizeF(max(7.5, option.font.pointSizeF() * 0.92))
        bold = QFont(option.font)
        bold.setBold(True)
        return small, bold, QFontMetrics(small).height() + 2

    def name_lines(self, option: QStyleOptionViewItem, cell: DayCell) -> tuple[list[tuple[QRect, RevisitRow]], int]:
        """Where each customer's line is painted, and how many did not fit (also the drag hit test)."""
        small, bold, line = self._metrics(option)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        top = rect.top() + QFontMetrics(bold).height() + 4
        if cell.tier_counts():
            top += line + 2
        available = max(0, (rect.bottom() - top + 1) // line)
        rows = cell.revisits
        if len(rows) > available:
            available = max(0, available - 1)  # keep a line for "+N more"
        lines = [(QRect(rect.left(), top + i * line, rect.width(), line), row) for i, row in enumerate(rows[:available])]
        return lines, len(rows) - len(lines)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        cell: DayCell | None = index.data(DAY_ROLE)
        if cell is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = QColor("#ffffff") if cell.in_month else QColor("#f6f7f9")
        if cell.is_today:
            background = QColor("#eff6ff")
        painter.fillRect(rect, background)
        if selected:
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        small, bold, line = self._metrics(option)
        inner = rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        self._paint_top(painter, option, cell, inner, bold, small)
        top = inner.top() + QFontMetrics(bold).height() + 4
        counts = cell.tier_counts()
        if counts:
            self._paint_chips(painter, counts, QRect(inner.left(), top, inner.width(), line), small)
        lines, hidden = self.name_lines(option, cell)
        painter.setFont(small)
        metrics = QFontMetrics(small)
        faded = not cell.in_month
        for line_rect, row in lines:
            dot = QRect(line_rect.left() + 1, line_rect.center().y() - 3, 6, 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tier_color(row.tier))
            painter.drawEllipse(dot)
            color = QColor(STATUS_COLORS.get(row.status, UPCOMING_COLOR))
            if faded:
                color.setAlpha(150)
            painter.setPen(color)
            text = ("✓ " if row.state == "done" else "") + row.customer_name
            text_rect = line_rect.adjusted(11, 0, 0, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width()))
        if hidden:
            more_top = lines[-1][0].bottom() + 1 if lines else top + (line + 2 if counts else 0)
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(QRect(inner.left() + 11, more_top, inner.width() - 11, line),
                             Qt.AlignmentFlag.AlignVCenter, translate("Revisits", "+%1 more").replace("%1", str(hidden)))
        painter.restore()

    def _paint_top(self, painter: QPainter, option, cell: DayCell, inner: QRect, bold: QFont, small: QFont) -> None:
        bold_metrics = QFontMetrics(bold)
        height = bold_metrics.height()
        number = str(cell.day.day)
        painter.setFont(bold)
        if cell.is_today:
            diameter = max(height, bold_metrics.horizontalAdvance(number) + 8)
            circle = QRect(inner.left() - 2, inner.top() - 1, diameter, height + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT))
            painter.drawRoundedRect(circle, (height + 2) / 2, (height + 2) / 2)
            painter.setPen(QColor("white"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, number)
            used = circle.width() + 4
        else:
            painter.setPen(QColor("#111827") if cell.in_month else QColor("#9ca3af"))
            if cell.day.weekday() >= 5 and cell.in_month:
                painter.setPen(QColor("#6b7280"))
            painter.drawText(QRect(inner.left(), inner.top(), inner.width(), height), Qt.AlignmentFlag.AlignVCenter,
                             number)
            used = bold_metrics.horizontalAdvance(number) + 6
        painter.setFont(small)
        metrics = QFontMetrics(small)
        right = inner.right()
        personal = cell.personal_care
        if personal:
            # A heart and the count of birthdays and anniversaries; the day's list names them.
            text = f"♥ {len(personal)}"
            width = metrics.horizontalAdvance(text) + 2
            painter.setPen(QColor(CARE_COLORS["birthday"]))
            painter.drawText(QRect(right - width, inner.top(), width, height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            right -= width + 4
        festivals = cell.festivals
        if festivals:
            model = option.widget.model() if option.widget is not None else None
            language = getattr(model, "language", "zh")
            names = "·".join(f.label(language).split("（")[0].split(" (")[0] for f in festivals)
            width = right - (inner.left() + used)
            if width > 12:
                painter.setPen(QColor(OVERDUE_COLOR))
                painter.drawText(QRect(inner.left() + used, inner.top(), width, height), Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(names, Qt.TextElideMode.ElideRight, width))

    def _paint_chips(self, painter: QPainter, counts: list[tuple[str | None, int]], rect: QRect, font: QFont) -> None:
        painter.setFont(font)
        metrics = QFontMetrics(font)
        left = rect.left()
        for tier, count in counts:
            text = f"{tier or '–'} {count}"
            width = metrics.horizontalAdvance(text) + 10
            if left + width > rect.right() + 1:
                break
            chip = QRect(left, rect.top() + 1, width, rect.height() - 2)
            color = tier_color(tier)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color.red(), color.green(), color.blue(), 32))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(color)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            left += width + 4


class MonthGrid(QTableView):
    """The month as a table of painted cells: click selects a day, a customer's line drags onto
    another day (``revisit_dropped(plan_id, day)``), double-click on a line asks to open it."""

    day_selected = Signal(object)  # date
    revisit_dropped = Signal(int, object)  # plan id, new date
    revisit_activated = Signal(int)  # plan id (double-click on its line)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.setModel(MonthModel(self))
        self.delegate = MonthDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setShowGrid(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setMouseTracking(True)
        self._press: QPoint | None = None
        self._press_plan: int | None = None
        self.selectionModel().currentChanged.connect(self._current_changed)

    def month(self) -> MonthModel:
        return self.model()  # type: ignore[return-value]

    def select_day(self, day: date) -> None:
        index = self.month().index_of(day)
        if index.isValid():
            self.setCurrentIndex(index)

    def selected_day(self) -> date | None:
        cell = self.month().cell(self.currentIndex())
        return cell.day if cell is not None else None

    def _current_changed(self, current, _previous) -> None:
        cell = self.month().cell(current)
        if cell is not None:
            self.day_selected.emit(cell.day)

    def plan_at(self, pos: QPoint) -> RevisitRow | None:
        """The revisit whose line is under a point of the viewport, if any."""
        index = self.indexAt(pos)
        cell = self.month().cell(index)
        if cell is None:
            return None
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        lines, _hidden = self.delegate.name_lines(option, cell)
        for rect, row in lines:
            if rect.contains(pos):
                return row
        return None

    def day_at(self, pos: QPoint) -> date | None:
        cell = self.month().cell(self.indexAt(pos))
        return cell.day if cell is not None else None

    # --- dragging a revisit out of its day ------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            row = self.plan_at(pos)
            self._press = pos
            self._press_plan = row.plan_id if row is not None and row.state == "planned" else None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if (self._press is not None and self._press_plan is not None
                and event.buttons() & Qt.MouseButton.LeftButton
                and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()):
            plan_id, self._press, self._press_plan = self._press_plan, None, None
            drag = QDrag(self)
            drag.setMimeData(revisit_mime(plan_id))
            drag.exec(Qt.DropAction.MoveAction)
            return
        # No rubber-band selection while the pointer moves over the grid.
        if not event.buttons():
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._press, self._press_plan = None, None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 (Qt override)
        row = self.plan_at(event.position().toPoint())
        if row is not None:
            self.revisit_activated.emit(row.plan_id)
            return
        super().mouseDoubleClickEvent(event)

    # --- dropping onto a day --------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if plan_id_of(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        pos = event.position().toPoint()
        if plan_id_of(event.mimeData()) is not None and self.day_at(pos) is not None:
            index = self.indexAt(pos)
            if index != self.currentIndex():
                self.setCurrentIndex(index)  # the day under the pointer lights up
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        plan_id = plan_id_of(event.mimeData())
        day = self.day_at(event.position().toPoint())
        if plan_id is None or day is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # the calendar reloads; Qt moves nothing itself
        event.accept()
        self.revisit_dropped.emit(plan_id, day)
