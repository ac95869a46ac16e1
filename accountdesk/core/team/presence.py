"""Team use of one database: shared mode of the file, presence, and noticing other users' commits."""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from accountdesk.core.i18n import AccountDeskError, Message
from accountdesk.core.storage import file_statements, pragmas
from accountdesk.core.storage.change_counter import (
    own_counter_values,
    read_change_counter,
)
from accountdesk.core.storage.models import Presence, utcnow
from accountdesk.core.team.location import LocationWarning, Mount, location_warnings  # noqa: F401  (re-exported)

PRESENCE_STALE_AFTER = timedelta(minutes=2)
HEARTBEAT_INTERVAL = timedelta(seconds=30)
SHARED_KEY = "shared"


# --- shared mode ------------------------------------------------------------------------------


class SharedModeError(AccountDeskError):
    """The file's mode could not be switched; it was left as it was."""


def _others_using(path: Path, now: datetime) -> list[PresenceInfo]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        rows = file_statements.presence_rows(connection)
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    fresh = []
    for user, machine, pid, since, beat, session_uid in rows:
        beat_at = _parse_stored_instant(beat)
        if beat_at is not None and now - beat_at <= PRESENCE_STALE_AFTER:
            fresh.append(PresenceInfo(session_uid, user, machine, pid, _parse_stored_instant(since) or beat_at, beat_at))
    return fresh


def _parse_stored_instant(value: object) -> datetime | None:
    from datetime import timezone

    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


def _in_use_error(path: Path, detail_zh: str, detail_en: str) -> SharedModeError:
    return SharedModeError(
        f"无法切换“{path}”的模式：{detail_zh}。请其他同事先关闭 AccountDesk（本机的其他窗口也要关闭），再重试。",
        f"Cannot switch the mode of '{path}': {detail_en}. Ask everyone else to close AccountDesk "
        "(and close any other AccountDesk window on this computer), then try again.",
    )


def set_shared_mode(path: Path, on: bool, *, now: datetime | None = None) -> None:
    """Mark the file for team use on a shared drive (rollback journal, full sync) or single use (WAL).

    The mode is stored in the file (meta 'shared'), so every client opening it agrees. Changing
    the journal mode needs the file to itself: refused while anyone else has it open.
    """
    from accountdesk.core.storage.database import BUSY_TIMEOUT_SECONDS, known_revisions, read_sqlite_facts

    path = Path(path)
    facts = read_sqlite_facts(path)  # refuses anything that is not ours, untouched
    if facts.revision is not None and facts.revision not in known_revisions():
        raise SharedModeError(
            f"“{path}”由更新版本的 AccountDesk 创建，本程序只能以只读方式打开它，无法切换模式；文件未作任何改动。",
            f"'{path}' was written by a newer AccountDesk, which this one opens read-only; its mode cannot be "
            "switched. The file was left unchanged.",
        )
    # The write bit, not os.access: an administrator could write a file marked read-only anyway.
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        raise SharedModeError(
            f"“{path}”是只读文件，无法切换模式。",
            f"'{path}' is a read-only file; its mode cannot be switched.",
        )
    others = _others_using(path, now or utcnow())
    if others:
        names = ", ".join(f"{p.user}@{p.machine}" for p in others)
        raise _in_use_error(path, f"正在使用的有 {names}", f"it is in use by {names}")
    connection = sqlite3.connect(path, timeout=2.0, isolation_level=None)
    try:
        target = "delete" if on else "wal"
        try:
            mode = pragmas.set_journal_mode(connection, target)
        except sqlite3.OperationalError as error:
            raise _in_use_error(path, "文件正被其他程序打开", "the file is open elsewhere") from error
        if str(mode).lower() != target:
            raise _in_use_error(path, f"日志模式仍为 {mode}", f"the journal mode stayed {mode}")
        pragmas.set_busy_timeout(connection, BUSY_TIMEOUT_SECONDS * 1000)
        if on:
            pragmas.set_full_sync(connection)
        file_statements.upsert_meta_immediately(connection, [(SHARED_KEY, "1" if on else "0")])
    finally:
        connection.close()


def is_shared(path: Path) -> bool:
    from accountdesk.core.storage.database import read_sqlite_facts

    return read_sqlite_facts(Path(path)).shared


def journal_mode(path: Path) -> str:
    """The journal mode stored in the file (wal, or delete for the rollback journal)."""
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return str(pragmas.journal_mode(connection)).lower()
    finally:
        connection.close()


# --- presence ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PresenceInfo:
    """Someone with the database open: shown in the status bar as "user (machine) since …"."""

    session_uid: str
    user: str
    machine: str
    pid: int
    since: datetime
    heartbeat_at: datetime


def _presence() -> Table:
    return Presence.__table__  # type: ignore[return-value]


def machine_name() -> str:
    return socket.gethostname() or "?"


def register_presence(database, *, now: datetime | None = None, machine: str | None = None) -> str | None:
    """Announce this session; returns its session uid for heartbeat() and leave().

    None for a read-only database: nothing can be written, so nobody is told.
    """
    from accountdesk.core.storage.models import new_uid

    if database.read_only:
        return None
    now = now or utcnow()
    session_uid = new_uid()
    with database.write() as session:
        session.execute(insert(_presence()).values(
            session_uid=session_uid, user=database.user, machine=machine or machine_name(),
            pid=os.getpid(), since=now, heartbeat_at=now,
        ))
    return session_uid


def heartbeat(
    database, session_uid: str | None, *, now: datetime | None = None, stale_after: timedelta = PRESENCE_STALE_AFTER,
) -> None:
    """Refresh this session's entry (re-creating it if someone expired it) and expire the dead.

    Run it from the task runner every HEARTBEAT_INTERVAL: it writes, so it may wait for a lock.
    """
    if not session_uid or database.read_only:
        return
    now = now or utcnow()
    table = _presence()
    with database.write() as session:
        result = session.execute(update(table).where(table.c.session_uid == session_uid).values(heartbeat_at=now))
        if result.rowcount == 0:
            # A laptop that slept past the expiry comes back: announce it again, same session.
            session.execute(insert(table).values(
                session_uid=session_uid, user=database.user, machine=machine_name(),
                pid=os.getpid(), since=now, heartbeat_at=now,
            ))
        # Entries of crashed clients are kept a while (others_present() hides them already).
        session.execute(delete(table).where(table.c.heartbeat_at < now - stale_after * 5))


def leave(database, session_uid: str | None) -> None:
    """Remove this session's entry when the window closes."""
    if not session_uid or database.read_only:
        return
    table = _presence()
    with database.write() as session:
        session.execute(delete(table).where(table.c.session_uid == session_uid))


def others_present(
    session: Session,
    own_session_uid: str | None,
    now: datetime,
    stale_after: timedelta = PRESENCE_STALE_AFTER,
) -> list[PresenceInfo]:
    """Everyone else with the database open, whose heartbeat is recent; oldest first."""
    table = _presence()
    query = select(table).where(table.c.heartbeat_at >= now - stale_after).order_by(table.c.since)
    if own_session_uid is not None:
        query = query.where(table.c.session_uid != own_session_uid)
    return [
        PresenceInfo(row.session_uid, row.user, row.machine, row.pid, row.since, row.heartbeat_at)
        for row in session.execute(query)
    ]


def presence_summary(others: list[PresenceInfo]) -> Message | None:
    """The status-bar text for who else is working in the database (None: nobody)."""
    if not others:
        return None
    people_zh = "、".join(f"{p.user}（{p.machine}，{p.since.astimezone():%H:%M} 起）" for p in others)
    people_en = ", ".join(f"{p.user} ({p.machine}, since {p.since.astimezone():%H:%M})" for p in others)
    return Message(f"同时在使用：{people_zh}", f"Also working here: {people_en}")


# --- live refresh -----------------------------------------------------------------------------


class ChangeWatcher:
    """Tells, when polled (the GUI does it every ~2 s), whether another user committed since.

    SQLite: one dedicated read-only connection whose `PRAGMA data_version` moves when any
    other connection commits — a cheap check that reads no table. Only then is the change
    counter read, so presence heartbeats and this client's own commits are not reported.
    PostgreSQL: the change counter alone, one tiny query per poll.
    """

    def __init__(self, database) -> None:
        self._database = database
        self._sqlite: sqlite3.Connection | None = None
        self._data_version: int | None = None
        if database.is_sqlite and database.path is not None:
            self._sqlite = sqlite3.connect(
                f"{Path(database.path).resolve().as_uri()}?mode=ro", uri=True,
                # Polled from the GUI thread: never wait long for a lock, just ask again next time.
                isolation_level=None, check_same_thread=False, timeout=0.2,
            )
            self._data_version = self._read_data_version()
        self._counter = self._read_counter()

    def _read_data_version(self) -> int:
        assert self._sqlite is not None
        return pragmas.data_version(self._sqlite)

    def _read_counter(self) -> int:
        if self._sqlite is not None:
            return file_statements.change_counter(self._sqlite)
        with self._database.engine.connect() as connection:
            return read_change_counter(connection)

    def poll(self) -> bool:
        """True when someone else committed a change to user data since the last poll."""
        try:
            if self._sqlite is not None:
                version = self._read_data_version()
                if version == self._data_version:
                    return False
                self._data_version = version
            counter = self._read_counter()
        except (sqlite3.Error, OSError):
            return False  # busy or briefly unreachable (a network share): ask again next time
        except Exception as error:  # a server that went away: same, the next poll retries
            from sqlalchemy.exc import DBAPIError

            if isinstance(error, DBAPIError):
                return False
            raise
        if counter == self._counter:
            return False
        previous, self._counter = self._counter, counter
        own = own_counter_values(self._database.engine)
        if counter > previous and all(value in own for value in range(previous + 1, counter + 1)):
            own.difference_update(range(previous + 1, counter + 1))
            return False
        return True

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None


def forget_own_counters(values: Iterable[int], database) -> None:
    """For tests and tools that write through another engine of the same file."""
    own_counter_values(database.engine).difference_update(values)
