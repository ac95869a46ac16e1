"""The task runner: results and errors come back on the GUI thread; cancel stops long work."""

from __future__ import annotations

import threading

import pytest

from accountdesk.ui.kit.tasks import Cancelled, TaskRunner


def test_threaded_result_arrives_on_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    def done(value):
        seen["value"] = value
        seen["callback"] = threading.current_thread()

    runner.run(work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    runner.shutdown()
    assert seen["value"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()


def test_threaded_error_goes_to_error_handler(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run(lambda: 1 / 0, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    runner.shutdown()
    assert isinstance(errors[0], ZeroDivisionError)


def test_writes_run_one_at_a_time_in_order(qtbot):
    runner = TaskRunner()
    order = []
    for number in range(5):
        runner.run_write(lambda number=number: order.append(number))
    assert runner.wait_idle()
    runner.shutdown()
    assert order == [0, 1, 2, 3, 4]


def test_cancel_stops_long_work_and_skips_callbacks(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    outcome = []

    def long_work(context):
        started.set()
        for step in range(10_000):
            context.progress(step, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    task = runner.run(long_work, outcome.append, outcome.append, progress=True)
    assert started.wait(5)
    task.cancel()
    assert runner.wait_idle()
    runner.shutdown()
    assert outcome == []
    assert task.finished


def test_synchronous_runner_finishes_before_run_returns():
    runner = TaskRunner(synchronous=True)
    results, progress = [], []
    runner.task_progress.connect(lambda _task, done, total, _text: progress.append((done, total)))

    def work(context):
        context.progress(1, 2)
        context.progress(2, 2)
        return "ok"

    runner.run(work, results.append, progress=True)
    assert results == ["ok"]
    assert progress == [(1, 2), (2, 2)]
    assert not runner.busy


def test_synchronous_runner_raises_without_any_error_handler():
    runner = TaskRunner(synchronous=True)
    with pytest.raises(ZeroDivisionError):
        runner.run(lambda: 1 / 0)


def test_cancelled_inside_task_is_quiet():
    runner = TaskRunner(synchronous=True)
    outcome = []

    def work():
        raise Cancelled()

    runner.run(work, outcome.append, outcome.append)
    assert outcome == []
