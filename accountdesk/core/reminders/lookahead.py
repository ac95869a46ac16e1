"""Looking ahead: the birthdays, festivals, anniversaries and planned revisits of the next N days,
including those whose reminder is not raised yet (a gift is bought before 中秋, not on the day)."""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from accountdesk.core.reminders.centre import ReminderRow, due_reminders
from accountdesk.core.reminders.settings import ReminderSettings, load_reminder_settings
from accountdesk.core.reminders.sources import (
    anniversary_candidates,
    birthday_candidates,
    festival_candidates,
    revisit_candidates,
)
from accountdesk.core.storage.bulk_rows import existing_keys
from accountdesk.core.storage.models import Customer

LOOKAHEAD_KINDS = ("birthday", "festival", "anniversary", "revisit")
_SOURCES = (("birthday", birthday_candidates), ("festival", festival_candidates),
            ("anniversary", anniversary_candidates), ("revisit", revisit_candidates))


def upcoming(session: Session, today: date, days: int, *, owners: Collection[int | None] | None = None,
             settings: ReminderSettings | None = None) -> list[ReminderRow]:
    """What falls in [today, today + days] and is not raised yet, as rows in state "upcoming".

    `due_on` is the day its reminder will be raised (the date less the kind's lead time, not before
    today), `event_on` the date itself. Festivals concern everyone; the rest only these owners'
    customers when `owners` is given.
    """
    if days <= 0:
        return []
    settings = settings or load_reminder_settings(session)
    ahead = copy.deepcopy(settings)
    ahead.catch_up_days = 0
    for kind in LOOKAHEAD_KINDS:
        ahead.lead_days[kind] = days
    candidates = []
    for kind, source in _SOURCES:
        found = source(session, today, ahead, None, None)
        if kind == "revisit":
            found = [c for c in found if c.data.get("stage") == "due" and c.event_on is not None and c.event_on >= today]
        candidates.extend(c for c in found if c.event_on is not None and today <= c.event_on <= today + timedelta(days=days))
    if owners is not None:
        customer_ids = {c.customer_id for c in candidates if c.customer_id is not None}
        allowed = _owned(session, customer_ids, owners)
        candidates = [c for c in candidates if c.customer_id is None or c.customer_id in allowed]
    raised = existing_keys(session, [c.key for c in candidates])
    codes = _customer_names(session, {c.customer_id for c in candidates if c.customer_id is not None})
    rows = []
    for c in candidates:
        if c.key in raised:
            continue
        assert c.event_on is not None
        raise_on = max(today, c.event_on - timedelta(days=settings.lead(c.kind)))
        data = dict(c.data)
        data["en"] = {"subject": c.subject_en, "detail": c.detail_en}
        code, name = codes.get(c.customer_id, (None, None)) if c.customer_id is not None else (None, None)
        rows.append(ReminderRow(0, c.key, c.kind, c.subject_zh, c.subject_en, c.detail_zh, c.detail_en, c.customer_id,
                                code, name, c.contact_id, c.event_on, raise_on, "upcoming", None, data))
    rows.sort(key=lambda r: (r.event_on or r.due_on, r.kind, r.customer_code or "", r.key))
    return rows


def _owned(session: Session, customer_ids: set[int], owners: Collection[int | None]) -> set[int]:
    named = [owner for owner in owners if owner is not None]
    found: set[int] = set()
    ids = sorted(customer_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for customer_id, owner_id in session.execute(select(Customer.id, Customer.owner_id).where(Customer.id.in_(chunk))):
            if owner_id in named or (owner_id is None and None in owners):
                found.add(customer_id)
    return found


def _customer_names(session: Session, customer_ids: set[int]) -> dict[int, tuple[str, str]]:
    ids = sorted(customer_ids)
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        for customer_id, code, name in session.execute(
                select(Customer.id, Customer.code, Customer.name).where(Customer.id.in_(ids[start:start + 500]))):
            found[customer_id] = (code, name)
    return found


@dataclass(frozen=True)
class ComingDay:
    """One day of the look-ahead panel: its dated events, raised or not."""

    on: date
    rows: list[ReminderRow]


_DAY_ORDER = {"festival": 0, "birthday": 1, "anniversary": 2, "revisit": 3}


def coming_up(session: Session, today: date, days: int, *,
              owners: Collection[int | None] | None = None) -> list[ComingDay]:
    """The birthdays, festivals, anniversaries and planned revisits of [today, today + days],
    grouped by the day they fall on: those already raised (still open) and those not raised yet,
    so a manager prepares greetings and gifts ahead of the day."""
    if days <= 0:
        return []
    settings = load_reminder_settings(session)
    end = today + timedelta(days=days)
    raised = [row for row in due_reminders(session, today, days, owners=owners, settings=settings)
              if row.kind in LOOKAHEAD_KINDS and row.event_on is not None and today <= row.event_on <= end]
    by_day: dict[date, list[ReminderRow]] = {}
    for row in raised + upcoming(session, today, days, owners=owners, settings=settings):
        by_day.setdefault(row.event_on or row.due_on, []).append(row)
    return [ComingDay(on, sorted(rows, key=lambda r: (_DAY_ORDER.get(r.kind, 9), r.customer_code or "", r.key)))
            for on, rows in sorted(by_day.items())]
