"""Cell values as real sheets hold them: phones, dates, amounts, codes, choices, in every form managers type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from accountdesk.core.i18n import Message


class CellError(Exception):
    """A cell that cannot be read as what its column holds; the message names the value."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.message = Message(zh, en)


# Text Excel shows for formula errors; calamine hands them over as strings.
_EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"})
# What managers write in a typed column to mean "nothing here".
_BLANKS = frozenset({"", "-", "--", "—", "——", "/", "无", "暂无", "n/a", "na", "null", "none", "nil", "空"})
_SPACES = re.compile(r"\s+")
_ONLY_ASCII_CLEAN = re.compile(r"[ -~]*\Z")


def show(value: object) -> str:
    """A cell value as the manager saw it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != time(0) else value.date().isoformat()
    return str(value)


def _fold(text: str) -> str:
    # NFKC turns full-width digits, letters and punctuation (１２３，（）) into their plain forms.
    if _ONLY_ASCII_CLEAN.match(text):
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def check_formula_error(value: object) -> None:
    if isinstance(value, str) and value.strip() in _EXCEL_ERRORS:
        raise CellError(f"单元格是公式错误“{value.strip()}”", f"the cell holds the formula error '{value.strip()}'")


def clean_text(value: object) -> str | None:
    """Free text: surrounding spaces (also full-width and non-breaking) removed; empty is None."""
    if value is None or value == "":
        return None
    if type(value) is str:
        if value[0] == "#":
            check_formula_error(value)
        if value[0].isspace() or value[-1].isspace():
            value = value.strip()  # str.strip also removes full-width and non-breaking spaces
        return value or None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return show(value)
    return str(value)


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if type(value) is str:
        # Every blank marker is short; most cells are not, and skip the folding.
        return len(value) <= 8 and _fold(value).lower() in _BLANKS
    return False


def clean_code(value: object) -> str | None:
    """A code (客户编号): digits stored as numbers lose their ".0"; text codes keep leading zeros."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"编号“{show(value)}”不是整数", f"the code '{show(value)}' is not a whole number")
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        if value.isascii() and value.isalnum():
            return value
        check_formula_error(value)
        text = _SPACES.sub("", _fold(value))
        return text or None
    return str(value)


def code_key(code: str) -> str:
    """How codes are compared: full-width folded, spaces removed, case ignored."""
    if code.isascii() and code.isalnum():
        return code.lower()
    return _SPACES.sub("", unicodedata.normalize("NFKC", code)).casefold()


# --- phones ------------------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s\-–—.()（）]+")
_PHONE_SPLIT = re.compile(r"\s*[/,;、，；|]\s*")
_MOBILE = re.compile(r"1[3-9]\d{9}")


def _one_phone(text: str) -> str:
    compact = _PHONE_SEPARATORS.sub("", text)
    plain = compact
    if plain.startswith("+"):
        plain = plain[1:]
    if plain.startswith("0086"):
        plain = plain[4:]
    elif plain.startswith("86") and len(plain) == 13:
        plain = plain[2:]
    if _MOBILE.fullmatch(plain):
        return plain
    digit_count = sum(ch.isdigit() for ch in compact)
    if digit_count < 5:
        raise CellError(f"“{text}”不像电话号码", f"'{text}' does not look like a phone number")
    # A landline or foreign number: keep how it was written, spaces tidied.
    return _SPACES.sub(" ", text).strip()


def parse_phone(value: object) -> str | None:
    """A phone as managers store it: 13800138000.0, 138 0013 8000, 138-0013-8000, +86 138…, 021-…"""
    kind = type(value)
    if kind is float and value.is_integer() and 1e10 <= value < 2e10:  # type: ignore[union-attr]
        text = str(int(value))  # a mobile number stored as a number: the common case
        if _MOBILE.fullmatch(text):
            return text
    elif kind is str and len(value) == 11 and value.isascii() and _MOBILE.fullmatch(value):  # type: ignore[arg-type]
        return value  # type: ignore[return-value]
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是电话号码", f"'{value}' is not a phone number")
    if isinstance(value, float | int):
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if number != number.to_integral_value() or number <= 0:
            raise CellError(f"“{show(value)}”不是电话号码", f"'{show(value)}' is not a phone number")
        return _one_phone(str(int(number)))
    if not isinstance(value, str):
        raise CellError(f"“{show(value)}”不是电话号码", f"'{show(value)}' is not a phone number")
    check_formula_error(value)
    text = _fold(value)
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):
        # Excel turned the number into scientific notation when the sheet went through CSV;
        # the digits it rounded away cannot be recovered.
        number = Decimal(text)
        mantissa_digits = sum(ch.isdigit() for ch in text.lower().split("e")[0])
        if number == number.to_integral_value() and mantissa_digits >= len(str(int(number))) and _MOBILE.fullmatch(
            str(int(number))
        ):
            return str(int(number))
        raise CellError(
            f"电话“{text}”以科学计数法保存，部分数字已丢失",
            f"the phone '{text}' was saved in scientific notation and has lost digits",
        )
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]  # a number that went through text: 13800138000.0
    parts = [p for p in _PHONE_SPLIT.split(text) if p]
    return " / ".join(_one_phone(p) for p in parts) if parts else None


def phone_key(phone: str | None) -> str | None:
    """The digits two phone entries are compared by (the first number; +86 dropped)."""
    if not phone:
        return None
    if phone.isascii() and phone.isdigit():
        digits = phone
        if digits.startswith("0086"):
            digits = digits[4:]
        elif digits.startswith("86") and len(digits) == 13:
            digits = digits[2:]
        return digits if len(digits) >= 7 else None
    first = _PHONE_SPLIT.split(phone)[0]
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", first))
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 7 else None


# --- company names -----------------------------------------------------------------------------

_NAME_PUNCT = re.compile(r"[\s()（）\[\]【】·.,，、\-—_'\"“”‘’&]+")
_NAME_SUFFIXES = tuple(
    sorted(
        (
            "有限责任公司", "股份有限公司", "集团有限公司", "有限公司", "股份公司", "集团公司",
            "有限", "股份", "集团", "公司", "colimited", "coltd", "limited", "ltd", "incorporated",
            "inc", "corporation", "corp", "company", "co", "llc", "group", "gmbh",
        ),
        key=len,
        reverse=True,
    )
)


_SUFFIX_CHAIN = re.compile("(?:" + "|".join(map(re.escape, _NAME_SUFFIXES)) + ")+$")


def name_key(name: str | None) -> str | None:
    """A company or person name reduced for duplicate matching: 上海某某贸易有限公司 == 上海某某贸易公司."""
    if not name:
        return None
    key = _NAME_PUNCT.sub("", unicodedata.normalize("NFKC", name).casefold())
    if not key.endswith(_NAME_SUFFIXES):
        return key or None
    quick = _SUFFIX_CHAIN.sub("", key)
    if len(quick) >= 2:
        return quick
    stripped = True
    while stripped:
        stripped = False
        for suffix in _NAME_SUFFIXES:
            # Never strip a name down to nothing (a firm called 集团公司 is still a name).
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                key = key[: -len(suffix)]
                stripped = True
                break
    return key or None


# --- dates -------------------------------------------------------------------------------------

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
    text = _fold(value)
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
        text = _SPACES.sub("", _fold(value))
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


# --- amounts and counts ------------------------------------------------------------------------

_CURRENCY = re.compile(r"^(?:rmb|cny|¥|\$|usd)|(?:rmb|cny|元|圆|块|¥)$", re.IGNORECASE)
_SCALES = (("亿元", 100_000_000), ("亿", 100_000_000), ("万元", 10_000), ("万", 10_000), ("千元", 1_000), ("千", 1_000), ("k", 1_000))
_CENT = Decimal("0.01")


def _decimal(value: object, what: Message) -> Decimal:
    """A number from a cell: ¥, RMB, 元, thousands separators, 万/亿, (negative) and full-width forms."""
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是{what.zh}", f"'{value}' is not {what.en}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest text that round-trips, so 1234.56 stays 1234.56.
        return Decimal(repr(value))
    if not isinstance(value, str):
        raise CellError(f"“{show(value)}”不是{what.zh}", f"'{show(value)}' is not {what.en}")
    check_formula_error(value)
    text = _SPACES.sub("", _fold(value)).replace(",", "").replace("，", "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    for _ in range(2):
        text = _CURRENCY.sub("", text)
    scale = 1
    lowered = text.lower()
    for suffix, factor in _SCALES:
        if lowered.endswith(suffix):
            text, scale = text[: -len(suffix)], factor
            break
    text = _CURRENCY.sub("", text)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"“{value}”不是{what.zh}", f"'{value}' is not {what.en}") from None
    if not number.is_finite():
        raise CellError(f"“{value}”不是{what.zh}", f"'{value}' is not {what.en}")
    number *= scale
    return -number if negative else number


def parse_cents(value: object, scale: int = 1) -> int | None:
    """Money as integer cents; `scale` comes from the header (金额(万元) → 10000)."""
    if is_blank(value):
        return None
    number = _decimal(value, Message("金额", "an amount")) * scale
    cents = number * 100
    if isinstance(value, float):
        # Binary floats carry noise past the cents (0.1 + 0.2); a sheet value is meant to the cent.
        rounded = cents.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if abs(cents - rounded) > Decimal("0.0001"):
            raise CellError(f"金额“{show(value)}”超过两位小数", f"amount '{show(value)}' has more than two decimals")
        return int(rounded)
    if cents != cents.to_integral_value():
        raise CellError(f"金额“{value}”超过两位小数", f"amount '{value}' has more than two decimals")
    return int(cents)


def parse_int(value: object, *, minimum: int | None = 0, maximum: int | None = None) -> int | None:
    if is_blank(value):
        return None
    number = _decimal(value, Message("整数", "a whole number"))
    if number != number.to_integral_value():
        raise CellError(f"“{show(value)}”不是整数", f"'{show(value)}' is not a whole number")
    result = int(number)
    if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
        low = "" if minimum is None else str(minimum)
        high = "" if maximum is None else str(maximum)
        raise CellError(f"“{show(value)}”超出范围 {low}–{high}", f"'{show(value)}' is outside {low}–{high}")
    return result


_YES = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "主要", "primary", "x"})
_NO = frozenset({"否", "n", "no", "false", "0", "×", "✗", "不是", ""})


def parse_bool(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int):
        return bool(value)
    text = _fold(str(value)).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"“{value}”不是“是/否”", f"'{value}' is not yes/no")


EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def parse_email(value: object) -> str | None:
    if type(value) is str and value.isascii() and EMAIL.fullmatch(value):
        return value
    text = clean_text(value)
    if text is None or is_blank(text):
        return None
    text = _fold(text)
    if not EMAIL.fullmatch(text):
        raise CellError(f"“{text}”不是有效的邮箱地址", f"'{text}' is not an email address")
    return text


def choice_parser(
    choices: dict[str, str], what: Message, *, allow_other: bool = False, max_length: int = 16
):
    """A parser for a column with a fixed set of values, each known by several Chinese and English words."""
    lookup = {_fold(k).casefold(): v for k, v in choices.items()}
    allowed = "、".join(dict.fromkeys(choices.values()))

    def parse(value: object) -> str | None:
        text = clean_text(value)
        if text is None or is_blank(text):
            return None
        key = _SPACES.sub("", _fold(text)).casefold()
        if key in lookup:
            return lookup[key]
        if allow_other and len(text) <= max_length:
            return text
        raise CellError(
            f"“{text}”不是有效的{what.zh}（可用：{allowed}）", f"'{text}' is not a valid {what.en} (use: {allowed})"
        )

    return parse


def parse_satisfaction(value: object) -> int | None:
    """Satisfaction 1–5: a number, stars (★★★★) or words (非常满意 … 非常不满意)."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        text = _SPACES.sub("", _fold(value))
        if text and set(text) <= {"★", "☆"}:
            stars = text.count("★")
            if 1 <= stars <= 5:
                return stars
        words = {"非常满意": 5, "很满意": 5, "满意": 4, "一般": 3, "较满意": 4, "不满意": 2, "很不满意": 1,
                 "非常不满意": 1, "verysatisfied": 5, "satisfied": 4, "neutral": 3, "dissatisfied": 2,
                 "verydissatisfied": 1}
        if text.casefold() in words:
            return words[text.casefold()]
        text = text.removesuffix("分").removesuffix("星")
        value = text
    return parse_int(value, minimum=1, maximum=5)


def tier_value(value: object) -> str | None:
    """A grade as sheets write it: A, A级, A类, a → "A"; other tier names are kept as written."""
    text = clean_text(value)
    if text is None or is_blank(text):
        return None
    text = _SPACES.sub("", _fold(text))
    for suffix in ("级客户", "类客户", "级", "类", "客户"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    if len(text) == 1 and text.isascii():
        text = text.upper()
    if len(text) > 16:
        raise CellError(f"等级“{value}”太长", f"tier '{value}' is too long")
    return text
