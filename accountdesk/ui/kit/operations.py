"""Running core services for the screens: writes on the writer thread, then one announcement of what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from accountdesk.core.changes import Changes, changes_of
from accountdesk.core.team.conflicts import run_with_retry
from accountdesk.ui.kit.tasks import Task, TaskContext, TaskRunner

log = logging.getLogger(__name__)

T = TypeVar("T")


class Hub(QObject):
    """The central notice board views listen to; no view polls or refreshes another."""

    # (Changes, initiator): initiator is the object that asked for the change (or None), so
    # a form can skip reloading itself after its own save.
    operation_did_execute = Signal(object, object)
    # Features ask the main window to show a page or a customer, without knowing each other.
    navigate_requested = Signal(str)  # page key, e.g. "import"
    customer_open_requested = Signal(int)  # customer id
    # The reminders feature reports how many are waiting; the status bar shows it.
    pending_reminders_changed = Signal(int)
    status_message = Signal(str)

    def announce(self, changes: Changes, initiator: object = None) -> None:
        self.operation_did_execute.emit(changes, initiator)


def _changes_of(session) -> Changes:
    return changes_of(session)


class Operations:
    """Runs a core mutation in one short write transaction on the writer thread, collects what
    it changed, announces that on the hub and hands the result back on the GUI thread."""

    # How long a save waits for a server that went away before saying so (the form keeps the typing).
    reconnect_seconds = 120.0

    def __init__(self, database, runner: TaskRunner, hub: Hub) -> None:
        self.database = database
        self.runner = runner
        self.hub = hub

    def mutate(
        self,
        work: Callable[..., T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        initiator: object = None,
        label: str = "",
        progress: bool = False,
        changes: Changes | None = None,
    ) -> Task:
        """``work(session)`` (or ``work(session, context)`` with ``progress``) inside
        ``database.write()``. ``changes`` adds to what the session's flushes recorded (for work
        that writes with bulk statements the session does not see)."""
        database = self.database
        hub = self.hub

        def attempt(context: TaskContext | None) -> tuple[Any, Changes]:
            with database.write() as session:
                result = work(session, context) if progress else work(session)
                session.flush()
                recorded = _changes_of(session)
            return result, (recorded | changes) if changes is not None else recorded

        def waiting(_attempt: int, _delay: float) -> None:
            # Emitted from the writer thread; Qt queues it to the GUI thread.
            hub.status_message.emit(QCoreApplication.translate(
                "Operations", "The database is busy (another user is saving); trying again…"))

        def unreachable(_waited: float) -> None:
            hub.status_message.emit(QCoreApplication.translate(
                "Operations", "The database server cannot be reached. What you typed is kept; "
                "it is saved as soon as the server is back…"))

        def body(context: TaskContext | None = None) -> tuple[Any, Changes]:
            # A team's shared file may be locked for a moment by a colleague's save, a server may
            # report a deadlock, or go away for a while: the whole transaction is retried, so none
            # of these loses the manager's edit (it stays in the form if the server stays away).
            return run_with_retry(lambda: attempt(context), on_wait=waiting,
                                  reconnect_seconds=self.reconnect_seconds, on_unreachable=unreachable)

        def done(outcome: tuple[Any, Changes]) -> None:
            result, recorded = outcome
            self.hub.announce(recorded, initiator)
            if on_done is not None:
                on_done(result)

        return self.runner.run_write(body, done, on_error, label=label, progress=progress)

    def run_write(
        self,
        work: Callable[..., T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        changes: Changes,
        label: str = "",
        progress: bool = False,
    ) -> Task:
        """Work that manages its own transactions (demo data, imports, restore) given the
        database itself (and a TaskContext with ``progress``); ``changes`` is announced after."""
        database = self.database

        def body(context: TaskContext | None = None) -> Any:
            return work(database, context) if progress else work(database)

        def done(result: Any) -> None:
            self.hub.announce(changes)
            if on_done is not None:
                on_done(result)

        return self.runner.run_write(body, done, on_error, label=label, progress=progress)

    def read(
        self,
        work: Callable[..., T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        label: str = "",
    ) -> Task:
        """``work(session)`` in a read session on the reader thread (searches, lists, figures)."""
        database = self.database

        def body() -> T:
            with database.session() as session:
                return work(session)

        return self.runner.run_read(body, on_done, on_error, label=label)

    def read_now(self, work: Callable[..., T]) -> T:
        """A quick read on the GUI thread, only for small fetches by id (a page of rows, one
        customer's header): these take milliseconds even at 100,000 customers."""
        with self.database.session() as session:
            return work(session)
