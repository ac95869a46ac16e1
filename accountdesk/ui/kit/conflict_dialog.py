"""When a colleague saved the same fields first: mine and theirs side by side, mine chosen, nothing lost silently."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive.records import save_resolution
from accountdesk.core.team.conflicts import KEEP_MINE, KEEP_THEIRS, ConflictError, resolve
from accountdesk.ui.kit import labels


def shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, datetime):
        return labels.moment(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def value_text(field: str, value: object, text: str = "") -> str:
    """A stored value as a person reads it: a stage's name, an amount in yuan, an owner's name."""
    if value is None or value == "":
        return "—"
    readers: dict[str, Callable[[str], str]] = {
        "stage": labels.stage, "need_type": labels.need_type, "purchasing_power": labels.level,
        "kind": lambda code: labels.interaction_kind(code) if code in labels.INTERACTION_KINDS
        else labels.feedback_kind(code),
    }
    if field in readers and isinstance(value, str):
        return readers[field](value)
    if field == "amount_cents" and isinstance(value, int):
        return labels.money(value)
    return text if text and text != str(value) else shown(value)


class ConflictDialog(QDialog):
    """Only the fields both people changed, side by side, each set to mine (what I just typed);
    the fields only I changed are named and saved with them. Whatever loses stays in the change
    history. Going back to the form keeps everything typed there."""

    def __init__(self, conflict: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Someone else saved this first"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        who = conflict.updated_by or self.tr("another user")
        if conflict.deleted:
            intro = self.tr("%1 deleted this record while you were editing. Your changes were not saved.")
        else:
            intro = self.tr("%1 saved this record while you were editing, and changed the same fields as you. "
                            "Your changes are not saved yet: choose, field by field, what to keep.")
        text = QLabel(intro.replace("%1", who))
        text.setObjectName("conflictIntro")
        text.setWordWrap(True)
        layout.addWidget(text)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        theirs_title = self.tr("Saved by %1").replace("%1", who)
        for column, title in enumerate((self.tr("Field"), self.tr("Yours"), theirs_title)):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self._groups: dict[str, QButtonGroup] = {}
        contested = [] if conflict.deleted else conflict.contested
        for row, item in enumerate(contested, start=1):
            mine = QRadioButton(value_text(item.field, item.mine, item.mine_text))
            theirs = QRadioButton(value_text(item.field, item.theirs, item.theirs_text))
            mine.setObjectName(f"mine_{item.field}")
            theirs.setObjectName(f"theirs_{item.field}")
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            mine.setChecked(True)
            self._groups[item.field] = group
            grid.addWidget(QLabel(labels.field(item.field)), row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(theirs, row, 2)
        layout.addLayout(grid)
        also = [labels.field(item.field) for item in conflict.fields if not item.contested]
        self.also_label = QLabel()
        self.also_label.setObjectName("mutedText")
        self.also_label.setWordWrap(True)
        if also and not conflict.deleted:
            self.also_label.setText(self.tr("Saved with your choices (only you changed them): %1")
                                    .replace("%1", labels.join(also)))
        else:
            self.also_label.hide()
        layout.addWidget(self.also_label)
        note = QLabel(self.tr("The value you do not keep stays in the customer's change history."))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        note.setVisible(not conflict.deleted)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save my choices"))
        self.back_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.setText(self.tr("Back to editing"))
        if conflict.deleted:
            self.save_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(field, mine, theirs, chosen) as shown, for tests and screenshots."""
        result = []
        for name, group in self._groups.items():
            mine, theirs = (button for button in group.buttons())
            result.append((labels.field(name), mine.text(), theirs.text(),
                           "mine" if mine.isChecked() else "theirs"))
        return result

    def choose(self, field: str, choice: str) -> None:
        group = self._groups[field]
        for button in group.buttons():
            if button.objectName() == f"{choice}_{field}":
                button.setChecked(True)

    def choices(self) -> dict[str, str]:
        result = {}
        for name, group in self._groups.items():
            checked = group.checkedButton()
            result[name] = KEEP_MINE if checked is not None and checked.objectName().startswith("mine_") else KEEP_THEIRS
        return result


def settle_conflict(context, parent: QWidget | None, conflict: ConflictError,
                    on_saved: Callable[[object], None], on_failed: Callable[[BaseException], None]) -> bool:
    """Ask how to settle a conflict and save that (three ways again, so a third person's save in
    between only brings back their real conflicts). False when the person went back to editing:
    nothing was saved and their form keeps what they typed."""
    choices = context.dialogs.resolve_conflict(parent, conflict)
    if choices is None:
        return False
    resolution = resolve(conflict, choices)
    if resolution.nothing_to_save:
        on_saved(None)
        return True
    context.operations.mutate(lambda session: save_resolution(session, resolution).id, on_saved, on_failed,
                              initiator=parent)
    return True
