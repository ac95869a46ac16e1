"""The customer's win-backs: why they drift away, the dated actions, how it ended; start or end one here."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive import records as archive
from accountdesk.core.winback.plans import WinBackRow, complete_action, list_win_backs, open_churn_warnings
from accountdesk.ui.customers.tab_base import CustomerTab
from accountdesk.ui.kit import labels
from accountdesk.ui.winback.dialogs import open_add_action, open_close_win_back, open_start_win_back

_DONE_COLOUR = QColor("#15803d")
_LATE_COLOUR = QColor("#b91c1c")


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    return table


class WinBackTab(CustomerTab):
    """Win-backs, the one in progress first; below, the actions of the one selected."""

    watches = ("winbacks", "reminders")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.win_backs: list[WinBackRow] = []
        self.customer_label = ""
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.start_button = QPushButton()
        self.start_button.setObjectName("primaryButton")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addWinBackAction")
        self.done_button = QPushButton()
        self.done_button.setObjectName("winBackActionDone")
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeWinBack")
        for button in (self.start_button, self.add_button, self.done_button, self.close_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("mutedText")
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.table = _table("winBackTable")
        layout.addWidget(self.table, 1)
        self.actions_title = QLabel()
        self.actions_title.setObjectName("sectionTitle")
        layout.addWidget(self.actions_title)
        self.action_table = _table("winBackActions")
        layout.addWidget(self.action_table, 1)
        self.start_button.clicked.connect(self.start)
        self.add_button.clicked.connect(self.add_action)
        self.done_button.clicked.connect(self.action_done)
        self.close_button.clicked.connect(self.close_selected)
        self.table.itemSelectionChanged.connect(self._show_actions)
        self.action_table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start win-back…"))
        self.add_button.setText(self.tr("Add action…"))
        self.done_button.setText(self.tr("Action done"))
        self.close_button.setText(self.tr("End win-back…"))
        self.actions_title.setText(self.tr("Actions"))
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Churn reason"), self.tr("State"),
                                              self.tr("Next action"), self.tr("Note")])
        self.action_table.setColumnCount(3)
        self.action_table.setHorizontalHeaderLabels([self.tr("On"), self.tr("Action"), self.tr("Done")])
        self._show()

    def reload(self) -> None:
        customer_id = self.customer_id

        def read(session):
            customer = archive.get_customer(session, customer_id)
            return list_win_backs(session, customer_id=customer_id), f"{customer.name} · {customer.code}"

        self.win_backs, self.customer_label = self.context.operations.read_now(read)
        self._show()

    def _state(self, row: WinBackRow) -> str:
        if row.outcome is None:
            return self.tr("In progress")
        return f"{labels.winback_outcome(row.outcome)} {labels.day(row.closed_on)}"

    def _show(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.win_backs))
        for r, row in enumerate(self.win_backs):
            step = row.next_action
            cells = [labels.day(row.started_on), labels.winback_reason(row.reason), self._state(row),
                     f"{labels.day(step.due_on)} {step.action}" if step and row.outcome is None else "",
                     row.note or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2 and row.outcome == "won":
                    item.setForeground(_DONE_COLOUR)
                elif c == 2 and row.outcome == "lost":
                    item.setForeground(_LATE_COLOUR)
                self.table.setItem(r, c, item)
        running = sum(1 for row in self.win_backs if row.outcome is None)
        self.summary.setText(self.tr("%Ln win-back(s), %1 in progress", "", len(self.win_backs))
                             .replace("%1", str(running)))
        keep = next((r for r, row in enumerate(self.win_backs) if selected and row.id == selected.id), 0)
        if self.win_backs:
            self.table.selectRow(keep)
        self._show_actions()

    def selected(self) -> WinBackRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.win_backs[rows[0].row()] if rows and rows[0].row() < len(self.win_backs) else None

    def _show_actions(self) -> None:
        row = self.selected()
        steps = row.actions if row is not None else ()
        today = self.context.today()
        self.action_table.setRowCount(len(steps))
        for r, step in enumerate(steps):
            cells = [labels.day(step.due_on), step.action, labels.day(step.done_on) if step.done_on else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if step.done_on is not None:
                    item.setForeground(_DONE_COLOUR)
                elif step.due_on < today and row is not None and row.outcome is None:
                    item.setForeground(_LATE_COLOUR)
                self.action_table.setItem(r, c, item)
        self._update_buttons()

    def selected_action(self):
        row = self.selected()
        rows = self.action_table.selectionModel().selectedRows() if self.action_table.selectionModel() else []
        if row is None or not rows or rows[0].row() >= len(row.actions):
            return None
        return row.actions[rows[0].row()]

    def _update_buttons(self) -> None:
        writable = not self.read_only() and self.customer_id is not None
        row = self.selected()
        running = row is not None and row.outcome is None
        step = self.selected_action()
        self.start_button.setEnabled(writable and not any(r.outcome is None for r in self.win_backs))
        self.add_button.setEnabled(writable and running)
        self.close_button.setEnabled(writable and running)
        self.done_button.setEnabled(writable and running and step is not None and step.done_on is None)

    # --- actions ------------------------------------------------------------------------

    def start(self):
        if self.customer_id is None or self.read_only():
            return None
        customer_id = self.customer_id
        warning = self.context.operations.read_now(lambda session: next(iter(open_churn_warnings(session, customer_id)),
                                                                        None))
        self.active_dialog = open_start_win_back(self, self.context, customer_id, self.customer_label, warning)
        return self.active_dialog

    def add_action(self):
        row = self.selected()
        if row is None or row.outcome is not None:
            return None
        self.active_dialog = open_add_action(self, self.context, row.id)
        return self.active_dialog

    def action_done(self) -> None:
        step = self.selected_action()
        if step is None or step.done_on is not None:
            return
        today = self.context.today()
        self.mutate(lambda session: complete_action(session, step.id, today).id)

    def close_selected(self):
        row = self.selected()
        if row is None or row.outcome is not None:
            return None
        self.active_dialog = open_close_win_back(self, self.context, row.id, self.customer_label)
        return self.active_dialog
