"""The bench's customer sheet and floors work (their speed belongs to `accountdesk bench`, not to tests)."""

from __future__ import annotations

import sqlite3

import openpyxl

from accountdesk.bench.excel_work import export_floor, export_timed, import_floor, make_customer_sheet
from accountdesk.core.excel.exports.writer import ExportColumn
from accountdesk.core.excel.imports.importer import ImportOptions, import_file, read_for_import


def test_generated_sheet_imports_every_row(sqlite_db, tmp_path):
    sheet = make_customer_sheet(tmp_path / "bench.xlsx", 300)
    outcome = import_file(sqlite_db, read_for_import(sheet, "customers"), "customers", ImportOptions())
    assert outcome.plan.counts()["new"] == 300 and outcome.plan.counts()["error"] == 0


def test_import_floor_writes_the_rows(sqlite_db, tmp_path):
    sheet = make_customer_sheet(tmp_path / "bench.xlsx", 120)
    path = sqlite_db.path
    sqlite_db.dispose()
    assert import_floor(sheet, path) > 0
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM customers").fetchone()[0] == 120
    connection.close()


def test_export_floor_and_ours_write_the_same_cells(tmp_path):
    columns = [ExportColumn("code", "客户编号"), ExportColumn("n", "数量", "int")]
    rows = [["C1", 1], ["C2", 2]]
    export_floor(tmp_path / "floor.xlsx", [c.label for c in columns], rows)
    export_timed(tmp_path / "ours.xlsx", "T", columns, rows)
    floor = list(openpyxl.load_workbook(tmp_path / "floor.xlsx").active.values)
    ours = list(openpyxl.load_workbook(tmp_path / "ours.xlsx").active.values)
    assert floor == ours == [("客户编号", "数量"), ("C1", 1), ("C2", 2)]
