"""Dates as sheets hold them (Excel dates, serials, 2024/1/5, 2024年1月5日, 20240105) and birthdays, solar or lunar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from accountdesk.core.excel.read.cells import _SPACES, CellError, check_formula_error, fold, is_blank, show

_EXCEL_EPOCH = date(1899, 12, 30)
_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*(\d{1,2})[:：时](\d{1,2})分?(?:[:：]?(\d{1,2}(?:\.\d+)?)秒?)?)?"
)
_MDY = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _bad_date(value: object) -> CellError:
    return CellError(f"日期“{show(value)}”无效", f"date '{show(value)}' is not a valid date")


def _from_serial(number: float, value: object) -> datetime:
    # Excel's 1900 date system counts day 60 as 1900-02-29, a day that never was.
    if not 1 <= number < 2958466:
        raise _bad_date(value)
    whole = int(number)
    base = _EXCEL_EPOCH if whole > 60 else date(1899, 12, 31)
    seconds = round((number - whole) * 86400)
    return datetime.combine(base + timedelta(days=whole), time(0)) + timedelta(seconds=seconds)


def _compact(digits: str, value: object) -> datetime:
    match = _COMPACT.fullmatch(digits)
    assert match
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _bad_date(value) from None


def parse_datetime(value: object) -> datetime | None:
    """A local date and time from any form a sheet holds (the time is midnight when none is given)."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        if value.microsecond:
            # Excel keeps times as fractions of a day; round the float noise to the second.
            value = (value + timedelta(microseconds=500_000)).replace(microsecond=0)
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time(0))
    if isinstance(value, bool):
        raise _bad_date(value)
    if isinstance(value, float | int):
        if isinstance(value, int) or value.is_integer():
            number = int(value)
            if 19000101 <= number <= 21001231:
                return _compact(str(number), value)
        return _from_serial(float(value), value)
    if not isinstance(value, str):
        raise _bad_date(value)
    check_formula_error(value)
    text = fold(value)
    match = _YMD.fullmatch(text)
    if match:
        year, month, day, hour, minute, second = match.groups()
        try:
            seconds = float(second) if second else 0.0
            return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(seconds))
        except ValueError:
            raise _bad_date(value) from None
    if text.isdigit() and len(text) == 8:
        return _compact(text, value)
    if text.isdigit() and len(text) == 5:
        return _from_serial(float(text), value)
    match = _MDY.fullmatch(text)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first <= 12 and second <= 12 and first != second:
            raise CellError(
                f"日期“{text}”有歧义（月/日还是日/月？），请写成 {year}/{first}/{second} 的形式",
                f"date '{text}' is ambiguous (month/day or day/month?); write it as {year}/{first}/{second}",
            )
        month, day = (first, second) if first <= 12 else (second, first)
        try:
            return datetime(year, month, day, int(match[4] or 0), int(match[5] or 0), int(match[6] or 0))
        except ValueError:
            raise _bad_date(value) from None
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise _bad_date(value) from None


def parse_date(value: object) -> date | None:
    moment = parse_datetime(value)
    return moment.date() if moment else None


@dataclass(frozen=True)
class MonthDay:
    """A past day written without its year ("11月20日" under 最近拜访): the latest such day on or
    before the day the sheet is imported."""

    month: int
    day: int

    def latest_on_or_before(self, today: date) -> date:
        for year in (today.year, today.year - 1, today.year - 2, today.year - 3, today.year - 4):
            try:
                candidate = date(year, self.month, self.day)
            except ValueError:  # 2/29 in a common year
                continue
            if candidate <= today:
                return candidate
        return date(today.year - 4, self.month, self.day)


def parse_recent_date(value: object) -> date | MonthDay | None:
    """A day in the past, as a 最近拜访 column holds it: a full date, or a month and day alone."""
    if isinstance(value, str):
        text = _SPACES.sub("", fold(value))
        match = _MONTH_DAY.fullmatch(text) or _SLASH_MONTH_DAY.fullmatch(text)
        if match and not (match.re is _MONTH_DAY and match[1]):
            month, day = (int(match[2]), int(match[3])) if match.re is _MONTH_DAY else (int(match[1]), int(match[2]))
            try:
                date(2000, month, day)
            except ValueError:
                raise _bad_date(value) from None
            return MonthDay(month, day)
    return parse_date(value)


@dataclass(frozen=True)
class Birthday:
    """A birthday as people record it: month and day, the year often unknown, solar or lunar."""

    month: int
    day: int
    year: int | None = None
    lunar: bool = False
    leap_month: bool = False

    def as_date(self) -> date | None:
        if self.year is None or self.lunar:
            return None
        return date(self.year, self.month, self.day)


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_MONTH_DAY = re.compile(r"(?:(\d{4})\s*[-/.年])?\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SLASH_MONTH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})")  # 3/12: month first, as Chinese sheets write it
_LUNAR = re.compile(r"(闰)?([正冬腊〇零一二两三四五六七八九十\d]{1,3})月(初|廿|二十|三十|十)?([〇零一二三四五六七八九十\d]{0,3})日?")


def _cn_number(text: str) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text in _CN_MONTHS:
        return _CN_MONTHS[text]
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], -100)
    if text.endswith("十") and len(text) == 2:
        return _CN_DIGITS.get(text[0], -100) * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS.get(text[0], -100) * 10 + _CN_DIGITS.get(text[2], -100)
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def _lunar_day(prefix: str | None, rest: str) -> int | None:
    base = {"初": 0, "十": 10, "廿": 20, "二十": 20, "三十": 30, None: 0}[prefix]
    if prefix in ("十", "二十", "三十") and not rest:
        return base
    number = _cn_number(rest)
    if number is None:
        return None
    return base + number if prefix != "十" else 10 + number


def parse_birthday(value: object) -> Birthday | None:
    """A birthday: a full date, a month and day (1月5日, 01-05) or a lunar one (农历八月十五)."""
    if type(value) is date:
        return Birthday(value.month, value.day, value.year)
    if is_blank(value):
        return None
    if isinstance(value, str):
        check_formula_error(value)
        text = _SPACES.sub("", fold(value))
        lunar = text.startswith(("农历", "阴历", "旧历"))
        if lunar:
            body = text[2:]
            lunar_year = re.match(r"(\d{4})年", body)
            if lunar_year and not _MONTH_DAY.fullmatch(body):
                body = body[lunar_year.end():]
            numeric = _MONTH_DAY.fullmatch(body)
            if numeric:
                year = int(numeric[1]) if numeric[1] else None
                return _valid_birthday(Birthday(int(numeric[2]), int(numeric[3]), year, lunar=True), value)
            match = _LUNAR.fullmatch(body)
            if match:
                month = _cn_number(match[2])
                day = _lunar_day(match[3], match[4])
                if month is not None and day is not None:
                    year = int(lunar_year[1]) if lunar_year else None
                    return _valid_birthday(Birthday(month, day, year, lunar=True, leap_month=bool(match[1])), value)
            raise CellError(f"农历生日“{value}”无法识别", f"lunar birthday '{value}' is not recognised")
        text = text.removeprefix("公历").removeprefix("阳历")
        match = _MONTH_DAY.fullmatch(text)
        if match and not match[1]:
            return _valid_birthday(Birthday(int(match[2]), int(match[3])), value)
        match = _LUNAR.fullmatch(text)
        if match and not match[2].isdigit():
            # 正月初一, 腊月廿三, 八月十五: month names and 初/廿 days are the lunar calendar's own
            # way of writing a date, so "农历" goes without saying.
            month = _cn_number(match[2])
            day = _lunar_day(match[3], match[4])
            if month is not None and day is not None:
                return _valid_birthday(Birthday(month, day, None, lunar=True, leap_month=bool(match[1])), value)
        match = _SLASH_MONTH_DAY.fullmatch(text)
        if match:
            return _valid_birthday(Birthday(int(match[1]), int(match[2])), value)
        value = text
    moment = parse_datetime(value)
    if moment is None:
        return None
    return Birthday(moment.month, moment.day, moment.year)


_MONTH_NAMES = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DIGIT_NAMES = "〇一二三四五六七八九"


def lunar_text(month: int, day: int, leap: bool = False) -> str:
    """八月十五, 闰四月初一, 腊月廿三: how a lunar date is written (and read back by parse_birthday)."""
    if day <= 10:
        day_text = "初" + ("十" if day == 10 else _DIGIT_NAMES[day])
    elif day < 20:
        day_text = "十" + _DIGIT_NAMES[day - 10]
    elif day == 20:
        day_text = "二十"
    elif day < 30:
        day_text = "廿" + _DIGIT_NAMES[day - 20]
    else:
        day_text = "三十"
    return ("闰" if leap else "") + _MONTH_NAMES[month - 1] + "月" + day_text


def _valid_birthday(birthday: Birthday, value: object) -> Birthday:
    limit = 30 if birthday.lunar else 31
    if not (1 <= birthday.month <= 12 and 1 <= birthday.day <= limit):
        raise CellError(f"生日“{value}”无效", f"birthday '{value}' is not a valid date")
    if not birthday.lunar:
        try:
            date(2000, birthday.month, birthday.day)  # a leap year, so 2/29 is allowed
        except ValueError:
            raise CellError(f"生日“{value}”无效", f"birthday '{value}' is not a valid date") from None
    return birthday
