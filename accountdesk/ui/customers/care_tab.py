"""Care given to the customer (客户回馈): gifts, coupons and points, what each cost and on what occasion."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from accountdesk.core.archive import care
from accountdesk.core.storage.models import cents_to_decimal
from accountdesk.ui.customers.record_dialogs import RecordDialog, combo, pydate, qdate, text_of
from accountdesk.ui.customers.tab_base import RecordTableTab, as_dict
from accountdesk.ui.kit import labels

CARE_KEYS = ("id", "version", "kind", "item", "value_cents", "given_on", "occasion")


class CareDialog(RecordDialog):
    def __init__(self, today: date, record: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit care given") if record else self.tr("Record care given"), parent)
        record = record or {}
        self.add_row("kind", self.tr("Kind *"), combo(labels.choices(labels.CARE_KINDS), record.get("kind") or "gift"))
        self.add_row("item", self.tr("What *"), QLineEdit(record.get("item") or "")).setPlaceholderText(
            self.tr("e.g. Mid-Autumn mooncakes, 10% coupon, 2,000 points"))
        value = QLineEdit(str(cents_to_decimal(record["value_cents"])) if record.get("value_cents") is not None else "")
        value.setPlaceholderText("0.00")
        # Money is typed as text and stored exactly.
        value.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,12}([.]\d{0,2})?$")))
        self.add_row("value", self.tr("Value (¥) *"), value)
        given = QDateEdit(qdate(record.get("given_on") or today))
        given.setCalendarPopup(True)
        given.setDisplayFormat("yyyy-MM-dd")
        self.add_row("given_on", self.tr("Given on *"), given)
        self.add_row("occasion", self.tr("Occasion"), QLineEdit(record.get("occasion") or "")).setPlaceholderText(
            self.tr("e.g. birthday, Mid-Autumn, renewal"))

    def values(self) -> dict:
        return {"kind": self.field("kind").currentData(), "item": text_of(self.field("item")),
                "value": text_of(self.field("value")), "given_on": pydate(self.field("given_on").date()),
                "occasion": text_of(self.field("occasion"))}


class CareTab(RecordTableTab):
    watches = ("care",)

    def column_titles(self) -> list[str]:
        return [self.tr("Given on"), self.tr("Kind"), self.tr("What"), self.tr("Value"), self.tr("Occasion")]

    def column_widths(self) -> list[int]:
        return [110, 90, 260, 120, 160]

    def numeric_columns(self) -> set[int]:
        return {3}

    def read(self, session, customer_id: int) -> list[dict]:
        return [as_dict(r, CARE_KEYS) for r in care.list_care(session, customer_id)]

    def cells(self, record: dict) -> list[str]:
        return [labels.day(record["given_on"]), labels.care_kind(record["kind"]), record["item"],
                labels.money(record["value_cents"]), record["occasion"] or ""]

    def summarize(self, records: list[dict]) -> str:
        total = sum(r["value_cents"] for r in records)
        return self.tr("%Ln given, %1 in all", "", len(records)).replace("%1", labels.money(total))

    def add_record(self) -> None:
        customer_id = self.customer_id
        self.run_dialog(CareDialog(self.context.today(), parent=self),
                        lambda session, values: care.add_care(session, customer_id, values).id)

    def edit_record(self, record: dict) -> None:
        base = {key: record[key] for key in ("kind", "item", "value_cents", "given_on", "occasion")}
        self.run_dialog(CareDialog(self.context.today(), record, parent=self),
                        lambda session, values: care.update_care(
                            session, record["id"], values, expected_version=record["version"], base=base).id)

    def delete_record(self, record: dict) -> None:
        self.mutate(lambda session: care.delete_care(session, record["id"]).id)
