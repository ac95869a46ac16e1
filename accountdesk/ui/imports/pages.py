"""The first two import wizard pages: the file, sheet, kind and options; then the header row and column mapping."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from accountdesk.core.excel.imports.importer import detect_mapping, read_for_import
from accountdesk.core.excel.read.headers import (
    FIELDS,
    column_letter,
    field_spec,
    mapping_from_columns,
    matcher,
)
from accountdesk.core.excel.read.reader import sheet_names
from accountdesk.core.i18n import AccountDeskError
from accountdesk.ui.imports.job import (
    ERROR_COLOR,
    KINDS,
    ON_DUPLICATE,
    WARNING_COLOR,
    ImportJob,
    cell_text,
    kind_label,
    translate,
)
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating

FILE_FILTER = "*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.tsv"
SAMPLE_ROWS = 3
SCAN_ROWS = 200  # data rows looked at for examples and for columns without a header


class FilePage(Retranslating, QWizardPage):
    """Which file, which sheet, what it holds and what to do with rows AccountDesk already has."""

    def __init__(self, context, job: ImportJob, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.job = job
        self._names_serial = 0
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("importBrowse")
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.file_label = QLabel()
        form.addRow(self.file_label, file_row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_label = QLabel()
        form.addRow(self.sheet_label, self.sheet_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("importKind")
        self.kind_label = QLabel()
        form.addRow(self.kind_label, self.kind_combo)
        self.duplicate_combo = QComboBox()
        self.duplicate_combo.setObjectName("importOnDuplicate")
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        form.addRow(self.duplicate_label, self.duplicate_combo)
        self.create_customers = QCheckBox()
        self.create_customers.setObjectName("importCreateCustomers")
        form.addRow("", self.create_customers)
        self.strict = QCheckBox()
        self.strict.setObjectName("importStrict")
        form.addRow("", self.strict)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("importFileMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("mutedText")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        for mode in ON_DUPLICATE:
            self.duplicate_combo.addItem("", mode)
        self.sheet_combo.addItem("", None)
        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.path_edit.editingFinished.connect(self._load_sheet_names)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.retranslate()
        self._kind_changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("File and sheet"))
        self.setSubTitle(self.tr("Choose the Excel or CSV file to import and say what its rows are."))
        self.file_label.setText(self.tr("File:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.path_edit.setPlaceholderText(self.tr("An .xlsx, .xls, .ods or .csv file"))
        self.sheet_label.setText(self.tr("Sheet:"))
        self.sheet_combo.setItemText(0, self.tr("The sheet whose columns fit"))
        self.kind_label.setText(self.tr("The rows are:"))
        for index, kind in enumerate(KINDS):
            self.kind_combo.setItemText(index, kind_label(kind))
        self.duplicate_label.setText(self.tr("When a row is already in AccountDesk:"))
        for index, mode in enumerate(ON_DUPLICATE):
            self.duplicate_combo.setItemText(index, translate(ON_DUPLICATE[mode]))
        self.create_customers.setText(self.tr("Create the customers the file names but AccountDesk does not have"))
        self.strict.setText(self.tr("Import nothing if any row has an error"))
        self.hint.setText(self.tr(
            "Title rows above the header, merged header cells, phone numbers stored as numbers and dates in any "
            "common form are fine. Nothing is written until you have checked the preview, and every import can "
            "be undone."))

    # --- choosing --------------------------------------------------------------------

    def browse(self) -> None:
        start = str(self.context.settings.value("import/last_dir", "") or "")
        path = self.context.dialogs.open_file(
            self, self.tr("Choose the file to import"),
            self.tr("Spreadsheets") + f" ({FILE_FILTER});;" + self.tr("All files") + " (*)", start)
        if path is None:
            return
        self.context.settings.set_value("import/last_dir", str(Path(path).parent))
        self.path_edit.setText(str(path))
        self._load_sheet_names()

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))
        self._load_sheet_names()

    def _kind_changed(self) -> None:
        # Only rows that belong to a customer can name one AccountDesk does not have.
        self.create_customers.setEnabled(self.kind_combo.currentData() != "customers")

    def _load_sheet_names(self) -> None:
        path = self._path()
        self.message.clear()
        self._names_serial += 1
        serial = self._names_serial
        while self.sheet_combo.count() > 1:
            self.sheet_combo.removeItem(1)
        if path is None or not path.is_file():
            self.sheet_combo.setEnabled(False)
            return

        def done(names: list[str]) -> None:
            if serial != self._names_serial:
                return
            for name in names:
                self.sheet_combo.addItem(name, name)
            # A CSV file has no sheets; a workbook with one sheet needs no choice either.
            self.sheet_combo.setEnabled(len(names) > 1)

        def failed(error: BaseException) -> None:
            if serial == self._names_serial:
                self.message.setText(error_text(error))
                self.sheet_combo.setEnabled(False)

        self.context.runner.run_read(lambda: sheet_names(path), done, failed, label=self.tr("Reading the file"))

    def _path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    # --- QWizardPage --------------------------------------------------------------------

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        path = self._path()
        return path is not None and path.is_file()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        job = self.job
        job.path = self._path()
        job.sheet = self.sheet_combo.currentData()
        job.kind = self.kind_combo.currentData()
        job.options.on_duplicate = self.duplicate_combo.currentData()
        job.options.create_customers = self.create_customers.isEnabled() and self.create_customers.isChecked()
        job.options.strict = self.strict.isChecked()
        if job.read_for != job.read_key:
            job.forget_from_data()
        return True


KEEP_AS_CUSTOM = "__custom__"  # a mapping choice: the column becomes a custom field of the customer


class MappingPage(Retranslating, QWizardPage):
    """The header row and which column goes into which field, as detected (or remembered), editable."""

    COLUMNS = 4

    def __init__(self, context, job: ImportJob, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.job = job
        self._serial = 0
        self._loading = False
        self._labels: list[str] = []
        self._combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.header_label = QLabel()
        self.header_row = QSpinBox()
        self.header_row.setObjectName("importHeaderRow")
        self.header_row.setMinimum(1)
        self.sheet_info = QLabel()
        self.sheet_info.setObjectName("mutedText")
        top.addWidget(self.header_label)
        top.addWidget(self.header_row)
        top.addSpacing(16)
        top.addWidget(self.sheet_info, 1)
        layout.addLayout(top)
        self.status = QLabel()
        self.status.setObjectName("importMappingStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("importMapping")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(3, 230)
        self.table.verticalHeader().setDefaultSectionSize(34)
        layout.addWidget(self.table, 1)
        self.warning = QLabel()
        self.warning.setObjectName("importMappingWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOR};")
        layout.addWidget(self.warning)
        self.header_row.valueChanged.connect(self._header_row_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr(
            "Check which column of the file goes into which field. Change a field with its list; "
            "AccountDesk remembers your choice for files laid out the same way."))
        self.header_label.setText(self.tr("Header row:"))
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header in the file"),
                                              self.tr("Examples"), self.tr("Imports into")])
        for combo in self._combos:
            combo.setItemText(0, self.tr("— not imported —"))
            custom = combo.findData(KEEP_AS_CUSTOM)
            if custom >= 0:
                combo.setItemText(custom, self.tr("Keep as a custom field"))
        if self.job.data is not None:
            self._show_sheet_info()
            self._update_warning()

    # --- reading the file (on the reader thread) -----------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        job = self.job
        if job.data is not None and job.read_for == job.read_key:
            return  # back from the preview: keep the mapping as the manager left it
        self._serial += 1
        serial = self._serial
        self._loading = True
        self.table.setRowCount(0)
        self._combos.clear()
        self.warning.clear()
        self.sheet_info.clear()
        self._set_status(self.tr("Reading {0}…").format(job.path.name if job.path else ""), "")
        path, sheet, kind = job.path, job.sheet, job.kind

        def work(session):
            data = read_for_import(path, kind, sheet)
            try:
                return data, detect_mapping(data, kind, session), ""
            except AccountDeskError as error:
                # The file is readable but no row looks like a header: let the manager point at it.
                return data, None, error_text(error)

        def done(result) -> None:
            if serial != self._serial:
                return
            data, detected, problem = result
            job.data, job.detected, job.detect_error, job.read_for = data, detected, problem, (path, sheet, kind)
            self._loading = False
            self._fill()
            self.completeChanged.emit()

        def failed(error: BaseException) -> None:
            if serial != self._serial:
                return
            self._loading = False
            self._set_status(error_text(error), ERROR_COLOR)
            self.completeChanged.emit()

        self.completeChanged.emit()
        self.context.operations.read(work, done, failed, label=self.tr("Reading the file"))

    def _set_status(self, text: str, color: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color};" if color else "")
        self.status.setVisible(bool(text))

    def _fill(self) -> None:
        job = self.job
        data = job.data
        assert data is not None
        detected = job.detected
        row = detected.header_rows[1] if detected else 0
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(len(data.rows), 1))
        self.header_row.setValue(row + 1)
        self.header_row.blockSignals(False)
        if detected is not None:
            self._set_status("", "")
            self._show_mapping(list(detected.labels), dict(detected.columns), row)
        else:
            self._set_status(job.detect_error + "\n" + self.tr(
                "Set the header row above, then choose the field of each column."), ERROR_COLOR)
            self._show_mapping(self._row_labels(row), {}, row)
        self._show_sheet_info()

    def _show_sheet_info(self) -> None:
        data = self.job.data
        if data is None:
            return
        where = data.path.name + (f" · {data.sheet}" if data.sheet else "")
        if data.encoding:
            where += f" · {data.encoding}"
        rows_below = max(len(data.rows) - self.header_row.value(), 0)
        self.sheet_info.setText(self.tr("{0} — rows below the header: {1}").format(where, rows_below))

    def _row_labels(self, row: int) -> list[str]:
        rows = self.job.data.rows if self.job.data else []
        return [cell_text(v) for v in rows[row]] if row < len(rows) else []

    def _header_row_changed(self, value: int) -> None:
        if self._loading or self.job.data is None:
            return
        row = value - 1
        detected = self.job.detected
        if detected is not None and row == detected.header_rows[1]:
            self._show_mapping(list(detected.labels), dict(detected.columns), row)
        else:
            labels = self._row_labels(row)
            self._show_mapping(labels, self._guess(labels), row)
        self._show_sheet_info()

    def _guess(self, labels: list[str]) -> dict[str, int]:
        """Fields for a header row the manager chose, by the same synonyms detection uses."""
        match = matcher(self.job.kind)
        columns: dict[str, int] = {}
        for index, label in enumerate(labels):
            spec = match.match(label) if label else None
            if spec is not None and spec.name not in columns:
                columns[spec.name] = index
        return columns

    # --- the mapping table ------------------------------------------------------------

    def _show_mapping(self, labels: list[str], columns: dict[str, int], header_row: int) -> None:
        data = self.job.data
        assert data is not None
        below = data.rows[header_row + 1 : header_row + 1 + SCAN_ROWS]
        width = max([len(labels)] + [len(r) for r in below])
        field_of = {index: name for name, index in columns.items()}
        shown = [i for i in range(width)
                 if (i < len(labels) and labels[i]) or i in field_of or any(i < len(r) and r[i] not in ("", None) for r in below)]
        self._labels = labels + [""] * (width - len(labels))
        self._header_row_index = header_row
        self.table.setRowCount(len(shown))
        self._combos = []
        specs = FIELDS[self.job.kind]
        for table_row, column in enumerate(shown):
            letter = QTableWidgetItem(column_letter(column))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(table_row, 0, letter)
            self.table.setItem(table_row, 1, QTableWidgetItem(self._labels[column]))
            samples = [cell_text(r[column]) for r in below if column < len(r) and r[column] not in ("", None)]
            example = QTableWidgetItem("  ·  ".join(samples[:SAMPLE_ROWS]))
            example.setToolTip("\n".join(samples[:10]))
            self.table.setItem(table_row, 2, example)
            combo = QComboBox()
            combo.setObjectName(f"mapping_{column_letter(column)}")
            combo.addItem(self.tr("— not imported —"), None)
            skipped = self.job.detected.skipped if self.job.detected is not None else ()
            keeps = self.job.kind == "customers" and bool(self._labels[column])
            if keeps:
                # A customer sheet loses no column: one with no field is kept as a custom field
                # unless the manager chooses not to import it.
                combo.addItem(self.tr("Keep as a custom field"), KEEP_AS_CUSTOM)
            for spec in specs:
                combo.addItem(spec.label.text() + (" *" if spec.required else ""), spec.name)
            combo.setProperty("column", column)
            current = field_of.get(column) or (KEEP_AS_CUSTOM if keeps and self._labels[column] not in skipped else None)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._field_chosen(c))
            self._combos.append(combo)
            self.table.setCellWidget(table_row, 3, combo)
        self._update_warning()

    def combo_for(self, letter: str) -> QComboBox | None:
        """The field list of a sheet column ("B"), for tests and keyboard users alike."""
        for combo in self._combos:
            if column_letter(combo.property("column")) == letter:
                return combo
        return None

    def _field_chosen(self, chosen: QComboBox) -> None:
        name = chosen.currentData()
        if name:
            # One column per field: the column that had this field gives it up.
            for combo in self._combos:
                if combo is not chosen and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._update_warning()
        self.completeChanged.emit()

    def chosen_columns(self) -> dict[str, int]:
        return {combo.currentData(): combo.property("column") for combo in self._combos
                if combo.currentData() and combo.currentData() != KEEP_AS_CUSTOM}

    def skipped_headers(self) -> tuple[str, ...]:
        """Headers of the columns the manager chose not to import (not even as custom fields)."""
        return tuple(self._labels[combo.property("column")] for combo in self._combos
                     if combo.currentData() is None and self._labels[combo.property("column")])

    def _update_warning(self) -> None:
        kind = self.job.kind
        columns = self.chosen_columns()
        missing = []
        if kind == "customers":
            if "name" not in columns and "company" not in columns:
                missing.append(field_spec(kind, "name").label.text())
        else:
            if "customer_code" not in columns and "customer_name" not in columns:
                missing.append(self.tr("the customer (code or name)"))
            missing += [spec.label.text() for spec in FIELDS[kind] if spec.required and spec.name not in columns]
        if not columns:
            self.warning.setText(self.tr("No column is imported yet: choose a field for at least one column."))
        elif missing:
            self.warning.setText(self.tr("No column gives {0}; every row would be rejected.").format(
                self.tr(", ").join(missing)))
        else:
            self.warning.setText("")
        self.warning.setVisible(bool(self.warning.text()))

    # --- QWizardPage --------------------------------------------------------------------

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self._loading and self.job.data is not None and bool(self.chosen_columns())

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        job = self.job
        columns = self.chosen_columns()
        detected = job.detected
        if detected is not None and columns == detected.columns and self._header_row_index == detected.header_rows[1]:
            job.header = detected  # keeps a two-row header as detected
        else:
            try:
                job.header = mapping_from_columns(job.kind, self._labels, columns, self._header_row_index)
            except AccountDeskError as error:
                self._set_status(error_text(error), ERROR_COLOR)
                return False
        job.options.skip_columns = self.skipped_headers()
        job.plan = None
        return True
