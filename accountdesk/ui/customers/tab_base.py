"""What every tab of the customer detail shares: its customer, refresh on relevant changes, record tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
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

from accountdesk.core.changes import Changes
from accountdesk.core.team.conflicts import ConflictError
from accountdesk.ui.kit.conflict_dialog import settle_conflict
from accountdesk.ui.kit.retranslate import Retranslating

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


def as_dict(obj: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """Plain values of an ORM row, taken while its session is open (screens never hold rows)."""
    return {key: getattr(obj, key) for key in keys}


class CustomerTab(Retranslating, QWidget):
    """A tab showing one customer's records. It reloads when a change concerns its customer
    and one of the kinds of record in ``watches`` (None: any change to the customer), and
    only when visible; a hidden tab is marked stale and reloads when shown."""

    watches: tuple[str, ...] | None = ()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.customer_id: int | None = None
        self.active_dialog = None
        self._stale = True
        context.hub.operation_did_execute.connect(self._on_changes)

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.customer_id is not None:
            self.reload()

    def reload(self) -> None:  # pragma: no cover - overridden
        pass

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def concerns(self, changes: Changes) -> bool:
        if self.customer_id is None:
            return False
        if changes.everything:
            return True
        if self.customer_id not in changes.customers:
            return False
        return self.watches is None or any(changes.touches(name) for name in self.watches)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if not self.concerns(changes):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    # --- dialogs that save through the core -------------------------------------------

    def run_dialog(self, dialog, save: Callable[[Any, dict], Any]) -> None:
        """Open a RecordDialog; each submit saves via the core on the writer thread. A
        validation error stays in the dialog, next to its field; success closes it. When a
        colleague changed the same fields meanwhile, the conflict is settled field by field;
        going back to editing keeps the dialog open with everything typed."""
        operations = self.context.operations

        def failed(error: BaseException) -> None:
            if isinstance(error, ConflictError):
                settle_conflict(self.context, dialog, error, dialog.saved, failed)
            elif not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        def submitted(values: dict) -> None:
            operations.mutate(lambda session: save(session, values), dialog.saved, failed, initiator=self)

        dialog.submitted.connect(submitted)
        self.active_dialog = dialog
        dialog.open()

    def mutate(self, work: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None) -> None:
        self.context.operations.mutate(work, on_done, initiator=self)

    def read_only(self) -> bool:
        return self.context.read_only


class RecordTableTab(CustomerTab):
    """A table of one kind of record with Add / Edit / Delete buttons above it."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName("addRecord")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRecord")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteRecord")
        self.summary = QLabel()
        self.summary.setObjectName("mutedText")
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        self.extra_buttons = QHBoxLayout()
        bar.addLayout(self.extra_buttons)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.table = QTableWidget()
        self.table.setObjectName("recordTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.table.itemDoubleClicked.connect(lambda _item: self._edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.records: list[dict] = []
        self.retranslate()

    # Subclasses fill these in.
    def column_titles(self) -> list[str]:  # pragma: no cover - overridden
        return []

    def column_widths(self) -> list[int]:
        return []

    def numeric_columns(self) -> set[int]:
        """Columns of numbers and money, aligned right so digits line up."""
        return set()

    def read(self, session, customer_id: int) -> list[dict]:  # pragma: no cover - overridden
        return []

    def cells(self, record: dict) -> list[str]:  # pragma: no cover - overridden
        return []

    def add_record(self) -> None:  # pragma: no cover - overridden
        pass

    def edit_record(self, record: dict) -> None:  # pragma: no cover - overridden
        pass

    def delete_record(self, record: dict) -> None:  # pragma: no cover - overridden
        pass

    def summarize(self, records: list[dict]) -> str:
        return ""

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.table.setColumnCount(len(self.column_titles()))
        self.table.setHorizontalHeaderLabels(self.column_titles())
        if self.records:
            self._show(self.records)

    def reload(self) -> None:
        customer_id = self.customer_id
        records = self.context.operations.read_now(lambda session: self.read(session, customer_id))
        self._show(records)

    def _show(self, records: list[dict]) -> None:
        self.records = records
        titles = self.column_titles()
        self.table.setColumnCount(len(titles))
        self.table.setHorizontalHeaderLabels(titles)
        for column, width in enumerate(self.column_widths()):
            self.table.setColumnWidth(column, width)
        self.table.setRowCount(len(records))
        numeric = self.numeric_columns()
        for row, record in enumerate(records):
            for column, text in enumerate(self.cells(record)):
                item = QTableWidgetItem(text)
                item.setData(RECORD_ROLE, row)
                if column in numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if text and len(text) > 30:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.summary.setText(self.summarize(records))
        self._update_buttons()

    def selected_record(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.records[rows[0].row()]

    def _update_buttons(self) -> None:
        writable = not self.read_only() and self.customer_id is not None
        has_selection = self.selected_record() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and has_selection)
        self.delete_button.setEnabled(writable and has_selection)

    def _edit_selected(self) -> None:
        record = self.selected_record()
        if record is not None and not self.read_only():
            self.edit_record(record)

    def _delete_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        if self.context.dialogs.ask(self, self.tr("Delete"), self.tr("Delete this record?")):
            self.delete_record(record)
