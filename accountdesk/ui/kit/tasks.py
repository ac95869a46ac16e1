"""The task runner: database and file work off the GUI thread, results back on it by signal."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel; the task's write is rolled back."""


class TaskContext:
    """Handed to long tasks: report progress, and notice when the user cancels."""

    def __init__(self, task: Task, report: Callable[[Task, int, int, str], None]) -> None:
        self._task = task
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()

    def check(self) -> None:
        """Stop here (rolling back) if the user cancelled."""
        if self.cancelled:
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self.check()
        self._report(self._task, done, total, text)


@dataclass(eq=False)
class Task:
    """A handle on submitted work: what it is called, and a way to cancel it."""

    id: int
    label: str
    kind: str  # "write" (the single database writer) or "read"
    show_progress: bool
    cancel_requested: threading.Event = field(default_factory=threading.Event)
    finished: bool = False

    def cancel(self) -> None:
        self.cancel_requested.set()


ErrorHandler = Callable[[BaseException], None]


class TaskRunner(QObject):
    """One worker thread for database writes (so writes queue instead of fighting for the
    lock) and one for reads; callbacks always run on the GUI thread.

    With ``synchronous=True`` (tests) work runs at once in the caller's thread and the
    callbacks run before ``run`` returns, so a test sees the result without waiting.
    """

    task_started = Signal(object)  # Task
    task_progress = Signal(object, int, int, str)  # Task, done, total, text
    task_finished = Signal(object)  # Task
    busy_changed = Signal(bool)

    # Carries a closure from a worker thread to the GUI thread (queued connection).
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.default_error_handler: ErrorHandler | None = None
        self._ids = itertools.count(1)
        self._active: set[Task] = set()
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._deliver.connect(self._on_deliver)

    # --- submitting work --------------------------------------------------------------

    def run(
        self,
        work: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
        *,
        kind: str = "write",
        label: str = "",
        progress: bool = False,
    ) -> Task:
        """Run ``work()`` (or ``work(context)`` when ``progress``) on the worker for ``kind``.

        ``on_done(result)`` or ``on_error(exception)`` is then called on the GUI thread; a
        cancelled task calls neither.
        """
        task = Task(id=next(self._ids), label=label, kind=kind, show_progress=progress)
        self._active.add(task)
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        self.task_started.emit(task)
        context = TaskContext(task, self._report_progress)

        def body() -> None:
            try:
                result = work(context) if progress else work()
            except Cancelled:
                self._hand_back(lambda: self._finish(task, None, None, None, cancelled=True))
            except Exception as error:  # delivered to the GUI thread, never lost
                captured = error
                self._hand_back(lambda: self._finish(task, on_done, on_error, captured))
            else:
                self._hand_back(lambda: self._finish(task, on_done, on_error, None, result=result))

        if self.synchronous:
            body()
        else:
            self._executor(kind).submit(body)
        return task

    def run_write(self, work, on_done=None, on_error=None, **options) -> Task:
        return self.run(work, on_done, on_error, kind="write", **options)

    def run_read(self, work, on_done=None, on_error=None, **options) -> Task:
        return self.run(work, on_done, on_error, kind="read", **options)

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def active_tasks(self) -> list[Task]:
        return sorted(self._active, key=lambda t: t.id)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until every submitted task has finished and delivered (tests, shutdown)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(int(timeout * 1000))
        while self._active and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._active

    def shutdown(self, wait: bool = True) -> None:
        """Let queued writes finish (a manager's note is never dropped on quit)."""
        for executor in self._executors.values():
            executor.shutdown(wait=wait)
        self._executors.clear()

    # --- internals --------------------------------------------------------------------

    def _executor(self, kind: str) -> ThreadPoolExecutor:
        executor = self._executors.get(kind)
        if executor is None:
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"accountdesk-{kind}")
            self._executors[kind] = executor
        return executor

    def _hand_back(self, callback: Callable[[], None]) -> None:
        if self.synchronous:
            callback()
        else:
            self._deliver.emit(callback)

    def _report_progress(self, task: Task, done: int, total: int, text: str) -> None:
        if self.synchronous:
            self.task_progress.emit(task, done, total, text)
        else:
            self._deliver.emit(lambda: self.task_progress.emit(task, done, total, text))

    @Slot(object)
    def _on_deliver(self, callback: Callable[[], None]) -> None:
        callback()

    def _finish(
        self,
        task: Task,
        on_done: Callable[[Any], None] | None,
        on_error: ErrorHandler | None,
        error: BaseException | None,
        *,
        result: Any = None,
        cancelled: bool = False,
    ) -> None:
        task.finished = True
        self._active.discard(task)
        self.task_finished.emit(task)
        if not self._active:
            self.busy_changed.emit(False)
        if cancelled:
            return
        if error is not None:
            handler = on_error or self.default_error_handler
            if handler is None:
                log.error("task %r failed", task.label, exc_info=error)
                raise error
            handler(error)
            return
        if on_done is not None:
            on_done(result)


class ProgressPresenter(QObject):
    """Shows a progress dialog with a Cancel button for tasks submitted with ``progress=True``.

    The dialog appears only if the task is still running after a short delay, so quick
    work never flashes a window.
    """

    def __init__(self, runner: TaskRunner, parent_widget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._dialogs: dict[int, Any] = {}
        runner.task_started.connect(self._on_started)
        runner.task_progress.connect(self._on_progress)
        runner.task_finished.connect(self._on_finished)

    def _on_started(self, task: Task) -> None:
        if not task.show_progress:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(task.label, self.tr("Cancel"), 0, 0, self._parent_widget)
        dialog.setWindowTitle(task.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        self._dialogs[task.id] = dialog

    def _on_progress(self, task: Task, done: int, total: int, text: str) -> None:
        dialog = self._dialogs.get(task.id)
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def _on_finished(self, task: Task) -> None:
        dialog = self._dialogs.pop(task.id, None)
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()


def SyncTaskRunner(parent: QObject | None = None) -> TaskRunner:  # noqa: N802 (reads like a class)
    """A runner that does everything at once in the caller's thread (tests, screenshots)."""
    return TaskRunner(parent, synchronous=True)
