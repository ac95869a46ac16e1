"""A long import on a shared file is written in short parts: a colleague's save goes in between, and
all or nothing still holds (a failure or a killed program takes back the parts already written)."""

from __future__ import annotations

import shutil
import sys
import threading
import time

import openpyxl
import pytest
from killing import kill_when_signalled

from accountdesk.core.archive import records as archive
from accountdesk.core.excel.imports.importer import (
    ImportCancelled,
    import_file,
    list_imports,
    read_for_import,
    take_back_interrupted_imports,
)
from accountdesk.core.storage.database import open_database
from accountdesk.core.team.backup import integrity_problems
from accountdesk.core.team.presence import set_shared_mode

ROWS = 6000


@pytest.fixture
def shared_file(sqlite_template, tmp_path):
    path = tmp_path / "team.accountdesk"
    shutil.copyfile(sqlite_template, path)
    set_shared_mode(path, True)
    return path


@pytest.fixture
def big_sheet(tmp_path):
    sheet = tmp_path / "customers.xlsx"
    book = openpyxl.Workbook()
    rows = book.active
    rows.append(["客户名称", "联系方式", "行业"])
    for n in range(1, ROWS + 1):
        rows.append([f"导入客户{n}", f"1380{n:07d}", "制造"])
    book.save(sheet)
    return sheet


def count(database) -> int:
    with database.session() as session:
        return archive.count_customers(session)


def test_a_colleagues_save_waits_for_a_part_not_the_whole_import(shared_file, big_sheet):
    me = open_database(shared_file, user="zhangsan")
    colleague = open_database(shared_file, user="lisi")
    with colleague.write() as session:
        customer_id = archive.create_customer(session, {"name": "恒通机电"}).id
    parts: list[int] = []
    waits: list[float] = []
    sheet = read_for_import(big_sheet, "customers")

    def progress(done: int, total: int) -> None:
        parts.append(done)

    def colleague_saves() -> None:
        # Saves every 50 ms while the import writes; each must get through in about a second.
        while not finished.is_set():
            began = time.monotonic()
            with colleague.write() as session:
                archive.update_customer(session, customer_id, {"notes": f"{began:.3f}"})
            waits.append(time.monotonic() - began)
            time.sleep(0.05)

    finished = threading.Event()
    thread = threading.Thread(target=colleague_saves)
    try:
        thread.start()
        outcome = import_file(me, sheet, "customers", progress=progress)
    finally:
        finished.set()
        thread.join(30)
    try:
        assert outcome.result.created == ROWS and count(me) == ROWS + 1
        assert len([p for p in parts if p > 0]) > 3  # written in several parts
        assert len(waits) > 3 and max(waits) < 1.5, waits  # the colleague was never held up long
        with me.session() as session:
            (batch,) = list_imports(session)
        assert batch.summary["created"] == ROWS and batch.summary.get("state") is None
    finally:
        me.dispose()
        colleague.dispose()


def test_an_import_stopped_half_way_takes_back_the_parts_it_wrote(shared_file, big_sheet, monkeypatch):
    from accountdesk.core.excel.imports import batches

    write_part = batches._PlanWriter.customers
    calls = []

    def cancelled_at_the_third_part(self, session, start, stop):
        calls.append(start)
        if len(calls) == 3:  # the person pressed Cancel (the progress callback raises this)
            raise ImportCancelled()
        write_part(self, session, start, stop)

    monkeypatch.setattr(batches._PlanWriter, "customers", cancelled_at_the_third_part)
    database = open_database(shared_file, user="zhangsan")
    try:
        with pytest.raises(ImportCancelled):
            import_file(database, read_for_import(big_sheet, "customers"), "customers")
        assert count(database) == 0
        with database.session() as session:
            (batch,) = list_imports(session)
        assert batch.undone_at is not None and batch.summary["state"] == "taken back"
        assert batch.summary["undo"]["removed"] == calls[2]  # the two parts written before
    finally:
        database.dispose()
    assert integrity_problems(shared_file) == []


# A real import on the shared file in a child process, killed while writing its second part.
DRIVER = r"""
import sys, time
from pathlib import Path
from accountdesk.core.storage.database import open_database
from accountdesk.core.excel.imports import batches, importer

write_part = batches._PlanWriter.customers

def second_part_waits(self, session, start, stop):
    if start > 0:  # the first part is committed; this one is being written
        Path(sys.argv[3]).write_text(str(start))
        time.sleep(120)
    write_part(self, session, start, stop)

batches._PlanWriter.customers = second_part_waits
database = open_database(sys.argv[1], user="importer")
importer.import_file(database, importer.read_for_import(sys.argv[2], "customers"), "customers")
"""


def test_an_import_killed_half_way_is_taken_back_when_the_file_is_opened_next(shared_file, big_sheet, tmp_path):
    signal_file = tmp_path / "part-written"
    kill_when_signalled([sys.executable, "-c", DRIVER, str(shared_file), str(big_sheet), str(signal_file)],
                        signal_file)
    written = int(signal_file.read_text())
    assert 0 < written < ROWS
    assert integrity_problems(shared_file) == []
    reopened = open_database(shared_file, user="tester")
    try:
        assert count(reopened) == written  # what the killed program committed, until someone opens the file
        (undone,) = take_back_interrupted_imports(reopened)
        assert count(reopened) == 0
        with reopened.session() as session:
            (batch,) = list_imports(session)
        assert batch.id == undone and batch.summary["state"] == "interrupted"
        outcome = import_file(reopened, read_for_import(big_sheet, "customers"), "customers")  # a rerun does all
        assert outcome.result.created == ROWS and count(reopened) == ROWS
    finally:
        reopened.dispose()
    assert integrity_problems(shared_file) == []
