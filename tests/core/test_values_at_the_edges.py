"""Values at the edges: huge amounts refused per cell, control characters stripped on import, texts
longer than an Excel cell cut with a warning in .xlsx and kept whole in .csv and .json, CSV cells that
a spreadsheet would evaluate guarded."""

from __future__ import annotations

import csv
import json
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from accountdesk.cli import main
from accountdesk.core.excel.exports.writer import XLSX_CELL_LIMIT, ExportColumn, write_table
from accountdesk.core.excel.read.reader import read_csv
from accountdesk.core.excel.read.values import CellError, clean_text, parse_cents, parse_int
from accountdesk.core.storage.models import Customer

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize("value", ["100000000000000000000", "1E+999999", "-2000000000000000", 1e16, float("inf"),
                                   "9999999999999999万", "1e400000000"])
def test_amounts_beyond_a_thousand_trillion_are_refused_by_the_cell(value):
    with pytest.raises(CellError):
        parse_cents(value)


def test_the_largest_amount_is_kept_exactly():
    assert parse_cents("1000000000000000") == 100_000_000_000_000_000
    assert parse_cents("-999999999999999.99") == -99_999_999_999_999_999
    with pytest.raises(CellError):
        parse_int("1e30")


def test_control_characters_are_stripped_from_imported_text():
    assert clean_text("Acme\x1b[31m Ltd\x07\x00") == "Acme[31m Ltd"
    assert clean_text("line one\r\nline two\tend") == "line one\nline two\tend"
    assert clean_text("\x1b\x07") is None


def test_an_import_with_a_huge_amount_and_controls_rejects_the_cell_and_cleans_the_name(sqlite_db, tmp_path, capsys):
    db = sqlite_db
    sheet = tmp_path / "c.csv"
    sheet.write_text("客户编号,客户名称,累计消费金额\nA1,\x1b[2J坏公司\x07,100000000000000000000\nA2,好公司,100\n",
                     encoding="utf-8")
    code = main(["import", "customers", str(sheet), "--db", str(db.path)])
    out = capsys.readouterr()
    assert code == 0
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    with db.session() as session:
        names = set(session.scalars(select(Customer.name)))
    assert "好公司" in names
    assert not any("\x1b" in n or "\x07" in n for n in names)


def test_a_terminal_never_gets_control_characters(tmp_path, capsys):
    bad = tmp_path / "bad\x1b[31mname.accountdesk"
    bad.write_text("not a database")
    assert main(["check", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u241b[31mname" in err


def test_a_long_text_is_cut_with_a_warning_in_xlsx_and_whole_in_csv(tmp_path):
    columns = [ExportColumn("code", "编号"), ExportColumn("note", "备注")]
    long_note = "很长的备注。" * 7000  # 42,000 characters
    rows = [["C1", long_note], ["C2", "短"]]
    written = write_table(tmp_path / "x.xlsx", "客户", columns, rows)
    assert written == 2
    assert len(written.warnings) == 1
    warning = written.warnings[0]
    assert "row 2 '备注'" in warning.en and "32,767" in warning.en
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert len(sheet["B2"].value) == XLSX_CELL_LIMIT
    assert write_table(tmp_path / "x.csv", "客户", columns, rows).warnings == []
    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1][1] == long_note


def test_a_long_summary_is_whole_in_json_and_csv_and_cut_with_a_warning_in_xlsx(demo_db, tmp_path, capsys):
    from sqlalchemy import update

    from accountdesk.core.storage.models import Interaction

    long_text = "拜访纪要" * 10_000  # 40,000 characters
    with demo_db.write() as session:
        first = session.scalar(select(Interaction.id).order_by(Interaction.id).limit(1))
        session.execute(update(Interaction).where(Interaction.id == first).values(summary=long_text))
    db = ["--db", str(demo_db.path)]
    assert main(["export", "interactions", str(tmp_path / "i.json"), *db]) == 0
    assert long_text in {row.get("summary") for row in json.loads((tmp_path / "i.json").read_text(encoding="utf-8"))}
    assert main(["export", "interactions", str(tmp_path / "i.csv"), *db]) == 0
    assert long_text in (tmp_path / "i.csv").read_text(encoding="utf-8-sig")
    capsys.readouterr()
    assert main(["export", "interactions", str(tmp_path / "i.xlsx"), *db]) == 0
    assert "32,767" in capsys.readouterr().err


@pytest.mark.parametrize("dangerous", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\t@cmd"])
def test_csv_cells_a_spreadsheet_would_evaluate_are_guarded_and_read_back(tmp_path, dangerous):
    columns = [ExportColumn("name", "客户名称"), ExportColumn("note", "备注")]
    write_table(tmp_path / "g.csv", "客户", columns, [[dangerous, "x"]])
    with (tmp_path / "g.csv").open(encoding="utf-8-sig", newline="") as handle:
        cell = list(csv.reader(handle))[1][0]
    assert cell == "'" + dangerous
    assert read_csv(tmp_path / "g.csv").rows[1][0] == dangerous
