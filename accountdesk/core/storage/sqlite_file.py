"""One SQLite file as a file: recognising it without writing to it, and a verified consistent copy."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.models import SQLITE_APPLICATION_ID
from accountdesk.paths import backup_root

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 15.0
BACKUP_SUFFIX = ".accountdesk"


class NotAnAccountDeskDatabase(AccountDeskError):
    """The file exists but is not ours; it has not been touched."""


@dataclass
class SqliteFileFacts:
    """What the file says about itself, read without opening it for writing."""

    revision: str | None
    shared: bool


def read_sqlite_facts(path: Path) -> SqliteFileFacts:
    """Refuse anything that is not an AccountDesk database, leaving it byte-identical."""
    size = path.stat().st_size
    if size == 0:
        raise NotAnAccountDeskDatabase(
            f"“{path}”是一个空文件，不是 AccountDesk 数据库；文件未作任何改动。",
            f"'{path}' is an empty file, not an AccountDesk database; it was left unchanged.",
        )
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotAnAccountDeskDatabase(
            f"“{path}”不是 AccountDesk 数据库（不是 SQLite 文件）；文件未作任何改动。",
            f"'{path}' is not an AccountDesk database (not an SQLite file); it was left unchanged.",
        )
    foreign = NotAnAccountDeskDatabase(
        f"“{path}”是其他程序的 SQLite 数据库，不是 AccountDesk 数据库；文件未作任何改动。",
        f"'{path}' is another program's SQLite database, not an AccountDesk database; "
        "it was left unchanged.",
    )
    (application_id,) = struct.unpack(">I", header[68:72])
    wal = path.with_name(path.name + "-wal")
    # A header rewritten since the last checkpoint lives in the write-ahead log, so with a
    # log present only SQLite itself can say what the application id is now.
    if application_id != SQLITE_APPLICATION_ID and not wal.exists():
        raise foreign
    # With no log beside it, the file can be read as immutable: that leaves no -wal/-shm
    # files behind next to a file we were only asked to look at.
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
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
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error
    finally:
        connection.close()
    return SqliteFileFacts(revision=revision, shared=shared)


def _damaged(path: Path, error: Exception) -> AccountDeskError:
    return AccountDeskError(
        f"数据库“{path}”已损坏，无法读取（{error}）。请用“恢复备份”从备份恢复；文件未作任何改动。",
        f"The database '{path}' is damaged and cannot be read ({error}). Restore it from a backup; "
        "the file was left unchanged.",
    )


def _folder(name: str, key: str) -> Path:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    folder = backup_root() / f"{name}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_dir_for(database_path: Path) -> Path:
    """Each database gets its own folder of backups in the user data directory."""
    resolved = database_path.resolve()
    return _folder(resolved.stem, str(resolved))


def integrity_problems(path: Path) -> list[str]:
    """Empty when SQLite's integrity check passes; otherwise what it reported."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        rows += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
    finally:
        connection.close()
    return [] if rows == ["ok"] else [row for row in rows if row != "ok"]


def copy_sqlite_consistently(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file (never a raw file copy), left in rollback-journal mode."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
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
        partial.unlink(missing_ok=True)
        raise AccountDeskError(
            f"备份校验失败，未保存备份：{'; '.join(problems[:3])}",
            f"The backup failed its integrity check and was not kept: {'; '.join(problems[:3])}",
        )
    partial.replace(target)
    return target


def backup_sqlite_file(
    source: Path, dest_dir: Path | None = None, *, label: str = "manual", taken_at: datetime | None = None,
) -> Path:
    """Copy a live database consistently and verify the copy; returns the backup's path."""
    target = _backup_target(dest_dir or backup_dir_for(source), source.stem, label, taken_at)
    partial = target.with_name(target.name + ".partial")
    try:
        copy_sqlite_consistently(source, partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return _verify_and_keep(partial, target)
