"""The import wizard's preview: what each row will do (new / update / duplicate skipped / error) and why, before anything is written."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from accountdesk.core.excel.imports.importer import ImportPlan, plan_import
from accountdesk.core.excel.imports.planner import RowPlan
from accountdesk.core.excel.read.headers import FIELDS
from accountdesk.core.excel.read.values import show
from accountdesk.ui.imports.job import (
    ACTION_COLORS,
    ERROR_COLOR,
    PROBLEM_CELL,
    WARNING_COLOR,
    ImportJob,
    action_label,
    cell_text,
    chip,
    set_chip,
)
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating

FIXED_COLUMNS = 3  # row, result, reason; the mapped sheet columns follow
FILTERS = ("all", "problems", "new", "update", "duplicate", "error")


def row_reason(row: RowPlan, kind: str) -> str:
    """Why a row does what it does, naming the column of each problem, in the interface language."""
    parts: list[str] = []
    for problem in row.problems:
        where = f"{problem.column}: " if problem.column else ""
        parts.append(where + problem.message.text())
    if row.note is not None:
        parts.append(row.note.text())
    if row.changes:
        labels = {spec.name: spec.label.text() for spec in FIELDS[kind]}
        for name, (old, new) in row.changes.items():
            label = labels.get(name, labels.get(name.removesuffix("_id"), name))
            parts.append(f"{label}: {show(old) if old not in (None, '') else '∅'} → {show(new)}")
    return "；".join(parts) if _chinese() else "; ".join(parts)


def _chinese() -> bool:
    from accountdesk.core.i18n import current_language

    return current_language() == "zh"


class PlanModel(QAbstractTableModel):
    """The plan's rows (filtered), with the sheet's own cells beside the result; `data()` only reads memory."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | None = None
        self.rows: list[RowPlan] = []
        self.columns: list[tuple[int, str]] = []  # (sheet column, field) in sheet order
        self.labels: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_plan(self, plan: ImportPlan | None, show_filter: str = "all") -> None:
        self.beginResetModel()
        self.plan = plan
        if plan is None:
            self.rows, self.columns, self.labels = [], [], []
        else:
            header = plan.header
            self.columns = sorted(((index, name) for name, index in header.columns.items()))
            self.labels = [header.labels[i] if i < len(header.labels) and header.labels[i] else name
                           for i, name in self.columns]
            self.rows = [row for row in plan.rows if _shown(row, show_filter)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("Result")
        if section == 2:
            return self.tr("Reason")
        return self.labels[section - FIXED_COLUMNS]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.plan is None:
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return row.row
            if column == 1:
                return action_label(row.action)
            if column == 2:
                return row_reason(row, self.plan.kind)
            sheet_column, _name = self.columns[column - FIXED_COLUMNS]
            cells = self.plan.sheet.rows[row.index]
            text = cell_text(cells[sheet_column]) if sheet_column < len(cells) else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                problem = self._problem_at(row, column)
                return problem.message.text() if problem is not None else None
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            if column >= FIXED_COLUMNS and self._problem_at(row, column) is not None:
                return QBrush(QColor(PROBLEM_CELL))
            if row.action in ("error", "duplicate", "update"):
                return QBrush(QColor(ACTION_COLORS[row.action][0]))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1:
                return QBrush(QColor(ACTION_COLORS[row.action][1]))
            if column == 2 and row.problems:
                return QBrush(QColor(ERROR_COLOR if row.errors else WARNING_COLOR))
            return None
        if role == Qt.ItemDataRole.FontRole and column == 1 and row.action != "new":
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _problem_at(self, row: RowPlan, column: int):
        if not row.problems:
            return None
        _sheet_column, name = self.columns[column - FIXED_COLUMNS]
        for problem in row.problems:
            if problem.field == name:
                return problem
        return None


def _shown(row: RowPlan, show_filter: str) -> bool:
    if show_filter == "all":
        return True
    if show_filter == "problems":
        return row.action in ("error", "duplicate") or bool(row.problems)
    if show_filter == "duplicate":
        return row.action in ("duplicate", "unchanged")
    return row.action == show_filter


class PreviewPage(Retranslating, QWizardPage):
    """Counts at the top, then every row with its result; problems in colour with their reason."""

    def __init__(self, context, job: ImportJob, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.job = job
        self._serial = 0
        self._planning = False
        layout = QVBoxLayout(self)
        counts = QHBoxLayout()
        self.total_label = QLabel()
        self.total_label.setObjectName("importTotal")
        counts.addWidget(self.total_label)
        self.chips = {action: chip("", action) for action in ("new", "update", "unchanged", "duplicate", "error")}
        for label in self.chips.values():
            counts.addWidget(label)
        counts.addStretch(1)
        self.filter_label = QLabel()
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("importPreviewFilter")
        for key in FILTERS:
            self.filter_combo.addItem("", key)
        counts.addWidget(self.filter_label)
        counts.addWidget(self.filter_combo)
        layout.addLayout(counts)
        self.status = QLabel()
        self.status.setObjectName("importPreviewStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        self.notes = QLabel()
        self.notes.setObjectName("mutedText")
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.filter_combo.currentIndexChanged.connect(self._refilter)
        # Importing is the step that cannot be taken back by Back (only by undo).
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr(
            "What the import will do with each row. Nothing has been written yet; rows in red will not be imported."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.filter_label.setText(self.tr("Show:"))
        names = {
            "all": self.tr("All rows"),
            "problems": self.tr("Rows with problems or skipped"),
            "new": self.tr("New"),
            "update": self.tr("Updates"),
            "duplicate": self.tr("Duplicates and unchanged"),
            "error": self.tr("Errors"),
        }
        for index, key in enumerate(FILTERS):
            self.filter_combo.setItemText(index, names[key])
        self._show_counts()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        job = self.job
        self._serial += 1
        serial = self._serial
        self._planning = True
        self.model.set_plan(None)
        self._show_counts()
        self.notes.clear()
        self._set_status(self.tr("Checking every row against AccountDesk…"), "")
        data, kind, options, header = job.data, job.kind, job.options, job.header

        def work(session):
            return plan_import(session, data, kind, options, header)

        def done(plan: ImportPlan) -> None:
            if serial != self._serial:
                return
            job.plan = plan
            self._planning = False
            self._show_plan()
            self.completeChanged.emit()

        def failed(error: BaseException) -> None:
            if serial != self._serial:
                return
            self._planning = False
            self._set_status(error_text(error), ERROR_COLOR)
            self.completeChanged.emit()

        self.completeChanged.emit()
        self.context.operations.read(work, done, failed, label=self.tr("Checking the rows"))

    def _set_status(self, text: str, color: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color};" if color else "")
        self.status.setVisible(bool(text))

    def _show_plan(self) -> None:
        plan = self.job.plan
        assert plan is not None
        # Lead with the problems when there are some: that is what the manager must look at.
        has_problems = any(row.action in ("error", "duplicate") or row.problems for row in plan.rows)
        self.filter_combo.blockSignals(True)
        self.filter_combo.setCurrentIndex(FILTERS.index("problems" if has_problems and len(plan.rows) > 50 else "all"))
        self.filter_combo.blockSignals(False)
        self._refilter()
        self._show_counts()
        self.notes.setText("\n".join(note.text() for note in plan.notes))
        counts = plan.counts()
        if plan.options.strict and plan.rejected:
            self._set_status(self.tr(
                "Rows with errors: {0}. You chose to import nothing if any row has an error; "
                "go back to change that, or fix the file.").format(len(plan.rejected)), ERROR_COLOR)
        elif not plan.writes and not (plan.kind != "customers" and plan.new_customers):
            self._set_status(self.tr("There is nothing to import: no row is new or changes a record."), WARNING_COLOR)
        elif counts["error"]:
            self._set_status(self.tr(
                "Rows that will not be imported: {0} (in red, with the reason). The others can be imported now; "
                "afterwards you can save the rejected rows to a workbook, fix them and import them again."
            ).format(counts["error"]), ERROR_COLOR)
        else:
            self._set_status(self.tr("Every row can be imported."), ACTION_COLORS["new"][1])

    def _refilter(self) -> None:
        self.model.set_plan(self.job.plan, self.filter_combo.currentData())
        table = self.table
        widths = {0: 60, 1: 150, 2: 360}
        for column in range(self.model.columnCount()):
            table.setColumnWidth(column, widths.get(column, 130))

    def _show_counts(self) -> None:
        plan = self.job.plan if not self._planning else None
        counts = plan.counts() if plan is not None else None
        texts = {
            "new": self.tr("New: {0}"),
            "update": self.tr("Updates: {0}"),
            "unchanged": self.tr("Unchanged: {0}"),
            "duplicate": self.tr("Duplicates skipped: {0}"),
            "error": self.tr("Errors: {0}"),
        }
        for action, label in self.chips.items():
            value = counts[action] if counts else 0
            set_chip(label, texts[action].format(value), action)
            # Keep the chips that matter: always new and errors, the others when there are some.
            label.setVisible(counts is not None and (value > 0 or action in ("new", "error")))
        if counts is None:
            self.total_label.clear()
            return
        total = self.tr("Rows: {0}").format(len(plan.rows))
        if plan.kind != "customers" and plan.new_customers:
            total += self.tr(" · customers to create: {0}").format(len(plan.new_customers))
        self.total_label.setText(total)

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        plan = self.job.plan
        if self._planning or plan is None:
            return False
        if plan.options.strict and plan.rejected:
            return False
        return bool(plan.writes) or (plan.kind != "customers" and bool(plan.new_customers))
