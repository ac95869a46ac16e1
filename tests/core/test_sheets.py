"""Which customers, plans and facts a printed revisit sheet and the weekly plan show."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from accountdesk.core.archive.search import customer_search_key
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.revisits.sheets import format_money, revisit_sheet_data, weekly_plan_data
from accountdesk.core.storage.models import (
    Customer,
    Feedback,
    Interaction,
    RevisitPlan,
    TierPolicy,
    Transaction,
    User,
    utcnow,
)


def _customer(session, code: str, name: str, *, tier: str | None = "A", owner: int | None = None, **extra) -> Customer:
    customer = Customer(code=code, name=name, tier=tier, owner_id=owner, **extra)
    customer.search_key = customer_search_key(customer)
    session.add(customer)
    session.flush()
    return customer


def _plan(session, customer: Customer, due: date, **extra) -> RevisitPlan:
    plan = RevisitPlan(customer_id=customer.id, due_on=due, **extra)
    session.add(plan)
    session.flush()
    return plan


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


@pytest.fixture
def users(db):
    with db.write() as session:
        session.add_all([User(name="wang", display_name="王经理"), User(name="li", display_name="李经理")])
    with db.session() as session:
        return {user.name: user.id for user in session.query(User)}


def test_selects_planned_revisits_of_live_customers_in_the_range(db, today, users):
    with db.write() as session:
        due = _customer(session, "C001", "华东精密")
        _plan(session, due, today + timedelta(days=2), purpose="年度续约", channel="visit")
        late = _customer(session, "C002", "北方物流")
        _plan(session, late, today + timedelta(days=7))  # one day after the range
        done = _customer(session, "C003", "南方贸易")
        _plan(session, done, today, state="done", done_on=today)
        gone = _customer(session, "C004", "已删除客户")
        _plan(session, gone, today)
        gone.deleted_at = utcnow()
        dropped = _customer(session, "C005", "取消计划")
        _plan(session, dropped, today).deleted_at = utcnow()
    with db.session() as session:
        sheets = revisit_sheet_data(session, today, today + timedelta(days=6))
    assert [sheet.archive.code for sheet in sheets] == ["C001"]
    assert sheets[0].purpose == "年度续约"
    assert sheets[0].channel == "visit"
    assert sheets[0].due_on == today + timedelta(days=2)


def test_range_bounds_are_inclusive_and_order_is_by_due_date(db, today):
    with db.write() as session:
        for code, offset in (("C3", 6), ("C1", 0), ("C2", 3)):
            _plan(session, _customer(session, code, f"客户{code}"), today + timedelta(days=offset))
    with db.session() as session:
        sheets = revisit_sheet_data(session, today, today + timedelta(days=6))
    assert [sheet.archive.code for sheet in sheets] == ["C1", "C2", "C3"]


def test_one_sheet_per_customer_for_its_earliest_plan(db, today):
    with db.write() as session:
        customer = _customer(session, "C001", "华东精密")
        _plan(session, customer, today + timedelta(days=4), purpose="later")
        _plan(session, customer, today + timedelta(days=1), purpose="sooner")
    with db.session() as session:
        sheets = revisit_sheet_data(session, today, today + timedelta(days=6))
        weekly = weekly_plan_data(session, today)
    assert [(s.archive.code, s.purpose) for s in sheets] == [("C001", "sooner")]
    # The plan page still lists both visits.
    assert [e.purpose for e in weekly.groups[0].entries] == ["sooner", "later"]


def test_archive_policy_and_owner(db, today, users):
    with db.write() as session:
        # The schema seeds A/B/C policies; the sheet shows the policy as the team edited it.
        policy = session.query(TierPolicy).filter_by(tier="A").one()
        policy.revisit_interval_days, policy.channel = 21, "meeting"
        policy.service_level, policy.action_plan = "VIP 专属服务", "一对一拜访，高层互访"
        customer = _customer(
            session, "C001", "华东精密", owner=users["wang"], company="华东精密机械有限公司",
            contact_person="张伟", phone="138 0000 1111", address="上海市浦东新区", industry="制造业",
        )
        _plan(session, customer, today)
    with db.session() as session:
        (sheet,) = revisit_sheet_data(session, today, today)
    archive = sheet.archive
    assert (archive.company, archive.contact_person, archive.phone) == ("华东精密机械有限公司", "张伟", "138 0000 1111")
    assert (archive.address, archive.industry, archive.owner) == ("上海市浦东新区", "制造业", "王经理")
    assert sheet.tier == "A"
    assert sheet.policy is not None
    assert (sheet.policy.revisit_interval_days, sheet.policy.channel) == (21, "meeting")
    assert (sheet.policy.service_level, sheet.policy.action_plan) == ("VIP 专属服务", "一对一拜访，高层互访")
    assert sheet.plan_owner == "王经理"


def test_customer_without_tier_policy_has_none(db, today):
    with db.write() as session:
        _plan(session, _customer(session, "C001", "新客户", tier=None), today)
        _plan(session, _customer(session, "C002", "特殊级客户", tier="S"), today)
        _plan(session, _customer(session, "C003", "B级客户", tier="B"), today)
        session.query(TierPolicy).filter_by(tier="B").one().deleted_at = utcnow()
    with db.session() as session:
        sheets = revisit_sheet_data(session, today, today)
    assert [(s.tier, s.policy) for s in sheets] == [(None, None), ("S", None), ("B", None)]


def test_last_five_interactions_newest_first(db, today):
    with db.write() as session:
        customer = _customer(session, "C001", "华东精密")
        other = _customer(session, "C002", "北方物流")
        _plan(session, customer, today)
        for offset in range(7):
            session.add(
                Interaction(
                    customer_id=customer.id, kind="phone", occurred_at=_noon(today - timedelta(days=10 * offset)),
                    summary=f"第{offset}次通话", satisfaction=(offset % 5) + 1,
                )
            )
        session.add(Interaction(customer_id=other.id, kind="visit", occurred_at=_noon(today), summary="别家"))
        session.add(
            Interaction(customer_id=customer.id, kind="visit", occurred_at=_noon(today), summary="已删除",
                        deleted_at=utcnow())
        )
    with db.session() as session:
        (sheet,) = revisit_sheet_data(session, today, today)
    assert [line.summary for line in sheet.interactions] == [f"第{n}次通话" for n in range(5)]
    assert sheet.interactions[0].on == today
    assert sheet.interactions[1].satisfaction == 2


def test_open_complaints_only(db, today):
    with db.write() as session:
        customer = _customer(session, "C001", "华东精密")
        _plan(session, customer, today + timedelta(days=1))
        session.add_all([
            Feedback(customer_id=customer.id, kind="complaint", received_on=today - timedelta(days=12), content="交货延迟"),
            Feedback(customer_id=customer.id, kind="complaint", received_on=today - timedelta(days=40),
                     content="已处理", resolved=True, resolved_on=today - timedelta(days=30)),
            Feedback(customer_id=customer.id, kind="suggestion", received_on=today, content="希望增加颜色"),
        ])
    with db.session() as session:
        (sheet,) = revisit_sheet_data(session, today, today + timedelta(days=6), as_of=today)
    assert [(c.content, c.days_open) for c in sheet.complaints] == [("交货延迟", 12)]


def test_purchase_summary_counts_the_last_twelve_months(db, today):
    with db.write() as session:
        customer = _customer(session, "C001", "华东精密")
        _plan(session, customer, today)
        for offset, cents in ((10, 123_450), (200, 1_000_000), (364, 5), (365, 999_999), (0, 1)):
            session.add(Transaction(customer_id=customer.id, occurred_on=today - timedelta(days=offset), amount_cents=cents))
        # Booked for a future date: neither the last purchase nor this year's spend.
        session.add(Transaction(customer_id=customer.id, occurred_on=today + timedelta(days=3), amount_cents=777))
    with db.session() as session:
        (sheet,) = revisit_sheet_data(session, today, today, as_of=today)
    purchases = sheet.purchases
    assert purchases.last_purchase == today
    assert purchases.window_spend_cents == 123_450 + 1_000_000 + 5 + 1
    assert purchases.window_purchases == 4
    assert purchases.window_spend_text == "¥11,234.56"


def test_customer_without_purchases(db, today):
    with db.write() as session:
        _plan(session, _customer(session, "C001", "新客户"), today)
    with db.session() as session:
        (sheet,) = revisit_sheet_data(session, today, today)
    assert (sheet.purchases.last_purchase, sheet.purchases.window_spend_cents) == (None, 0)
    assert sheet.purchases.window_spend_text == "¥0.00"


@pytest.mark.parametrize(
    ("cents", "text"),
    [(0, "¥0.00"), (5, "¥0.05"), (123450, "¥1,234.50"), (100_000_000_01, "¥100,000,000.01"), (-1250, "-¥12.50")],
)
def test_format_money(cents, text):
    assert format_money(cents) == text


def test_owner_filter_uses_the_plan_owner_then_the_customer_owner(db, today, users):
    with db.write() as session:
        wang, li = users["wang"], users["li"]
        _plan(session, _customer(session, "C1", "王的客户", owner=wang), today)
        _plan(session, _customer(session, "C2", "李的客户", owner=li), today)
        # Li's customer, but this visit was handed to Wang.
        _plan(session, _customer(session, "C3", "代访客户", owner=li), today, owner_id=wang)
        _plan(session, _customer(session, "C4", "无人负责"), today)
    with db.session() as session:
        by_login = revisit_sheet_data(session, today, today, owner="wang")
        by_display = revisit_sheet_data(session, today, today, owner="李经理")
        everyone = revisit_sheet_data(session, today, today)
        weekly = weekly_plan_data(session, today, owner="wang")
    assert [s.archive.code for s in by_login] == ["C1", "C3"]
    assert [s.archive.code for s in by_display] == ["C2"]
    assert len(everyone) == 4
    assert [e.code for e in weekly.groups[0].entries] == ["C1", "C3"]
    assert by_login[1].plan_owner == "王经理"
    assert by_login[1].archive.owner == "李经理"


def test_unknown_owner_is_an_error_naming_the_known_ones(db, today, users):
    with db.session() as session, pytest.raises(AccountDeskError) as raised:
        revisit_sheet_data(session, today, today, owner="zhao")
    assert "zhao" in raised.value.message.en
    assert "wang" in raised.value.message.en
    assert "zhao" in raised.value.message.zh


def test_weekly_plan_groups_by_tier_in_policy_order(db, today):
    with db.write() as session:
        # Policy order decides, not the tier's name.
        session.query(TierPolicy).filter_by(tier="C").one().sort_order = -1
        _plan(session, _customer(session, "C1", "丙", tier="C"), today + timedelta(days=1))
        _plan(session, _customer(session, "A1", "甲", tier="A"), today + timedelta(days=5))
        _plan(session, _customer(session, "A2", "乙", tier="A"), today + timedelta(days=2))
        _plan(session, _customer(session, "N1", "未分级", tier=None), today)
        _plan(session, _customer(session, "S1", "特殊", tier="S"), today)
        _plan(session, _customer(session, "B1", "下周", tier="B"), today + timedelta(days=7))
    with db.session() as session:
        weekly = weekly_plan_data(session, today)
    assert (weekly.start, weekly.end) == (today, today + timedelta(days=6))
    assert [(g.tier, [e.code for e in g.entries]) for g in weekly.groups] == [
        ("C", ["C1"]),
        ("A", ["A2", "A1"]),
        ("S", ["S1"]),
        (None, ["N1"]),
    ]
    assert weekly.total == 5


def test_empty_week(db, today):
    with db.session() as session:
        weekly = weekly_plan_data(session, today)
        sheets = revisit_sheet_data(session, today, today + timedelta(days=6))
    assert weekly.groups == [] and weekly.total == 0
    assert sheets == []


def test_overdue_plans_before_the_range_come_first_and_are_marked(db, today):
    with db.write() as session:
        _plan(session, _customer(session, "C1", "本周客户"), today + timedelta(days=2))
        _plan(session, _customer(session, "C2", "早已逾期"), today - timedelta(days=30))
        _plan(session, _customer(session, "C3", "刚逾期"), today - timedelta(days=3), channel="phone")
        _plan(session, _customer(session, "C4", "已完成"), today - timedelta(days=5), state="done", done_on=today)
    with db.session() as session:
        sheets = revisit_sheet_data(session, today, today + timedelta(days=6), today=today)
        weekly = weekly_plan_data(session, today, today=today)
        plain = revisit_sheet_data(session, today, today + timedelta(days=6))  # no today: the range alone
    assert [(s.archive.code, s.overdue_days) for s in sheets] == [("C2", 30), ("C3", 3), ("C1", 0)]
    assert [e.code for e in weekly.overdue] == ["C2", "C3"] and weekly.total == 3
    assert [s.archive.code for s in plain] == ["C1"]


def test_open_follow_ups_print_on_the_customers_next_revisit_sheet(db, today):
    from accountdesk.core.archive.records import log_interaction

    with db.write() as session:
        customer = _customer(session, "C1", "华东精密")
        _plan(session, customer, today + timedelta(days=2), purpose="季度回访")
        log_interaction(session, customer.id, {
            "kind": "phone", "occurred_at": _noon(today - timedelta(days=10)), "next_step": "发报价单",
            "next_step_on": today + timedelta(days=5), "next_step_owner": "wang"})
    with db.session() as session:
        (sheet,) = revisit_sheet_data(session, today, today + timedelta(days=6), today=today)
        weekly = weekly_plan_data(session, today, today=today)
    assert (sheet.purpose, sheet.is_followup) == ("季度回访", False)
    assert [(line.step, line.due_on, line.owner) for line in sheet.followups] == [
        ("发报价单", today + timedelta(days=5), "wang")]
    assert [e.purpose for e in weekly.groups[0].entries] == ["季度回访", "发报价单"]
