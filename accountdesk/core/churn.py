"""Churn warnings (流失预警): which customers are drifting away, by which rule, with the numbers.

Each rule reads a few aggregates per customer with one set-based query and decides in Python
over plain tuples, so 100,000 customers cost one pass over their transactions, not 100,000 queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import String, case, cast, distinct, func, literal_column, select
from sqlalchemy.orm import Session

from accountdesk.core.clock import LocalDays
from accountdesk.core.models import Customer, Feedback, Interaction, Transaction, cents_to_decimal
from accountdesk.core.reminder_settings import ChurnThresholds
from accountdesk.core.sql_time import day_ordinal, dialect_name, epoch_seconds


@dataclass
class ChurnSignal:
    """One rule firing for one customer (or one complaint), before it becomes a Reminder."""

    rule: str  # purchase_gap | spend_drop | no_contact | complaint_unresolved
    customer_id: int
    occurrence: str  # what makes this episode distinct (the last purchase date, the period …)
    fired_on: date  # the day the rule started to hold: the reminder's due date
    event_on: date | None
    subject_zh: str
    subject_en: str
    detail_zh: str
    detail_en: str
    numbers: dict = field(default_factory=dict)
    feedback_uid: str | None = None


def _money(cents: int) -> str:
    return f"{cents_to_decimal(cents):,.2f}"


def _gap_text(value: float) -> str:
    return f"{value:g}"


def _distinct_days_agg(session: Session, ordinal):
    if dialect_name(session) == "postgresql":
        return func.string_agg(distinct(cast(ordinal, String)), literal_column("','"))
    return func.group_concat(distinct(ordinal))  # SQLite allows DISTINCT only with the default ","


def purchase_signals(session: Session, today: date, rules: ChurnThresholds) -> list[ChurnSignal]:
    """Purchase-gap and spend-drop warnings from one grouped pass over live transactions."""
    today_ord = today.toordinal()
    window = max(1, rules.window_days)
    recent_start = today - timedelta(days=window - 1)
    previous_start = recent_start - timedelta(days=window)
    ordinal = day_ordinal(session, Transaction.occurred_on)
    in_recent = Transaction.occurred_on.between(recent_start, today)
    in_previous = Transaction.occurred_on.between(previous_start, recent_start - timedelta(days=1))
    query = (
        select(
            Transaction.customer_id,
            func.max(ordinal),
            func.count(distinct(Transaction.occurred_on)),
            func.coalesce(func.sum(case((in_recent, Transaction.amount_cents), else_=0)), 0),
            func.coalesce(func.sum(case((in_previous, Transaction.amount_cents), else_=0)), 0),
            _distinct_days_agg(session, ordinal),
        )
        .join(Customer, Customer.id == Transaction.customer_id)
        .where(Transaction.deleted_at.is_(None), Customer.deleted_at.is_(None), Transaction.occurred_on <= today)
        .group_by(Transaction.customer_id)
    )
    factor = rules.gap_factor
    min_days = max(2, rules.min_purchase_days)
    min_silence = rules.min_silence_days
    drop_limit = Decimal(rules.spend_drop_percent)
    period = today_ord // window
    period_label = date.fromordinal(max(1, period * window)).isoformat()
    signals: list[ChurnSignal] = []
    for customer_id, last_ord, day_count, recent, previous, days_text in session.execute(query):
        silence = today_ord - last_ord
        if day_count >= min_days and silence >= min_silence and silence > factor:
            days = sorted(int(value) for value in str(days_text).split(","))
            gaps = sorted(b - a for a, b in zip(days[:-1], days[1:], strict=True))
            middle = len(gaps) // 2
            median = gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2
            threshold = factor * median
            if silence > threshold:
                last = date.fromordinal(last_ord)
                fired = last + timedelta(days=max(int(threshold) + 1, min_silence))
                signals.append(ChurnSignal(
                    rule="purchase_gap", customer_id=customer_id, occurrence=last.isoformat(),
                    fired_on=min(fired, today), event_on=last,
                    subject_zh="购买间隔异常", subject_en="Purchases overdue",
                    detail_zh=(f"距上次购买（{last.isoformat()}）已 {silence} 天，超过其典型购买间隔 "
                               f"{_gap_text(median)} 天的 {_gap_text(factor)} 倍（{_gap_text(threshold)} 天）。"),
                    detail_en=(f"{silence} days since the last purchase ({last.isoformat()}), more than "
                               f"{_gap_text(factor)} × the customer's typical gap of {_gap_text(median)} days "
                               f"({_gap_text(threshold)} days)."),
                    numbers={"days_since_last_purchase": silence, "median_gap_days": median, "factor": factor,
                             "threshold_days": threshold, "last_purchase": last.isoformat(),
                             "purchase_days": day_count},
                ))
        if previous > 0 and previous >= rules.min_previous_spend_cents:
            drop = (Decimal(previous - recent) * 100 / Decimal(previous)).quantize(Decimal("0.1"))
            if drop > drop_limit:
                signals.append(ChurnSignal(
                    rule="spend_drop", customer_id=customer_id, occurrence=period_label,
                    fired_on=today, event_on=today,
                    subject_zh="消费额下降", subject_en="Spend falling",
                    detail_zh=(f"近 {window} 天消费 {_money(recent)} 元，前 {window} 天 {_money(previous)} 元，"
                               f"下降 {drop}%（阈值 {rules.spend_drop_percent}%）。"),
                    detail_en=(f"Spend in the last {window} days {_money(recent)} vs {_money(previous)} in the "
                               f"{window} days before: down {drop}% (threshold {rules.spend_drop_percent}%)."),
                    numbers={"window_days": window, "recent_spend": str(cents_to_decimal(recent)),
                             "previous_spend": str(cents_to_decimal(previous)), "drop_percent": str(drop),
                             "threshold_percent": rules.spend_drop_percent,
                             "recent_window": [recent_start.isoformat(), today.isoformat()],
                             "previous_window": [previous_start.isoformat(),
                                                 (recent_start - timedelta(days=1)).isoformat()]},
                ))
    return signals


def contact_signals(session: Session, today: date, rules: ChurnThresholds) -> list[ChurnSignal]:
    """No interaction for the tier's number of days (counted from entry into the archive if never)."""
    days = LocalDays()
    latest = (
        select(Interaction.customer_id, func.max(Interaction.occurred_at).label("last_at"))
        .where(Interaction.deleted_at.is_(None))
        .group_by(Interaction.customer_id)
        .subquery()
    )
    rows = session.execute(
        select(Customer.id, Customer.tier, epoch_seconds(session, latest.c.last_at),
               epoch_seconds(session, Customer.created_at))
        .outerjoin(latest, latest.c.customer_id == Customer.id)
        .where(Customer.deleted_at.is_(None))
    )
    today_ord = today.toordinal()
    signals = []
    for customer_id, tier, last_epoch, created_epoch in rows:
        limit = rules.silence_for(tier)
        base = days.ordinal(last_epoch if last_epoch is not None else (created_epoch or 0))
        silence = today_ord - base
        if silence <= limit:
            continue
        since = date.fromordinal(base)
        never = last_epoch is None
        signals.append(ChurnSignal(
            rule="no_contact", customer_id=customer_id,
            occurrence=("never-" if never else "") + since.isoformat(),
            fired_on=since + timedelta(days=limit + 1), event_on=since,
            subject_zh="长期未联系", subject_en="No contact",
            detail_zh=(f"已 {silence} 天没有任何联系记录" + ("（建档以来从未联系）" if never else f"（上次 {since.isoformat()}）")
                       + f"，超过 {tier or '未分级'} 级客户的 {limit} 天。"),
            detail_en=(f"No interaction for {silence} days" + (" (never contacted since entry)" if never
                                                               else f" (last {since.isoformat()})")
                       + f", more than the {limit} days allowed for tier {tier or '(none)'}."),
            numbers={"days_without_contact": silence, "limit_days": limit, "tier": tier,
                     "last_contact": None if never else since.isoformat()},
        ))
    return signals


def complaint_signals(session: Session, today: date, rules: ChurnThresholds) -> list[ChurnSignal]:
    """Complaints still unresolved `complaint_days` after they were received."""
    cutoff = today - timedelta(days=rules.complaint_days)
    rows = session.execute(
        select(Feedback.customer_id, Feedback.uid, Feedback.received_on, Feedback.content)
        .join(Customer, Customer.id == Feedback.customer_id)
        .where(Feedback.kind == "complaint", Feedback.resolved.is_(False), Feedback.deleted_at.is_(None),
               Customer.deleted_at.is_(None), Feedback.received_on <= cutoff)
    )
    signals = []
    for customer_id, uid, received_on, content in rows:
        open_days = (today - received_on).days
        excerpt = (content or "").strip().replace("\n", " ")
        excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
        signals.append(ChurnSignal(
            rule="complaint_unresolved", customer_id=customer_id, occurrence=uid,
            fired_on=received_on + timedelta(days=rules.complaint_days), event_on=received_on,
            subject_zh="投诉未解决", subject_en="Complaint unresolved",
            detail_zh=f"投诉（{received_on.isoformat()}）已 {open_days} 天未解决，超过 {rules.complaint_days} 天：{excerpt}",
            detail_en=(f"Complaint of {received_on.isoformat()} unresolved for {open_days} days, more than "
                       f"{rules.complaint_days}: {excerpt}"),
            numbers={"days_open": open_days, "limit_days": rules.complaint_days,
                     "received_on": received_on.isoformat()},
            feedback_uid=uid,
        ))
    return signals


def churn_signals(session: Session, today: date, rules: ChurnThresholds) -> list[ChurnSignal]:
    return (purchase_signals(session, today, rules) + contact_signals(session, today, rules)
            + complaint_signals(session, today, rules))

