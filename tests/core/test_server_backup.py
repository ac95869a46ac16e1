"""A server a team can restore: one consistent snapshot into a portable file while colleagues write,
restored into an empty server database with the same rows; a full database is only replaced when asked."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import create_engine, text

from accountdesk import cli
from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.sqlite_file import integrity_problems
from accountdesk.core.storage.transfer import copied_tables
from accountdesk.core.team.backup import ServerNotEmpty, backup_database, restore_to_server

pytestmark = pytest.mark.postgres


def file_counts(path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {t.name: connection.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in copied_tables()}
    finally:
        connection.close()


def server_counts(url) -> dict[str, int]:
    database = open_database(url, migrate=False)
    try:
        with database.engine.connect() as connection:
            return {t.name: connection.execute(text(f'SELECT count(*) FROM "{t.name}"')).scalar_one()
                    for t in copied_tables()}
    finally:
        database.dispose()


def test_backups_taken_while_a_colleague_writes_are_whole_snapshots(server_db, tmp_path):
    stop = threading.Event()
    written = []
    colleague = open_database(server_db.url, user="lisi")

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            with colleague.write() as session:  # a customer and what is filed under it, together
                customer = archive.create_customer(session, {"name": f"新客户{n}"})
                archive.add_contact(session, customer.id, {"name": f"联系人{n}"})
                archive.log_interaction(session, customer.id, {"kind": "phone", "summary": "初次联系"})
            written.append(n)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        backups = [backup_database(server_db, tmp_path / "backups", label=f"during-{n}") for n in range(3)]
    finally:
        stop.set()
        writer.join(30)
        colleague.dispose()
    assert len(written) >= 3  # the colleague really committed while the backups ran
    for path in backups:
        assert integrity_problems(path) == []  # foreign keys included: children never without parents
        counts = file_counts(path)
        assert counts["customers"] == counts["contacts"] == counts["interactions"]


def test_a_backup_restores_into_an_empty_server_database_with_the_same_rows(server_db, empty_server_url, tmp_path,
                                                                           capsys):
    with server_db.write() as session:
        for n in range(30):
            customer = archive.create_customer(session, {"name": f"客户{n}", "owner": "zhangsan"})
            archive.add_contact(session, customer.id, {"name": f"王{n}", "birth_month": 5, "birth_day": 1 + n % 28})
            archive.add_transaction(session, customer.id, {"occurred_on": "2026-10-01", "amount": f"{n}00.50"})
        archive.set_customer_tags(session, customer.id, ["VIP"])
    backup = backup_database(server_db, tmp_path, label="manual")

    assert cli.main(["restore", str(backup), "--db", empty_server_url]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Restored ") and ": 30 customers in " in said
    assert server_counts(empty_server_url) == file_counts(backup)
    restored = open_database(empty_server_url, user="zhangsan")
    try:
        with restored.write() as session:
            rows = archive.list_transactions(session, customer.id)
            assert [str(t.amount) for t in rows] == ["2900.50"]
            assert [t.name for t in archive.get_customer(session, customer.id).tags] == ["VIP"]
            fresh = archive.create_customer(session, {"name": "恢复后新建"})  # ids and codes continue
            assert fresh.id > customer.id and fresh.code == "C000031"
    finally:
        restored.dispose()


def test_a_database_that_holds_data_is_replaced_only_when_asked(server_db, tmp_path, capsys):
    with server_db.write() as session:
        archive.create_customer(session, {"name": "备份里的客户"})
    backup = backup_database(server_db, tmp_path, label="manual")
    with server_db.write() as session:
        archive.create_customer(session, {"name": "备份之后的客户"})
    with pytest.raises(ServerNotEmpty):
        restore_to_server(backup, server_db.url)
    assert cli.main(["restore", str(backup), "--db", server_db.url]) == 1
    assert "already holds data (2 customers)" in capsys.readouterr().err
    report = restore_to_server(backup, server_db.url, replace=True)
    assert report.counts["customers"] == 1 and report.safety is not None
    assert file_counts(report.safety)["customers"] == 2  # what it held is kept
    with server_db.session() as session:
        assert [c.name for c in session.execute(text("SELECT name FROM customers"))] == ["备份里的客户"]


def test_a_file_database_moves_onto_a_server(demo_db, empty_server_url, today):
    from accountdesk.core.tiering.regrade import regrade_all

    path = demo_db.path
    with demo_db.write() as session:  # a change signed in the file by its typed name
        archive.update_customer(session, 1, {"industry": "文件里改的"})
    demo_db.dispose()
    report = restore_to_server(path, empty_server_url)
    assert server_counts(empty_server_url) == file_counts(path) and report.counts["customers"] == 120
    # The server's author trigger lets the tables' owner keep who wrote what in the file.
    engine = create_engine(empty_server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        authors = connection.exec_driver_sql(
            "SELECT DISTINCT \"user\" FROM audit_entries WHERE field = 'industry'").scalars().all()
    engine.dispose()
    assert authors == ["tester"]
    server = open_database(empty_server_url, user="zhangsan")
    try:
        with server.write() as session:
            assert regrade_all(session, today).customers == 120
    finally:
        server.dispose()


def test_migrate_on_an_empty_server_says_it_created_the_schema(empty_server_url, capsys):
    assert cli.main(["migrate", "--db", empty_server_url]) == 0
    assert capsys.readouterr().out.startswith("Created the schema (revision ")
    assert cli.main(["migrate", "--db", empty_server_url]) == 0
    assert capsys.readouterr().out.startswith("Schema is up to date")


def test_an_import_on_a_server_takes_a_backup_first(server_db, tmp_path):
    from accountdesk.core.excel.imports.importer import import_file, read_for_import

    with server_db.write() as session:
        archive.create_customer(session, {"name": "已有客户"})
    sheet = tmp_path / "new.csv"
    sheet.write_text("客户名称,电话\n新客户甲,0512-1234567\n新客户乙,0512-7654321\n", encoding="utf-8")
    outcome = import_file(server_db, read_for_import(sheet, "customers"), "customers")
    assert outcome.result.created == 2
    assert outcome.backup is not None and "before-import" in outcome.backup.name
    assert file_counts(outcome.backup)["customers"] == 1  # the server as it was before
