"""Backups: verified copies, rotation (7 daily, 4 weekly, 12 monthly), daily backups, restore."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from accountdesk import cli
from accountdesk.core.archive import records as archive
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.database import NotAnAccountDeskDatabase, open_database, read_sqlite_facts
from accountdesk.core.team import presence as team
from accountdesk.core.team.backup import (
    backup_database,
    backups_in,
    daily_backup_if_due,
    integrity_problems,
    list_backups,
    restore_database,
    rotate_backups,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fake_backup(folder: Path, day: date, label: str = "daily", hour: int = 12) -> Path:
    stamp = datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crm-{stamp}-{label}.accountdesk"
    path.write_bytes(b"backup")
    return path


def count_customers(database) -> int:
    with database.session() as session:
        return archive.count_customers(session)


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path, today):
    folder = tmp_path / "backups"
    folder.mkdir()
    day = date(2025, 9, 1)
    while day <= today:
        fake_backup(folder, day)
        day += timedelta(days=1)
    fake_backup(folder, today, "before-import", hour=15)
    fake_backup(folder, date(2025, 9, 3), "manual", hour=18)
    (folder / "notes.txt").write_text("not a backup")
    deleted = rotate_backups(folder, today)
    kept = sorted((b.local_date.isoformat(), b.label) for b in backups_in(folder))
    daily = [date(2026, 11, d) for d in range(14, 21)]
    weekly = [date(2026, 11, 8), date(2026, 11, 1)]  # (11-15 and 11-20 are already daily)
    monthly = [date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31), date(2026, 7, 31), date(2026, 6, 30),
               date(2026, 5, 31), date(2026, 4, 30), date(2026, 3, 31), date(2026, 2, 28), date(2026, 1, 31),
               date(2025, 12, 31)]
    expected = sorted(
        [(d.isoformat(), "daily") for d in daily + weekly + monthly]
        + [("2026-11-20", "before-import"), ("2025-09-03", "manual")]
    )
    assert kept == expected
    assert len(deleted) == (today - date(2025, 9, 1)).days + 1 - 20
    assert (folder / "notes.txt").exists()
    assert rotate_backups(folder, today) == []  # rotating again deletes nothing more


def test_daily_backup_is_taken_once_a_day_verified_and_rotated(sqlite_db, today, tmp_path):
    folder = tmp_path / "daily"
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "甲公司"})
    first = daily_backup_if_due(sqlite_db, today, folder=folder)
    assert first is not None and integrity_problems(first) == []
    assert read_sqlite_facts(first).revision == sqlite_db.schema_revision()
    assert daily_backup_if_due(sqlite_db, today, folder=folder) is None
    second = daily_backup_if_due(sqlite_db, today + timedelta(days=1), folder=folder)
    assert second is not None and second != first
    assert [b.label for b in backups_in(folder)] == ["daily", "daily"]


def test_list_backups_newest_first(sqlite_db):
    older = backup_database(sqlite_db, label="before-import", taken_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    newer = backup_database(sqlite_db, label="manual")
    found = list_backups(sqlite_db)
    assert [b.path for b in found[:2]] == [newer, older]
    assert found[1].label == "before-import" and found[1].size > 0


def test_server_database_is_backed_up_into_an_accountdesk_file(db, tmp_path):
    with db.write() as session:
        customer = archive.create_customer(session, {"name": "甲公司", "code": "C1"})
        archive.add_contact(session, customer.id, {"name": "王经理"})
    path = backup_database(db, tmp_path, label="manual")
    assert integrity_problems(path) == []
    copy = open_database(path, user="reader")
    try:
        assert count_customers(copy) == 1
        assert not copy.shared
        with copy.session() as session:
            assert [c.name for c in archive.list_contacts(session, customer.id)] == ["王经理"]
    finally:
        copy.dispose()


def test_restore_brings_the_backup_back_and_keeps_the_current_state(sqlite_db, tmp_path):
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "甲公司"})
    backup = backup_database(sqlite_db, tmp_path, label="manual")
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "乙公司"})
    path = sqlite_db.path
    sqlite_db.dispose()
    team.set_shared_mode(path, True)  # the file's mode survives a restore of an older backup
    safety = restore_database(backup, path)
    assert safety is not None and integrity_problems(safety) == []
    restored = open_database(path)
    try:
        assert count_customers(restored) == 1 and restored.shared
    finally:
        restored.dispose()
    assert team.journal_mode(path) == "delete"
    kept = open_database(safety)
    try:
        assert count_customers(kept) == 2
    finally:
        kept.dispose()


def test_cli_restore(sqlite_db, tmp_path, capsys):
    backup = backup_database(sqlite_db, tmp_path, label="manual")
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "乙公司"})
    sqlite_db.dispose()
    assert cli.main(["restore", str(backup), "--db", str(sqlite_db.path)]) == 0
    assert "Restored" in capsys.readouterr().out
    reopened = open_database(sqlite_db.path)
    try:
        assert count_customers(reopened) == 0
    finally:
        reopened.dispose()


@pytest.mark.parametrize("kind", ["zero-byte", "text", "foreign-sqlite"])
def test_restore_refuses_files_that_are_not_ours_and_changes_nothing(sqlite_db, tmp_path, kind):
    stranger = tmp_path / "elsewhere" / "stranger.accountdesk"
    stranger.parent.mkdir()
    if kind == "zero-byte":
        stranger.write_bytes(b"")
    elif kind == "text":
        stranger.write_text("客户名单\n", encoding="utf-8")
    else:
        connection = sqlite3.connect(stranger)
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.commit()
        connection.close()
    backup = backup_database(sqlite_db, tmp_path, label="manual")
    sqlite_db.dispose()
    before, ours_before = digest(stranger), digest(sqlite_db.path)
    with pytest.raises(NotAnAccountDeskDatabase):
        restore_database(stranger, sqlite_db.path)  # as the backup
    with pytest.raises(NotAnAccountDeskDatabase):
        restore_database(backup, stranger)  # as the database to overwrite
    assert digest(stranger) == before and digest(sqlite_db.path) == ours_before
    assert sorted(p.name for p in stranger.parent.iterdir()) == ["stranger.accountdesk"]


def test_restore_refuses_a_damaged_backup(sqlite_db, tmp_path):
    backup = backup_database(sqlite_db, tmp_path, label="manual")
    data = bytearray(backup.read_bytes())
    for page in range(1, len(data) // 4096):  # scribble over every b-tree page header
        data[page * 4096: page * 4096 + 8] = b"\xff" * 8
    backup.write_bytes(bytes(data))
    sqlite_db.dispose()
    before = digest(sqlite_db.path)
    with pytest.raises(AccountDeskError) as refused:
        restore_database(backup, sqlite_db.path)
    assert "damaged" in str(refused.value)
    assert digest(sqlite_db.path) == before


def test_restore_over_a_damaged_database_keeps_the_damaged_file(sqlite_db, tmp_path):
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "甲公司"})
    backup = backup_database(sqlite_db, tmp_path, label="manual")
    path = sqlite_db.path
    sqlite_db.dispose()
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096: page * 4096 + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    damaged = digest(path)
    safety = restore_database(backup, path)
    assert safety is not None and "damaged-before-restore" in safety.name and digest(safety) == damaged
    assert integrity_problems(path) == []
    restored = open_database(path)
    try:
        assert count_customers(restored) == 1
    finally:
        restored.dispose()
