"""The corpus says what its files hold: the truth of every row matches the cells written, the issue's
own examples mean what the issue says, and the same seed writes the same sheets."""

from __future__ import annotations

import zipfile
from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from sheets.manager_book import (
    MANAGER_COLUMNS,
    NEAR_NAMES,
    TIER_COLUMNS,
    ZOHO_ACCOUNT_COLUMNS,
    build_all,
    build_manager_list,
    build_sales_outbound,
    build_tier_sheet,
    build_zoho_accounts,
    build_zoho_contacts,
    data_rows,
    distinct_customers,
    totals_by_customer,
)
from sheets.purchase_log import (
    CDNOW_MEMBER,
    read_cdnow,
)


def _as_written(value):
    # openpyxl reads a date cell back as a datetime at midnight.
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _sheet_rows(path):
    sheet = openpyxl.load_workbook(path).active
    return {row[0].row: tuple(cell.value for cell in row) for row in sheet.iter_rows()}


@pytest.mark.parametrize("build", [build_manager_list, build_tier_sheet, build_sales_outbound])
def test_truth_cells_are_the_cells_in_the_file(tmp_path, build):
    path = tmp_path / "book.xlsx"
    truths = build(path)
    written = _sheet_rows(path)
    for truth in truths:
        cells = tuple(_as_written(v) for v in truth.cells)
        assert written[truth.row][: len(cells)] == cells, truth.row
        assert not any(v is not None for v in written[truth.row][len(cells):]), truth.row
    assert max(written) == truths[-1].row


def test_the_same_seed_writes_the_same_list_and_another_seed_another(tmp_path):
    first = build_manager_list(tmp_path / "a.xlsx", seed=1)
    again = build_manager_list(tmp_path / "b.xlsx", seed=1)
    other = build_manager_list(tmp_path / "c.xlsx", seed=2)
    assert first == again
    assert [t.customer for t in data_rows(first)] != [t.customer for t in data_rows(other)]


def test_the_hand_kept_list_has_its_titles_three_duplicates_the_near_pair_and_a_footer(tmp_path):
    truths = build_manager_list(tmp_path / "list.xlsx")
    kinds = Counter(t.kind for t in truths)
    assert kinds == {"title": 2, "header": 2, "data": 300, "footer": 1}
    assert truths[-1].kind == "footer" and truths[-1].cells[0] == "合计"
    by_row = {t.row: t for t in truths}
    duplicates = [t for t in data_rows(truths) if t.duplicate_of is not None]
    assert len(duplicates) == 3
    for duplicate in duplicates:
        original = by_row[duplicate.duplicate_of]
        assert original.row < duplicate.row and original.duplicate_of is None
        assert (original.customer, original.phone) == (duplicate.customer, duplicate.phone)
    reformatted = [d for d in duplicates if d.forms["手机"] != by_row[d.duplicate_of].forms["手机"]]
    assert len(reformatted) == 1
    names = [t.customer for t in distinct_customers(truths)]
    assert len(names) == len(set(names)) == 297
    assert set(NEAR_NAMES) <= set(names)
    sheet = openpyxl.load_workbook(tmp_path / "list.xlsx").active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:O1", "A2:O2", "E3:G3", "B3:B4"} <= merged
    city = MANAGER_COLUMNS.index("城市") + 1
    assert any(r.min_col == city and r.max_row > r.min_row for r in sheet.merged_cells.ranges)


def test_the_issues_own_cells_mean_what_the_issue_says(tmp_path):
    truths = data_rows(build_manager_list(tmp_path / "list.xlsx"))
    birthday = MANAGER_COLUMNS.index("生日")
    amount = MANAGER_COLUMNS.index("年采购额(万元)")
    birthdays = {t.cells[birthday]: t.birthday.as_tuple() for t in truths if isinstance(t.cells[birthday], str)
                 and t.birthday}
    assert birthdays["农历八月十五"] == (8, 15, None, True, False)
    assert birthdays["阴历腊月初八"] == (12, 8, None, True, False)
    assert birthdays["农历闰四月初三"] == (4, 3, None, True, True)
    assert birthdays["正月初一"] == (1, 1, None, True, False)
    assert birthdays["12月20日"] == (12, 20, None, False, False)
    assert all(t.birthday is None for t in truths if t.cells[birthday] in ("不详", "保密"))
    amounts = {t.cells[amount]: t.amount_cents for t in truths if t.cells[amount] is not None}
    assert amounts[544.7] == 544_700_000  # 544.7 万元
    assert amounts["544.7万"] == 544_700_000
    assert amounts["1502000元"] == 150_200_000
    assert amounts["约684万"] == 684_000_000
    assert amounts["1.2亿"] == 12_000_000_000
    assert amounts["¥3,000"] == amounts["3,000元"] == 300_000
    # A year-less date typed into Excel keeps the year it was typed in the cell, not in the truth.
    typed = [t for t in truths if t.forms["生日"] == "md_excel"]
    assert typed and all(t.birthday.year is None and isinstance(t.cells[birthday], date) for t in typed)


def test_the_tier_sheet_is_the_methods_table_with_a_title(tmp_path):
    truths = build_tier_sheet(tmp_path / "tiers.xlsx")
    assert [t.kind for t in truths] == ["title", "header", "data", "data"]
    assert truths[1].cells == TIER_COLUMNS
    zhang, li = truths[2], truths[3]
    assert zhang.cells[:7] == ("张三", 13800000000, "高", 50000, "长期合作", "10,000+粉丝", "A级")
    assert (zhang.tier, zhang.amount_cents, zhang.followers) == ("A", 5_000_000, 10_000)
    assert (li.customer, li.tier) == ("李四", "B")


def test_zoho_contacts_name_accounts_of_the_accounts_export(tmp_path):
    accounts = build_zoho_accounts(tmp_path / "accounts.csv", seed=3)
    contacts = build_zoho_contacts(tmp_path / "contacts.csv", seed=3)
    assert accounts[0].cells == ZOHO_ACCOUNT_COLUMNS
    assert {t.customer for t in data_rows(contacts)} <= {t.customer for t in data_rows(accounts)}
    assert "王建华" in {t.contact for t in contacts} and "David Chen" in {t.contact for t in contacts}


def test_sales_outbound_totals_are_the_sum_of_its_lines(tmp_path):
    lines = build_sales_outbound(tmp_path / "out.xlsx")
    repeats = [line for line in data_rows(lines) if line.repeats is not None]
    assert len(repeats) == 3
    by_row = {line.row: line for line in lines}
    assert all(by_row[r.repeats].cells == r.cells for r in repeats)
    totals = totals_by_customer(lines)
    footer = lines[-1]
    assert footer.kind == "footer" and footer.cells[0] == "合计"
    assert Decimal(repr(footer.cells[10])) == sum(t.amount for t in totals.values())
    assert sum(t.count for t in totals.values()) == len(data_rows(lines))


def test_build_all_writes_every_sheet(tmp_path):
    sheets = build_all(tmp_path)
    assert {s.kind for s in sheets} == {"customers", "contacts", "transactions"}
    assert all(s.path.exists() and data_rows(s.rows) for s in sheets)


CDNOW_SAMPLE = (
    " customer_id  date number_of_cds  dollar_value\n"
    " 00001 19970101  1   11.77\n"
    " 00002 19970112  1   12.00\n"
    " 00002 19970112  1   12.00\n"
    " 00002 19970112  5   77.00\n"
)


@pytest.mark.parametrize("packed", [False, True])
def test_the_purchase_log_loader_counts_identical_lines_as_purchases(tmp_path, packed):
    source = tmp_path / "CDNOW_master.txt"
    source.write_text(CDNOW_SAMPLE, encoding="ascii")
    if packed:
        wheel = tmp_path / "Lifetimes-0.11.3-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as archive:
            archive.write(source, CDNOW_MEMBER)
        source = wheel
    lines = read_cdnow(source)
    assert [line.repeats for line in data_rows(lines)] == [None, None, 3, None]
    totals = totals_by_customer(lines)
    assert totals["00002"].count == 3 and totals["00002"].amount == Decimal("101.00")
    assert totals["00002"].quantity == 7

