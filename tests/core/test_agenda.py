"""Working days, levelling plans to capacity, the ranked agenda and the look-ahead (issue 16)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from accountdesk.core.reminders.agenda import TIER_WEIGHT, build_agenda, spend_factor, urgency
from accountdesk.core.reminders.lookahead import upcoming
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.revisits.levelling import PlanSlot, level, level_revisits
from accountdesk.core.revisits.plans import (
    CADENCE_PURPOSE,
    plan_revisits,
    reschedule_revisit,
    schedule_revisit,
)
from accountdesk.core.revisits.workdays import (
    DayOverride,
    WorkCalendar,
    load_work_calendar,
    parse_override_lines,
    save_overrides,
    year_source,
)
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan, User
from accountdesk.core.team.identity import choose_owner, set_capacity, signed_in_owner
from accountdesk.core.time import local_noon_utc

# --- the working-day calendar ------------------------------------------------------------------


def test_weekends_public_holidays_and_make_up_days_of_2026():
    calendar = WorkCalendar()
    assert not calendar.is_workday(date(2026, 1, 1))  # 元旦, a Thursday
    assert not calendar.is_workday(date(2026, 1, 2))  # 元旦 bridge day, a Friday
    assert calendar.is_workday(date(2026, 1, 4))  # a Sunday worked for 元旦 (调休)
    assert calendar.is_workday(date(2026, 2, 14)) and calendar.is_workday(date(2026, 2, 28))  # 春节 make-up Saturdays
    assert not calendar.is_workday(date(2026, 2, 20))  # a Friday inside 春节
    assert not calendar.is_workday(date(2026, 10, 6))
    assert calendar.is_workday(date(2026, 10, 10))  # a Saturday worked for 国庆
    assert not calendar.is_workday(date(2026, 12, 5))  # an ordinary Saturday
    assert calendar.is_workday(date(2026, 12, 7))  # an ordinary Monday
    assert calendar.holiday_name(date(2026, 2, 14)) == "春节调休上班"
    assert year_source(2026) == "official"


def test_a_year_the_schedule_library_lacks_falls_back_to_statutory_holidays_and_the_teams_list():
    calendar = WorkCalendar()
    assert year_source(2027) in ("official", "statutory")
    # Statutory either way: 元旦 and the first days of 春节 2027 (6 February).
    assert not calendar.is_workday(date(2027, 1, 1))
    assert not calendar.is_workday(date(2027, 2, 8))  # 春节, a Monday
    overrides = parse_override_lines("2027-02-20 班 春节调休\n# a comment\n2027-02-12 休 公司年假")
    assert overrides == [DayOverride(date(2027, 2, 20), False, "春节调休"), DayOverride(date(2027, 2, 12), True, "公司年假")]
    team = WorkCalendar({o.on: o for o in overrides})
    assert team.is_workday(date(2027, 2, 20))  # a Saturday the team works
    assert not team.is_workday(date(2027, 2, 12))  # a Friday the team is off
    assert team.on_or_after(date(2027, 2, 12)) == date(2027, 2, 15)


def test_overrides_are_kept_in_the_database(db):
    with db.write() as s:
        save_overrides(s, [DayOverride(date(2027, 2, 20), False, "春节调休"), DayOverride(date(2026, 12, 7), True, "团建")])
    with db.session() as s:
        calendar = load_work_calendar(s)
    assert calendar.is_workday(date(2027, 2, 20))
    assert not calendar.is_workday(date(2026, 12, 7))
    assert calendar.holiday_name(date(2026, 12, 7)) == "团建"


# --- plans on working days ---------------------------------------------------------------------


def _customer(session, code: str, tier: str | None, owner: User | None, last_contact: date | None = None) -> Customer:
    customer = Customer(code=code, name=f"客户{code}", tier=tier, owner=owner,
                        created_at=datetime(2025, 1, 1, 12, tzinfo=timezone.utc))
    session.add(customer)
    session.flush()
    if last_contact is not None:
        session.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(last_contact)))
        session.flush()
    return customer


def _plans(session) -> list[RevisitPlan]:
    return list(session.scalars(select(RevisitPlan).where(RevisitPlan.state == "planned")))


def test_the_planner_never_puts_a_revisit_on_a_weekend_or_holiday_and_uses_make_up_days(db):
    with db.write() as s:
        owner = User(name="wang", display_name="王芳")
        s.add(owner)
        s.flush()
        # A tier's interval is 30 days: these contacts make the cadence land on
        # Sat 2026-12-05, 元旦 2027-01-01, and the make-up Sunday 2026-01-04.
        _customer(s, "S1", "A", owner, date(2026, 11, 5))
        _customer(s, "H1", "A", owner, date(2026, 12, 2))
        _customer(s, "M1", "A", owner, date(2025, 12, 5))
        plan_revisits(s, date(2025, 12, 6))
        due = {p.customer_id: p.due_on for p in _plans(s)}
        codes = {c.id: c.code for c in s.scalars(select(Customer))}
    by_code = {codes[cid]: on for cid, on in due.items()}
    assert by_code["S1"] == date(2026, 12, 7)  # Saturday → Monday
    assert by_code["H1"] == date(2027, 1, 4)  # 元旦 (Friday) and the weekend → Monday
    assert by_code["M1"] == date(2026, 1, 4)  # the make-up Sunday is a working day


def test_levelling_keeps_each_owner_within_capacity_a_tier_first_and_spreads_the_backlog():
    calendar = WorkCalendar()
    today = date(2026, 12, 3)  # a Thursday
    slots = []
    plan_id = 0
    for tier, count, interval in (("C", 12, 90), ("A", 12, 30), ("B", 6, 60)):
        for _ in range(count):
            plan_id += 1
            slots.append(PlanSlot(plan_id, f"u{plan_id}", 1, 7, tier, date(2026, 12, 4), None, True, 0, interval))
    for _ in range(5):  # an overdue backlog
        plan_id += 1
        slots.append(PlanSlot(plan_id, f"u{plan_id}", 1, 7, "A", date(2026, 11, 2), None, True, 0, 30))
    plan_id += 1  # a date a manager chose on purpose: kept where it is, and it takes its room
    slots.append(PlanSlot(plan_id, "fixed", 1, 7, "C", date(2026, 12, 4), date(2026, 12, 4), False, 0, 90))
    report = level(slots, today, calendar, lambda owner: 10)
    placed = {slot.plan_id: slot for slot in slots}
    days: dict[date, int] = {}
    for p in report.placements:
        days[p.planned_for] = days.get(p.planned_for, 0) + 1
        assert calendar.is_workday(p.planned_for)
        assert p.planned_for >= today
    assert all(count <= 10 for count in days.values()), days
    assert sum(days.values()) == len(slots) - 1  # all but the manager's own plan, already in place
    by_id = {p.plan_id: p for p in report.placements}
    # The overdue backlog keeps its due date and is planned from today on.
    backlog = [by_id[i] for i, s in placed.items() if s.due_on < today]
    assert all(p.due_on == date(2026, 11, 2) and p.planned_for <= date(2026, 12, 4) for p in backlog)
    # A plans stay inside their window (5 days either side of 4 December); C plans give way.
    a_days = [by_id[i].planned_for for i, s in placed.items() if s.tier == "A" and s.due_on >= today]
    assert all(abs((d - date(2026, 12, 4)).days) <= 5 for d in a_days)
    c_days = sorted(by_id[i].planned_for for i, s in placed.items() if s.tier == "C" and s.movable)
    assert max(c_days) > max(a_days)
    assert plan_id not in by_id  # the manager's own date stays, untouched
    assert report.backlog == 5


def test_level_revisits_writes_dates_and_keeps_a_day_a_person_chose(db):
    today = date(2026, 12, 3)
    with db.write() as s:
        owner = User(name="li", display_name="李雷")
        s.add(owner)
        s.flush()
        set_capacity(s, owner.id, 3)
        customers = [_customer(s, f"A{i}", "A", owner, date(2026, 11, 4)) for i in range(8)]  # due Fri 12-04
        plan_revisits(s, today)
        chosen = _plans(s)[0]
        reschedule_revisit(s, chosen.id, date(2026, 12, 5))  # a Saturday, on purpose
        report = level_revisits(s, today)
        plans = _plans(s)
    assert report.plans == len(customers)
    per_day: dict[date, int] = {}
    for plan in plans:
        if plan.id == chosen.id:
            assert plan.due_on == date(2026, 12, 5)
            continue
        assert plan.planned_for == plan.due_on and WorkCalendar().is_workday(plan.due_on)
        per_day[plan.planned_for] = per_day.get(plan.planned_for, 0) + 1
    assert max(per_day.values()) <= 3


# --- the agenda ----------------------------------------------------------------------------------


def test_value_at_risk_puts_no_b_or_c_item_before_an_overdue_a_revisit():
    day = date(2026, 12, 3)
    weakest_overdue_a = TIER_WEIGHT["A"] * urgency("revisit", day, day - timedelta(days=8), None, overdue=True) \
        * spend_factor(0)
    for tier in ("B", "C"):
        for kind in ("revisit", "complaint", "churn", "birthday", "anniversary", "custom"):
            strongest = TIER_WEIGHT[tier] * urgency(kind, day, day - timedelta(days=400), day - timedelta(days=400),
                                                    overdue=True, rules=9) * spend_factor(10**14)
            assert strongest < weakest_overdue_a, (tier, kind)


def test_the_agenda_is_capped_ranked_and_carries_the_rest_to_the_coming_working_days(db):
    today = date(2026, 12, 4)  # a Friday
    with db.write() as s:
        owner = User(name="zhao", display_name="赵敏")
        other = User(name="qian", display_name="钱进")
        s.add_all([owner, other])
        s.flush()
        set_capacity(s, owner.id, 4)
        for i in range(3):
            _customer(s, f"AO{i}", "A", owner, date(2026, 10, 1))  # A: overdue since early November
        for i in range(6):
            _customer(s, f"C{i}", "C", owner, date(2026, 9, 5))  # C: due about now
        _customer(s, "X1", "A", other, date(2026, 10, 1))  # someone else's
        generate_reminders(s, today)
        agenda = build_agenda(s, today, owner.id, days=3)
        owner_id = owner.id
    assert agenda.capacity == 4
    assert len(agenda.today) == 4
    assert all(item.owner_id == owner_id for item in agenda.items())
    assert "X1" not in {item.customer_code for item in agenda.items()}
    firsts = [item for item in agenda.today if item.kind == "revisit"]
    assert [item.tier for item in firsts[:3]] == ["A", "A", "A"] and all(i.overdue for i in firsts[:3])
    # No C item ranks before an overdue A revisit, on any day.
    for items in agenda.days.values():
        last_overdue_a = max((n for n, i in enumerate(items) if i.tier == "A" and i.overdue and i.kind == "revisit"),
                             default=-1)
        assert all(i.tier != "C" for i in items[:max(0, last_overdue_a)])
    # The rest wait on the next working days (Monday, Tuesday), never on the weekend.
    assert sorted(agenda.days) == [today, date(2026, 12, 7), date(2026, 12, 8)]
    assert all(len(items) <= 4 for items in agenda.days.values())
    json_row = agenda.today[0].as_json("zh")
    assert {"kind", "customer_code", "customer_name", "tier", "due_date", "planned_for", "reason"} <= set(json_row)
    assert "逾期" in json_row["reason"]


def test_upcoming_lists_festivals_birthdays_and_revisits_not_raised_yet(db):
    today = date(2027, 2, 1)
    with db.write() as s:
        owner = User(name="sun", display_name="孙丽")
        s.add(owner)
        s.flush()
        customer = _customer(s, "U1", "A", owner, date(2027, 1, 20))
        customer.cooperation_since = date(2020, 2, 25)
        plan_revisits(s, today)
        rows = upcoming(s, today, 30, owners=[owner.id])
    kinds = {(row.kind, row.subject_zh.split("（")[0]) for row in rows}
    assert ("festival", "春节") in kinds
    spring = next(row for row in rows if row.subject_zh.startswith("春节"))
    assert spring.event_on == date(2027, 2, 6) and spring.state == "upcoming"
    assert any(row.kind == "anniversary" and row.event_on == date(2027, 2, 25) for row in rows)
    assert any(row.kind == "revisit" and row.customer_code == "U1" for row in rows)


def test_the_signed_in_login_is_remembered_as_an_owner(db):
    with db.write() as s:
        owner = User(name="zhou", display_name="周杰")
        s.add(owner)
        s.flush()
        assert signed_in_owner(s, "laptop-user") is None
        choose_owner(s, "laptop-user", owner.id)
        owner_id = owner.id
    with db.session() as s:
        assert signed_in_owner(s, "laptop-user") == owner_id
        assert signed_in_owner(s, "zhou") == owner_id  # a login that is an owner's user name
        assert signed_in_owner(s, "somebody-else") is None


def test_schedule_revisit_keeps_its_purpose_and_day(db):
    with db.write() as s:
        customer = _customer(s, "P1", "B", None, date(2026, 11, 1))
        plan = schedule_revisit(s, customer.id, date(2026, 12, 12), purpose="新品推介")
        level_revisits(s, date(2026, 12, 3))
        s.refresh(plan)
    assert plan.due_on == date(2026, 12, 12) and plan.purpose != CADENCE_PURPOSE
