"""Cell values in the forms real sheets hold them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from accountdesk.core.excel.read import values as v


@pytest.mark.parametrize("raw, expected", [
    (13800138000.0, "13800138000"),
    (13800138000, "13800138000"),
    ("13800138000.0", "13800138000"),
    ("138 0013 8000", "13800138000"),
    ("138-0013-8000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("0086-13800138000", "13800138000"),
    ("8613800138000", "13800138000"),
    ("１３８００１３８０００", "13800138000"),
    ("  13800138000\u3000", "13800138000"),
    ("1.3800138000E+10", "13800138000"),
    ("021-61234567", "021-61234567"),
    ("13800138000/13900139000", "13800138000 / 13900139000"),
    ("", None),
    ("无", None),
])
def test_phones_as_sheets_store_them(raw, expected):
    assert v.parse_phone(raw) == expected


@pytest.mark.parametrize("raw", ["1.38001E+10", "1.3800138E+10", "12", "abc", 138.5, "#N/A"])
def test_phones_that_cannot_be_trusted_are_errors(raw):
    with pytest.raises(v.CellError):
        v.parse_phone(raw)


def test_phone_keys_ignore_formatting_and_country_code():
    assert v.phone_key("+86 138-0013-8000") == v.phone_key("13800138000") == "13800138000"
    assert v.phone_key("021-6123 4567") == "02161234567"
    assert v.phone_key(None) is None


@pytest.mark.parametrize("raw, expected", [
    (date(2024, 1, 5), date(2024, 1, 5)),
    (datetime(2024, 1, 5, 10, 30), date(2024, 1, 5)),
    (45296.0, date(2024, 1, 5)),
    (45296, date(2024, 1, 5)),
    ("45296", date(2024, 1, 5)),
    ("2024/1/5", date(2024, 1, 5)),
    ("2024-01-05", date(2024, 1, 5)),
    ("2024.1.5", date(2024, 1, 5)),
    ("2024年1月5日", date(2024, 1, 5)),
    ("2024 年 1 月 5 日", date(2024, 1, 5)),
    ("２０２４／１／５", date(2024, 1, 5)),
    (20240105, date(2024, 1, 5)),
    (20240105.0, date(2024, 1, 5)),
    ("20240105", date(2024, 1, 5)),
    ("1/25/2024", date(2024, 1, 25)),
    ("2024-01-05T08:00:00", date(2024, 1, 5)),
    ("", None),
])
def test_dates_in_every_form(raw, expected):
    assert v.parse_date(raw) == expected


def test_excel_serials_skip_the_phantom_1900_leap_day():
    assert v.parse_date(59) == date(1900, 2, 28)
    assert v.parse_date(61) == date(1900, 3, 1)


def test_times_keep_the_clock_and_round_away_float_noise():
    assert v.parse_datetime("2024/1/5 14:30") == datetime(2024, 1, 5, 14, 30)
    assert v.parse_datetime("2024年1月5日 9时05分") == datetime(2024, 1, 5, 9, 5)
    assert v.parse_datetime("2024-01-05 09:05:30") == datetime(2024, 1, 5, 9, 5, 30)
    assert v.parse_datetime(45296.5) == datetime(2024, 1, 5, 12, 0)
    assert v.parse_datetime(datetime(2024, 1, 5, 10, 29, 59, 999000)) == datetime(2024, 1, 5, 10, 30)


@pytest.mark.parametrize("raw", ["2024/13/01", "2024/2/30", "20241301", "1/2/2024", "yesterday", 99999999.0])
def test_impossible_or_ambiguous_dates_are_errors(raw):
    with pytest.raises(v.CellError) as caught:
        v.parse_date(raw)
    assert v.show(raw) in caught.value.message.en


@pytest.mark.parametrize("raw, cents", [
    (1234.5, 123450),
    (0.1 + 0.2, 30),
    (1000, 100000),
    ("¥1,234.50", 123450),
    ("￥1,234.50", 123450),
    ("1,234.50元", 123450),
    ("RMB 88", 8800),
    ("1.2万", 1200000),
    ("3万元", 3000000),
    ("(1,000.00)", -100000),
    ("１２３４", 123400),
    (" 99.9 ", 9990),
    ("-", None),
])
def test_amounts_with_symbols_separators_and_wan(raw, cents):
    assert v.parse_cents(raw) == cents


def test_amount_scale_from_the_header():
    assert v.parse_cents(1.5, scale=10_000) == 1_500_000


@pytest.mark.parametrize("raw", ["12.345", 12.345, "abc", "#DIV/0!", True])
def test_bad_amounts_are_errors(raw):
    with pytest.raises(v.CellError):
        v.parse_cents(raw)


def test_codes_keep_leading_zeros_and_lose_float_tails():
    assert v.clean_code("0001") == "0001"
    assert v.clean_code(1001.0) == "1001"
    assert v.clean_code(" Ｃ００１ ") == "C001"
    assert v.code_key("c001") == v.code_key("Ｃ００１")


def test_text_is_trimmed_including_full_width_spaces():
    assert v.clean_text("\u3000 上海 \u3000") == "上海"
    assert v.clean_text("   ") is None
    assert v.clean_text(12.0) == "12"


@pytest.mark.parametrize("a, b", [
    ("上海某某贸易有限公司", "上海某某贸易公司"),
    ("上海某某贸易有限责任公司", "上海某某贸易"),
    ("上海某某贸易股份有限公司", "上海某某贸易股份公司"),
    ("上海 某某 贸易 有限公司", "上海某某贸易有限公司"),
    ("ＡＢＣ科技有限公司", "abc科技"),
    ("Acme Trading Co., Ltd.", "ACME TRADING"),
])
def test_company_names_match_without_their_legal_suffixes(a, b):
    assert v.name_key(a) == v.name_key(b)


def test_different_companies_stay_different():
    assert v.name_key("上海某某贸易公司") != v.name_key("上海某某科技公司")
    assert v.name_key("集团公司") == "集团"  # never stripped down to nothing
    # One trade name, two legal forms: a joint-stock company is not the limited company (nor the group).
    assert v.name_key("常州凯达纺织有限公司") != v.name_key("常州凯达纺织股份有限公司")
    assert v.name_key("上海某某贸易有限公司") != v.name_key("上海某某贸易集团有限公司")


@pytest.mark.parametrize("raw, expected", [
    (date(1980, 1, 5), v.Birthday(1, 5, 1980)),
    ("1月5日", v.Birthday(1, 5)),
    ("01-05", v.Birthday(1, 5)),
    ("农历八月十五", v.Birthday(8, 15, lunar=True)),
    ("农历腊月廿三", v.Birthday(12, 23, lunar=True)),
    ("农历闰四月初一", v.Birthday(4, 1, lunar=True, leap_month=True)),
    ("农历1990年正月初十", v.Birthday(1, 10, 1990, lunar=True)),
    ("农历8月15日", v.Birthday(8, 15, lunar=True)),
    ("2月29日", v.Birthday(2, 29)),
])
def test_birthdays_solar_lunar_and_without_year(raw, expected):
    assert v.parse_birthday(raw) == expected


def test_lunar_text_reads_back():
    for month, day, leap in ((8, 15, False), (1, 1, False), (12, 30, False), (4, 10, True), (11, 20, False), (6, 21, False)):
        assert v.parse_birthday("农历" + v.lunar_text(month, day, leap)) == v.Birthday(month, day, lunar=True, leap_month=leap)


def test_satisfaction_from_numbers_stars_and_words():
    assert v.parse_satisfaction(4.0) == 4
    assert v.parse_satisfaction("★★★") == 3
    assert v.parse_satisfaction("非常满意") == 5
    assert v.parse_satisfaction("5分") == 5
    with pytest.raises(v.CellError):
        v.parse_satisfaction(6)


def test_tiers_as_sheets_write_them():
    assert v.tier_value("A级") == "A"
    assert v.tier_value("b类") == "B"
    assert v.tier_value("高端") == "高端"


@pytest.mark.parametrize("prepared", [True, False])
def test_batch_search_keys_equal_the_archive_ones(prepared):
    from accountdesk.core.archive.search import build_search_key
    from accountdesk.core.excel.imports.searchkeys import SearchKeyBuilder

    samples = [
        ("上海某某贸易有限公司", "C000001", "13800138000", ["张伟", "上海某某贸易有限公司"]),
        ("Ｇｏｏｇｌｅ 中国", "c-02", "+86 139 0013 9000", []),
        ("重庆火锅（解放碑店）", "", None, ["吕布", None]),
        ("ACME Trading", "A1", "021-6123 4567", ["Bob"]),
        ("", "X", None, ["赵钱孙"]),
        ("﨑山商店", "Y", None, []),
    ]
    builder = SearchKeyBuilder()
    if prepared:
        builder.prepare(t for name, _c, _p, extra in samples for t in (name, *extra))
    for name, code, phone, extra in samples:
        expected = build_search_key(name, code, phone, extra_names=[e for e in extra if e])
        assert builder.key(name, code, phone, extra_names=extra) == expected
