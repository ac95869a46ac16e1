"""An import killed with SIGKILL after writing its rows, before the commit, leaves none of them."""

import sys

import openpyxl
from killing import kill_when_signalled

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.team.backup import integrity_problems

# Runs the real import in a child process; once every row is written inside the import's
# transaction (and before it commits) it says so and waits to be killed.
DRIVER = r"""
import sys, time
from pathlib import Path
from accountdesk.core.storage.database import open_database
from accountdesk.core.excel.imports import importer

apply_plan = importer.apply_plan

def apply_then_wait(*args, **kwargs):
    result = apply_plan(*args, **kwargs)
    Path(sys.argv[3]).write_text("written, not committed")
    time.sleep(120)
    return result

importer.apply_plan = apply_then_wait
database = open_database(sys.argv[1], user="importer")
importer.import_file(database, importer.read_for_import(sys.argv[2], "customers"), "customers")
"""


def test_sigkill_mid_import_leaves_all_or_nothing(sqlite_db, tmp_path):
    with sqlite_db.write() as session:
        archive.create_customer(session, {"name": "已有客户", "code": "K0"})
    path = sqlite_db.path
    sqlite_db.dispose()
    sheet = tmp_path / "customers.xlsx"
    book = openpyxl.Workbook()
    rows = book.active
    rows.append(["客户编号", "客户名称", "联系方式"])
    for n in range(1, 2001):
        rows.append([f"K{n}", f"导入客户{n}", f"1380000{n:04d}"])
    book.save(sheet)

    signal_file = tmp_path / "inside-import"
    kill_when_signalled([sys.executable, "-c", DRIVER, str(path), str(sheet), str(signal_file)], signal_file)

    assert integrity_problems(path) == []
    reopened = open_database(path, user="tester")
    try:
        with reopened.session() as session:
            assert archive.count_customers(session) == 1  # none of the import
        from accountdesk.core.excel.imports.importer import import_file, read_for_import

        outcome = import_file(reopened, read_for_import(sheet, "customers"), "customers")  # a rerun does all
        assert outcome.result is not None
        with reopened.session() as session:
            assert archive.count_customers(session) == 2001
    finally:
        reopened.dispose()
    assert integrity_problems(path) == []
