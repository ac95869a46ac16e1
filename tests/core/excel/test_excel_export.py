"""Exports: styled sheets, formula-safe text, templates, and round trips that re-import with no changes."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from excel_corpus import write_xlsx
from openpyxl.styles import Font, PatternFill
from sqlalchemy import select

from accountdesk.core.excel.exports.workbook import export_workbook
from accountdesk.core.excel.imports.importer import ImportOptions, import_file, read_for_import
from accountdesk.core.i18n import set_language
from accountdesk.core.storage.models import Customer

CUSTOMERS = [["客户编号", "客户名称", "联系方式", "公司名称", "生日", "备注"],
             ["C1", "上海某某贸易有限公司", "13800138000", "上海某某贸易有限公司", date(1980, 1, 5), "=HYPERLINK(\"http://x\")"],
             ["C2", "北京甲乙科技有限公司", "+86 139 0013 9000", None, None, "@SUM(A1)"],
             ["0003", "-负号开头的客户", "13700137000", None, None, "+1 备注"]]
TRANSACTIONS = [["客户编号", "日期", "产品", "数量", "金额", "备注"],
                ["C1", "2024/1/5", "设备", 2, "1,234.50", "首单"],
                ["C1", "2024/2/5", "=cmd|'/C calc'!A0", 1, 99.99, None],
                ["C2", "2024/3/5", "服务", None, "1.2万", "-"]]
INTERACTIONS = [["客户编号", "时间", "方式", "内容", "满意度"],
                ["C1", datetime(2024, 1, 5, 14, 30, 15), "电话", "电话回访", 5],
                ["C2", "2024/1/6", "邮件", "=发送报价", None]]
CONTACTS = [["客户编号", "姓名", "电话", "生日", "主要联系人"],
            ["C1", "王秀英", "13700137000", "农历闰四月初一", "是"],
            ["C1", "赵敏", None, "3月8日", None],
            ["C2", "孙强", "021-61234567", date(1985, 6, 1), None]]


def run(db, path, kind, **options):
    return import_file(db, read_for_import(path, kind), kind, ImportOptions(**options))


@pytest.fixture
def filled(db, tmp_path):
    run(db, write_xlsx(tmp_path / "c.xlsx", CUSTOMERS), "customers")
    run(db, write_xlsx(tmp_path / "t.xlsx", TRANSACTIONS), "transactions")
    run(db, write_xlsx(tmp_path / "i.xlsx", INTERACTIONS), "interactions")
    run(db, write_xlsx(tmp_path / "p.xlsx", CONTACTS), "contacts")
    return db


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("kind, count", [("transactions", 3), ("interactions", 2), ("contacts", 3)])
def test_round_trip_reimports_with_no_changes(filled, tmp_path, kind, count, suffix, language, today):
    set_language(language)
    try:
        out = tmp_path / f"export{suffix}"
        with filled.session() as session:
            assert export_workbook(session, kind, out, as_of=today) == count
        plan = run(filled, out, kind, on_duplicate="update").plan
    finally:
        set_language(None)
    assert [r.action for r in plan.rows] == ["unchanged"] * count, [(r.row, r.problems, r.changes) for r in plan.rows]


def test_xlsx_export_is_styled_frozen_filtered_and_formatted(filled, tmp_path, today):
    out = tmp_path / "t.xlsx"
    with filled.session() as session:
        export_workbook(session, "transactions", out, as_of=today)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H4"
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("2F5597")
    assert sheet["C2"].value == datetime(2024, 1, 5) and sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["F2"].value == 1234.5 and sheet["F2"].number_format == "#,##0.00"
    assert sheet.column_dimensions["B"].width >= 2 * len("上海某某贸易有限公司")


def test_text_that_looks_like_a_formula_is_written_as_text(filled, tmp_path, today):
    out = tmp_path / "t.xlsx"
    with filled.session() as session:
        export_workbook(session, "transactions", out, as_of=today)
    with zipfile.ZipFile(out) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    sheet = openpyxl.load_workbook(out).active
    cell = sheet["D3"]
    assert cell.value == "=cmd|'/C calc'!A0" and cell.data_type == "s" and cell.quotePrefix
    csv_out = tmp_path / "t.csv"
    with filled.session() as session:
        export_workbook(session, "transactions", csv_out, as_of=today)
    assert "'=cmd|" in csv_out.read_text(encoding="utf-8-sig")


def test_template_keeps_its_styles_and_title(filled, tmp_path, today):
    template = tmp_path / "company.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "某某公司 交易明细"
    sheet["A1"].font = Font(size=18, bold=True)
    for col, label in enumerate(["日期", "客户名称", "金额", "经办人"], start=1):
        cell = sheet.cell(row=2, column=col, value=label)
        cell.fill = PatternFill("solid", fgColor="FFC000")
    sheet["C3"].number_format = "¥#,##0.00"
    sheet["C3"].font = Font(color="FF0000")
    workbook.save(template)
    out = tmp_path / "filled.xlsx"
    with filled.session() as session:
        assert export_workbook(session, "transactions", out, template=template, as_of=today) == 3
    result = openpyxl.load_workbook(out).active
    assert result["A1"].value == "某某公司 交易明细" and result["A1"].font.size == 18
    assert result["A2"].fill.fgColor.rgb.endswith("FFC000")
    assert [result.cell(row=3, column=c).value for c in (1, 2, 3)] == [datetime(2024, 1, 5), "上海某某贸易有限公司", 1234.5]
    assert result["C5"].number_format == "¥#,##0.00" and result["C5"].font.color.rgb.endswith("FF0000")
    assert result["D3"].value is None  # the template's own column with no data of ours
    assert result.freeze_panes == "A3"


def test_revisits_export(filled, tmp_path, today):
    from accountdesk.core.storage.models import RevisitPlan

    with filled.write() as session:
        customer = session.scalar(select(Customer).where(Customer.code == "C1"))
        session.add(RevisitPlan(customer_id=customer.id, due_on=date(2026, 12, 1), purpose="季度回访", channel="visit"))
    out = tmp_path / "r.xlsx"
    with filled.session() as session:
        assert export_workbook(session, "revisits", out, as_of=today) == 1
    row = [c.value for c in openpyxl.load_workbook(out).active[2]]
    assert row[:2] == ["C1", "上海某某贸易有限公司"] and row[4] == datetime(2026, 12, 1)


def test_customers_export_round_trip(filled, tmp_path, today):
    out = tmp_path / "customers.xlsx"
    with filled.session() as session:
        assert export_workbook(session, "customers", out, as_of=today) == 3
    sheet = openpyxl.load_workbook(out).active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "0003")  # the code keeps its zeros
    assert row[1].value == "-负号开头的客户" and row[1].data_type == "s" and row[1].quotePrefix
    plan = run(filled, out, "customers", on_duplicate="update").plan
    assert [r.action for r in plan.rows] == ["unchanged"] * 3, [(r.row, r.problems, r.changes) for r in plan.rows]


def test_tiers_export(filled, tmp_path, today):
    out = tmp_path / "tiers.xlsx"
    with filled.session() as session:
        assert export_workbook(session, "tiers", out, as_of=today) == 3
    header = [c.value for c in openpyxl.load_workbook(out).active[1]]
    assert "客户名称" in header and "综合评价" in header and "行动方案" in header


def test_every_row_keeps_its_own_values_and_formats(tmp_path):
    from decimal import Decimal

    from accountdesk.core.excel.exports.writer import ExportColumn, write_table

    columns = [ExportColumn("code", "客户编号"), ExportColumn("spend", "累计消费(元)", "money"),
               ExportColumn("score", "得分", "number"), ExportColumn("first", "首次购买", "date"),
               ExportColumn("when", "时间", "datetime"), ExportColumn("count", "次数", "int"),
               ExportColumn("notes", "备注")]
    rows = [
        ["C1", Decimal("302835.60"), 70.0, date(2024, 1, 5), datetime(2024, 1, 5, 14, 30), 3, "首单"],
        ["C2", None, None, None, None, None, None],
        ["C3", 12, 55.5, date(2025, 12, 31), datetime(2025, 12, 31, 8, 5), 0, "-2 退货"],
        ["C4", "1.2万", "无", "3月8日", "2024/1/6", 7, "@备注\x07"],
        ["C5", Decimal("0.10"), 0, datetime(2024, 2, 1, 9, 0), date(2024, 2, 2), 1, "+86 138\x00"],
    ]
    out = tmp_path / "t.xlsx"
    assert write_table(out, "客户", columns, rows) == 5
    sheet = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values == [
        ["C1", 302835.6, 70, datetime(2024, 1, 5), datetime(2024, 1, 5, 14, 30), 3, "首单"],
        ["C2", None, None, None, None, None, None],
        ["C3", 12, 55.5, datetime(2025, 12, 31), datetime(2025, 12, 31, 8, 5), 0, "-2 退货"],
        ["C4", "1.2万", "无", "3月8日", "2024/1/6", 7, "@备注"],
        ["C5", 0.1, 0, datetime(2024, 2, 1, 9, 0), datetime(2024, 2, 2), 1, "+86 138"],
    ]
    formats = {(cell.row, cell.column_letter): cell.number_format for row in sheet.iter_rows(min_row=2) for cell in row}
    for row in (2, 4, 6):
        assert formats[(row, "B")] == "#,##0.00" and formats[(row, "C")] == "0.0"
        assert formats[(row, "E")] == "yyyy-mm-dd hh:mm"
    assert formats[(2, "D")] == formats[(4, "D")] == "yyyy-mm-dd"
    assert formats[(6, "D")].startswith("yyyy-mm-dd h")  # a time of day in a date column is not cut off
    assert formats[(2, "F")] == "General"
    for ref in ("G4", "G5", "G6"):
        assert sheet[ref].data_type == "s" and sheet[ref].quotePrefix, ref
    assert not sheet["G2"].quotePrefix and not sheet["B5"].quotePrefix
