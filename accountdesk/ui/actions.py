"""Every menu command and keyboard shortcut of the main window, declared in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from accountdesk.ui.navigation import PAGES


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str  # English source, "Actions" context
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    translated: bool = True  # False for a language's own name, shown as it is in every language


ACTION_SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("new_database", QT_TRANSLATE_NOOP("Actions", "&New database…"), "Ctrl+Shift+N",
               QT_TRANSLATE_NOOP("Actions", "Create a new, empty database file")),
    ActionSpec("open_database", QT_TRANSLATE_NOOP("Actions", "&Open database…"), QKeySequence.StandardKey.Open,
               QT_TRANSLATE_NOOP("Actions", "Open another AccountDesk database file")),
    ActionSpec("connect_server", QT_TRANSLATE_NOOP("Actions", "&Connect to server…"), None,
               QT_TRANSLATE_NOOP("Actions", "Open a team's PostgreSQL database (host, user, password, SSL)")),
    ActionSpec("backup", QT_TRANSLATE_NOOP("Actions", "&Back up now"), None,
               QT_TRANSLATE_NOOP("Actions", "Make a verified copy of the database")),
    ActionSpec("restore", QT_TRANSLATE_NOOP("Actions", "&Restore from backup…"), None,
               QT_TRANSLATE_NOOP("Actions", "Replace the database with a backup (the current one is kept)")),
    # Team use (ui/merge_dialog.py): bring in a diverged copy, e.g. a sync tool's conflicted copy.
    ActionSpec("merge", QT_TRANSLATE_NOOP("Actions", "&Merge another copy…"), None,
               QT_TRANSLATE_NOOP("Actions", "Bring in what a diverged copy of this database has "
                                            "(e.g. a sync tool's conflicted copy); you see the changes first")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), QKeySequence.StandardKey.Quit),
    # Customers
    ActionSpec("new_customer", QT_TRANSLATE_NOOP("Actions", "&New customer…"), QKeySequence.StandardKey.New,
               QT_TRANSLATE_NOOP("Actions", "Add a customer to the archive")),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find customer"), QKeySequence.StandardKey.Find,
               QT_TRANSLATE_NOOP("Actions", "Search by name, code, contact, phone, pinyin or initials")),
    ActionSpec("log_interaction", QT_TRANSLATE_NOOP("Actions", "&Log interaction…"), "Ctrl+L",
               QT_TRANSLATE_NOOP("Actions", "Record a call, visit or message with the current customer")),
    # View
    ActionSpec("refresh", QT_TRANSLATE_NOOP("Actions", "&Refresh"), QKeySequence.StandardKey.Refresh),
    ActionSpec("language_system", QT_TRANSLATE_NOOP("Actions", "Follow the &system")),
    ActionSpec("language_zh", "中文", translated=False),  # a language is named in itself
    ActionSpec("language_en", "English", translated=False),
    # Help
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About AccountDesk")),
)


class Actions(QObject):
    """The QActions, created once and shared by menus, toolbars and shortcuts."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        for spec in ACTION_SPECS:
            action = QAction(parent)
            action.setObjectName(f"action_{spec.key}")
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            self._actions[spec.key] = action
        self.language_group = QActionGroup(self)
        for key in ("language_system", "language_zh", "language_en"):
            self._actions[key].setCheckable(True)
            self.language_group.addAction(self._actions[key])
        # Ctrl+1 … Ctrl+7 jump to the navigation pages.
        for number, page in enumerate(PAGES, start=1):
            action = QAction(parent)
            action.setObjectName(f"action_page_{page.key}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            self._actions[f"page_{page.key}"] = action
        self.retranslate()

    def __getitem__(self, key: str) -> QAction:
        return self._actions[key]

    def page_actions(self) -> list[tuple[str, QAction]]:
        return [(page.key, self._actions[f"page_{page.key}"]) for page in PAGES]

    def retranslate(self) -> None:
        for spec in ACTION_SPECS:
            action = self._actions[spec.key]
            # Whether a text is translated is said per action: "&New database…" is not ASCII (the
            # ellipsis) yet has its Chinese; "中文" names itself in every language.
            text = QCoreApplication.translate("Actions", spec.text) if spec.translated else spec.text
            action.setText(text)
            if spec.tip:
                tip = QCoreApplication.translate("Actions", spec.tip)
                action.setStatusTip(tip)
                action.setToolTip(tip)
        for page in PAGES:
            self._actions[f"page_{page.key}"].setText(QCoreApplication.translate("Navigation", page.title))
