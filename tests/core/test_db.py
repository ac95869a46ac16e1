"""Opening databases: new, ours, foreign, older and newer schemas, read-only files, pragmas."""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from accountdesk.core.archive import records as archive
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.database import (
    NotAnAccountDeskDatabase,
    alembic_config,
    head_revision,
    open_database,
)
from accountdesk.core.storage.models import Base


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_path_becomes_database_with_schema(tmp_path):
    database = open_database(tmp_path / "new.accountdesk")
    try:
        assert database.schema_revision() == head_revision()
        with database.session() as session:
            tables = set(session.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars())
        assert set(Base.metadata.tables) <= tables
        assert database.meta("application") == "AccountDesk"
    finally:
        database.dispose()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(AccountDeskError) as refused:
        open_database(tmp_path / "nowhere" / "x.accountdesk")
    assert "nowhere" in str(refused.value)


def _foreign_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    "make, phrase",
    [
        (lambda p: p.write_bytes(b""), "empty file"),
        (lambda p: p.write_text("meeting notes\n客户很满意\n", encoding="utf-8"), "not an SQLite file"),
        (_foreign_sqlite, "another program's SQLite database"),
    ],
    ids=["zero-byte", "text", "foreign-sqlite"],
)
def test_files_that_are_not_ours_are_refused_unchanged(tmp_path, make, phrase):
    path = tmp_path / "notes.txt"
    make(path)
    before = digest(path)
    with pytest.raises(NotAnAccountDeskDatabase) as refused:
        open_database(path)
    assert str(path) in str(refused.value) and phrase in str(refused.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_message_in_chinese_names_the_file(tmp_path):
    path = tmp_path / "客户.txt"
    path.write_text("hello")
    with pytest.raises(NotAnAccountDeskDatabase) as refused:
        open_database(path)
    assert refused.value.message.zh.startswith(f"“{path}”不是 AccountDesk 数据库")


def test_older_schema_is_backed_up_then_migrated(sqlite_db):
    path = sqlite_db.path
    config = alembic_config()
    with sqlite_db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    sqlite_db.dispose()
    reopened = open_database(path)
    try:
        assert reopened.migrated_from is None and reopened.backup_path is not None
        assert reopened.backup_path.exists()
        assert reopened.schema_revision() == head_revision()
    finally:
        reopened.dispose()


def test_downgrade_and_upgrade_round_trip(sqlite_db):
    config = alembic_config()
    with sqlite_db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        remaining = set(connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars())
        assert remaining == {"alembic_version"}
        command.upgrade(config, "head")
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "升级后的客户"})
    with sqlite_db.session() as session:
        assert archive.count_customers(session) == 1


def test_newer_schema_opens_read_only_with_message(sqlite_db):
    path = sqlite_db.path
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "甲公司"})
        session.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    sqlite_db.dispose()
    before = digest(path)
    reopened = open_database(path)
    try:
        assert reopened.read_only
        assert "newer AccountDesk" in str(reopened.read_only_reason)
        with reopened.session() as session:
            assert archive.count_customers(session) == 1
        with pytest.raises(AccountDeskError), reopened.write() as session:
            archive.create_customer(session, {"name": "乙公司"})
    finally:
        reopened.dispose()
    assert digest(path) == before


def test_read_only_file_opens_read_only(sqlite_db):
    path = sqlite_db.path
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "甲公司"})
    sqlite_db.dispose()
    # Leave no WAL behind, so the read-only open has nothing to replay.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    path.chmod(0o444)
    try:
        before = digest(path)
        reopened = open_database(path)
        try:
            assert reopened.read_only and "read-only" in str(reopened.read_only_reason)
            with reopened.session() as session:
                assert archive.count_customers(session) == 1
        finally:
            reopened.dispose()
        assert digest(path) == before
    finally:
        path.chmod(0o644)


def test_sqlite_pragmas_on_every_connection(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_failed_write_rolls_back_everything(db):
    with pytest.raises(RuntimeError), db.write() as session:
        archive.create_customer(session, {"name": "甲公司"})
        raise RuntimeError("crash in the middle of an action")
    with db.session() as session:
        assert archive.count_customers(session) == 0


def test_core_imports_no_qt():
    """The core stays headless: importing every core module loads no PySide6."""
    import pkgutil

    import accountdesk.core

    modules = [m.name for m in pkgutil.walk_packages(accountdesk.core.__path__, "accountdesk.core.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or m.startswith('accountdesk.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) >= 8
    assert result.stdout.strip() == ""


def test_damaged_file_gets_a_plain_message(tmp_path, sqlite_template):
    path = tmp_path / "damaged.accountdesk"
    data = bytearray(sqlite_template.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page is garbage now
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(AccountDeskError) as refused:
        open_database(path)
    assert "damaged" in str(refused.value) and str(path) in str(refused.value)
    assert digest(path) == before


def test_checking_a_file_leaves_nothing_beside_it(tmp_path, sqlite_template):
    import shutil

    path = tmp_path / "copy.accountdesk"
    shutil.copyfile(sqlite_template, path)
    from accountdesk.core.storage.database import read_sqlite_facts

    read_sqlite_facts(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.accountdesk"]


def test_database_held_open_by_another_connection_is_still_ours(tmp_path, sqlite_template):
    """A header changed since the last checkpoint lives in the -wal file, not on disk yet:
    a second process must still recognise the database (ask SQLite, not the raw bytes)."""
    import shutil
    import struct

    from accountdesk.core.storage.database import read_sqlite_facts
    from accountdesk.core.storage.models import SQLITE_APPLICATION_ID

    path = tmp_path / "busy.accountdesk"
    shutil.copyfile(sqlite_template, path)
    data = bytearray(path.read_bytes())
    data[68:72] = b"\0\0\0\0"
    path.write_bytes(bytes(data))
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("PRAGMA wal_autocheckpoint=0")
        holder.execute(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
        holder.commit()
        with path.open("rb") as handle:
            assert struct.unpack(">I", handle.read(100)[68:72])[0] == 0  # stale on disk
        assert read_sqlite_facts(path).revision == head_revision()
        second = open_database(path)
        second.dispose()
    finally:
        holder.close()


def test_new_database_header_is_on_disk(tmp_path):
    path = tmp_path / "fresh.accountdesk"
    database = open_database(path)
    try:
        import struct

        from accountdesk.core.storage.models import SQLITE_APPLICATION_ID

        with path.open("rb") as handle:
            header = handle.read(100)
        assert struct.unpack(">I", header[68:72])[0] == SQLITE_APPLICATION_ID
    finally:
        database.dispose()


def test_looking_at_an_open_database_keeps_its_locks_against_other_processes(tmp_path):
    """Checking a file this process has open (a second window, a backup, the shared-file check)
    must not drop SQLite's locks: POSIX locks belong to the process, and closing any handle of
    ours on the file releases them all. A colleague's process closing the file would then think
    it was the last one, checkpoint and delete the log under us, and our next write would damage
    the file (seen in a bench run: 'Rowid out of order', '2nd reference to page')."""
    from accountdesk.core.storage.database import read_sqlite_facts

    path = tmp_path / "shared.accountdesk"
    database = open_database(path)
    try:
        with database.write() as session:
            for number in range(200):
                archive.create_customer(session, {"name": f"客户{number:03d}"})
        with database.session() as session:  # this process keeps a reader open on the log
            session.execute(text("SELECT count(*) FROM customers")).scalar_one()
            read_sqlite_facts(path, quick_check=True)
            second = open_database(path)  # what a second window of the same process does
            second.dispose()
            other = subprocess.run(
                [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                 "c.execute('SELECT count(*) FROM customers').fetchone(); c.close()", str(path)],
                capture_output=True, text=True, check=True)
            assert not other.stderr
            assert path.with_name(path.name + "-wal").exists(), "another process deleted our write-ahead log"
        with database.write() as session:
            for number in range(200, 400):
                archive.create_customer(session, {"name": f"客户{number:03d}"})
    finally:
        database.dispose()
    checked = sqlite3.connect(path)
    try:
        assert checked.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert checked.execute("SELECT count(*) FROM customers").fetchone()[0] == 400
    finally:
        checked.close()
