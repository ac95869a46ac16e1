"""What the revisit calendar and the reminder centre read: a range's revisits and care dates,
today's list, one customer's revisit history, owners and tiers to filter by."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from accountdesk.core.reminders.centre import ReminderRow
from accountdesk.core.reminders.settings import ReminderSettings, load_reminder_settings
from accountdesk.core.reminders.sources import (
    anniversary_candidates,
    birthday_candidates,
    festival_candidates,
)
from accountdesk.core.revisits.plans import RevisitRow, revisits_between
from accountdesk.core.revisits.sheets import tier_order
from accountdesk.core.storage.models import Customer, Interaction, Reminder, RevisitPlan, User

# Far enough back to hold every overdue plan a team could have left behind.
_EARLIEST = date(1900, 1, 1)
CARE_KINDS = ("birthday", "festival", "anniversary")


@dataclass(frozen=True)
class CareDate:
    """A care moment on a day (a birthday, a festival, an anniversary), in both languages."""

    on: date
    kind: str
    label_zh: str
    label_en: str
    customer_id: int | None
    tier: str | None
    greeting: str | None

    def label(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label_en


@dataclass(frozen=True)
class CalendarRange:
    """Everything one calendar screen shows: the range's revisits and care dates, and today's list."""

    start: date
    end: date
    today: date
    revisits: list[RevisitRow]
    care: list[CareDate]
    today_list: list[RevisitRow]
    grace_days: int


def care_dates_between(session: Session, start: date, end: date,
                       settings: ReminderSettings | None = None) -> list[CareDate]:
    """Birthdays (solar and lunar), festivals and cooperation anniversaries within [start, end].

    The reminder sources already find these for a window around today; asking them with a
    window that is exactly [start, end] (no lead, catch-up reaching back to start) keeps one
    definition of when a care moment falls.
    """
    if end < start:
        return []
    base = settings or load_reminder_settings(session)
    window = replace(base, catch_up_days=(end - start).days,
                     lead_days={**base.lead_days, "birthday": 0, "festival": 0, "anniversary": 0})
    found: list[CareDate] = []
    for source in (birthday_candidates, festival_candidates, anniversary_candidates):
        for candidate in source(session, end, window):
            if candidate.event_on is None or not (start <= candidate.event_on <= end):
                continue
            data = candidate.data or {}
            found.append(CareDate(candidate.event_on, candidate.kind, candidate.subject_zh, candidate.subject_en,
                                  candidate.customer_id, data.get("tier"), data.get("greeting")))
    kind_order = {kind: index for index, kind in enumerate(("festival", "birthday", "anniversary"))}
    found.sort(key=lambda care: (care.on, kind_order.get(care.kind, 9), care.tier or "~", care.label_zh))
    return found


def _owned(rows: list[RevisitRow], owner_id: int | None) -> list[RevisitRow]:
    return rows if owner_id is None else [row for row in rows if row.owner_id == owner_id]


def today_list(session: Session, today: date, owner_id: int | None = None, tier: str | None = None,
               *, grace_days: int | None = None) -> list[RevisitRow]:
    """Planned revisits to do now: every overdue one and every one due (today or within the grace).

    Overdue first, then due; within each, tier order (A first) and the oldest date first.
    """
    if grace_days is None:
        grace_days = load_reminder_settings(session).grace_days
    rows = revisits_between(session, _EARLIEST, today, owner_id, tier, today=today, grace_days=grace_days,
                            states=("planned",))
    rank = {name: index for index, name in enumerate(tier_order(session))}
    status_rank = {"overdue": 0, "due": 1}
    rows.sort(key=lambda row: (status_rank.get(row.status, 2), rank.get(row.tier or "", 99), row.due_on,
                               row.customer_code))
    return rows


def calendar_range(session: Session, start: date, end: date, today: date, owner_id: int | None = None,
                   tier: str | None = None, *, with_care: bool = True) -> CalendarRange:
    """One read for the calendar: the range's revisits (any state), its care dates, today's list."""
    settings = load_reminder_settings(session)
    revisits = revisits_between(session, start, end, owner_id, tier, today=today, grace_days=settings.grace_days)
    care = care_dates_between(session, start, end, settings) if with_care else []
    if tier is not None:
        # A festival concerns every tier; a birthday or anniversary only its customer's.
        care = [c for c in care if c.customer_id is None or (c.tier or "") == tier]
    return CalendarRange(start, end, today, revisits, care,
                         today_list(session, today, owner_id, tier, grace_days=settings.grace_days),
                         settings.grace_days)


@dataclass(frozen=True)
class CustomerRevisit:
    """One revisit of one customer, with what was recorded when it was done."""

    plan_id: int
    due_on: date
    purpose: str | None
    channel: str | None
    owner: str | None
    state: str
    status: str  # upcoming / due / overdue for planned ones, else the state
    done_on: date | None
    summary: str | None
    satisfaction: int | None
    next_step: str | None


def customer_revisits(session: Session, customer_id: int, today: date) -> list[CustomerRevisit]:
    """A customer's planned revisits (soonest first) then its past ones (newest first)."""
    grace = load_reminder_settings(session).grace_days
    owner = aliased(User)
    rows = session.execute(
        select(RevisitPlan.id, RevisitPlan.due_on, RevisitPlan.purpose, RevisitPlan.channel,
               func.coalesce(owner.display_name, owner.name), RevisitPlan.state, RevisitPlan.done_on, Interaction.kind,
               Interaction.summary, Interaction.satisfaction, Interaction.next_step)
        .outerjoin(owner, owner.id == RevisitPlan.owner_id)
        .outerjoin(Interaction, Interaction.id == RevisitPlan.interaction_id)
        .where(RevisitPlan.customer_id == customer_id, RevisitPlan.deleted_at.is_(None))
    ).all()
    result = []
    for plan_id, due_on, purpose, channel, owner_name, state, done_on, kind, summary, satisfaction, next_step in rows:
        status = state
        if state == "planned":
            status = "upcoming" if today < due_on else ("due" if (today - due_on).days <= grace else "overdue")
        # A done revisit shows how it really happened (the logged contact), not how it was planned.
        result.append(CustomerRevisit(plan_id, due_on, purpose, kind or channel, owner_name, state, status, done_on,
                                      summary, satisfaction, next_step))
    planned = sorted((r for r in result if r.state == "planned"), key=lambda r: r.due_on)
    past = sorted((r for r in result if r.state != "planned"), key=lambda r: (r.done_on or r.due_on, r.plan_id),
                  reverse=True)
    return planned + past


def revisit_owners(session: Session) -> list[tuple[int, str]]:
    """(user id, name shown) of everyone who owns a planned revisit or a customer, by name."""
    owning = select(RevisitPlan.owner_id).where(RevisitPlan.owner_id.is_not(None)).distinct()
    owning_customers = select(Customer.owner_id).where(Customer.owner_id.is_not(None)).distinct()
    rows = session.execute(
        select(User.id, func.coalesce(User.display_name, User.name))
        .where(User.deleted_at.is_(None), User.id.in_(owning.union(owning_customers)))
        .order_by(User.name)
    ).all()
    return [(user_id, name) for user_id, name in rows]


def calendar_tiers(session: Session) -> list[str]:
    """The tiers to filter by: the policies' order, then any other tier customers carry."""
    known = tier_order(session)
    others = session.scalars(select(Customer.tier).where(Customer.tier.is_not(None), Customer.deleted_at.is_(None))
                             .distinct())
    return known + sorted(tier for tier in others if tier not in known)


# --- reminders the centre shows besides the due ones ------------------------------------------------


def closed_reminders(session: Session, today: date, state: str, *, kinds: tuple[str, ...] | None = None,
                     limit: int = 2000) -> list[ReminderRow]:
    """Reminders in one state the centre lists on request, most recently changed first:
    "snoozed" (still asleep: their date is after today), "done" or "dismissed"."""
    query = (
        select(Reminder.id, Reminder.key, Reminder.kind, Reminder.subject, Reminder.detail, Reminder.customer_id,
               Customer.code, Customer.name, Reminder.contact_id, Reminder.event_on, Reminder.due_on, Reminder.state,
               Reminder.snoozed_until, Reminder.data)
        .outerjoin(Customer, Customer.id == Reminder.customer_id)
        .where(Reminder.deleted_at.is_(None), Reminder.state == state)
        .order_by(Reminder.updated_at.desc(), Reminder.id.desc())
        .limit(limit)
    )
    if state == "snoozed":
        query = query.where(Reminder.snoozed_until > today)
    if kinds:
        query = query.where(Reminder.kind.in_(kinds))
    rows = []
    for (rid, key, kind, subject, detail, customer_id, code, name, contact_id, event_on, due_on, row_state, snoozed,
         data) in session.execute(query):
        data = data or {}
        english = data.get("en") or {}
        rows.append(ReminderRow(rid, key, kind, subject, english.get("subject") or subject, detail,
                                english.get("detail") or detail, customer_id, code, name, contact_id, event_on,
                                due_on, row_state, snoozed, data))
    return rows


def week_start(day: date) -> date:
    """Monday of the day's week (the calendar's weeks run Monday to Sunday, as in China)."""
    return day - timedelta(days=day.weekday())


def month_grid_start(year: int, month: int) -> date:
    """The Monday on or before the first of the month: the top-left cell of a six-week grid."""
    return week_start(date(year, month, 1))


__all__ = [
    "CARE_KINDS", "CalendarRange", "CareDate", "CustomerRevisit", "calendar_range", "calendar_tiers",
    "care_dates_between", "closed_reminders", "customer_revisits", "month_grid_start", "revisit_owners", "today_list", "week_start",
]
