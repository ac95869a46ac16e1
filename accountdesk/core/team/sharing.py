"""Who works on a customer besides its owner (协作人, read-only or read-write), and the pool of customers
nobody owns (公海): any member may claim one, and an owner may give one back.

On a server the row security of migration 0020 decides what each login may do; these functions only
say it in the domain's words (a refused change arrives as the database's permission error)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import Customer, CustomerCollaborator, RevisitPlan, User
from accountdesk.core.team.identity import hand_over


@dataclass(frozen=True)
class Collaborator:
    user_id: int
    name: str
    can_write: bool


def _live_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(f"客户 {customer_id} 不存在或您无权查看。",
                              f"Customer {customer_id} does not exist or is not yours to see.", field="customer_id")
    return customer


def collaborators(session: Session, customer_id: int) -> list[Collaborator]:
    rows = session.execute(select(User.id, User.name, CustomerCollaborator.can_write)
                           .join(User, User.id == CustomerCollaborator.user_id)
                           .where(CustomerCollaborator.customer_id == customer_id).order_by(User.name))
    return [Collaborator(user_id, name, bool(can_write)) for user_id, name, can_write in rows]


def share_customer(session: Session, customer_id: int, user_id: int, *, can_write: bool) -> Changes:
    """Add (or change) a collaborator on a customer."""
    _live_customer(session, customer_id)
    row = session.get(CustomerCollaborator, (customer_id, user_id))
    if row is None:
        session.add(CustomerCollaborator(customer_id=customer_id, user_id=user_id, can_write=can_write))
    else:
        row.can_write = can_write
    session.flush()
    return Changes(customers={customer_id})


def unshare_customer(session: Session, customer_id: int, user_id: int) -> Changes:
    session.execute(delete(CustomerCollaborator).where(CustomerCollaborator.customer_id == customer_id,
                                                       CustomerCollaborator.user_id == user_id))
    return Changes(customers={customer_id})


def claim_customer(session: Session, customer_id: int, owner_id: int) -> Changes:
    """Take a customer from the pool (公海) as `owner_id`'s."""
    customer = _live_customer(session, customer_id)
    if customer.owner_id is not None and customer.owner_id != owner_id:
        raise ValidationError(f"客户“{customer.name}”已有负责人，不在公海中。",
                              f"The customer '{customer.name}' already has an owner; it is not in the pool.",
                              field="owner_id")
    return hand_over(session, customer_id, owner_id)


def release_customer(session: Session, customer_id: int) -> Changes:
    """Give a customer back to the pool: nobody owns it, every member sees it and may claim it."""
    customer = _live_customer(session, customer_id)
    customer.owner_id = None
    for plan in session.scalars(select(RevisitPlan).where(RevisitPlan.customer_id == customer_id,
                                                          RevisitPlan.state == "planned",
                                                          RevisitPlan.deleted_at.is_(None))):
        plan.owner_id = None
        plan.planned_for = None
    session.flush()
    return Changes(customers={customer_id}, revisits=True, reminders=True)
