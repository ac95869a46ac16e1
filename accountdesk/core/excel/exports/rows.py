"""Export rows (customers, the tier sheet, transactions, interactions, revisits) and JSON export;
the Excel exporter writes the same rows."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from accountdesk.core.figures.grading_figures import metrics_of_everyone
from accountdesk.core.files import write_whole_bytes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import (
    Contact,
    Customer,
    Interaction,
    RevisitPlan,
    Transaction,
    User,
    cents_to_decimal,
)
from accountdesk.core.tiering.lifecycle import STAGE_LABELS
from accountdesk.core.tiering.policies import tier_policies
from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.scoring import ScoringDefinition, current_model
from accountdesk.core.tiering.segments import frequency_bands

# DESIGN.md fixes these keys, in this order, for `export customers|tiers X.json`.
CUSTOMER_EXPORT_KEYS = (
    "code", "name", "owner", "tier", "score", "stage", "purchase_count", "purchase_days", "total_spend",
    "first_purchase", "last_purchase", "last_interaction", "next_revisit",
    "purchasing_power", "need_type", "frequency_level", "segment", "region",
)
# The seed's tier sheet (客户分级管理表格) comes first, then the figures behind it.
TIER_SHEET_KEYS = ("客户名称", "联系方式", "购买频率", "消费金额(元)", "忠诚度", "影响力", "综合评价", "行动方案")
EXPORT_KINDS = ("customers", "tiers", "contacts", "transactions", "interactions", "revisits")


def _window_months(session: Session) -> int:
    return ScoringDefinition.from_json(current_model(session).definition).window_months


def _customer_rows(session: Session):
    owner = aliased(User)
    query = (
        select(
            Customer.id, Customer.code, Customer.name, owner.name, Customer.tier, Customer.score, Customer.stage,
            Customer.rfm_segment, Customer.tier_locked, Customer.contact_person, Customer.phone, Customer.email,
            Customer.purchasing_power, Customer.need_type, Customer.region,
        )
        .outerjoin(owner, owner.id == Customer.owner_id)
        .where(Customer.deleted_at.is_(None))
        .order_by(Customer.code, Customer.id)
    )
    return session.execute(query).all()


def _next_revisits(session: Session) -> dict[int, date]:
    query = (
        select(RevisitPlan.customer_id, func.min(RevisitPlan.due_on))
        .where(RevisitPlan.deleted_at.is_(None), RevisitPlan.state == "planned")
        .group_by(RevisitPlan.customer_id)
    )
    return dict(session.execute(query).all())  # type: ignore[arg-type]


def customer_export_rows(session: Session, as_of: date) -> list[dict]:
    """One dict per live customer with exactly CUSTOMER_EXPORT_KEYS: all-time figures as of
    `as_of`; dates as `date`, money as `Decimal`, None where unknown."""
    metrics = metrics_of_everyone(session, as_of, _window_months(session))
    revisits = _next_revisits(session)
    bands = frequency_bands(session)
    rows = []
    for (customer_id, code, name, owner, tier, score, stage, segment, *_rest, power, need,
         region) in _customer_rows(session):
        m = metrics[customer_id]
        rows.append({
            "code": code,
            "name": name,
            "owner": owner,
            "tier": tier,
            "score": score,
            "stage": stage,
            "purchase_count": m.purchase_count_all,
            "purchase_days": m.purchase_days_all,
            "total_spend": cents_to_decimal(m.total_spend),
            "first_purchase": m.first_purchase,
            "last_purchase": m.last_purchase,
            "last_interaction": m.last_interaction,
            "next_revisit": revisits.get(customer_id),
            "purchasing_power": power,
            "need_type": need,
            "frequency_level": bands.level(m),
            "segment": segment,
            "region": region,
        })
    return rows


def _contact_text(person: str | None, phone: str | None, email: str | None) -> str | None:
    text = " ".join(part for part in (person, phone or email) if part)
    return text or None


def tier_sheet_rows(session: Session, as_of: date) -> list[dict]:
    """The tier sheet: the seed's eight columns (frequency and spend over the scoring window),
    then the figures behind the grade."""
    months = _window_months(session)
    metrics = metrics_of_everyone(session, as_of, months)
    revisits = _next_revisits(session)
    policies = {policy.tier: policy for policy in tier_policies(session)}
    rows = []
    for (customer_id, code, name, owner, tier, score, stage, segment, locked, person, phone,
         email, *_classes) in _customer_rows(session):
        m = metrics[customer_id]
        policy = policies.get(tier or "")
        rows.append({
            "客户名称": name,
            "联系方式": _contact_text(person, phone, email),
            "购买频率": m.purchase_days,
            "消费金额(元)": cents_to_decimal(m.window_spend),
            "忠诚度": m.tenure_years,
            "影响力": m.influence,
            "综合评价": tier,
            "行动方案": policy.action_plan if policy else None,
            "客户编号": code,
            "负责人": owner,
            "评分": score,
            "等级锁定": bool(locked),
            "生命周期": STAGE_LABELS[stage].zh if stage in STAGE_LABELS else stage,
            "RFM分群": SEGMENT_LABELS[segment].zh if segment in SEGMENT_LABELS else segment,
            f"近{months}个月购买次数": m.purchase_count,
            "累计购买次数": m.purchase_count_all,
            "累计购买天数": m.purchase_days_all,
            "累计消费(元)": cents_to_decimal(m.total_spend),
            "客单价(元)": cents_to_decimal(m.average_order_value),
            "首次购买": m.first_purchase,
            "最近购买": m.last_purchase,
            "距上次购买天数": m.recency_days,
            "复购率": round(m.repeat_rate, 4),
            "典型购买间隔(天)": m.purchase_interval_days,
            "消费趋势": None if m.trend is None else round(m.trend, 4),
            "转介绍": m.referrals,
            "关注者": m.followers,
            "满意度": m.satisfaction,
            "未解决投诉": m.open_complaints,
            "最近联系": m.last_interaction,
            "下次回访": revisits.get(customer_id),
            "回访间隔(天)": policy.revisit_interval_days if policy else None,
            "服务等级": policy.service_level if policy else None,
        })
    return rows


def transaction_export_rows(session: Session) -> list[dict]:
    query = (
        select(Customer.code, Customer.name, Transaction)
        .join(Customer, Customer.id == Transaction.customer_id)
        .where(Transaction.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(Transaction.occurred_on, Transaction.id)
    )
    return [
        {
            "customer_code": code,
            "customer_name": name,
            "date": t.occurred_on,
            "product": t.product,
            "quantity": t.quantity,
            "amount": cents_to_decimal(t.amount_cents),
            "notes": t.notes,
            "uid": t.uid,
        }
        for code, name, t in session.execute(query)
    ]


def interaction_export_rows(session: Session) -> list[dict]:
    user = aliased(User)
    query = (
        select(Customer.code, Customer.name, Contact.name, user.name, Interaction)
        .join(Customer, Customer.id == Interaction.customer_id)
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .outerjoin(user, user.id == Interaction.user_id)
        .where(Interaction.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(Interaction.occurred_at, Interaction.id)
    )
    return [
        {
            "customer_code": code,
            "customer_name": name,
            "occurred_at": i.occurred_at.astimezone(),
            "kind": i.kind,
            "contact": contact,
            "user": user_name,
            "summary": i.summary,
            "outcome": i.outcome,
            "next_step": i.next_step,
            "satisfaction": i.satisfaction,
            "uid": i.uid,
        }
        for code, name, contact, user_name, i in session.execute(query)
    ]


def revisit_export_rows(session: Session) -> list[dict]:
    owner = aliased(User)
    query = (
        select(Customer.code, Customer.name, owner.name, RevisitPlan)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(owner, owner.id == RevisitPlan.owner_id)
        .where(RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(RevisitPlan.due_on, RevisitPlan.id)
    )
    return [
        {
            "customer_code": code,
            "customer_name": name,
            "due_on": plan.due_on,
            "state": plan.state,
            "purpose": plan.purpose,
            "channel": plan.channel,
            "owner": owner_name,
            "done_on": plan.done_on,
            "uid": plan.uid,
        }
        for code, name, owner_name, plan in session.execute(query)
    ]


def jsonable(value: object) -> object:
    """A row value as JSON carries it: ISO dates and instants, money as decimal text."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _json_default(value: object) -> object:
    converted = jsonable(value)
    if converted is value:
        raise TypeError(f"cannot write {type(value).__name__} to JSON")
    return converted


def contact_export_rows(session: Session) -> list[dict]:
    """One dict per live contact of a live customer, with the keys DESIGN.md fixes for
    `export contacts X.json`: customer_code name phone birthday lunar. `birthday` is YYYY-MM-DD, or
    MM-DD when the year is unknown, in the calendar `lunar` says (a lunar birthday as its lunar
    month and day); None when there is none."""
    query = (
        select(Customer.code, Contact.name, Contact.phone, Contact.birth_year, Contact.birth_month,
               Contact.birth_day, Contact.birth_calendar)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(Customer.code, Contact.id)
    )
    rows = []
    for code, name, phone, year, month, day, calendar in session.execute(query):
        birthday = None
        if month and day:
            birthday = f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        rows.append({"customer_code": code, "name": name, "phone": phone, "birthday": birthday,
                     "lunar": calendar == "lunar"})
    return rows


def export_rows(session: Session, kind: str, as_of: date) -> list[dict]:
    if kind in ("customers", "tiers"):
        return customer_export_rows(session, as_of)
    if kind == "contacts":
        return contact_export_rows(session)
    if kind == "transactions":
        return transaction_export_rows(session)
    if kind == "interactions":
        return interaction_export_rows(session)
    if kind == "revisits":
        return revisit_export_rows(session)
    raise ValidationError(
        f"无法导出“{kind}”（可选：{'、'.join(EXPORT_KINDS)}）",
        f"cannot export '{kind}' (one of: {', '.join(EXPORT_KINDS)})",
        field="kind",
    )


def export_json(session: Session, kind: str, path: Path, as_of: date) -> int:
    """Write a JSON list of row objects; `customers` and `tiers` carry exactly the keys
    DESIGN.md fixes. The file appears whole or not at all. Returns the number of rows."""
    rows = export_rows(session, kind, as_of)
    # One object per line: readable and diffable, and each line goes through the C encoder
    # (json.dump with indent= falls back to the pure-Python one, several times slower).
    encode = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode
    text = "[\n" + ",\n".join(map(encode, rows)) + ("\n]\n" if rows else "]\n")
    write_whole_bytes(Path(path), text.encode("utf-8"))
    return len(rows)
