"""Revisits and care dates as lists (today's list, a day's or a week's agenda), their colours, the
complete-a-revisit form, and the actions on one revisit shared by the calendar and the customer tab."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.core.revisits.calendar_data import CareDate
from accountdesk.core.revisits.plans import RevisitRow, complete_revisit, reschedule_revisit, skip_revisit
from accountdesk.core.team.conflicts import ConflictError
from accountdesk.ui.customers.interactions import stars
from accountdesk.ui.customers.record_dialogs import RecordDialog, combo, pydate, qdate, text_of
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.conflict_dialog import settle_conflict
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR, TIER_COLORS, UNKNOWN_TIER_COLOR

# Spelled out per call (not through tr()) so that lupdate finds every source text.
translate = QCoreApplication.translate

REVISIT_MIME = "application/x-accountdesk-revisit"
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10

DUE_COLOR = "#b45309"  # amber: due now, still within the grace
DONE_COLOR = "#15803d"
SKIPPED_COLOR = "#6b7280"
UPCOMING_COLOR = "#374151"
STATUS_COLORS = {"overdue": OVERDUE_COLOR, "due": DUE_COLOR, "done": DONE_COLOR, "skipped": SKIPPED_COLOR,
                 "upcoming": UPCOMING_COLOR, "planned": UPCOMING_COLOR}
CARE_COLORS = {"birthday": "#be185d", "festival": "#b91c1c", "anniversary": "#7c3aed"}

STATUSES = {
    "upcoming": QT_TRANSLATE_NOOP("Revisits", "Planned"),
    "planned": QT_TRANSLATE_NOOP("Revisits", "Planned"),
    "due": QT_TRANSLATE_NOOP("Revisits", "Due"),
    "overdue": QT_TRANSLATE_NOOP("Revisits", "Overdue"),
    "done": QT_TRANSLATE_NOOP("Revisits", "Done"),
    "skipped": QT_TRANSLATE_NOOP("Revisits", "Skipped"),
}
CARE_KINDS = {
    "birthday": QT_TRANSLATE_NOOP("Revisits", "Birthday"),
    "festival": QT_TRANSLATE_NOOP("Revisits", "Festival"),
    "anniversary": QT_TRANSLATE_NOOP("Revisits", "Anniversary"),
}
WEEKDAYS = (QT_TRANSLATE_NOOP("Revisits", "Mon"), QT_TRANSLATE_NOOP("Revisits", "Tue"),
            QT_TRANSLATE_NOOP("Revisits", "Wed"), QT_TRANSLATE_NOOP("Revisits", "Thu"),
            QT_TRANSLATE_NOOP("Revisits", "Fri"), QT_TRANSLATE_NOOP("Revisits", "Sat"),
            QT_TRANSLATE_NOOP("Revisits", "Sun"))
# The purpose the cadence gives its plans (stored in Chinese by the core); shown translated.
CADENCE_PURPOSE_SOURCE = QT_TRANSLATE_NOOP("Revisits", "Regular revisit")


def tr(text: str) -> str:
    return QCoreApplication.translate("Revisits", text)


def status_text(status: str) -> str:
    source = STATUSES.get(status)
    return tr(source) if source else status


def care_kind_text(kind: str) -> str:
    source = CARE_KINDS.get(kind)
    return tr(source) if source else kind


def weekday_text(day: date) -> str:
    return tr(WEEKDAYS[day.weekday()])


def day_title(day: date) -> str:
    """"11月24日 周二" / "Tue 11/24": a day as a heading."""
    return translate("Revisits", "%3 %1/%2").replace("%1", str(day.month)).replace("%2", str(day.day)).replace("%3", weekday_text(day))


def short_day(day: date) -> str:
    """"11月30日" / "11/30": a day without its weekday, for a range in a heading."""
    return translate("Revisits", "%1/%2").replace("%1", str(day.month)).replace("%2", str(day.day))


def purpose_text(purpose: str | None) -> str:
    from accountdesk.core.revisits.plans import CADENCE_PURPOSE

    if not purpose or purpose == CADENCE_PURPOSE:
        return tr(CADENCE_PURPOSE_SOURCE)
    return purpose


def revisit_detail(row: RevisitRow) -> str:
    """An agenda line's second line: what it is for (a follow-up says so), the channel, the owner."""
    parts = [purpose_text(row.purpose)]
    if row.followup:
        parts = [translate("Revisits", "Follow-up: %1").replace("%1", row.purpose or "")]
    if row.channel:
        parts.append(labels.interaction_kind(row.channel))
    if row.owner:
        parts.append(row.owner)
    return " · ".join(parts)


def lateness_text(row: RevisitRow, today: date) -> str:
    """What the manager needs to see at a glance: how late, or when."""
    if row.state == "done":
        return translate("Revisits", "Done %1").replace("%1", labels.day(row.done_on)) if row.done_on else status_text("done")
    if row.state == "skipped":
        return status_text("skipped")
    days = (today - row.due_on).days
    if days > 0:
        if row.status == "overdue":
            return QCoreApplication.translate("Revisits", "%Ln day(s) overdue", "", days)
        return QCoreApplication.translate("Revisits", "due %Ln day(s) ago", "", days)
    if days == 0:
        return translate("Revisits", "due today")
    if days == -1:
        return translate("Revisits", "tomorrow")
    if days >= -30:
        return QCoreApplication.translate("Revisits", "in %Ln day(s)", "", -days)
    return labels.day(row.due_on)


def tier_color(tier: str | None) -> QColor:
    return QColor(TIER_COLORS.get(tier or "", UNKNOWN_TIER_COLOR))


# --- list entries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaEntry:
    """One line of an agenda: a day heading, a revisit, or a care moment."""

    kind: str  # header | revisit | care
    day: date
    revisit: RevisitRow | None = None
    care: CareDate | None = None
    count: int = 0  # a heading: how many revisits that day

    @property
    def plan_id(self) -> int | None:
        return self.revisit.plan_id if self.revisit is not None else None


def agenda_entries(days: list[date], revisits: list[RevisitRow], care: list[CareDate], *,
                   headers: bool) -> list[AgendaEntry]:
    """Entries for the given days, in order: per day its revisits (the work), then its care
    moments; with ``headers`` each day starts with a heading (even an empty day)."""
    wanted = set(days)
    by_day_revisits: dict[date, list[RevisitRow]] = {day: [] for day in days}
    by_day_care: dict[date, list[CareDate]] = {day: [] for day in days}
    for row in revisits:
        if row.due_on in wanted:
            by_day_revisits[row.due_on].append(row)
    for moment in care:
        if moment.on in wanted:
            by_day_care[moment.on].append(moment)
    entries: list[AgendaEntry] = []
    for day in days:
        if headers:
            entries.append(AgendaEntry("header", day, count=len(by_day_revisits[day])))
        entries.extend(AgendaEntry("revisit", day, revisit=row) for row in by_day_revisits[day])
        entries.extend(AgendaEntry("care", day, care=moment) for moment in by_day_care[day])
    return entries


class AgendaModel(QAbstractListModel):
    """Plain entries for a list view; revisits can be dragged onto another day."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[AgendaEntry] = []
        self.today = date.today()
        self.language = "zh"
        # Care moments on one line (the greeting in the tooltip): a week of birthdays stays readable.
        self.compact_care = False

    def set_entries(self, entries: list[AgendaEntry], today: date, language: str) -> None:
        self.beginResetModel()
        self.entries = entries
        self.today = today
        self.language = language
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._plain_text(entry)
        if role == Qt.ItemDataRole.ToolTipRole and entry.care is not None:
            return entry.care.greeting or entry.care.label(self.language)
        return None

    def _plain_text(self, entry: AgendaEntry) -> str:
        """What accessibility and tests read: the line's words without the painting."""
        if entry.kind == "header":
            return day_title(entry.day)
        if entry.care is not None:
            return f"{care_kind_text(entry.care.kind)} {entry.care.label(self.language)}"
        row = entry.revisit
        assert row is not None
        return f"{row.customer_name} {row.customer_code} {lateness_text(row, self.today)}"

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        entry = self.entries[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if entry.kind != "header":
            flags |= Qt.ItemFlag.ItemIsSelectable
        if entry.revisit is not None and entry.revisit.state == "planned":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        return [REVISIT_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 (Qt override)
        plan_ids = [self.entries[i.row()].plan_id for i in indexes if self.entries[i.row()].plan_id is not None]
        return revisit_mime(plan_ids[0]) if plan_ids else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt override)
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt override)
        return Qt.DropAction.MoveAction


def revisit_mime(plan_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(REVISIT_MIME, QByteArray(str(plan_id).encode("ascii")))
    return mime


def plan_id_of(mime: QMimeData) -> int | None:
    if not mime.hasFormat(REVISIT_MIME):
        return None
    try:
        return int(bytes(mime.data(REVISIT_MIME).data()).decode("ascii"))
    except ValueError:
        return None


class AgendaDelegate(QStyledItemDelegate):
    """Paints an agenda line: a tier bar and badge, name and code, purpose and channel, and how
    late it is in the status colour (overdue red, due amber)."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        entry: AgendaEntry = index.data(ENTRY_ROLE)
        line = QFontMetrics(option.font).height()
        if entry is None or entry.kind == "header":
            return QSize(200, line + 12)
        if entry.kind == "care":
            compact = getattr(index.model(), "compact_care", False) or not entry.care.greeting
            return QSize(200, line + 10 if compact else line * 2 + 10)
        return QSize(200, line * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        entry: AgendaEntry = index.data(ENTRY_ROLE)
        if entry is None:
            return
        model: AgendaModel = index.model()  # type: ignore[assignment]
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if entry.kind == "header":
            self._paint_header(painter, option, entry, model.today)
        else:
            painter.fillRect(rect, QColor("#dbeafe") if selected else QColor("white"))
            painter.setPen(QColor("#eef0f3"))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            if entry.kind == "care":
                self._paint_care(painter, option, entry, model.language)
            else:
                self._paint_revisit(painter, option, entry, model.today)
        painter.restore()

    def _paint_header(self, painter: QPainter, option: QStyleOptionViewItem, entry: AgendaEntry, today: date) -> None:
        rect = option.rect
        painter.fillRect(rect, QColor("#eff6ff") if entry.day == today else QColor("#f3f4f6"))
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1d4ed8") if entry.day == today else QColor("#111827"))
        text = day_title(entry.day) + ("  · " + translate("Revisits", "today") if entry.day == today else "")
        inner = rect.adjusted(self.PAD, 0, -self.PAD, 0)
        painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(option.font)
        painter.setPen(QColor(MUTED_TEXT))
        count = QCoreApplication.translate("Revisits", "%Ln revisit(s)", "", entry.count)
        if not entry.count:
            count = translate("Revisits", "no revisits")
        painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count)

    def _paint_revisit(self, painter: QPainter, option: QStyleOptionViewItem, entry: AgendaEntry, today: date) -> None:
        row = entry.revisit
        assert row is not None
        rect = option.rect
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        color = tier_color(row.tier)
        painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), color)
        # Tier badge.
        badge = QRect(rect.left() + 12, rect.top() + 7, line + 6, line)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("white"))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, row.tier or "–")
        # Right: status.
        status_color = QColor(STATUS_COLORS.get(row.status, UPCOMING_COLOR))
        status = lateness_text(row, today)
        status_width = QFontMetrics(bold).horizontalAdvance(status) + 4
        right = rect.right() - self.PAD
        painter.setPen(status_color)
        painter.drawText(QRect(right - status_width, rect.top() + 6, status_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, status)
        # Name and code.
        left = badge.right() + 8
        name_width = max(20, right - status_width - 8 - left)
        name = QFontMetrics(bold).elidedText(row.customer_name, Qt.TextElideMode.ElideRight, name_width)
        painter.setPen(QColor("#9ca3af") if row.state == "skipped" else QColor("#111827"))
        painter.drawText(QRect(left, rect.top() + 6, name_width, line), Qt.AlignmentFlag.AlignVCenter, name)
        used = QFontMetrics(bold).horizontalAdvance(name) + 8
        painter.setFont(option.font)
        painter.setPen(QColor(MUTED_TEXT))
        if used < name_width:
            painter.drawText(QRect(left + used, rect.top() + 6, name_width - used, line),
                             Qt.AlignmentFlag.AlignVCenter, metrics.elidedText(row.customer_code,
                                                                               Qt.TextElideMode.ElideRight,
                                                                               name_width - used))
        # Second line: purpose · channel · owner (and the date for lists that span days).
        detail = metrics.elidedText(revisit_detail(row), Qt.TextElideMode.ElideRight, right - left)
        painter.drawText(QRect(left, rect.top() + 8 + line, right - left, line), Qt.AlignmentFlag.AlignVCenter, detail)

    def _paint_care(self, painter: QPainter, option: QStyleOptionViewItem, entry: AgendaEntry, language: str) -> None:
        care = entry.care
        assert care is not None
        rect = option.rect
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        color = QColor(CARE_COLORS.get(care.kind, "#be185d"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        kind = care_kind_text(care.kind)
        bold = QFont(option.font)
        bold.setBold(True)
        kind_width = QFontMetrics(bold).horizontalAdvance(kind) + 12
        chip = QRect(rect.left() + 12, rect.top() + 5, kind_width, line)
        painter.setPen(QPen(color, 1))
        painter.setBrush(QColor(color.red(), color.green(), color.blue(), 28))
        painter.drawRoundedRect(chip, 4, 4)
        painter.setFont(bold)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, kind)
        painter.setFont(option.font)
        left = chip.right() + 8
        width = rect.right() - self.PAD - left
        painter.setPen(QColor("#111827"))
        painter.drawText(QRect(left, rect.top() + 5, width, line), Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(care.label(language), Qt.TextElideMode.ElideRight, width))
        if care.greeting and not getattr(option.widget.model() if option.widget else None, "compact_care", False):
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(QRect(rect.left() + 12, rect.top() + 5 + line, rect.width() - 12 - self.PAD, line),
                             Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(care.greeting, Qt.TextElideMode.ElideRight,
                                                rect.width() - 12 - self.PAD))


class AgendaView(QListView):
    """A list of agenda entries; revisits drag out, and a dropped revisit moves to the day it
    lands on (a heading's day or the day of the entry under the pointer)."""

    def __init__(self, on_drop: Callable[[int, date], None] | None = None, parent: QWidget | None = None,
                 *, fixed_day: Callable[[], date | None] | None = None) -> None:
        super().__init__(parent)
        self.on_drop = on_drop
        self.fixed_day = fixed_day
        self.setModel(AgendaModel(self))
        self.setItemDelegate(AgendaDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(on_drop is not None)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop if on_drop else
                             QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setMouseTracking(True)

    def agenda(self) -> AgendaModel:
        return self.model()  # type: ignore[return-value]

    def current_entry(self) -> AgendaEntry | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return index.data(ENTRY_ROLE)

    def select_plan(self, plan_id: int) -> bool:
        for row, entry in enumerate(self.agenda().entries):
            if entry.plan_id == plan_id:
                self.setCurrentIndex(self.agenda().index(row))
                return True
        return False

    def drop_day_at(self, pos) -> date | None:
        if self.fixed_day is not None:
            return self.fixed_day()
        index = self.indexAt(pos)
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        return entry.day if entry is not None else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.on_drop is not None and plan_id_of(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.on_drop is not None and self.drop_day_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        plan_id = plan_id_of(event.mimeData())
        day = self.drop_day_at(event.position().toPoint())
        if self.on_drop is None or plan_id is None or day is None:
            event.ignore()
            return
        # The model is rebuilt from the database after the move; Qt must not move rows itself.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.on_drop(plan_id, day)


# --- completing a revisit ---------------------------------------------------------------------


class CompleteRevisitDialog(RecordDialog):
    """The short form after a revisit: how, what was said, how satisfied, what comes next."""

    def __init__(self, customer_name: str, channel: str | None, today: date, parent: QWidget | None = None, *,
                 planned_on: date | None = None, purpose: str | None = None) -> None:
        super().__init__(translate("Revisits", "Complete revisit"), parent)
        heading = QLabel(translate("Revisits", "Revisit of %1").replace("%1", customer_name))
        heading.setObjectName("pageTitle")
        self.form.addRow(heading)
        if planned_on is not None:
            plan = QLabel(translate("Revisits", "Planned for %1 · %2").replace("%1", labels.day(planned_on)).replace(
                "%2", purpose_text(purpose)))
            plan.setObjectName("mutedText")
            self.form.addRow(plan)
        self.add_row("channel", translate("Revisits", "Channel *"), combo(labels.choices(labels.INTERACTION_KINDS), channel or "phone"))
        when = QDateEdit(qdate(today))
        when.setCalendarPopup(True)
        when.setDisplayFormat("yyyy-MM-dd")
        self.add_row("done_on", translate("Revisits", "Date *"), when)
        summary = QPlainTextEdit()
        summary.setFixedHeight(90)
        summary.setPlaceholderText(translate("Revisits", "What was discussed"))
        self.add_row("summary", translate("Revisits", "Summary"), summary)
        satisfaction: list[tuple[str | None, str]] = [(None, translate("Revisits", "(not rated)"))]
        satisfaction += [(str(n), f"{stars(n)}  {n}") for n in range(5, 0, -1)]
        self.add_row("satisfaction", translate("Revisits", "Satisfaction"), combo(satisfaction, None))
        self.add_row("next_step", translate("Revisits", "Next step"), QLineEdit())
        note = QLabel(translate("Revisits", "Saving logs the interaction and plans the next revisit from the tier's interval."))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.save_button.setText(translate("Revisits", "Complete"))

    def values(self) -> dict:
        rating = self.field("satisfaction").currentData()
        return {
            "channel": self.field("channel").currentData(),
            "done_on": pydate(self.field("done_on").date()),
            "summary": text_of(self.field("summary")),
            "satisfaction": int(rating) if rating else None,
            "next_step": text_of(self.field("next_step")),
        }


class RescheduleDialog(RecordDialog):
    """Move a revisit to another day without dragging (keyboard, or a day not on screen)."""

    def __init__(self, customer_name: str, due_on: date, parent: QWidget | None = None) -> None:
        super().__init__(translate("Revisits", "Reschedule revisit"), parent)
        self.form.addRow(QLabel(translate("Revisits", "Revisit of %1").replace("%1", customer_name)))
        when = QDateEdit(qdate(due_on))
        when.setCalendarPopup(True)
        when.setDisplayFormat("yyyy-MM-dd")
        self.add_row("due_on", translate("Revisits", "New date *"), when)

    def values(self) -> dict:
        return {"due_on": pydate(self.field("due_on").date())}


# Reminders close in bulk statements the session's flush does not see: announce them too.
REVISIT_CHANGES = Changes(revisits=True, reminders=True)


class RevisitActions:
    """Complete, skip, reschedule and open: the same steps from the calendar and the customer tab."""

    def __init__(self, owner: QWidget, context, *, on_done: Callable[[str, object], None] | None = None) -> None:
        self.owner = owner
        self.context = context
        self.on_done = on_done or (lambda _action, _result: None)
        self.active_dialog = None

    def _mutate(self, action: str, work, failed=None, dialog=None) -> None:
        def done(result) -> None:
            if dialog is not None:
                dialog.saved(result)
            self.on_done(action, result)

        self.context.operations.mutate(work, done, failed, initiator=self.owner, changes=REVISIT_CHANGES)

    def complete(self, plan_id: int, customer_name: str, channel: str | None, *, planned_on: date | None = None,
                 purpose: str | None = None) -> CompleteRevisitDialog | None:
        if self.context.read_only:
            return None
        dialog = CompleteRevisitDialog(customer_name, channel, self.context.today(), parent=self.owner,
                                       planned_on=planned_on, purpose=purpose)

        def failed(error: BaseException) -> None:
            if not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        def submitted(values: dict) -> None:
            def work(session):
                interaction, next_plan = complete_revisit(
                    session, plan_id, values["channel"], values["summary"], values["satisfaction"],
                    values["next_step"], values["done_on"])
                return interaction.id, next_plan.id, next_plan.due_on

            self._mutate("complete", work, failed, dialog)

        dialog.submitted.connect(submitted)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def reschedule_with_dialog(self, plan_id: int, customer_name: str, due_on: date) -> RescheduleDialog | None:
        if self.context.read_only:
            return None
        dialog = RescheduleDialog(customer_name, due_on, parent=self.owner)

        def saved(result) -> None:
            dialog.saved(result)
            self.on_done("reschedule", result)

        def failed(error: BaseException) -> None:
            # A colleague moved the same revisit meanwhile: their day and mine side by side.
            if isinstance(error, ConflictError):
                settle_conflict(self.context, dialog, error, saved, failed)
            elif not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        dialog.submitted.connect(lambda values: self._mutate(
            "reschedule", lambda session: reschedule_revisit(session, plan_id, values["due_on"],
                                                             shown_due=due_on).due_on,
            failed, dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def reschedule(self, plan_id: int, new_date: date) -> None:
        """Move a revisit (the drop of a drag calls this)."""
        if self.context.read_only:
            return
        self._mutate("reschedule", lambda session: reschedule_revisit(session, plan_id, new_date).due_on)

    def skip(self, plan_id: int, customer_name: str) -> None:
        if self.context.read_only:
            return
        question = translate("Revisits", "Skip the revisit of %1? The next one is planned one interval from today.").replace(
            "%1", customer_name)
        if not self.context.dialogs.ask(self.owner, translate("Revisits", "Skip revisit"), question):
            return
        today = self.context.today()
        self._mutate("skip", lambda session: skip_revisit(session, plan_id, today).due_on)

    def open_customer(self, customer_id: int) -> None:
        hub = self.context.hub
        # The customers page is built on first show; showing it first makes sure it is listening.
        hub.navigate_requested.emit("customers")
        hub.customer_open_requested.emit(customer_id)
