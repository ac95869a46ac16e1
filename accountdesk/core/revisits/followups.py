"""Dated follow-ups (下一步 with a date and an owner): the next step an interaction promises becomes a
to-do, kept as a revisit plan made from that interaction, so the calendar, the reminders and the
printed sheets show it and it completes like a revisit (from the calendar or by a logged contact)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from accountdesk.core.changes import changes_of
from accountdesk.core.i18n import ValidationError
from accountdesk.core.reminders.settings import load_reminder_settings
from accountdesk.core.revisits.plans import _close_revisit_reminders, revisit_status
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan, User, utcnow
from accountdesk.core.time import local_date

# What a follow-up is called when its interaction says no next step in words.
UNNAMED_STEP = "跟进 / follow-up"


@dataclass(frozen=True)
class FollowUp:
    """One promised next step: what, by when, whose, and how it stands."""

    plan_id: int
    customer_id: int
    customer_code: str
    customer_name: str
    tier: str | None
    owner_id: int | None
    owner: str | None
    due_on: date
    step: str
    state: str  # planned | done | skipped
    status: str  # upcoming | due | overdue for open ones, else the state
    done_on: date | None
    interaction_id: int  # the interaction that promised it
    promised_on: date

    def as_dict(self) -> dict:
        return {"plan_id": self.plan_id, "customer_code": self.customer_code, "customer_name": self.customer_name,
                "tier": self.tier, "owner": self.owner, "due_on": self.due_on.isoformat(), "step": self.step,
                "state": self.state, "status": self.status,
                "done_on": self.done_on.isoformat() if self.done_on else None,
                "promised_on": self.promised_on.isoformat()}


def followup_of(session: Session, interaction_id: int) -> RevisitPlan | None:
    """The follow-up an interaction promised (open or not), if it has one."""
    return session.scalars(
        select(RevisitPlan).where(RevisitPlan.origin_interaction_id == interaction_id, RevisitPlan.deleted_at.is_(None))
        .order_by(RevisitPlan.id.desc())
    ).first()


def set_followup(session: Session, interaction: Interaction, due_on: date | None, owner_id: int | None) -> RevisitPlan | None:
    """Give an interaction's next step a date and an owner (a to-do), move it, or (no date) drop it.

    A follow-up already done or skipped stays as it is. The owner defaults to the customer's.
    """
    plan = followup_of(session, interaction.id)
    if plan is not None and plan.state != "planned":
        return plan
    step = (interaction.next_step or "").strip() or UNNAMED_STEP
    if due_on is None:
        if plan is not None:
            plan.deleted_at = utcnow()
            session.flush()
            _close_revisit_reminders(session, [(plan.uid, plan.due_on)], "dismissed")
            changes_of(session).revisits = True
        return None
    when = local_date(interaction.occurred_at)
    if due_on < when:
        raise ValidationError(f"下一步的日期 {due_on} 早于这次互动（{when}）。",
                              f"The next step's date {due_on} is before the interaction itself ({when}).",
                              field="next_step_on")
    customer = session.get(Customer, interaction.customer_id)
    assert customer is not None
    owner = owner_id if owner_id is not None else customer.owner_id
    if plan is None:
        plan = RevisitPlan(customer_id=interaction.customer_id, owner_id=owner, due_on=due_on, purpose=step,
                           channel=None, state="planned", origin_interaction_id=interaction.id)
        session.add(plan)
    else:
        old_due = plan.due_on
        plan.due_on, plan.owner_id, plan.purpose = due_on, owner, step
        if old_due != due_on:
            session.flush()
            _close_revisit_reminders(session, [(plan.uid, old_due)], "dismissed")
    session.flush()
    changes_of(session).revisits = True
    return plan


def drop_followups_of(session: Session, interaction_id: int) -> int:
    """The interaction was deleted: its open follow-up goes with it (a tombstone, restorable)."""
    plan = followup_of(session, interaction_id)
    if plan is None or plan.state != "planned":
        return 0
    plan.deleted_at = utcnow()
    session.flush()
    _close_revisit_reminders(session, [(plan.uid, plan.due_on)], "dismissed")
    changes_of(session).revisits = True
    return 1


def restore_followups_of(session: Session, interaction_id: int) -> int:
    """The interaction was restored: its open follow-up comes back with it."""
    plan = session.scalars(
        select(RevisitPlan).where(RevisitPlan.origin_interaction_id == interaction_id, RevisitPlan.state == "planned",
                                  RevisitPlan.deleted_at.is_not(None)).order_by(RevisitPlan.id.desc())
    ).first()
    if plan is None:
        return 0
    plan.deleted_at = None
    session.flush()
    changes_of(session).revisits = True
    return 1


def _rows(session: Session, query, today: date, grace_days: int) -> list[FollowUp]:
    rows = []
    for (plan_id, customer_id, code, name, tier, owner_id, owner, due_on, step, state, done_on, interaction_id,
         occurred_at) in session.execute(query):
        plan = _Status(state, due_on)
        rows.append(FollowUp(plan_id, customer_id, code, name, tier, owner_id, owner, due_on, step or UNNAMED_STEP,
                             state, revisit_status(plan, today, grace_days), done_on, interaction_id,
                             local_date(occurred_at)))
    return rows


@dataclass(frozen=True)
class _Status:
    state: str
    due_on: date


def _query(owner_alias):
    return (
        select(RevisitPlan.id, Customer.id, Customer.code, Customer.name, Customer.tier, RevisitPlan.owner_id,
               func.coalesce(owner_alias.display_name, owner_alias.name), RevisitPlan.due_on, RevisitPlan.purpose,
               RevisitPlan.state, RevisitPlan.done_on, RevisitPlan.origin_interaction_id, Interaction.occurred_at)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .join(Interaction, Interaction.id == RevisitPlan.origin_interaction_id)
        .outerjoin(owner_alias, owner_alias.id == RevisitPlan.owner_id)
        .where(RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None),
               RevisitPlan.origin_interaction_id.is_not(None))
    )


def open_followups(session: Session, today: date, *, owner_id: int | None = None, until: date | None = None,
                   grace_days: int | None = None) -> list[FollowUp]:
    """Open follow-ups due by `until` (every open one without it), overdue first, then by date:
    the to-do list of Today, the reminders and the calendar."""
    if grace_days is None:
        grace_days = load_reminder_settings(session).grace_days
    owner = aliased(User)
    query = _query(owner).where(RevisitPlan.state == "planned").order_by(RevisitPlan.due_on, Customer.code)
    if owner_id is not None:
        query = query.where(RevisitPlan.owner_id == owner_id)
    if until is not None:
        query = query.where(RevisitPlan.due_on <= until)
    rows = _rows(session, query, today, grace_days)
    rank = {"overdue": 0, "due": 1, "upcoming": 2}
    rows.sort(key=lambda row: (rank.get(row.status, 3), row.due_on, row.customer_code))
    return rows


def customer_followups(session: Session, customer_ids: Collection[int], today: date, *,
                       grace_days: int = 7) -> dict[int, list[FollowUp]]:
    """Each customer's open follow-ups, soonest first (what its next revisit sheet prints)."""
    found: dict[int, list[FollowUp]] = {}
    ids = sorted(set(customer_ids))
    owner = aliased(User)
    for start in range(0, len(ids), 500):
        query = (_query(owner).where(RevisitPlan.state == "planned",
                                     RevisitPlan.customer_id.in_(ids[start:start + 500]))
                 .order_by(RevisitPlan.customer_id, RevisitPlan.due_on, RevisitPlan.id))
        for row in _rows(session, query, today, grace_days):
            found.setdefault(row.customer_id, []).append(row)
    return found


def interaction_followups(session: Session, interaction_ids: Collection[int], today: date, *,
                          grace_days: int = 7) -> dict[int, FollowUp]:
    """The follow-up each of these interactions promised (any state), for the timeline."""
    ids = sorted(set(interaction_ids))
    found: dict[int, FollowUp] = {}
    owner = aliased(User)
    for start in range(0, len(ids), 500):
        query = _query(owner).where(RevisitPlan.origin_interaction_id.in_(ids[start:start + 500]))
        for row in _rows(session, query, today, grace_days):
            found[row.interaction_id] = row
    return found


__all__ = ["UNNAMED_STEP", "FollowUp", "customer_followups", "drop_followups_of", "followup_of",
           "interaction_followups", "open_followups", "restore_followups_of", "set_followup"]
