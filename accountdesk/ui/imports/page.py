"""The 导入导出 page: start an import, the history of imports with undo, and the exports (.xlsx, .csv, .json, .ics)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
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
from accountdesk.core.excel.imports.importer import list_imports, undo_import
from accountdesk.core.i18n import AccountDeskError
from accountdesk.ui.imports.job import ERROR_COLOR, kind_label
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating

# What can be exported, and the formats each kind offers (the command line's `export` kinds).
EXPORTS = {
    "customers": QT_TRANSLATE_NOOP("ImportExportPage", "Customers"),
    "tiers": QT_TRANSLATE_NOOP("ImportExportPage", "Tier sheet"),
    "transactions": QT_TRANSLATE_NOOP("ImportExportPage", "Transactions"),
    "interactions": QT_TRANSLATE_NOOP("ImportExportPage", "Interactions"),
    "revisits": QT_TRANSLATE_NOOP("ImportExportPage", "Revisits"),
}
EXPORT_DESCRIPTIONS = {
    "customers": QT_TRANSLATE_NOOP("ImportExportPage", "Every customer with tier, score, spend and dates"),
    "tiers": QT_TRANSLATE_NOOP("ImportExportPage", "The tier sheet managers keep: frequency, spend, loyalty, influence, grade, action plan"),
    "transactions": QT_TRANSLATE_NOOP("ImportExportPage", "Purchases: customer, date, product, amount"),
    "interactions": QT_TRANSLATE_NOOP("ImportExportPage", "Calls, visits, meetings and messages"),
    "revisits": QT_TRANSLATE_NOOP("ImportExportPage", "Planned revisits; also as a calendar (.ics)"),
}
SUFFIXES = (".xlsx", ".csv", ".json", ".ics")
HISTORY_COLUMNS = 10
UNDO_COLUMN = 9


def export_to(session, kind: str, path: Path, as_of: date) -> int:
    """Export one kind to the file, in the format its suffix names (as `accountdesk export` does)."""
    suffix = path.suffix.lower()
    if suffix == ".ics":
        if kind != "revisits":
            raise AccountDeskError("只有回访计划可以导出为日历（.ics）", "only revisits can be exported as a calendar (.ics)")
        from accountdesk.core.revisits.plans import export_ics

        return export_ics(session, path, today=as_of)
    if suffix == ".json":
        from accountdesk.core.excel.exports.rows import export_json

        return export_json(session, kind, path, as_of=as_of)
    from accountdesk.core.excel.exports.workbook import export_workbook

    return export_workbook(session, kind, path, as_of=as_of)


class ImportExportPage(Retranslating, QWidget):
    """Imports come in through the wizard and stay listed here, each with its undo; exports go out by kind."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("importExportPage")
        self.wizard = None
        self.imports: list = []
        self._serial = 0
        self.undo_buttons: dict[int, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title_row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        layout.addLayout(title_row)

        # --- import ---
        self.import_heading = QLabel()
        self.import_heading.setObjectName("sectionTitle")
        layout.addWidget(self.import_heading)
        intro_row = QHBoxLayout()
        self.import_intro = QLabel()
        self.import_intro.setObjectName("mutedText")
        self.import_intro.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setObjectName("primaryButton")
        intro_row.addWidget(self.import_intro, 1)
        intro_row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(intro_row)
        self.history_heading = QLabel()
        self.history_heading.setObjectName("subsectionTitle")
        layout.addWidget(self.history_heading)
        self.history = QTableWidget(0, HISTORY_COLUMNS)
        self.history.setObjectName("importHistory")
        self.history.verticalHeader().hide()
        self.history.verticalHeader().setDefaultSectionSize(34)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(False)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((140, 260, 90, 70, 70, 70, 70, 100, 150, 130)):
            self.history.setColumnWidth(column, width)
        layout.addWidget(self.history, 1)
        self.history_empty = QLabel()
        self.history_empty.setObjectName("mutedText")
        self.history_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.history_empty)

        # --- export ---
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #e5e7eb;")
        layout.addWidget(line)
        self.export_heading = QLabel()
        self.export_heading.setObjectName("sectionTitle")
        layout.addWidget(self.export_heading)
        self.export_intro = QLabel()
        self.export_intro.setObjectName("mutedText")
        self.export_intro.setWordWrap(True)
        layout.addWidget(self.export_intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self.export_buttons: dict[str, QPushButton] = {}
        self.export_notes: dict[str, QLabel] = {}
        for index, kind in enumerate(EXPORTS):
            button = QPushButton()
            button.setObjectName(f"export_{kind}")
            button.setMinimumWidth(170)
            button.clicked.connect(lambda _checked=False, k=kind: self.export(k))
            note = QLabel()
            note.setObjectName("mutedText")
            note.setWordWrap(True)  # a long English description wraps at 1280 wide instead of being cut
            grid.addWidget(button, index // 2, (index % 2) * 2)
            grid.addWidget(note, index // 2, (index % 2) * 2 + 1)
            self.export_buttons[kind] = button
            self.export_notes[kind] = note
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.message = QLabel()
        self.message.setObjectName("importExportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.setStyleSheet(
            "QLabel#sectionTitle { font-size: 16px; font-weight: 600; margin-top: 6px; }"
            "QLabel#subsectionTitle { font-weight: 600; margin-top: 4px; }"
        )

        self.import_button.clicked.connect(self.start_import)
        context.hub.operation_did_execute.connect(self._on_changes)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Import / Export"))
        self.import_heading.setText(self.tr("Import"))
        self.import_intro.setText(self.tr(
            "Bring customers, contacts, transactions or interactions in from Excel (.xlsx, .xls, .ods) or CSV. "
            "You check the columns and every row before anything is written, and each import can be undone."))
        self.import_button.setText(self.tr("Import from Excel or CSV…"))
        self.history_heading.setText(self.tr("Past imports"))
        self.history.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("File"), self.tr("Kind"), self.tr("Created"), self.tr("Updated"),
            self.tr("Skipped"), self.tr("Rejected"), self.tr("User"), self.tr("Status"), ""])
        self.history_empty.setText(self.tr("No imports yet."))
        self.export_heading.setText(self.tr("Export"))
        self.export_intro.setText(self.tr(
            "Choose the file name; its ending picks the format: .xlsx (styled, filtered), .csv, .json, "
            "or .ics for revisits. An exported sheet imports back without changes."))
        for kind, button in self.export_buttons.items():
            button.setText(self.tr(EXPORTS[kind]) + "…")
            self.export_notes[kind].setText(self.tr(EXPORT_DESCRIPTIONS[kind]))
        if self.imports:
            self._show_history()

    # --- history --------------------------------------------------------------------------

    def page_shown(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._serial += 1
        serial = self._serial

        def done(imports) -> None:
            if serial == self._serial:
                self.imports = imports
                self._show_history()

        self.context.operations.read(list_imports, done, label=self.tr("Reading the import history"))

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        # Imports and their undo announce "everything"; nothing else adds to the history.
        if changes.everything:
            self.reload()

    def _show_history(self) -> None:
        table = self.history
        table.setRowCount(len(self.imports))
        self.undo_buttons = {}
        for row, entry in enumerate(self.imports):
            summary = entry.summary or {}
            created = summary.get("created", summary.get("new", 0)) + (
                summary.get("customers_created", 0) if entry.kind != "customers" else 0)
            skipped = summary.get("duplicate", 0) + summary.get("unchanged", 0)
            path = Path(entry.file_name)
            values = [
                labels.moment(entry.started_at), path.name, kind_label(entry.kind), str(created),
                str(summary.get("updated", summary.get("update", 0))), str(skipped), str(summary.get("error", 0)),
                entry.user or "",
                self.tr("Undone {0}").format(labels.moment(entry.undone_at)) if entry.undone_at else self.tr("Imported"),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setToolTip(str(path) + (f" · {entry.sheet}" if entry.sheet else ""))
                if 3 <= column <= 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 6 and summary.get("error"):
                    item.setForeground(Qt.GlobalColor.darkRed)
                if entry.undone_at:
                    item.setForeground(Qt.GlobalColor.gray)
                table.setItem(row, column, item)
            if entry.can_undo:
                button = QPushButton(self.tr("Undo import"))
                button.setObjectName(f"undoImport_{entry.id}")
                button.clicked.connect(lambda _checked=False, e=entry: self.undo(e))
                self.undo_buttons[entry.id] = button
                table.setCellWidget(row, UNDO_COLUMN, button)
            else:
                table.removeCellWidget(row, UNDO_COLUMN)
        self.history.setVisible(bool(self.imports))
        self.history_empty.setVisible(not self.imports)

    def undo(self, entry) -> None:
        summary = entry.summary or {}
        created = summary.get("created", 0) + (summary.get("customers_created", 0) if entry.kind != "customers" else 0)
        question = self.tr(
            "Undo the import of “{0}” from {1}?\n\nThe records it created ({2}) are removed and the records it "
            "updated ({3}) get their earlier values back. Records someone changed since the import keep that change."
        ).format(Path(entry.file_name).name, labels.moment(entry.started_at), created, summary.get("updated", 0))
        if not self.context.dialogs.ask(self, self.tr("Undo import"), question):
            return
        batch_id = entry.id

        def done(result) -> None:
            text = self.tr("Import undone. Removed: {0}; restored: {1}.").format(result.removed, result.restored)
            if result.skipped:
                text += "\n" + "\n".join(message.text() for message in result.skipped)
            self._say(text)

        self.context.operations.mutate(lambda session: undo_import(session, batch_id), done,
                                       lambda error: self._say(error_text(error), ERROR_COLOR),
                                       initiator=self, label=self.tr("Undoing the import"), changes=Changes.all())

    # --- import -----------------------------------------------------------------------------

    def start_import(self, path: Path | str | None = None) -> None:
        from accountdesk.ui.imports.wizard import ImportWizard

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        self.wizard = ImportWizard(self.context, self, path=path if isinstance(path, (str, Path)) else None)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.wizard.show()

    # --- export -----------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        today = self.context.today()
        file_filter = ";;".join(self._filters(kind))
        start = Path(str(self.context.settings.value("export/last_dir", "") or Path.home()))
        suggested = start / f"{self.tr(EXPORTS[kind])}-{today.isoformat()}.xlsx"
        chosen = self.context.dialogs.save_file(self, self.tr("Export {0}").format(self.tr(EXPORTS[kind])), file_filter,
                                                str(suggested))
        if chosen is None:
            return
        path = Path(chosen)
        if path.suffix.lower() not in SUFFIXES:
            path = path.with_name(path.name + ".xlsx")
        if path.suffix.lower() == ".ics" and kind != "revisits":
            self._say(self.tr("Only revisits can be exported as a calendar (.ics)."), ERROR_COLOR)
            return
        self.context.settings.set_value("export/last_dir", str(path.parent))
        self._say(self.tr("Exporting {0}…").format(self.tr(EXPORTS[kind])))

        def done(count: int) -> None:
            text = self.tr("Exported to {1} (rows: {0})").format(count, path)
            self._say(text)
            self.context.hub.status_message.emit(text)

        self.context.operations.read(lambda session: export_to(session, kind, path, today), done,
                                     lambda error: self._say(error_text(error), ERROR_COLOR),
                                     label=self.tr("Exporting"))

    def _filters(self, kind: str) -> list[str]:
        filters = [self.tr("Excel workbook") + " (*.xlsx)", self.tr("CSV text") + " (*.csv)", "JSON (*.json)"]
        if kind == "revisits":
            filters.append(self.tr("Calendar") + " (*.ics)")
        return filters

    def _say(self, text: str, color: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};" if color else "")
