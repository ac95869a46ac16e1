"""Levelling revisit plans onto each owner's coming working days, no day over the owner's daily
capacity: higher tiers first, each plan inside its tier's window where possible, the overdue
backlog spread from today on."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, bindparam, func, select, update
from sqlalchemy.orm import Session

from accountdesk.core.revisits.plans import (
    CADENCE_PURPOSE,
    PLANNER,
    close_open_reminders,
    load_cadence,
    revisit_reminder_keys,
)
from accountdesk.core.revisits.workdays import WorkCalendar, load_work_calendar
from accountdesk.core.storage.models import Customer, CustomerFigures, RevisitPlan, User, utcnow

DEFAULT_CAPACITY = 15
TIER_RANK = {"A": 0, "B": 1, "C": 2}


def window_days(interval: int) -> int:
    """How far a plan may move from its date to even out the days: a sixth of the tier's interval
    (A every 30 days: 5 days either side; C every 90: 15), at least 2."""
    return max(2, interval // 6)


@dataclass(frozen=True, slots=True)
class PlanSlot:
    """One planned revisit as the levelling sees it (plain values)."""

    plan_id: int
    uid: str
    version: int
    owner_id: int | None
    tier: str | None
    due_on: date
    planned_for: date | None
    movable: bool  # a cadence plan; a date a manager chose is kept (and counted)
    spend_cents: int
    interval: int


@dataclass(frozen=True, slots=True)
class Placement:
    plan_id: int
    uid: str
    version: int
    old_due: date
    due_on: date
    planned_for: date


@dataclass
class LevellingReport:
    plans: int = 0
    moved: int = 0  # plans whose due date moved (onto a working day, or to a less crowded one)
    backlog: int = 0  # overdue plans given a coming working day
    outside_window: int = 0  # plans that found no room inside their tier's window
    seconds: float = 0.0
    placements: list[Placement] = field(default_factory=list)


class _Days:
    """Working days as ordinals from `start`, with each day's load, for one owner."""

    def __init__(self, calendar: WorkCalendar, start: date, capacity: int) -> None:
        self.calendar = calendar
        self.start = start.toordinal()
        self.capacity = max(1, capacity)
        self.load: dict[int, int] = {}
        self._work: dict[int, bool] = {}

    def working(self, ordinal: int) -> bool:
        found = self._work.get(ordinal)
        if found is None:
            found = self._work[ordinal] = self.calendar.is_workday(date.fromordinal(ordinal))
        return found

    def free(self, ordinal: int) -> bool:
        return ordinal >= self.start and self.working(ordinal) and self.load.get(ordinal, 0) < self.capacity

    def take(self, ordinal: int) -> int:
        self.load[ordinal] = self.load.get(ordinal, 0) + 1
        return ordinal

    def first_free_from(self, ordinal: int) -> int:
        ordinal = max(ordinal, self.start)
        while not self.free(ordinal):
            ordinal += 1
        return ordinal


def level(slots: Iterable[PlanSlot], today: date, calendar: WorkCalendar,
          capacity: Callable[[int | None], int]) -> LevellingReport:
    """Where each plan goes; plans already where they belong are left out of `placements`.

    Pure: reads and writes nothing. Fixed plans (a manager's own dates) count on their day first;
    then plans are placed tier by tier (A first), each at the free working day nearest its date
    inside its window, else the first free working day after the window. An overdue plan keeps its
    due date (which says how late it is) and gets a coming working day as `planned_for`.
    """
    clock = time.perf_counter()
    report = LevellingReport()
    by_owner: dict[int | None, list[PlanSlot]] = {}
    for slot in slots:
        by_owner.setdefault(slot.owner_id, []).append(slot)
        report.plans += 1
    today_ord = today.toordinal()
    for owner_id, plans in by_owner.items():
        days = _Days(calendar, today, capacity(owner_id))
        movable = []
        for slot in plans:
            if slot.movable or slot.due_on < today:
                movable.append(slot)
            else:  # a date a manager chose, ahead: kept, and it takes its room
                days.take(slot.due_on.toordinal())
                if slot.planned_for != slot.due_on:
                    report.placements.append(Placement(slot.plan_id, slot.uid, slot.version, slot.due_on, slot.due_on,
                                                       slot.due_on))
        # Tier by tier; inside a tier, earliest first, the bigger spender first on the same day.
        movable.sort(key=lambda s: (TIER_RANK.get(s.tier or "", 3), _target(s, today_ord), -s.spend_cents, s.plan_id))
        for slot in movable:
            target = _target(slot, today_ord)
            overdue = slot.due_on < today
            if overdue:
                report.backlog += 1
                chosen = days.take(days.first_free_from(target))
            else:
                reach = window_days(slot.interval)
                chosen = None
                for offset in _offsets(reach):
                    if days.free(target + offset):
                        chosen = days.take(target + offset)
                        break
                if chosen is None:
                    report.outside_window += 1
                    chosen = days.take(days.first_free_from(target + reach + 1))
            planned = date.fromordinal(chosen)
            new_due = slot.due_on if overdue else planned
            if new_due != slot.due_on:
                report.moved += 1
            if new_due != slot.due_on or planned != slot.planned_for:
                report.placements.append(Placement(slot.plan_id, slot.uid, slot.version, slot.due_on, new_due, planned))
    report.seconds = time.perf_counter() - clock
    return report


def _target(slot: PlanSlot, today_ord: int) -> int:
    if slot.due_on.toordinal() < today_ord:
        # Overdue: from today, or from the coming day it was already given (stays put day to day).
        kept = slot.planned_for.toordinal() if slot.planned_for is not None else today_ord
        return max(today_ord, kept)
    return slot.due_on.toordinal()


def _offsets(reach: int) -> Iterable[int]:
    """0, +1, -1, +2, -2 … within the window: the nearest day, the later one first (a revisit a day
    late is less odd than one before the customer's interval is up)."""
    yield 0
    for step in range(1, reach + 1):
        yield step
        yield -step


# --- reading and writing ---------------------------------------------------------------------------


def owner_capacities(session: Session) -> dict[int, int]:
    """Each owner's daily capacity where one is set (others get DEFAULT_CAPACITY)."""
    return {user_id: int(value) for user_id, value in
            session.execute(select(User.id, User.daily_capacity).where(User.daily_capacity.is_not(None)))
            if value and int(value) > 0}


def capacity_of(session: Session, owner_id: int | None) -> int:
    if owner_id is None:
        return DEFAULT_CAPACITY
    value = session.scalar(select(User.daily_capacity).where(User.id == owner_id))
    return int(value) if value and int(value) > 0 else DEFAULT_CAPACITY


def read_slots(session: Session, owner_ids: Iterable[int | None] | None = None) -> list[PlanSlot]:
    """Every planned revisit of live customers (or of these owners), as levelling input."""
    cadence = load_cadence(session)
    query = (
        select(RevisitPlan.id, RevisitPlan.uid, RevisitPlan.version, RevisitPlan.owner_id, Customer.tier,
               RevisitPlan.due_on, RevisitPlan.planned_for, RevisitPlan.purpose, RevisitPlan.updated_by,
               func.coalesce(CustomerFigures.spend_cents, 0))
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(CustomerFigures, CustomerFigures.customer_id == Customer.id)
        .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None))
    )
    if owner_ids is not None:
        wanted = list(owner_ids)
        named = [owner for owner in wanted if owner is not None]
        conditions = [RevisitPlan.owner_id.in_(named)] if named else []
        if None in wanted:
            conditions.append(RevisitPlan.owner_id.is_(None))
        if not conditions:
            return []
        query = query.where(conditions[0] if len(conditions) == 1 else (conditions[0] | conditions[1]))
    slots = []
    for plan_id, uid, version, owner_id, tier, due_on, planned_for, purpose, author, spend in \
            session.connection().execute(query):
        # A cadence plan moves; one a person put on a day (purpose of their own, or dragged in the
        # calendar: planned for its due date by someone other than the planner) stays.
        chosen = author not in (None, PLANNER) and planned_for is not None and planned_for == due_on
        slots.append(PlanSlot(plan_id, uid, version, owner_id, tier, due_on, planned_for,
                              purpose == CADENCE_PURPOSE and not chosen, int(spend or 0), cadence.interval(tier)))
    return slots


def apply_placements(session: Session, placements: list[Placement]) -> int:
    """Write the new dates; a plan someone changed since it was read (its version moved) is left
    as they put it. Reminders of a moved due date give way to the new date's. Returns how many."""
    if not placements:
        return 0
    table = RevisitPlan.__table__
    now = utcnow()
    result = session.execute(
        update(table)
        .where(and_(table.c.id == bindparam("plan_id"), table.c.version == bindparam("old_version"),
                    table.c.state == "planned"))
        .values(due_on=bindparam("new_due"), planned_for=bindparam("new_planned"), version=table.c.version + 1,
                updated_at=now, updated_by=PLANNER),
        [{"plan_id": p.plan_id, "old_version": p.version, "new_due": p.due_on, "new_planned": p.planned_for}
         for p in placements],
    )
    # Plans this session holds as objects are stale now (their version moved): reload on next use.
    for placement in placements:
        held = session.identity_map.get(session.identity_key(RevisitPlan, placement.plan_id))
        if held is not None:
            session.expire(held)
    moved = [p for p in placements if p.due_on != p.old_due]
    close_open_reminders(session, [key for p in moved for key in revisit_reminder_keys(p.uid, p.old_due)], "dismissed")
    return result.rowcount if result.rowcount is not None and result.rowcount >= 0 else len(placements)


def level_revisits(session: Session, today: date, *, owner_ids: Iterable[int | None] | None = None,
                   calendar: WorkCalendar | None = None) -> LevellingReport:
    """Level every planned revisit (or those of these owners) in the caller's transaction."""
    calendar = calendar or load_work_calendar(session)
    capacities = owner_capacities(session)
    report = level(read_slots(session, owner_ids), today, calendar,
                   lambda owner: capacities.get(owner, DEFAULT_CAPACITY) if owner is not None else DEFAULT_CAPACITY)
    apply_placements(session, report.placements)
    return report


def day_loads(session: Session, owner_id: int | None, start: date, days: int) -> dict[date, int]:
    """Planned revisits per day for one owner over [start, start + days)."""
    end = start + timedelta(days=max(1, days) - 1)
    day = func.coalesce(RevisitPlan.planned_for, RevisitPlan.due_on)
    query = (select(day, func.count()).where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None),
                                             day.between(start, end))
             .group_by(day))
    query = query.where(RevisitPlan.owner_id.is_(None) if owner_id is None else RevisitPlan.owner_id == owner_id)
    return {on: count for on, count in session.execute(query)}
