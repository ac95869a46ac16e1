"""Starting the desktop application: Qt, language, opening the database, and switching databases."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from accountdesk.core import i18n
from accountdesk.core.storage.credentials import public_address, scrub
from accountdesk.core.storage.server_access import PasswordRefused
from accountdesk.printing.fonts import ensure_cjk_font
from accountdesk.ui.kit.dialogs import DialogService, error_text
from accountdesk.ui.kit.language import set_interface_language
from accountdesk.ui.kit.preferences import APPLICATION, ORGANIZATION, AppSettings
from accountdesk.ui.kit.tasks import ProgressPresenter, TaskRunner

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("AccountDesk")
    _prefer_cjk_font(app)
    return app  # type: ignore[return-value]


def _prefer_cjk_font(app: QApplication) -> None:
    # Chinese text must never fall back to boxes: name a CJK family first, the system's own
    # where it has one (Windows, macOS), else the bundled one (a Linux without CJK fonts).
    family = ensure_cjk_font()
    font = QFont(app.font())
    if family not in font.families():
        font.setFamilies([family, *font.families()])
        app.setFont(font)


class AppController(QObject):
    """Owns the open database and its main window; opens, switches and restores databases."""

    def __init__(self, settings: AppSettings, user: str | None, dialogs: DialogService | None = None,
                 *, synchronous: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.user = user
        self.dialogs = dialogs or DialogService()
        self.synchronous = synchronous
        self.window = None
        self.database = None
        # Opening (which may back up and migrate) runs off the GUI thread too.
        self._opener = TaskRunner(self, synchronous=synchronous)
        self._progress_parent = QWidget()
        ProgressPresenter(self._opener, self._progress_parent)

    # --- opening ----------------------------------------------------------------------

    def open(self, target: str | Path) -> None:
        from accountdesk.core.excel.imports.importer import take_back_interrupted_imports
        from accountdesk.core.storage.database import open_database

        user = self.user

        def open_and_recover():
            database = open_database(target, user=user)
            # An import a colleague's program (or ours) left half-written on a shared file is undone.
            take_back_interrupted_imports(database)
            return database

        self._opener.run(
            open_and_recover,
            lambda database: self._opened(database, str(target)),
            lambda error: self._open_failed(error, str(target)),
            label=self.tr("Opening the database…"),
            progress=False,
        )

    def _opened(self, database, target: str) -> None:
        from accountdesk.ui.main_window import create_main_window

        old_window, old_database = self.window, self.database
        self.database = database
        self.window = create_main_window(database, dialogs=self.dialogs, settings=self.settings,
                                         synchronous=self.synchronous)
        self.window.database_switch_requested.connect(self.open)
        self.window.restore_requested.connect(self.restore)
        self.window.show()
        # Background jobs on this database (reminders at once and every 30 min, re-grade, backup);
        # they stop when this window closes, a restore begins or the application quits.
        from accountdesk.ui.kit.scheduler_bridge import start_scheduler_for
        start_scheduler_for(self.window)
        # Team use (ui/team.py): colleagues' commits refresh the views; who else is here shows in the status bar.
        from accountdesk.ui.team.watch import start_team_for
        start_team_for(self.window)
        self.settings.add_recent_database(target)
        if old_window is not None:
            old_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            old_window.close()
            old_window.context.runner.shutdown(wait=True)
        if old_database is not None:
            old_database.dispose()
        if getattr(database, "damaged", None) is not None:
            self._offer_backup(database.damaged)
        elif database.read_only:
            self.dialogs.warn(self.window, self.tr("Opened read-only"), str(database.read_only_reason))
        elif getattr(database, "migrated_from", None) is not None and database.backup_path is not None:
            self.window.statusBar().showMessage(
                self.tr("The database was upgraded; a backup was kept first: %1").replace("%1", str(database.backup_path)),
                15000,
            )
        # A network drive not in shared mode, or a sync folder: said once, with the offer to switch (ui/team_location.py).
        from accountdesk.ui.team.location import show_location_warnings
        show_location_warnings(self.window)

    def _offer_backup(self, damaged) -> None:
        """A damaged database opened read-only: offer its newest verified backup, or keep it open to
        export whatever can still be read."""
        title = self.tr("The database is damaged")
        text = str(damaged.message) + "\n\n" + self.tr(
            "It is open read-only: you can export what can still be read, but not change it.")
        if damaged.backup is None:
            self.dialogs.warn(self.window, title, text)
            return
        options = [self.tr("Restore the newest verified backup (%1)").replace("%1", damaged.backup.name),
                   self.tr("Keep it open read-only, to export")]
        if self.dialogs.choose(self.window, title, text, options) == 0:
            self.restore(damaged.backup)

    def _restore_then_open(self, backup: Path, target: str) -> None:
        from accountdesk.core.team.backup import restore_database

        def done(safety: Path | None) -> None:
            self.open(target)
            if safety is not None:
                self.dialogs.info(None, self.tr("Restored"),
                                  self.tr("The database was restored. The database as it was is kept at:\n%1")
                                  .replace("%1", str(safety)))

        self._opener.run(lambda: restore_database(backup, Path(target)), done,
                         lambda error: self._open_failed(error, target), label=self.tr("Restoring…"))

    def _open_failed(self, error: BaseException, target: str) -> None:
        log.warning("could not open %s: %s", public_address(target), scrub(str(error)))
        parent = self.window
        title = self.tr("Cannot open the database")
        text = error_text(error)
        if isinstance(error, PasswordRefused):
            # Wrong or missing password: say so, then ask for it in the dialog, filled in but the password.
            from accountdesk.ui.team.connect_dialog import ask_for_server

            self.dialogs.error(parent, title, text)
            address = ask_for_server(parent, error.address, self.dialogs)
            if address is not None:
                self.open(address)
            elif self.window is None:
                QApplication.quit()
            return
        if self.window is not None:
            # A window is open on another database: it stays as it was.
            self.dialogs.error(parent, title, text)
            return
        backup = getattr(error, "backup", None)
        options = [self.tr("Open another database…"), self.tr("Use the default database")]
        if backup is not None:
            # A file too damaged to open at all: its newest verified backup comes first.
            options.insert(0, self.tr("Restore the newest verified backup (%1)").replace("%1", backup.name))
        choice = self.dialogs.choose(None, title, text + "\n\n" + self.tr("What would you like to do?"), options)
        if backup is not None:
            if choice == 0:
                self._restore_then_open(backup, target)
                return
            choice = None if choice is None else choice - 1
        if choice == 0:
            path = self.dialogs.open_file(None, self.tr("Open database"),
                                          self.tr("AccountDesk databases (*.accountdesk);;All files (*)"))
            if path is not None:
                self.open(path)
                return
        elif choice == 1:
            from accountdesk.paths import default_database

            default = default_database()
            if str(default) != target:
                self.open(default)
                return
        QApplication.quit()

    # --- restore ----------------------------------------------------------------------

    def restore(self, source: Path) -> None:
        from accountdesk.core.team.backup import restore_database

        database = self.database
        if database is None or database.path is None:
            return
        target = database.path
        window = self.window
        # Nothing may hold the file open while the backup is copied over it: no scheduled job
        # and no task still running.
        bridge = getattr(window, "scheduler_bridge", None)
        if bridge is not None:
            bridge.stop()
        from accountdesk.ui.team.watch import stop_team_of
        stop_team_of(window)  # the change watcher's connection closes; our presence leaves (drained next)
        window.context.runner.shutdown(wait=True)
        database.dispose()

        def done(safety: Path | None) -> None:
            self.database = None
            self.open(target)
            if safety is not None:
                self.dialogs.info(None, self.tr("Restored"),
                                  self.tr("The database was restored. The database as it was is kept at:\n%1")
                                  .replace("%1", str(safety)))

        def failed(error: BaseException) -> None:
            self.dialogs.error(window, self.tr("Restore failed"), error_text(error))
            self.database = None
            self.open(target)

        self._opener.run(lambda: restore_database(source, target), done, failed, label=self.tr("Restoring…"))

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.context.runner.shutdown(wait=True)
        self._opener.shutdown(wait=True)
        if self.database is not None:
            self.database.dispose()


def run_app(db_target: str | Path, user: str | None = None) -> int:
    """The desktop application (``accountdesk`` with no command); returns the exit code."""
    app = make_application()
    from accountdesk.ui.kit.crash_dialog import CrashReporter

    # The crash safety net: every unhandled exception is logged and explained, never silent.
    crash_reporter = CrashReporter(DialogService(), app)
    crash_reporter.install()
    settings = AppSettings()
    choice = settings.language
    if choice == "system":
        # The command line's --lang (already given to the core) counts as the system's choice.
        choice = "zh_CN" if i18n.current_language() == "zh" else "en"
    set_interface_language(choice)
    # --user on the command line wins over the name chosen in Settings, then the login name.
    controller = AppController(settings, user or settings.user_name)
    controller.open(db_target)
    try:
        return app.exec()
    finally:
        controller.shutdown()
