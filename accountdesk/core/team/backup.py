"""Backups of a database: consistent copies (SQLite backup API; a server copied table by table
into an AccountDesk file), verified, rotated (7 daily, 4 weekly, 12 monthly), listed and restored."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy.orm import Session

from accountdesk.core.faults import DiskFullError, is_disk_full
from accountdesk.core.files import remove_partial
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage import file_statements, pragmas, server_statements
from accountdesk.core.storage.sqlite_file import (
    BACKUP_SUFFIX,
    _backup_target,
    _folder,
    _verify_and_keep,
    backup_dir_for,
    backup_sqlite_file,
    copy_sqlite_consistently,
    integrity_problems,
)
from accountdesk.core.storage.transfer import fill_file, server_rows, snapshot

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
DAILY_LABEL = "daily"
# Rotation never deletes a backup a person asked for by hand.
PROTECTED_LABELS = frozenset({"manual"})
_BACKUP_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<label>[A-Za-z0-9_.-]+?)" + re.escape(BACKUP_SUFFIX) + "$"
)


def backup_dir_for_database(database) -> Path:
    """The backup folder of an open database: per file, or per server database."""
    if database.path is not None:
        return backup_dir_for(Path(database.path))
    from sqlalchemy.engine import make_url

    url = make_url(database.url)
    return _folder(f"server-{url.database or 'db'}", url.render_as_string(hide_password=True))


def copy_server_to_file(database, target: Path, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy a server database into a new AccountDesk file with the same schema, as of one moment:
    every table is read in one repeatable-read transaction, so a colleague's commit during the copy
    is either wholly in it or not at all. Returns the rows copied per table."""
    from sqlalchemy import select

    from accountdesk.core.storage.database import head_revision, open_database
    from accountdesk.core.storage.models import Meta

    revision = database.schema_revision()
    if revision != head_revision():
        raise AccountDeskError(
            f"服务器数据库的结构版本（{revision}）与本程序（{head_revision()}）不同，无法备份为文件。",
            f"The server database's schema ({revision}) differs from this AccountDesk's ({head_revision()}); "
            "it cannot be backed up to a file.",
        )
    open_database(target, user=database.user, migrate=True, backup_dir=target.parent).dispose()
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        with snapshot(database.engine) as source:
            counts = fill_file(connection, lambda table: server_rows(source, table), progress)
            meta = [(key, value) for key, value in source.execute(select(Meta.key, Meta.value))
                    if key != "shared"]  # the copy is a file for one person until marked otherwise
        file_statements.upsert_meta(connection, meta)
        pragmas.set_journal_mode(connection, "delete")
    finally:
        connection.close()
    for leftover in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return counts


def backup_database(
    database, dest_dir: Path | None = None, *, label: str = "manual", taken_at: datetime | None = None,
) -> Path:
    """A verified backup of an open database: a file's consistent copy, or a server copied into a file."""
    if database.path is not None:
        return backup_sqlite_file(database.path, dest_dir, label=label, taken_at=taken_at,
                                  untouchable=getattr(database, "untouchable", False))
    from sqlalchemy.engine import make_url

    stem = f"server-{make_url(database.url).database or 'db'}"
    target = _backup_target(dest_dir or backup_dir_for_database(database), stem, label, taken_at)
    partial = target.with_name(target.name + ".partial")
    try:
        copy_server_to_file(database, partial)
        connection = sqlite3.connect(partial)
        try:
            pragmas.set_journal_mode(connection, "delete")
        finally:
            connection.close()
    except BaseException as error:
        remove_partial(partial)
        if is_disk_full(error):
            raise DiskFullError(target) from error
        raise
    return _verify_and_keep(partial, target)


# --- listing and rotation -------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken (from its name), why, and how big it is."""

    path: Path
    taken_at: datetime
    label: str
    size: int

    @property
    def local_date(self) -> date:
        return self.taken_at.astimezone().date()

    def as_dict(self) -> dict:
        return {"path": str(self.path), "taken_at": self.taken_at.isoformat(), "label": self.label, "size": self.size}


def parse_backup_name(path: Path) -> BackupInfo | None:
    match = _BACKUP_NAME.match(path.name)
    if not match:
        return None
    taken_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=timezone.utc)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path=path, taken_at=taken_at, label=match["label"], size=size)


def backups_in(folder: Path) -> list[BackupInfo]:
    """The backups in a folder, newest first (other files there are ignored)."""
    if not folder.is_dir():
        return []
    found = [info for info in map(parse_backup_name, folder.iterdir()) if info is not None]
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def list_backups(database) -> list[BackupInfo]:
    """The backups of an open database, newest first (for the restore dialog and the CLI)."""
    return backups_in(backup_dir_for_database(database))


def backups_to_keep(backups: list[BackupInfo], today: date) -> set[Path]:
    """Grandfather-father-son: the newest backup of each of the last 7 days, 4 weeks and
    12 months that have one; everything from today on; anything made by hand."""
    keep = {b.path for b in backups if b.label in PROTECTED_LABELS or b.local_date >= today}
    automatic = sorted((b for b in backups if b.label not in PROTECTED_LABELS), key=lambda b: b.taken_at, reverse=True)
    periods = (
        (lambda d: d, KEEP_DAILY),
        (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    )
    for period_of, count in periods:
        seen: set = set()
        for backup in automatic:
            period = period_of(backup.local_date)
            if period in seen:
                continue
            seen.add(period)
            keep.add(backup.path)
            if len(seen) == count:
                break
    return keep


def rotate_backups(folder: Path, today: date) -> list[Path]:
    """Delete the backups rotation no longer keeps; returns what was deleted."""
    backups = backups_in(folder)
    keep = backups_to_keep(backups, today)
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
                deleted.append(backup.path)
            except OSError:
                pass  # in use or read-only: try again at the next rotation
    return deleted


def daily_backup_if_due(
    database, today: date, *, folder: Path | None = None, now: datetime | None = None,
) -> Path | None:
    """Take today's backup unless one exists, then rotate; returns the new backup or None.

    Idempotent (the scheduler may call it at start and every few hours, on every team
    member's machine: each keeps its own daily backups).
    """
    folder = folder or backup_dir_for_database(database)
    if any(b.label == DAILY_LABEL and b.local_date >= today for b in backups_in(folder)):
        return None
    # Named for the given day even when the clock disagrees, so a pinned day behaves.
    taken_at = now or datetime.combine(today, datetime.now().time()).astimezone()
    path = backup_database(database, folder, label=DAILY_LABEL, taken_at=taken_at)
    rotate_backups(folder, today)
    return path


# --- restore --------------------------------------------------------------------------------


def _set_file_mode(target: Path, shared: bool) -> None:
    """After a restore the file keeps the team/single mode it had (the backup may differ)."""
    connection = sqlite3.connect(target, timeout=15, isolation_level=None)
    try:
        file_statements.upsert_meta(connection, [("shared", "1" if shared else "0")])
        # Someone may have it open; each client sets the journal mode from meta when it connects.
        with contextlib.suppress(sqlite3.OperationalError):
            pragmas.set_journal_mode(connection, "delete" if shared else "wal")
    finally:
        connection.close()


def restore_database(source: Path, target: Path) -> Path | None:
    """Replace `target` with the backup `source`; the current `target` is backed up first.

    Returns where that safety backup went (None when there was no database to keep).
    """
    from accountdesk.core.storage.database import NotAnAccountDeskDatabase, known_revisions, read_sqlite_facts

    source, target = Path(source), Path(target)
    if not source.is_file():
        raise AccountDeskError(f"找不到备份文件“{source}”。", f"The backup '{source}' was not found.")
    try:
        facts = read_sqlite_facts(source)  # refuses anything that is not an AccountDesk database
        problems = integrity_problems(source)
    except sqlite3.DatabaseError as error:  # so malformed SQLite cannot even read its schema
        facts, problems = None, [str(error)]
    if facts is not None and facts.revision is not None and facts.revision not in known_revisions():
        raise AccountDeskError(
            f"备份“{source}”来自更新版本的 AccountDesk，无法恢复；请先升级本程序。",
            f"The backup '{source}' comes from a newer AccountDesk and cannot be restored; upgrade first.",
        )
    if problems:
        raise AccountDeskError(
            f"备份文件“{source}”已损坏，未恢复：{'; '.join(problems[:3])}",
            f"The backup '{source}' is damaged and was not restored: {'; '.join(problems[:3])}",
        )
    if target.exists() and source.resolve() == target.resolve():
        raise AccountDeskError("备份文件就是当前数据库本身。", "The backup is the database itself.")
    if not os.access(target.parent, os.W_OK) or (target.exists() and not target.stat().st_mode & 0o222):
        raise AccountDeskError(
            f"无法恢复到“{target}”：它或它所在的文件夹是只读的；文件未作任何改动。请恢复到可写的位置。",
            f"Cannot restore into '{target}': it or its folder is read-only; nothing was changed. Restore into a "
            "writable place.",
        )
    shared = False
    safety = None
    if target.exists():
        # Never overwrite another program's file: the target must be ours too.
        try:
            shared = read_sqlite_facts(target).shared
            safety = backup_sqlite_file(target, label="before-restore")
        except (sqlite3.DatabaseError, AccountDeskError) as error:
            if isinstance(error, NotAnAccountDeskDatabase):
                raise
            # A damaged database (the usual reason to restore): keep it as it is, byte for byte.
            safety = _backup_target(backup_dir_for(target), target.stem, "damaged-before-restore", None)
            shutil.copyfile(target, safety)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=15)
    try:
        # The backup API writes the pages under the destination's own lock and journal, so a
        # crash half-way leaves the old database, never a mixture.
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    _set_file_mode(target, shared)
    return safety


# --- restoring onto a server -------------------------------------------------------------------

# What makes a server database "not empty": anything a person entered (a new one has only defaults).
_HOLDINGS = ("customers", "contacts", "transactions", "interactions", "feedback", "revisit_plans", "audit_entries")


class ServerNotEmpty(AccountDeskError):
    """The server database already holds data; restoring would replace it (asked first)."""

    def __init__(self, name: str, customers: int) -> None:
        super().__init__(
            f"数据库“{name}”中已有数据（{customers} 位客户）。恢复会用备份替换其中的全部内容（替换前会先备份）。",
            f"The database '{name}' already holds data ({customers} customers). Restoring replaces all of it "
            "with the backup (it is backed up first).",
        )
        self.customers = customers


@dataclass
class ServerRestore:
    """What restoring a backup file onto a server did."""

    target: str
    counts: dict[str, int]
    safety: Path | None  # the server's previous content, when there was any
    seconds: float

    def as_dict(self) -> dict:
        return {"database": self.target, "counts": self.counts, "safety_backup": str(self.safety) if self.safety else None,
                "seconds": round(self.seconds, 2)}


def server_holdings(database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {name: server_statements.row_count(connection, name) for name in _HOLDINGS}


def _checked_backup_file(source: Path) -> Path:
    """The backup file to restore from, refused when it is not ours, damaged or from a newer program."""
    from accountdesk.core.storage.database import known_revisions, read_sqlite_facts

    if not source.is_file():
        raise AccountDeskError(f"找不到备份文件“{source}”。", f"The backup '{source}' was not found.")
    try:
        facts = read_sqlite_facts(source)
        problems = integrity_problems(source)
    except sqlite3.DatabaseError as error:
        facts, problems = None, [str(error)]
    if facts is not None and facts.revision is not None and facts.revision not in known_revisions():
        raise AccountDeskError(
            f"备份“{source}”来自更新版本的 AccountDesk，无法恢复；请先升级本程序。",
            f"The backup '{source}' comes from a newer AccountDesk and cannot be restored; upgrade first.",
        )
    if problems:
        raise AccountDeskError(
            f"备份文件“{source}”已损坏，未恢复：{'; '.join(problems[:3])}",
            f"The backup '{source}' is damaged and was not restored: {'; '.join(problems[:3])}",
        )
    return source


def restore_to_server(source: Path, target: str, *, user: str | None = None, replace: bool = False,
                      scratch: Path | None = None,
                      progress: Callable[[str, int], None] | None = None) -> ServerRestore:
    """Put a backup file (a file database or a server's backup) into a PostgreSQL database.

    An empty database (or one that does not have our tables yet) is filled; one that already holds
    data is replaced only with `replace` (otherwise ServerNotEmpty), after a backup of it. All in
    one transaction: a failure leaves the server as it was. A backup of an older schema is brought
    up to date in a scratch copy first; the file itself is never changed.
    """
    import tempfile
    import time

    from accountdesk.core.archive.codes import note_codes_given
    from accountdesk.core.storage.database import head_revision, open_database, read_sqlite_facts
    from accountdesk.core.storage.transfer import file_rows, fill_server

    started = time.perf_counter()
    source = _checked_backup_file(Path(source))
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        if read_sqlite_facts(source).revision != head_revision():
            upgraded = Path(folder) / "upgraded.accountdesk"
            copy_sqlite_consistently(source, upgraded)
            open_database(upgraded, user=user, backup_dir=Path(folder)).dispose()
            source = upgraded
        database = open_database(target, user=user)
        try:
            if database.path is not None:
                raise AccountDeskError("恢复到服务器需要 postgresql:// 地址。", "Restoring onto a server needs a postgresql:// URL.")
            if database.read_only:
                raise database.read_only_reason  # type: ignore[misc]
            held = server_holdings(database)
            safety = None
            if any(held.values()):
                if not replace:
                    raise ServerNotEmpty(database.display_name, held["customers"])
                safety = backup_database(database, label="before-restore")
            file = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            try:
                meta = [(key, value) for key, value in file_statements.meta_pairs(file)
                        if key not in ("shared", "application", "change_counter")]
                codes = file_statements.customer_codes(file)
                with database.engine.begin() as connection:
                    # A restore brings back who wrote what: the server's author trigger (migration
                    # 0018) lets the tables' owner keep those names; anyone else is the author.
                    server_statements.keep_authors(connection)
                    counts = fill_server(connection, lambda table: file_rows(file, table), progress)
                    server_statements.upsert_meta(connection, meta)
                    # Everyone with this database open sees the restore as a change (and reloads).
                    server_statements.bump_change_counter(connection)
                    with Session(bind=connection) as session:
                        note_codes_given(session, codes)
            finally:
                file.close()
            database.analyze()
        finally:
            database.dispose()
    return ServerRestore(make_url_display(target), counts, safety, time.perf_counter() - started)


def make_url_display(target: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(target).render_as_string(hide_password=True)


class CheckReport:
    """What `accountdesk check` found: SQLite's integrity problems, logical damage (team/health.py)
    and, after `--repair`, what was mended."""

    def __init__(self, name: str, revision: str | None, head: str | None, problems: list[str], counts: dict[str, int],
                 findings: list | None = None, damaged=None, repaired=None):
        self.name, self.revision, self.head, self.problems, self.counts = name, revision, head, problems, counts
        self.findings = findings or []
        self.damaged = damaged  # a DamagedDatabase naming the newest verified backup
        self.repaired = repaired

    @property
    def ok(self) -> bool:
        return not self.problems and not self.findings and self.damaged is None

    def as_dict(self) -> dict:
        document = {"database": self.name, "ok": self.ok, "schema": self.revision, "head": self.head,
                    "problems": self.problems, "counts": self.counts,
                    "findings": [finding.as_dict() for finding in self.findings]}
        if self.damaged is not None:
            document["damaged"] = True
            document["newest_verified_backup"] = str(self.damaged.backup) if self.damaged.backup else None
        if self.repaired is not None:
            document["repaired"] = self.repaired.as_dict()
        return document

    def summary(self) -> str:
        from accountdesk.core.i18n import Message

        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        lines: list[Message] = []
        if self.repaired is not None:
            done = self.repaired.lines()
            lines.append(Message("已修复：" if done else "没有需要修复的内容。", "Repaired:" if done else "Nothing to repair."))
            lines += done
        if self.ok:
            lines.append(Message(f"数据库完好：{self.name}（结构 {self.revision}；{counts}）",
                                 f"Database is sound: {self.name} (schema {self.revision}; {counts})"))
            return "\n".join(str(line) for line in lines)
        lines.append(Message(f"数据库有问题：{self.name}", f"Database has problems: {self.name}"))
        if self.damaged is not None:
            lines.append(self.damaged.message)
        lines += [Message(problem, problem) for problem in self.problems[:20]]
        lines += [finding.message for finding in self.findings]
        return "\n".join(str(line) for line in lines)


def check_database(database, today: date | None = None, *, repair: bool = False) -> CheckReport:
    """SQLite's integrity check (files), then the logical checks; with `repair`, first mend what can
    be derived (team/health.py) in one write transaction."""
    from sqlalchemy import func, select
    from sqlalchemy.exc import DBAPIError

    from accountdesk.core.storage.database import head_revision
    from accountdesk.core.storage.models import Contact, Customer, Interaction, Transaction
    from accountdesk.core.storage.sqlite_file import DamagedDatabase, newest_verified_backup
    from accountdesk.core.team import health

    today = today or date.today()
    problems: list[str] = []
    damaged = getattr(database, "damaged", None)
    if database.path is not None:
        try:
            # Rows pointing at nothing are named (with how to repair) by the logical checks below.
            problems += [p for p in integrity_problems(database.path, untouchable=database.untouchable)
                         if not p.startswith("foreign key:")]
        except sqlite3.DatabaseError as error:
            problems.append(str(error))
        if problems and damaged is None:
            damaged = DamagedDatabase(database.path, problems[0].splitlines()[-1], newest_verified_backup(database.path))
    repaired = None
    if repair and damaged is None:
        with database.write() as session:
            repaired = health.repair(session, today)
    revision = database.schema_revision()
    head = head_revision()
    if revision != head and not database.read_only:
        problems.append(f"schema {revision} is not the current {head}: run 'accountdesk migrate'")
    counts: dict[str, int] = {}
    findings = []
    try:
        with database.session() as session:
            for label, model in (("customers", Customer), ("contacts", Contact),
                                 ("transactions", Transaction), ("interactions", Interaction)):
                counts[label] = session.scalar(
                    select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0
            if revision == head:
                findings = health.logical_findings(session, today)
    except (sqlite3.DatabaseError, DBAPIError) as error:
        if damaged is None:
            raise
        problems.append(str(getattr(error, "orig", error)))
    return CheckReport(database.display_name, revision, head, problems, counts, findings, damaged, repaired)
