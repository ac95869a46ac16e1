"""When someone else saved first: mine and theirs side by side, a choice per field, nothing lost silently."""

from __future__ import annotations

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

from accountdesk.core.team.conflicts import KEEP_MINE, KEEP_THEIRS
from accountdesk.ui.kit import labels


def shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return labels.moment(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class ConflictDialog(QDialog):
    """Lists each field the user changed; contested ones default to theirs (nothing they saved
    is dropped without a choice), the others keep mine."""

    def __init__(self, conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Someone else saved this first"))
        layout = QVBoxLayout(self)
        who = conflict.updated_by or self.tr("another user")
        if conflict.deleted:
            intro = self.tr("%1 deleted this record while you were editing. Your changes were not saved.")
        else:
            intro = self.tr("%1 saved this record while you were editing. Your changes were not saved yet: "
                            "choose, field by field, what to keep.")
        text = QLabel(intro.replace("%1", who))
        text.setWordWrap(True)
        layout.addWidget(text)
        grid = QGridLayout()
        for column, title in enumerate((self.tr("Field"), self.tr("Yours"), self.tr("Theirs (saved)"))):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        self._groups: dict[str, QButtonGroup] = {}
        for row, item in enumerate(conflict.fields, start=1):
            name = QLabel(labels.field(item.field) + ("" if item.contested else " " + self.tr("(only you changed it)")))
            mine = QRadioButton(shown(item.mine))
            theirs = QRadioButton(shown(item.theirs))
            mine.setObjectName(f"mine_{item.field}")
            theirs.setObjectName(f"theirs_{item.field}")
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            (theirs if item.contested else mine).setChecked(True)
            self._groups[item.field] = group
            grid.addWidget(name, row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(theirs, row, 2)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save my choices"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Discard my changes"))
        if conflict.deleted:
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, str]:
        result = {}
        for name, group in self._groups.items():
            checked = group.checkedButton()
            result[name] = KEEP_MINE if checked is not None and checked.objectName().startswith("mine_") else KEEP_THEIRS
        return result
