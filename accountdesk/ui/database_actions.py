"""The File menu's work on the database itself: new, open, back up, restore, merge a copy; and About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from accountdesk import __version__
from accountdesk.core.storage.credentials import public_address

DATABASE_SUFFIX = ".accountdesk"


def target_of(database) -> str:
    """How a database is named in recent files and switch requests: its path or its URL (without a password)."""
    path = getattr(database, "path", None)
    return str(path) if path is not None else public_address(getattr(database, "url", ""))


class DatabaseCommands(QObject):
    """Runs the File menu for one main window; switching databases is asked of the application."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def context(self):
        return self.window.context

    def database_filter(self) -> str:
        return self.tr("AccountDesk databases (*.accountdesk);;All files (*)")

    def _start_dir(self) -> str:
        path = getattr(self.context.database, "path", None)
        return str(path.parent) if path is not None else ""

    def new_database(self) -> None:
        dialogs = self.context.dialogs
        path = dialogs.save_file(self.window, self.tr("New database"), self.database_filter(), self._start_dir())
        if path is None:
            return
        if path.suffix != DATABASE_SUFFIX:
            path = path.with_name(path.name + DATABASE_SUFFIX)
        if path.exists():
            dialogs.warn(self.window, self.tr("New database"),
                         self.tr("“%1” already exists. Use Open database to open it, or choose another name.")
                         .replace("%1", str(path)))
            return
        self.window.database_switch_requested.emit(str(path))

    def open_database(self) -> None:
        path = self.context.dialogs.open_file(
            self.window, self.tr("Open database"), self.database_filter(), self._start_dir())
        if path is not None:
            self.window.database_switch_requested.emit(str(path))

    def connect_to_server(self) -> None:
        from accountdesk.ui.team.connect_dialog import connect_to_server

        connect_to_server(self.window)

    def backup_now(self) -> None:
        from accountdesk.core.team.backup import backup_database

        context = self.context

        def done(target: Path) -> None:
            context.dialogs.info(self.window, self.tr("Backup"),
                                 self.tr("Backed up and verified:\n%1").replace("%1", str(target)))

        # A backup only reads the database, so it runs beside writes rather than queueing.
        context.runner.run_read(lambda: backup_database(context.database), done, label=self.tr("Backing up…"))

    def restore_backup(self) -> None:
        from accountdesk.core.team.backup import backup_dir_for

        context = self.context
        path = getattr(context.database, "path", None)
        if path is None:
            context.dialogs.info(self.window, self.tr("Restore"),
                                 self.tr("A server database is restored with PostgreSQL's own tools (pg_restore)."))
            return
        source = context.dialogs.open_file(
            self.window, self.tr("Restore from backup"), self.database_filter(), str(backup_dir_for(path)))
        if source is None:
            return
        question = self.tr("Replace the database “%1” with the backup “%2”?\n\n"
                           "The database as it is now is backed up first, so this can be undone.")
        if context.dialogs.ask(self.window, self.tr("Restore"),
                               question.replace("%1", path.name).replace("%2", source.name)):
            self.window.restore_requested.emit(source)

    def merge_copy(self) -> None:
        # Preview, confirm, merge and review live in their own module (team use).
        from accountdesk.ui.team.merge_dialog import merge_another_copy

        merge_another_copy(self.window)

    def about(self) -> None:
        self.context.dialogs.info(self.window, self.tr("About AccountDesk"), self.about_text())

    def about_text(self) -> str:
        import platform

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from accountdesk.crashlog import log_path

        database = self.context.database
        return (
            self.tr("AccountDesk %1 — customer archive, tiering, revisits and care reminders "
                    "for key-account managers.").replace("%1", __version__)
            + "\n\n"
            + self.tr("Database: %1").replace("%1", database.display_name) + "\n"
            + self.tr("Schema version: %1").replace("%1", str(database.schema_revision() or "—")) + "\n"
            + self.tr("Qt %1, PySide6 %2, Python %3").replace("%1", qVersion()).replace("%2", pyside_version)
            .replace("%3", platform.python_version()) + "\n"
            + self.tr("Log file: %1").replace("%1", str(log_path()))
        )
