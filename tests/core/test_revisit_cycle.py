"""The revisit cycle keeps its books: a logged contact completes the revisit it was (on time or
late), the next plan follows from it, and the on-time rate counts it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
import tiering_factory
from excel_corpus import write_xlsx
from sqlalchemy import select

from accountdesk.core.archive import records
from accountdesk.core.excel.imports.batches import undo_import
from accountdesk.core.excel.imports.importer import ImportOptions, import_file, read_for_import
from accountdesk.core.kpi.figures import revisits_on_time
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.revisits.followups import followup_of, open_followups
from accountdesk.core.revisits.plans import CADENCE_PURPOSE, plan_revisits, schedule_revisit
from accountdesk.core.revisits.workdays import DayOverride, load_work_calendar, save_overrides
from accountdesk.core.storage.models import Customer, Interaction, Reminder, RevisitPlan
from accountdesk.core.tiering.regrade import regrade_all, set_manual_tier
from accountdesk.core.time import local_noon_utc


@pytest.fixture(autouse=True)
def team_that_works_every_day(db):
    """The dates here are the cadence's own: the team marks every weekend and holiday of the
    months these tests span as a working day (the working-day calendar has tests of its own)."""
    with db.write() as s:
        calendar = load_work_calendar(s)
        day, overrides = date(2026, 8, 1), []
        while day <= date(2027, 2, 28):
            if not calendar.is_workday(day):
                overrides.append(DayOverride(day, off=False, name="值班"))
            day += timedelta(days=1)
        save_overrides(s, overrides)


def add_customer(session, code: str, tier: str = "A") -> Customer:
    customer = Customer(code=code, name=f"客户{code}", tier=tier,
                        created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc))
    session.add(customer)
    session.flush()
    return customer


def plans_of(session, customer_id: int) -> list[RevisitPlan]:
    return list(session.scalars(select(RevisitPlan).where(RevisitPlan.customer_id == customer_id,
                                                          RevisitPlan.deleted_at.is_(None))
                                .order_by(RevisitPlan.due_on, RevisitPlan.id)))


def customer_with_plan(db, today, code: str = "A1", *, last_contact: date) -> tuple[int, int]:
    """A tier-A customer (30-day cadence) whose cadence plan is due 30 days after `last_contact`.
    The tier is locked by hand: the customer has no purchases here, and an import grades the book."""
    with db.write() as s:
        customer = add_customer(s, code)
        customer.tier_locked, customer.tier_lock_reason = True, "重点客户"
        s.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(last_contact)))
        s.flush()
        plan_revisits(s, today)
        plan = plans_of(s, customer.id)[0]
        assert plan.due_on == last_contact + timedelta(days=30) and plan.purpose == CADENCE_PURPOSE
        return customer.id, plan.id


def test_a_call_logged_in_the_window_completes_the_plan_on_time_and_the_next_follows(db, today):
    customer_id, plan_id = customer_with_plan(db, today, last_contact=date(2026, 10, 22))  # due 21 Nov
    with db.write() as s:
        generate_reminders(s, today)  # the plan's "due" reminder (lead 3 days) is raised
        assert s.scalar(select(Reminder.state).where(Reminder.key.like(f"%:{date(2026, 11, 21)}:due"))) == "new"
    with db.write() as s:
        records.log_interaction(s, customer_id, {"kind": "visit", "occurred_at": local_noon_utc(date(2026, 11, 19)),
                                                 "summary": "拜访"})
    with db.session() as s:
        done, following = plans_of(s, customer_id)
        call = s.scalar(select(Interaction.id).where(Interaction.summary == "拜访"))
        assert (done.id, done.state, done.done_on, done.interaction_id) == (plan_id, "done", date(2026, 11, 19), call)
        assert (following.state, following.due_on) == ("planned", date(2026, 12, 19))  # 19 Nov + 30 days
        assert s.scalar(select(Reminder.state).where(Reminder.key.like(f"%:{date(2026, 11, 21)}:due"))) == "done"
        figures = revisits_on_time(s, date(2026, 11, 1), date(2026, 11, 30), today, grace_days=7)
        assert (figures.due, figures.done_on_time, figures.done_late) == (1, 1, 0)


def test_a_call_after_the_grace_completes_the_overdue_plan_late(db, today):
    customer_id, plan_id = customer_with_plan(db, today, last_contact=date(2026, 9, 1))  # due 1 Oct
    with db.write() as s:
        records.log_interaction(s, customer_id, {"kind": "phone", "occurred_at": local_noon_utc(date(2026, 11, 18))})
    with db.session() as s:
        done, following = plans_of(s, customer_id)
        assert (done.state, done.done_on) == ("done", date(2026, 11, 18))
        assert following.due_on == date(2026, 12, 18)
        figures = revisits_on_time(s, date(2026, 10, 1), date(2026, 10, 31), today, grace_days=7)
        assert (figures.due, figures.done_on_time, figures.done_late, figures.open_overdue) == (1, 0, 1, 0)


def test_a_call_before_the_window_moves_the_plan_and_completes_nothing(db, today):
    customer_id, plan_id = customer_with_plan(db, today, last_contact=date(2026, 11, 10))  # due 10 Dec
    with db.write() as s:
        records.log_interaction(s, customer_id, {"kind": "phone", "occurred_at": local_noon_utc(date(2026, 11, 20))})
    with db.session() as s:
        [plan] = plans_of(s, customer_id)
        assert (plan.id, plan.state, plan.due_on) == (plan_id, "planned", date(2026, 12, 20))


def test_a_call_logged_before_a_visit_was_planned_does_not_complete_that_visit(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        records.log_interaction(s, customer.id, {"kind": "phone", "occurred_at": local_noon_utc(today)})
        visit = schedule_revisit(s, customer.id, today + timedelta(days=2), purpose="合同续签")
    with db.write() as s:
        generate_reminders(s, today)
        assert s.get(RevisitPlan, visit.id).state == "planned"
        records.log_interaction(s, customer.id, {"kind": "visit", "occurred_at": local_noon_utc(today + timedelta(days=2))})
    with db.session() as s:
        assert (s.get(RevisitPlan, visit.id).state, s.get(RevisitPlan, visit.id).done_on) == ("done", today + timedelta(days=2))


def test_deleting_the_contact_reopens_the_plan_it_completed(db, today):
    customer_id, plan_id = customer_with_plan(db, today, last_contact=date(2026, 10, 22))
    with db.write() as s:
        call = records.log_interaction(s, customer_id, {"kind": "phone", "occurred_at": local_noon_utc(date(2026, 11, 20))})
    with db.write() as s:
        records.delete_interaction(s, call.id)
    with db.session() as s:
        [plan] = plans_of(s, customer_id)
        assert (plan.id, plan.state, plan.done_on, plan.interaction_id) == (plan_id, "planned", None, None)


def test_a_contact_from_elsewhere_completes_its_plan_at_the_next_reminder_run(db, today):
    customer_id, plan_id = customer_with_plan(db, today, last_contact=date(2026, 10, 22))
    with db.write() as s:
        generate_reminders(s, today)
    with db.write() as s:  # written as a merge or an older client writes it: no hook ran
        s.add(Interaction(customer_id=customer_id, kind="wechat", occurred_at=local_noon_utc(date(2026, 11, 20))))
    with db.write() as s:
        report = generate_reminders(s, today)
        assert report.completed_revisits == 1 and report.changes.revisits
        assert s.get(RevisitPlan, plan_id).done_on == date(2026, 11, 20)


def test_imported_contacts_complete_their_plans_and_undo_reopens_them(db, today, tmp_path):
    on_time_id, on_time_plan = customer_with_plan(db, today, "A1", last_contact=date(2026, 10, 22))  # due 21 Nov
    early_id, early_plan = customer_with_plan(db, today, "A2", last_contact=date(2026, 11, 1))  # due 1 Dec
    with db.session() as s:
        before = revisits_on_time(s, date(2026, 11, 1), date(2026, 11, 30), today, grace_days=7)
    sheet = write_xlsx(tmp_path / "contacts.xlsx", [
        ["客户编号", "日期", "方式", "摘要"],
        ["A1", "2026-11-19", "拜访", "季度拜访"],
        ["A2", "2026-11-10", "电话", "问候"],  # before A2's window: moves its plan, completes none
    ])
    outcome = import_file(db, read_for_import(sheet, "interactions"), "interactions", ImportOptions())
    assert outcome.result.created == 2
    with db.session() as s:
        assert [(p.state, p.done_on) for p in plans_of(s, on_time_id)] == [("done", date(2026, 11, 19)),
                                                                           ("planned", None)]
        assert [(p.state, p.due_on) for p in plans_of(s, early_id)] == [("planned", date(2026, 12, 10))]
        after = revisits_on_time(s, date(2026, 11, 1), date(2026, 11, 30), today, grace_days=7)
    assert (before.done_on_time, after.done_on_time) == (0, 1) and after.on_time_rate > (before.on_time_rate or 0)
    with db.write() as s:
        undo_import(s, outcome.result.batch_id)
    with db.session() as s:
        assert [(p.id, p.state) for p in plans_of(s, on_time_id)] == [(on_time_plan, "planned")]


# --- a tier change re-plans ------------------------------------------------------------------------


def test_a_regrade_that_moves_a_customer_c_to_a_moves_its_plan_to_the_a_cadence(db, today):
    with db.write() as s:
        best = tiering_factory.add_customer(s, "C001", "华兴贸易", cooperation_since=date(2019, 1, 1), referrals=6,
                                            tier="C")
        for month in range(1, 12):
            tiering_factory.buy(s, best, date(2026, month, 5), "6000.00")
        tiering_factory.talk(s, best, date(2026, 11, 1), 5)
        plan_revisits(s, today)
        [plan] = plans_of(s, best.id)
        assert (plan.due_on, plan.channel) == (date(2027, 1, 30), "email")  # C: 90 days, by e-mail
    with db.write() as s:
        report = regrade_all(s, today)
        assert [(m.code, m.old_tier, m.new_tier) for m in report.changes] == [("C001", "C", "A")]
        assert report.replanned == 1 and report.as_changes().revisits
    with db.session() as s:
        [plan] = plans_of(s, best.id)
        assert (plan.due_on, plan.channel) == (date(2026, 12, 1), "visit")  # A: 30 days after 1 Nov, a visit


def test_an_override_re_plans_later_or_today_and_keeps_an_owed_plan_where_it_is(db, today):
    with db.write() as s:
        ahead = add_customer(s, "A1", "A")
        s.add(Interaction(customer_id=ahead.id, kind="visit", occurred_at=local_noon_utc(date(2026, 11, 10))))
        late = add_customer(s, "C1", "C")
        s.add(Interaction(customer_id=late.id, kind="email", occurred_at=local_noon_utc(date(2026, 8, 1))))
        owed = add_customer(s, "C2", "C")
        s.add(Interaction(customer_id=owed.id, kind="email", occurred_at=local_noon_utc(date(2026, 8, 1))))
        s.flush()
        plan_revisits(s, today)
        s.get(RevisitPlan, plans_of(s, late.id)[0].id).due_on = date(2027, 1, 21)  # pushed out by hand
        assert [p.due_on for p in plans_of(s, owed.id)] == [date(2026, 10, 30)]  # overdue
    with db.write() as s:
        changes = set_manual_tier(s, ahead.id, "C", "只做线上", today=today)
        assert changes.revisits
        set_manual_tier(s, late.id, "A", "战略客户", today=today)
        set_manual_tier(s, owed.id, "A", "战略客户", today=today)
    with db.session() as s:
        assert [(p.due_on, p.channel) for p in plans_of(s, ahead.id)] == [(date(2027, 2, 8), "email")]  # later
        assert [(p.due_on, p.channel) for p in plans_of(s, late.id)] == [(today, "visit")]  # 31 Aug has passed
        assert [(p.due_on, p.channel) for p in plans_of(s, owed.id)] == [(date(2026, 10, 30), "visit")]  # owed


# --- dated follow-ups ----------------------------------------------------------------------------


def test_a_dated_next_step_is_a_to_do_reminded_and_completed_like_a_revisit(db, today):
    customer_id, plan_id = customer_with_plan(db, today, last_contact=date(2026, 11, 1))  # revisit due 1 Dec
    with db.write() as s:
        call = records.log_interaction(s, customer_id, {
            "kind": "phone", "occurred_at": local_noon_utc(date(2026, 11, 18)), "summary": "询价",
            "next_step": "下周三前发报价", "next_step_on": date(2026, 11, 25), "next_step_owner": "wang"})
        call_id = call.id
    with db.session() as s:
        [todo] = open_followups(s, today)
        assert (todo.step, todo.due_on, todo.owner, todo.status, todo.promised_on) == (
            "下周三前发报价", date(2026, 11, 25), "wang", "upcoming", date(2026, 11, 18))
        assert open_followups(s, today, until=date(2026, 11, 24)) == []
        # The cadence revisit is still planned (a follow-up is no revisit), moved from the call.
        assert [(p.due_on, p.origin_interaction_id) for p in plans_of(s, customer_id) if p.state == "planned"] == [
            (date(2026, 11, 25), call_id), (date(2026, 12, 18), None)]
    with db.write() as s:
        report = generate_reminders(s, date(2026, 11, 23))
        assert any(key.endswith(":due") and s.scalar(select(Reminder.subject).where(Reminder.key == key))
                   == "跟进 客户A1：下周三前发报价" for key in report.new_keys)
        records.update_interaction(s, call_id, {"next_step_on": date(2026, 11, 26)})  # moved a day
    with db.write() as s:
        records.log_interaction(s, customer_id, {"kind": "email", "occurred_at": local_noon_utc(date(2026, 11, 26)),
                                                 "summary": "报价已发"})
    with db.session() as s:
        assert open_followups(s, today) == []
        done = s.scalar(select(RevisitPlan).where(RevisitPlan.origin_interaction_id == call_id))
        assert (done.state, done.due_on, done.done_on) == ("done", date(2026, 11, 26), date(2026, 11, 26))


def test_a_next_step_without_a_date_is_no_to_do_and_deleting_the_interaction_drops_it(db, today):
    with db.write() as s:
        customer = add_customer(s, "A1")
        plain = records.log_interaction(s, customer.id, {"kind": "visit", "next_step": "保持联系",
                                                         "occurred_at": local_noon_utc(today)})
        dated = records.log_interaction(s, customer.id, {"kind": "visit", "next_step": "寄样品",
                                                         "occurred_at": local_noon_utc(today),
                                                         "next_step_on": today + timedelta(days=3)})
        assert followup_of(s, plain.id) is None and followup_of(s, dated.id).state == "planned"
    with db.write() as s:
        records.delete_interaction(s, dated.id)
    with db.session() as s:
        assert open_followups(s, today) == []
    with db.write() as s:
        records.restore_interaction(s, dated.id)
    with db.session() as s:
        assert [f.step for f in open_followups(s, today)] == ["寄样品"]
