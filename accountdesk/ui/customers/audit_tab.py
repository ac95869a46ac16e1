"""The 变更记录 tab: who changed what about a customer and its records, and when (newest first)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from accountdesk.core.storage.audit import customer_trail
from accountdesk.ui.customers.tab_base import CustomerTab
from accountdesk.ui.kit import labels

AUDIT_KEYS = ("at", "user", "entity", "action", "field", "old_value", "new_value",
              "merged_from", "claimed_user", "claimed_at")


def shown_value(field: str | None, value: str | None) -> str:
    """Stored values are text; make codes and cents readable."""
    if value is None:
        return "—"
    if field == "stage":
        return labels.stage(value)
    if field == "kind":
        return labels.interaction_kind(value) if value in labels.INTERACTION_KINDS else labels.feedback_kind(value)
    if field == "need_type":
        return labels.need_type(value)
    if field == "amount_cents":
        try:
            return labels.money(int(value))
        except ValueError:
            return value
    if field in ("is_primary", "resolved", "tier_locked", "birth_leap_month"):
        return "✓" if value == "1" else "✗"
    return value


class AuditTab(CustomerTab):
    watches = None  # any change to this customer adds to its trail

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setObjectName("mutedText")
        layout.addWidget(self.note)
        self.table = QTableWidget()
        self.table.setObjectName("auditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.entries: list[dict] = []
        self._users: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(self.tr("Every change to this customer and its records, newest first."))
        titles = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Field"), self.tr("Before"), self.tr("After")]
        self.table.setColumnCount(len(titles))
        self.table.setHorizontalHeaderLabels(titles)
        for column, width in enumerate((140, 90, 150, 130, 200)):
            self.table.setColumnWidth(column, width)
        if self.entries:
            self._show()

    def reload(self) -> None:
        from accountdesk.core.archive.records import list_users

        customer_id = self.customer_id

        def read(session):
            entries = [{key: getattr(e, key) for key in AUDIT_KEYS} for e in customer_trail(session, customer_id)]
            users = {str(u.id): (u.display_name or u.name) for u in list_users(session)}
            return entries, users

        self.entries, self._users = self.context.operations.read_now(read)
        self._show()

    def _value(self, field: str | None, value: str | None) -> str:
        if field == "owner_id" and value is not None:
            return self._users.get(value, value)  # a person, not a number
        return shown_value(field, value)

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (also what tests read)."""
        result = []
        for entry in self.entries:
            what = f"{labels.entity(entry['entity'])} · {labels.audit_action(entry['action'])}"
            result.append([
                labels.moment(entry["at"]),
                self._who(entry),
                what,
                labels.field(entry["field"]) if entry["field"] else "",
                self._value(entry["field"], entry["old_value"]) if entry["field"] else "",
                self._value(entry["field"], entry["new_value"]) if entry["field"] else "",
            ])
        return result

    def _who(self, entry: dict) -> str:
        """The author; for an entry merged from a copy, who merged it and from where, with what the
        copy claimed only as a claim."""
        if not entry.get("merged_from"):
            return entry["user"] or ""
        who = self.tr("merged from %1 by %2").replace("%1", entry["merged_from"]).replace("%2", entry["user"] or "?")
        if entry.get("claimed_user") or entry.get("claimed_at"):
            claimed_at = labels.moment(entry["claimed_at"]) if entry.get("claimed_at") else "?"
            who += self.tr(" (the copy says: %1, %2)").replace("%1", entry.get("claimed_user") or "?") \
                .replace("%2", claimed_at)
        return who

    def _show(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if len(text) > 30:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
