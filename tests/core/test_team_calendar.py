"""The settings screen's planning side in the core: the team's days off and make-up days and each
owner's capacity, saved and levelled at once; the preview of the days the calendar knows."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from accountdesk.core.i18n import ValidationError
from accountdesk.core.revisits.plans import plan_revisits
from accountdesk.core.revisits.team_calendar import calendar_preview, save_planning
from accountdesk.core.revisits.workdays import load_overrides, load_work_calendar
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan, User
from accountdesk.core.time import local_noon_utc

TODAY = date(2026, 11, 20)  # a Friday
MONDAY = date(2026, 11, 23)


def _book(session, count: int) -> User:
    """`count` A customers of one owner whose 30-day cadence falls on Monday 2026-11-23."""
    owner = User(name="sun", display_name="孙丽")
    session.add(owner)
    session.flush()
    for i in range(count):
        customer = Customer(code=f"A{i}", name=f"客户A{i}", tier="A", owner=owner,
                            created_at=datetime(2025, 1, 1, 12, tzinfo=timezone.utc))
        session.add(customer)
        session.flush()
        session.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(date(2026, 10, 24))))
    session.flush()
    plan_revisits(session, TODAY)
    return owner


def _days(session) -> list[date]:
    return sorted(p.planned_for or p.due_on for p in session.scalars(
        select(RevisitPlan).where(RevisitPlan.state == "planned")))


def test_a_team_day_off_moves_the_plans_off_it_at_once(db):
    with db.write() as s:
        _book(s, 4)
        assert MONDAY in _days(s)
        changes = save_planning(s, TODAY, days_text="2026-11-23 休 公司年会\n# note\n2026-11-28 班 补班")
        days = _days(s)
        calendar = load_work_calendar(s)
    assert changes.revisits and changes.settings
    assert MONDAY not in days and len(days) == 4
    assert all(calendar.is_workday(day) for day in days)
    assert not calendar.is_workday(MONDAY) and calendar.is_workday(date(2026, 11, 28))


def test_a_lower_capacity_spreads_the_owners_day(db):
    with db.write() as s:
        owner = _book(s, 6)
        save_planning(s, TODAY, capacities={owner.id: 2})
        days = _days(s)
        capacity = s.get(User, owner.id).daily_capacity
    assert capacity == 2
    assert max(days.count(day) for day in set(days)) <= 2
    assert len(set(days)) >= 3


def test_a_bad_line_is_refused_with_its_number_and_nothing_is_saved(db):
    with db.write() as s:
        save_planning(s, TODAY, days_text="2026-12-31 休 年终")
    with pytest.raises(ValidationError) as raised, db.write() as s:
        save_planning(s, TODAY, days_text="2026-12-30 休\n2026-13-01 休 bad")
    assert "第 2 行" in raised.value.message.zh and "line 2" in raised.value.message.en
    with db.session() as s:
        assert [o.on for o in load_overrides(s)] == [date(2026, 12, 31)]


def test_the_preview_names_the_coming_holidays_make_up_days_and_the_source(db):
    with db.write() as s:
        save_planning(s, TODAY, days_text="2026-12-24 休 平安夜团建")
    with db.session() as s:
        preview = calendar_preview(s, TODAY, limit=12)
    assert preview.text == "2026-12-24 休 平安夜团建"
    assert preview.sources[2026] == "official"
    shown = {day.on: day for day in preview.days}
    assert shown[date(2026, 12, 24)].team and shown[date(2026, 12, 24)].off
    assert shown[date(2027, 1, 1)].off and "元旦" in shown[date(2027, 1, 1)].name
    assert all(day.on >= TODAY for day in preview.days)
    assert not any(day.on.weekday() >= 5 and day.off and not day.name for day in preview.days)
