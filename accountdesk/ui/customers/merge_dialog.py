"""合并客户: two customers of one company made one — which to keep, what moves, then the merge and its undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive.merging import (
    MergeOutcome,
    MergePreview,
    merge_customers,
    preview_merge,
    undo_merge,
)
from accountdesk.core.changes import Changes
from accountdesk.ui.kit import labels

# The rows a merge moves, in the preview's order and words (labels.entity knows them all).
_TABLES = ("contacts", "transactions", "interactions", "feedback", "revisit_plans", "reminders")


class MergeCustomersDialog(QDialog):
    """Choose the customer to keep; the preview says what moves from the other. After the merge
    the dialog stays open with an Undo that puts every moved row back."""

    def __init__(self, context, first_id: int, second_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mergeCustomersDialog")
        self.setWindowTitle(self.tr("Merge customers"))
        self.setMinimumWidth(520)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.outcome: MergeOutcome | None = None
        # Both directions read at once: counting one customer's rows by an indexed key is quick.
        self.previews: dict[int, MergePreview] = context.operations.read_now(lambda session: {
            first_id: preview_merge(session, first_id, second_id),
            second_id: preview_merge(session, second_id, first_id)})
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Which customer do you keep? The other one's records move to it, and the other "
                                    "stays in the change history as merged (it can be undone)."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.keep_group = QButtonGroup(self)
        self.keep_buttons: dict[int, QRadioButton] = {}
        for customer_id, preview in self.previews.items():
            button = QRadioButton(self.tr("Keep %1").replace("%1", f"{preview.kept_name}（{preview.kept_code}）"))
            button.setObjectName(f"keep_{customer_id}")
            self.keep_group.addButton(button)
            self.keep_buttons[customer_id] = button
            layout.addWidget(button)
            button.toggled.connect(self._show_preview)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("mergePreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("background: #f1f5f9; border: 1px solid #cbd5e1; border-radius: 4px; padding: 8px;")
        layout.addWidget(self.preview_label)
        self.result_label = QLabel()
        self.result_label.setObjectName("mergeResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("primaryButton")
        self.undo_button = QPushButton(self.tr("Undo merge"))
        self.undo_button.setObjectName("undoMerge")
        self.close_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.undo_button.hide()  # after addButton, which shows what it adds
        self.merge_button.clicked.connect(self.merge)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.reject)
        # Keep the one with more history by default: fewer rows move, and its code is the known one.
        first, second = self.previews[first_id], self.previews[second_id]
        default = first_id if first.total <= second.total else second_id
        self.keep_buttons[default].setChecked(True)

    @property
    def kept_id(self) -> int:
        return next(cid for cid, button in self.keep_buttons.items() if button.isChecked())

    @property
    def preview(self) -> MergePreview:
        return self.previews[self.kept_id]

    def _moved_text(self, preview: MergePreview) -> str:
        parts = [f"{labels.entity(table)} {preview.counts[table]}" for table in _TABLES if preview.counts.get(table)]
        return labels.join(parts) if parts else self.tr("no records")

    def _show_preview(self) -> None:
        preview = self.preview
        self.preview_label.setText(
            self.tr("%1 is merged into %2.").replace("%1", f"{preview.other_name}（{preview.other_code}）")
            .replace("%2", f"{preview.kept_name}（{preview.kept_code}）") + "\n"
            + self.tr("Moves: %1").replace("%1", self._moved_text(preview)) + "\n"
            + self.tr("The kept customer's figures and tier are worked out again."))

    def merge(self) -> None:
        preview = self.preview

        def done(outcome: MergeOutcome) -> None:
            self.outcome = outcome
            for button in self.keep_buttons.values():
                button.setEnabled(False)
            self.merge_button.hide()
            self.undo_button.show()
            self.close_button.setText(self.tr("Close"))
            self.result_label.setText(self.tr("Merged. %1 records moved to %2.")
                                      .replace("%1", str(outcome.preview.total)).replace("%2", preview.kept_code))
            self.result_label.show()

        self.context.operations.mutate(
            lambda session: merge_customers(session, preview.kept_id, preview.other_id, self.context.today()),
            done, self.context.runner.default_error_handler, initiator=self, label=self.tr("Merging…"),
            changes=Changes(customers={preview.kept_id, preview.other_id}, customer_list=True, tiers=True))

    def undo(self) -> None:
        if self.outcome is None:
            return
        merge_id = self.outcome.merge_id

        def done(outcome: MergeOutcome) -> None:
            self.outcome = None
            self.undo_button.setEnabled(False)
            self.result_label.setText(self.tr("Merge undone: %1 is back with its %2 records.")
                                      .replace("%1", outcome.preview.other_code).replace("%2", str(outcome.preview.total)))

        self.context.operations.mutate(
            lambda session: undo_merge(session, merge_id, self.context.today()), done,
            self.context.runner.default_error_handler, initiator=self, label=self.tr("Undoing the merge…"),
            changes=Changes(customers={self.preview.kept_id, self.preview.other_id}, customer_list=True, tiers=True))
