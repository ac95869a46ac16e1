"""Turning sheet rows into field values per kind, with a problem (row, column, reason) for every bad cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from accountdesk.core.excel.read import values as v
from accountdesk.core.excel.read.headers import FIELDS, HeaderMatch
from accountdesk.core.i18n import Message
from accountdesk.core.storage.models import Contact, Customer, Interaction, Transaction

STAGE_WORDS = {
    "潜在": "potential", "潜在客户": "potential", "potential": "potential", "prospect": "potential",
    "新": "new", "新客户": "new", "new": "new",
    "活跃": "active", "活跃客户": "active", "active": "active",
    "忠诚": "loyal", "忠诚客户": "loyal", "loyal": "loyal",
    "风险": "at_risk", "流失风险": "at_risk", "有流失风险": "at_risk", "预警": "at_risk", "at_risk": "at_risk", "atrisk": "at_risk",
    "流失": "churned", "已流失": "churned", "流失客户": "churned", "churned": "churned", "lost": "churned",
}
NEED_WORDS = {
    "价格": "price", "价格敏感": "price", "价格敏感型": "price", "price": "price",
    "品质": "quality", "质量": "quality", "品质敏感": "quality", "质量敏感": "quality", "品质敏感型": "quality", "quality": "quality",
    "服务": "service", "服务敏感": "service", "服务敏感型": "service", "service": "service",
}
LEVEL_WORDS = {"高": "high", "high": "high", "中": "mid", "mid": "mid", "medium": "mid", "中等": "mid", "低": "low", "low": "low"}
INTERACTION_WORDS = {
    "电话": "phone", "打电话": "phone", "通话": "phone", "来电": "phone", "去电": "phone", "phone": "phone", "call": "phone",
    "邮件": "email", "电子邮件": "email", "邮箱": "email", "email": "email", "e-mail": "email", "mail": "email",
    "拜访": "visit", "上门": "visit", "上门拜访": "visit", "走访": "visit", "到访": "visit", "visit": "visit",
    "会议": "meeting", "会面": "meeting", "面谈": "meeting", "开会": "meeting", "meeting": "meeting",
    "微信": "wechat", "wechat": "wechat", "weixin": "wechat",
    "其他": "other", "其它": "other", "other": "other",
}

_PARSERS: dict[str, Callable[[Any], Any]] = {
    "text": v.clean_text,
    "code": v.clean_code,
    "phone": v.parse_phone,
    "contact_phone": v.parse_contact_phone,
    "email": v.parse_email,
    "date": v.parse_date,
    "recent_date": v.parse_recent_date,
    "datetime": v.parse_datetime,
    "birthday": v.parse_birthday,
    "int": v.parse_int,
    "count": v.parse_count,
    "bool": v.parse_bool,
    "tier": v.tier_value,
    "satisfaction": v.parse_satisfaction,
    "choice:stage": v.choice_parser(STAGE_WORDS, Message("生命周期阶段", "lifecycle stage")),
    "choice:need": v.choice_parser(NEED_WORDS, Message("需求类型", "need type")),
    "choice:level": v.choice_parser(LEVEL_WORDS, Message("购买力", "purchasing power")),
    "choice:interaction": v.choice_parser(INTERACTION_WORDS, Message("互动方式", "interaction kind")),
}

# Where each kind's fields are stored, for their length limits (PostgreSQL enforces them).
_TABLES = {"customers": Customer, "contacts": Contact, "transactions": Transaction, "interactions": Interaction}
_REF_LIMITS = {"customer_code": 32, "customer_name": 200, "owner": 64, "user": 64, "contact": 100, "wechat": 100}


def _max_length(kind: str, name: str) -> int | None:
    if name in _REF_LIMITS:
        return _REF_LIMITS[name]
    column = _TABLES[kind].__table__.c.get(name)
    length = getattr(getattr(column, "type", None), "length", None)
    return int(length) if length else None


@dataclass(slots=True)
class Problem:
    """What is wrong with one row (and cell, when it is one cell's fault)."""

    row: int  # 1-based, as the sheet shows it
    column: str | None  # "C（电话）"
    message: Message
    field: str | None = None
    warning: bool = False

    def text(self, language: str | None = None) -> str:
        lang = language
        where_zh = f"第 {self.row} 行" + (f" {self.column}列" if self.column else "")
        where_en = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return Message(f"{where_zh}：{self.message.zh}", f"{where_en}: {self.message.en}").text(lang)

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "field": self.field, "warning": self.warning,
                "message_zh": self.message.zh, "message_en": self.message.en}


@dataclass(slots=True)
class RowPlan:
    """What the import will do with one sheet row."""

    row: int  # 1-based sheet row
    index: int  # index into the sheet's rows
    values: dict[str, Any]
    problems: list[Problem]
    action: str = "new"
    target_id: int | None = None  # the existing record it matches
    note: Message | None = None  # why it is a duplicate / what it matched
    changes: dict[str, tuple[Any, Any]] | None = None  # field → (old, new), for updates
    customer_id: int | None = None  # child kinds: the customer it belongs to
    new_customer: str | None = None  # child kinds: key into ImportPlan.new_customers
    # Customer sheets: records a row brings beside the customer ("contact": its contact person's
    # fields, "opening_spend": cents, "last_contact": a date), written with it.
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


class RowReader:
    """Reads the mapped cells of each data row with the parser its field needs."""

    def __init__(self, kind: str, header: HeaderMatch) -> None:
        self.kind = kind
        self.header = header
        specs = {spec.name: spec for spec in FIELDS[kind]}
        self.columns: list[tuple[str, int, Callable[[Any], Any], int | None, str]] = []
        for name, index in header.columns.items():
            spec = specs[name]
            parser = _PARSERS[spec.type] if spec.type != "money" else partial(v.parse_cents, scale=header.scales.get(name, 1))
            self.columns.append((name, index, parser, _max_length(kind, name), header.describe_column(index)))

    def read(self, rows: list[list], progress: Callable[[int, int], None] | None = None) -> list[RowPlan]:
        """Every data row with its values and problems; empty rows and 合计 lines are left out.

        Cells are read a column at a time: plain text and real dates (most cells) pass through a
        list comprehension, and only the rest go through their field's parser."""
        start = self.header.data_start
        body = rows[start:]
        problems: dict[int, list[Problem]] = {}
        widest = max((col for _n, col, *_rest in self.columns), default=0)
        rectangular = all(len(cells) > widest for cells in body)
        names: list[str] = []
        columns: list[list[Any]] = []
        for number, (name, col, parser, limit, described) in enumerate(self.columns):
            if progress:
                progress(number, len(self.columns) + 1)
            raw = [cells[col] for cells in body] if rectangular else [
                cells[col] if col < len(cells) else "" for cells in body]
            fast = _FAST.get(parser)
            values = fast(raw) if fast else [None if cell == "" or cell is None else _SLOW for cell in raw]
            for i in [i for i, value in enumerate(values) if value is _SLOW]:
                try:
                    values[i] = parser(raw[i])
                except v.CellError as error:
                    values[i] = None
                    problems.setdefault(i, []).append(Problem(start + i + 1, described, error.message, name))
            if limit is not None:
                for i, value in enumerate(values):
                    if type(value) is str and len(value) > limit:
                        values[i] = None
                        problems.setdefault(i, []).append(Problem(
                            start + i + 1, described,
                            Message(f"内容太长（{len(value)} 个字，最多 {limit}）", f"too long ({len(value)} characters, at most {limit})"),
                            name,
                        ))
            names.append(name)
            columns.append(values)
        parsed: list[RowPlan] = []
        for i, row_values in enumerate(zip(*columns, strict=True)):
            values = {name: value for name, value in zip(names, row_values, strict=True) if value is not None}
            row_problems = problems.get(i)
            if not values and row_problems is None:
                continue  # an empty row (or one with only unmapped cells) is not a record
            if is_total_row(body[i]):
                continue
            parsed.append(RowPlan(start + i + 1, start + i, values, row_problems or []))
        return parsed


# Marks a cell the fast comprehension could not take, for its field's parser.
_SLOW = object()
_EMPTY = ("", None)


def _fast_text(raw: list) -> list:
    # A cell with a control character (or a line break) takes the slow path, which strips controls.
    return [cell if type(cell) is str and cell and cell[0] != "#" and not cell[0].isspace() and not cell[-1].isspace()
            and cell.isprintable() else None if cell in _EMPTY else _SLOW for cell in raw]


def _fast_date(raw: list) -> list:
    return [cell if type(cell) is date else None if cell in _EMPTY else _SLOW for cell in raw]


def _fast_birthday(raw: list) -> list:
    return [v.Birthday(cell.month, cell.day, cell.year) if type(cell) is date else None if cell in _EMPTY else _SLOW
            for cell in raw]


def _fast_phone(raw: list) -> list:
    # A mobile number stored as a number (13800138000.0) or as its eleven digits.
    return [str(int(cell)) if type(cell) is float and 13e9 <= cell < 2e10 and cell.is_integer()
            else cell if type(cell) is str and len(cell) == 11 and cell.isascii() and cell.isdigit()
            and cell[0] == "1" and cell[1] in "3456789"
            else None if cell in _EMPTY else _SLOW for cell in raw]


def _fast_code(raw: list) -> list:
    return [cell if type(cell) is str and cell.isascii() and cell.isalnum() else None if cell in _EMPTY else _SLOW
            for cell in raw]


def _fast_email(raw: list) -> list:
    match = v.EMAIL.fullmatch
    return [cell if type(cell) is str and cell.isascii() and match(cell) else None if cell in _EMPTY else _SLOW
            for cell in raw]


_FAST: dict[Callable[[Any], Any], Callable[[list], list]] = {
    v.clean_text: _fast_text, v.parse_date: _fast_date, v.parse_birthday: _fast_birthday,
    v.parse_phone: _fast_phone, v.parse_contact_phone: _fast_phone, v.clean_code: _fast_code, v.parse_email: _fast_email,
}


_TOTAL_WORDS = ("合计", "总计", "小计", "total", "subtotal", "sum")
_TOTAL_FIRST = frozenset(word[0] for word in _TOTAL_WORDS)


def is_total_row(cells: list) -> bool:
    """A 合计/Total line at the bottom of a sheet sums the rows above; it is not a record."""
    for cell in cells:
        if cell == "" or cell is None:
            continue
        if type(cell) is not str or len(cell) > 12 or cell.strip()[:1].lower() not in _TOTAL_FIRST:
            return False
        return cell.strip().replace(" ", "").replace(":", "").replace("：", "").lower() in _TOTAL_WORDS
    return False
