"""The scheduler bridge: job results reach the GUI thread by signal; new reminders are announced and notified."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from accountdesk.core.reminders.runs import GenerationReport
from accountdesk.core.storage.models import Contact, Customer, Reminder
from accountdesk.jobs.scheduler import JOB_REMINDERS, JobResult
from accountdesk.ui.kit.context import make_context
from accountdesk.ui.kit.scheduler_bridge import SchedulerBridge


@pytest.fixture
def context(db, dialogs, ui_settings, today):
    return make_context(db, synchronous=True, dialogs=dialogs, settings=ui_settings, today=lambda: today)


def test_generation_at_start_is_delivered_on_the_gui_thread(qtbot, db, context, today):
    with db.write() as s:
        customer = Customer(code="C1", name="华东精密", tier="A")
        s.add(customer)
        s.flush()
        s.add(Contact(customer_id=customer.id, name="张总", birth_month=11, birth_day=21))  # tomorrow
    seen = {}
    announced = []
    counts = []

    def on_report(report) -> None:
        seen["report"] = report
        seen["gui_thread"] = QThread.currentThread() is QApplication.instance().thread()

    bridge = SchedulerBridge(context)
    bridge.reminders_generated.connect(on_report)
    context.hub.operation_did_execute.connect(lambda changes, _who: announced.append(changes))
    context.hub.pending_reminders_changed.connect(counts.append)
    try:
        with qtbot.waitSignal(bridge.reminders_generated, timeout=30000):
            bridge.start()  # reminders run at once on the scheduler's thread
    finally:
        bridge.stop()
    assert seen["gui_thread"] is True
    report = seen["report"]
    assert isinstance(report, GenerationReport) and report.today == today
    assert report.created["birthday"] == 1
    assert any(changes.reminders for changes in announced)
    assert counts and counts[-1] >= 1
    expected = "1 new reminder" if report.total_created == 1 else f"{report.total_created} new reminders"
    assert bridge.notified and bridge.notified[0][0] == expected
    assert not bridge.running
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Reminder).where(Reminder.kind == "birthday")) == 1


def test_a_result_emitted_from_another_thread_is_handled_on_the_gui_thread(qtbot, context, today):
    bridge = SchedulerBridge(context)
    handled = []
    bridge.reminders_generated.connect(
        lambda report: handled.append(QThread.currentThread() is QApplication.instance().thread()))
    report = GenerationReport(today=today)
    worker = threading.Thread(target=lambda: bridge.job_finished.emit(JobResult(JOB_REMINDERS, ok=True, result=report)))
    with qtbot.waitSignal(bridge.reminders_generated, timeout=5000):
        worker.start()
        worker.join()
    assert handled == [True]
    assert bridge.notified == []  # nothing new: no notification


def test_a_failed_job_is_reported_in_the_status_bar(qtbot, context):
    bridge = SchedulerBridge(context)
    messages = []
    context.hub.status_message.connect(messages.append)
    with qtbot.waitSignal(context.hub.status_message, timeout=5000):
        bridge.job_finished.emit(JobResult(JOB_REMINDERS, ok=False, error=RuntimeError("disk full")))
    assert "disk full" in messages[0]

