"""The 设置 page: scoring model, tier policies, reminders, the user's name and language, the database
(where it is, local / shared / server mode, location warnings, backups) and the team's members."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive.records import ensure_user
from accountdesk.core.changes import Changes
from accountdesk.core.tiering.sheet_text import database_facts
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.language import set_interface_language
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR
from accountdesk.ui.settings.members import MembersSettings
from accountdesk.ui.settings.policies import PolicyEditor, ReminderEditor
from accountdesk.ui.settings.scoring import ScoringEditor
from accountdesk.ui.settings.workdays import PlanningSettings

USER_NAME_KEY = "user/name"  # remembered per machine; the application opens databases as this user
PAGE_STYLE = f"""
QLabel#sectionTitle {{ font-size: 14px; font-weight: 600; }}
QLabel#warningText {{ color: {OVERDUE_COLOR}; }}
QLabel#mutedText {{ color: {MUTED_TEXT}; }}
QGroupBox {{ font-weight: 600; }}
QGroupBox QLabel, QGroupBox QRadioButton {{ font-weight: normal; }}
"""


class GeneralSettings(Retranslating, QWidget):
    """The user's name in the audit trail, and the interface language (applied at once)."""

    LANGUAGES = ("zh_CN", "en", "system")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.user_box = QGroupBox()
        user_form = QFormLayout(self.user_box)
        self.user_label = QLabel()
        self.user_edit = QLineEdit(context.user)
        self.user_edit.setObjectName("userName")
        self.user_edit.setMaxLength(64)
        self.user_save = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.user_edit, 1)
        row.addWidget(self.user_save)
        user_form.addRow(self.user_label, row)
        self.user_hint = QLabel()
        self.user_hint.setObjectName("mutedText")
        self.user_hint.setWordWrap(True)
        user_form.addRow(self.user_hint)
        layout.addWidget(self.user_box)

        self.language_box = QGroupBox()
        language_layout = QVBoxLayout(self.language_box)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QRadioButton] = {}
        for index, code in enumerate(self.LANGUAGES):
            button = QRadioButton()
            button.setObjectName(f"language_{code}")
            self.language_group.addButton(button, index)
            self.language_buttons[code] = button
            language_layout.addWidget(button)
        self.language_buttons["zh_CN"].setText("中文")  # a language is named in itself
        self.language_buttons["en"].setText("English")
        layout.addWidget(self.language_box)
        layout.addStretch(1)
        self._check_language()
        self.language_group.idClicked.connect(lambda index: self.choose_language(self.LANGUAGES[index]))
        self.user_save.clicked.connect(self.save_user)
        self.user_edit.returnPressed.connect(self.save_user)
        self.retranslate()

    def _check_language(self) -> None:
        self.language_buttons[self.context.settings.language].setChecked(True)

    def choose_language(self, code: str) -> None:
        set_interface_language(code, self.context.settings)
        self._check_language()

    def save_user(self) -> None:
        name = self.user_edit.text().strip()
        if not name:
            self.context.dialogs.warn(self, self.tr("Your name"), self.tr("Please enter your name."))
            return
        database = self.context.database

        def work(session):
            ensure_user(session, name)
            return name

        def done(_name: str) -> None:
            # Every change to a local file from now on is signed with this name (the audit trail's
            # "by"); on a server the login signs it, and the server writes that itself.
            if getattr(database, "path", None) is not None:
                database.user = name
            self.context.settings.set_value(USER_NAME_KEY, name)
            self.context.hub.status_message.emit(self.tr("You now work as %1.").replace("%1", name))

        self.context.operations.mutate(work, done, lambda error: self.context.dialogs.error(
            self, self.tr("Your name"), error_text(error)), initiator=self, changes=Changes(users=True, settings=True))

    def retranslate(self) -> None:
        self.user_box.setTitle(self.tr("You"))
        self.user_label.setText(self.tr("Your name:"))
        self.user_save.setText(self.tr("Apply"))
        if getattr(self.context.database, "path", None) is None:
            self.user_hint.setText(self.tr("On a server, the change history names your server login (%1), "
                                           "whatever name is typed here; this name applies to local files only.")
                                   .replace("%1", self.context.database.user))
        else:
            self.user_hint.setText(self.tr("Shown in the audit trail beside everything you change, and offered as an "
                                           "owner of customers. It applies to local files; on a server the change "
                                           "history names your server login."))
        self.language_box.setTitle(self.tr("Language"))
        self.language_buttons["system"].setText(self.tr("Follow the system"))
        self._check_language()


class DatabaseSettings(Retranslating, QWidget):
    """Where the database is and how it is shared; switching the mode and restoring go through the
    application, which closes and reopens the file."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.facts = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.place_box = QGroupBox()
        place = QFormLayout(self.place_box)
        self.location_label, self.location_value = QLabel(), QLabel()
        self.location_value.setObjectName("databaseLocation")
        self.location_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_value.setWordWrap(True)
        self.mode_label, self.mode_value = QLabel(), QLabel()
        self.mode_value.setObjectName("databaseMode")
        place.addRow(self.location_label, self.location_value)
        place.addRow(self.mode_label, self.mode_value)
        self.warnings = QLabel()
        self.warnings.setObjectName("warningText")
        self.warnings.setWordWrap(True)
        place.addRow(self.warnings)
        self.mode_explanation = QLabel()
        self.mode_explanation.setObjectName("mutedText")
        self.mode_explanation.setWordWrap(True)
        place.addRow(self.mode_explanation)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("switchModeButton")
        switch_row = QHBoxLayout()
        switch_row.addWidget(self.switch_button)
        switch_row.addStretch(1)
        place.addRow(switch_row)
        layout.addWidget(self.place_box)

        self.backup_box = QGroupBox()
        backups = QVBoxLayout(self.backup_box)
        self.backup_folder = QLabel()
        self.backup_folder.setObjectName("mutedText")
        self.backup_folder.setWordWrap(True)
        self.backup_table = QTableWidget(0, 3)
        self.backup_table.setObjectName("backupTable")
        self.backup_table.verticalHeader().hide()
        self.backup_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backup_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton()
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreButton")
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        backups.addWidget(self.backup_folder)
        backups.addWidget(self.backup_table, 1)
        backups.addLayout(buttons)
        layout.addWidget(self.backup_box, 1)

        self.switch_button.clicked.connect(self.switch_mode)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        """Read the facts on the reader thread (listing a backup folder on a network drive may take a while)."""
        self.context.runner.run_read(lambda: database_facts(self.context.database), self._show,
                                     label=self.tr("Reading the database facts…"))

    def _show(self, facts) -> None:
        self.facts = facts
        self.location_value.setText(facts.location)
        modes = {"local": self.tr("Local (one user on this computer)"),
                 "shared": self.tr("Shared (a team on a network drive)"),
                 "server": self.tr("Server (PostgreSQL)")}
        mode = modes[facts.mode]
        if facts.read_only:
            mode = self.tr("%1, read-only").replace("%1", mode)
        self.mode_value.setText(mode)
        self.warnings.setText("\n".join(f"⚠ {w.message}" for w in facts.warnings))
        self.warnings.setVisible(bool(facts.warnings))
        if facts.mode == "local":
            explanation = self.tr(
                "Shared mode lets colleagues open this file from a network drive at the same time: the file keeps "
                "its journal inside itself (no -wal file beside it) and every save goes straight to the disk. "
                "It is a little slower, and it is the safe way for a team. Everyone else must close the file "
                "before the switch; AccountDesk opens it again afterwards.")
            self.switch_button.setText(self.tr("Switch to shared mode…"))
        elif facts.mode == "shared":
            explanation = self.tr(
                "The file is in shared mode for a team. Switch back to single-user mode only when the file is on "
                "this computer's own disk and nobody else uses it: it is faster there. Everyone else must close "
                "the file first.")
            self.switch_button.setText(self.tr("Switch to single-user mode…"))
        else:
            explanation = self.tr("A server database is shared by the server itself; there is no mode to switch. "
                                  "Back it up with PostgreSQL's own tools (pg_dump).")
        self.mode_explanation.setText(explanation)
        self.switch_button.setVisible(facts.can_switch_mode)
        self.backup_folder.setText(self.tr("Backups are kept in %1").replace("%1", str(facts.backup_dir))
                                   if facts.backup_dir is not None else "")
        self.backup_table.setRowCount(len(facts.backups))
        for row, info in enumerate(facts.backups):
            taken = QTableWidgetItem(info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
            taken.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backup_table.setItem(row, 0, taken)
            self.backup_table.setItem(row, 1, QTableWidgetItem(self._reason(info.label)))
            size = QTableWidgetItem(f"{info.size / 1_048_576:,.1f} MB")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_table.setItem(row, 2, size)
        self.backup_button.setEnabled(facts.mode != "server")
        self._update_buttons()

    def _reason(self, label: str) -> str:
        reasons = {"daily": self.tr("daily"), "manual": self.tr("by hand"), "before-restore": self.tr("before a restore"),
                   "before-import": self.tr("before an import"), "before-merge": self.tr("before a merge")}
        if label.startswith("before-migrate") or label.startswith("pre-migrate"):
            return self.tr("before an upgrade")
        return reasons.get(label, label)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.backup_table.currentRow() >= 0 and self.facts is not None
                                       and self.facts.mode != "server")

    def _main_window(self):
        window = self.window()
        return window if hasattr(window, "restore_requested") else None

    def switch_mode(self) -> None:
        facts = self.facts
        if facts is None or not facts.can_switch_mode:
            return
        to_shared = facts.mode == "local"
        title = self.tr("Shared mode") if to_shared else self.tr("Single-user mode")
        question = self.mode_explanation.text() + "\n\n" + (
            self.tr("Switch “%1” to shared mode now?") if to_shared else self.tr("Switch “%1” to single-user mode now?")
        ).replace("%1", facts.location)
        if not self.context.dialogs.ask(self, title, question):
            return
        # Shared with the location warning at open (ui/team_location.py): everything of ours, our
        # presence entry included, lets go of the file first, then the file is switched and reopened.
        from accountdesk.ui.team.location import switch_mode_and_reopen

        switch_mode_and_reopen(self.context, self._main_window(), to_shared, parent=self, title=title)

    def backup_now(self) -> None:
        from accountdesk.core.team.backup import backup_database

        self.context.runner.run_read(
            lambda: backup_database(self.context.database), lambda _target: self.reload(),
            lambda error: self.context.dialogs.error(self, self.tr("Backup"), error_text(error)),
            label=self.tr("Backing up…"))

    def restore_selected(self) -> None:
        row = self.backup_table.currentRow()
        if row < 0 or self.facts is None:
            return
        from pathlib import Path

        source = Path(self.backup_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        question = self.tr("Replace the database with the backup of %1?\n\nThe database as it is now is backed up "
                           "first, so this can be undone.").replace("%1", self.backup_table.item(row, 0).text())
        if not self.context.dialogs.ask(self, self.tr("Restore"), question):
            return
        window = self._main_window()
        if window is not None:
            window.restore_requested.emit(source)

    def retranslate(self) -> None:
        self.place_box.setTitle(self.tr("Database"))
        self.location_label.setText(self.tr("Location:"))
        self.mode_label.setText(self.tr("Mode:"))
        self.backup_box.setTitle(self.tr("Backups"))
        self.backup_table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore the selected backup…"))
        if self.facts is not None:
            self._show(self.facts)


class SettingsPage(Retranslating, QWidget):
    SECTIONS = ("scoring", "policies", "reminders", "planning", "general", "database", "users")

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("settingsPage")
        self.setStyleSheet(PAGE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        layout.addWidget(self.title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.scoring = ScoringEditor(context)
        self.policies = PolicyEditor(context)
        self.reminders = ReminderEditor(context)
        self.planning = PlanningSettings(context)
        self.general = GeneralSettings(context)
        self.database = DatabaseSettings(context)
        self.users = MembersSettings(context)
        for widget in (self.scoring, self.policies, self.reminders, self.planning, self.general, self.database,
                       self.users):
            self.tabs.addTab(widget, "")
        layout.addWidget(self.tabs, 1)
        context.hub.operation_did_execute.connect(self._on_changes)
        self.retranslate()

    def show_section(self, key: str) -> QWidget:
        index = self.SECTIONS.index(key)
        self.tabs.setCurrentIndex(index)
        return self.tabs.widget(index)

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        # Another window or colleague changed the rules: show theirs (our own edits are on screen already).
        if initiator in (self.scoring, self.policies, self.reminders, self.planning, self.general):
            return
        if changes.everything or changes.settings or changes.tiers:
            self.policies.reload()
            if not self.scoring.dirty:
                self.scoring.reload_models()
        if changes.everything or changes.reminders:
            self.reminders.reload()
        if changes.everything or changes.users or changes.settings:
            self.planning.reload()
        if changes.everything or changes.users:
            self.users.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        for index, text in enumerate((self.tr("Scoring model"), self.tr("Tier policies"), self.tr("Reminders"),
                                      self.tr("Working days"), self.tr("User and language"), self.tr("Database"),
                                      self.tr("Users"))):
            self.tabs.setTabText(index, text)
