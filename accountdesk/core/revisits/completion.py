"""A logged contact completes the revisit it was: any contact with the customer (logged on the
customer page, imported, or written by a revisit sheet) inside an open plan's window marks that
plan done, on time or late as it was, and the next plan follows from it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from accountdesk.core.changes import changes_of
from accountdesk.core.reminders.settings import load_reminder_settings
from accountdesk.core.revisits.plans import PLANNER, _close_revisit_reminders, _next_plan, sync_cadence
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan, utcnow
from accountdesk.core.time import local_date, local_zone

# The outcome of a greeting logged for a festival (core.reminders.greetings): it completes no revisit.
GREETED = "greeted"

_CHUNK = 500
# Beyond this many customers with fresh contacts (an import, a merge), every open plan is looked at.
_MANY = 50_000


@dataclass(frozen=True)
class RevisitWindow:
    """When a contact counts as a plan's revisit: from `lead` days before its date on.

    Up to `grace` days after the date it is on time; later, it still completes the plan, late.
    """

    lead: int
    grace: int

    def opens(self, due_on: date) -> date:
        return due_on - timedelta(days=self.lead)

    def on_time(self, due_on: date, done_on: date) -> bool:
        return done_on <= due_on + timedelta(days=self.grace)


def revisit_window(session: Session) -> RevisitWindow:
    """The window from the reminder settings: a revisit's reminder lead and its grace."""
    settings = load_reminder_settings(session)
    return RevisitWindow(max(0, int(settings.lead_days.get("revisit", 3))), max(0, int(settings.grace_days)))


@dataclass(frozen=True)
class _Plan:
    id: int
    uid: str
    customer_id: int
    due_on: date
    created_at: datetime
    origin_interaction_id: int | None


@dataclass(frozen=True)
class _Contact:
    id: int
    customer_id: int
    occurred_at: datetime
    created_at: datetime

    @property
    def day(self) -> date:
        return local_date(self.occurred_at)


@dataclass(frozen=True)
class Completion:
    """One plan a contact completed."""

    plan_id: int
    customer_id: int
    due_on: date
    done_on: date
    interaction_id: int
    on_time: bool


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def _open_plans(session: Session, customer_ids: Collection[int] | None) -> list[_Plan]:
    query = (
        select(RevisitPlan.id, RevisitPlan.uid, RevisitPlan.customer_id, RevisitPlan.due_on, RevisitPlan.created_at,
               RevisitPlan.origin_interaction_id)
        .join(Customer, Customer.id == RevisitPlan.customer_id)
        .where(RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None), Customer.deleted_at.is_(None))
    )
    if customer_ids is None:
        return [_Plan(*row) for row in session.execute(query)]
    ids = sorted(customer_ids)
    plans = []
    for start in range(0, len(ids), _CHUNK):
        plans.extend(_Plan(*row) for row in session.execute(
            query.where(RevisitPlan.customer_id.in_(ids[start:start + _CHUNK]))))
    return plans


def _free_contacts(session: Session, earliest: dict[int, date]) -> dict[int, list[_Contact]]:
    """Each customer's live contacts from its earliest window on that no plan is linked to yet."""
    found: dict[int, list[_Contact]] = defaultdict(list)
    ids = sorted(earliest)
    zone = local_zone()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        since = min(earliest[cid] for cid in chunk)
        since_utc = datetime.combine(since, time(), tzinfo=zone).astimezone(timezone.utc)
        linked = set(session.scalars(
            select(RevisitPlan.interaction_id)
            .where(RevisitPlan.customer_id.in_(chunk), RevisitPlan.interaction_id.is_not(None))))
        rows = session.execute(
            select(Interaction.id, Interaction.customer_id, Interaction.occurred_at, Interaction.created_at)
            .where(Interaction.customer_id.in_(chunk), Interaction.deleted_at.is_(None),
                   Interaction.occurred_at >= since_utc,
                   # A festival greeting sent to many is care, not the revisit a plan asks for.
                   or_(Interaction.outcome.is_(None), Interaction.outcome != GREETED))
            .order_by(Interaction.occurred_at, Interaction.id))
        for interaction_id, customer_id, occurred_at, created_at in rows:
            if interaction_id not in linked:
                found[customer_id].append(_Contact(interaction_id, customer_id, _utc(occurred_at), _utc(created_at)))
    return found


def _match(plan: _Plan, contacts: list[_Contact], window: RevisitWindow) -> _Contact | None:
    """The first contact that is this plan's revisit: in its window, and logged after the plan was
    made (a call logged this morning does not complete the visit planned this afternoon)."""
    opens = window.opens(plan.due_on)
    made = _utc(plan.created_at)
    for contact in contacts:
        if contact.id == plan.origin_interaction_id or contact.created_at < made:
            continue
        if contact.day >= opens:
            return contact
    return None


def complete_by_contacts(session: Session, customer_ids: Collection[int] | None = None) -> list[Completion]:
    """Mark done every open plan of these customers (None: every customer) that a logged contact
    not yet linked to a plan falls in the window of; plan the next revisit from that contact.

    One contact may complete several plans of its customer (a visit that was both the cadence's
    revisit and a promised follow-up); a contact already linked to a plan completes no other.
    """
    if customer_ids is not None and not customer_ids:
        return []
    session.flush()  # a contact just added in this session must be seen
    window = revisit_window(session)
    plans = _open_plans(session, customer_ids)
    if not plans:
        return []
    earliest: dict[int, date] = {}
    for plan in plans:
        opens = window.opens(plan.due_on)
        earliest[plan.customer_id] = min(opens, earliest.get(plan.customer_id, opens))
    contacts = _free_contacts(session, earliest)
    done: list[tuple[_Plan, _Contact]] = []
    for plan in sorted(plans, key=lambda p: (p.customer_id, p.due_on, p.id)):
        contact = _match(plan, contacts.get(plan.customer_id, []), window)
        if contact is not None:
            done.append((plan, contact))
    if not done:
        return []
    table = RevisitPlan.__table__
    session.execute(
        update(table)
        .where(table.c.id == bindparam("plan_id"), table.c.state == "planned")
        .values(state="done", done_on=bindparam("done_on"), interaction_id=bindparam("contact_id"),
                version=table.c.version + 1, updated_at=utcnow(), updated_by=PLANNER),
        [{"plan_id": plan.id, "done_on": contact.day, "contact_id": contact.id} for plan, contact in done],
    )
    _close_revisit_reminders(session, [(plan.uid, plan.due_on) for plan, _contact in done], "done")
    # The next revisit follows from the latest contact that completed one (an interval after it).
    latest: dict[int, date] = {}
    for plan, contact in done:
        latest[plan.customer_id] = max(contact.day, latest.get(plan.customer_id, contact.day))
    for obj in list(session.identity_map.values()):  # plans loaded in this session are stale now
        if isinstance(obj, RevisitPlan):
            session.expire(obj)
    for customer_id, day in latest.items():
        customer = session.get(Customer, customer_id)
        if customer is not None:
            _next_plan(session, customer, day)
    changes = changes_of(session)
    changes.revisits = True
    changes.customers.update(latest)
    return [Completion(plan.id, plan.customer_id, plan.due_on, contact.day, contact.id,
                       window.on_time(plan.due_on, contact.day)) for plan, contact in done]


def reopen_for_removed_contacts(session: Session, interaction_ids: Collection[int]) -> int:
    """Contacts deleted (or an import undone): the plans they completed are open again, and the
    plan made to follow each, while nobody has touched it, gives way. Returns plans reopened.

    Only plans a contact completed by itself (written by the planner) reopen; a revisit a person
    completed from the calendar stays done."""
    ids = sorted(set(interaction_ids))
    if not ids:
        return 0
    session.flush()
    table = RevisitPlan.__table__
    completed = []
    for start in range(0, len(ids), _CHUNK):
        completed.extend(session.execute(
            select(table.c.id, table.c.customer_id, table.c.updated_at)
            .where(table.c.interaction_id.in_(ids[start:start + _CHUNK]), table.c.state == "done",
                   table.c.updated_by == PLANNER, table.c.deleted_at.is_(None))).all())
    if not completed:
        return 0
    now = utcnow()
    session.execute(
        update(table).where(table.c.id == bindparam("plan_id"))
        .values(state="planned", done_on=None, interaction_id=None, version=table.c.version + 1, updated_at=now,
                updated_by=PLANNER),
        [{"plan_id": plan_id} for plan_id, _customer, _at in completed])
    reopened = {plan_id for plan_id, _customer, _at in completed}
    for plan_id, customer_id, completed_at in completed:
        followers = session.execute(
            select(table.c.id).where(
                table.c.customer_id == customer_id, table.c.state == "planned", table.c.deleted_at.is_(None),
                table.c.version == 1, table.c.origin_interaction_id.is_(None), table.c.id > plan_id,
                table.c.created_at >= completed_at, table.c.id.not_in(reopened))).scalars().all()
        if followers:
            session.execute(update(table).where(table.c.id.in_(followers))
                            .values(deleted_at=now, updated_at=now, updated_by=PLANNER, version=table.c.version + 1))
    for obj in list(session.identity_map.values()):
        if isinstance(obj, RevisitPlan):
            session.expire(obj)
    changes = changes_of(session)
    changes.revisits = True
    changes.customers.update(customer for _plan, customer, _at in completed)
    return len(completed)


def contacts_written_since(session: Session, since: datetime) -> set[int] | None:
    """Customers with contacts written since `since` (None: so many that every plan is looked at)."""
    touched = set(session.scalars(
        select(Interaction.customer_id).where(Interaction.updated_at >= since).limit(_MANY + 1)))
    return None if len(touched) > _MANY else touched


def contacts_logged(session: Session, customer_ids: Collection[int]) -> list[Completion]:
    """Call after logging contacts (one on the customer page, thousands from an import): each
    completes the plan it was, and every cadence restarts from the latest contact."""
    if not customer_ids:
        return []
    completed = complete_by_contacts(session, customer_ids)
    sync_cadence(session, None, customer_ids=customer_ids)
    return completed


def contact_logged(session: Session, customer_id: int) -> list[Completion]:
    return contacts_logged(session, [customer_id])


__all__ = ["Completion", "RevisitWindow", "complete_by_contacts", "contact_logged", "contacts_logged", "contacts_written_since",
           "reopen_for_removed_contacts", "revisit_window"]
