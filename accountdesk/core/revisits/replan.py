"""A tier change re-plans: a customer's open cadence plan follows the new tier's interval and
channel, whether the tier came from a re-grade, a drag on the tier board or an override."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from accountdesk.core.changes import changes_of
from accountdesk.core.revisits.plans import (
    CADENCE_PURPOSE,
    PLANNER,
    Cadence,
    _close_revisit_reminders,
    last_contact_of,
    load_cadence,
)
from accountdesk.core.storage.models import Customer, RevisitPlan, utcnow
from accountdesk.core.storage.sql import epoch_seconds
from accountdesk.core.time import LocalDays

_CHUNK = 500
# Past this many customers (a first grading) one pass over every open plan beats IN lists.
_WHOLE = 5000


@dataclass(frozen=True)
class Replanned:
    """One plan a tier change moved (or only gave the new tier's channel)."""

    plan_id: int
    customer_id: int
    old_due: date
    new_due: date
    channel: str | None


def cadence_date(cadence: Cadence, tier: str | None, last_contact: date, today: date, stage: str | None = None) -> date:
    """When a customer of `tier` is due, counted from its last contact; today at the latest when
    that day has passed (the revisit is owed now, not in the past)."""
    return max(date.fromordinal(last_contact.toordinal() + cadence.interval(tier, stage)), today)


def replan_for_tiers(session: Session, customer_ids: Collection[int], today: date) -> list[Replanned]:
    """Customers whose tier just changed: each open cadence plan still ahead moves to the new
    tier's date (earlier when the new cadence is shorter, later when longer) and takes its channel.

    A plan already due or overdue keeps its date (it is owed already) and takes the channel; plans
    made on purpose and promised follow-ups keep theirs.
    """
    if not customer_ids:
        return []
    session.flush()
    cadence = load_cadence(session)
    query = (
        select(RevisitPlan.id, RevisitPlan.uid, RevisitPlan.customer_id, RevisitPlan.due_on, RevisitPlan.channel,
               Customer.tier, epoch_seconds(session, last_contact_of(RevisitPlan.customer_id)),
               epoch_seconds(session, Customer.created_at), Customer.stage)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None),
               RevisitPlan.purpose == CADENCE_PURPOSE, RevisitPlan.origin_interaction_id.is_(None))
    )
    wanted = set(customer_ids)
    if len(wanted) > _WHOLE:
        rows = [row for row in session.execute(query) if row[2] in wanted]
    else:
        ids = sorted(wanted)
        rows = []
        for start in range(0, len(ids), _CHUNK):
            rows.extend(session.execute(query.where(RevisitPlan.customer_id.in_(ids[start:start + _CHUNK]))))
    days = LocalDays()
    moved: list[tuple[Replanned, str]] = []
    for plan_id, uid, customer_id, due_on, channel, tier, last_epoch, created_epoch, stage in rows:
        base = date.fromordinal(days.ordinal(last_epoch if last_epoch is not None else (created_epoch or 0)))
        new_due = due_on if due_on <= today else cadence_date(cadence, tier, base, today, stage)
        new_channel = cadence.channel(tier, stage)
        if new_due != due_on or new_channel != channel:
            moved.append((Replanned(plan_id, customer_id, due_on, new_due, new_channel), uid))
    if not moved:
        return []
    table = RevisitPlan.__table__
    session.execute(
        update(table).where(table.c.id == bindparam("plan_id"))
        .values(due_on=bindparam("new_due"), channel=bindparam("new_channel"), version=table.c.version + 1,
                updated_at=utcnow(), updated_by=PLANNER),
        [{"plan_id": r.plan_id, "new_due": r.new_due, "new_channel": r.channel} for r, _uid in moved],
    )
    # The old date's reminders give way to the new date's, as when a plan is moved by hand.
    _close_revisit_reminders(session, [(uid, r.old_due) for r, uid in moved if r.new_due != r.old_due], "dismissed")
    for obj in list(session.identity_map.values()):
        if isinstance(obj, RevisitPlan):
            session.expire(obj)
    changes = changes_of(session)
    changes.revisits = True
    changes.customers.update(r.customer_id for r, _uid in moved)
    return [r for r, _uid in moved]


__all__ = ["Replanned", "cadence_date", "replan_for_tiers"]
