"""The background scheduler inside the GUI: starts accountdesk.jobs.scheduler on the app's database and
brings each job's result to the GUI thread by a queued Qt signal; announces new reminders on the hub,
updates the waiting count and shows a tray notification when new ones arrive."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from accountdesk.core.changes import Changes
from accountdesk.core.reminders.centre import count_due
from accountdesk.core.reminders.runs import GenerationReport
from accountdesk.core.tiering.regrade import RegradeReport
from accountdesk.core.time import local_zone
from accountdesk.jobs.scheduler import JOB_REGRADE, JOB_REMINDERS, AppScheduler, JobResult
from accountdesk.ui.kit.dialogs import error_text

log = logging.getLogger(__name__)

NOTIFICATION_MILLISECONDS = 8000


class SchedulerBridge(QObject):
    """Owns the AppScheduler of one open database.

    The scheduler calls back on its own worker thread; the callback only emits ``job_finished``,
    which is connected with a queued connection, so everything that touches widgets, the hub or
    the task runner happens on the GUI thread.
    """

    job_finished = Signal(object)  # JobResult, emitted on the scheduler's thread
    reminders_generated = Signal(object)  # GenerationReport, on the GUI thread
    pending_count = Signal(int)  # on the GUI thread, after each generation

    def __init__(self, context, parent: QObject | None = None, *,
                 scheduler_factory: Callable[..., AppScheduler] = AppScheduler,
                 tray: QSystemTrayIcon | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.scheduler_factory = scheduler_factory
        self.scheduler: AppScheduler | None = None
        self.tray = tray
        self.notified: list[tuple[str, str]] = []  # (title, text) of each notification shown
        self.job_finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start the jobs; reminders are generated at once, catching up what fell due while closed."""
        if self.scheduler is not None:
            return
        zone = local_zone()
        today = self.context.today

        def clock() -> datetime:
            # The jobs' "today" is the screens' today (pinned in tests and screenshots).
            now = datetime.now(zone)
            return datetime.combine(today(), now.timetz())

        self.scheduler = self.scheduler_factory(self.context.database, self.job_finished.emit, zone=zone, clock=clock)
        self.scheduler.start()

    def stop(self) -> None:
        """Stop the jobs; a job already running finishes first (the database is closed next)."""
        if self.scheduler is not None:
            scheduler, self.scheduler = self.scheduler, None
            scheduler.shutdown(wait=True)
        if self.tray is not None:
            self.tray.hide()

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    # --- results (GUI thread) --------------------------------------------------------------

    def _on_job_finished(self, result: JobResult) -> None:
        if not result.ok:
            log.warning("background job %s failed: %s", result.job, result.error)
            if result.error is not None:
                self.context.hub.status_message.emit(
                    self.tr("A background job failed (%1): %2").replace("%1", result.job).replace(
                        "%2", error_text(result.error)))
            return
        if result.skipped:
            return
        if result.job == JOB_REMINDERS and isinstance(result.result, GenerationReport):
            self._reminders_done(result.result)
        elif result.job == JOB_REGRADE and isinstance(result.result, RegradeReport):
            self.context.hub.announce(result.result.as_changes())

    def _reminders_done(self, report: GenerationReport) -> None:
        changes = report.changes
        if changes.reminders or changes.revisits:
            self.context.hub.announce(Changes(reminders=changes.reminders, revisits=changes.revisits))
        if report.total_created:
            self.notify(report)
        self.reminders_generated.emit(report)
        self.refresh_count()

    def refresh_count(self) -> None:
        today = self.context.today()

        def done(count: int) -> None:
            self.context.hub.pending_reminders_changed.emit(count)
            self.pending_count.emit(count)

        self.context.operations.read(lambda session: count_due(session, today), done)

    # --- the tray ------------------------------------------------------------------------

    def _ensure_tray(self) -> QSystemTrayIcon | None:
        if self.tray is not None:
            return self.tray
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        window = self.parent() if isinstance(self.parent(), QWidget) else None
        icon = window.windowIcon() if window is not None else None
        if icon is None or icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip("AccountDesk")
        self.tray.messageClicked.connect(self._show_reminders)
        self.tray.activated.connect(lambda _reason: self._show_reminders())
        self.tray.show()
        return self.tray

    def notify(self, report: GenerationReport) -> None:
        """A tray notification naming how many new reminders arrived, and of which kinds."""
        title = self.tr("%Ln new reminder(s)", "", report.total_created)
        text = str(report.summary())
        self.notified.append((title, text))
        tray = self._ensure_tray()
        if tray is not None:
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MILLISECONDS)

    def _show_reminders(self) -> None:
        window = self.parent()
        if isinstance(window, QWidget):
            window.showNormal()
            window.raise_()
            window.activateWindow()
        self.context.hub.navigate_requested.emit("reminders")

    # --- stopping with the window ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close and watched is self.parent():
            self.stop()
        return False


def start_scheduler_for(window) -> SchedulerBridge:
    """Start the background jobs for a main window's database; they stop when the window closes
    (a database switch), a restore is asked for, or the application quits."""
    bridge = SchedulerBridge(window.context, window)
    window.installEventFilter(bridge)
    restore = getattr(window, "restore_requested", None)
    if restore is not None:  # nothing may write to the file while a backup is copied over it
        restore.connect(lambda _path: bridge.stop())
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(bridge.stop)
    window.scheduler_bridge = bridge
    bridge.start()
    return bridge


__all__ = ["SchedulerBridge", "start_scheduler_for"]
