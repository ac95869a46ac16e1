"""Cell values as real sheets hold them: phones, dates, amounts, codes, choices, in every form managers type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from accountdesk.core.excel.read.cells import (  # noqa: F401  (the parsers' common ground, re-exported)
    _SPACES,
    CellError,
    check_formula_error,
    fold,
    is_blank,
    show,
)
from accountdesk.core.excel.read.dates import (  # noqa: F401  (dates live beside, re-exported)
    Birthday,
    MonthDay,
    lunar_text,
    parse_birthday,
    parse_date,
    parse_datetime,
    parse_recent_date,
)
from accountdesk.core.faults import CONTROL_CHARACTERS
from accountdesk.core.i18n import Message


def clean_text(value: object) -> str | None:
    """Free text: surrounding spaces (also full-width and non-breaking) removed; empty is None."""
    if value is None or value == "":
        return None
    if type(value) is str:
        if value[0] == "#":
            check_formula_error(value)
        if not value.isprintable():
            value = _without_controls(value)
            if not value:
                return None
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


def _without_controls(text: str) -> str:
    """Text without the control characters a terminal or a spreadsheet would act on (ESC, NUL, BEL…);
    line breaks and tabs stay (a note has lines)."""
    return CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n"))


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
        text = _SPACES.sub("", fold(_without_controls(value)))
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
_NAME_THEN_PHONE = re.compile(r"[^\d\s+()（）]{1,20}\s+([+\d(（][\d\s\-–—.()（）+]{6,})")


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
    text = fold(value)
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
    named = _NAME_THEN_PHONE.fullmatch(text)
    if named:
        text = named[1]  # "杨丽华 13800138000", as the tier sheet's 联系方式 writes person and phone
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]  # a number that went through text: 13800138000.0
    parts = [p for p in _PHONE_SPLIT.split(text) if p]
    return " / ".join(_one_phone(p) for p in parts) if parts else None


@dataclass(frozen=True)
class PersonName:
    """A 联系方式 cell that names a person instead of a number (the tier sheet writes the contact
    person there when there is no phone)."""

    text: str
    phone: str | None = None  # "杨丽华 13800138000": the person and their phone


def parse_contact_phone(value: object) -> str | PersonName | None:
    """A customer sheet's 联系方式: a phone, or the contact person's name (with a phone after it, or
    without any digit at all), as the tier sheet writes who to call."""
    if type(value) is str and value and not value[0].isdigit() and "@" not in value:
        text = clean_text(value)
        if text and len(text) <= 20 and not any(ch.isdigit() for ch in text):
            return PersonName(text)
        named = _NAME_THEN_PHONE.fullmatch(fold(text or ""))
        if named:
            return PersonName(named[0][: named.start(1)].strip(), parse_phone(named[1]))
    return parse_phone(value)


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


_LEGAL_FORMS = ("股份", "集团")
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
        return quick + _legal_form(key[len(quick):])
    whole = key
    stripped = True
    while stripped:
        stripped = False
        for suffix in _NAME_SUFFIXES:
            # Never strip a name down to nothing (a firm called 集团公司 is still a name).
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                key = key[: -len(suffix)]
                stripped = True
                break
    return key + _legal_form(whole[len(key):]) if key else None


def _legal_form(suffixes: str) -> str:
    """股份有限公司 and 有限公司 (or a 集团 and its member) are different firms under one trade name:
    the legal form named in the stripped suffixes stays part of the key."""
    return "".join(f"#{word}" for word in _LEGAL_FORMS if word in suffixes)


# --- amounts and counts ------------------------------------------------------------------------

_CURRENCY = re.compile(r"^(?:rmb|cny|¥|\$|usd)|(?:rmb|cny|元|圆|块|¥)$", re.IGNORECASE)
_SCALES = (("亿元", 100_000_000), ("亿", 100_000_000), ("万元", 10_000), ("万", 10_000), ("千元", 1_000), ("千", 1_000), ("k", 1_000))
_APPROXIMATE = re.compile(r"^(?:大约|约合|约|近|逾|超过|~|≈)")
_CENT = Decimal("0.01")
# No customer spends a thousand trillion yuan; beyond it a cell is a typo or an attack, refused by
# itself (and Decimal arithmetic or SQLite's 64-bit integers would overflow a little further on).
MAX_AMOUNT_YUAN = 10**15


def _decimal(value: object, what: Message) -> Decimal:
    """A number from a cell: ¥, RMB, 元, thousands separators, 万/亿, (negative) and full-width forms."""
    return _decimal_and_unit(value, what)[0]


def _decimal_and_unit(value: object, what: Message) -> tuple[Decimal, bool]:
    """The number, and whether the cell names its own unit (¥, 元, 万, 亿 …): such a cell means what
    it says, whatever unit its column's header gives."""
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是{what.zh}", f"'{value}' is not {what.en}")
    if isinstance(value, int):
        return Decimal(value), False
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError(f"“{show(value)}”不是{what.zh}", f"'{show(value)}' is not {what.en}")
        # repr gives the shortest text that round-trips, so 1234.56 stays 1234.56.
        return Decimal(repr(value)), False
    if not isinstance(value, str):
        raise CellError(f"“{show(value)}”不是{what.zh}", f"'{show(value)}' is not {what.en}")
    check_formula_error(value)
    text = _SPACES.sub("", fold(value)).replace(",", "").replace("，", "")
    # "约684万", "大约12万", "~300": the figure a manager wrote down is the amount.
    text = _APPROXIMATE.sub("", text)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    plain = text
    for _ in range(2):
        text = _CURRENCY.sub("", text)
    scale = 1
    lowered = text.lower()
    for suffix, factor in _SCALES:
        if lowered.endswith(suffix):
            text, scale = text[: -len(suffix)], factor
            break
    text = _CURRENCY.sub("", text)
    own_unit = text != plain
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"“{value}”不是{what.zh}", f"'{value}' is not {what.en}") from None
    if not number.is_finite():
        raise CellError(f"“{value}”不是{what.zh}", f"'{value}' is not {what.en}")
    if number.adjusted() > 20:  # before any arithmetic: 1E+999999 would overflow Decimal itself
        raise _too_large(value)
    number *= scale
    return (-number if negative else number), own_unit


def parse_cents(value: object, scale: int = 1) -> int | None:
    """Money as integer cents; `scale` comes from the header (金额(万元) → 10000) and applies only to
    a cell that names no unit of its own ("544.7万" under 万元 is 5,447,000, not 万 twice)."""
    if is_blank(value):
        return None
    number, own_unit = _decimal_and_unit(value, Message("金额", "an amount"))
    if not own_unit:
        number *= scale
    if abs(number) > MAX_AMOUNT_YUAN:
        raise _too_large(value)
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


def _too_large(value: object) -> CellError:
    return CellError(f"“{show(value)}”太大（上限 ±10^15）", f"'{show(value)}' is too large (the limit is ±10^15)")


def parse_int(value: object, *, minimum: int | None = 0, maximum: int | None = None) -> int | None:
    if is_blank(value):
        return None
    number = _decimal(value, Message("整数", "a whole number"))
    if abs(number) > MAX_AMOUNT_YUAN:
        raise _too_large(value)
    if number != number.to_integral_value():
        raise CellError(f"“{show(value)}”不是整数", f"'{show(value)}' is not a whole number")
    result = int(number)
    if (minimum is not None and result < minimum) or (maximum is not None and result > maximum):
        low = "" if minimum is None else str(minimum)
        high = "" if maximum is None else str(maximum)
        raise CellError(f"“{show(value)}”超出范围 {low}–{high}", f"'{show(value)}' is outside {low}–{high}")
    return result


_COUNT = re.compile(r"(?:约|大约|超过|逾)?([\d.]+)(万)?\+?(?:粉丝|人|个|位|名)?(?:以上)?")


def parse_count(value: object) -> int | None:
    """A head count as sheets write it: 10000, "10,000+粉丝", "1.2万粉丝", "500人以上"."""
    if isinstance(value, str):
        text = _SPACES.sub("", fold(value)).replace(",", "").replace("，", "")
        match = _COUNT.fullmatch(text)
        if match:
            number = Decimal(match[1]) * (10_000 if match[2] else 1)
            if number == number.to_integral_value():
                return int(number)
    return parse_int(value)


_YES = frozenset({"是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "主要", "primary", "x"})
_NO = frozenset({"否", "n", "no", "false", "0", "×", "✗", "不是", ""})


def parse_bool(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int):
        return bool(value)
    text = fold(str(value)).lower()
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
    text = fold(text)
    if not EMAIL.fullmatch(text):
        raise CellError(f"“{text}”不是有效的邮箱地址", f"'{text}' is not an email address")
    return text


def choice_parser(
    choices: dict[str, str], what: Message, *, allow_other: bool = False, max_length: int = 16
):
    """A parser for a column with a fixed set of values, each known by several Chinese and English words."""
    lookup = {fold(k).casefold(): v for k, v in choices.items()}
    allowed = "、".join(dict.fromkeys(choices.values()))

    def parse(value: object) -> str | None:
        text = clean_text(value)
        if text is None or is_blank(text):
            return None
        key = _SPACES.sub("", fold(text)).casefold()
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
        text = _SPACES.sub("", fold(value))
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
    text = _SPACES.sub("", fold(text))
    for suffix in ("级客户", "类客户", "级", "类", "客户"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    if len(text) == 1 and text.isascii():
        text = text.upper()
    if len(text) > 16:
        raise CellError(f"等级“{value}”太长", f"tier '{value}' is too long")
    return text
