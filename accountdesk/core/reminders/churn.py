"""Churn warnings (流失预警): which customers are drifting away, by which rule, with the numbers.

The purchase and contact rules decide on a few integers per customer (see activity.py): the
daily pass reads them from the `customer_activity` table, letting the database pick the few
customers that may fire; a pass over some customers works them out from their rows. A signal
carries only numbers; its sentences are written only if it becomes a reminder.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import case, exists, func, literal, or_, select, true
from sqlalchemy.orm import Session

from accountdesk.core.figures import churn_figures as activity
from accountdesk.core.figures.churn_figures import Activity
from accountdesk.core.reminders.settings import ANY_TIER, ChurnThresholds
from accountdesk.core.storage.models import (
    Customer,
    CustomerActivity,
    Feedback,
    Reminder,
    TierPolicy,
    cents_to_decimal,
)
from accountdesk.core.storage.sql import ordinal_text

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


Identity = tuple[int, str, str, str, "str | None"]  # id, uid, code, name, tier


def _limits(rules: ChurnThresholds, tiers: Collection[str]) -> dict[str | None, int]:
    return {**{tier: rules.silence_for(tier) for tier in tiers}, None: rules.silence_for(None)}


def activity_signals(today: date, rules: ChurnThresholds,
                     rows: Iterable[tuple[Identity, Activity]]) -> list[ChurnSignal]:
    """The purchase-gap, spend-drop and no-contact rules over each customer's figures."""
    today_ord = today.toordinal()
    window = max(1, rules.window_days)
    recent_start = today - timedelta(days=window - 1)
    previous_start = recent_start - timedelta(days=window)
    period_label = date.fromordinal(max(1, (today_ord // window) * window)).isoformat()
    factor, min_silence = rules.gap_factor, rules.min_silence_days
    min_days = max(2, rules.min_purchase_days)
    min_previous = max(1, rules.min_previous_spend_cents)
    drop_limit = rules.spend_drop_percent
    signals: list[ChurnSignal] = []
    for (customer_id, uid, code, name, tier), figures in rows:
        last_ord = figures.last_purchase_day
        # Purchase gap: silent for more than `factor` × the customer's own median gap (and at
        # least min_silence days), once there are enough purchase days for a typical gap.
        if last_ord is not None and figures.purchase_days >= min_days and figures.median_gap is not None:
            silence = today_ord - last_ord
            median = figures.median_gap
            median = int(median) if median == int(median) else median
            threshold = factor * median
            if silence >= min_silence and silence > threshold:
                last = date.fromordinal(last_ord)
                fired = last + timedelta(days=max(int(threshold) + 1, min_silence))
                signals.append(ChurnSignal(
                    "purchase_gap", customer_id, uid, code, name, tier, last.isoformat(), min(fired, today), last,
                    {"days_since_last_purchase": silence, "median_gap_days": median, "factor": factor,
                     "threshold_days": threshold, "last_purchase": last.isoformat(),
                     "purchase_days": figures.purchase_days},
                ))
        # Spend drop: the recent window against the one before (integer test first).
        recent, previous = figures.recent_spend_cents, figures.previous_spend_cents
        if previous >= min_previous and (previous - recent) * 100 > drop_limit * previous:
            drop = (Decimal(previous - recent) * 100 / Decimal(previous)).quantize(Decimal("0.1"))
            signals.append(ChurnSignal(
                "spend_drop", customer_id, uid, code, name, tier, period_label, today, today,
                {"window_days": window, "recent_spend": str(cents_to_decimal(recent)),
                 "previous_spend": str(cents_to_decimal(previous)), "drop_percent": str(drop),
                 "threshold_percent": drop_limit,
                 "recent_window": [recent_start.isoformat(), today.isoformat()],
                 "previous_window": [previous_start.isoformat(), (recent_start - timedelta(days=1)).isoformat()]},
            ))
        # No contact for the tier's number of days (counted from entry into the archive if never).
        limit = rules.silence_for(tier)
        never = figures.last_contact_day is None
        base = figures.entered_day if never else figures.last_contact_day
        silence = today_ord - base
        if silence > limit:
            since = date.fromordinal(base)
            signals.append(ChurnSignal(
                "no_contact", customer_id, uid, code, name, tier, ("never-" if never else "") + since.isoformat(),
                since + timedelta(days=limit + 1), since,
                {"days_without_contact": silence, "limit_days": limit, "tier": tier,
                 "last_contact": None if never else since.isoformat()},
            ))
    return signals


_IDENTITY = (Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier)


def _computed_rows(session: Session, today: date, rules: ChurnThresholds,
                   customer_ids: Collection[int] | None) -> Iterator[tuple[Identity, Activity]]:
    figures = {f.customer_id: f for f in activity.compute(session, today, rules.window_days, customer_ids)}
    for chunk in activity.id_chunks(None if customer_ids is None else figures):
        query = select(*_IDENTITY).where(Customer.deleted_at.is_(None), _in_scope(Customer.id, chunk))
        for identity in session.connection().execute(query):
            found = figures.get(identity[0])
            if found is not None:
                yield tuple(identity), found


def _stored_rows(session: Session, today: date, rules: ChurnThresholds,
                 after: date | None = None) -> Iterator[tuple[Identity, Activity]]:
    """Only the customers with a warning not raised yet: the database tests each rule on the
    stored figures (a little loosely, for the float arithmetic), builds the warning's key and
    looks it up among the reminders; the exact test runs in Python on what is left.

    With `after` (the day of the last run), only silences that crossed their limit since then,
    and spend drops of figures that changed since (or of everyone, in a new period), are looked
    at; a customer whose rows changed since is looked at from its rows.
    """
    a = CustomerActivity
    today_ord = today.toordinal()
    tiers = set(session.scalars(select(TierPolicy.tier))) | {t for t in rules.silence_days if t != ANY_TIER}
    limits = _limits(rules, sorted(tiers))

    def before_limit(day_ord: int):
        """The day a silence counted from must precede to pass its tier's limit by `day_ord`."""
        return case(*((Customer.tier == tier, day_ord - limit) for tier, limit in limits.items() if tier is not None),
                    else_=day_ord - limits[None])

    window = max(1, rules.window_days)
    period_label = date.fromordinal(max(1, (today_ord // window) * window)).isoformat()

    def new(rule: str, occurrence):
        key = literal(f"churn:{rule}:") + Customer.uid + literal(":") + occurrence
        return ~exists().where(Reminder.key == key)

    gap = ((a.purchase_days >= max(2, rules.min_purchase_days))
           & (a.last_purchase_day <= today_ord - rules.min_silence_days)
           & (literal(today_ord) - a.last_purchase_day + 1 > a.median_gap * rules.gap_factor))
    drop = ((a.previous_spend_cents >= max(1, rules.min_previous_spend_cents))
            & ((a.previous_spend_cents - a.recent_spend_cents) * 100 + 1 > a.previous_spend_cents * rules.spend_drop_percent))
    contact_base = func.coalesce(a.last_contact_day, a.entered_day)
    silent = contact_base < before_limit(today_ord)
    if after is not None:
        after_ord = after.toordinal()
        # A gap fires on last + max(int(factor × median) + 1, min_silence): not by `after`.
        wait = a.median_gap * rules.gap_factor + 1
        gap = gap & (a.last_purchase_day + case((wait > rules.min_silence_days, wait),
                                                else_=rules.min_silence_days) + 1 > after_ord)
        silent = silent & (contact_base >= before_limit(after_ord))
        if after_ord // window == today_ord // window:  # the same period: only figures that changed
            drop = drop & (a.changed_day > after_ord)
    gap = gap & new("purchase_gap", ordinal_text(session, a.last_purchase_day))
    drop = drop & new("spend_drop", literal(period_label))
    silent = silent & new("no_contact", case((a.last_contact_day.is_(None), literal("never-")), else_=literal(""))
                          + ordinal_text(session, contact_base))
    query = (select(*_IDENTITY, *(getattr(a, name) for name in activity.COLUMNS))
             .join(a, a.customer_id == Customer.id)
             .where(Customer.deleted_at.is_(None), or_(gap, drop, silent)))
    for row in session.connection().execute(query):
        yield tuple(row[:5]), Activity(*row[5:])




def complaint_signals(session: Session, today: date, rules: ChurnThresholds,
                      customer_ids: Collection[int] | None = None, after: date | None = None) -> list[ChurnSignal]:
    """Complaints still unresolved `complaint_days` after they were received (with `after`, only
    those whose limit passed since that day)."""
    cutoff = today - timedelta(days=rules.complaint_days)
    since = None if after is None else after - timedelta(days=rules.complaint_days)
    rows = session.execute(
        select(Customer.id, Customer.uid, Customer.code, Customer.name, Customer.tier, Feedback.uid,
               Feedback.received_on, Feedback.content)
        .join(Customer, Customer.id == Feedback.customer_id)
        .where(Feedback.kind == "complaint", Feedback.resolved.is_(False), Feedback.deleted_at.is_(None),
               Customer.deleted_at.is_(None), Feedback.received_on <= cutoff,
               true() if since is None else Feedback.received_on > since,
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
                  customer_ids: Collection[int] | None = None, *, stored: bool = False,
                  after: date | None = None) -> list[ChurnSignal]:
    """Every rule's signals for these customers (None: all of them).

    `stored` takes everyone's purchase and contact figures from the `customer_activity` table,
    which the caller has just refreshed (the reminder run's daily pass); otherwise they are worked
    out from the rows now. `after` (stored only): warnings raised on that day are known, so only
    what came since is looked for (see _stored_rows).
    """
    if stored and customer_ids is None:
        rows = _stored_rows(session, today, rules, after)
    else:
        after = None
        rows = _computed_rows(session, today, rules, customer_ids)
    return activity_signals(today, rules, rows) + complaint_signals(session, today, rules, customer_ids, after)


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
    # One reminder per complaint: its date and gist in the subject tell two complaints apart.
    gist = (signal.excerpt or "")[:30]
    return (
        f"投诉未解决 · {name} · {n['received_on']} {gist}".rstrip(),
        f"Complaint unresolved · {name} · {n['received_on']} {gist}".rstrip(),
        f"投诉（{n['received_on']}）已 {n['days_open']} 天未解决，超过 {n['limit_days']} 天：{signal.excerpt}",
        f"Complaint of {n['received_on']} unresolved for {n['days_open']} days, more than {n['limit_days']}: "
        f"{signal.excerpt}",
    )
