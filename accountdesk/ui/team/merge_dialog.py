"""File → Merge another copy…: preview what a diverged copy would bring (a dry run), merge on
confirmation (the core backs up first), and list the rows both sides changed for review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.core.team.merge import UnrelatedDatabase, merge_databases
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.conflict_dialog import shown
from accountdesk.ui.kit.dialogs import error_text

TABLES = {
    "users": QT_TRANSLATE_NOOP("MergeDialog", "Users"),
    "tags": QT_TRANSLATE_NOOP("MergeDialog", "Tags"),
    "customers": QT_TRANSLATE_NOOP("MergeDialog", "Customers"),
    "contacts": QT_TRANSLATE_NOOP("MergeDialog", "Contacts"),
    "transactions": QT_TRANSLATE_NOOP("MergeDialog", "Transactions"),
    "interactions": QT_TRANSLATE_NOOP("MergeDialog", "Interactions"),
    "feedback": QT_TRANSLATE_NOOP("MergeDialog", "Feedback"),
    "revisit_plans": QT_TRANSLATE_NOOP("MergeDialog", "Revisit plans"),
    "reminders": QT_TRANSLATE_NOOP("MergeDialog", "Reminders"),
    "scoring_models": QT_TRANSLATE_NOOP("MergeDialog", "Scoring models"),
    "tier_policies": QT_TRANSLATE_NOOP("MergeDialog", "Tier policies"),
    "tier_changes": QT_TRANSLATE_NOOP("MergeDialog", "Tier changes"),
    "settings": QT_TRANSLATE_NOOP("MergeDialog", "Settings"),
}
REASONS = {
    "both_changed": QT_TRANSLATE_NOOP("MergeDialog", "changed on both sides"),
    "edit_vs_delete": QT_TRANSLATE_NOOP("MergeDialog", "edited on one side, deleted on the other"),
    "code_clash": QT_TRANSLATE_NOOP("MergeDialog", "the same code on both sides; theirs was renumbered"),
}
KEPT = {
    "mine": QT_TRANSLATE_NOOP("MergeDialog", "This database"),
    "theirs": QT_TRANSLATE_NOOP("MergeDialog", "The other copy"),
    "combined": QT_TRANSLATE_NOOP("MergeDialog", "Both"),
}
COUNT_COLUMNS = 4
REVIEW_COLUMNS = 6


def _t(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", text)


def _table_name(name: str) -> str:
    return _t(TABLES[name]) if name in TABLES else name


def _field_name(table: str, field: str) -> str:
    if field == "deleted_at":
        return _t("Deleted")
    return labels.field(field)


def _cell(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class MergeReportDialog(QDialog):
    """What the merge would do (a preview, with Merge and Cancel) or did (with Close)."""

    def __init__(self, report, target_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("mergeReportDialog")
        self.setWindowTitle(self.tr("Merge another copy") if report.dry_run else self.tr("Merged"))
        self.resize(960, 620)
        layout = QVBoxLayout(self)
        other = Path(report.other).name
        if report.dry_run:
            head = self.tr("Merging “%1” into “%2” would change these rows. Nothing is written until you press "
                           "Merge; the other file is only read.").replace("%1", other).replace("%2", target_name)
        else:
            head = self.tr("“%1” was merged into “%2”.").replace("%1", other).replace("%2", target_name)
            if report.backup_path is not None:
                head += "\n" + self.tr("A backup was made first: %1").replace("%1", str(report.backup_path))
        self.heading = QLabel(head)
        self.heading.setObjectName("mergeHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)

        self.counts = QTableWidget(0, COUNT_COLUMNS)
        self.counts.setObjectName("mergeCounts")
        verb = (self.tr("To add"), self.tr("To update"), self.tr("Of which deleted")) if report.dry_run else (
            self.tr("Added"), self.tr("Updated"), self.tr("Of which deleted"))
        self.counts.setHorizontalHeaderLabels([self.tr("What"), *verb])
        self._fill_counts()
        layout.addWidget(self.counts)

        self.review_title = QLabel()
        self.review_title.setObjectName("sectionTitle")
        self.review_title.setWordWrap(True)
        layout.addWidget(self.review_title)
        self.review = QTableWidget(0, REVIEW_COLUMNS)
        self.review.setObjectName("mergeReview")
        self.review.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("In this database"), self.tr("In the other copy"),
            self.tr("Kept"), self.tr("Why")])
        self._fill_review()
        layout.addWidget(self.review, 1)

        for table in (self.counts, self.review):
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setWordWrap(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # What changed reads on the left, its numbers right beside it; the two values get the room.
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            self.review.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.counts.setMaximumHeight(self.counts.horizontalHeader().sizeHint().height()
                                     + self.counts.verticalHeader().defaultSectionSize() * min(self.counts.rowCount(), 8)
                                     + 2 * self.counts.frameWidth())

        if report.dry_run:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.merge_button.setObjectName("mergeButton")
            self.merge_button.setDefault(True)
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.merge_button = None
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _fill_counts(self) -> None:
        report = self.report
        names = [n for n in TABLES if n in report.inserted or n in report.updated]
        names += sorted((set(report.inserted) | set(report.updated)) - set(names))
        rows = [(_table_name(n), report.inserted.get(n, 0), report.updated.get(n, 0), report.deleted.get(n, 0))
                for n in names]
        if report.audit_entries:
            rows.append((self.tr("History entries (who changed what)"), report.audit_entries, 0, 0))
        if report.tag_links:
            rows.append((self.tr("Tags on customers"), report.tag_links, 0, 0))
        self.counts.setRowCount(len(rows))
        for row, (name, added, updated, deleted) in enumerate(rows):
            self.counts.setItem(row, 0, _cell(name))
            for column, number in enumerate((added, updated, deleted), start=1):
                self.counts.setItem(row, column, _cell(f"{number:,}" if number else "—", number=True))

    def _fill_review(self) -> None:
        items = self.report.review
        if items:
            self.review_title.setText(self.tr("Changed on both sides: %Ln row(s). The newer save was kept; please check these:", "",
                                              len(items)))
        else:
            self.review_title.setText(self.tr("No row was changed on both sides."))
        lines = [(item, field) for item in items for field in (item.fields or [""])]
        self.review.setRowCount(len(lines))
        for row, (item, field) in enumerate(lines):
            detail = item.detail.get(field, {})
            kind = labels.entity(item.entity) if item.entity in labels.ENTITIES else _table_name(item.entity)
            record = self.tr("%1 “%2”").replace("%1", kind).replace(
                "%2", item.label)
            cells = (record, _field_name(item.entity, field) if field else "", shown(detail.get("mine")),
                     shown(detail.get("theirs")), _t(KEPT.get(item.kept, item.kept)),
                     _t(REASONS.get(item.reason, item.reason)))
            for column, text in enumerate(cells):
                cell = _cell(text)
                cell.setToolTip(text)
                self.review.setItem(row, column, cell)
        self.review.setVisible(bool(lines))

    def review_rows(self) -> list[list[str]]:
        """What the review table shows, row by row (tests read it like a person would)."""
        return [[self.review.item(r, c).text() for c in range(REVIEW_COLUMNS)] for r in range(self.review.rowCount())]

    def count_rows(self) -> list[list[str]]:
        return [[self.counts.item(r, c).text() for c in range(COUNT_COLUMNS)] for r in range(self.counts.rowCount())]


class MergeCommand(QObject):
    """Runs File → Merge another copy… for one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: MergeReportDialog | None = None

    @property
    def context(self):
        return self.window.context

    def _target_name(self) -> str:
        path = getattr(self.context.database, "path", None)
        return path.name if path is not None else self.context.database.display_name

    def run(self) -> None:
        context = self.context
        title = self.tr("Merge another copy")
        if context.read_only:
            reason = getattr(context.database, "read_only_reason", None)
            context.dialogs.warn(self.window, title, self.tr(
                "This database is open read-only, and a merge writes into it, so it cannot be done now.")
                + (f"\n\n{reason}" if reason else ""))
            return
        path = getattr(context.database, "path", None)
        other = context.dialogs.open_file(
            self.window, self.tr("Choose the copy to merge in"),
            self.tr("AccountDesk databases (*.accountdesk);;All files (*)"), str(path.parent) if path else "")
        if other is None:
            return
        self.preview(other)

    def preview(self, other: Path, *, force: bool = False) -> None:
        """Compare on the reader thread (a dry run writes nothing), then show what would change."""
        database = self.context.database
        holder: dict = {}
        self.force = force

        def done(report) -> None:
            task = holder.get("task")
            if task is not None and task.cancel_requested.is_set():
                return  # the person pressed Cancel while we compared: nothing was written anyway
            self._show_preview(other, report)

        holder["task"] = self.context.runner.run_read(
            lambda _progress: merge_databases(database, other, dry_run=True, force=force), done,
            lambda error: self._preview_failed(other, error),
            label=self.tr("Comparing with “%1”…").replace("%1", other.name), progress=True)

    def _show_preview(self, other: Path, report) -> None:
        if not report.changed:
            self.context.dialogs.info(self.window, self.tr("Merge another copy"), self.tr(
                "“%1” holds nothing this database lacks; there is nothing to merge.").replace("%1", other.name))
            return
        self.dialog = MergeReportDialog(report, self._target_name(), self.window)
        self.dialog.accepted.connect(lambda: self.merge(other))
        self.dialog.open()

    def merge(self, other: Path) -> None:
        """The real merge on the writer thread; every open view refreshes after it."""
        self.context.hub.status_message.emit(self.tr("Merging “%1”… (a backup is made first)").replace(
            "%1", other.name))
        self.context.operations.run_write(
            lambda database: merge_databases(database, other, force=getattr(self, "force", False)),
            self._show_result, self._failed,
            changes=Changes.all(), label=self.tr("Merging…"))

    def _show_result(self, report) -> None:
        self.dialog = MergeReportDialog(report, self._target_name(), self.window)
        self.dialog.open()

    def _preview_failed(self, other: Path, error: BaseException) -> None:
        if isinstance(error, UnrelatedDatabase):
            # Another company's book, not a copy of this one: merged only when the person insists.
            question = self.tr("“%1” is not a copy of this database but another database. Merging would mix "
                               "two books of customers.\n\nMerge it anyway?").replace("%1", other.name)
            if self.context.dialogs.ask(self.window, self.tr("Merge another copy"), question):
                self.preview(other, force=True)
            return
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.context.dialogs.error(self.window, self.tr("Merge another copy"),
                                   self.tr("Nothing was merged.") + "\n\n" + error_text(error))


def merge_another_copy(window) -> MergeCommand:
    """The File menu's entry point; the command stays on the window so its dialog can be found."""
    command = getattr(window, "merge_command", None)
    if command is None:
        command = MergeCommand(window)
        window.merge_command = command
    command.run()
    return command


__all__ = ["MergeCommand", "MergeReportDialog", "merge_another_copy"]
