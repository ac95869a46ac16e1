"""Assessment figures (考核): tier distribution and value, tier migration, retention, satisfaction, revisits on time, per owner."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accountdesk.core.reminders.settings import load_reminder_settings
from accountdesk.core.storage.models import (
    LEVELS,
    LIFECYCLE_STAGES,
    NEED_TYPES,
    Customer,
    CustomerFigures,
    Interaction,
    RevisitPlan,
    TierChange,
    Transaction,
    User,
)
from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.segments import FREQUENCY_LEVELS, frequency_bands

NO_TIER = "—"


def _utc_start(day: date) -> datetime:
    """The first instant of a local day, in UTC (interactions are stored as instants)."""
    return datetime.combine(day, time.min).astimezone().astimezone(timezone.utc)


def _live_customers():
    return Customer.deleted_at.is_(None)


@dataclass(frozen=True)
class TierFigures:
    tier: str
    customers: int
    spend_cents: int  # in the period
    share_of_spend: float


def tier_distribution(session: Session, start: date, end: date) -> list[TierFigures]:
    """Customers per tier and what they spent between start and end (inclusive)."""
    counts = dict(
        session.execute(
            select(func.coalesce(Customer.tier, NO_TIER), func.count()).where(_live_customers()).group_by(Customer.tier)
        ).all()
    )
    spend = dict(
        session.execute(
            select(func.coalesce(Customer.tier, NO_TIER), func.sum(Transaction.amount_cents))
            .join(Customer, Customer.id == Transaction.customer_id)
            .where(_live_customers(), Transaction.deleted_at.is_(None), Transaction.occurred_on.between(start, end))
            .group_by(Customer.tier)
        ).all()
    )
    total = sum(int(v or 0) for v in spend.values()) or 1
    tiers = sorted(set(counts) | set(spend), key=lambda t: (t == NO_TIER, t))
    return [
        TierFigures(tier, int(counts.get(tier, 0)), int(spend.get(tier) or 0), int(spend.get(tier) or 0) / total)
        for tier in tiers
    ]


def tiers_at(session: Session, moment: date) -> dict[int, str | None]:
    """Each customer's tier at the end of a day, from the tier history."""
    cutoff = _utc_start(moment + timedelta(days=1))
    latest = (
        select(TierChange.customer_id, func.max(TierChange.id).label("last_id"))
        .where(TierChange.changed_at < cutoff, TierChange.deleted_at.is_(None))
        .group_by(TierChange.customer_id)
        .subquery()
    )
    rows = session.execute(select(TierChange.customer_id, TierChange.new_tier).join(latest, TierChange.id == latest.c.last_id))
    return dict(rows.all())


@dataclass
class MigrationMatrix:
    """How many customers moved from which tier to which between two dates."""

    start: date
    end: date
    tiers: list[str]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def moved(self) -> int:
        return sum(n for old, row in self.counts.items() for new, n in row.items() if old != new)

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "tiers": self.tiers, "counts": self.counts}


def tier_migration(session: Session, start: date, end: date) -> MigrationMatrix:
    before, after = tiers_at(session, start), tiers_at(session, end)
    live = set(session.scalars(select(Customer.id).where(_live_customers())))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for customer_id in live & (set(before) | set(after)):
        counts[before.get(customer_id) or NO_TIER][after.get(customer_id) or NO_TIER] += 1
    tiers = sorted({t for row in counts for t in (row, *counts[row])}, key=lambda t: (t == NO_TIER, t))
    return MigrationMatrix(start, end, tiers, {k: dict(v) for k, v in counts.items()})


@dataclass(frozen=True)
class RetentionFigure:
    start: date
    end: date
    base: int  # customers who bought in the period before
    retained: int  # of those, customers who bought again in this period

    @property
    def rate(self) -> float | None:
        return self.retained / self.base if self.base else None


def _buyers(session: Session, start: date, end: date) -> set[int]:
    return set(
        session.scalars(
            select(Transaction.customer_id)
            .where(Transaction.deleted_at.is_(None), Transaction.occurred_on.between(start, end))
            .distinct()
        )
    )


def month_periods(end: date, count: int, today: date | None = None) -> list[tuple[date, date]]:
    """The last `count` calendar months up to and including the month of `end`, oldest first; with
    `today`, only months that have ended (a month still running would show its few days as a fall)."""
    if today is not None and end >= today:
        end = today.replace(day=1) - timedelta(days=1)
    periods = []
    year, month = end.year, end.month
    for _ in range(count):
        first = date(year, month, 1)
        last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
        periods.append((first, last))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return periods[::-1]


def retention(session: Session, periods: list[tuple[date, date]]) -> list[RetentionFigure]:
    """Per period: of the customers who bought in the period before, how many bought again."""
    figures = []
    for start, end in periods:
        length = (end - start).days + 1
        base = _buyers(session, start - timedelta(days=length), start - timedelta(days=1))
        figures.append(RetentionFigure(start, end, len(base), len(base & _buyers(session, start, end))))
    return figures


def satisfaction_by_tier(session: Session, start: date, end: date) -> dict[str, tuple[float, int]]:
    """Mean interaction satisfaction per current tier: tier → (mean, number of scores)."""
    rows = session.execute(
        select(func.coalesce(Customer.tier, NO_TIER), func.avg(Interaction.satisfaction), func.count(Interaction.satisfaction))
        .join(Customer, Customer.id == Interaction.customer_id)
        .where(
            _live_customers(),
            Interaction.deleted_at.is_(None),
            Interaction.satisfaction.is_not(None),
            Interaction.occurred_at >= _utc_start(start),
            Interaction.occurred_at < _utc_start(end + timedelta(days=1)),
        )
        .group_by(Customer.tier)
    )
    return {tier: (round(float(mean), 2), int(n)) for tier, mean, n in rows if n}


@dataclass(frozen=True)
class RevisitFigures:
    due: int  # revisits due in the period (done, skipped or still open)
    done_on_time: int
    done_late: int
    open_overdue: int
    pending: int = 0  # still open and not late yet (within the grace): not decided either way

    @property
    def decided(self) -> int:
        return self.due - self.pending

    @property
    def on_time_rate(self) -> float | None:
        """Done on time among the revisits whose outcome is known: a period that has not ended is not
        marked down for visits whose grace is still running."""
        return self.done_on_time / self.decided if self.decided else None


def revisits_on_time(session: Session, start: date, end: date, today: date, grace_days: int = 7) -> RevisitFigures:
    """Revisits due in the period and how they went; a revisit a logged contact completed counts
    like one completed from the calendar. Follow-ups (a next step's to-do) are not revisits."""
    plans = session.execute(
        select(RevisitPlan.due_on, RevisitPlan.state, RevisitPlan.done_on).where(
            RevisitPlan.deleted_at.is_(None), RevisitPlan.due_on.between(start, end),
            RevisitPlan.origin_interaction_id.is_(None),
        )
    ).all()
    on_time = late = overdue = pending = 0
    for due_on, state, done_on in plans:
        if state == "done" and done_on is not None:
            if done_on <= due_on + timedelta(days=grace_days):
                on_time += 1
            else:
                late += 1
        elif state == "planned" and due_on + timedelta(days=grace_days) < today:
            overdue += 1
        elif state == "planned":
            pending += 1
    return RevisitFigures(len(plans), on_time, late, overdue, pending)


@dataclass(frozen=True)
class ChurnRiskRow:
    customer_id: int
    code: str
    name: str
    tier: str | None
    stage: str
    owner: str | None
    total_spend_cents: int


def churn_risk_list(session: Session, limit: int = 50) -> list[ChurnRiskRow]:
    """Customers at risk or churned, the most valuable first (the ones worth a win-back call)."""
    spend = (
        select(Transaction.customer_id, func.sum(Transaction.amount_cents).label("spend"))
        .where(Transaction.deleted_at.is_(None))
        .group_by(Transaction.customer_id)
        .subquery()
    )
    rows = session.execute(
        select(Customer.id, Customer.code, Customer.name, Customer.tier, Customer.stage, User.name,
               func.coalesce(spend.c.spend, 0))
        .outerjoin(spend, spend.c.customer_id == Customer.id)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(_live_customers(), Customer.stage.in_(("at_risk", "churned")))
        .order_by(func.coalesce(spend.c.spend, 0).desc(), Customer.code)
        .limit(limit)
    )
    return [ChurnRiskRow(*row[:6], int(row[6])) for row in rows]


@dataclass
class OwnerFigures:
    owner: str
    customers: int = 0
    tier_counts: dict[str, int] = field(default_factory=dict)
    spend_cents: int = 0
    interactions: int = 0
    mean_satisfaction: float | None = None
    revisits_due: int = 0
    revisits_on_time: int = 0
    at_risk: int = 0
    revisits_pending: int = 0  # open and still within their grace

    @property
    def on_time_rate(self) -> float | None:
        decided = self.revisits_due - self.revisits_pending
        return self.revisits_on_time / decided if decided else None


def per_owner(session: Session, start: date, end: date, grace_days: int = 7, today: date | None = None
              ) -> list[OwnerFigures]:
    """The figures a team lead reviews per key-account manager for a period."""
    unassigned = "—"
    owners: dict[str, OwnerFigures] = {}

    def row(name: str | None) -> OwnerFigures:
        key = name or unassigned
        return owners.setdefault(key, OwnerFigures(owner=key))

    tier_counts: dict[str, Counter] = defaultdict(Counter)
    for owner, tier, stage, n in session.execute(
        select(User.name, Customer.tier, Customer.stage, func.count())
        .outerjoin(User, User.id == Customer.owner_id)
        .where(_live_customers())
        .group_by(User.name, Customer.tier, Customer.stage)
    ):
        figures = row(owner)
        figures.customers += n
        tier_counts[figures.owner][tier or NO_TIER] += n
        if stage in ("at_risk", "churned"):
            figures.at_risk += n
    for owner, spend in session.execute(
        select(User.name, func.sum(Transaction.amount_cents))
        .join(Customer, Customer.id == Transaction.customer_id)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(_live_customers(), Transaction.deleted_at.is_(None), Transaction.occurred_on.between(start, end))
        .group_by(User.name)
    ):
        row(owner).spend_cents = int(spend or 0)
    for owner, n, mean in session.execute(
        select(User.name, func.count(Interaction.id), func.avg(Interaction.satisfaction))
        .join(Customer, Customer.id == Interaction.customer_id)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(
            _live_customers(),
            Interaction.deleted_at.is_(None),
            Interaction.occurred_at >= _utc_start(start),
            Interaction.occurred_at < _utc_start(end + timedelta(days=1)),
        )
        .group_by(User.name)
    ):
        figures = row(owner)
        figures.interactions = int(n)
        figures.mean_satisfaction = round(float(mean), 2) if mean is not None else None
    for owner, due_on, state, done_on in session.execute(
        select(User.name, RevisitPlan.due_on, RevisitPlan.state, RevisitPlan.done_on)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(User, User.id == Customer.owner_id)
        .where(_live_customers(), RevisitPlan.deleted_at.is_(None), RevisitPlan.due_on.between(start, end),
               RevisitPlan.origin_interaction_id.is_(None))
    ):
        figures = row(owner)
        figures.revisits_due += 1
        if state == "done" and done_on is not None and done_on <= due_on + timedelta(days=grace_days):
            figures.revisits_on_time += 1
        elif state == "planned" and today is not None and due_on + timedelta(days=grace_days) >= today:
            figures.revisits_pending += 1
    for name, figures in owners.items():
        figures.tier_counts = dict(sorted(tier_counts[name].items()))
    return sorted(owners.values(), key=lambda f: (f.owner == unassigned, -f.spend_cents, f.owner))


# The classes statistics break down by (客户分类), each with its codes in the method's order;
# a customer with no value for one is counted under NO_TIER ("—").
SEGMENT_DIMENSIONS: dict[str, tuple[str, ...]] = {
    "stage": LIFECYCLE_STAGES,
    "need_type": NEED_TYPES,
    "purchasing_power": LEVELS,
    "frequency_level": FREQUENCY_LEVELS,
    "rfm_segment": tuple(SEGMENT_LABELS),
}


@dataclass(frozen=True)
class SegmentFigures:
    """One class of customers over a period: how many, what they spent, how satisfied they were,
    and how many of those who bought in the period before bought again in it."""

    segment: str
    customers: int
    spend_cents: int
    satisfaction_sum: int
    satisfaction_count: int
    retention_base: int
    retained: int

    @property
    def mean_satisfaction(self) -> float | None:
        return round(self.satisfaction_sum / self.satisfaction_count, 2) if self.satisfaction_count else None

    @property
    def retention_rate(self) -> float | None:
        return self.retained / self.retention_base if self.retention_base else None

    def as_dict(self) -> dict:
        return {"segment": self.segment, "customers": self.customers, "spend_cents": self.spend_cents,
                "mean_satisfaction": self.mean_satisfaction, "satisfaction_scores": self.satisfaction_count,
                "retention_base": self.retention_base, "retained": self.retained,
                "retention_rate": self.retention_rate}


def segment_breakdown(session: Session, start: date, end: date) -> dict[str, list[SegmentFigures]]:
    """Per class (SEGMENT_DIMENSIONS) and value: customers, spend, satisfaction and retention for
    the days start..end; retention compares with the same number of days just before, as the
    period's headline figure does. Customers are placed by their classes now (stage and segment
    as last graded, frequency from the kept figures)."""
    classes: dict[int, tuple[str | None, ...]] = {}
    bands = frequency_bands(session)
    for cid, stage, need, power, segment, window_days, all_days in session.execute(
        select(Customer.id, Customer.stage, Customer.need_type, Customer.purchasing_power, Customer.rfm_segment,
               CustomerFigures.window_days, CustomerFigures.purchase_days)
        .outerjoin(CustomerFigures, CustomerFigures.customer_id == Customer.id)
        .where(_live_customers())
    ):
        classes[cid] = (stage, need, power, bands.level_of_days(window_days or 0, all_days or 0), segment)
    spend = dict(session.execute(
        select(Transaction.customer_id, func.sum(Transaction.amount_cents))
        .where(Transaction.deleted_at.is_(None), Transaction.occurred_on.between(start, end))
        .group_by(Transaction.customer_id)
    ).all())
    scores = {cid: (int(total), int(n)) for cid, total, n in session.execute(
        select(Interaction.customer_id, func.sum(Interaction.satisfaction), func.count(Interaction.satisfaction))
        .where(Interaction.deleted_at.is_(None), Interaction.satisfaction.is_not(None),
               Interaction.occurred_at >= _utc_start(start), Interaction.occurred_at < _utc_start(end + timedelta(days=1)))
        .group_by(Interaction.customer_id)
    ) if n}
    length = (end - start).days + 1
    base = _buyers(session, start - timedelta(days=length), start - timedelta(days=1))
    retained = base & _buyers(session, start, end)
    breakdown: dict[str, list[SegmentFigures]] = {}
    for position, (dimension, codes) in enumerate(SEGMENT_DIMENSIONS.items()):
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
        for cid, values in classes.items():
            row = sums[values[position] or NO_TIER]
            score_sum, score_count = scores.get(cid, (0, 0))
            row[0] += 1
            row[1] += int(spend.get(cid) or 0)
            row[2] += score_sum
            row[3] += score_count
            row[4] += cid in base
            row[5] += cid in retained
        order = {code: index for index, code in enumerate(codes)}
        breakdown[dimension] = [SegmentFigures(code, *sums[code])
                                for code in sorted(sums, key=lambda c: (c == NO_TIER, order.get(c, len(order)), c))]
    return breakdown


@dataclass
class Dashboard:
    """Every figure of the statistics screen for one period, as plain data (GUI, export, JSON)."""

    start: date
    end: date
    tiers: list[TierFigures]
    migration: MigrationMatrix
    retention: list[RetentionFigure]
    satisfaction: dict[str, tuple[float, int]]
    revisits: RevisitFigures
    churn_risk: list[ChurnRiskRow]
    owners: list[OwnerFigures]
    segments: dict[str, list[SegmentFigures]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "tiers": [asdict(t) for t in self.tiers],
            "migration": self.migration.as_dict(),
            "retention": [{**asdict(r), "start": r.start.isoformat(), "end": r.end.isoformat(), "rate": r.rate}
                          for r in self.retention],
            "satisfaction": {t: {"mean": m, "count": n} for t, (m, n) in self.satisfaction.items()},
            "revisits": {**asdict(self.revisits), "on_time_rate": self.revisits.on_time_rate},
            "churn_risk": [asdict(r) for r in self.churn_risk],
            "owners": [asdict(o) for o in self.owners],
            "segments": {dimension: [f.as_dict() for f in rows] for dimension, rows in self.segments.items()},
        }


def dashboard(session: Session, start: date, end: date, today: date, months: int = 12) -> Dashboard:
    # On time means within the grace the calendar and the reminders use, not a figure of its own.
    grace = load_reminder_settings(session).grace_days
    return Dashboard(
        start=start,
        end=end,
        tiers=tier_distribution(session, start, end),
        migration=tier_migration(session, start, end),
        retention=retention(session, month_periods(end, months, today)),
        satisfaction=satisfaction_by_tier(session, start, end),
        revisits=revisits_on_time(session, start, end, today, grace),
        churn_risk=churn_risk_list(session),
        owners=per_owner(session, start, end, grace, today),
        segments=segment_breakdown(session, start, end),
    )

