"""Reading sheets: header detection, merged cells, sheets, CSV encodings and delimiters, ODS."""

from __future__ import annotations

from datetime import date

import pytest
from excel_corpus import (
    messy_customer_sheet,
    ods_file,
    ods_rows,
    two_level_header_sheet,
    write_csv,
    write_xlsx,
)

from accountdesk.core.excel.imports.importer import read_for_import
from accountdesk.core.excel.read.headers import detect_header
from accountdesk.core.excel.read.reader import read_sheet
from accountdesk.core.i18n import AccountDeskError


def test_header_found_below_a_merged_title_and_a_blank_row(tmp_path):
    sheet = read_sheet(messy_customer_sheet(tmp_path / "messy.xlsx"))
    header = detect_header(sheet.rows, "customers")
    assert header.header_rows == (2, 2)
    assert header.columns == {"code": 0, "name": 1, "contact_person": 2, "phone": 3, "birthday": 4,
                              "cooperation_since": 5, "notes": 6}


def test_two_level_header_with_merged_cells(tmp_path):
    sheet = read_sheet(two_level_header_sheet(tmp_path / "two.xlsx"))
    header = detect_header(sheet.rows, "customers")
    assert header.header_rows[1] == 1
    # 消费金额 on a customer sheet is its opening purchase figure, in 万元.
    assert header.columns == {"name": 0, "phone": 1, "email": 2, "opening_spend": 3}
    assert header.scales["opening_spend"] == 10_000
    assert header.data_start == 2
    assert header.describe_column(3) == "D (消费金额(万元))"
    transactions = detect_header(sheet.rows, "transactions")
    assert transactions.columns["amount"] == 3
    assert transactions.scales["amount"] == 10_000


@pytest.mark.parametrize("labels, expected", [
    (["Customer", "Phone", "E-mail", "Owner"], {"name": 0, "phone": 1, "email": 2, "owner": 3}),
    (["*客户名称", "手机号码：", "客户联系电话"], {"name": 0, "phone": 1}),
    (["公司名称", "联系人", "电话"], {"company": 0, "contact_person": 1, "phone": 2}),
    (["ＣＵＳＴＯＭＥＲ　ＮＡＭＥ", "TEL"], {"name": 0, "phone": 1}),
])
def test_column_synonyms_in_chinese_and_english(labels, expected):
    assert detect_header([labels, ["x"] * len(labels)], "customers").columns == expected


def test_same_words_mean_different_fields_per_kind():
    interactions = detect_header([["客户名称", "日期", "联系方式", "联系人", "内容"]], "interactions")
    assert interactions.columns == {"customer_name": 0, "occurred_at": 1, "kind": 2, "contact": 3, "summary": 4}
    contacts = detect_header([["客户名称", "联系人", "联系方式"]], "contacts")
    assert contacts.columns == {"customer_name": 0, "name": 1, "phone": 2}


def test_a_sheet_without_a_recognisable_header_is_refused():
    with pytest.raises(AccountDeskError) as caught:
        detect_header([["foo", "bar"], [1, 2]], "transactions")
    assert "header" in caught.value.message.en


def test_two_level_header_without_merge_information():
    rows = [["客户名称", "联系方式", "", "备注"], ["", "手机", "邮箱", ""], ["甲公司", "13900139000", "a@example.com", "x"]]
    header = detect_header(rows, "customers")
    assert header.header_rows == (0, 1)
    assert header.columns == {"name": 0, "phone": 1, "email": 2, "notes": 3}


def test_merged_cells_spread_down_over_data_rows(tmp_path):
    rows = [["客户名称", "日期", "金额"], ["甲公司", "2024/1/5", 100], [None, "2024/1/6", 200], ["乙公司", "2024/1/7", 300]]
    sheet = read_sheet(write_xlsx(tmp_path / "t.xlsx", rows, merges=["A2:A3"]))
    assert [r[0] for r in sheet.rows[1:4]] == ["甲公司", "甲公司", "乙公司"]


def test_the_sheet_that_fits_the_kind_is_chosen(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [["说明"], ["这是封面"]], title="封面",
                      extra_sheets={"交易": [["客户名称", "日期", "金额"], ["甲", "2024/1/5", 1]]})
    assert read_for_import(path, "transactions").sheet == "交易"
    assert read_sheet(path, "交易").sheet == "交易"
    assert read_sheet(path, "2").sheet == "交易"
    with pytest.raises(AccountDeskError) as caught:
        read_sheet(path, "Nope")
    assert "封面" in caught.value.message.en and "book.xlsx" in caught.value.message.en


@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8-sig", True), ("gbk", False), ("gb18030", False)])
def test_csv_encodings(tmp_path, encoding, bom):
    rows = [["客户名称", "联系方式", "备注"], ["上海某某贸易有限公司", "13800138000", "老客户，重点维护"],
            ["北京甲乙科技", "13900139000", "需回访"]]
    sheet = read_sheet(write_csv(tmp_path / "c.csv", rows, encoding=encoding))
    assert sheet.rows == rows
    assert sheet.encoding == ("utf-8-sig" if bom else "utf-8" if encoding == "utf-8" else "gb18030")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path, delimiter):
    rows = [["客户名称", "联系方式", "地址"], ["甲公司", "13800138000", "上海市, 浦东新区"], ["乙公司", "13900139000", "北京"]]
    sheet = read_sheet(write_csv(tmp_path / "d.txt", rows, delimiter=delimiter))
    assert sheet.delimiter == delimiter
    assert sheet.rows == rows


def test_csv_formula_guard_apostrophe_is_removed(tmp_path):
    sheet = read_sheet(write_csv(tmp_path / "g.csv", [["备注"], ["'=1+1"], ["'abc"]]))
    assert sheet.rows == [["备注"], ["=1+1"], ["'abc"]]


def test_ods_sheets_are_read(tmp_path):
    path = ods_file(tmp_path / "c.ods", ods_rows([["客户名称", "联系方式"], ["甲公司", "13800138000"]], name="客户"))
    sheet = read_sheet(path)
    assert sheet.sheet == "客户"
    assert sheet.rows == [["客户名称", "联系方式"], ["甲公司", "13800138000"]]


def test_xlsx_values_come_typed(tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", [["客户名称", "生日", "电话"], ["甲", date(1980, 1, 5), 13800138000]])
    sheet = read_sheet(path)
    assert sheet.rows[1] == ["甲", date(1980, 1, 5), 13800138000.0]


def test_excel_sep_hint_line(tmp_path):
    path = tmp_path / "hint.csv"
    path.write_text("sep=;\n客户名称;联系方式\n甲公司;13800138000\n", encoding="utf-8")
    assert read_sheet(path).rows == [["客户名称", "联系方式"], ["甲公司", "13800138000"]]


def test_a_mapping_chosen_by_hand_is_remembered_for_the_layout(db, tmp_path):
    from accountdesk.core.excel.imports.importer import detect_mapping, remember_mapping
    from accountdesk.core.excel.read.headers import mapping_from_columns

    path = write_xlsx(tmp_path / "odd.xlsx", [["客户名称", "手机", "分机"], ["甲公司", "13800138000", "021-61234567"]])
    sheet = read_sheet(path)
    with db.session() as session:
        detected = detect_mapping(sheet, "customers", session)
    assert detected.columns == {"name": 0, "phone": 1} and detected.ignored == [2]
    chosen = mapping_from_columns("customers", detected.labels, {"name": 0, "phone": 2}, 0)
    with db.write() as session:
        remember_mapping(session, chosen)
    again = read_sheet(write_xlsx(tmp_path / "odd2.xlsx", [["客户名称", "手机", "分机"], ["乙公司", "1", "2"]]))
    with db.session() as session:
        assert detect_mapping(again, "customers", session).columns == {"name": 0, "phone": 2}
