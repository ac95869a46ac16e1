"""What the calendar reads: care dates of a range, today's list, one customer's revisits, closed reminders."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from accountdesk.core.reminders.centre import add_custom_reminder, set_state, snooze
from accountdesk.core.revisits.calendar_data import (
    calendar_range,
    care_dates_between,
    closed_reminders,
    customer_revisits,
    month_grid_start,
    revisit_owners,
    today_list,
)
from accountdesk.core.revisits.plans import complete_revisit
from accountdesk.core.storage.models import Contact, Customer, Reminder, RevisitPlan, User


def _customer(session, code: str, tier: str | None, **values) -> Customer:
    customer = Customer(code=code, name=f"客户{code}", tier=tier,
                        created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc), **values)
    session.add(customer)
    session.flush()
    return customer


def test_care_dates_of_a_range_include_lunar_birthdays_festivals_and_anniversaries(db):
    with db.write() as s:
        a = _customer(s, "A1", "A", cooperation_since=date(2020, 2, 3))
        # 农历正月初八 2027 falls on 2027-02-13; 春节 2027 is 2027-02-06.
        s.add(Contact(customer_id=a.id, name="李总", birth_calendar="lunar", birth_month=1, birth_day=8))
        s.add(Contact(customer_id=a.id, name="王总", birth_month=2, birth_day=20))
    with db.session() as s:
        care = care_dates_between(s, date(2027, 2, 1), date(2027, 2, 28))
    found = {(c.on, c.kind) for c in care}
    assert (date(2027, 2, 13), "birthday") in found
    assert (date(2027, 2, 20), "birthday") in found
    assert (date(2027, 2, 6), "festival") in found  # 春节
    assert (date(2027, 2, 3), "anniversary") in found
    lunar = next(c for c in care if c.on == date(2027, 2, 13))
    assert "农历正月初八" in lunar.label_zh and lunar.tier == "A" and "生日快乐" in lunar.greeting
    assert all(date(2027, 2, 1) <= c.on <= date(2027, 2, 28) for c in care)


def test_today_list_is_overdue_then_due_in_tier_order_and_filters(db, today):
    with db.write() as s:
        wang = User(name="wang")
        s.add(wang)
        s.flush()
        plans = {}
        for code, tier, days_late, owner in (("C1", "C", 20, wang), ("A1", "A", 10, None), ("B1", "B", 3, wang),
                                             ("A2", "A", 0, None), ("A3", "A", -2, None)):
            customer = _customer(s, code, tier, owner_id=owner.id if owner else None)
            plan = RevisitPlan(customer_id=customer.id, owner_id=customer.owner_id,
                               due_on=today - timedelta(days=days_late), state="planned")
            s.add(plan)
            s.flush()
            plans[code] = plan.id
        wang_id = wang.id
    with db.session() as s:
        rows = today_list(s, today)
        assert [(r.customer_code, r.status) for r in rows] == [
            ("A1", "overdue"), ("C1", "overdue"), ("A2", "due"), ("B1", "due")]
        assert [r.customer_code for r in today_list(s, today, owner_id=wang_id)] == ["C1", "B1"]
        assert [r.customer_code for r in today_list(s, today, tier="A")] == ["A1", "A2"]
        view = calendar_range(s, month_grid_start(2026, 11), month_grid_start(2026, 11) + timedelta(days=41), today)
        assert len(view.revisits) == 5 and len(view.today_list) == 4 and view.grace_days == 7
        assert revisit_owners(s) == [(wang_id, "wang")]


def test_customer_revisits_planned_first_then_done_with_what_was_said(db, today):
    with db.write() as s:
        customer = _customer(s, "A1", "A")
        plan = RevisitPlan(customer_id=customer.id, due_on=today - timedelta(days=1), state="planned", channel="visit")
        s.add(plan)
        s.flush()
        complete_revisit(s, plan.id, "phone", "谈妥价格", 5, "寄合同", today)
        customer_id = customer.id
    with db.session() as s:
        rows = customer_revisits(s, customer_id, today)
    assert [(r.state, r.status) for r in rows] == [("planned", "upcoming"), ("done", "done")]
    done = rows[1]
    assert (done.channel, done.summary, done.satisfaction, done.next_step) == ("phone", "谈妥价格", 5, "寄合同")
    assert rows[0].due_on == today + timedelta(days=31)  # 30 days is a Sunday: the Monday after


def test_closed_reminders_by_state(db, today):
    with db.write() as s:
        asleep = add_custom_reminder(s, "稍后", today)
        awake = add_custom_reminder(s, "已到期的稍后", today)
        done = add_custom_reminder(s, "完成", today)
        snooze(s, asleep.id, today + timedelta(days=3))
        snooze(s, awake.id, today)
        set_state(s, done.id, "done")
        ids = asleep.id, done.id
    with db.session() as s:
        assert [r.id for r in closed_reminders(s, today, "snoozed")] == [ids[0]]
        assert [r.id for r in closed_reminders(s, today, "done")] == [ids[1]]
        assert closed_reminders(s, today, "dismissed") == []
        assert closed_reminders(s, today, "done", kinds=("churn",)) == []
        assert s.get(Reminder, ids[0]).snoozed_until == today + timedelta(days=3)
