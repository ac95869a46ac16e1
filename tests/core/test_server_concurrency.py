"""Several people writing one PostgreSQL database at once: codes never shared, one re-grade at a time,
and every database error a sentence a manager can read."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import create_engine, func, select, text

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.storage.errors import DatabaseRuleError, DatabaseUnreachableError, explain
from accountdesk.core.storage.locks import JobRunningError, hold_job_lock
from accountdesk.core.storage.models import Customer
from accountdesk.core.team.conflicts import run_with_retry

pytestmark = pytest.mark.postgres


def in_threads(count: int, work) -> list[BaseException]:
    """Run work(n) in `count` threads started together; the errors they raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as error:  # collected: the test asserts there are none
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return errors


def write_sheet(path, count: int, tag: str) -> None:
    lines = ["客户名称,电话"] + [f"{tag}客户{n},0512-{n:07d}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_people_and_imports_creating_customers_at_once_never_share_a_code(server_db, tmp_path):
    from accountdesk.core.excel.imports.importer import ImportOptions, import_file, read_for_import

    sheets = []
    for n in range(2):
        sheet = tmp_path / f"sheet{n}.csv"
        write_sheet(sheet, 200, f"导入{n}-")
        sheets.append(sheet)

    def work(n: int) -> None:
        database = open_database(server_db.url, user=f"user{n}")
        try:
            if n < 2:
                import_file(database, read_for_import(sheets[n], "customers"), "customers",
                            ImportOptions(on_duplicate="new"))
                return
            for step in range(25):
                def create(step=step) -> None:
                    with database.write() as session:
                        archive.create_customer(session, {"name": f"手工客户{n}-{step}"})
                run_with_retry(create)
        finally:
            database.dispose()

    assert in_threads(6, work) == []
    with server_db.session() as session:
        codes = list(session.scalars(select(Customer.code)))
    assert len(codes) == 2 * 200 + 4 * 25 == len(set(codes))


def test_a_code_typed_ahead_of_the_sequence_is_skipped(server_db):
    with server_db.write() as session:
        archive.create_customer(session, {"name": "甲", "code": "C000500"})
        assert archive.create_customer(session, {"name": "乙"}).code == "C000501"


def test_a_second_regrade_waits_for_the_first(server_db, today):
    from accountdesk.core.tiering.regrade import regrade_all

    with server_db.write() as session:
        for n in range(5):
            customer = archive.create_customer(session, {"name": f"客户{n}"})
            archive.add_transaction(session, customer.id, {"occurred_on": date(2026, 10, n + 1), "amount": f"{n}000"})
    finished = {}

    def work(n: int) -> None:
        database = open_database(server_db.url, user=f"machine{n}")
        try:
            with database.write() as session:
                regrade_all(session, today)
                if n == 0:
                    time.sleep(0.3)
            finished[n] = time.monotonic()
        finally:
            database.dispose()

    assert in_threads(2, work) == []  # before the lock: UniqueViolation pk_customer_figures
    with server_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer).where(Customer.tier.is_not(None))) == 5


def test_a_regrade_that_cannot_wait_says_one_is_running(server_db):
    other = open_database(server_db.url, user="nightly")
    try:
        with other.write() as holder:
            hold_job_lock(holder, "regrade")
            with server_db.write() as session, pytest.raises(JobRunningError) as caught:
                hold_job_lock(session, "regrade", wait_seconds=0.3, poll_seconds=0.1)
    finally:
        other.dispose()
    assert "A re-grade is already running on this database (postgres)" in caught.value.message.en
    assert "重新分级正在进行" in caught.value.message.zh


# --- errors a person can meet --------------------------------------------------------------


def test_a_broken_rule_on_the_server_reads_as_a_sentence(server_db):
    with server_db.write() as session:
        archive.create_customer(session, {"name": "甲", "code": "C1"})
    with pytest.raises(Exception) as caught, server_db.write() as session:
        session.add(Customer(name="乙", code="C1", search_key=""))
        session.flush()
    explained = explain(caught.value)
    assert isinstance(explained, DatabaseRuleError)
    assert explained.message.en == "Not saved: the customer code is already used by another customer."
    assert "SQL" not in explained.message.zh and "UniqueViolation" not in explained.message.en


def test_a_server_that_is_not_there_reads_as_a_sentence(capsys):
    from accountdesk.cli import main

    url = "postgresql://postgres@127.0.0.1:1/accountdesk"
    with pytest.raises(Exception) as caught:
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert isinstance(explain(caught.value), DatabaseUnreachableError)
    code = main(["check", "--db", url])
    captured = capsys.readouterr()
    assert code == 1
    # At open the sentence says which server and port could not be reached.
    assert captured.err.strip().startswith("Cannot reach the server '127.0.0.1' (port 1): it is not running")
    assert "Traceback" not in captured.err and "psycopg" not in captured.err
