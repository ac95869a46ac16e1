"""The detail tabs that are tables of records: contacts, transactions, feedback and complaints."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.models import cents_to_decimal
from accountdesk.ui.customers.record_dialogs import (
    ContactDialog,
    FeedbackDialog,
    ResolveFeedbackDialog,
    TransactionDialog,
)
from accountdesk.ui.customers.tab_base import RecordTableTab, as_dict
from accountdesk.ui.kit import labels

CONTACT_KEYS = ("id", "version", "name", "position", "phone", "email", "wechat", "is_primary", "birth_calendar",
                "birth_year", "birth_month", "birth_day", "birth_leap_month", "notes")
TRANSACTION_KEYS = ("id", "version", "occurred_on", "product", "quantity", "amount_cents", "notes")
FEEDBACK_KEYS = ("id", "version", "kind", "received_on", "content", "resolved", "resolved_on", "resolution")


class ContactsTab(RecordTableTab):
    watches = ("contacts",)

    def column_titles(self) -> list[str]:
        return [self.tr("Name"), self.tr("Position"), self.tr("Phone"), self.tr("Email"), self.tr("WeChat"),
                self.tr("Birthday"), self.tr("Primary")]

    def column_widths(self) -> list[int]:
        return [110, 110, 130, 190, 120, 120, 60]

    def read(self, session, customer_id: int) -> list[dict]:
        return [as_dict(c, CONTACT_KEYS) for c in archive.list_contacts(session, customer_id)]

    def birthday(self, record: dict) -> str:
        if not record["birth_month"] or not record["birth_day"]:
            return ""
        text = f"{record['birth_month']:02d}-{record['birth_day']:02d}"
        if record["birth_calendar"] == "lunar":
            leap = self.tr("leap ") if record["birth_leap_month"] else ""
            return self.tr("Lunar %1").replace("%1", leap + text)
        return text

    def cells(self, record: dict) -> list[str]:
        return [record["name"], record["position"] or "", record["phone"] or "", record["email"] or "",
                record["wechat"] or "", self.birthday(record), "✓" if record["is_primary"] else ""]

    def summarize(self, records: list[dict]) -> str:
        return self.tr("%Ln contact(s)", "", len(records))

    def add_record(self) -> None:
        customer_id = self.customer_id
        self.run_dialog(ContactDialog(parent=self),
                        lambda session, values: archive.add_contact(session, customer_id, values).id)

    def edit_record(self, record: dict) -> None:
        self.run_dialog(ContactDialog(record, parent=self),
                        lambda session, values: archive.update_contact(
                            session, record["id"], values, expected_version=record["version"], base=record).id)

    def delete_record(self, record: dict) -> None:
        self.mutate(lambda session: archive.delete_contact(session, record["id"]).id)


class TransactionsTab(RecordTableTab):
    watches = ("transactions",)

    def column_titles(self) -> list[str]:
        return [self.tr("Date"), self.tr("Product"), self.tr("Quantity"), self.tr("Amount"), self.tr("Notes")]

    def column_widths(self) -> list[int]:
        return [110, 260, 80, 140, 200]

    def numeric_columns(self) -> set[int]:
        return {2, 3}

    def read(self, session, customer_id: int) -> list[dict]:
        return [as_dict(t, TRANSACTION_KEYS) for t in archive.list_transactions(session, customer_id)]

    def cells(self, record: dict) -> list[str]:
        quantity = "" if record["quantity"] is None else str(record["quantity"])
        return [labels.day(record["occurred_on"]), record["product"] or "", quantity,
                labels.money(record["amount_cents"]), record["notes"] or ""]

    def summarize(self, records: list[dict]) -> str:
        total = sum(r["amount_cents"] for r in records)
        return self.tr("%Ln transaction(s), %1 in all", "", len(records)).replace("%1", labels.money(total))

    def add_record(self) -> None:
        customer_id = self.customer_id
        self.run_dialog(TransactionDialog(self.context.today(), parent=self),
                        lambda session, values: archive.add_transaction(session, customer_id, values).id)

    def edit_record(self, record: dict) -> None:
        shown = dict(record, amount=cents_to_decimal(record["amount_cents"]))
        self.run_dialog(TransactionDialog(self.context.today(), shown, parent=self),
                        lambda session, values: archive.update_transaction(
                            session, record["id"], values, expected_version=record["version"], base=record).id)

    def delete_record(self, record: dict) -> None:
        self.mutate(lambda session: archive.delete_transaction(session, record["id"]).id)


class FeedbackTab(RecordTableTab):
    watches = ("feedback",)

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.resolve_button = QPushButton()
        self.resolve_button.setObjectName("resolveFeedback")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.extra_buttons.addWidget(self.resolve_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "resolve_button"):
            self.resolve_button.setText(self.tr("Mark resolved…"))

    def column_titles(self) -> list[str]:
        return [self.tr("Received"), self.tr("Kind"), self.tr("Content"), self.tr("Status"), self.tr("Resolution")]

    def column_widths(self) -> list[int]:
        return [100, 70, 360, 130, 240]

    def read(self, session, customer_id: int) -> list[dict]:
        return [as_dict(f, FEEDBACK_KEYS) for f in archive.list_feedback(session, customer_id)]

    def cells(self, record: dict) -> list[str]:
        if record["resolved"]:
            status = self.tr("Resolved %1").replace("%1", labels.day(record["resolved_on"]))
        else:
            status = self.tr("Open")
        return [labels.day(record["received_on"]), labels.feedback_kind(record["kind"]), record["content"],
                status, record["resolution"] or ""]

    def summarize(self, records: list[dict]) -> str:
        open_complaints = sum(1 for r in records if r["kind"] == "complaint" and not r["resolved"])
        return self.tr("%Ln entry(ies), %1 open", "", len(records)).replace("%1", str(open_complaints))

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "resolve_button"):
            record = self.selected_record()
            self.resolve_button.setEnabled(not self.read_only() and record is not None and not record["resolved"])

    def add_record(self) -> None:
        customer_id = self.customer_id
        self.run_dialog(FeedbackDialog(self.context.today(), parent=self),
                        lambda session, values: archive.add_feedback(session, customer_id, values).id)

    def edit_record(self, record: dict) -> None:
        self.run_dialog(FeedbackDialog(self.context.today(), record, parent=self),
                        lambda session, values: archive.update_feedback(
                            session, record["id"], values, expected_version=record["version"], base=record).id)

    def delete_record(self, record: dict) -> None:
        self.mutate(lambda session: archive.delete_feedback(session, record["id"]).id)

    def resolve_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        self.run_dialog(ResolveFeedbackDialog(self.context.today(), parent=self),
                        lambda session, values: archive.resolve_feedback(
                            session, record["id"], values["resolution"], values["resolved_on"]).id)
