"""What a printed revisit sheet (回访单) and weekly plan show: plain rows chosen from the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.models import (
    Customer,
    Feedback,
    Interaction,
    RevisitPlan,
    TierPolicy,
    Transaction,
    User,
)
from accountdesk.core.time import local_date

RECENT_INTERACTIONS = 5
SPEND_WINDOW_DAYS = 365
# SQLite accepts up to 32,766 bound parameters; stay well below for IN lists.
_CHUNK = 500


def format_money(cents: int | None) -> str:
    """Integer cents as a yuan amount with thousands separators: 123450 → "¥1,234.50"."""
    if cents is None:
        return "—"
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    return f"{sign}¥{whole:,}.{fraction:02d}"


@dataclass(frozen=True)
class ArchiveSummary:
    code: str
    name: str
    company: str | None
    contact_person: str | None
    phone: str | None
    address: str | None
    industry: str | None
    owner: str | None
    stage: str | None = None
    cooperation_since: date | None = None


@dataclass(frozen=True)
class PolicySummary:
    tier: str
    revisit_interval_days: int
    channel: str | None
    service_level: str | None
    rep_level: str | None
    discount_percent: str | None
    action_plan: str | None


@dataclass(frozen=True)
class InteractionLine:
    on: date
    kind: str
    summary: str | None
    satisfaction: int | None


@dataclass(frozen=True)
class ComplaintLine:
    received_on: date
    content: str
    days_open: int


@dataclass(frozen=True)
class PurchaseSummary:
    last_purchase: date | None
    window_spend_cents: int
    window_purchases: int
    window_days: int = SPEND_WINDOW_DAYS

    @property
    def window_spend_text(self) -> str:
        return format_money(self.window_spend_cents)


@dataclass(frozen=True)
class FollowUpLine:
    """A next step promised to the customer, still open: printed so the visit can close it."""

    due_on: date
    step: str
    owner: str | None
    promised_on: date


@dataclass(frozen=True)
class SheetCustomer:
    """Everything one printed revisit sheet shows about one customer and its planned visit."""

    customer_id: int
    plan_id: int
    due_on: date
    purpose: str | None
    channel: str | None
    plan_owner: str | None
    archive: ArchiveSummary
    tier: str | None
    policy: PolicySummary | None
    interactions: list[InteractionLine] = field(default_factory=list)
    complaints: list[ComplaintLine] = field(default_factory=list)
    purchases: PurchaseSummary = field(default_factory=lambda: PurchaseSummary(None, 0, 0))
    overdue_days: int = 0  # past its date when printed (已逾期): printed first, and marked
    followups: list[FollowUpLine] = field(default_factory=list)
    is_followup: bool = False  # the plan is itself a promised next step, not a revisit

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(frozen=True)
class WeeklyEntry:
    plan_id: int
    due_on: date
    code: str
    name: str
    contact_person: str | None
    phone: str | None
    purpose: str | None
    channel: str | None
    owner: str | None
    overdue_days: int = 0


@dataclass(frozen=True)
class TierGroup:
    tier: str | None  # None: customers not graded yet
    entries: list[WeeklyEntry]


@dataclass
class WeeklyPlan:
    start: date
    end: date
    groups: list[TierGroup]
    overdue: list[WeeklyEntry] = field(default_factory=list)  # open plans due before the range, first

    @property
    def total(self) -> int:
        return sum(len(group.entries) for group in self.groups) + len(self.overdue)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


# --- selection -------------------------------------------------------------------------------


def _user_label(user: User | None) -> str | None:
    if user is None:
        return None
    return user.display_name or user.name


def _owner_id(session: Session, owner: str | None) -> int | None:
    """The id of the user named `owner` (login or display name); an unknown name is an error."""
    if owner is None:
        return None
    found = session.scalars(
        select(User.id).where(User.deleted_at.is_(None), or_(User.name == owner, User.display_name == owner))
    ).first()
    if found is None:
        known = sorted(session.scalars(select(User.name).where(User.deleted_at.is_(None))))
        raise AccountDeskError(
            f"没有名为“{owner}”的负责人。已有：{'、'.join(known) or '（无）'}",
            f"No owner named '{owner}'. Known: {', '.join(known) or '(none)'}",
        )
    return found


def _planned_query(start: date, end: date, owner_id: int | None) -> Select:
    """Open plans due from `start` to `end`, oldest first (`start` None: every earlier one too)."""
    query = (
        select(RevisitPlan, Customer)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .where(
            RevisitPlan.state == "planned",
            RevisitPlan.deleted_at.is_(None),
            Customer.deleted_at.is_(None),
            RevisitPlan.due_on <= end,
        )
        .order_by(RevisitPlan.due_on, Customer.code, RevisitPlan.id)
    )
    if start is not None:
        query = query.where(RevisitPlan.due_on >= start)
    if owner_id is not None:
        # The plan's own owner decides; a plan without one belongs to the customer's owner.
        query = query.where(func.coalesce(RevisitPlan.owner_id, Customer.owner_id) == owner_id)
    return query


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for index in range(0, len(ids), _CHUNK):
        yield list(ids[index : index + _CHUNK])


def _users(session: Session) -> dict[int, User]:
    return {user.id: user for user in session.scalars(select(User))}


def _policies(session: Session) -> dict[str, TierPolicy]:
    return {p.tier: p for p in session.scalars(select(TierPolicy).where(TierPolicy.deleted_at.is_(None)))}


def _recent_interactions(session: Session, customer_ids: Sequence[int]) -> dict[int, list[InteractionLine]]:
    result: dict[int, list[InteractionLine]] = defaultdict(list)
    for chunk in _chunks(customer_ids):
        rank = (
            func.row_number()
            .over(
                partition_by=Interaction.customer_id,
                order_by=(Interaction.occurred_at.desc(), Interaction.id.desc()),
            )
            .label("rank")
        )
        ranked = (
            select(Interaction.id, rank)
            .where(Interaction.customer_id.in_(chunk), Interaction.deleted_at.is_(None))
            .subquery()
        )
        rows = session.scalars(
            select(Interaction)
            .join(ranked, ranked.c.id == Interaction.id)
            .where(ranked.c.rank <= RECENT_INTERACTIONS)
            .order_by(Interaction.customer_id, Interaction.occurred_at.desc(), Interaction.id.desc())
        )
        for row in rows:
            result[row.customer_id].append(
                InteractionLine(local_date(row.occurred_at), row.kind, row.summary, row.satisfaction)
            )
    return result


def _open_complaints(session: Session, customer_ids: Sequence[int], as_of: date) -> dict[int, list[ComplaintLine]]:
    result: dict[int, list[ComplaintLine]] = defaultdict(list)
    for chunk in _chunks(customer_ids):
        rows = session.scalars(
            select(Feedback)
            .where(
                Feedback.customer_id.in_(chunk),
                Feedback.kind == "complaint",
                Feedback.resolved.is_(False),
                Feedback.deleted_at.is_(None),
            )
            .order_by(Feedback.customer_id, Feedback.received_on, Feedback.id)
        )
        for row in rows:
            days = max((as_of - row.received_on).days, 0)
            result[row.customer_id].append(ComplaintLine(row.received_on, row.content, days))
    return result


def _purchases(session: Session, customer_ids: Sequence[int], as_of: date) -> dict[int, PurchaseSummary]:
    window_start = as_of - timedelta(days=SPEND_WINDOW_DAYS - 1)
    in_window = (Transaction.occurred_on >= window_start) & (Transaction.occurred_on <= as_of)
    result: dict[int, PurchaseSummary] = {}
    for chunk in _chunks(customer_ids):
        rows = session.execute(
            select(
                Transaction.customer_id,
                func.max(Transaction.occurred_on).filter(Transaction.occurred_on <= as_of),
                func.coalesce(func.sum(Transaction.amount_cents).filter(in_window), 0),
                func.count(Transaction.id).filter(in_window),
            )
            .where(Transaction.customer_id.in_(chunk), Transaction.deleted_at.is_(None))
            .group_by(Transaction.customer_id)
        )
        for customer_id, last, spend, count in rows:
            result[customer_id] = PurchaseSummary(last, int(spend), int(count))
    return result


def _policy_summary(policy: TierPolicy | None) -> PolicySummary | None:
    if policy is None:
        return None
    return PolicySummary(
        tier=policy.tier,
        revisit_interval_days=policy.revisit_interval_days,
        channel=policy.channel,
        service_level=policy.service_level,
        rep_level=policy.rep_level,
        discount_percent=policy.discount_percent,
        action_plan=policy.action_plan,
    )


# A printout for a period that starts further ahead than this is for later: what is owed now goes
# with the current or the coming week's printout, not with next month's.
OVERDUE_HORIZON_DAYS = 7


def _overdue_before(start: date, today: date | None) -> date | None:
    """Plans due before this day, still open, are overdue ones the range's printout carries first."""
    if today is None or start > today + timedelta(days=OVERDUE_HORIZON_DAYS):
        return None
    return min(start, today)


def revisit_sheet_data(
    session: Session,
    start: date,
    end: date,
    owner: str | None = None,
    *,
    as_of: date | None = None,
    today: date | None = None,
) -> list[SheetCustomer]:
    """One sheet per live customer with a planned revisit due from `start` to `end` (inclusive),
    and, with `today`, first every open plan overdue before the range (marked 已逾期).

    A customer with several plans gets one sheet, for the earliest (a revisit before a promised
    follow-up); its open follow-ups are printed on it. `owner` is a user's login or display name.
    Spend covers the 365 days up to `as_of` (default `start`), and complaints count their open days
    up to it.
    """
    as_of = as_of or start
    owner_id = _owner_id(session, owner)
    before = _overdue_before(start, today)
    chosen: dict[int, tuple[RevisitPlan, Customer]] = {}
    rows = list(session.execute(_planned_query(start, end, owner_id)))
    if before is not None:
        rows = [row for row in session.execute(_planned_query(None, before - timedelta(days=1), owner_id))] + rows
    # A revisit is the sheet's plan before a follow-up of the same customer in the range.
    for plan, customer in sorted(rows, key=lambda r: (r[0].origin_interaction_id is not None and
                                                      (before is None or r[0].due_on >= before))):
        chosen.setdefault(customer.id, (plan, customer))
    if not chosen:
        return []
    customer_ids = list(chosen)
    users = _users(session)
    policies = _policies(session)
    interactions = _recent_interactions(session, customer_ids)
    complaints = _open_complaints(session, customer_ids, as_of)
    purchases = _purchases(session, customer_ids, as_of)
    followups = _followups(session, customer_ids, users)
    sheets = []
    for customer_id, (plan, customer) in chosen.items():
        customer_owner = _user_label(users.get(customer.owner_id)) if customer.owner_id else None
        plan_owner = _user_label(users.get(plan.owner_id)) if plan.owner_id else customer_owner
        archive = ArchiveSummary(
            code=customer.code,
            name=customer.name,
            company=customer.company,
            contact_person=customer.contact_person,
            phone=customer.phone,
            address=customer.address,
            industry=customer.industry,
            owner=customer_owner,
            stage=customer.stage,
            cooperation_since=customer.cooperation_since,
        )
        sheets.append(
            SheetCustomer(
                customer_id=customer_id,
                plan_id=plan.id,
                due_on=plan.due_on,
                purpose=plan.purpose,
                channel=plan.channel,
                plan_owner=plan_owner,
                archive=archive,
                tier=customer.tier,
                policy=_policy_summary(policies.get(customer.tier)) if customer.tier else None,
                interactions=interactions.get(customer_id, []),
                complaints=complaints.get(customer_id, []),
                purchases=purchases.get(customer_id, PurchaseSummary(None, 0, 0)),
                overdue_days=max(0, (today - plan.due_on).days) if today is not None else 0,
                followups=[line for plan_id, line in followups.get(customer_id, []) if plan_id != plan.id],
                is_followup=plan.origin_interaction_id is not None,
            )
        )
    # Overdue first (the oldest first), then the range by date.
    sheets.sort(key=lambda sheet: (not sheet.overdue or (before is not None and sheet.due_on >= before),
                                   sheet.due_on, sheet.archive.code))
    return sheets


def _followups(session: Session, customer_ids: Sequence[int], users: dict[int, User]
               ) -> dict[int, list[tuple[int, FollowUpLine]]]:
    """Each customer's open follow-ups (plan id, line), soonest first."""
    result: dict[int, list[tuple[int, FollowUpLine]]] = defaultdict(list)
    for chunk in _chunks(customer_ids):
        rows = session.execute(
            select(RevisitPlan.id, RevisitPlan.customer_id, RevisitPlan.due_on, RevisitPlan.purpose,
                   RevisitPlan.owner_id, Interaction.occurred_at)
            .join(Interaction, Interaction.id == RevisitPlan.origin_interaction_id)
            .where(RevisitPlan.customer_id.in_(chunk), RevisitPlan.state == "planned",
                   RevisitPlan.deleted_at.is_(None))
            .order_by(RevisitPlan.customer_id, RevisitPlan.due_on, RevisitPlan.id)
        )
        for plan_id, customer_id, due_on, step, owner_id, occurred_at in rows:
            owner = _user_label(users.get(owner_id)) if owner_id else None
            result[customer_id].append((plan_id, FollowUpLine(due_on, step or "", owner, local_date(occurred_at))))
    return result


def tier_order(session: Session) -> list[str]:
    """Tiers in the order their policies give (A before B before C), then by name."""
    policies = session.scalars(
        select(TierPolicy).where(TierPolicy.deleted_at.is_(None)).order_by(TierPolicy.sort_order, TierPolicy.tier)
    )
    return [policy.tier for policy in policies]


def weekly_plan_data(
    session: Session, week_start: date, owner: str | None = None, *, days: int = 7, today: date | None = None
) -> WeeklyPlan:
    """The planned revisits due in the `days` days from `week_start`, grouped by tier; with
    `today`, the open ones overdue before the range come first (`overdue`), oldest first.

    Groups follow the tier policies' order; tiers without a policy come next by name, and
    customers not graded yet last. Every plan is listed, even two for one customer.
    """
    end = week_start + timedelta(days=max(days, 1) - 1)
    owner_id = _owner_id(session, owner)
    users = _users(session)

    def entry(plan: RevisitPlan, customer: Customer) -> WeeklyEntry:
        owner_user = users.get(plan.owner_id or customer.owner_id or -1)
        return WeeklyEntry(
            plan_id=plan.id,
            due_on=plan.due_on,
            code=customer.code,
            name=customer.name,
            contact_person=customer.contact_person,
            phone=customer.phone,
            purpose=plan.purpose,
            channel=plan.channel,
            owner=_user_label(owner_user),
            overdue_days=max(0, (today - plan.due_on).days) if today is not None else 0,
        )

    by_tier: dict[str | None, list[WeeklyEntry]] = defaultdict(list)
    for plan, customer in session.execute(_planned_query(week_start, end, owner_id)):
        by_tier[customer.tier].append(entry(plan, customer))
    before = _overdue_before(week_start, today)
    overdue = [] if before is None else [
        entry(plan, customer) for plan, customer in session.execute(_planned_query(None, before - timedelta(days=1),
                                                                                   owner_id))]
    known = tier_order(session)
    rest = sorted(tier for tier in by_tier if tier is not None and tier not in known)
    order: list[str | None] = [*known, *rest, None]
    groups = [TierGroup(tier, by_tier[tier]) for tier in order if by_tier.get(tier)]
    return WeeklyPlan(start=week_start, end=end, groups=groups, overdue=overdue)
