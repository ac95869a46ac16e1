"""Who the signed-in person is among the owners: chosen once per database and login, remembered in
the database, so Today, the reminder centre and the calendar open on that owner's customers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import AccountDeskError, ValidationError
from accountdesk.core.storage.models import Customer, RevisitPlan, Setting, User, write_internal_setting

SETTING_KEY = "identity.owners"  # {login: the owner's uid}: a uid survives a merge of two copies


@dataclass(frozen=True)
class Owner:
    """An owner as pickers and filters show it."""

    id: int
    name: str
    label: str  # the display name where there is one
    capacity: int | None
    customers: int = 0


def list_owners(session: Session) -> list[Owner]:
    """Live users who own customers, or could (every active user), by name."""
    counts = dict(session.execute(
        select(Customer.owner_id, func.count()).where(Customer.deleted_at.is_(None)).group_by(Customer.owner_id)).all())
    rows = session.execute(
        select(User.id, User.name, User.display_name, User.daily_capacity, User.active)
        .where(User.deleted_at.is_(None)).order_by(User.name))
    return [Owner(uid, name, display or name, capacity, int(counts.get(uid, 0)))
            for uid, name, display, capacity, active in rows if active or counts.get(uid)]


def find_owner(session: Session, text: str) -> int:
    """The id of the owner named `text` (login or display name, as the customer export shows it)."""
    found = session.scalars(
        select(User.id).where(User.deleted_at.is_(None), or_(User.name == text, User.display_name == text))).first()
    if found is None:
        known = [f"{o.label}" for o in list_owners(session)]
        raise AccountDeskError(f"没有名为“{text}”的负责人。已有：{'、'.join(known) or '（无）'}",
                               f"No owner named '{text}'. Known: {', '.join(known) or '(none)'}")
    return found


def signed_in_owner(session: Session, login: str | None) -> int | None:
    """The owner this login chose at first start (None: not chosen yet, or no longer a user).

    A login that is itself an owner's user name needs no choice."""
    if not login:
        return None
    value = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY, Setting.deleted_at.is_(None)))
    uid = (value or {}).get(login) if isinstance(value, dict) else None
    if uid:
        found = session.scalar(select(User.id).where(User.uid == uid, User.deleted_at.is_(None)))
        if found is not None:
            return found
    return session.scalar(select(User.id).where(User.name == login, User.deleted_at.is_(None)))


def choose_owner(session: Session, login: str, owner_id: int) -> Changes:
    """Remember that this login works as this owner (in this database)."""
    user = session.get(User, owner_id)
    if user is None or user.deleted_at is not None:
        raise ValidationError(f"负责人 {owner_id} 不存在。", f"Owner {owner_id} does not exist.", field="owner_id")
    value = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY))
    mapping = dict(value) if isinstance(value, dict) else {}
    mapping[login] = user.uid
    write_internal_setting(session, SETTING_KEY, mapping, user=login)
    return Changes(settings=True, users=True)


def set_capacity(session: Session, owner_id: int, capacity: int | None) -> Changes:
    """An owner's daily capacity (contacts a day); None for the default."""
    if capacity is not None and not 1 <= int(capacity) <= 200:
        raise ValidationError(f"每日容量须在 1–200 之间，而不是 {capacity}。",
                              f"A daily capacity must be 1–200, not {capacity}.", field="daily_capacity")
    user = session.get(User, owner_id)
    if user is None or user.deleted_at is not None:
        raise ValidationError(f"负责人 {owner_id} 不存在。", f"Owner {owner_id} does not exist.", field="owner_id")
    user.daily_capacity = None if capacity is None else int(capacity)
    session.flush()
    return Changes(users=True, revisits=True)


def hand_over(session: Session, customer_id: int, owner_id: int) -> Changes:
    """Give a customer to another owner, with its planned revisits (their days are levelled again
    on the new owner's calendar at the next reminder run)."""
    customer = session.get(Customer, customer_id)
    user = session.get(User, owner_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(f"客户 {customer_id} 不存在。", f"Customer {customer_id} does not exist.", field="customer_id")
    if user is None or user.deleted_at is not None:
        raise ValidationError(f"负责人 {owner_id} 不存在。", f"Owner {owner_id} does not exist.", field="owner_id")
    customer.owner_id = owner_id
    for plan in session.scalars(select(RevisitPlan).where(RevisitPlan.customer_id == customer_id,
                                                          RevisitPlan.state == "planned",
                                                          RevisitPlan.deleted_at.is_(None))):
        plan.owner_id = owner_id
        plan.planned_for = None
    session.flush()
    return Changes(customers={customer_id}, revisits=True, reminders=True)
