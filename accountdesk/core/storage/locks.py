"""Work that must not run twice at once on one database (a re-grade, a reminder run): a lock per job.

On PostgreSQL an advisory lock held by the job's transaction: taken when the job starts, let go
when it commits or rolls back, even if its program dies. On a file the write transaction already
holds the whole file, so a second job waits for the first to finish anyway.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.orm import Session

from accountdesk.core.i18n import AccountDeskError

JOB_NAMES = {
    "regrade": ("重新分级", "a re-grade"),
    "reminders": ("提醒检查", "a reminder run"),
}


class JobRunningError(AccountDeskError):
    """The same job is already running on this database (another computer, or another window)."""


def _key(job: str) -> int:
    # A stable 63-bit number per job name (PostgreSQL's advisory locks take a bigint).
    return zlib.crc32(f"accountdesk.{job}".encode()) | (0x41444B << 32)


def hold_job_lock(session: Session, job: str, *, wait_seconds: float = 10.0, poll_seconds: float = 0.25,
                  sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
    """Make `job` the only one of its kind on this database until the session's transaction ends.

    When another is running, wait up to `wait_seconds` for it to finish, then refuse with a
    message that says so (nothing was written).
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    key = _key(job)
    deadline = clock() + wait_seconds
    while not session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key}).scalar():
        if clock() >= deadline:
            zh, en = JOB_NAMES.get(job, (job, job))
            holder = session.execute(text(
                "SELECT a.usename, a.client_addr, a.backend_start FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                "AND ((l.classid::bigint << 32) | l.objid::bigint) = :key LIMIT 1"), {"key": key}).first()
            who_zh = f"（{holder[0]}）" if holder and holder[0] else ""
            who_en = f" ({holder[0]})" if holder and holder[0] else ""
            raise JobRunningError(
                f"数据库上已有一次{zh}正在进行{who_zh}；等待 {wait_seconds:g} 秒后仍未结束。本次未写入任何内容，请稍后再试。",
                f"{en[0].upper()}{en[1:]} is already running on this database{who_en}; it had not finished after "
                f"{wait_seconds:g} seconds. Nothing was written — try again when it is done.",
            )
        sleep(poll_seconds)


def wait_for_advisory_lock(session: Session, key: int) -> None:
    """Hold PostgreSQL's advisory lock `key` until the session's transaction ends, waiting for
    whoever holds it now (PostgreSQL only)."""
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
