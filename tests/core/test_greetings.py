"""A festival's recipient list: who, through which contact, addressed as people do, exported, greeted."""

from __future__ import annotations

from datetime import date, datetime, timezone

import openpyxl
import pytest
from sqlalchemy import select

from accountdesk.core.i18n import ValidationError
from accountdesk.core.reminders.greetings import (
    export_recipients,
    festival_recipients,
    find_festival,
    form_of_address,
    mark_greeted,
)
from accountdesk.core.storage.models import Contact, Customer, Interaction, User


@pytest.mark.parametrize(("name", "position", "expected"), [
    ("魏强", "总经理", "魏总"), ("刘芳", "采购经理", "刘经理"), ("欧阳明", "办公室主任", "欧阳主任"),
    ("王建国", "董事长", "王董"), ("陈静", "", "陈静"), ("陈静", None, "陈静"), ("Tom Lee", "CEO", "Tom Lee"),
    ("张伟", "高级工程师", "张工"), ("", "经理", ""),
])
def test_form_of_address_from_surname_and_title(name, position, expected):
    assert form_of_address(name, position) == expected


def test_festivals_are_found_by_name_or_code_and_an_unknown_one_is_named():
    assert find_festival("春节", 2027).on == date(2027, 2, 6)
    assert find_festival("中秋", 2027).code == "mid_autumn"
    assert find_festival("dragon_boat", 2026).name_zh == "端午节"
    with pytest.raises(ValidationError) as raised:
        find_festival("圣诞", 2027)
    assert "春节" in raised.value.message.zh


def _book(s):
    zhao = User(name="zhao", display_name="赵敏")
    qian = User(name="qian", display_name="钱进")
    s.add_all([zhao, qian])
    s.flush()
    made = datetime(2025, 1, 1, 12, tzinfo=timezone.utc)
    a1 = Customer(code="A1", name="华东精密", tier="A", owner=zhao, created_at=made)
    b1 = Customer(code="B1", name="岭南茶业", tier="B", owner=qian, created_at=made, contact_person="刘芳",
                  position="采购经理", phone="13900000002")
    c1 = Customer(code="C1", name="北方物流", tier="C", owner=zhao, created_at=made)
    gone = Customer(code="A9", name="已删除", tier="A", owner=zhao, created_at=made, deleted_at=made)
    s.add_all([a1, b1, c1, gone])
    s.flush()
    s.add(Contact(customer_id=a1.id, name="李助理", position="助理", phone="13900000009"))
    s.add(Contact(customer_id=a1.id, name="魏强", position="总经理", phone="13900000001", wechat="weiqiang",
                  is_primary=True))
    s.flush()
    return zhao, a1, b1, c1


def test_the_recipients_of_chosen_tiers_each_with_a_personal_greeting(db):
    with db.write() as s:
        zhao, a1, b1, _c1 = _book(s)
        festival = find_festival("春节", 2027)
        chosen = festival_recipients(s, festival, tiers=["A", "B"])
        mine = festival_recipients(s, festival, owners=[zhao.id])
    assert [r.customer_code for r in chosen.recipients] == ["A1", "B1"]
    wei, liu = chosen.recipients
    assert (wei.contact_name, wei.address_as, wei.phone, wei.wechat, wei.owner) == \
        ("魏强", "魏总", "13900000001", "weiqiang", "赵敏")  # the primary contact, not the first
    assert wei.greeting.startswith("魏总，春节快乐！") and "(name)" not in wei.greeting
    assert (liu.contact_name, liu.address_as, liu.phone) == ("刘芳", "刘经理", "13900000002")
    assert liu.greeting == "刘经理，春节快乐！祝您和家人节日愉快。"
    assert [r.customer_code for r in mine.recipients] == ["A1", "C1"]
    assert chosen.counts_by_tier() == {"A": 1, "B": 1}


def test_the_list_exports_to_xlsx_and_greeting_is_logged_once(db, tmp_path):
    with db.write() as s:
        _zhao, a1, b1, _c1 = _book(s)
        festival = find_festival("中秋", 2027)
        recipients = festival_recipients(s, festival, tiers=["A", "B"])
    out = tmp_path / "中秋.xlsx"
    assert int(export_recipients(recipients, out)) == 2
    sheet = openpyxl.load_workbook(out).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["客户编号", "客户名称", "等级"] or rows[0][:3] == ["Code", "Customer", "Tier"]
    assert rows[1][0] == "A1" and rows[1][6] == "魏总" and rows[1][9].startswith("魏总，中秋节快乐")
    with db.write() as s:
        changes = mark_greeted(s, festival, recipients.recipients, date(2027, 9, 14))
        mark_greeted(s, festival, recipients.recipients, date(2027, 9, 15))  # twice: logged once
        logged = s.execute(select(Interaction.customer_id, Interaction.kind, Interaction.summary)
                           .where(Interaction.summary.like("中秋节祝福%"))).all()
    assert changes.interactions and changes.customers == {a1.id, b1.id}
    assert sorted(c for c, _k, _s in logged) == sorted([a1.id, b1.id])
    assert all(kind == "wechat" for _c, kind, _s in logged)


def test_a_greeting_completes_no_revisit_but_a_real_contact_still_does(db):
    from accountdesk.core.archive import records
    from accountdesk.core.revisits.completion import complete_by_contacts
    from accountdesk.core.revisits.plans import schedule_revisit
    from accountdesk.core.storage.models import RevisitPlan
    from accountdesk.core.time import local_noon_utc

    with db.write() as s:
        _zhao, a1, _b1, _c1 = _book(s)
        plan = schedule_revisit(s, a1.id, date(2027, 9, 15), purpose="定期回访")
        festival = find_festival("中秋", 2027)
        mark_greeted(s, festival, festival_recipients(s, festival, tiers=["A"]).recipients, date(2027, 9, 14))
    with db.write() as s:
        complete_by_contacts(s, [a1.id])  # what the next reminder run does with contacts from elsewhere
    with db.session() as s:
        kept = s.get(RevisitPlan, plan.id)
        assert (kept.state, kept.interaction_id) == ("planned", None), "a festival greeting is not the revisit"
    with db.write() as s:
        records.log_interaction(s, a1.id, {"kind": "phone", "occurred_at": local_noon_utc(date(2027, 9, 15)),
                                           "summary": "回访"})
    with db.session() as s:
        assert s.get(RevisitPlan, plan.id).state == "done"
