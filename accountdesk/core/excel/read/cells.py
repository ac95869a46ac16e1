"""What every cell parser shares: the error a bad cell raises, blanks, formula errors, full-width folding."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time

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


def fold(text: str) -> str:
    # NFKC turns full-width digits, letters and punctuation (１２３，（）) into their plain forms.
    if _ONLY_ASCII_CLEAN.match(text):
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def check_formula_error(value: object) -> None:
    if isinstance(value, str) and value.strip() in _EXCEL_ERRORS:
        raise CellError(f"单元格是公式错误“{value.strip()}”", f"the cell holds the formula error '{value.strip()}'")


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if type(value) is str:
        # Every blank marker is short; most cells are not, and skip the folding.
        return len(value) <= 8 and fold(value).lower() in _BLANKS
    return False
