"""One customer: a header (name, tier badge, stage, owner, next revisit) over tabs; tabs register here."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from accountdesk.core.archive import records as archive
from accountdesk.core.tiering.policies import policy_for
from accountdesk.ui.customers.audit_tab import AuditTab
from accountdesk.ui.customers.basic_form import BasicInfoTab
from accountdesk.ui.customers.care_tab import CareTab
from accountdesk.ui.customers.interactions import InteractionsTab, open_log_interaction
from accountdesk.ui.customers.record_tabs import ContactsTab, FeedbackTab, TransactionsTab
from accountdesk.ui.customers.revisit_tab import RevisitPlanTab
from accountdesk.ui.customers.tab_base import CustomerTab
from accountdesk.ui.customers.tier_tab import TierRecordTab
from accountdesk.ui.customers.winback_tab import WinBackTab
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR, TIER_COLORS, UNKNOWN_TIER_COLOR


@dataclass(frozen=True)
class TabSpec:
    """A detail tab, built as ``tab_class(context, parent)`` with ``set_customer(customer_id)``."""

    key: str
    title: str  # English source, "CustomerDetail" context
    tab_class: type[CustomerTab]


DETAIL_TABS: list[TabSpec] = [
    TabSpec("basic", QT_TRANSLATE_NOOP("CustomerDetail", "Basic info"), BasicInfoTab),
    TabSpec("contacts", QT_TRANSLATE_NOOP("CustomerDetail", "Contacts"), ContactsTab),
    TabSpec("transactions", QT_TRANSLATE_NOOP("CustomerDetail", "Transactions"), TransactionsTab),
    TabSpec("interactions", QT_TRANSLATE_NOOP("CustomerDetail", "Interactions"), InteractionsTab),
    TabSpec("revisits", QT_TRANSLATE_NOOP("CustomerDetail", "Revisit plan"), RevisitPlanTab),
    TabSpec("feedback", QT_TRANSLATE_NOOP("CustomerDetail", "Feedback & complaints"), FeedbackTab),
    TabSpec("care", QT_TRANSLATE_NOOP("CustomerDetail", "Care given"), CareTab),
    TabSpec("winback", QT_TRANSLATE_NOOP("CustomerDetail", "Win-back"), WinBackTab),
    TabSpec("tiering", QT_TRANSLATE_NOOP("CustomerDetail", "Tier record"), TierRecordTab),
    TabSpec("audit", QT_TRANSLATE_NOOP("CustomerDetail", "Change history"), AuditTab),
]


class CustomerDetail(Retranslating, QWidget):
    back_requested = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.customer_id: int | None = None
        self.row = None
        self.discount: str | None = None  # the tier policy's discount, where a quote would use it
        self._owner_names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Header: back, name and badge, facts, actions.
        top = QHBoxLayout()
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToList")
        self.back_button.clicked.connect(self.back_requested)
        self.name_label = QLabel()
        self.name_label.setObjectName("customerName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name_label.setFont(font)
        self.tier_badge = QLabel()
        self.tier_badge.setObjectName("tierBadge")
        self.log_button = QPushButton()
        self.log_button.setObjectName("primaryButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteCustomer")
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.name_label)
        top.addSpacing(8)
        top.addWidget(self.tier_badge)
        top.addStretch(1)
        top.addWidget(self.log_button)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        self.facts = QLabel()
        self.facts.setObjectName("customerFacts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        self.tab_widgets: dict[str, QWidget] = {}
        for spec in DETAIL_TABS:
            widget = spec.tab_class(context, self)
            widget.setObjectName(f"tab_{spec.key}")
            self.tab_widgets[spec.key] = widget
            self.tabs.addTab(widget, "")
        layout.addWidget(self.tabs, 1)
        self.log_button.clicked.connect(self.log_interaction)
        self.delete_button.clicked.connect(self._delete_or_restore)
        context.hub.operation_did_execute.connect(self._on_changes)
        self.retranslate()

    def tab(self, key: str) -> QWidget:
        return self.tab_widgets[key]

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab_widgets[key]
        self.tabs.setCurrentWidget(widget)
        return widget

    def set_customer(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.reload_header()
        for widget in self.tab_widgets.values():
            setter = getattr(widget, "set_customer", None)
            if callable(setter):
                setter(customer_id)

    def reload_header(self) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        def read(session):
            users = {u.name: (u.display_name or u.name) for u in archive.list_users(session)}
            rows = archive.customer_rows(session, [customer_id])
            row = rows.get(customer_id)
            policy = policy_for(session, row.tier) if row is not None else None
            return rows, users, policy.discount_percent if policy is not None else None

        rows, self._owner_names, self.discount = self.context.operations.read_now(read)
        self.row = rows.get(customer_id)
        self._show_header()

    def _show_header(self) -> None:
        row = self.row
        if row is None:
            return
        self.name_label.setText(row.name)
        color = TIER_COLORS.get(row.tier or "", UNKNOWN_TIER_COLOR)
        self.tier_badge.setStyleSheet(f"background: {color};")
        if row.tier:
            badge = self.tr("Tier %1").replace("%1", row.tier)
            if row.score is not None:
                badge += f" · {labels.score(row.score)}"
        else:
            badge = self.tr("Not graded")
        self.tier_badge.setText(badge)
        today = self.context.today()
        overdue = row.next_revisit is not None and row.next_revisit < today
        revisit = labels.day(row.next_revisit) or self.tr("none planned")
        if overdue:
            late = self.tr("overdue")
            revisit = f"<span style='color:{OVERDUE_COLOR}; font-weight:600'>{revisit} ({late})</span>"
        facts = [
            (self.tr("Code"), row.code),
            (self.tr("Stage"), labels.stage(row.stage) or "—"),
            (self.tr("Owner"), self._owner_names.get(row.owner, row.owner) if row.owner else self.tr("unassigned")),
            (self.tr("Next revisit"), revisit),
            (self.tr("Last contact"), labels.day(row.last_contact) or "—"),
            (self.tr("Total spend"), labels.money(row.total_spend_cents)),
        ]
        if self.discount and row.tier:
            facts.append((self.tr("Tier discount"), f"{self.discount}%"))
        if row.contact_person or row.phone:
            facts.insert(1, (self.tr("Contact"), " ".join(p for p in (row.contact_person, row.phone) if p)))
        text = "&nbsp;&nbsp;&nbsp;".join(f"<span style='color:{MUTED_TEXT}'>{name}</span> {value}" for name, value in facts)
        if row.deleted:
            deleted = self.tr("Deleted")
            text = f"<b style='color:{OVERDUE_COLOR}'>{deleted}</b>&nbsp;&nbsp;&nbsp;" + text
        self.facts.setText(text)
        writable = not self.context.read_only
        self.log_button.setEnabled(writable and not row.deleted)
        self.delete_button.setEnabled(writable)
        self.delete_button.setText(self.tr("Restore customer") if row.deleted else self.tr("Delete customer"))

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Customer list"))
        self.log_button.setText(self.tr("Log interaction…"))
        for index, spec in enumerate(DETAIL_TABS):
            # "&" would mark a keyboard mnemonic in a tab title; show it as itself.
            self.tabs.setTabText(index, QCoreApplication.translate("CustomerDetail", spec.title).replace("&", "&&"))
        self._show_header()

    def _on_changes(self, changes, _initiator) -> None:
        if self.customer_id is not None and (changes.everything or self.customer_id in changes.customers):
            self.reload_header()

    def log_interaction(self):
        if self.customer_id is None or self.context.read_only:
            return None
        self.show_tab("interactions")
        self.active_dialog = open_log_interaction(self, self.context, self.customer_id)
        return self.active_dialog

    def _delete_or_restore(self) -> None:
        if self.row is None:
            return
        customer_id = self.customer_id
        if self.row.deleted:
            self.context.operations.mutate(lambda session: archive.restore_customer(session, customer_id).id)
            return
        question = self.tr("Delete the customer “%1”? Its records are kept and it can be restored from "
                           "this screen.").replace("%1", self.row.name)
        if self.context.dialogs.ask(self, self.tr("Delete customer"), question):
            self.context.operations.mutate(lambda session: archive.delete_customer(session, customer_id).id)
