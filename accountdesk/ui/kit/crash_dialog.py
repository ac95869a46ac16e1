"""Shows the crash safety net's report: an unhandled exception, and where its log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot

from accountdesk.core.storage.errors import explain as explain_database_error
from accountdesk.crashlog import install_excepthook
from accountdesk.ui.kit.dialogs import DialogService


class CrashReporter(QObject):
    """Receives unhandled exceptions from any thread and tells the user on the GUI thread."""

    # Emitted from whichever thread failed; the queued connection brings it to the GUI thread.
    crashed = Signal(str, str, bool)
    # A database error that reached no handler (a server gone while a screen refreshed): no crash,
    # the sentence the core has for it.
    database_failed = Signal(str)

    def __init__(self, dialogs: DialogService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.shown: list[tuple[str, str]] = []
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.database_failed.connect(self._show_database_error, Qt.ConnectionType.QueuedConnection)

    def report(self, summary: str, log_path: Path, expected: bool = False) -> None:
        self.crashed.emit(summary, str(log_path), expected)

    @Slot(str, str, bool)
    def _show(self, summary: str, log_path: str, expected: bool) -> None:
        self.shown.append((summary, log_path))
        if expected:
            # A fault a person can act on (a full disk, a damaged or locked file): the text says what to do.
            self.dialogs.error(None, self.tr("The action could not be completed"), summary)
            return
        self.dialogs.error(
            None,
            self.tr("Something went wrong"),
            self.tr("AccountDesk met an unexpected error. Nothing was half-saved: the action that failed "
                    "was rolled back.\n\n%1\n\nThe details are in the log:\n%2\n\n"
                    "Please send that file to whoever supports AccountDesk for you.")
            .replace("%1", summary)
            .replace("%2", log_path),
        )

    def explain(self, error: BaseException) -> bool:
        explained = explain_database_error(error)
        if explained is None or explained is error:
            return False
        self.database_failed.emit(str(explained.message))
        return True

    @Slot(str)
    def _show_database_error(self, text: str) -> None:
        self.shown.append((text, ""))
        self.dialogs.error(None, self.tr("AccountDesk"), text)

    def install(self) -> None:
        install_excepthook(self.report, known=self.explain)
