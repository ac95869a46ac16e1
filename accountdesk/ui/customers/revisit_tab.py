"""The customer's 回访计划 tab: planned and past revisits in status colours; plan, reschedule,
complete and skip."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.revisits.calendar_data import CustomerRevisit, customer_revisits
from accountdesk.core.revisits.plans import load_cadence, schedule_revisit
from accountdesk.core.tiering.stage_policies import load_stage_policies
from accountdesk.ui.calendar.items import (
    REVISIT_CHANGES,
    STATUS_COLORS,
    UPCOMING_COLOR,
    RevisitActions,
    purpose_text,
    status_text,
)
from accountdesk.ui.customers.interactions import stars
from accountdesk.ui.customers.record_dialogs import RecordDialog, combo, pydate, qdate, text_of
from accountdesk.ui.customers.tab_base import CustomerTab
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR

PLAN_ROLE = Qt.ItemDataRole.UserRole + 40


class PlanRevisitDialog(RecordDialog):
    """A revisit planned on purpose (a launch, a contract renewal): it stays where it is put."""

    def __init__(self, due_on: date, channel: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Plan a revisit"), parent)
        when = QDateEdit(qdate(due_on))
        when.setCalendarPopup(True)
        when.setDisplayFormat("yyyy-MM-dd")
        self.add_row("due_on", self.tr("Date *"), when)
        purpose = QLineEdit()
        purpose.setPlaceholderText(self.tr("e.g. contract renewal, new product"))
        self.add_row("purpose", self.tr("Purpose"), purpose)
        self.add_row("channel", self.tr("Channel"), combo(labels.choices(labels.INTERACTION_KINDS), channel or "visit"))
        self.save_button.setText(self.tr("Save"))  # tr() looks texts up under the class that calls it

    def values(self) -> dict:
        return {"due_on": pydate(self.field("due_on").date()), "purpose": text_of(self.field("purpose")),
                "channel": self.field("channel").currentData()}


class StatusColourDelegate(QStyledItemDelegate):
    """Keeps a cell's own colour when its row is selected (an overdue revisit stays red)."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if brush is not None:
            option.palette.setBrush(QPalette.ColorRole.HighlightedText, brush)


class RevisitPlanTab(CustomerTab):
    """Planned revisits first (soonest on top), then the ones done or skipped, newest first."""

    watches = ("revisits", "interactions")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.records: list[CustomerRevisit] = []
        self.customer_name = ""
        self.revisit_actions = RevisitActions(self, context)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("planRevisit")
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("primaryButton")
        self.reschedule_button = QPushButton()
        self.reschedule_button.setObjectName("rescheduleRevisit")
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skipRevisit")
        for button in (self.complete_button, self.plan_button, self.reschedule_button, self.skip_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("revisitSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.table = QTableWidget()
        self.table.setObjectName("revisitTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setItemDelegateForColumn(1, StatusColourDelegate(self.table))
        layout.addWidget(self.table)
        self.plan_button.clicked.connect(self.plan_revisit)
        self.complete_button.clicked.connect(self.complete_selected)
        self.reschedule_button.clicked.connect(self.reschedule_selected)
        self.skip_button.clicked.connect(self.skip_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.complete_selected())
        self._cadence_text = ""
        self.retranslate()

    def column_titles(self) -> list[str]:
        return [self.tr("Date"), self.tr("Status"), self.tr("Purpose"), self.tr("Channel"), self.tr("Owner"),
                self.tr("Done on"), self.tr("Satisfaction"), self.tr("Summary / next step")]

    def retranslate(self) -> None:
        self.plan_button.setText(self.tr("Plan revisit…"))
        self.complete_button.setText(self.tr("Complete…"))
        self.reschedule_button.setText(self.tr("Reschedule…"))
        self.skip_button.setText(self.tr("Skip"))
        self._show()

    # --- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        customer_id = self.customer_id
        today = self.context.today()

        def read(session):
            from accountdesk.core.archive.records import get_customer

            customer = get_customer(session, customer_id, include_deleted=True)
            cadence = load_cadence(session)
            stage = load_stage_policies(session).get(customer.stage or "")
            return (customer_revisits(session, customer_id, today), customer.name, customer.tier,
                    cadence.interval(customer.tier, customer.stage), cadence.channel(customer.tier, customer.stage),
                    customer.stage, stage.action if stage is not None else None)

        selected = self.selected_record()
        self.records, self.customer_name, tier, interval, self._channel, stage, suggestion = \
            self.context.operations.read_now(read)
        tier_text = self.tr("tier %1").replace("%1", tier) if tier else self.tr("not graded")
        if stage:
            tier_text = labels.join([tier_text, labels.stage(stage)])
        self._cadence_text = self.tr("Cadence: every %Ln day(s) (%1)", "", interval).replace("%1", tier_text)
        if suggestion:
            self._cadence_text += "  ·  " + self.tr("Suggested: %1").replace("%1", suggestion)
        self._show()
        # The revisit acted on stays selected; otherwise the next planned one is, ready to complete.
        still = selected is not None and any(r.plan_id == selected.plan_id and r.state == "planned" for r in self.records)
        if still:
            self.select_plan(selected.plan_id)
        elif self.records and self.records[0].state == "planned":
            self.table.selectRow(0)

    def _show(self) -> None:
        titles = self.column_titles()
        self.table.setColumnCount(len(titles))
        self.table.setHorizontalHeaderLabels(titles)
        for column, width in enumerate((100, 110, 180, 80, 90, 100, 100)):
            self.table.setColumnWidth(column, width)
        self.table.setRowCount(len(self.records))
        today = self.context.today()
        bold = QFont(self.table.font())
        bold.setBold(True)
        for number, record in enumerate(self.records):
            color = QColor(STATUS_COLORS.get(record.status, UPCOMING_COLOR))
            status = status_text(record.status)
            if record.status == "overdue":
                status = self.tr("Overdue %Ln day(s)", "", (today - record.due_on).days)
            elif record.status == "upcoming":
                status = self.tr("In %Ln day(s)", "", (record.due_on - today).days)
            notes = " · ".join(filter(None, (record.summary, self.tr("Next: %1").replace("%1", record.next_step)
                                              if record.next_step else None)))
            cells = [labels.day(record.due_on), status, purpose_text(record.purpose),
                     labels.interaction_kind(record.channel), record.owner or "", labels.day(record.done_on),
                     stars(record.satisfaction), notes]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PLAN_ROLE, record.plan_id)
                if column == 1:
                    item.setForeground(QBrush(color))
                    item.setFont(bold)
                elif column == 6:
                    item.setForeground(QBrush(QColor("#d97706")))
                elif record.state != "planned":
                    item.setForeground(QBrush(QColor(MUTED_TEXT)))
                if column == 7 and text:
                    item.setToolTip(text)
                self.table.setItem(number, column, item)
        planned = [r for r in self.records if r.state == "planned"]
        if planned:
            first = planned[0]
            when = labels.day(first.due_on)
            if first.status == "overdue":
                late = self.tr("overdue")
                when = f"<b style='color:{OVERDUE_COLOR}'>{when} ({late})</b>"
            else:
                when = f"<b>{when}</b>"
            text = self.tr("Next revisit %1").replace("%1", when)
        else:
            text = self.tr("No revisit planned")
        done = self.tr("%1 done").replace("%1", str(sum(1 for r in self.records if r.state == "done")))
        self.summary.setText(f"{text}&nbsp;&nbsp;<span style='color:{MUTED_TEXT}'>{done} · {self._cadence_text}</span>")
        self._update_buttons()

    # --- actions ------------------------------------------------------------------------

    def selected_record(self) -> CustomerRevisit | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.records[rows[0].row()]

    def select_plan(self, plan_id: int) -> None:
        for number, record in enumerate(self.records):
            if record.plan_id == plan_id:
                self.table.selectRow(number)

    def _update_buttons(self) -> None:
        writable = not self.read_only() and self.customer_id is not None
        record = self.selected_record()
        planned = record is not None and record.state == "planned"
        self.plan_button.setEnabled(writable)
        for button in (self.complete_button, self.reschedule_button, self.skip_button):
            button.setEnabled(writable and planned)

    def plan_revisit(self):
        if self.customer_id is None or self.read_only():
            return None
        customer_id = self.customer_id
        dialog = PlanRevisitDialog(self.context.today() + timedelta(days=7), getattr(self, "_channel", None), self)

        def failed(error: BaseException) -> None:
            if not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        dialog.submitted.connect(lambda values: self.context.operations.mutate(
            lambda session: schedule_revisit(session, customer_id, values["due_on"], purpose=values["purpose"],
                                             channel=values["channel"]).id,
            dialog.saved, failed, initiator=self, changes=REVISIT_CHANGES))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def complete_selected(self):
        record = self.selected_record()
        if record is None or record.state != "planned":
            return None
        self.active_dialog = self.revisit_actions.complete(record.plan_id, self.customer_name, record.channel,
                                                           planned_on=record.due_on, purpose=record.purpose)
        return self.active_dialog

    def reschedule_selected(self):
        record = self.selected_record()
        if record is None or record.state != "planned":
            return None
        self.active_dialog = self.revisit_actions.reschedule_with_dialog(record.plan_id, self.customer_name,
                                                                         record.due_on)
        return self.active_dialog

    def skip_selected(self) -> None:
        record = self.selected_record()
        if record is not None and record.state == "planned":
            self.revisit_actions.skip(record.plan_id, self.customer_name)
