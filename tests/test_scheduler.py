"""The background scheduler: jobs, time zone, misfire policy, results through a plain callback."""

from __future__ import annotations

import queue
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from accountdesk.core.reminders.runs import GenerationReport
from accountdesk.core.storage.models import Contact, Customer, Reminder
from accountdesk.jobs.scheduler import (
    DAILY_GRACE_SECONDS,
    INTERVAL_GRACE_SECONDS,
    JOB_BACKUP,
    JOB_REGRADE,
    JOB_REMINDERS,
    JOB_REMINDERS_MIDNIGHT,
    AppScheduler,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
PINNED = datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI)


def test_reminders_are_generated_at_start_and_reported(sqlite_db, tmp_path):
    with sqlite_db.write() as s:
        customer = Customer(code="C1", name="客户", tier="A")
        s.add(customer)
        s.flush()
        s.add(Contact(customer_id=customer.id, name="张总", birth_month=11, birth_day=21))
    results: queue.Queue = queue.Queue()
    scheduler = AppScheduler(sqlite_db, results.put, zone=SHANGHAI, backup_dir=tmp_path / "backups",
                             clock=lambda: PINNED)
    scheduler.start()
    try:
        result = results.get(timeout=30)
    finally:
        scheduler.shutdown()
    assert result.job == JOB_REMINDERS and result.ok, result.error
    assert isinstance(result.result, GenerationReport) and result.result.today == PINNED.date()
    assert result.result.created["birthday"] == 1
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Reminder).where(Reminder.kind == "birthday")) == 1


def test_jobs_time_zone_and_misfire_policy(sqlite_db, tmp_path):
    scheduler = AppScheduler(sqlite_db, zone=SHANGHAI, backup_dir=tmp_path / "backups", clock=lambda: PINNED)
    scheduler.start(paused=True)  # look at the jobs without running them
    try:
        jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
        assert {JOB_REMINDERS, JOB_REMINDERS_MIDNIGHT, JOB_REGRADE, JOB_BACKUP} <= set(jobs)
        assert str(scheduler.scheduler.timezone) == "Asia/Shanghai"
        assert all(job.coalesce and job.max_instances == 1 for job in jobs.values())
        assert jobs[JOB_REMINDERS].misfire_grace_time == INTERVAL_GRACE_SECONDS
        assert jobs[JOB_REMINDERS_MIDNIGHT].misfire_grace_time == DAILY_GRACE_SECONDS
        midnight = jobs[JOB_REMINDERS_MIDNIGHT].next_run_time
        assert (midnight.hour, midnight.minute) == (0, 10) and midnight.utcoffset().total_seconds() == 8 * 3600
        assert f"{JOB_BACKUP}-catch-up" in jobs  # no backup yet: one runs soon after start
    finally:
        scheduler.shutdown()


def test_the_nightly_regrade_grades_the_book_and_the_backup_runs(sqlite_db, tmp_path):
    from accountdesk.core.tiering.regrade import RegradeReport

    reported = []
    scheduler = AppScheduler(sqlite_db, reported.append, zone=SHANGHAI, backup_dir=tmp_path, clock=lambda: PINNED)
    regrade = scheduler.run_regrade()
    assert regrade.ok and regrade.skipped is None and isinstance(regrade.result, RegradeReport)
    assert scheduler._last_run(JOB_REGRADE) == PINNED.date()  # a restart the same day does not re-grade again
    backup = scheduler.run_backup()
    assert backup.ok and backup.result.exists() and backup.result.parent == tmp_path
    assert [r.job for r in reported] == [JOB_REGRADE, JOB_BACKUP]


def test_the_regrade_runs_as_of_the_scheduler_s_today(sqlite_db, tmp_path, monkeypatch):
    import accountdesk.jobs.scheduler as module

    calls = []
    monkeypatch.setattr(module, "regrade_all", lambda session, as_of: calls.append(as_of) or "graded")
    scheduler = AppScheduler(sqlite_db, zone=SHANGHAI, backup_dir=tmp_path, clock=lambda: PINNED)
    assert scheduler.run_regrade().result == "graded"
    assert calls == [PINNED.date()]


def test_a_failing_job_is_reported_not_raised(sqlite_db, tmp_path, monkeypatch):
    import accountdesk.core.reminders.runs as reminder_runs

    def broken(database, today):
        raise RuntimeError("disk full")

    monkeypatch.setattr(reminder_runs, "run_generation", broken)
    reported = []
    scheduler = AppScheduler(sqlite_db, reported.append, zone=SHANGHAI, backup_dir=tmp_path, clock=lambda: PINNED)
    result = scheduler.run_reminders()
    assert not result.ok and str(result.error) == "disk full" and reported == [result]


def test_scheduler_does_not_import_qt():
    code = "import sys, accountdesk.jobs.scheduler; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

