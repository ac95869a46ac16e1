"""Background jobs inside the app: raising reminders, the nightly re-grade and the daily backup.

An APScheduler 3 BackgroundScheduler in the local time zone. It knows nothing of Qt: every job
reports through a plain callback, which the GUI turns into a signal (queued to its thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from apscheduler.events import EVENT_JOB_MISSED, JobEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from accountdesk.core.reminders import runs as reminder_runs
from accountdesk.core.storage.models import Setting
from accountdesk.core.team.backup import BACKUP_SUFFIX, backup_database, backup_dir_for
from accountdesk.core.team.conflicts import run_with_retry
from accountdesk.core.tiering.regrade import regrade_all
from accountdesk.core.time import local_zone

log = logging.getLogger(__name__)

JOB_REMINDERS = "reminders"
JOB_REMINDERS_MIDNIGHT = "reminders-midnight"
JOB_REGRADE = "regrade"
JOB_BACKUP = "backup"
REMINDER_INTERVAL_MINUTES = 30
LAST_RUN_SETTING = "scheduler.last_run"

# Misfire policy, chosen on purpose. Every job coalesces: after a laptop sleeps through several
# run times, the work runs once on waking, not once per missed time (each job is idempotent, so
# once is enough). The grace decides whether a late run is still worth doing:
#   - reminders every 30 min: 30 min of grace; later than that, the next run is closer anyway;
#   - daily jobs (midnight reminders, re-grade, backup): 12 h, so waking in the morning still
#     raises the new day's reminders and re-grades once; a run later than 12 h would come
#     closer to the next day's run than to its own and is dropped.
# Runs missed while the app was closed are not a misfire (the job store lives in memory): the
# start-up runs below catch those up.
INTERVAL_GRACE_SECONDS = REMINDER_INTERVAL_MINUTES * 60
DAILY_GRACE_SECONDS = 12 * 3600


@dataclass
class JobResult:
    """What a job did, handed to the callback from the scheduler's worker thread."""

    job: str
    ok: bool
    result: object | None = None
    error: BaseException | None = None
    skipped: str | None = None  # why a job did nothing (no tiering yet, a server database …)
    finished_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


ResultCallback = Callable[[JobResult], None]


class AppScheduler:
    """The app's background jobs on one database; start() at launch, shutdown() at exit."""

    def __init__(self, database, on_result: ResultCallback | None = None, *, zone: tzinfo | None = None,
                 backup_dir: Path | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self.database = database
        self.on_result = on_result or (lambda result: None)
        self.zone = zone or local_zone()
        self.backup_dir = backup_dir
        # The date the jobs work for ("today"); tests pin it.
        self._clock = clock or (lambda: datetime.now(self.zone))
        # One worker: jobs write to the database and must queue behind each other, not race.
        self.scheduler = BackgroundScheduler(
            timezone=self.zone,
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": DAILY_GRACE_SECONDS},
        )
        self.scheduler.add_listener(self._on_missed, EVENT_JOB_MISSED)
        self._lock = threading.Lock()

    # --- clock ---------------------------------------------------------------------------

    def now(self) -> datetime:
        return self._clock().astimezone(self.zone)

    def today(self) -> date:
        return self.now().date()

    # --- lifecycle -----------------------------------------------------------------------

    def start(self, *, paused: bool = False) -> None:
        # Run times follow the wall clock even when `clock` pins the jobs' "today" (tests).
        now = datetime.now(self.zone)
        # Reminders right away (this also catches up what fell due while the app was closed),
        # then every 30 minutes, and again just after midnight when a new day's moments begin.
        self.scheduler.add_job(self.run_reminders, IntervalTrigger(minutes=REMINDER_INTERVAL_MINUTES, timezone=self.zone),
                               id=JOB_REMINDERS, next_run_time=now, misfire_grace_time=INTERVAL_GRACE_SECONDS,
                               replace_existing=True)
        self.scheduler.add_job(self.run_reminders, CronTrigger(hour=0, minute=10, timezone=self.zone),
                               id=JOB_REMINDERS_MIDNIGHT, replace_existing=True)
        # The re-grade runs before the after-midnight reminders (tiers set revisit intervals).
        self.scheduler.add_job(self.run_regrade, CronTrigger(hour=0, minute=2, timezone=self.zone),
                               id=JOB_REGRADE, replace_existing=True)
        # Midday: a laptop is rarely running at night, but usually is at lunch.
        self.scheduler.add_job(self.run_backup, CronTrigger(hour=12, minute=30, timezone=self.zone),
                               id=JOB_BACKUP, replace_existing=True)
        self._schedule_catch_up(now)
        self.scheduler.start(paused=paused)

    def shutdown(self, wait: bool = False) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)

    def job_ids(self) -> list[str]:
        return [job.id for job in self.scheduler.get_jobs()]

    def _schedule_catch_up(self, now: datetime) -> None:
        """Daily jobs missed while the app was closed run once, shortly after start."""
        soon = now + timedelta(seconds=20)
        if self._last_run(JOB_REGRADE) != self.today():
            self.scheduler.add_job(self.run_regrade, "date", run_date=soon, id=f"{JOB_REGRADE}-catch-up",
                                   replace_existing=True)
        if self._backup_is_stale(now):
            self.scheduler.add_job(self.run_backup, "date", run_date=soon + timedelta(seconds=10),
                                   id=f"{JOB_BACKUP}-catch-up", replace_existing=True)

    # --- jobs ----------------------------------------------------------------------------

    def _report(self, result: JobResult) -> JobResult:
        try:
            self.on_result(result)
        except Exception:  # a broken listener must not stop the scheduler
            log.exception("scheduler result callback failed")
        return result

    def _run(self, name: str, work: Callable[[], object]) -> JobResult:
        if self.database.read_only:
            return self._report(JobResult(name, ok=True, skipped="read-only database"))
        try:
            outcome = work()
        except Exception as error:  # reported, never raised into APScheduler's thread
            log.exception("scheduled job %s failed", name)
            return self._report(JobResult(name, ok=False, error=error))
        if isinstance(outcome, JobResult):
            return self._report(outcome)
        return self._report(JobResult(name, ok=True, result=outcome))

    def run_reminders(self) -> JobResult:
        def work():
            # Short write transactions: a colleague's save never waits behind a full pass.
            return reminder_runs.run_generation(self.database, self.today())

        return self._run(JOB_REMINDERS, work)

    def run_regrade(self) -> JobResult:
        def work():
            today = self.today()

            def regrade():
                with self.database.write() as session:
                    return regrade_all(session, today)

            # On a server, a colleague's import may deadlock with it or a second re-grade hold the
            # lock for a moment: the whole transaction is tried again.
            outcome = run_with_retry(regrade)
            self._record_run(JOB_REGRADE, today)
            return outcome

        return self._run(JOB_REGRADE, work)

    def run_backup(self) -> JobResult:
        def work():
            if self.database.path is None:
                return JobResult(JOB_BACKUP, ok=True, skipped="server database (use pg_dump)")
            return backup_database(self.database, self.backup_dir, label="daily")

        return self._run(JOB_BACKUP, work)

    def _on_missed(self, event: JobEvent) -> None:
        log.info("scheduled job %s missed its run at %s (beyond its grace time)", event.job_id,
                 event.scheduled_run_time)

    # --- last runs -----------------------------------------------------------------------

    def _backup_is_stale(self, now: datetime) -> bool:
        if self.database.path is None or self.database.read_only:
            return False
        folder = self.backup_dir or backup_dir_for(self.database.path)
        newest = max((p.stat().st_mtime for p in Path(folder).glob(f"*{BACKUP_SUFFIX}")), default=None)
        return newest is None or now.timestamp() - newest > 24 * 3600

    def _last_run(self, job: str) -> date | None:
        from sqlalchemy import select

        try:
            with self.database.session() as session:
                value = session.scalar(select(Setting.value).where(Setting.key == LAST_RUN_SETTING))
        except Exception:  # an unreadable setting only means "run the catch-up"
            return None
        text = value.get(job) if isinstance(value, dict) else None
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def _record_run(self, job: str, day: date) -> None:
        """Team-wide: a re-grade done by a colleague's app this day counts for everyone."""
        from sqlalchemy import select

        try:
            with self.database.write() as session:
                row = session.scalar(select(Setting).where(Setting.key == LAST_RUN_SETTING))
                if row is None:
                    session.add(Setting(key=LAST_RUN_SETTING, value={job: day.isoformat()}))
                else:
                    row.value = {**(row.value if isinstance(row.value, dict) else {}), job: day.isoformat()}
        except Exception:  # two apps recording at once: one record is enough
            log.info("could not record the last %s run", job, exc_info=True)


__all__ = ["AppScheduler", "JobResult", "DAILY_GRACE_SECONDS", "INTERVAL_GRACE_SECONDS"]
