"""Win-back (issue 18 item 4) and care records (item 6): from a churn warning to a dated action in
Today and a reason in the statistics; care cost against what each tier brings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from accountdesk.core.archive.care import add_care, delete_care, list_care, update_care
from accountdesk.core.i18n import ValidationError
from accountdesk.core.kpi.care import care_by_tier
from accountdesk.core.kpi.dashboard import load_dashboard, write_dashboard_xlsx
from accountdesk.core.kpi.winbacks import win_back_figures
from accountdesk.core.reminders.agenda import build_agenda, log_contact, snooze_item
from accountdesk.core.storage.audit import customer_trail
from accountdesk.core.storage.models import Customer, Reminder, Transaction, User, WinBackAction
from accountdesk.core.winback.plans import (
    PlannedAction,
    close_win_back,
    list_win_backs,
    start_win_back,
)

TODAY = date(2026, 12, 7)  # a Monday


def _book(session):
    anna = User(name="anna", display_name="安娜")
    bo = User(name="bo")
    session.add_all([anna, bo])
    session.flush()
    made = datetime(2025, 1, 1, 12, tzinfo=timezone.utc)
    a = Customer(code="C1", name="上海明远贸易有限公司", tier="A", owner_id=anna.id, created_at=made)
    b = Customer(code="C2", name="杭州乐清机电", tier="B", owner_id=bo.id, created_at=made)
    session.add_all([a, b])
    session.flush()
    warning = Reminder(key=f"churn:purchase_gap:{a.uid}:2026-10-01", kind="churn", subject="流失预警：上海明远贸易有限公司",
                       customer_id=a.id, due_on=TODAY - timedelta(days=3), state="new", data={})
    session.add(warning)
    session.flush()
    return anna, bo, a, b, warning


def test_a_churn_warning_turned_into_a_win_back_puts_its_dated_action_in_today_and_its_reason_in_the_figures(db):
    with db.write() as s:
        anna, _bo, a, _b, warning = _book(s)
        ids = anna.id, a.id, warning.id
    anna_id, customer_id, warning_id = ids
    with db.write() as s:
        win_back = start_win_back(s, customer_id, "price", started_on=TODAY, note="对手报价低 8%",
                                  actions=[PlannedAction(TODAY + timedelta(days=2), "电话回访，了解报价"),
                                           PlannedAction(TODAY + timedelta(days=9), "上门送新报价")],
                                  reminder_id=warning_id)
        win_back_id = win_back.id
    with db.session() as s:
        assert s.get(Reminder, warning_id).state == "done"  # the warning's work now lives in the win-back
        today_list = build_agenda(s, TODAY, anna_id, days=1)
        assert not [i for i in today_list.today if i.kind in ("winback", "churn")]
        on_the_day = build_agenda(s, TODAY + timedelta(days=2), anna_id, days=1)
        [item] = [i for i in on_the_day.today if i.kind == "winback"]
        assert item.customer_code == "C1"
        assert "电话回访，了解报价" in item.reason("zh") and "价格" in item.reason("zh")
        assert "Price" in item.reason("en")
        assert item.as_json()["action_id"] == item.action_id
        # Not yet the other step: it is a week later.
        assert all("上门送新报价" not in i.reason("zh") for i in on_the_day.items())
        figures = win_back_figures(s, date(2026, 12, 1), date(2026, 12, 31))
        assert figures.total.started == 1 and figures.total.still_open == 1
        assert figures.total.reasons == {"price": 1}
        assert [(o.owner, o.reasons) for o in figures.owners] == [("anna", {"price": 1})]
        assert figures.total.rate is None  # nothing ended yet
        history = {(e.entity, e.action) for e in customer_trail(s, customer_id)}
        assert ("win_backs", "create") in history and ("win_back_actions", "create") in history

    # The step taken from Today: logged as a contact, gone from the list.
    with db.write() as s:
        changes = log_contact(s, customer_id, None, "phone", "谈了新报价", TODAY + timedelta(days=2),
                              action_id=item.action_id)
        assert changes.winbacks
    with db.session() as s:
        assert s.get(WinBackAction, item.action_id).done_on == TODAY + timedelta(days=2)
        assert not [i for i in build_agenda(s, TODAY + timedelta(days=2), anna_id, days=1).today if i.kind == "winback"]
        # A late step comes to today, marked late.
        late = build_agenda(s, TODAY + timedelta(days=11), anna_id, days=1)
        [step] = [i for i in late.today if i.kind == "winback"]
        assert step.overdue and "逾期 2 天" in step.reason("zh")
    with db.write() as s:
        snooze_item(s, day=TODAY + timedelta(days=14), today=TODAY + timedelta(days=11), action_id=step.action_id)
    with db.session() as s:
        assert not [i for i in build_agenda(s, TODAY + timedelta(days=11), anna_id, days=1).today
                    if i.kind == "winback"]
        assert [i.action_id for i in build_agenda(s, TODAY + timedelta(days=14), anna_id, days=1).today
                if i.kind == "winback"] == [step.action_id]

    with db.write() as s:
        close_win_back(s, win_back_id, "won", TODAY + timedelta(days=15))
    with db.session() as s:
        # Closed: its open step leaves Today.
        assert not [i for i in build_agenda(s, TODAY + timedelta(days=14), anna_id, days=1).today
                    if i.kind == "winback"]
        [row] = list_win_backs(s, customer_id=customer_id)
        assert row.outcome == "won" and row.closed_on == TODAY + timedelta(days=15)
        assert row.as_json()["reason_label"] in ("价格", "Price")
        figures = win_back_figures(s, date(2026, 12, 1), date(2026, 12, 31))
        assert (figures.total.won, figures.total.lost, figures.total.rate) == (1, 0, 1.0)


def test_a_win_back_needs_a_known_reason_and_only_one_runs_per_customer(db):
    with db.write() as s:
        _anna, _bo, a, b, _warning = _book(s)
        customer_id, other_id = a.id, b.id
    with db.write() as s, pytest.raises(ValidationError) as error:
        start_win_back(s, customer_id, "weather", started_on=TODAY)
    assert error.value.field == "reason"
    with db.write() as s, pytest.raises(ValidationError) as error:
        start_win_back(s, customer_id, "price", started_on=TODAY, actions=[PlannedAction(TODAY, " ")])
    assert error.value.field == "action"
    with db.write() as s:
        first = start_win_back(s, customer_id, "competitor", started_on=TODAY).id
    with db.write() as s, pytest.raises(ValidationError):
        start_win_back(s, customer_id, "price", started_on=TODAY)
    with db.write() as s:
        close_win_back(s, first, "lost", TODAY)
        start_win_back(s, other_id, "contact_left", started_on=TODAY)
    with db.write() as s, pytest.raises(ValidationError):
        close_win_back(s, first, "won", TODAY)  # already ended
    with db.session() as s:
        figures = win_back_figures(s, TODAY, TODAY)
        assert figures.total.reasons == {"competitor": 1, "contact_left": 1}
        assert (figures.total.won, figures.total.lost, figures.total.rate) == (0, 1, 0.0)
        assert {o.owner: o.lost for o in figures.owners} == {"anna": 1, "bo": 0}
        dashboard = load_dashboard(s, TODAY, TODAY, TODAY)
        assert dashboard.as_dict()["win_backs"]["reasons"] == {"competitor": 1, "contact_left": 1}


def test_care_records_cost_against_what_the_tier_brings(db, tmp_path):
    with db.write() as s:
        _anna, _bo, a, b, _warning = _book(s)
        customer_id, other_id = a.id, b.id
        s.add_all([Transaction(customer_id=a.id, occurred_on=date(2026, 12, 2), amount_cents=5_000_000),
                   Transaction(customer_id=b.id, occurred_on=date(2026, 12, 3), amount_cents=800_000)])
    with db.write() as s:
        add_care(s, customer_id, {"kind": "gift", "item": "中秋月饼礼盒", "value": "388.00", "given_on": date(2026, 12, 1),
                                  "occasion": "中秋"})
        points = add_care(s, customer_id, {"kind": "points", "item": "积分 2000", "value": Decimal("200"),
                                           "given_on": date(2026, 12, 4)}).id
        add_care(s, other_id, {"kind": "coupon", "item": "九折券", "value": "120.5", "given_on": date(2026, 12, 5)})
        add_care(s, other_id, {"kind": "coupon", "item": "去年的券", "value": "99", "given_on": date(2025, 12, 5)})
    with db.write() as s, pytest.raises(ValidationError) as error:
        add_care(s, customer_id, {"kind": "gift", "item": "x", "value": "-1", "given_on": date(2026, 12, 1)})
    assert error.value.field == "value"
    with db.write() as s:
        update_care(s, points, {"value": "250"})
    with db.session() as s:
        assert [r.item for r in list_care(s, customer_id)] == ["积分 2000", "中秋月饼礼盒"]
        rows = {c.tier: c for c in care_by_tier(s, date(2026, 12, 1), date(2026, 12, 31))}
        assert (rows["A"].records, rows["A"].cost_cents, rows["A"].spend_cents) == (2, 63_800, 5_000_000)
        assert rows["A"].cost_share == pytest.approx(63_800 / 5_000_000)
        assert (rows["B"].cared_for, rows["B"].cost_cents) == (1, 12_050)
        trail = [(e.entity, e.field, e.new_value) for e in customer_trail(s, customer_id)]
        assert ("care_records", "value_cents", "25000") in trail
        figures = load_dashboard(s, date(2026, 12, 1), date(2026, 12, 31), TODAY)
        written = write_dashboard_xlsx(figures, tmp_path / "figures.xlsx")
    from openpyxl import load_workbook
    book = load_workbook(written)
    care_sheet = next(book[name] for name in book.sheetnames if name in ("客户回馈", "Care"))
    assert [row[0] for row in care_sheet.iter_rows(min_row=2, values_only=True)] == ["A", "B"]
    with db.write() as s:
        delete_care(s, points)
    with db.session() as s:
        assert care_by_tier(s, date(2026, 12, 1), date(2026, 12, 31))[0].cost_cents == 38_800
