"""`accountdesk import`: reports, dry runs, rejected-row workbooks, --strict, --json, and bad files (exit 1, nothing written)."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest
from excel_corpus import (
    empty_workbook,
    encrypted_xlsx,
    far_cell_xlsx,
    messy_customer_sheet,
    truncated_copy,
    write_csv,
    write_xlsx,
    zip_bomb_xlsx,
)

from accountdesk.cli import main


@pytest.fixture
def dbfile(sqlite_db):
    path = sqlite_db.path
    sqlite_db.dispose()
    return path


def counts(path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        customers = connection.execute("SELECT count(*) FROM customers").fetchone()[0]
        batches = connection.execute("SELECT count(*) FROM import_batches").fetchone()[0]
    finally:
        connection.close()
    return customers, batches


def test_import_reports_rows_and_writes_rejected_rows(dbfile, tmp_path, capsys):
    sheet = messy_customer_sheet(tmp_path / "客户名单.xlsx")
    errors = tmp_path / "rejected.xlsx"
    code = main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(sheet), "--errors", str(errors)])
    out = capsys.readouterr().out
    assert code == 0
    # An unreadable birthday is said for its cell; the customer is imported all the same.
    assert ("row 12, column E (生日): date '2024/13/01' is not a valid date; the birthday is unreadable, "
            "the customer is imported without it") in out
    assert "row 11: duplicate, skipped — duplicate of row 4 (similar name)" in out
    assert "Imported (batch 1, can be undone): new 7" in out
    assert counts(dbfile) == (7, 1)
    assert not errors.exists()  # no row was rejected


def test_rejected_rows_are_written_to_a_workbook(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "c.xlsx", [["客户名称", "合作开始日期"], ["甲公司", "2024/1/5"], ["乙公司", "2024/13/01"]])
    errors = tmp_path / "rejected.xlsx"
    assert main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(sheet), "--errors", str(errors)]) == 0
    assert "row 3, column B (合作开始日期): date '2024/13/01' is not a valid date" in capsys.readouterr().out
    assert counts(dbfile) == (1, 1)
    rejected = list(openpyxl.load_workbook(errors).active.values)
    assert rejected[0][:3] == ("Sheet row", "Reason", "客户名称")
    assert rejected[1][:3] == (3, "date '2024/13/01' is not a valid date", "乙公司")


def test_dry_run_prints_the_plan_and_writes_nothing(dbfile, tmp_path, capsys):
    sheet = messy_customer_sheet(tmp_path / "m.xlsx")
    assert main(["--db", str(dbfile), "--lang", "zh", "import", "customers", str(sheet), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "预演（未写入任何数据）：新增 7" in out and "第 12 行 E (生日)列：日期“2024/13/01”无效；生日无法识别" in out
    assert counts(dbfile) == (0, 0)


def test_json_summary(dbfile, tmp_path, capsys):
    sheet = write_csv(tmp_path / "c.csv", [["客户名称", "手机"], ["甲公司", "13800138000"], ["甲公司", "13800138000"]],
                      encoding="gbk")
    assert main(["--db", str(dbfile), "import", "customers", str(sheet), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] and document["written"] and document["encoding"] == "gb18030"
    assert document["counts"]["new"] == 1 and document["counts"]["duplicate"] == 1
    assert document["mapping"]["columns"]["phone"] == {"column": "B", "header": "手机"}
    assert document["backup"]


def test_strict_refuses_everything_when_a_row_is_rejected(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "m.xlsx", [["客户名称", "合作开始日期"], ["甲公司", "2024/1/5"], ["乙公司", "2024/13/01"]])
    assert main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(sheet), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "with --strict nothing was imported" in err
    assert counts(dbfile) == (0, 0)


def test_transactions_with_unknown_customers_created_on_request(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "t.xlsx", [["客户名称", "日期", "金额"], ["新客户", "2024/1/5", "¥100"]])
    # The only row is rejected, so nothing is written: the import failed.
    assert main(["--db", str(dbfile), "--lang", "en", "import", "transactions", str(sheet)]) == 1
    assert "unknown customer" in capsys.readouterr().out
    assert main(["--db", str(dbfile), "import", "transactions", str(sheet), "--create-customers", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["customers_created"] == 1 and document["created"] == 1


@pytest.mark.parametrize("make, words", [
    (lambda d: truncated_copy(messy_customer_sheet(d / "whole.xlsx"), d / "half.xlsx"), "damaged or incomplete"),
    (lambda d: encrypted_xlsx(d / "locked.xlsx"), "password-protected"),
    (lambda d: empty_workbook(d / "empty.xlsx"), "empty"),
    (lambda d: (d / "notes.pdf").write_bytes(b"%PDF-1.4\n") and d / "notes.pdf", "not a spreadsheet"),
    (lambda d: zip_bomb_xlsx(d / "bomb.xlsx"), "zip bomb"),
    (lambda d: far_cell_xlsx(d / "far.xlsx"), "too many cells"),
])
def test_bad_files_exit_1_naming_the_file_and_write_nothing(dbfile, tmp_path, capsys, make, words):
    path = make(tmp_path)
    code = main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert path.name in err and words in err
    assert counts(dbfile) == (0, 0)


def test_bad_file_in_json_mode(dbfile, tmp_path, capsys):
    path = encrypted_xlsx(tmp_path / "locked.xlsx")
    assert main(["--db", str(dbfile), "import", "customers", str(path), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] is False and document["written"] is False and "locked.xlsx" in document["error_en"]


def test_missing_file(dbfile, tmp_path, capsys):
    assert main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(tmp_path / "nope.xlsx")]) == 1
    assert "nope.xlsx" in capsys.readouterr().err


def test_dry_run_with_strict_fails_when_rows_would_be_rejected(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "m.xlsx", [["客户名称", "合作开始日期"], ["甲公司", "2024/1/5"], ["乙公司", "2024/13/01"]])
    assert main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(sheet), "--dry-run", "--strict"]) == 1
    assert "with --strict nothing would be imported" in capsys.readouterr().err
    assert counts(dbfile) == (0, 0)


def test_the_summary_groups_rows_by_reason(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "c.xlsx", [["客户名称", "联系人", "生日", "合作开始日期"],
                                             ["甲公司", "张三", "不详", "2024/1/5"], ["乙公司", "李四", "保密", None],
                                             ["丙公司", "王五", "农历八月十五", "2024/13/01"],
                                             ["常州凯达纺织有限公司", None, None, None],
                                             ["常州凯达纺织股份有限公司", None, None, None],
                                             ["甲公司贸易有限公司", None, None, None],
                                             ["甲公司贸易公司", None, None, None]])
    assert main(["--db", str(dbfile), "--lang", "zh", "import", "customers", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "2 行：生日无法识别 → 已导入客户，生日留空" in out
    assert "1 行：合作开始日期有误 → 未导入" in out
    assert "1 行：与已有客户或前面的行重复（名称相似）→ 已跳过" in out  # 甲公司贸易公司 ≈ 甲公司贸易有限公司
    assert counts(dbfile) == (5, 1)  # the 股份 company is a customer of its own


def test_an_import_that_wrote_nothing_because_rows_failed_exits_1(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "c.xlsx", [["客户名称", "合作开始日期"], ["甲公司", "2024/13/01"]])
    assert main(["--db", str(dbfile), "--lang", "en", "import", "customers", str(sheet)]) == 1
    assert "none could be imported" in capsys.readouterr().err
    assert main(["--db", str(dbfile), "import", "customers", str(sheet), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] is False and document["reasons"][0]["rows"] == 1
    assert counts(dbfile)[0] == 0


def test_export_contacts_to_json(dbfile, tmp_path, capsys):
    sheet = write_xlsx(tmp_path / "c.xlsx", [["客户编号", "客户名称", "联系人", "手机", "生日"],
                                             ["K1", "甲公司", "张三", "13800138000", "农历腊月初八"],
                                             ["K2", "乙公司", "李四", None, "1985/3/12"],
                                             ["K3", "丙公司", "王五", None, "12月20日"],
                                             ["K4", "丁公司", "赵六", None, "不详"]])
    assert main(["--db", str(dbfile), "import", "customers", str(sheet)]) == 0
    out = tmp_path / "contacts.json"
    assert main(["--db", str(dbfile), "export", "contacts", str(out)]) == 0
    capsys.readouterr()
    assert json.loads(out.read_text(encoding="utf-8")) == [
        {"customer_code": "K1", "name": "张三", "phone": "13800138000", "birthday": "12-08", "lunar": True},
        {"customer_code": "K2", "name": "李四", "phone": None, "birthday": "1985-03-12", "lunar": False},
        {"customer_code": "K3", "name": "王五", "phone": None, "birthday": "12-20", "lunar": False},
        {"customer_code": "K4", "name": "赵六", "phone": None, "birthday": None, "lunar": False},
    ]
