"""One SQLite file as a file: recognising it without writing to it, and a verified consistent copy."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from accountdesk.core.faults import DiskFullError, damaged_message, describe, is_disk_full
from accountdesk.core.files import remove_partial
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.models import SQLITE_APPLICATION_ID
from accountdesk.paths import backup_root

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 15.0
BACKUP_SUFFIX = ".accountdesk"


class NotAnAccountDeskDatabase(AccountDeskError):
    """The file exists but is not ours; it has not been touched."""


class DamagedDatabase(AccountDeskError):
    """SQLite reports the file damaged; it was left as it is, and the newest verified backup is named."""

    def __init__(self, path: Path, detail: str = "", backup: Path | None = None) -> None:
        message = damaged_message(path, detail, backup)
        super().__init__(message.zh, message.en)
        self.path = path
        self.detail = detail
        self.backup = backup


class UnfinishedSave(AccountDeskError):
    """A hot journal: SQLite must roll back an interrupted save before the file can be read."""


@dataclass
class SqliteFileFacts:
    """What the file says about itself, read without opening it for writing."""

    revision: str | None
    shared: bool
    # What SQLite's quick check found (empty: sound), when it was asked for.
    damage: list[str] = field(default_factory=list)


def read_sqlite_facts(path: Path, *, quick_check: bool = False) -> SqliteFileFacts:
    """Refuse anything that is not an AccountDesk database, leaving it byte-identical; with
    `quick_check`, SQLite's quick check of every page too (facts.damage lists what it found)."""
    if path.is_dir():
        raise NotAnAccountDeskDatabase(
            f"“{path}”是一个文件夹，不是 AccountDesk 数据库文件。请给出数据库文件的路径。",
            f"'{path}' is a folder, not an AccountDesk database file. Give the path of the database file.",
        )
    size = path.stat().st_size
    if size == 0:
        raise NotAnAccountDeskDatabase(
            f"“{path}”是一个空文件，不是 AccountDesk 数据库；文件未作任何改动。",
            f"'{path}' is an empty file, not an AccountDesk database; it was left unchanged.",
        )
    not_sqlite = NotAnAccountDeskDatabase(
        f"“{path}”不是 AccountDesk 数据库（不是 SQLite 文件）；文件未作任何改动。",
        f"'{path}' is not an AccountDesk database (not an SQLite file); it was left unchanged.",
    )
    if size < 100:
        raise not_sqlite
    foreign = NotAnAccountDeskDatabase(
        f"“{path}”是其他程序的 SQLite 数据库，不是 AccountDesk 数据库；文件未作任何改动。",
        f"'{path}' is another program's SQLite database, not an AccountDesk database; "
        "it was left unchanged.",
    )
    wal = path.with_name(path.name + "-wal")
    journal = path.with_name(path.name + "-journal")
    # With no log beside it, the file can be read as immutable: that leaves no -wal/-shm
    # files behind next to a file we were only asked to look at. A rollback journal beside it
    # may be hot (an interrupted save): then SQLite itself must see it and roll it back.
    # The file is read through SQLite only, never opened by hand: closing a handle of our own on a
    # file this process has open in SQLite would drop SQLite's locks on it (POSIX locks belong to
    # the process), and a colleague's process could then checkpoint and delete the log under us.
    mode = "mode=ro" if wal.exists() or journal.exists() else "mode=ro&immutable=1"
    try:
        connection = _connect_read_only(path, mode)
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB and not _has_sqlite_header(path):
            raise not_sqlite from error
        raise _damaged(path, error) from error
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != SQLITE_APPLICATION_ID:
            raise foreign
    except sqlite3.DatabaseError as error:
        connection.close()
        raise _damaged(path, error) from error
    except NotAnAccountDeskDatabase:
        connection.close()
        raise
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        shared = False
        if "meta" in tables:
            row = connection.execute("SELECT value FROM meta WHERE key='shared'").fetchone()
            shared = bool(row and row[0] == "1")
        damage = _quick_check(connection, size) if quick_check else []
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error
    finally:
        connection.close()
    return SqliteFileFacts(revision=revision, shared=shared, damage=damage)


def _has_sqlite_header(path: Path) -> bool:
    """Read by hand only once SQLite has refused the file, so no SQLite lock of ours is on it."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _connect_read_only(path: Path, mode: str) -> sqlite3.Connection:
    """A read-only connection that has read the schema. A hot journal makes a read-only connection
    fail (SQLITE_READONLY_ROLLBACK): SQLite rolls an interrupted save back on the next read-write
    open, which needs the file and its folder writable; we never delete the journal ourselves."""
    uri = f"{path.resolve().as_uri()}?{mode}"
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if "readonly" not in str(error):
            raise
    if not path.stat().st_mode & 0o222:
        raise _unfinished_save(path)
    try:
        recovering = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            recovering.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite rolls back here
        finally:
            recovering.close()
    except sqlite3.OperationalError as error:
        if "readonly" in str(error) or "unable to open" in str(error):
            raise _unfinished_save(path) from error
        raise
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return connection


def _unfinished_save(path: Path) -> UnfinishedSave:
    journal = path.with_name(path.name + "-journal")
    return UnfinishedSave(
        f"数据库“{path}”上次保存时被中断，旁边的“{journal.name}”记着未完成的修改；SQLite 需要写入该文件夹才能撤销它，"
        f"而“{path.parent}”或数据库文件是只读的。请把数据库连同“{journal.name}”一起复制到可写的文件夹后再打开，"
        "或请管理员开放写权限。切勿删除“-journal”文件，否则数据库会损坏。文件未作任何改动。",
        f"The last save to the database '{path}' was interrupted, and '{journal.name}' beside it holds the "
        f"unfinished change; SQLite must write in the folder to roll it back, but '{path.parent}' or the "
        f"database file is read-only. Copy the database together with '{journal.name}' to a writable folder "
        "and open it there, or ask for write access. Never delete the '-journal' file: that damages the "
        "database. Nothing was changed.",
    )


# SQLite's quick check reads every page: about 0.4 s for a 45 MB book of 3,000 customers. Above this
# size an open checks the small tables every command reads first; a damaged page elsewhere is named
# when a command meets it (and `accountdesk check` reads every page).
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024
_FIRST_READ_TABLES = ("meta", "alembic_version", "users", "settings", "tier_policies", "scoring_models")


def _quick_check(connection: sqlite3.Connection, size: int = 0) -> list[str]:
    try:
        return _quick_check_rows(connection, size)
    except sqlite3.DatabaseError as error:  # so damaged the check itself stops: that is its finding
        return [str(error)]


def _quick_check_rows(connection: sqlite3.Connection, size: int) -> list[str]:
    if size <= QUICK_CHECK_MAX_BYTES:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check(20)")]
        return [] if rows == ["ok"] else rows
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    problems: list[str] = []
    for table in _FIRST_READ_TABLES:
        if table in tables:
            rows = [row[0] for row in connection.execute(f'PRAGMA quick_check("{table}")')]
            problems += [row for row in rows if row != "ok"]
    return problems


def _damaged(path: Path, error: Exception) -> AccountDeskError:
    if isinstance(error, AccountDeskError):
        return error
    if isinstance(error, sqlite3.OperationalError) and "readonly" not in str(error) and "malformed" not in str(error):
        message = describe(error, path)
        if message is not None:
            return AccountDeskError(message.zh, message.en)
    return DamagedDatabase(path, str(error), newest_verified_backup(path))


_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})-[A-Za-z0-9_.-]+" + re.escape(BACKUP_SUFFIX) + "$")


def newest_verified_backup(database_path: Path) -> Path | None:
    """The newest backup of this database that passes SQLite's quick check (None: there is none)."""
    try:
        folder = backup_dir_for(database_path)
        candidates = sorted(
            (p for p in folder.iterdir() if _STAMP.search(p.name)),
            key=lambda p: _STAMP.search(p.name)[1],  # type: ignore[index]
            reverse=True,
        )
    except OSError:
        return None
    for candidate in candidates:
        try:
            connection = sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                if not _quick_check(connection):
                    return candidate
            finally:
                connection.close()
        except sqlite3.Error:
            continue
    return None


def _folder(name: str, key: str) -> Path:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    folder = backup_root() / f"{name}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_dir_for(database_path: Path) -> Path:
    """Each database gets its own folder of backups in the user data directory."""
    resolved = database_path.resolve()
    return _folder(resolved.stem, str(resolved))


def read_only_uri(path: Path, *, untouchable: bool = False) -> str:
    """A URI that reads the file without writing anything: in a folder we cannot write (a read-only
    share; SQLite could not make its -shm there) or for a file nothing may appear beside (damaged,
    read-only), with no log beside it, as immutable."""
    immutable = (untouchable or not os.access(path.parent, os.W_OK)) \
        and not path.with_name(path.name + "-wal").exists() and not path.with_name(path.name + "-journal").exists()
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def integrity_problems(path: Path, *, untouchable: bool = False) -> list[str]:
    """Empty when SQLite's integrity check passes; otherwise what it reported."""
    connection = sqlite3.connect(read_only_uri(path, untouchable=untouchable), uri=True)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        rows += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
    finally:
        connection.close()
    return [] if rows == ["ok"] else [row for row in rows if row != "ok"]


def copy_sqlite_consistently(source: Path, target: Path, *, untouchable: bool = False) -> None:
    """A consistent copy of a live SQLite file (never a raw file copy), left in rollback-journal mode."""
    src = sqlite3.connect(read_only_uri(source, untouchable=untouchable), uri=True, timeout=15)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def _backup_target(dest_dir: Path, stem: str, label: str, taken_at: datetime | None) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = (taken_at or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    return dest_dir / f"{stem}-{stamp}-{label}{BACKUP_SUFFIX}"


def _verify_and_keep(partial: Path, target: Path) -> Path:
    problems = integrity_problems(partial)
    if problems:
        remove_partial(partial)
        raise AccountDeskError(
            f"备份校验失败，未保存备份：{'; '.join(problems[:3])}",
            f"The backup failed its integrity check and was not kept: {'; '.join(problems[:3])}",
        )
    partial.replace(target)
    return target


def backup_sqlite_file(
    source: Path, dest_dir: Path | None = None, *, label: str = "manual", taken_at: datetime | None = None,
    untouchable: bool = False,
) -> Path:
    """Copy a live database consistently and verify the copy; returns the backup's path. On any
    failure nothing partial is left in the backup folder (nor SQLite's journal of the copy)."""
    target = _backup_target(dest_dir or backup_dir_for(source), source.stem, label, taken_at)
    partial = target.with_name(target.name + ".partial")
    try:
        copy_sqlite_consistently(source, partial, untouchable=untouchable)
    except BaseException as error:
        remove_partial(partial)
        if is_disk_full(error):
            raise DiskFullError(target, _database_bytes(source)) from error
        raise
    return _verify_and_keep(partial, target)


def _database_bytes(path: Path) -> int:
    """What a copy of the database takes: the file and its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
