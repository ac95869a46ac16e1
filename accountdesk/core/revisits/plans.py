"""Revisit cadence (定期回访): plans per customer from the last contact and the tier's interval,
completion, rescheduling, due/overdue status, the calendar rows and the .ics export."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.orm import Session, aliased

from accountdesk.core.files import write_whole_bytes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.revisits.workdays import load_work_calendar
from accountdesk.core.storage.bulk import new_uids
from accountdesk.core.storage.bulk_rows import insert_rows
from accountdesk.core.storage.locks import wait_for_advisory_lock
from accountdesk.core.storage.models import (
    INTERACTION_KINDS,
    Customer,
    Interaction,
    Reminder,
    RevisitPlan,
    TierPolicy,
    User,
    utcnow,
)
from accountdesk.core.storage.sql import dialect_name, epoch_seconds, without_index
from accountdesk.core.team.conflicts import check_version
from accountdesk.core.tiering.stage_policies import (
    StagePolicy,
    load_stage_policies,
    stricter_channel,
    stricter_interval,
)
from accountdesk.core.time import LocalDays, local_noon_utc, local_zone

# Plans made by the cadence carry this purpose; a logged contact moves them, never a plan a
# manager made on purpose (a product launch visit stays where it was put).
CADENCE_PURPOSE = "定期回访"
REVISIT_STATUSES = ("upcoming", "due", "overdue")
# `updated_by` of plans the cadence writes by itself (not a person's edit). The reminder run
# also tells its own writes from people's edits by it, so it does not re-examine them.
PLANNER = "AccountDesk"  # the planner as author; on a server, migration 0018 keeps this one name (not a person)
# Any constant shared by every AccountDesk client; serialises plan/reminder generation on
# PostgreSQL, where two clients could otherwise both see "no plan yet" (SQLite: BEGIN IMMEDIATE).
_PLANNING_LOCK = 0x41444B31


def serialize_generation(session: Session) -> None:
    """Take the team-wide generation lock for the rest of this transaction (PostgreSQL only)."""
    if dialect_name(session) == "postgresql":
        wait_for_advisory_lock(session, _PLANNING_LOCK)


# --- tier cadence ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cadence:
    """Each tier's revisit interval and channel; customers without a tier get the lowest tier's.
    A lifecycle stage's policy makes it stricter: the shorter interval, the more personal channel."""

    by_tier: dict[str, tuple[int, str | None]]
    fallback: tuple[int, str | None]
    by_stage: dict[str, StagePolicy] = field(default_factory=dict)

    def interval(self, tier: str | None, stage: str | None = None) -> int:
        return stricter_interval(self.by_tier.get(tier or "", self.fallback)[0], self.by_stage.get(stage or ""))

    def channel(self, tier: str | None, stage: str | None = None) -> str | None:
        return stricter_channel(self.by_tier.get(tier or "", self.fallback)[1], self.by_stage.get(stage or ""))


def load_cadence(session: Session) -> Cadence:
    rows = session.execute(
        select(TierPolicy.tier, TierPolicy.revisit_interval_days, TierPolicy.channel)
        .where(TierPolicy.deleted_at.is_(None))
        .order_by(TierPolicy.sort_order, TierPolicy.tier)
    ).all()
    by_tier = {tier: (max(1, int(days)), channel) for tier, days, channel in rows}
    fallback = (max(1, int(rows[-1][1])), rows[-1][2]) if rows else (90, None)
    return Cadence(by_tier, fallback, load_stage_policies(session))


# --- planning ----------------------------------------------------------------------------------


def last_contact_of(customer_id_column):
    """The latest live interaction instant of the customer in `customer_id_column` (a scalar subquery).

    Newest-first with LIMIT 1 rather than MAX(): the (customer_id, occurred_at) index then
    stops at the first live row, where MAX() with the tombstone filter reads them all.
    """
    return (
        select(Interaction.occurred_at)
        .where(Interaction.customer_id == customer_id_column, Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def _last_contact_expr(session: Session):
    return epoch_seconds(session, last_contact_of(Customer.id))


def _planned_exists():
    # A promised follow-up is no revisit: a customer with one still gets its cadence plan.
    return exists().where(
        RevisitPlan.customer_id == Customer.id,
        RevisitPlan.state == "planned",
        RevisitPlan.deleted_at.is_(None),
        RevisitPlan.origin_interaction_id.is_(None),
    )


_PLAN_COLUMNS = ["uid", "created_at", "updated_at", "updated_by", "version", "customer_id", "owner_id", "due_on",
                 "purpose", "channel", "state"]


def plan_revisits(session: Session, today: date, *, customer_ids: Collection[int] | None = None,
                  contacts_since: datetime | None = None) -> int:
    """Plan the next revisit of every live customer that has none planned; returns how many.

    Next revisit = last contact (latest interaction, as a local date; the date the customer
    entered the archive when there is none) + the tier's interval. Idempotent. Also moves
    cadence plans later when a contact was logged since they were made (see sync_cadence).
    `customer_ids` limits the work to those customers (the reminder run's incremental passes);
    `contacts_since` tells when the previous run synced the cadence.
    """
    serialize_generation(session)
    # Existing plans first: the ones made below start from the latest contact already.
    if customer_ids is None or contacts_since is not None:
        # A plan moves for a contact logged since the last sync, whoever else changed.
        sync_cadence(session, today, since=contacts_since)
    elif customer_ids:
        sync_cadence(session, None, customer_ids=customer_ids)
    cadence = load_cadence(session)
    workdays = load_work_calendar(session)
    days = LocalDays()
    query = (
        select(Customer.id, Customer.tier, Customer.owner_id, _last_contact_expr(session),
               epoch_seconds(session, Customer.created_at), Customer.stage)
        .where(Customer.deleted_at.is_(None), ~_planned_exists())
    )
    if customer_ids is not None:
        query = query.where(Customer.id.in_(list(customer_ids)))
    rows = session.execute(query).all()
    now = utcnow()
    uids = new_uids(len(rows))
    new_rows = []
    for uid, (customer_id, tier, owner_id, last_epoch, created_epoch, stage) in zip(uids, rows, strict=True):
        base = days.ordinal(last_epoch if last_epoch is not None else (created_epoch or 0))
        due = workdays.on_or_after(date.fromordinal(base + cadence.interval(tier, stage)))
        # Bulk insert: no ORM flush stamps these rows, so the tracked columns are set here.
        new_rows.append((uid, now, now, PLANNER, 1, customer_id, owner_id, due, CADENCE_PURPOSE,
                         cadence.channel(tier, stage), "planned"))
    insert_rows(session, RevisitPlan.__table__, _PLAN_COLUMNS, new_rows)
    return len(new_rows)


_MANY = 50_000


def sync_cadence(session: Session, today: date | None, *, lookback_days: int = 14,
                 customer_ids: Collection[int] | None = None, since: datetime | None = None) -> int:
    """Move cadence plans to last contact + interval where a newer contact was logged.

    Only customers with interactions written in the last `lookback_days`, or since `since` (the
    previous sync) if that is later, are examined (or the given customers): a contact logged
    earlier has already moved its plan. Never moves a plan earlier, so a revisit pushed out by
    hand stays out. Returns how many plans moved.
    """
    everyone = False
    if customer_ids is None:
        assert today is not None
        # Written-at instants come from the wall clock, `today` may be pinned (tests, --date):
        # look back from whichever is earlier so neither hides a fresh contact.
        start = min(today, utcnow().astimezone(local_zone()).date()) - timedelta(days=lookback_days)
        window_start = datetime.combine(start, time(), tzinfo=local_zone()).astimezone(timezone.utc)
        since = window_start if since is None else min(max(window_start, since), utcnow())
        # Fetched first (through the updated_at index): as a subquery, SQLite would walk every plan.
        touched = session.scalars(
            select(Interaction.customer_id).where(Interaction.updated_at >= since).limit(_MANY + 1)).all()
        everyone = len(touched) > _MANY  # an import or a merge: simply look at every plan
        customer_ids = set(touched)
    if not customer_ids:
        return 0
    # The plans are read through the connection (plain rows, 100,000 of them in a full pass), which
    # does not autoflush: a contact just added in this session must be visible first.
    session.flush()
    cadence = load_cadence(session)
    latest = last_contact_of(RevisitPlan.customer_id)
    # One pass over every plan beats a hundred IN queries, each of which SQLite answers by
    # walking all planned plans. That pass reads plans in table order rather than through the
    # (state, due_on) index: they then come roughly by customer, and each one's latest-contact
    # lookup lands near the previous one's pages (half the time at 100,000 plans).
    whole = everyone or len(customer_ids) > 5000
    state = without_index(session, RevisitPlan.state) if whole else RevisitPlan.state
    query = (
        select(RevisitPlan.id, RevisitPlan.uid, RevisitPlan.due_on, Customer.tier, epoch_seconds(session, latest),
               RevisitPlan.customer_id, Customer.stage)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .where(state == "planned", RevisitPlan.deleted_at.is_(None),
               RevisitPlan.purpose == CADENCE_PURPOSE, Customer.deleted_at.is_(None))
    )
    if whole:
        rows = [(*row[:5], row[6]) for row in session.connection().execute(query) if everyone or row[5] in customer_ids]
    else:
        rows = [(*row[:5], row[6]) for row in
                session.connection().execute(query.where(RevisitPlan.customer_id.in_(sorted(customer_ids))))]
    days = LocalDays()
    workdays = load_work_calendar(session)
    moves = []
    for plan_id, plan_uid, due_on, tier, last_epoch, stage in rows:
        if last_epoch is None:
            continue
        new_due = workdays.on_or_after(date.fromordinal(days.ordinal(last_epoch) + cadence.interval(tier, stage)))
        if new_due > due_on:
            moves.append({"plan_id": plan_id, "new_due": new_due, "uid": plan_uid, "old_due": due_on})
    if moves:
        table = RevisitPlan.__table__
        session.execute(
            update(table)
            .where(table.c.id == bindparam("plan_id"))
            .values(due_on=bindparam("new_due"), planned_for=None, version=table.c.version + 1, updated_at=utcnow(),
                    updated_by=PLANNER),
            [{"plan_id": m["plan_id"], "new_due": m["new_due"]} for m in moves],
        )
        _close_revisit_reminders(session, [(m["uid"], m["old_due"]) for m in moves], "dismissed")
    return len(moves)


def reset_cadence(session: Session, customer_id: int) -> int:
    """Call after logging an interaction: the customer's cadence plan restarts from that contact."""
    session.flush()
    return sync_cadence(session, None, customer_ids=[customer_id])


# --- revisit reminder keys -----------------------------------------------------------------------


def revisit_reminder_keys(plan_uid: str, due_on: date) -> tuple[str, str]:
    """Keys of a plan's "due" and "overdue" reminders; a new date makes new reminders."""
    return f"revisit:{plan_uid}:{due_on.isoformat()}:due", f"revisit:{plan_uid}:{due_on.isoformat()}:overdue"


def close_open_reminders(session: Session, keys: list[str], state: str) -> int:
    """Set the still-open reminders among `keys` to `state`; returns how many changed."""
    table = Reminder.__table__
    ids: list[int] = []
    for start in range(0, len(keys), 500):
        # Found through the unique key index; filtering on state in SQL could make the planner
        # pick the (state, due_on) index and walk every open reminder instead.
        rows = session.execute(select(table.c.id, table.c.state).where(table.c.key.in_(keys[start:start + 500])))
        ids.extend(rid for rid, current in rows if current in ("new", "seen", "snoozed"))
    for start in range(0, len(ids), 500):
        session.execute(
            update(table)
            .where(table.c.id.in_(ids[start:start + 500]))
            .values(state=state, version=table.c.version + 1, updated_at=utcnow(), updated_by=session.info.get("user"))
        )
    return len(ids)


def _close_revisit_reminders(session: Session, plans: list[tuple[str, date]], state: str) -> None:
    close_open_reminders(session, [key for uid, due_on in plans for key in revisit_reminder_keys(uid, due_on)], state)


# --- one plan ----------------------------------------------------------------------------------


def _live_plan(session: Session, plan_id: int) -> RevisitPlan:
    plan = session.get(RevisitPlan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise ValidationError(f"回访计划 {plan_id} 不存在或已删除。", f"Revisit plan {plan_id} does not exist or was deleted.",
                              field="plan_id")
    return plan


def _planned(session: Session, plan_id: int) -> RevisitPlan:
    plan = _live_plan(session, plan_id)
    if plan.state != "planned":
        raise ValidationError(
            f"该回访已是“{plan.state}”状态，不能再修改。", f"This revisit is already {plan.state} and cannot be changed.",
            field="state",
        )
    return plan


def schedule_revisit(session: Session, customer_id: int, due_on: date, *, purpose: str | None = None,
                     channel: str | None = None, owner_id: int | None = None) -> RevisitPlan:
    """A revisit a manager plans on purpose (kept where it is put, whatever contacts follow)."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(f"客户 {customer_id} 不存在或已删除。", f"Customer {customer_id} does not exist or was deleted.",
                              field="customer_id")
    if channel is not None and channel not in INTERACTION_KINDS:
        raise ValidationError(f"回访方式“{channel}”无效。", f"'{channel}' is not a contact channel.", field="channel")
    plan = RevisitPlan(customer_id=customer_id, due_on=due_on, purpose=purpose or None,
                       channel=channel or load_cadence(session).channel(customer.tier, customer.stage),
                       owner_id=owner_id if owner_id is not None else customer.owner_id, state="planned")
    session.add(plan)
    session.flush()
    return plan


def _next_plan(session: Session, customer: Customer, after: date) -> RevisitPlan:
    """The customer's next planned revisit: an existing one, or one a cadence interval after `after`."""
    existing = session.scalars(
        select(RevisitPlan)
        .where(RevisitPlan.customer_id == customer.id, RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None),
               RevisitPlan.origin_interaction_id.is_(None))
        .order_by(RevisitPlan.due_on)
    ).first()
    if existing is not None:
        return existing
    cadence = load_cadence(session)
    due_on = load_work_calendar(session).on_or_after(
        after + timedelta(days=cadence.interval(customer.tier, customer.stage)))
    plan = RevisitPlan(customer_id=customer.id, owner_id=customer.owner_id, state="planned", due_on=due_on,
                       purpose=CADENCE_PURPOSE, channel=cadence.channel(customer.tier, customer.stage))
    session.add(plan)
    session.flush()
    return plan


def complete_revisit(
    session: Session,
    plan_id: int,
    channel: str,
    summary: str | None,
    satisfaction: int | None,
    next_step: str | None,
    done_on: date,
    *,
    outcome: str | None = None,
    contact_id: int | None = None,
    user_id: int | None = None,
) -> tuple[Interaction, RevisitPlan]:
    """Log the revisit as an interaction, mark the plan done and plan the next one from this contact."""
    plan = _planned(session, plan_id)
    if channel not in INTERACTION_KINDS:
        raise ValidationError(f"回访方式“{channel}”无效，可选：{'、'.join(INTERACTION_KINDS)}。",
                              f"'{channel}' is not a contact channel; use one of {', '.join(INTERACTION_KINDS)}.",
                              field="channel")
    if satisfaction is not None and not (1 <= int(satisfaction) <= 5):
        raise ValidationError(f"满意度必须是 1–5，而不是 {satisfaction}。",
                              f"Satisfaction must be 1–5, not {satisfaction}.", field="satisfaction")
    customer = session.get(Customer, plan.customer_id)
    assert customer is not None
    interaction = Interaction(
        customer_id=plan.customer_id, contact_id=contact_id, user_id=user_id, kind=channel,
        occurred_at=local_noon_utc(done_on), summary=summary or None, outcome=outcome or None,
        next_step=next_step or None, satisfaction=satisfaction,
    )
    session.add(interaction)
    session.flush()
    old_due = plan.due_on
    plan.state = "done"
    plan.done_on = done_on
    plan.interaction_id = interaction.id
    session.flush()
    _close_revisit_reminders(session, [(plan.uid, old_due)], "done")
    return interaction, _next_plan(session, customer, done_on)


def update_revisit_plan(session: Session, plan_id: int, changes: dict, *, expected_version: int | None = None,
                        base: dict | None = None) -> RevisitPlan:
    """Change a planned revisit's day, purpose or channel, three ways against the `base` values the
    screen showed (see archive.records.update_customer): a colleague's move of the same revisit to
    another day is a conflict, their change of another field is kept. A new day's reminders give
    way to new ones."""
    session.execute(select(RevisitPlan.id).where(RevisitPlan.id == plan_id).with_for_update())
    plan = session.get(RevisitPlan, plan_id, populate_existing=True)
    if plan is None or (plan.deleted_at is not None and expected_version is None and base is None):
        plan = _live_plan(session, plan_id)  # says it is gone
    values: dict = {}
    for key, value in changes.items():
        if key == "due_on":
            if not isinstance(value, date):
                raise ValidationError("回访日期无效。", "The revisit date is not a valid date.", field="due_on")
            values[key] = value
        elif key == "purpose":
            values[key] = (str(value).strip() or None) if value is not None else None
        elif key == "channel":
            if value is not None and value not in INTERACTION_KINDS:
                raise ValidationError(f"回访方式“{value}”无效。", f"'{value}' is not a contact channel.", field="channel")
            values[key] = value
        else:
            raise ValidationError(f"回访计划没有字段“{key}”", f"revisit plans have no field '{key}'", field=key)
    values = check_version(plan, expected_version, values, base=base)
    if plan.state != "planned":
        _planned(session, plan_id)  # done or skipped meanwhile: says so
    old_due = plan.due_on
    for key, value in values.items():
        if getattr(plan, key) != value:
            setattr(plan, key, value)
    if "due_on" in values:
        plan.planned_for = plan.due_on  # a day a person chose: the levelling keeps it (levelling.read_slots)
    session.flush()
    if plan.due_on != old_due:
        _close_revisit_reminders(session, [(plan.uid, old_due)], "dismissed")
    return plan


def reschedule_revisit(session: Session, plan_id: int, new_date: date, *, shown_due: date | None = None) -> RevisitPlan:
    """Move a planned revisit (the calendar's drag); its old reminders give way to new ones. With
    the day the screen showed, a colleague's move of it in between is a conflict, not overwritten."""
    _planned(session, plan_id)
    base = {"due_on": shown_due} if shown_due is not None else None
    return update_revisit_plan(session, plan_id, {"due_on": new_date}, base=base)


def skip_revisit(session: Session, plan_id: int, skipped_on: date) -> RevisitPlan:
    """Skip a planned revisit; the cadence continues one interval after the day it was skipped."""
    plan = _planned(session, plan_id)
    plan.state = "skipped"
    plan.done_on = skipped_on
    session.flush()
    _close_revisit_reminders(session, [(plan.uid, plan.due_on)], "dismissed")
    customer = session.get(Customer, plan.customer_id)
    assert customer is not None
    return _next_plan(session, customer, skipped_on)


def revisit_status(plan, today: date, grace_days: int) -> str:
    """'upcoming', 'due' (amber: from its date through the grace) or 'overdue' (red); done/skipped as is."""
    if plan.state != "planned":
        return plan.state
    if today < plan.due_on:
        return "upcoming"
    if (today - plan.due_on).days <= grace_days:
        return "due"
    return "overdue"


# --- calendar ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RevisitRow:
    """One revisit as the calendar and the sheets show it (plain values, no ORM)."""

    plan_id: int
    plan_uid: str
    customer_id: int
    customer_code: str
    customer_name: str
    tier: str | None
    owner_id: int | None
    owner: str | None
    due_on: date
    purpose: str | None
    channel: str | None
    state: str
    status: str
    done_on: date | None
    followup: bool = False  # a promised next step (the purpose says which), not a revisit

    def as_dict(self) -> dict:
        return {
            "plan_id": self.plan_id, "customer_code": self.customer_code, "customer_name": self.customer_name,
            "tier": self.tier, "owner": self.owner, "due_on": self.due_on.isoformat(), "purpose": self.purpose,
            "channel": self.channel, "state": self.state, "status": self.status,
            "done_on": self.done_on.isoformat() if self.done_on else None, "followup": self.followup,
        }


def revisits_between(
    session: Session,
    start: date,
    end: date,
    owner_id: int | None = None,
    tier: str | None = None,
    *,
    today: date | None = None,
    grace_days: int | None = None,
    states: tuple[str, ...] = ("planned", "done", "skipped"),
) -> list[RevisitRow]:
    """Revisits due within [start, end] (inclusive) of live customers, by date then tier then code.

    `tier=""` selects customers without a tier. With `today`, planned rows carry their
    upcoming/due/overdue status; without, the status is the plan's state.
    """
    owner = aliased(User)
    query = (
        select(RevisitPlan.id, RevisitPlan.uid, Customer.id, Customer.code, Customer.name, Customer.tier,
               RevisitPlan.owner_id, func.coalesce(owner.display_name, owner.name), RevisitPlan.due_on,
               RevisitPlan.purpose, RevisitPlan.channel, RevisitPlan.state, RevisitPlan.done_on,
               RevisitPlan.origin_interaction_id)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(owner, owner.id == RevisitPlan.owner_id)
        .where(RevisitPlan.due_on.between(start, end), RevisitPlan.deleted_at.is_(None),
               Customer.deleted_at.is_(None), RevisitPlan.state.in_(states))
        .order_by(RevisitPlan.due_on, Customer.tier, Customer.code)
    )
    if owner_id is not None:
        query = query.where(RevisitPlan.owner_id == owner_id)
    if tier is not None:
        query = query.where(Customer.tier.is_(None) if tier == "" else Customer.tier == tier)
    if today is not None and grace_days is None:
        from accountdesk.core.reminders.settings import load_reminder_settings

        grace_days = load_reminder_settings(session).grace_days
    rows = []
    for (plan_id, uid, customer_id, code, name, tier_value, owner_key, owner_name, due_on, purpose, channel,
         state, done_on, origin) in session.execute(query):
        status = state
        if today is not None and state == "planned":
            status = "upcoming" if today < due_on else ("due" if (today - due_on).days <= (grace_days or 0) else "overdue")
        rows.append(RevisitRow(plan_id, uid, customer_id, code, name, tier_value, owner_key, owner_name, due_on,
                               purpose, channel, state, status, done_on, origin is not None))
    return rows


def next_revisit_by_customer(session: Session) -> dict[int, date]:
    """Each live customer's earliest planned revisit (for exports and the archive view)."""
    rows = session.execute(
        select(RevisitPlan.customer_id, func.min(RevisitPlan.due_on))
        .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None))
        .group_by(RevisitPlan.customer_id)
    )
    return {customer_id: due_on for customer_id, due_on in rows}


# --- iCalendar ---------------------------------------------------------------------------------

_CHANNEL_NAMES = {"phone": "电话", "email": "邮件", "visit": "拜访", "meeting": "会议", "wechat": "微信", "other": "其他"}


def ics_uid(plan_uid: str) -> str:
    """The event UID of a plan: fixed for the plan's life, so a calendar updates it on re-import."""
    return f"revisit-{plan_uid}@accountdesk"


def export_ics(session: Session, path: Path | str, today: date) -> int:
    """Write every planned revisit as an all-day VEVENT (RFC 5545); returns how many."""
    from icalendar import Calendar, Event

    from accountdesk.core.reminders.settings import load_reminder_settings

    grace = load_reminder_settings(session).grace_days
    owner = aliased(User)
    rows = session.execute(
        select(RevisitPlan, Customer.code, Customer.name, Customer.tier, func.coalesce(owner.display_name, owner.name))
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .outerjoin(owner, owner.id == RevisitPlan.owner_id)
        .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None))
        .order_by(RevisitPlan.due_on, Customer.code)
    ).all()
    calendar = Calendar()
    calendar.add("prodid", "-//AccountDesk//客户分级维护台//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "AccountDesk 回访计划")
    for plan, code, name, tier, owner_name in rows:
        event = Event()
        event.add("uid", ics_uid(plan.uid))
        # DTSTAMP/LAST-MODIFIED follow the plan's own change time, so an unchanged plan exports
        # byte-identical; SEQUENCE rises with every saved change (RFC 5545 §3.8.7.4).
        stamp = plan.updated_at or plan.created_at
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", max(0, (plan.version or 1) - 1))
        event.add("dtstart", plan.due_on)
        event.add("dtend", plan.due_on + timedelta(days=1))
        event.add("summary", f"回访 {name}（{code}）" + (f" · {tier}" if tier else ""))
        status = revisit_status(plan, today, grace)
        lines = [
            f"客户：{name}（{code}）",
            f"等级：{tier or '未分级'}",
            f"目的：{plan.purpose or CADENCE_PURPOSE}",
            f"方式：{_CHANNEL_NAMES.get(plan.channel or '', plan.channel or '—')}",
            f"负责人：{owner_name or '—'}",
        ]
        if status == "overdue":
            lines.append(f"已逾期（应于 {plan.due_on.isoformat()} 回访）")
        event.add("description", "\n".join(lines))
        if tier:
            event.add("categories", [f"等级 {tier}"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    write_whole_bytes(Path(path), calendar.to_ical())
    return len(rows)


__all__ = [
    "CADENCE_PURPOSE", "Cadence", "RevisitRow", "complete_revisit", "export_ics", "ics_uid", "load_cadence",
    "next_revisit_by_customer", "plan_revisits", "reschedule_revisit", "reset_cadence", "revisit_reminder_keys",
    "revisit_status", "revisits_between", "schedule_revisit", "serialize_generation", "skip_revisit",
    "sync_cadence",
]
