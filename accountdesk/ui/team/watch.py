"""Team use in the main window: other users' commits refresh the open views, and the status bar
shows who else has the database open (presence, kept alive by a heartbeat)."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel

from accountdesk.core.changes import Changes
from accountdesk.core.storage.models import utcnow
from accountdesk.core.team import presence as team

log = logging.getLogger(__name__)

POLL_MILLISECONDS = 2000  # "within a few seconds" for a colleague's save to show
HEARTBEAT_MILLISECONDS = int(team.HEARTBEAT_INTERVAL.total_seconds() * 1000)


class PresenceLabel(QLabel):
    """The status-bar text naming who else works in the database; empty (hidden) when nobody."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("statusPresence")
        self.others: list[team.PresenceInfo] = []
        self.hide()

    def show_others(self, others: list[team.PresenceInfo]) -> None:
        self.others = list(others)
        self._render()

    def _render(self) -> None:
        summary = team.presence_summary(self.others)
        self.setText(str(summary) if summary is not None else "")
        self.setToolTip("\n".join(f"{p.user} @ {p.machine} (pid {p.pid})" for p in self.others))
        self.setVisible(summary is not None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # The summary is a core Message: render it again in the newly chosen language.
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)


class TeamWatch(QObject):
    """Live refresh and presence for one main window's database.

    The change poll runs on its own small thread, never on the GUI thread and never queued
    behind a long read or write: a colleague holding the lock only delays the next answer.
    Heartbeats are writes, so they go through the task runner's single writer.
    """

    # Emitted on the poll thread; connected queued, so the answer is handled on the GUI thread.
    _polled = Signal(bool)  # someone else committed

    def __init__(self, window, *, poll_ms: int = POLL_MILLISECONDS, heartbeat_ms: int = HEARTBEAT_MILLISECONDS):
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.session_uid: str | None = None
        self.running = False
        self.label = PresenceLabel()
        window.statusBar().insertPermanentWidget(0, self.label)
        self._watcher: team.ChangeWatcher | None = None
        self._poll_in_flight = False
        self._beat_in_flight = False
        self._executor: ThreadPoolExecutor | None = None
        self._polled.connect(self._on_polled, Qt.ConnectionType.QueuedConnection)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(heartbeat_ms)
        self.heartbeat_timer.timeout.connect(self.heartbeat)

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Announce ourselves, learn who else is here, and start watching for their commits."""
        if self.running:
            return
        self.running = True
        database = self.context.database
        if not self.context.read_only:
            def registered(uid: str | None) -> None:
                self.session_uid = uid
                self.refresh_presence()

            self.context.runner.run_write(lambda: team.register_presence(database), registered, self._quietly,
                                          label=self.tr("Announcing you to the team…"))
        else:
            self.refresh_presence()  # a read-only file: not announced, but colleagues are still shown
        self._in_background(self._open_watcher)
        self.poll_timer.start()
        self.heartbeat_timer.start()

    def stop(self) -> None:
        """Stop watching and say goodbye; the leave is queued on the writer, which the caller drains
        (runner.shutdown) before the database is closed, switched or restored over."""
        if not self.running:
            return
        self.running = False
        self.poll_timer.stop()
        self.heartbeat_timer.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True)  # a poll in progress finishes with its connection
            self._executor = None
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        uid, self.session_uid = self.session_uid, None
        if uid is not None:
            database = self.context.database
            self.context.runner.run_write(lambda: team.leave(database, uid), None, self._quietly,
                                          label=self.tr("Leaving the team database…"))

    # --- live refresh -------------------------------------------------------------------

    def _in_background(self, work) -> None:
        if self.context.runner.synchronous:
            work()  # tests and screenshots: at once, in order
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="accountdesk-watch")
        self._executor.submit(work)

    def _open_watcher(self) -> None:
        try:
            self._watcher = team.ChangeWatcher(self.context.database)
        except Exception as error:  # a busy or unreachable file: try again at the next poll
            log.info("change watcher not ready: %s", error)

    def poll(self) -> None:
        """Ask (off the GUI thread) whether someone else committed; skipped while an ask is pending."""
        if not self.running or self._poll_in_flight:
            return
        self._poll_in_flight = True

        def work() -> None:
            changed = False
            try:
                if self._watcher is None:
                    self._open_watcher()
                else:
                    changed = self._watcher.poll()
            except Exception as error:  # never let a poll kill the watch: the next one asks again
                log.info("change poll failed: %s", error)
            self._polled.emit(changed)

        self._in_background(work)

    def _on_polled(self, changed: bool) -> None:
        self._poll_in_flight = False
        if changed and self.running:
            # Another user's commit: we cannot know what it touched, so every open view refreshes.
            self.context.hub.announce(Changes.all())

    # --- presence -----------------------------------------------------------------------

    def heartbeat(self) -> None:
        """Keep our entry fresh (a write, queued on the writer), then read who else is here."""
        if not self.running:
            return
        if self.session_uid is None or self.context.read_only:
            self.refresh_presence()
            return
        if self._beat_in_flight:
            return  # the last one still waits for a colleague's lock
        self._beat_in_flight = True
        database, uid = self.context.database, self.session_uid

        def done(_result=None) -> None:
            self._beat_in_flight = False
            self.refresh_presence()

        def failed(error: BaseException) -> None:
            self._beat_in_flight = False
            self._quietly(error)

        self.context.runner.run_write(lambda: team.heartbeat(database, uid), done, failed,
                                      label=self.tr("Telling the team you are here…"))

    def refresh_presence(self) -> None:
        own = self.session_uid

        def done(others: list[team.PresenceInfo]) -> None:
            if self.running:
                self.label.show_others(others)

        self.context.operations.read(lambda session: team.others_present(session, own, utcnow()), done,
                                     self._quietly, label=self.tr("Looking for colleagues…"))

    @staticmethod
    def _quietly(error: BaseException) -> None:
        # Presence is a courtesy: a busy or unreachable database must not pop up a box every 30 s.
        log.info("presence not updated: %s", error)

    # --- stopping with the window -------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close and watched is self.window:
            self.stop()
        return False


def start_team_for(window, **options) -> TeamWatch:
    """Live refresh and presence for a main window; they stop when the window closes (a database
    switch), before a restore or a mode switch, and when the application quits."""
    watch = TeamWatch(window, **options)
    window.installEventFilter(watch)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(watch.stop)
    window.team = watch
    watch.start()
    return watch


def stop_team_of(window) -> None:
    """Stop a window's team watch if it has one (before its database is closed or replaced)."""
    watch = getattr(window, "team", None)
    if watch is not None:
        watch.stop()


__all__ = ["PresenceLabel", "TeamWatch", "start_team_for", "stop_team_of"]
