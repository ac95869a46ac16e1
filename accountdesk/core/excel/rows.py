"""Turning sheet rows into field values per kind, with a problem (row, column, reason) for every bad cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from accountdesk.core.excel import values as v
from accountdesk.core.excel.headers import FIELDS, HeaderMatch
from accountdesk.core.i18n import Message
from accountdesk.core.models import Contact, Customer, Interaction, Transaction

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
    "email": v.parse_email,
    "date": v.parse_date,
    "datetime": v.parse_datetime,
    "birthday": v.parse_birthday,
    "int": v.parse_int,
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
_REF_LIMITS = {"customer_code": 32, "customer_name": 200, "owner": 64, "user": 64, "contact": 100}


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
class ParsedRow:
    row: int  # 1-based
    index: int  # index into the sheet's rows
    values: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


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

    def read(self, rows: list[list], progress: Callable[[int, int], None] | None = None) -> list[ParsedRow]:
        parsed: list[ParsedRow] = []
        start = self.header.data_start
        total = len(rows)
        columns = self.columns
        for index in range(start, total):
            cells = rows[index]
            if progress and index % 5000 == 0:
                progress(index, total)
            width = len(cells)
            if width and is_total_row(cells):
                continue
            values: dict[str, Any] = {}
            problems: list[Problem] | None = None
            empty = True
            for name, col, parser, limit, described in columns:
                raw = cells[col] if col < width else ""
                if raw == "" or raw is None:
                    continue
                empty = False
                try:
                    value = parser(raw)
                except v.CellError as error:
                    if problems is None:
                        problems = []
                    problems.append(Problem(index + 1, described, error.message, name))
                    continue
                if value is None:
                    continue
                if limit is not None and isinstance(value, str) and len(value) > limit:
                    if problems is None:
                        problems = []
                    problems.append(Problem(
                        index + 1, described,
                        Message(f"内容太长（{len(value)} 个字，最多 {limit}）", f"too long ({len(value)} characters, at most {limit})"),
                        name,
                    ))
                    continue
                values[name] = value
            if empty:
                continue  # an empty row (or one with only unmapped cells) is not a record
            if not values and problems is None:
                continue
            parsed.append(ParsedRow(index + 1, index, values, problems or []))
        return parsed


_TOTAL_WORDS = ("合计", "总计", "小计", "total", "subtotal", "sum")


def is_total_row(cells: list) -> bool:
    """A 合计/Total line at the bottom of a sheet sums the rows above; it is not a record."""
    for cell in cells:
        if cell in ("", None):
            continue
        return isinstance(cell, str) and cell.strip().replace(" ", "").replace(":", "").replace("：", "").lower() in _TOTAL_WORDS
    return False
