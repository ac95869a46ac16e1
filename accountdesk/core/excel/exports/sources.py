"""The rows and columns each export kind writes, in a layout the importer reads back unchanged."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from accountdesk.core.excel.exports.writer import ExportColumn
from accountdesk.core.excel.read.values import lunar_text
from accountdesk.core.i18n import Message, current_language
from accountdesk.core.storage.models import (
    Contact,
    Customer,
    Interaction,
    RevisitPlan,
    Transaction,
    User,
    cents_to_decimal,
)


def _label(zh: str, en: str) -> str:
    return Message(zh, en).text()


# The keys DESIGN.md fixes for customer exports, then the archive fields, so a re-import restores them.
_KEY_LABELS: dict[str, tuple[str, str, str]] = {
    "code": ("客户编号", "Code", "text"),
    "name": ("客户名称", "Name", "text"),
    "owner": ("负责人", "Owner", "text"),
    "tier": ("等级", "Tier", "text"),
    "score": ("得分", "Score", "number"),
    "stage": ("生命周期", "Stage", "text"),
    "purchase_count": ("购买次数", "Purchases", "int"),
    "purchase_days": ("购买天数", "Purchase days", "int"),
    "total_spend": ("累计消费(元)", "Total spend", "money"),
    "first_purchase": ("首次购买", "First purchase", "date"),
    "last_purchase": ("最近购买", "Last purchase", "date"),
    "last_interaction": ("最近联系", "Last interaction", "date"),
    "next_revisit": ("下次回访", "Next revisit", "date"),
    "frequency_level": ("购买频率等级", "Frequency level", "text"),
    "segment": ("RFM 分群", "RFM segment", "text"),
}  # region is an archive field below (a re-import restores it)
_ARCHIVE: tuple[tuple[str, str, str, str], ...] = (
    ("company", "公司名称", "Company", "text"),
    ("contact_person", "联系人", "Contact person", "text"),
    ("phone", "联系方式", "Phone", "text"),
    ("landline", "座机", "Landline", "text"),
    ("email", "邮箱", "Email", "text"),
    ("position", "职位", "Position", "text"),
    ("address", "地址", "Address", "text"),
    ("region", "地区", "Region", "text"),
    ("industry", "行业", "Industry", "text"),
    ("source", "客户来源", "Source", "text"),
    ("birthday", "生日", "Birthday", "date"),
    ("cooperation_since", "合作开始日期", "Customer since", "date"),
    ("need_type", "需求类型", "Need type", "text"),
    ("purchasing_power", "购买力", "Purchasing power", "text"),
    ("referrals", "推荐客户数", "Referrals", "int"),
    ("followers", "粉丝数", "Followers", "int"),
    ("notes", "备注", "Notes", "text"),
)
_STAGES = {"potential": "潜在", "new": "新客户", "active": "活跃", "loyal": "忠诚", "at_risk": "流失风险", "churned": "已流失"}
_NEEDS = {"price": "价格敏感", "quality": "品质敏感", "service": "服务敏感"}
_LEVELS = {"high": "高", "mid": "中", "low": "低"}
_FREQUENCIES = {"high": "高频", "mid": "中频", "low": "低频"}
_INTERACTIONS = {"phone": "电话", "email": "邮件", "visit": "拜访", "meeting": "会议", "wechat": "微信", "other": "其他"}
_REVISIT_STATES = {"planned": "计划中", "done": "已完成", "skipped": "已跳过"}
_CHANNELS = _INTERACTIONS


def _word(words: dict[str, str], value: str | None) -> str | None:
    """A stored keyword in the sheet's language (the importer reads both back)."""
    if value is None:
        return None
    return words.get(value, value) if current_language() == "zh" else value


def as_mapping(row: Any) -> Mapping[str, Any]:
    """A row from another module as a mapping, whatever shape it comes in."""
    if isinstance(row, Mapping):
        return row
    if dataclasses.is_dataclass(row):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    if hasattr(row, "_asdict"):
        return row._asdict()
    if hasattr(row, "_mapping"):
        return row._mapping
    if hasattr(row, "as_dict"):
        return row.as_dict()
    return vars(row)


def _money(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _infer_type(values: Iterable[Any]) -> str:
    for value in values:
        if value is None:
            continue
        if isinstance(value, datetime):
            return "datetime"
        if isinstance(value, date):
            return "date"
        if isinstance(value, Decimal):
            return "money"
        if isinstance(value, bool):
            return "text"
        if isinstance(value, int):
            return "int"
        if isinstance(value, float):
            return "number"
        return "text"
    return "text"


def customers_table(session: Session, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    from accountdesk.core.excel.exports.rows import customer_export_rows

    base = [as_mapping(r) for r in customer_export_rows(session, as_of)]
    keys = list(_KEY_LABELS)
    if base:
        keys += [k for k in base[0] if k not in _KEY_LABELS and k not in {a[0] for a in _ARCHIVE}]
    archive_columns = [getattr(Customer, a[0]) for a in _ARCHIVE]
    archive = {code: values for code, *values in session.execute(
        select(Customer.code, *archive_columns).where(Customer.deleted_at.is_(None)))}
    columns = [ExportColumn(k, _label(*_KEY_LABELS[k][:2]) if k in _KEY_LABELS else k,
                            _KEY_LABELS[k][2] if k in _KEY_LABELS else "text") for k in keys]
    columns += [ExportColumn(a[0], _label(a[1], a[2]), a[3]) for a in _ARCHIVE]
    need_index = len(keys) + [a[0] for a in _ARCHIVE].index("need_type")
    power_index = need_index + 1
    rows: list[list[Any]] = []
    empty = [None] * len(_ARCHIVE)
    stage_index = keys.index("stage")
    money_index = keys.index("total_spend")
    frequency_index = keys.index("frequency_level")
    for record in base:
        row = [record.get(k) for k in keys]
        row[money_index] = _money(row[money_index])
        row[stage_index] = _word(_STAGES, row[stage_index])
        row[frequency_index] = _word(_FREQUENCIES, row[frequency_index])
        row.extend(archive.get(record.get("code"), empty))
        row[need_index] = _word(_NEEDS, row[need_index])
        row[power_index] = _word(_LEVELS, row[power_index])
        rows.append(row)
    # The custom fields a sheet brought go back out as columns of their own, under their own headers,
    # so exporting and importing again keeps them.
    custom = {code: fields for code, fields in session.execute(
        select(Customer.code, Customer.custom_fields).where(Customer.deleted_at.is_(None))) if fields}
    headers = list(dict.fromkeys(name for fields in custom.values() if fields for name in fields))
    columns += [ExportColumn(f"custom:{name}", name, "text") for name in headers]
    for row, record in zip(rows, base, strict=True):
        fields = custom.get(record.get("code")) or {}
        row.extend(fields.get(name) for name in headers)
    return _label("客户", "Customers"), columns, rows


def tiers_table(session: Session, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    from accountdesk.core.excel.exports.rows import tier_sheet_rows

    result = tier_sheet_rows(session, as_of)
    labels = getattr(result, "columns", None) or getattr(result, "headers", None)
    records = [as_mapping(r) for r in getattr(result, "rows", result)]
    keys = list(records[0].keys()) if records else list(labels or [])
    columns = []
    for i, key in enumerate(keys):
        label = labels[i] if labels and i < len(labels) else key
        if key in _KEY_LABELS and label == key:
            label = _label(*_KEY_LABELS[key][:2])
        sample = (r.get(key) for r in records[:200])
        columns.append(ExportColumn(key, str(label), _infer_type(sample)))
    rows = [[_money(r.get(c.key)) if c.type == "money" else r.get(c.key) for c in columns] for r in records]
    return _label("客户分级管理表", "Tier sheet"), columns, rows


def _customer_columns() -> list[ExportColumn]:
    return [ExportColumn("customer_code", _label("客户编号", "Customer code")),
            ExportColumn("customer_name", _label("客户名称", "Customer"))]


def transactions_table(session: Session, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    columns = _customer_columns() + [
        ExportColumn("occurred_on", _label("日期", "Date"), "date"),
        ExportColumn("product", _label("产品", "Product")),
        ExportColumn("quantity", _label("数量", "Quantity"), "int"),
        ExportColumn("amount", _label("金额", "Amount"), "money"),
        ExportColumn("notes", _label("备注", "Notes")),
        ExportColumn("uid", _label("记录ID", "Record ID")),
    ]
    query = (
        select(Customer.code, Customer.name, Transaction.occurred_on, Transaction.product, Transaction.quantity,
               Transaction.amount_cents, Transaction.notes, Transaction.uid)
        .join(Customer, Customer.id == Transaction.customer_id)
        .where(Transaction.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(Customer.code, Transaction.occurred_on, Transaction.id)
    )
    rows = [[code, name, day, product, qty, cents_to_decimal(cents), notes, uid]
            for code, name, day, product, qty, cents, notes, uid in session.execute(query)]
    return _label("交易记录", "Transactions"), columns, rows


def _local(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


def interactions_table(session: Session, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    columns = _customer_columns() + [
        ExportColumn("occurred_at", _label("时间", "When"), "datetime"),
        ExportColumn("kind", _label("方式", "Kind")),
        ExportColumn("contact", _label("联系人", "Contact")),
        ExportColumn("summary", _label("内容", "Summary")),
        ExportColumn("outcome", _label("结果", "Outcome")),
        ExportColumn("next_step", _label("下一步", "Next step")),
        ExportColumn("satisfaction", _label("满意度", "Satisfaction"), "int"),
        ExportColumn("user", _label("负责人", "By")),
        ExportColumn("uid", _label("记录ID", "Record ID")),
    ]
    query = (
        select(Customer.code, Customer.name, Interaction.occurred_at, Interaction.kind, Contact.name,
               Interaction.summary, Interaction.outcome, Interaction.next_step, Interaction.satisfaction,
               User.name, Interaction.uid)
        .join(Customer, Customer.id == Interaction.customer_id)
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .outerjoin(User, User.id == Interaction.user_id)
        .where(Interaction.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(Customer.code, Interaction.occurred_at, Interaction.id)
    )
    rows = []
    for code, name, when, kind, contact, summary, outcome, next_step, satisfaction, user, uid in session.execute(query):
        rows.append([code, name, _local(when), _word(_INTERACTIONS, kind), contact, summary, outcome, next_step,
                     satisfaction, user, uid])
    return _label("互动记录", "Interactions"), columns, rows


def birthday_text(contact: Contact) -> date | str | None:
    """A contact's birthday as a sheet shows it: a date, a month and day, or 农历 with Chinese numerals."""
    if not contact.birth_month or not contact.birth_day:
        return None
    if contact.birth_calendar == "lunar":
        year = f"{contact.birth_year}年" if contact.birth_year else ""
        return "农历" + year + lunar_text(contact.birth_month, contact.birth_day, contact.birth_leap_month)
    if contact.birth_year:
        try:
            return date(contact.birth_year, contact.birth_month, contact.birth_day)
        except ValueError:
            return None
    return f"{contact.birth_month}月{contact.birth_day}日"


def contacts_table(session: Session, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    columns = _customer_columns() + [
        ExportColumn("name", _label("姓名", "Name")),
        ExportColumn("phone", _label("电话", "Phone")),
        ExportColumn("email", _label("邮箱", "Email")),
        ExportColumn("wechat", _label("微信", "WeChat")),
        ExportColumn("position", _label("职位", "Position")),
        ExportColumn("is_primary", _label("主要联系人", "Primary")),
        ExportColumn("birthday", _label("生日", "Birthday"), "date"),
        ExportColumn("notes", _label("备注", "Notes")),
        ExportColumn("uid", _label("记录ID", "Record ID")),
    ]
    owner = aliased(Customer)
    query = (
        select(owner.code, owner.name, Contact)
        .join(owner, owner.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), owner.deleted_at.is_(None))
        .order_by(owner.code, Contact.id)
    )
    yes, no = _label("是", "yes"), _label("否", "no")
    rows = [[code, name, c.name, c.phone, c.email, c.wechat, c.position, yes if c.is_primary else no,
             birthday_text(c), c.notes, c.uid] for code, name, c in session.execute(query)]
    return _label("联系人", "Contacts"), columns, rows


def revisits_table(session: Session, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    columns = _customer_columns() + [
        ExportColumn("tier", _label("等级", "Tier")),
        ExportColumn("owner", _label("负责人", "Owner")),
        ExportColumn("due_on", _label("计划日期", "Due"), "date"),
        ExportColumn("purpose", _label("目的", "Purpose")),
        ExportColumn("channel", _label("方式", "Channel")),
        ExportColumn("state", _label("状态", "State")),
        ExportColumn("done_on", _label("完成日期", "Done on"), "date"),
    ]
    query = (
        select(Customer.code, Customer.name, Customer.tier, User.name, RevisitPlan.due_on, RevisitPlan.purpose,
               RevisitPlan.channel, RevisitPlan.state, RevisitPlan.done_on)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(User, User.id == RevisitPlan.owner_id)
        .where(RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(RevisitPlan.due_on, Customer.code)
    )
    rows = [[code, name, tier, owner, due, purpose, _word(_CHANNELS, channel), _word(_REVISIT_STATES, state), done]
            for code, name, tier, owner, due, purpose, channel, state, done in session.execute(query)]
    return _label("回访计划", "Revisits"), columns, rows


_TABLES = {
    "customers": customers_table,
    "tiers": tiers_table,
    "contacts": contacts_table,
    "transactions": transactions_table,
    "interactions": interactions_table,
    "revisits": revisits_table,
}


def table_for(session: Session, kind: str, as_of: date) -> tuple[str, list[ExportColumn], list[list[Any]]]:
    return _TABLES[kind](session, as_of)
