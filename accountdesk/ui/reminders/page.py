"""提醒中心: one list of due reminders (revisit, care, churn, custom) with filters, their states,
snoozing, bulk actions, why each fired and what to say, and the count the status bar shows."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.changes import Changes
from accountdesk.core.reminders.centre import (
    ReminderRow,
    add_custom_reminder,
    count_due,
    customers_of,
    due_reminders,
    reminder_owner,
    set_state_many,
    snooze_many,
)
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.revisits.calendar_data import closed_reminders
from accountdesk.core.storage.models import REMINDER_KINDS
from accountdesk.core.team.identity import list_owners, signed_in_owner
from accountdesk.ui.customers.record_dialogs import RecordDialog, pydate, qdate, text_of
from accountdesk.ui.kit.page_base import ReloadsWhenShown
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.reminders.items import (
    COLUMNS,
    STATES,
    ReminderTableModel,
    detail_html,
    greeting_of,
    kind_icon,
    kind_text,
)
from accountdesk.ui.reminders.upcoming import UpcomingPanel
from accountdesk.ui.winback.dialogs import open_start_win_back

REMINDER_CHANGES = Changes(reminders=True)
# "open": what waits (new, seen, and snoozed ones whose day came); the others list one state.
STATE_FILTERS = ("open", "new", "seen", "snoozed", "done", "dismissed")
HORIZONS = (0, 7, 30)


class DateDialog(RecordDialog):
    """Pick one date (snooze until, a custom reminder's day)."""

    def __init__(self, title: str, label: str, initial: date, parent: QWidget | None = None,
                 *, subject: bool = False) -> None:
        super().__init__(title, parent)
        if subject:
            self.add_row("subject", self.tr("Reminder *"), QLineEdit())
        when = QDateEdit(qdate(initial))
        when.setCalendarPopup(True)
        when.setDisplayFormat("yyyy-MM-dd")
        self.add_row("due_on", label, when)
        self.save_button.setText(self.tr("OK"))

    def values(self) -> dict:
        values = {"due_on": pydate(self.field("due_on").date())}
        if "subject" in self._fields:
            values["subject"] = text_of(self.field("subject"))
        return values


class RemindersPage(ReloadsWhenShown, Retranslating, QWidget):
    """The reminder centre. Rows are read on the reader thread; every state change is a write
    through operations.mutate, and the page announces the waiting count on the hub."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("remindersPage")
        self.all_rows: list[ReminderRow] = []
        self.pending = 0
        self.active_dialog = None
        self._serial = 0
        self._stale = True
        # Marking a reminder seen on selection updates its row in place; no reload for that.
        self._quiet = object()
        self.owners: list = []
        self.me: int | None = None
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
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newReminder")
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkNow")
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.check_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.kind_label, self.state_label, self.horizon_label = QLabel(), QLabel(), QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindFilter")
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("stateFilter")
        self.state_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.horizon_combo = QComboBox()
        self.horizon_combo.setObjectName("horizonFilter")
        self.search = QLineEdit()
        self.search.setObjectName("reminderSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setMaximumWidth(320)
        for label, combo in ((self.kind_label, self.kind_combo), (self.state_label, self.state_combo),
                             (self.horizon_label, self.horizon_combo)):
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(10)
        filters.addWidget(self.search)
        filters.addStretch(1)
        self.owner_label = QLabel()
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("ownerFilter")
        filters.addWidget(self.owner_label)
        filters.addWidget(self.owner_combo)
        layout.addLayout(filters)

        bulk = QHBoxLayout()
        self.selection_label = QLabel()
        self.selection_label.setObjectName("mutedText")
        self.done_button = QPushButton()
        self.done_button.setObjectName("primaryButton")
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("dismissReminders")
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("snoozeReminders")
        self.snooze_menu = QMenu(self)
        self.snooze_button.setMenu(self.snooze_menu)
        self.seen_button = QPushButton()
        self.seen_button.setObjectName("markSeen")
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopenReminders")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCustomer")
        self.win_back_button = QPushButton()
        self.win_back_button.setObjectName("startWinBack")
        bulk.addWidget(self.selection_label)
        bulk.addSpacing(8)
        for button in (self.done_button, self.dismiss_button, self.snooze_button, self.seen_button,
                       self.reopen_button, self.open_button, self.win_back_button):
            bulk.addWidget(button)
        bulk.addStretch(1)
        layout.addLayout(bulk)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = ReminderTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("reminderTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 92, 220, 170, 90)):
            self.table.setColumnWidth(column, width)
        columns = self.context.settings.state("reminders/columns")
        if columns is not None:
            header.restoreState(columns)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.splitter.addWidget(self.table)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setObjectName("reminderDetail")
        self.detail.setOpenLinks(False)
        side_layout.addWidget(self.detail, 1)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyGreeting")
        side_layout.addWidget(self.copy_button)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 320])
        state = self.context.settings.state("reminders/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        # What is coming in the next days sits under the list: greetings are prepared ahead.
        self.upcoming = UpcomingPanel(self.context)
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.setObjectName("remindersVertical")
        self.vertical.addWidget(self.splitter)
        self.vertical.addWidget(self.upcoming)
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 2)
        self.vertical.setSizes([520, 300])
        vertical = self.context.settings.state("reminders/upcoming")
        if vertical is not None:
            self.vertical.restoreState(vertical)
        layout.addWidget(self.vertical, 1)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.state_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.horizon_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(lambda _t: self._show_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.open_customer())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.done_button.clicked.connect(lambda: self.set_selected_state("done"))
        self.dismiss_button.clicked.connect(lambda: self.set_selected_state("dismissed"))
        self.seen_button.clicked.connect(lambda: self.set_selected_state("seen"))
        self.reopen_button.clicked.connect(lambda: self.set_selected_state("new"))
        self.open_button.clicked.connect(self.open_customer)
        self.win_back_button.clicked.connect(self.start_win_back)
        self.copy_button.clicked.connect(self.copy_greeting)
        self.new_button.clicked.connect(self.new_reminder)
        self.check_button.clicked.connect(self.check_now)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reminders"))
        self.new_button.setText(self.tr("New reminder…"))
        self.check_button.setText(self.tr("Check now"))
        self.check_button.setToolTip(self.tr("Look for new birthdays, festivals, revisits and churn warnings now"))
        self.kind_label.setText(self.tr("Kind"))
        self.owner_label.setText(self.tr("Owner"))
        self._fill_owner_combo()
        self.state_label.setText(self.tr("State"))
        self.horizon_label.setText(self.tr("Due"))
        self.search.setPlaceholderText(self.tr("Filter by customer or text…"))
        self.done_button.setText(self.tr("Mark done"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.seen_button.setText(self.tr("Mark seen"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.open_button.setText(self.tr("Open customer"))
        self.win_back_button.setText(self.tr("Start win-back…"))
        self.win_back_button.setToolTip(self.tr("Record why the customer drifts away and plan dated actions; "
                                                "they appear in Today"))
        self.copy_button.setText(self.tr("Copy greeting"))
        self._fill_combo(self.kind_combo, [(None, self.tr("All kinds"))] +
                         [(kind, kind_text(kind)) for kind in REMINDER_KINDS], with_icons=True)
        state_names = {"open": self.tr("Waiting (new, seen, back from snooze)")}
        state_names.update({state: self.tr(STATES[state]) for state in STATE_FILTERS if state in STATES})
        self._fill_combo(self.state_combo, [(state, state_names[state]) for state in STATE_FILTERS])
        self._fill_combo(self.horizon_combo, [(0, self.tr("by today")), (7, self.tr("within 7 days")),
                                              (30, self.tr("within 30 days"))])
        self.snooze_menu.clear()
        for days, text in ((1, self.tr("Until tomorrow")), (3, self.tr("For 3 days")), (7, self.tr("For a week")),
                           (30, self.tr("For a month"))):
            action = self.snooze_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, days=days: self.snooze_selected(
                self.context.today() + timedelta(days=days)))
        self.snooze_menu.addSeparator()
        self.snooze_menu.addAction(self.tr("Until a date…")).triggered.connect(self.snooze_until_date)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show_rows()

    def _fill_combo(self, combo: QComboBox, items: list, *, with_icons: bool = False) -> None:
        current = combo.currentData() if combo.count() else items[0][0]
        combo.blockSignals(True)
        combo.clear()
        for code, text in items:
            if with_icons and code is not None:
                combo.addItem(kind_icon(code), text, code)
            else:
                combo.addItem(text, code)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    # --- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the reminders the filters ask for and the waiting count, on the reader thread."""
        self._stale = False
        self._serial += 1
        serial = self._serial
        today = self.context.today()
        kind = self.kind_combo.currentData()
        kinds = (kind,) if kind else None
        state = self.state_combo.currentData() or "open"
        horizon = self.horizon_combo.currentData() or 0
        self.horizon_combo.setEnabled(state in ("open", "new", "seen"))
        owners = self.owner_filter()
        mine = None if self.me is None else [self.me]

        def read(session) -> tuple[list[ReminderRow], int]:
            if state in ("open", "new", "seen"):
                rows = due_reminders(session, today, horizon, kinds=kinds, owners=owners)
                if state == "new":
                    rows = [r for r in rows if r.state == "new" or r.state == "snoozed"]
                elif state == "seen":
                    rows = [r for r in rows if r.state == "seen"]
            else:
                rows = closed_reminders(session, today, state, kinds=kinds)
                if owners is not None:
                    allowed = customers_of(session, owners)
                    rows = [r for r in rows if r.customer_id is None or r.customer_id in allowed]
            return rows, count_due(session, today, mine)

        def done(result: tuple[list[ReminderRow], int]) -> None:
            if serial != self._serial:
                return
            self.all_rows, pending = result
            self._set_pending(pending)
            self._show_rows()

        self.context.operations.read(read, done, label=self.tr("Reading reminders…"))
        self.upcoming.reload(owners)

    def _set_pending(self, count: int) -> None:
        self.pending = count
        self.context.hub.pending_reminders_changed.emit(count)

    # --- owners -------------------------------------------------------------------------

    def _load_owners(self) -> None:
        login = self.context.user
        self.owners, self.me = self.context.operations.read_now(
            lambda session: (list_owners(session), signed_in_owner(session, login)))

    def _fill_owner_combo(self) -> None:
        current = self.owner_combo.currentData() if self.owner_combo.count() else (
            self.me if self.me is not None else "all")
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("All owners"), "all")
        for owner in self.owners:
            text = self.tr("Me (%1)").replace("%1", owner.label) if owner.id == self.me else owner.label
            self.owner_combo.addItem(text, owner.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(current)))
        self.owner_combo.blockSignals(False)

    def owner_filter(self) -> list[int] | None:
        value = self.owner_combo.currentData()
        return None if value in (None, "all") else [int(value)]

    def refresh_count(self) -> None:
        today = self.context.today()
        mine = None if self.me is None else [self.me]
        self.context.operations.read(lambda session: count_due(session, today, mine), self._set_pending)

    def _show_rows(self) -> None:
        needle = self.search.text().strip().lower()
        rows = self.all_rows
        if needle:
            rows = [r for r in rows if needle in " ".join(
                filter(None, (r.subject_zh, r.subject_en, r.customer_name, r.customer_code, r.detail_zh))).lower()]
        selected = set(self.selected_ids())
        self.model.set_rows(rows, self.context.today(), i18n.current_language())
        if selected:
            selection = self.table.selectionModel()
            for number, row in enumerate(rows):
                if row.id in selected:
                    selection.select(self.model.index(number, 0), selection.SelectionFlag.Select |
                                     selection.SelectionFlag.Rows)
        new = sum(1 for r in self.all_rows if r.state == "new")
        text = self.tr("%1 shown").replace("%1", str(len(rows)))
        text += "&nbsp;&nbsp;·&nbsp;&nbsp;" + self.tr("%1 waiting").replace("%1", str(self.pending))
        if new and (self.state_combo.currentData() or "open") == "open":
            text += "&nbsp;&nbsp;·&nbsp;&nbsp;<b style='color:#1d4ed8'>" + self.tr("%1 new").replace("%1", str(new)) + "</b>"
        self.count_label.setText(text)
        self._selection_changed()

    # --- selection ----------------------------------------------------------------------

    def selected_rows(self) -> list[ReminderRow]:
        selection = self.table.selectionModel()
        return [self.model.rows[index.row()] for index in sorted(selection.selectedRows(), key=lambda i: i.row())]

    def selected_ids(self) -> list[int]:
        return [row.id for row in self.selected_rows()] if self.model.rows else []

    def select_ids(self, ids: list[int]) -> None:
        """Select these reminders (tests, and keeping a selection across reloads)."""
        wanted = set(ids)
        selection = self.table.selectionModel()
        selection.clearSelection()
        for number, row in enumerate(self.model.rows):
            if row.id in wanted:
                selection.select(self.model.index(number, 0), selection.SelectionFlag.Select |
                                 selection.SelectionFlag.Rows)

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        writable = not self.context.read_only
        self.selection_label.setText(self.tr("%1 selected").replace("%1", str(len(rows))) if rows else
                                     self.tr("Select reminders to act on them (Ctrl/Shift for several)"))
        for button in (self.done_button, self.dismiss_button, self.snooze_button, self.seen_button):
            button.setEnabled(writable and bool(rows))
        self.reopen_button.setVisible(any(r.state in ("done", "dismissed", "snoozed") for r in rows))
        self.reopen_button.setEnabled(writable)
        single = rows[0] if len(rows) == 1 else None
        self.open_button.setEnabled(single is not None and single.customer_id is not None)
        self.win_back_button.setVisible(single is not None and single.kind == "churn")
        self.win_back_button.setEnabled(writable and single is not None and single.customer_id is not None
                                        and single.state in ("new", "seen", "snoozed"))
        self.copy_button.setVisible(single is not None and greeting_of(single) is not None)
        if single is None:
            hint = self.tr("%Ln reminder(s) selected.", "", len(rows)) if rows else \
                self.tr("Choose a reminder to see why it was raised and what to do.")
            self.detail.setHtml(f"<p style='color:#6b7280'>{html.escape(hint)}</p>")
            return
        self.detail.setHtml(detail_html(single, i18n.current_language(), self.context.today()))
        if single.state == "new" and writable:
            self._mark_seen(single)

    def _mark_seen(self, row: ReminderRow) -> None:
        """Looking at a new reminder makes it seen: it leaves the count of new ones."""
        from dataclasses import replace

        def done(_count) -> None:
            seen = replace(row, state="seen", snoozed_until=None)
            self.model.replace_row(seen)
            self.all_rows = [seen if r.id == row.id else r for r in self.all_rows]
            if [r.id for r in self.selected_rows()] == [row.id]:
                self.detail.setHtml(detail_html(seen, i18n.current_language(), self.context.today()))
            self.refresh_count()

        self.context.operations.mutate(lambda session: set_state_many(session, [row.id], "seen"), done,
                                       initiator=self._quiet, changes=REMINDER_CHANGES)

    # --- actions ------------------------------------------------------------------------

    def set_selected_state(self, state: str) -> None:
        ids = self.selected_ids()
        if not ids or self.context.read_only:
            return
        if state in ("dismissed", "done") and self.me is not None:
            me = self.me
            others = self.context.operations.read_now(lambda session: [
                rid for rid in ids if (found := reminder_owner(session, rid))[0] and found[1] != me])
            if others and not self.context.dialogs.ask(
                    self, self.tr("Another owner's reminder"),
                    self.tr("%1 of these reminders are about another owner's customers. Close them anyway?")
                    .replace("%1", str(len(others)))):
                return
        self.context.operations.mutate(lambda session: set_state_many(session, ids, state),
                                       lambda count: self._acted(self.tr("%Ln reminder(s) updated.", "", count)),
                                       initiator=self, changes=REMINDER_CHANGES)

    def snooze_selected(self, until: date) -> None:
        ids = self.selected_ids()
        if not ids or self.context.read_only:
            return
        self.context.operations.mutate(
            lambda session: snooze_many(session, ids, until),
            lambda count: self._acted(self.tr("%Ln reminder(s) snoozed until %1.", "", count)
                                      .replace("%1", until.isoformat())),
            initiator=self, changes=REMINDER_CHANGES)

    def snooze_until_date(self):
        if not self.selected_ids():
            return None
        dialog = DateDialog(self.tr("Snooze"), self.tr("Remind me again on"),
                            self.context.today() + timedelta(days=7), self)

        def submitted(values: dict) -> None:
            if values["due_on"] is None or values["due_on"] <= self.context.today():
                dialog.show_error(ValueError(self.tr("Choose a day after today.")))
                return
            dialog.saved()
            self.snooze_selected(values["due_on"])

        dialog.submitted.connect(submitted)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def new_reminder(self):
        if self.context.read_only:
            return None
        single = self.selected_rows()
        customer_id = single[0].customer_id if len(single) == 1 else None
        dialog = DateDialog(self.tr("New reminder"), self.tr("Remind me on"), self.context.today() + timedelta(days=1),
                            self, subject=True)

        def failed(error: BaseException) -> None:
            if not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        dialog.submitted.connect(lambda values: self.context.operations.mutate(
            lambda session: add_custom_reminder(session, values["subject"], values["due_on"],
                                                customer_id=customer_id).id,
            dialog.saved, failed, initiator=self, changes=REMINDER_CHANGES))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def start_win_back(self):
        """A churn warning becomes a win-back (reason, dated actions); the warning is then done."""
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].kind != "churn" or rows[0].customer_id is None or self.context.read_only:
            return None
        row = rows[0]
        self.active_dialog = open_start_win_back(self, self.context, row.customer_id,
                                                 f"{row.customer_name} · {row.customer_code}", row.id)
        return self.active_dialog

    def check_now(self) -> None:
        """Raise what is due now (the scheduler does this every 30 minutes anyway)."""
        if self.context.read_only:
            return
        today = self.context.today()

        def done(report) -> None:
            self.context.hub.status_message.emit(str(report.summary()))

        self.context.operations.mutate(lambda session: generate_reminders(session, today), done,
                                       changes=Changes(reminders=True, revisits=True),
                                       label=self.tr("Checking reminders…"))

    def _acted(self, text: str) -> None:
        self.context.hub.status_message.emit(text)

    def open_customer(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and rows[0].customer_id is not None:
            self.context.hub.navigate_requested.emit("customers")
            self.context.hub.customer_open_requested.emit(rows[0].customer_id)

    def copy_greeting(self) -> None:
        rows = self.selected_rows()
        greeting = greeting_of(rows[0]) if len(rows) == 1 else None
        if greeting:
            QGuiApplication.clipboard().setText(greeting)
            self.context.hub.status_message.emit(self.tr("Greeting copied."))

    def _context_menu(self, pos) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        for button in (self.done_button, self.dismiss_button, self.seen_button, self.open_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        snooze = menu.addMenu(self.snooze_button.text())
        snooze.setEnabled(self.snooze_button.isEnabled())
        for action in self.snooze_menu.actions():
            snooze.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # --- changes and layout ---------------------------------------------------------------

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if initiator is self._quiet:
            return
        if changes.touches("users"):
            self._load_owners()
            self._fill_owner_combo()
            self.request_reload()
        if not (changes.touches("reminders") or changes.touches("revisits") or changes.touches("winbacks")
                or changes.customer_list):
            return
        self.request_reload()
        if self._stale:
            self.refresh_count()  # the status bar's count stays true while the page is hidden

    def save_layout(self) -> None:
        self.context.settings.set_state("reminders/splitter", self.splitter.saveState())
        self.context.settings.set_state("reminders/upcoming", self.vertical.saveState())
        header = self.table.horizontalHeader()
        self.context.settings.set_state("reminders/columns", header.saveState())


__all__ = ["RemindersPage"]
