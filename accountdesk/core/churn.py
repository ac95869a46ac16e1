"""Churn warnings (流失预警): which customers are drifting away, by which rule, with the numbers.

Each rule reads a few figures per customer with set-based queries and decides in Python over
plain tuples, so 100,000 customers cost a few statements, not 100,000 queries. The big reads go
through the session's connection: they want plain rows, and the ORM's row loading cost more
than SQLite's work on them. A signal carries only numbers; its sentences are written only if it becomes a reminder.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from sqlalchemy import case, func, literal, select, true
from sqlalchemy.orm import Session

from accountdesk.core.clock import LocalDays, local_zone
from accountdesk.core.models import (
    Customer,
    Feedback,
    TierPolicy,
    Transaction,
    UTCDateTime,
    cents_to_decimal,
)
from accountdesk.core.reminder_settings import ANY_TIER, ChurnThresholds
from accountdesk.core.revisits import last_contact_of
from accountdesk.core.sql_time import day_ordinal, epoch_seconds, without_index

RULES = ("purchase_gap", "spend_drop", "no_contact", "complaint_unresolved")


@dataclass(slots=True)
class ChurnSignal:
    """One rule firing for one customer (or one complaint), before it becomes a Reminder."""

    rule: str
    customer_id: int
    customer_uid: str
    customer_code: str
    customer_name: str
    tier: str | None
    occurrence: str  # what makes this episode distinct (the last purchase date, the period, the complaint)
    fired_on: date  # the day the rule started to hold: the reminder's due date
    event_on: date | None
    numbers: dict = field(default_factory=dict)
    excerpt: str | None = None

    @property
    def key(self) -> str:
        if self.rule == "complaint_unresolved":
            return f"complaint:{self.occurrence}"
        return f"churn:{self.rule}:{self.customer_uid}:{self.occurrence}"

    @property
    def kind(self) -> str:
        return "complaint" if self.rule == "complaint_unresolved" else "churn"


def _in_scope(column, customer_ids: Collection[int] | None):
    return column.in_(list(customer_ids)) if customer_ids is not None else true()


def _median(values: list[int]) -> float | int:
    values.sort()
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


Raised = Callable[[list[str]], set[str]]


def purchase_signals(session: Session, today: date, rules: ChurnThresholds,
                     customer_ids: Collection[int] | None = None, *, raised: Raised | None = None) -> list[ChurnSignal]:
    """Purchase-gap and spend-drop warnings.

    Three set-based reads instead of one pass that carried every purchase date of every customer:
    each customer's last purchase (an index seek per customer), the spend of the two windows (only
    the rows in them), and the purchase days of just those customers silent long enough to fire.
    With `raised` (which of these keys exist already), a gap warning raised on an earlier day is
    not worked out again: its key names the last purchase, so it cannot differ.
    """
    today_ord = today.toordinal()
    window = max(1, rules.window_days)
    recent_start = today - timedelta(days=window - 1)
    previous_start = recent_start - timedelta(days=window)
    min_previous = max(1, rules.min_previous_spend_cents)
    last_purchase = (
        select(day_ordinal(session, Transaction.occurred_on))
        .where(Transaction.customer_id == Customer.id, Transaction.deleted_at.is_(None),
               Transaction.occurred_on <= today)
        .order_by(Transaction.occurred_on.desc())
        .limit(1)
        .scalar_subquery()
    )
    customers = {
        row[0]: row for row in session.connection().execute(
            select(Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier, last_purchase)
            .where(Customer.deleted_at.is_(None), _in_scope(Customer.id, customer_ids))
        )
        if row[5] is not None
    }
    signals: list[ChurnSignal] = []

    # Purchase gap: only customers silent for at least min_silence days (and more than `factor`
    # days, since a gap is at least one day) can fire.
    factor = rules.gap_factor
    min_days = max(2, rules.min_purchase_days)
    min_silence = rules.min_silence_days
    quiet = {customer_id: row for customer_id, row in customers.items()
             if (silence := today_ord - row[5]) >= min_silence and silence > factor}
    if raised is not None and quiet:
        keys = {customer_id: f"churn:purchase_gap:{row[1]}:{date.fromordinal(row[5]).isoformat()}"
                for customer_id, row in quiet.items()}
        known = raised(list(keys.values()))
        quiet = {customer_id: row for customer_id, row in quiet.items() if keys[customer_id] not in known}
    for customer_id, days in _purchase_days(session, today, sorted(quiet)).items():
        _, uid, code, name, tier, last_ord = quiet[customer_id]
        if len(days) < min_days:
            continue
        days.sort()
        median = _median([b - a for a, b in zip(days[:-1], days[1:], strict=True)])
        threshold = factor * median
        silence = today_ord - last_ord
        if silence > threshold:
            last = date.fromordinal(last_ord)
            fired = last + timedelta(days=max(int(threshold) + 1, min_silence))
            signals.append(ChurnSignal(
                "purchase_gap", customer_id, uid, code, name, tier, last.isoformat(), min(fired, today), last,
                {"days_since_last_purchase": silence, "median_gap_days": median, "factor": factor,
                 "threshold_days": threshold, "last_purchase": last.isoformat(), "purchase_days": len(days)},
            ))

    # Spend drop: the two windows' spend, from the rows in them only.
    # For a 180-day window SQLite would walk the occurred_on index and fetch a fifth of the table
    # in random order (1 s at 2,000,000 transactions); kept off it, it walks the (customer_id,
    # occurred_on) index, tests the date there and fetches only the rows in the window (0.45 s).
    occurred = without_index(session, Transaction.occurred_on)
    spend = (
        select(Transaction.customer_id,
               func.coalesce(func.sum(case((Transaction.occurred_on >= recent_start, Transaction.amount_cents),
                                           else_=0)), 0),
               func.coalesce(func.sum(case((Transaction.occurred_on < recent_start, Transaction.amount_cents),
                                           else_=0)), 0))
        .where(Transaction.deleted_at.is_(None), occurred >= previous_start, occurred <= today,
               _in_scope(Transaction.customer_id, customer_ids))
        .group_by(Transaction.customer_id)
    )
    drop_limit = rules.spend_drop_percent
    period_label = date.fromordinal(max(1, (today_ord // window) * window)).isoformat()
    for customer_id, recent, previous in session.connection().execute(spend):
        # Integer test first (most customers do not fire); the exact percentage only for those that do.
        if previous >= min_previous and (previous - recent) * 100 > drop_limit * previous:
            row = customers.get(customer_id)
            if row is None:  # a deleted customer
                continue
            _, uid, code, name, tier, _last = row
            drop = (Decimal(previous - recent) * 100 / Decimal(previous)).quantize(Decimal("0.1"))
            signals.append(ChurnSignal(
                "spend_drop", customer_id, uid, code, name, tier, period_label, today, today,
                {"window_days": window, "recent_spend": str(cents_to_decimal(recent)),
                 "previous_spend": str(cents_to_decimal(previous)), "drop_percent": str(drop),
                 "threshold_percent": drop_limit,
                 "recent_window": [recent_start.isoformat(), today.isoformat()],
                 "previous_window": [previous_start.isoformat(), (recent_start - timedelta(days=1)).isoformat()]},
            ))
    return signals


_ID_CHUNK = 5000  # well under SQLite's 32,766 bound parameters


def _purchase_days(session: Session, today: date, customer_ids: list[int]) -> dict[int, list[int]]:
    """The distinct purchase days (ordinals) up to today of each of these customers."""
    days: dict[int, set[int]] = {}
    ordinal = day_ordinal(session, Transaction.occurred_on)
    for start in range(0, len(customer_ids), _ID_CHUNK):
        rows = session.connection().execute(
            select(Transaction.customer_id, ordinal)
            .where(Transaction.customer_id.in_(customer_ids[start:start + _ID_CHUNK]),
                   Transaction.deleted_at.is_(None), Transaction.occurred_on <= today)
        )
        for customer_id, day in rows:
            found = days.get(customer_id)
            if found is None:
                days[customer_id] = {day}
            else:
                found.add(day)
    return {customer_id: list(found) for customer_id, found in days.items()}


def contact_signals(session: Session, today: date, rules: ChurnThresholds,
                    customer_ids: Collection[int] | None = None) -> list[ChurnSignal]:
    """No interaction for the tier's number of days (counted from entry into the archive if never)."""
    zone = local_zone()

    def cutoff(limit: int):
        # Silent for more than `limit` days ⟺ last contact before local midnight of today − limit.
        instant = datetime.combine(today - timedelta(days=limit), time(), tzinfo=zone).astimezone(timezone.utc)
        return literal(instant, UTCDateTime())

    tiers = set(session.scalars(select(TierPolicy.tier))) | {t for t in rules.silence_days if t != ANY_TIER}
    limit_of = case(*((Customer.tier == tier, cutoff(rules.silence_for(tier))) for tier in sorted(tiers)),
                    else_=cutoff(rules.silence_for(None)))
    latest = last_contact_of(Customer.id)
    rows = session.connection().execute(
        select(Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier,
               epoch_seconds(session, latest), epoch_seconds(session, Customer.created_at))
        .where(Customer.deleted_at.is_(None), _in_scope(Customer.id, customer_ids),
               func.coalesce(latest, Customer.created_at) < limit_of)
    )
    days = LocalDays(zone)
    today_ord = today.toordinal()
    signals = []
    for customer_id, uid, code, name, tier, last_epoch, created_epoch in rows:
        limit = rules.silence_for(tier)
        base = days.ordinal(last_epoch if last_epoch is not None else (created_epoch or 0))
        silence = today_ord - base
        if silence <= limit:
            continue
        since = date.fromordinal(base)
        never = last_epoch is None
        signals.append(ChurnSignal(
            "no_contact", customer_id, uid, code, name, tier, ("never-" if never else "") + since.isoformat(),
            since + timedelta(days=limit + 1), since,
            {"days_without_contact": silence, "limit_days": limit, "tier": tier,
             "last_contact": None if never else since.isoformat()},
        ))
    return signals


def complaint_signals(session: Session, today: date, rules: ChurnThresholds,
                      customer_ids: Collection[int] | None = None) -> list[ChurnSignal]:
    """Complaints still unresolved `complaint_days` after they were received."""
    cutoff = today - timedelta(days=rules.complaint_days)
    rows = session.execute(
        select(Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier, Feedback.uid,
               Feedback.received_on, Feedback.content)
        .join(Customer, Customer.id == Feedback.customer_id)
        .where(Feedback.kind == "complaint", Feedback.resolved.is_(False), Feedback.deleted_at.is_(None),
               Customer.deleted_at.is_(None), Feedback.received_on <= cutoff,
               _in_scope(Feedback.customer_id, customer_ids))
    )
    signals = []
    for customer_id, uid, code, name, tier, feedback_uid, received_on, content in rows:
        excerpt = (content or "").strip().replace("\n", " ")
        signals.append(ChurnSignal(
            "complaint_unresolved", customer_id, uid, code, name, tier, feedback_uid,
            received_on + timedelta(days=rules.complaint_days), received_on,
            {"days_open": (today - received_on).days, "limit_days": rules.complaint_days,
             "received_on": received_on.isoformat()},
            excerpt if len(excerpt) <= 60 else excerpt[:59] + "…",
        ))
    return signals


def churn_signals(session: Session, today: date, rules: ChurnThresholds,
                  customer_ids: Collection[int] | None = None, *, raised: Raised | None = None) -> list[ChurnSignal]:
    """Every rule's signals; with `raised`, signals whose reminder exists may be left out early."""
    return (purchase_signals(session, today, rules, customer_ids, raised=raised)
            + contact_signals(session, today, rules, customer_ids)
            + complaint_signals(session, today, rules, customer_ids))


# --- sentences -----------------------------------------------------------------------------------


def _num(value: float | int) -> str:
    return f"{value:g}"


def _money(text: str) -> str:
    return f"{Decimal(text):,.2f}"


def describe(signal: ChurnSignal) -> tuple[str, str, str, str]:
    """(subject zh, subject en, detail zh, detail en): which rule fired, with its numbers."""
    n, name = signal.numbers, signal.customer_name
    if signal.rule == "purchase_gap":
        return (
            f"购买间隔异常 · {name}", f"Purchases overdue · {name}",
            f"距上次购买（{n['last_purchase']}）已 {n['days_since_last_purchase']} 天，超过其典型购买间隔 "
            f"{_num(n['median_gap_days'])} 天的 {_num(n['factor'])} 倍（{_num(n['threshold_days'])} 天）。",
            f"{n['days_since_last_purchase']} days since the last purchase ({n['last_purchase']}), more than "
            f"{_num(n['factor'])} × the customer's typical gap of {_num(n['median_gap_days'])} days "
            f"({_num(n['threshold_days'])} days).",
        )
    if signal.rule == "spend_drop":
        w = n["window_days"]
        return (
            f"消费额下降 · {name}", f"Spend falling · {name}",
            f"近 {w} 天消费 {_money(n['recent_spend'])} 元，前 {w} 天 {_money(n['previous_spend'])} 元，"
            f"下降 {n['drop_percent']}%（阈值 {n['threshold_percent']}%）。",
            f"Spend in the last {w} days {_money(n['recent_spend'])} vs {_money(n['previous_spend'])} in the {w} days "
            f"before: down {n['drop_percent']}% (threshold {n['threshold_percent']}%).",
        )
    if signal.rule == "no_contact":
        last = n["last_contact"]
        tier = signal.tier
        return (
            f"长期未联系 · {name}", f"No contact · {name}",
            f"已 {n['days_without_contact']} 天没有任何联系记录" + (f"（上次 {last}）" if last else "（建档以来从未联系）")
            + f"，超过 {tier or '未分级'} 级客户的 {n['limit_days']} 天。",
            f"No interaction for {n['days_without_contact']} days" + (f" (last {last})" if last else
                                                                       " (never contacted since entry)")
            + f", more than the {n['limit_days']} days allowed for tier {tier or '(none)'}.",
        )
    return (
        f"投诉未解决 · {name}", f"Complaint unresolved · {name}",
        f"投诉（{n['received_on']}）已 {n['days_open']} 天未解决，超过 {n['limit_days']} 天：{signal.excerpt}",
        f"Complaint of {n['received_on']} unresolved for {n['days_open']} days, more than {n['limit_days']}: "
        f"{signal.excerpt}",
    )
