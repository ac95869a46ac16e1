"""The reminder centre: reminder states, snoozing and what is due. Raising reminders lives in runs."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accountdesk.core.i18n import ValidationError, current_language
from accountdesk.core.reminders.settings import ReminderSettings, load_reminder_settings
from accountdesk.core.storage.models import REMINDER_STATES, Customer, Reminder, new_uid

OPEN_STATES = ("new", "seen", "snoozed")
CARE_KINDS = ("birthday", "festival", "anniversary")
_CHUNK = 500


# --- states --------------------------------------------------------------------------------------


def _live_reminder(session: Session, reminder_id: int) -> Reminder:
    reminder = session.get(Reminder, reminder_id)
    if reminder is None or reminder.deleted_at is not None:
        raise ValidationError(f"提醒 {reminder_id} 不存在。", f"Reminder {reminder_id} does not exist.", field="reminder_id")
    return reminder


def _check_state(state: str) -> None:
    if state not in REMINDER_STATES:
        raise ValidationError(f"提醒状态“{state}”无效。", f"'{state}' is not a reminder state.", field="state")


def set_state(session: Session, reminder_id: int, state: str) -> Reminder:
    """new / seen / done / dismissed (use snooze() to snooze)."""
    _check_state(state)
    reminder = _live_reminder(session, reminder_id)
    reminder.state = state
    if state != "snoozed":
        reminder.snoozed_until = None
    session.flush()
    return reminder


def snooze(session: Session, reminder_id: int, until: date) -> Reminder:
    """Hide a reminder until a date; it comes back as new on that day."""
    reminder = _live_reminder(session, reminder_id)
    reminder.state = "snoozed"
    reminder.snoozed_until = until
    session.flush()
    return reminder


def set_state_many(session: Session, reminder_ids: list[int], state: str) -> int:
    _check_state(state)
    count = 0
    for start in range(0, len(reminder_ids), _CHUNK):
        for reminder in session.scalars(select(Reminder).where(Reminder.id.in_(reminder_ids[start:start + _CHUNK]),
                                                               Reminder.deleted_at.is_(None))):
            reminder.state = state
            reminder.snoozed_until = None
            count += 1
    session.flush()
    return count


def snooze_many(session: Session, reminder_ids: list[int], until: date) -> int:
    count = 0
    for start in range(0, len(reminder_ids), _CHUNK):
        for reminder in session.scalars(select(Reminder).where(Reminder.id.in_(reminder_ids[start:start + _CHUNK]),
                                                               Reminder.deleted_at.is_(None))):
            reminder.state = "snoozed"
            reminder.snoozed_until = until
            count += 1
    session.flush()
    return count


def add_custom_reminder(session: Session, subject: str, due_on: date, *, customer_id: int | None = None,
                        detail: str | None = None) -> Reminder:
    """A reminder a manager writes by hand (kind "custom")."""
    subject = (subject or "").strip()
    if not subject:
        raise ValidationError("提醒内容不能为空。", "A reminder needs a subject.", field="subject")
    reminder = Reminder(key=f"custom:{new_uid()}", kind="custom", subject=subject[:300], detail=detail,
                        customer_id=customer_id, due_on=due_on, event_on=due_on, state="new", data={})
    session.add(reminder)
    session.flush()
    return reminder


# --- listing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderRow:
    """A reminder as the centre and the CLI show it (plain values)."""

    id: int
    key: str
    kind: str
    subject_zh: str
    subject_en: str
    detail_zh: str | None
    detail_en: str | None
    customer_id: int | None
    customer_code: str | None
    customer_name: str | None
    contact_id: int | None
    event_on: date | None
    due_on: date
    state: str
    snoozed_until: date | None
    data: dict

    def subject(self, language: str | None = None) -> str:
        return self.subject_zh if (language or current_language()) == "zh" else self.subject_en

    def detail(self, language: str | None = None) -> str | None:
        return self.detail_zh if (language or current_language()) == "zh" else self.detail_en

    def as_json(self, language: str | None = None) -> dict:
        return {
            "id": self.id, "key": self.key, "kind": self.kind, "subject": self.subject(language),
            "detail": self.detail(language), "customer_code": self.customer_code,
            "customer_name": self.customer_name, "event_date": self.event_on.isoformat() if self.event_on else None,
            "due_date": self.due_on.isoformat(), "state": self.state,
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "rule": self.data.get("rule"), "greeting": self.data.get("greeting"),
        }


_KIND_ORDER = {kind: index for index, kind in enumerate(("churn", "complaint", "revisit", "birthday", "anniversary",
                                                          "festival", "custom"))}


def due_reminders(session: Session, today: date, days: int = 0, *, kinds: tuple[str, ...] | None = None,
                  customer_id: int | None = None, settings: ReminderSettings | None = None,
                  owners: Collection[int | None] | None = None) -> list[ReminderRow]:
    """Open reminders due by today + `days`: new and seen ones, and snoozed ones whose date has come.

    Care reminders whose day is more than `catch_up_days` past are left out: a birthday a month
    ago is no longer something to act on. `owners` keeps the reminders of those owners' customers
    (None in it: customers without an owner) and the festivals, which concern everyone.
    """
    settings = settings or load_reminder_settings(session)
    horizon = today + timedelta(days=max(0, days))
    stale_before = today - timedelta(days=settings.catch_up_days)
    query = (
        select(Reminder.id, Reminder.key, Reminder.kind, Reminder.subject, Reminder.detail, Reminder.customer_id,
               Customer.code, Customer.name, Reminder.contact_id, Reminder.event_on, Reminder.due_on, Reminder.state,
               Reminder.snoozed_until, Reminder.data)
        .outerjoin(Customer, Customer.id == Reminder.customer_id)
        .where(
            Reminder.deleted_at.is_(None),
            or_(Reminder.customer_id.is_(None), Customer.deleted_at.is_(None)),
            or_(Reminder.state.in_(("new", "seen")), (Reminder.state == "snoozed") & (Reminder.snoozed_until <= today)),
            Reminder.due_on <= horizon,
            or_(Reminder.kind.not_in(CARE_KINDS), Reminder.event_on.is_(None), Reminder.event_on >= stale_before),
        )
    )
    if kinds:
        query = query.where(Reminder.kind.in_(kinds))
    if customer_id is not None:
        query = query.where(Reminder.customer_id == customer_id)
    if owners is not None:
        query = query.where(owned_by(owners))
    rows = []
    for (rid, key, kind, subject, detail, cust_id, code, name, contact_id, event_on, due_on, state, snoozed,
         data) in session.execute(query):
        data = data or {}
        english = data.get("en") or {}
        rows.append(ReminderRow(rid, key, kind, subject, english.get("subject") or subject, detail,
                                english.get("detail") or detail, cust_id, code, name, contact_id, event_on, due_on,
                                state, snoozed, data))
    rows.sort(key=lambda r: (r.due_on, _KIND_ORDER.get(r.kind, 99), r.customer_code or "", r.id))
    return rows


def owned_by(owners: Collection[int | None]):
    """Reminders of these owners' customers, and those of no customer (festivals)."""
    named = [owner for owner in owners if owner is not None]
    conditions = [Reminder.customer_id.is_(None)]
    if named:
        conditions.append(Reminder.customer_id.in_(select(Customer.id).where(Customer.owner_id.in_(named))))
    if None in owners:
        conditions.append(Reminder.customer_id.in_(select(Customer.id).where(Customer.owner_id.is_(None))))
    return or_(*conditions)


def count_due(session: Session, today: date, owners: Collection[int | None] | None = None) -> int:
    """How many reminders wait (the main window's badge): new ones and snoozed ones whose date came."""
    query = select(func.count()).select_from(Reminder).where(
        Reminder.deleted_at.is_(None), Reminder.due_on <= today,
        or_(Reminder.state == "new", (Reminder.state == "snoozed") & (Reminder.snoozed_until <= today)),
    )
    if owners is not None:
        query = query.where(owned_by(owners))
    return session.scalar(query) or 0


def customers_of(session: Session, owners: Collection[int | None]) -> set[int]:
    named = [owner for owner in owners if owner is not None]
    query = select(Customer.id).where(Customer.owner_id.in_(named) if named else Customer.owner_id.is_(None))
    return set(session.scalars(query))


def reminder_owner(session: Session, reminder_id: int) -> tuple[bool, int | None]:
    """(whether the reminder is about a customer, that customer's owner)."""
    row = session.execute(select(Reminder.customer_id, Customer.owner_id)
                          .outerjoin(Customer, Customer.id == Reminder.customer_id)
                          .where(Reminder.id == reminder_id)).first()
    if row is None or row[0] is None:
        return False, None
    return True, row[1]
