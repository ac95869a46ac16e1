"""Damaged, foreign, locked and read-only databases built at test time from a good one: what a manager's
disk, a sync tool or a colleague's crash can leave behind."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path


def _copy(good: Path, target: Path) -> Path:
    shutil.copyfile(good, target)
    return target


def page_size(path: Path) -> int:
    with path.open("rb") as handle:
        header = handle.read(100)
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def corrupt_middle_page(good: Path, target: Path) -> Path:
    """A page in the middle overwritten with garbage (a bad sector, a torn copy)."""
    _copy(good, target)
    size = page_size(target)
    pages = target.stat().st_size // size
    with target.open("r+b") as handle:
        for page in range(max(pages // 2, 2), min(pages // 2 + 3, pages)):
            handle.seek(page * size)
            handle.write(bytes((i * 37 + 11) % 251 for i in range(size)))
    return target


def truncated(good: Path, target: Path) -> Path:
    """Only the first part of the file arrived (a cut download, a full USB stick)."""
    data = good.read_bytes()
    target.write_bytes(data[: max(len(data) // 3, 4096)])
    return target


def torn_copy(good: Path, target: Path) -> Path:
    """A copy taken while a writer held a transaction: the header says more pages than the file holds
    and the schema page is from another moment."""
    _copy(good, target)
    size = page_size(target)
    with target.open("r+b") as handle:
        handle.seek(size)  # page 2: the first b-tree page after the schema
        handle.write(b"\x0d" + b"\xff" * (size - 1))
    return target


def stale_wal(good: Path, target: Path) -> Path:
    """A -wal file beside the database that belongs to another moment: its frames are garbage."""
    _copy(good, target)
    wal = target.with_name(target.name + "-wal")
    header = bytes.fromhex("377f0682002de218") + page_size(target).to_bytes(4, "big") + bytes(20)
    wal.write_bytes(header + bytes((i * 13) % 256 for i in range(page_size(target) * 3)))
    return target


def hot_journal(good: Path, target: Path) -> Path:
    """A rollback journal left by a crash in the middle of a save (SQLite must roll it back)."""
    _copy(good, target)
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    saved = target.with_name(target.name + ".saved")
    shutil.copyfile(target, saved)
    # Begin a change, copy the journal while it is hot, then put the unchanged file back with it.
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA cache_size=1")
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE meta SET value=value WHERE key='application'")
    connection.execute("CREATE TABLE scratch_hot(x)")
    connection.execute("INSERT INTO scratch_hot VALUES (zeroblob(200000))")
    journal = target.with_name(target.name + "-journal")
    hot = journal.read_bytes()
    changed = target.read_bytes()
    connection.execute("ROLLBACK")
    connection.close()
    target.write_bytes(changed)
    journal.write_bytes(hot)
    saved.unlink()
    return target


def foreign_sqlite(_good: Path, target: Path) -> Path:
    connection = sqlite3.connect(target)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("INSERT INTO orders VALUES (1, 9.5)")
    connection.commit()
    connection.close()
    return target


def newer_schema(good: Path, target: Path) -> Path:
    _copy(good, target)
    connection = sqlite3.connect(target)
    connection.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    connection.commit()
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return target


def read_only_file(good: Path, target: Path) -> Path:
    _copy(good, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    os.chmod(target, 0o444)
    return target


def text_file(_good: Path, target: Path) -> Path:
    target.write_text("客户拜访记录\n张三 13800138000\n", encoding="utf-8")
    return target


def empty_file(_good: Path, target: Path) -> Path:
    target.write_bytes(b"")
    return target


def a_folder(_good: Path, target: Path) -> Path:
    target.mkdir()
    return target


def in_missing_folder(_good: Path, target: Path) -> Path:
    return target.parent / "no-such-folder" / target.name


BAD_DATABASES: dict[str, Callable[[Path, Path], Path]] = {
    "corrupt_page": corrupt_middle_page,
    "truncated": truncated,
    "torn_copy": torn_copy,
    "stale_wal": stale_wal,
    "hot_journal": hot_journal,
    "foreign": foreign_sqlite,
    "newer_schema": newer_schema,
    "read_only": read_only_file,
    "text": text_file,
    "empty": empty_file,
    "folder": a_folder,
    "missing_folder": in_missing_folder,
}

# Server addresses that cannot work: no network traffic leaves this machine (port 1 on loopback).
BAD_URLS = {
    "unknown_scheme": "mysql://root@127.0.0.1/accounts",
    "nonsense_scheme": "foo://bar",
    "bad_port": "postgresql://postgres@127.0.0.1:notaport/accounts",
    "unreachable": "postgresql://postgres@127.0.0.1:1/accounts",
}


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file in a folder and its bytes (None for a folder): to prove nothing changed."""
    if not folder.exists():
        return {}
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.iterdir())}
