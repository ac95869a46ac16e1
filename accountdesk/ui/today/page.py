"""今日 (Today): the signed-in owner's ranked list for the day, capped at their daily capacity, with a
one-click action on each item; what does not fit waits below on the coming working days."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.changes import Changes
from accountdesk.core.reminders.agenda import Agenda, AgendaItem, build_agenda, log_contact, snooze_item
from accountdesk.core.reminders.centre import set_state
from accountdesk.core.revisits.workdays import load_work_calendar
from accountdesk.core.team.identity import Owner, choose_owner, hand_over, list_owners, signed_in_owner
from accountdesk.core.winback.plans import complete_action
from accountdesk.ui.calendar.items import RevisitActions
from accountdesk.ui.customers.record_dialogs import RecordDialog, combo, text_of
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.page_base import ReloadsWhenShown
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.reminders.page import DateDialog
from accountdesk.ui.winback.dialogs import open_start_win_back

TODAY_CHANGES = Changes(reminders=True, revisits=True, interactions=True, winbacks=True)
_TIER_COLOURS = {"A": QColor("#b91c1c"), "B": QColor("#b45309"), "C": QColor("#475569")}


KIND_TEXTS = {
    "revisit": QT_TRANSLATE_NOOP("Today", "Revisit"),
    "complaint": QT_TRANSLATE_NOOP("Today", "Complaint"),
    "churn": QT_TRANSLATE_NOOP("Today", "Churn warning"),
    "winback": QT_TRANSLATE_NOOP("Today", "Win-back"),
    "birthday": QT_TRANSLATE_NOOP("Today", "Birthday"),
    "anniversary": QT_TRANSLATE_NOOP("Today", "Anniversary"),
    "festival": QT_TRANSLATE_NOOP("Today", "Festival"),
    "custom": QT_TRANSLATE_NOOP("Today", "Reminder"),
}
COLUMN_TEXTS = (QT_TRANSLATE_NOOP("Today", "Kind"), QT_TRANSLATE_NOOP("Today", "Customer"),
                QT_TRANSLATE_NOOP("Today", "Tier"), QT_TRANSLATE_NOOP("Today", "Why"))
DAY_COLUMN = QT_TRANSLATE_NOOP("Today", "Day")


def tr(text: str) -> str:
    return QCoreApplication.translate("Today", text)


def kind_text(kind: str) -> str:
    return tr(KIND_TEXTS[kind]) if kind in KIND_TEXTS else kind


class AgendaTableModel(QAbstractTableModel):
    """Agenda items as rows (plain values; data() never queries)."""

    def __init__(self, *, show_day: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.items: list[AgendaItem] = []
        self.show_day = show_day

    def columns(self) -> list[str]:
        found = ["#", *(tr(text) for text in COLUMN_TEXTS)]
        if self.show_day:
            found.insert(1, tr(DAY_COLUMN))
        return found

    def set_items(self, items: list[AgendaItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return len(self.columns())

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column() - (1 if self.show_day else 0)
        if self.show_day and index.column() == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return labels.day(item.planned_for)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(index.row() + 1)
            if column == 1:
                return kind_text(item.kind)
            if column == 2:
                return f"{item.customer_name} · {item.customer_code}" if item.customer_code else "—"
            if column == 3:
                return item.tier or "—"
            if column == 4:
                return item.reason(i18n.current_language())
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 3 and item.tier in _TIER_COLOURS:
                return _TIER_COLOURS[item.tier]
            if column == 4 and item.overdue:
                return QColor("#b91c1c")
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return item.reason(i18n.current_language())
        return None


class LogContactDialog(RecordDialog):
    """The short form for a contact made for an item: how, and what was said."""

    def __init__(self, customer_name: str, greeting: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Log the contact"), parent)
        heading = QLabel(customer_name)
        heading.setObjectName("pageTitle")
        self.form.addRow(heading)
        self.add_row("kind", self.tr("Channel *"), combo(labels.choices(labels.INTERACTION_KINDS), "phone"))
        summary = QPlainTextEdit(greeting or "")
        summary.setFixedHeight(80)
        summary.setPlaceholderText(self.tr("What was said"))
        self.add_row("summary", self.tr("Summary"), summary)
        self.save_button.setText(self.tr("Log"))

    def values(self) -> dict:
        return {"kind": self.field("kind").currentData(), "summary": text_of(self.field("summary"))}


class TodayPage(ReloadsWhenShown, Retranslating, QWidget):
    """The first screen. The agenda is read on the reader thread; each action is one core
    mutation through operations.mutate, after which the list reloads from the announcement."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("todayPage")
        self.owners: list[Owner] = []
        self.me: int | None = None
        self.owner_id: int | None = None
        self.agenda: Agenda | None = None
        self.active_dialog = None
        self._serial = 0
        self.revisit_actions = RevisitActions(self, context, on_done=lambda _action, _result: self.request_reload())
        self._build()
        self._load_owners()
        self.retranslate()
        context.hub.operation_did_execute.connect(self._on_changes)
        self.reload()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.day_label = QLabel()
        self.day_label.setObjectName("mutedText")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.owner_label = QLabel()
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("ownerFilter")
        self.owner_combo.setMinimumWidth(140)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.day_label)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.owner_label)
        top.addWidget(self.owner_combo)
        layout.addLayout(top)

        # First start: who am I? Shown until this login has picked an owner.
        self.who_frame = QFrame()
        self.who_frame.setObjectName("whoAmI")
        self.who_frame.setFrameShape(QFrame.Shape.StyledPanel)
        who = QHBoxLayout(self.who_frame)
        self.who_label = QLabel()
        self.who_label.setWordWrap(True)
        self.who_combo = QComboBox()
        self.who_combo.setObjectName("whoCombo")
        self.who_button = QPushButton()
        self.who_button.setObjectName("chooseMe")
        who.addWidget(self.who_label, 1)
        who.addWidget(self.who_combo)
        who.addWidget(self.who_button)
        layout.addWidget(self.who_frame)

        actions = QHBoxLayout()
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("completeRevisit")
        self.log_button = QPushButton()
        self.log_button.setObjectName("logContact")
        self.greeting_button = QPushButton()
        self.greeting_button.setObjectName("copyGreeting")
        self.done_button = QPushButton()
        self.done_button.setObjectName("markDone")
        self.win_back_button = QPushButton()
        self.win_back_button.setObjectName("startWinBack")
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("snoozeItem")
        self.hand_over_button = QPushButton()
        self.hand_over_button.setObjectName("handOver")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCustomer")
        for button in (self.complete_button, self.log_button, self.greeting_button, self.done_button,
                       self.win_back_button, self.snooze_button, self.hand_over_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.model = AgendaTableModel(parent=self)
        self.table = self._table("todayList", self.model)
        layout.addWidget(self.table, 3)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("todayEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 15px; color: #15803d; padding: 18px;")
        layout.addWidget(self.empty_label)
        self.later_title = QLabel()
        self.later_title.setObjectName("sectionTitle")
        layout.addWidget(self.later_title)
        self.later_model = AgendaTableModel(show_day=True, parent=self)
        self.later_table = self._table("laterList", self.later_model)
        layout.addWidget(self.later_table, 2)

        self.owner_combo.currentIndexChanged.connect(self._owner_picked)
        self.who_button.clicked.connect(self.choose_me)
        self.complete_button.clicked.connect(self.complete_selected)
        self.log_button.clicked.connect(self.log_selected)
        self.greeting_button.clicked.connect(self.copy_greeting)
        self.done_button.clicked.connect(self.mark_done)
        self.win_back_button.clicked.connect(self.start_win_back)
        self.snooze_button.clicked.connect(self.snooze_selected)
        self.hand_over_button.clicked.connect(self.hand_over_selected)
        self.open_button.clicked.connect(self.open_customer)
        self.table.doubleClicked.connect(lambda _index: self.act_on_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _table(self, name: str, model: AgendaTableModel) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today"))
        self.owner_label.setText(self.tr("Owner:"))
        self.who_label.setText(self.tr("Which owner are you? Today, the reminders and the calendar then open on "
                                       "your customers (remembered for this database)."))
        self.who_button.setText(self.tr("This is me"))
        self.complete_button.setText(self.tr("Complete revisit…"))
        self.log_button.setText(self.tr("Log contact…"))
        self.greeting_button.setText(self.tr("Copy greeting"))
        self.done_button.setText(self.tr("Done"))
        self.win_back_button.setText(self.tr("Start win-back…"))
        self.win_back_button.setToolTip(self.tr("Record why the customer drifts away and plan dated actions; "
                                                "the warning is closed"))
        self.snooze_button.setText(self.tr("Snooze to…"))
        self.hand_over_button.setText(self.tr("Hand over…"))
        self.open_button.setText(self.tr("Open customer"))
        self.empty_label.setText(self.tr("Nothing left for today. Well done."))
        self._fill_owner_combo()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.later_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.later_model.columnCount() - 1)
        self._show()

    # --- owners -------------------------------------------------------------------------

    def _load_owners(self) -> None:
        login = self.context.user

        def read(session):
            return list_owners(session), signed_in_owner(session, login)

        self.owners, self.me = self.context.operations.read_now(read)
        if self.owner_id is None or self.owner_id not in {o.id for o in self.owners}:
            self.owner_id = self.me if self.me is not None else (self.owners[0].id if self.owners else None)

    def _owner_text(self, owner: Owner) -> str:
        if owner.id == self.me:
            return self.tr("Me (%1)").replace("%1", owner.label)
        return owner.label

    def _fill_owner_combo(self) -> None:
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        for owner in self.owners:
            self.owner_combo.addItem(self._owner_text(owner), owner.id)
        self.owner_combo.addItem(self.tr("(no owner)"), -1)
        index = self.owner_combo.findData(self.owner_id if self.owner_id is not None else -1)
        self.owner_combo.setCurrentIndex(max(0, index))
        self.owner_combo.blockSignals(False)
        self.who_combo.clear()
        for owner in self.owners:
            self.who_combo.addItem(owner.label, owner.id)
        self.who_frame.setVisible(self.me is None and bool(self.owners) and not self.context.read_only)

    def _owner_picked(self, _index: int) -> None:
        value = self.owner_combo.currentData()
        self.owner_id = None if value in (None, -1) else int(value)
        self.reload()

    def choose_me(self) -> None:
        owner_id = self.who_combo.currentData()
        if owner_id is None:
            return
        login = self.context.user

        def done(_result) -> None:
            self.me = int(owner_id)
            self.owner_id = self.me
            self._fill_owner_combo()
            self.reload()

        self.context.operations.mutate(lambda session: choose_owner(session, login, int(owner_id)), done,
                                       initiator=self)

    # --- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        self._serial += 1
        serial = self._serial
        today = self.context.today()
        owner_id = self.owner_id

        def read(session) -> Agenda:
            return build_agenda(session, today, owner_id, days=5)

        def done(agenda: Agenda) -> None:
            if serial == self._serial:
                self.agenda = agenda
                self._show()

        self.context.operations.read(read, done, label=self.tr("Reading today's list…"))

    def _show(self) -> None:
        agenda = self.agenda
        if agenda is None:
            return
        self.day_label.setText(labels.day(agenda.day))
        self.model.set_items(agenda.today)
        self.later_model.set_items(agenda.later)
        self.count_label.setText(self.tr("%1 to do today (capacity %2) · %3 later this week")
                                 .replace("%1", str(len(agenda.today))).replace("%2", str(agenda.capacity))
                                 .replace("%3", str(len(agenda.later))))
        self.later_title.setText(self.tr("Later this week"))
        self.empty_label.setVisible(not agenda.today)
        self.table.setVisible(bool(agenda.today))
        if agenda.today and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_buttons()

    def selected_item(self) -> AgendaItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.items[rows[0].row()]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        item = self.selected_item()
        writable = not self.context.read_only
        revisit = item is not None and item.kind == "revisit"
        customer = item is not None and item.customer_id is not None
        self.complete_button.setEnabled(writable and revisit)
        self.log_button.setEnabled(writable and customer and not revisit)
        self.greeting_button.setEnabled(item is not None and bool(self._greeting(item)))
        self.done_button.setEnabled(writable and item is not None
                                    and (item.reminder_id is not None or item.action_id is not None))
        self.win_back_button.setEnabled(writable and customer and item.kind == "churn")
        self.snooze_button.setEnabled(writable and item is not None)
        self.hand_over_button.setEnabled(writable and customer and len(self.owners) > 1)
        self.open_button.setEnabled(customer)

    # --- actions ------------------------------------------------------------------------

    def act_on_selected(self):
        """Double-click: the item's main action."""
        item = self.selected_item()
        if item is None:
            return None
        if item.kind == "revisit":
            return self.complete_selected()
        if item.customer_id is not None:
            return self.log_selected()
        return self.mark_done()

    def complete_selected(self):
        item = self.selected_item()
        if item is None or item.plan_id is None:
            return None
        self.active_dialog = self.revisit_actions.complete(item.plan_id, item.customer_name or "", item.channel,
                                                           planned_on=item.due_on)
        return self.active_dialog

    def log_selected(self):
        item = self.selected_item()
        if item is None or item.customer_id is None or self.context.read_only:
            return None
        dialog = LogContactDialog(f"{item.customer_name} · {item.customer_code}", None, self)
        today = self.context.today()

        def failed(error: BaseException) -> None:
            if not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        def submitted(values: dict) -> None:
            customer_id, reminder_id, action_id = item.customer_id, item.reminder_id, item.action_id
            self.context.operations.mutate(
                lambda session: log_contact(session, customer_id, reminder_id, values["kind"], values["summary"], today,
                                            action_id=action_id),
                dialog.saved, failed, changes=TODAY_CHANGES)

        dialog.submitted.connect(submitted)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _greeting(self, item: AgendaItem) -> str | None:
        if item.greeting:
            return item.greeting
        greetings = item.data.get("greetings") if item.kind == "festival" else None
        if isinstance(greetings, dict) and greetings:
            template = greetings.get("A") or next(iter(greetings.values()))
            return str(template).replace("{name}，", "").replace("{name}", "")
        return None

    def copy_greeting(self) -> None:
        item = self.selected_item()
        text = self._greeting(item) if item is not None else None
        if text:
            QGuiApplication.clipboard().setText(text)
            self.context.hub.status_message.emit(self.tr("Greeting copied."))

    def mark_done(self) -> None:
        item = self.selected_item()
        if item is None or self.context.read_only:
            return
        if item.action_id is not None:
            action_id, today = item.action_id, self.context.today()
            self.context.operations.mutate(lambda session: complete_action(session, action_id, today).id,
                                           changes=Changes(winbacks=True))
            return
        if item.reminder_id is None:
            return
        reminder_id = item.reminder_id
        self.context.operations.mutate(lambda session: set_state(session, reminder_id, "done"),
                                       changes=Changes(reminders=True))

    def snooze_selected(self):
        item = self.selected_item()
        if item is None or self.context.read_only:
            return None
        today = self.context.today()
        suggestion = self.context.operations.read_now(
            lambda session: load_work_calendar(session).on_or_after(today + timedelta(days=1)))
        dialog = DateDialog(self.tr("Snooze to a day"), self.tr("Until *"), suggestion, self)

        def submitted(values: dict) -> None:
            day: date = values["due_on"]
            plan_id, reminder_id, action_id = item.plan_id, item.reminder_id, item.action_id
            self.context.operations.mutate(
                lambda session: snooze_item(session, day=day, today=today, plan_id=plan_id, reminder_id=reminder_id,
                                            action_id=action_id),
                dialog.saved, changes=TODAY_CHANGES)

        dialog.submitted.connect(submitted)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def start_win_back(self):
        """A churn warning becomes a win-back: a reason and dated actions, which then come to this list."""
        item = self.selected_item()
        if item is None or item.customer_id is None or item.kind != "churn" or self.context.read_only:
            return None
        self.active_dialog = open_start_win_back(self, self.context, item.customer_id,
                                                 f"{item.customer_name} · {item.customer_code}", item.reminder_id)
        return self.active_dialog

    def hand_over_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.customer_id is None or self.context.read_only:
            return
        others = [owner for owner in self.owners if owner.id != item.owner_id]
        if not others:
            return
        choice = self.context.dialogs.choose(
            self, self.tr("Hand over"),
            self.tr("Hand %1 over to which owner? Its planned revisits go along.").replace("%1", item.customer_name or ""),
            [owner.label for owner in others])
        if choice is None:
            return
        customer_id, owner_id = item.customer_id, others[choice].id
        self.context.operations.mutate(lambda session: hand_over(session, customer_id, owner_id),
                                       changes=TODAY_CHANGES)

    def open_customer(self) -> None:
        item = self.selected_item()
        if item is not None and item.customer_id is not None:
            self.revisit_actions.open_customer(item.customer_id)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.touches("users"):
            self._load_owners()
            self._fill_owner_combo()
        if any(changes.touches(name) for name in ("reminders", "revisits", "interactions", "customers", "users",
                                                  "settings", "winbacks")) or changes.customers:
            self.request_reload()


