"""The look-ahead panel's data: the next N days' dated events, raised or not, grouped by day."""

from __future__ import annotations

from datetime import date, datetime, timezone

from accountdesk.core.reminders.lookahead import coming_up
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.storage.models import Contact, Customer, Interaction, User
from accountdesk.core.time import local_noon_utc

TODAY = date(2027, 2, 1)


def _customer(session, code: str, owner: User, tier: str = "A") -> Customer:
    customer = Customer(code=code, name=f"客户{code}", tier=tier, owner=owner,
                        created_at=datetime(2025, 1, 1, 12, tzinfo=timezone.utc))
    session.add(customer)
    session.flush()
    return customer


def test_the_next_thirty_days_hold_spring_festival_lunar_birthdays_and_revisits_by_day(db):
    with db.write() as s:
        mine, theirs = User(name="zhou", display_name="周经理"), User(name="wu", display_name="吴经理")
        s.add_all([mine, theirs])
        s.flush()
        soon = _customer(s, "M1", mine)
        s.add(Contact(customer_id=soon.id, name="魏强", position="总经理", birth_month=2, birth_day=3))
        lunar = _customer(s, "M2", mine)
        s.add(Contact(customer_id=lunar.id, name="刘芳", birth_calendar="lunar", birth_month=1, birth_day=10))
        s.add(Interaction(customer_id=lunar.id, kind="phone", occurred_at=local_noon_utc(date(2027, 1, 12))))
        other = _customer(s, "T1", theirs)
        s.add(Contact(customer_id=other.id, name="郑伟", birth_month=2, birth_day=9))
        s.flush()
        generate_reminders(s, TODAY)  # raises the birthday on 02-03 (three days ahead), plans revisits
        days = coming_up(s, TODAY, 30, owners=[mine.id])
        everyone = coming_up(s, TODAY, 30)
    by_day = {day.on: day.rows for day in days}
    assert [day.on for day in days] == sorted(by_day)
    assert all(TODAY <= day <= date(2027, 3, 3) for day in by_day)
    spring = [r for r in by_day[date(2027, 2, 6)] if r.kind == "festival"]
    assert [r.subject_zh for r in spring] == ["春节（2027-02-06）"]
    birthday = [r for r in by_day[date(2027, 2, 3)] if r.kind == "birthday"]
    assert len(birthday) == 1 and birthday[0].state == "new"  # already raised: still shown on its day
    assert [r.customer_code for r in by_day[date(2027, 2, 15)] if r.kind == "birthday"] == ["M2"]  # 正月初十
    assert by_day[date(2027, 2, 15)][0].state == "upcoming"
    assert any(r.kind == "revisit" and r.customer_code == "M2" for rows in by_day.values() for r in rows)
    assert not any(r.customer_code == "T1" for rows in by_day.values() for r in rows)  # another owner's
    assert any(r.customer_code == "T1" for day in everyone for r in day.rows)
    keys = [r.key for rows in by_day.values() for r in rows]
    assert len(keys) == len(set(keys))  # a raised reminder is not listed twice
