"""The import wizard: file and sheet, column mapping, preview, the run (progress, cancel) and the summary (errors workbook, undo)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from accountdesk.core.changes import Changes
from accountdesk.core.excel.imports.importer import ImportOutcome, import_file, remember_mapping, undo_import
from accountdesk.core.excel.imports.report import write_error_workbook
from accountdesk.ui.imports.job import (
    ACTION_COLORS,
    ERROR_COLOR,
    WARNING_COLOR,
    ImportJob,
    kind_label,
)
from accountdesk.ui.imports.pages import FilePage, MappingPage
from accountdesk.ui.imports.preview import PreviewPage
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.tasks import Cancelled

log = logging.getLogger(__name__)

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RUN_PAGE, SUMMARY_PAGE = range(5)


class _ProgressRelay(QObject):
    """Carries the importer's progress from the writer thread to the run page (a queued signal)."""

    reported = Signal(int, int, str)


class _Cancelled:
    """What the import task returns when the manager cancelled before the commit."""


class RunPage(Retranslating, QWizardPage):
    """Runs the import in the task runner with a progress bar; Cancel before the commit writes nothing."""

    def __init__(self, context, job: ImportJob, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.job = job
        self.running = False
        self.finished_ok = False
        self._cancel = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.reported.connect(self._on_progress)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.stage = QLabel()
        self.stage.setObjectName("importStage")
        self.stage.setWordWrap(True)
        self.stage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.stage)
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setMinimumWidth(420)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("importCancel")
        self.back_button = QPushButton()
        self.back_button.setObjectName("importBackToPreview")
        self.back_button.hide()
        row.addWidget(self.cancel_button)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("importRunResult")
        self.result.setWordWrap(True)
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.result)
        layout.addStretch(2)
        self.cancel_button.clicked.connect(self.cancel)
        # The preview is a commit page, so the wizard offers no Back here; after a cancelled or
        # failed run nothing was written, and the manager may go back to change the import.
        self.back_button.clicked.connect(lambda: self.wizard().back())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("A backup of the database is taken first; then every accepted row is written at once."))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.back_button.setText(self.tr("< Back to the preview"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Summary >"))

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.start()

    def start(self) -> None:
        job = self.job
        if self.running or self.finished_ok:
            return
        self._cancel.clear()
        self.running = True
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.back_button.hide()
        self.result.clear()
        self.bar.setRange(0, 0)  # busy until the importer reports how far it is
        self.stage.setText(self.tr("Backing up the database, then importing {0} rows…").format(
            len(job.plan.rows) if job.plan else 0))
        self.completeChanged.emit()
        cancel, relay = self._cancel, self._relay
        data, kind, options, header = job.data, job.kind, job.options, job.header
        def progress(done: int, total: int) -> None:
            if cancel.is_set():
                raise Cancelled()  # inside the write transaction: it rolls back
            relay.reported.emit(done, total, "")

        def work() -> ImportOutcome | _Cancelled:
            database = self.context.database
            try:
                outcome = import_file(database, data, kind, options, header=header, progress=progress)
            except Cancelled:
                return _Cancelled()
            try:
                # The mapping the manager confirmed is offered again for sheets laid out the same way.
                with database.write() as session:
                    remember_mapping(session, header, skipped=options.skip_columns)
            except Exception:  # the import itself is in; a mapping not remembered is no reason to alarm
                log.warning("could not remember the column mapping", exc_info=True)
            return outcome

        self.context.runner.run_write(work, self._done, self._failed, label=self.tr("Importing"))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.running:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        if text:
            self.stage.setText(text)

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.stage.setText(self.tr("Cancelling… nothing will be written."))

    def _done(self, outcome: ImportOutcome | _Cancelled) -> None:
        self.running = False
        self.cancel_button.hide()
        if isinstance(outcome, _Cancelled):
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            self.stage.setText(self.tr("Import cancelled"))
            self.result.setText(self.tr("Nothing was written. Go back to change the import, or close the wizard."))
            self.result.setStyleSheet(f"color: {WARNING_COLOR};")
            self.back_button.show()
            self.completeChanged.emit()
            return
        self.job.outcome = outcome
        self.finished_ok = True
        if outcome.result is not None:
            # Customers, their records and the import history all changed.
            self.context.hub.announce(Changes.all(), self)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        counts = outcome.plan.counts()
        created = outcome.result.created if outcome.result else 0
        updated = outcome.result.updated if outcome.result else 0
        self.stage.setText(self.tr("Import finished"))
        text = self.tr("{0} created, {1} updated, {2} skipped, {3} rejected.").format(
            created, updated, counts["duplicate"] + counts["unchanged"], counts["error"])
        if self._cancel.is_set():
            text += "\n" + self.tr("The import had already been written when you cancelled; you can undo it on the next page.")
        self.result.setText(text)
        self.result.setStyleSheet("")
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.cancel_button.hide()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.stage.setText(self.tr("The import failed; nothing was written."))
        self.result.setText(error_text(error))
        self.result.setStyleSheet(f"color: {ERROR_COLOR};")
        self.back_button.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.finished_ok


class SummaryPage(Retranslating, QWizardPage):
    """The counts, every rejected row with its reason, the rejected rows as a workbook, and undo."""

    def __init__(self, context, job: ImportJob, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.job = job
        layout = QVBoxLayout(self)
        numbers = QGridLayout()
        self.figures: dict[str, tuple[QLabel, QLabel]] = {}
        for column, key in enumerate(("created", "updated", "skipped", "rejected")):
            value = QLabel("0")
            value.setObjectName(f"summary_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            color = {"created": "new", "updated": "update", "skipped": "duplicate", "rejected": "error"}[key]
            value.setStyleSheet(f"font-size: 26px; font-weight: 600; color: {ACTION_COLORS[color][1]};")
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setObjectName("mutedText")
            numbers.addWidget(value, 0, column)
            numbers.addWidget(caption, 1, column)
            self.figures[key] = (value, caption)
        layout.addLayout(numbers)
        self.details = QLabel()
        self.details.setObjectName("importSummaryDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.problems_title = QLabel()
        self.problems_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.problems_title)
        self.problems = QTableWidget(0, 3)
        self.problems.setObjectName("importProblems")
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(False)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setColumnWidth(1, 200)
        layout.addWidget(self.problems, 1)
        buttons = QHBoxLayout()
        self.save_errors_button = QPushButton()
        self.save_errors_button.setObjectName("importSaveErrors")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("importUndo")
        buttons.addWidget(self.save_errors_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("importSummaryMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.save_errors_button.clicked.connect(self.save_errors)
        self.undo_button.clicked.connect(self.undo)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("What the import did. It stays listed on the Import / Export page, where it can be undone later too."))
        captions = {"created": self.tr("created"), "updated": self.tr("updated"),
                    "skipped": self.tr("skipped (duplicates, unchanged)"), "rejected": self.tr("rejected (errors)")}
        for key, (_value, caption) in self.figures.items():
            caption.setText(captions[key])
        self.problems_title.setText(self.tr("Rows not imported and warnings"))
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.save_errors_button.setText(self.tr("Save rejected rows as a workbook…"))
        self.undo_button.setText(self.tr("Undo this import"))
        if self.job.outcome is not None:
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        outcome = self.job.outcome
        if outcome is None:
            return
        plan = outcome.plan
        counts = plan.counts()
        result = outcome.result
        figures = {
            "created": result.created if result else 0,
            "updated": result.updated if result else 0,
            "skipped": counts["duplicate"] + counts["unchanged"],
            "rejected": counts["error"],
        }
        for key, (value, _caption) in self.figures.items():
            value.setText(str(figures[key]))
        lines = [self.tr("File: {0}").format(plan.sheet.path.name + (f" · {plan.sheet.sheet}" if plan.sheet.sheet else ""))
                 + " · " + kind_label(plan.kind)]
        if result is not None and result.customers_created and plan.kind != "customers":
            lines.append(self.tr("New customers created for rows that named them: {0}.").format(result.customers_created))
        if result is None:
            lines.append(self.tr("Nothing was written."))
        if outcome.backup:
            lines.append(self.tr("Backup taken before the import: {0}").format(outcome.backup))
        self.details.setText("\n".join(lines))
        self._fill_problems()
        self.save_errors_button.setEnabled(bool(plan.rejected))
        self.undo_button.setEnabled(result is not None and result.batch_id is not None and not self.job.undone)

    def _fill_problems(self) -> None:
        plan = self.job.outcome.plan
        entries: list[tuple[int, str, str, str]] = []
        for row in plan.rows:
            if row.action == "error" and not row.errors:
                entries.append((row.row, "", row.note.text() if row.note else "", ERROR_COLOR))
            for problem in row.problems:
                color = WARNING_COLOR if problem.warning else ERROR_COLOR
                entries.append((row.row, problem.column or "", problem.message.text(), color))
        # Errors first (they need fixing), then warnings, each in sheet order.
        entries.sort(key=lambda e: (e[3] != ERROR_COLOR, e[0]))
        self.problems.setRowCount(len(entries))
        for index, (number, column, text, color) in enumerate(entries):
            for position, value in enumerate((str(number), column, text)):
                item = QTableWidgetItem(value)
                if position == 2:
                    item.setForeground(Qt.GlobalColor.darkRed if color == ERROR_COLOR else Qt.GlobalColor.darkYellow)
                    item.setToolTip(value)
                self.problems.setItem(index, position, item)
        self.problems_title.setVisible(bool(entries))
        self.problems.setVisible(bool(entries))

    def save_errors(self) -> None:
        plan = self.job.outcome.plan
        suggested = str(plan.sheet.path.with_name(plan.sheet.path.stem + self.tr("-rejected") + ".xlsx"))
        path = self.context.dialogs.save_file(self, self.tr("Save rejected rows"), self.tr("Excel workbook") + " (*.xlsx)", suggested)
        if path is None:
            return
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")

        def done(count: int) -> None:
            self._say(self.tr("The rejected rows ({0}) are saved in {1}; fix them there and import that file again.").format(count, path), "")

        self.context.runner.run_read(lambda: write_error_workbook(plan, path), done,
                                     lambda error: self._say(error_text(error), ERROR_COLOR), label=self.tr("Saving"))

    def undo(self) -> None:
        result = self.job.outcome.result if self.job.outcome else None
        if result is None or result.batch_id is None:
            return
        if not self.context.dialogs.ask(self, self.tr("Undo import"), self.tr(
                "Remove the records this import created ({0}) and give the records it updated ({1}) their "
                "earlier values back? Records someone changed since the import keep that change.").format(
                    result.created + result.customers_created, result.updated)):
            return
        batch_id = result.batch_id

        def done(undone) -> None:
            self.job.undone = True
            self.undo_button.setEnabled(False)
            text = self.tr("Import undone. Removed: {0}; restored: {1}.").format(undone.removed, undone.restored)
            if undone.skipped:
                text += "\n" + "\n".join(message.text() for message in undone.skipped)
            self._say(text, "")

        self.context.operations.mutate(lambda session: undo_import(session, batch_id), done,
                                       lambda error: self._say(error_text(error), ERROR_COLOR),
                                       initiator=self, label=self.tr("Undoing the import"), changes=Changes.all())

    def _say(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};" if color else "")


class ImportWizard(Retranslating, QWizard):
    """Five steps from a file to imported rows; opened from the Import / Export page."""

    def __init__(self, context, parent: QWidget | None = None, path: Path | str | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job = ImportJob()
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1100, 720)
        self.file_page = FilePage(context, self.job)
        self.mapping_page = MappingPage(context, self.job)
        self.preview_page = PreviewPage(context, self.job)
        self.run_page = RunPage(context, self.job)
        self.summary_page = SummaryPage(context, self.job)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.preview_page, self.run_page,
                                        self.summary_page)):
            self.setPage(page_id, page)
        self.setStartId(FILE_PAGE)
        if path is not None:
            self.file_page.set_path(path)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import from Excel or CSV"))

    def reject(self) -> None:
        # Closing the window during the run cancels it (before the commit nothing is written).
        if self.run_page.running:
            self.run_page.cancel()
        super().reject()
