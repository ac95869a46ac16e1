"""Backups of a database file: consistent copies through SQLite's backup API, verified, rotated."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from accountdesk.core.i18n import AccountDeskError
from accountdesk.paths import backup_root

BACKUP_SUFFIX = ".accountdesk"


def backup_dir_for(database_path: Path) -> Path:
    """Each database gets its own folder of backups in the user data directory."""
    resolved = database_path.resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    folder = backup_root() / f"{resolved.stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def integrity_problems(path: Path) -> list[str]:
    """Empty when SQLite's integrity check passes; otherwise what it reported."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        rows += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
    finally:
        connection.close()
    return [] if rows == ["ok"] else [row for row in rows if row != "ok"]


def backup_sqlite_file(source: Path, dest_dir: Path | None = None, *, label: str = "manual") -> Path:
    """Copy a live database consistently (never a raw file copy) and verify the copy."""
    dest_dir = dest_dir or backup_dir_for(source)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    target = dest_dir / f"{source.stem}-{stamp}-{label}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise AccountDeskError(
            f"备份校验失败，未保存备份：{'; '.join(problems[:3])}",
            f"The backup failed its integrity check and was not kept: {'; '.join(problems[:3])}",
        )
    partial.replace(target)
    return target


def backup_database(database, dest_dir: Path | None = None, *, label: str = "manual") -> Path:
    """A verified backup of an open database (a file; server databases are backed up by their server)."""
    if database.path is None:
        raise AccountDeskError(
            "服务器数据库请用 PostgreSQL 自己的备份工具（pg_dump）备份。",
            "A server database is backed up with PostgreSQL's own tools (pg_dump).",
        )
    return backup_sqlite_file(database.path, dest_dir, label=label)


def restore_database(source: Path, target: Path) -> Path | None:
    """Replace `target` with the backup `source`; the current `target` is backed up first.

    Returns where that safety backup went (None when there was no database to keep).
    """
    from accountdesk.core.db import read_sqlite_facts

    read_sqlite_facts(source)  # refuses anything that is not an AccountDesk database
    problems = integrity_problems(source)
    if problems:
        raise AccountDeskError(
            f"备份文件“{source}”已损坏，未恢复：{'; '.join(problems[:3])}",
            f"The backup '{source}' is damaged and was not restored: {'; '.join(problems[:3])}",
        )
    safety = backup_sqlite_file(target, label="before-restore") if target.exists() else None
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=15)
    try:
        # The backup API writes the pages under the destination's own lock and journal, so a
        # crash half-way leaves the old database, never a mixture.
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return safety


class CheckReport:
    """What `accountdesk check` found."""

    def __init__(self, name: str, revision: str | None, head: str | None, problems: list[str], counts: dict[str, int]):
        self.name, self.revision, self.head, self.problems, self.counts = name, revision, head, problems, counts

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"database": self.name, "ok": self.ok, "schema": self.revision, "head": self.head,
                "problems": self.problems, "counts": self.counts}

    def summary(self) -> str:
        from accountdesk.core.i18n import Message

        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        if self.ok:
            return str(Message(f"数据库完好：{self.name}（结构 {self.revision}；{counts}）",
                               f"Database is sound: {self.name} (schema {self.revision}; {counts})"))
        return str(Message(f"数据库有问题：{self.name}\n" + "\n".join(self.problems),
                           f"Database has problems: {self.name}\n" + "\n".join(self.problems)))


def check_database(database) -> CheckReport:
    from sqlalchemy import func, select

    from accountdesk.core.db import head_revision
    from accountdesk.core.models import Contact, Customer, Interaction, Transaction

    problems: list[str] = []
    if database.path is not None:
        problems += integrity_problems(database.path)
    revision = database.schema_revision()
    head = head_revision()
    if revision != head and not database.read_only:
        problems.append(f"schema {revision} is not the current {head}: run 'accountdesk migrate'")
    counts = {}
    with database.session() as session:
        for label, model in (("customers", Customer), ("contacts", Contact),
                             ("transactions", Transaction), ("interactions", Interaction)):
            counts[label] = session.scalar(
                select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0
    return CheckReport(database.display_name, revision, head, problems, counts)
