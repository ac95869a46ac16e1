"""Revisit cadence: plans from the last contact, completion, rescheduling, status, calendar rows, .ics."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from accountdesk.core.i18n import ValidationError
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.revisits.plans import (
    CADENCE_PURPOSE,
    complete_revisit,
    export_ics,
    ics_uid,
    plan_revisits,
    reschedule_revisit,
    reset_cadence,
    revisit_status,
    revisits_between,
    schedule_revisit,
    skip_revisit,
)
from accountdesk.core.storage.models import Customer, Interaction, Reminder, RevisitPlan, User
from accountdesk.core.time import local_date, local_noon_utc


def add_customer(session, code: str, tier: str | None = "A", *, created: date = date(2025, 1, 1),
                 owner: User | None = None) -> Customer:
    customer = Customer(code=code, name=f"客户{code}", tier=tier, owner=owner,
                        created_at=datetime.combine(created, time(12), tzinfo=timezone.utc))
    session.add(customer)
    session.flush()
    return customer


def log_call(session, customer: Customer, on: date) -> Interaction:
    interaction = Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(on), summary="电话")
    session.add(interaction)
    session.flush()
    return interaction


def planned(session, customer: Customer) -> list[RevisitPlan]:
    return list(session.scalars(select(RevisitPlan).where(RevisitPlan.customer_id == customer.id,
                                                          RevisitPlan.state == "planned")))


def test_next_revisit_is_last_contact_plus_tier_interval_and_planning_is_idempotent(db, today):
    with db.write() as s:
        a = add_customer(s, "A1", "A")
        b = add_customer(s, "B1", "B")
        untiered = add_customer(s, "N1", None)
        never = add_customer(s, "C1", "C", created=date(2026, 10, 1))
        log_call(s, a, date(2026, 10, 1))
        log_call(s, a, date(2026, 11, 2))  # the latest contact counts
        log_call(s, b, date(2026, 9, 1))
        log_call(s, untiered, date(2026, 9, 1))
        assert plan_revisits(s, today) == 4
    with db.write() as s:
        assert plan_revisits(s, today) == 0  # a second run plans nothing new
        assert [p.due_on for p in planned(s, a)] == [date(2026, 12, 2)]  # A: 30 days
        # B: 60 days, 2026-10-31, a Saturday: the next working day.
        assert [p.due_on for p in planned(s, b)] == [date(2026, 11, 2)]
        assert [p.due_on for p in planned(s, untiered)] == [date(2026, 11, 30)]  # lowest tier C: 90 days
        assert [p.due_on for p in planned(s, never)] == [date(2026, 12, 30)]  # from entry into the archive
        plan = planned(s, a)[0]
        assert plan.purpose == CADENCE_PURPOSE and plan.channel == "visit"


def test_existing_planned_revisit_is_kept(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        log_call(s, customer, date(2026, 11, 1))
        schedule_revisit(s, customer.id, date(2027, 3, 1), purpose="新品发布拜访")
        assert plan_revisits(s, today) == 0
        assert [p.due_on for p in planned(s, customer)] == [date(2027, 3, 1)]


def test_a_logged_call_completes_the_overdue_plan_late_and_restarts_the_cadence(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        log_call(s, customer, date(2026, 9, 1))
        plan_revisits(s, today)
        # 1 September + 30 days is 1 October, 国庆: the first working day after the holiday.
        assert planned(s, customer)[0].due_on == date(2026, 10, 8)
        generate_reminders(s, today)  # the plan is overdue: an overdue reminder is raised
    with db.write() as s:
        customer = s.get(Customer, customer.id)
        log_call(s, customer, date(2026, 11, 18))  # the manager phoned
    with db.write() as s:
        report = generate_reminders(s, today)
        assert (report.completed_revisits, report.planned_revisits) == (1, 0)
        done = s.scalar(select(RevisitPlan).where(RevisitPlan.customer_id == customer.id, RevisitPlan.state == "done"))
        assert (done.due_on, done.done_on) == (date(2026, 10, 8), date(2026, 11, 18))  # late, as it was
        plans = planned(s, customer)
        assert [p.due_on for p in plans] == [date(2026, 12, 18)]  # 18 Nov + 30 days
        old = s.scalar(select(Reminder).where(Reminder.key.like("%:2026-10-08:overdue")))
        assert old.state == "done"  # the old date's warning went away with it


def test_reset_cadence_never_moves_a_deliberate_plan_or_earlier(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        manual = schedule_revisit(s, customer.id, date(2026, 11, 25), purpose="合同续签")
        log_call(s, customer, date(2026, 11, 19))
        assert reset_cadence(s, customer.id) == 0
        assert manual.due_on == date(2026, 11, 25)
        other = add_customer(s, "A2")
        log_call(s, other, date(2026, 11, 1))
        plan_revisits(s, today)
        cadence_plan = planned(s, other)[0]
        reschedule_revisit(s, cadence_plan.id, date(2027, 1, 20))  # pushed out by hand
        log_call(s, other, date(2026, 11, 19))
        assert reset_cadence(s, other.id) == 0  # 19 Nov + 30 is earlier than 20 Jan: stays
        assert cadence_plan.due_on == date(2027, 1, 20)


def test_complete_revisit_logs_the_interaction_and_plans_the_next(db, today):
    with db.write() as s:
        customer = add_customer(s, "B1", "B")
        log_call(s, customer, date(2026, 9, 10))
        plan_revisits(s, today)
        plan = planned(s, customer)[0]
        assert plan.due_on == date(2026, 11, 9)
        generate_reminders(s, today)
        interaction, next_plan = complete_revisit(s, plan.id, "visit", "拜访采购经理", 4, "下月报价", today)
        assert interaction.kind == "visit" and interaction.satisfaction == 4 and interaction.next_step == "下月报价"
        assert local_date(interaction.occurred_at) == today and interaction.customer_id == customer.id
        assert plan.state == "done" and plan.done_on == today and plan.interaction_id == interaction.id
        assert next_plan.state == "planned" and next_plan.due_on == today + timedelta(days=60)
        assert next_plan.channel == "phone"  # tier B's channel
        reminders = s.scalars(select(Reminder).where(Reminder.kind == "revisit")).all()
        assert reminders and all(r.state == "done" for r in reminders)
        with pytest.raises(ValidationError):
            complete_revisit(s, plan.id, "visit", "again", 3, None, today)  # already done


def test_complete_revisit_validates_its_form(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        plan = schedule_revisit(s, customer.id, today)
        with pytest.raises(ValidationError) as error:
            complete_revisit(s, plan.id, "visit", "x", 6, None, today)
        assert error.value.field == "satisfaction"
        with pytest.raises(ValidationError) as error:
            complete_revisit(s, plan.id, "carrier pigeon", "x", 3, None, today)
        assert error.value.field == "channel"


def test_reschedule_raises_a_reminder_for_the_new_date(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        plan = schedule_revisit(s, customer.id, date(2026, 11, 21), purpose="送样品")
        generate_reminders(s, today)
        first = s.scalar(select(Reminder).where(Reminder.kind == "revisit"))
        assert first.event_on == date(2026, 11, 21) and first.due_on == date(2026, 11, 18)
        reschedule_revisit(s, plan.id, date(2026, 11, 22))
        s.expire_all()
        assert s.get(Reminder, first.id).state == "dismissed"
        generate_reminders(s, today)
        open_revisits = s.scalars(select(Reminder).where(Reminder.kind == "revisit", Reminder.state == "new")).all()
        assert [r.event_on for r in open_revisits] == [date(2026, 11, 22)]


def test_skip_continues_the_cadence_from_the_skip(db, today):
    with db.write() as s:
        customer = add_customer(s, "C1", "C")
        plan = schedule_revisit(s, customer.id, date(2026, 11, 1))
        next_plan = skip_revisit(s, plan.id, today)
        assert plan.state == "skipped"
        assert next_plan.due_on == today + timedelta(days=90) and next_plan.purpose == CADENCE_PURPOSE


def test_revisit_status_upcoming_due_overdue():
    plan = RevisitPlan(due_on=date(2026, 11, 20), state="planned")
    assert revisit_status(plan, date(2026, 11, 19), 7) == "upcoming"
    assert revisit_status(plan, date(2026, 11, 20), 7) == "due"
    assert revisit_status(plan, date(2026, 11, 27), 7) == "due"
    assert revisit_status(plan, date(2026, 11, 28), 7) == "overdue"
    plan.state = "done"
    assert revisit_status(plan, date(2026, 12, 28), 7) == "done"


def test_revisits_between_filters_by_owner_and_tier(db, today):
    with db.write() as s:
        wang = User(name="wang", display_name="王经理")
        li = User(name="li")
        s.add_all([wang, li])
        s.flush()
        a = add_customer(s, "A1", "A", owner=wang)
        b = add_customer(s, "B1", "B", owner=li)
        n = add_customer(s, "N1", None, owner=wang)
        schedule_revisit(s, a.id, date(2026, 11, 10))
        schedule_revisit(s, b.id, date(2026, 11, 22))
        schedule_revisit(s, n.id, date(2026, 11, 25))
        schedule_revisit(s, a.id, date(2027, 1, 5))  # outside the month
    with db.session() as s:
        rows = revisits_between(s, date(2026, 11, 1), date(2026, 11, 30), today=today)
        assert [(r.customer_code, r.status) for r in rows] == [("A1", "overdue"), ("B1", "upcoming"),
                                                                ("N1", "upcoming")]
        assert rows[0].owner == "王经理" and rows[1].owner == "li"
        mine = revisits_between(s, date(2026, 11, 1), date(2026, 11, 30), owner_id=wang.id)
        assert [r.customer_code for r in mine] == ["A1", "N1"]
        assert [r.customer_code for r in revisits_between(s, date(2026, 11, 1), date(2026, 11, 30), tier="B")] == ["B1"]
        assert [r.customer_code for r in revisits_between(s, date(2026, 11, 1), date(2026, 11, 30), tier="")] == ["N1"]
        assert rows[0].as_dict()["due_on"] == "2026-11-10"


def _events(path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_ics_export_keeps_uids_so_calendars_update(db, today, tmp_path):
    with db.write() as s:
        a = add_customer(s, "A1")
        b = add_customer(s, "B1", "B")
        plan_a = schedule_revisit(s, a.id, date(2026, 11, 24), purpose="年度回顾")
        plan_b = schedule_revisit(s, b.id, date(2026, 12, 3))
    first = tmp_path / "first.ics"
    with db.session() as s:
        assert export_ics(s, first, today) == 2
    events = _events(first)
    assert set(events) == {ics_uid(plan_a.uid), ics_uid(plan_b.uid)}
    event_a = events[ics_uid(plan_a.uid)]
    assert event_a.decoded("DTSTART") == date(2026, 11, 24)
    assert "年度回顾" in str(event_a["DESCRIPTION"]) and "A1" in str(event_a["SUMMARY"])
    with db.write() as s:
        reschedule_revisit(s, plan_a.id, date(2026, 11, 26))
        complete_revisit(s, plan_b.id, "phone", "done", 5, None, today)
    second = tmp_path / "second.ics"
    with db.session() as s:
        export_ics(s, second, today)
        count = s.scalar(select(func.count()).select_from(RevisitPlan).where(RevisitPlan.state == "planned"))
    events2 = _events(second)
    assert len(events2) == count == 2  # A moved, B done, B's next revisit new
    moved = events2[ics_uid(plan_a.uid)]  # same UID: the calendar updates the event
    assert moved.decoded("DTSTART") == date(2026, 11, 26)
    assert int(moved["SEQUENCE"]) > int(event_a["SEQUENCE"])
    assert ics_uid(plan_b.uid) not in events2
    third = tmp_path / "third.ics"
    with db.session() as s:
        export_ics(s, third, today)
    assert set(_events(third)) == set(events2)  # re-export without changes: same UIDs

