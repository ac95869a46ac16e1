"""The customer archive: what a manager creates, edits, deletes and finds."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from accountdesk.core.archive import records as archive
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.audit import customer_trail
from accountdesk.core.storage.models import Customer
from accountdesk.core.team.conflicts import ConflictError


def make(db, **fields):
    with db.write() as session:
        return archive.create_customer(session, {"name": "上海某某贸易有限公司", **fields}).id


def test_create_assigns_next_code_and_keeps_leading_zeros(db):
    first = make(db, code="007")
    second = make(db, name="北京星辰科技")
    third = make(db, name="广州南方物流")
    with db.session() as session:
        assert archive.get_customer(session, first).code == "007"
        assert archive.get_customer(session, second).code == "C000001"
        assert archive.get_customer(session, third).code == "C000002"


def test_code_unique_among_live_customers_only(db):
    first = make(db, code="A-1")
    with pytest.raises(ValidationError) as refused:
        make(db, code="A-1", name="另一家")
    assert refused.value.field == "code"
    assert "A-1" in str(refused.value)
    with db.write() as session:
        archive.delete_customer(session, first)
    again = make(db, code="A-1", name="另一家")
    with db.write() as session, pytest.raises(ValidationError):
        archive.restore_customer(session, first)  # its code is taken by a live customer now
    assert again != first


def test_validation_messages_in_both_languages(db):
    with pytest.raises(ValidationError) as refused:
        make(db, name="  ")
    assert refused.value.message.zh == "客户名称：不能为空"
    assert refused.value.message.en == "customer name: must not be empty"
    with pytest.raises(ValidationError) as refused:
        make(db, email="not-an-email")
    assert refused.value.field == "email"
    with db.session() as session:
        assert archive.count_customers(session) == 0


def test_update_writes_audit_trail_with_old_and_new(db):
    cid = make(db, phone="138 0013 8000")
    with db.write() as session:
        archive.update_customer(session, cid, {"name": "上海某某贸易公司", "industry": "贸易"})
    with db.session() as session:
        trail = customer_trail(session, cid)
        changed = {(e.field, e.old_value, e.new_value) for e in trail if e.action == "update"}
        assert ("name", "上海某某贸易有限公司", "上海某某贸易公司") in changed
        assert ("industry", None, "贸易") in changed
        # The typed name on a file; on a server its login, whatever name was typed.
        author = "tester" if db.is_sqlite else session.connection().exec_driver_sql("SELECT session_user").scalar()
        assert db.user == author
        assert {e.user for e in trail} == {author}
        customer = archive.get_customer(session, cid)
        assert customer.updated_by == author
        assert customer.version == 2


def test_stale_save_is_refused_as_conflict(db):
    cid = make(db)
    with db.session() as session:
        loaded_version = archive.get_customer(session, cid).version
    with db.write() as session:
        archive.update_customer(session, cid, {"industry": "制造"}, expected_version=loaded_version)
    with db.write() as session, pytest.raises(ConflictError) as conflict:
        archive.update_customer(session, cid, {"industry": "贸易"}, expected_version=loaded_version)
    assert conflict.value.mine == {"industry": "贸易"}
    assert conflict.value.theirs == {"industry": "制造"}
    with db.session() as session:
        assert archive.get_customer(session, cid).industry == "制造"


def test_soft_delete_and_restore_keep_everything(db):
    cid = make(db)
    with db.write() as session:
        archive.add_transaction(session, cid, {"occurred_on": date(2026, 1, 5), "amount": "1234.50"})
        archive.delete_customer(session, cid)
    with db.session() as session:
        assert archive.customer_ids(session) == []
        assert archive.get_customer(session, cid, include_deleted=True).deleted_at is not None
        actions = [e.action for e in customer_trail(session, cid)]
        assert "delete" in actions
    with db.write() as session:
        archive.restore_customer(session, cid)
    with db.session() as session:
        assert archive.customer_ids(session) == [cid]
        assert archive.customer_rows(session, [cid])[cid].total_spend_cents == 123450


@pytest.mark.parametrize(
    "query",
    ["张三", "zhangsan", "zs", "ZhangSan", "13800138000", "0013", "c000001", "某某贸易", "moumou"],
)
def test_search_finds_by_name_pinyin_initials_phone_code_and_contact(db, query):
    cid = make(db, phone="138-0013-8000")
    make(db, name="北京星辰科技", phone="13900000000")
    with db.write() as session:
        archive.add_contact(session, cid, {"name": "张三", "phone": "13700000000"})
    with db.session() as session:
        assert archive.customer_ids(session, archive.CustomerFilter(text=query)) == [cid]


def test_search_escapes_like_wildcards(db):
    make(db, name="百分之百_公司")
    make(db, name="普通公司")
    with db.session() as session:
        assert len(archive.customer_ids(session, archive.CustomerFilter(text="%"))) == 0
        assert len(archive.customer_ids(session, archive.CustomerFilter(text="_"))) == 1


def test_contact_birthdays_validated(db):
    cid = make(db)
    with db.write() as session:
        lunar = archive.add_contact(session, cid, {"name": "李四", "birth_calendar": "lunar", "birth_month": 4,
                                                    "birth_day": 30, "birth_leap_month": True})
        assert lunar.is_lunar_birthday
    with db.write() as session, pytest.raises(ValidationError) as refused:
        archive.add_contact(session, cid, {"name": "王五", "birth_month": 2, "birth_day": 30})
    assert refused.value.field == "birth_day"
    with db.write() as session, pytest.raises(ValidationError):
        archive.add_contact(session, cid, {"name": "王五", "birth_month": 2, "birth_day": 10, "birth_leap_month": True})


def test_money_is_exact(db):
    cid = make(db)
    with db.write() as session:
        for amount in ("0.10", "0.20", Decimal("1234567.89")):
            archive.add_transaction(session, cid, {"occurred_on": date(2026, 3, 1), "amount": amount})
    with db.session() as session:
        total = sum(t.amount for t in archive.list_transactions(session, cid))
        assert total == Decimal("1234568.19")
    with db.write() as session, pytest.raises(ValidationError):
        archive.add_transaction(session, cid, {"occurred_on": date(2026, 3, 1), "amount": "1.234"})
    with db.write() as session, pytest.raises(TypeError):
        archive.add_transaction(session, cid, {"occurred_on": date(2026, 3, 1), "amount": 0.1})


def test_interactions_feedback_and_list_columns(db):
    cid = make(db)
    when = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
    with db.write() as session:
        archive.log_interaction(session, cid, {"kind": "visit", "occurred_at": when, "summary": "上门拜访",
                                               "satisfaction": 4})
        complaint = archive.add_feedback(session, cid, {"kind": "complaint", "content": "发货延迟",
                                                        "received_on": date(2026, 11, 2)})
    with db.write() as session, pytest.raises(ValidationError) as refused:
        archive.log_interaction(session, cid, {"kind": "visit", "satisfaction": 6})
    assert refused.value.field == "satisfaction"
    with db.session() as session:
        assert [c.content for c in archive.open_complaints(session, cid)] == ["发货延迟"]
        row = archive.customer_rows(session, [cid])[cid]
        assert row.last_contact == when
        interactions = archive.list_interactions(session, cid)
        assert interactions[0].user_id is not None  # attributed to the person who logged it
    with db.write() as session:
        archive.resolve_feedback(session, complaint.id, "已补发", date(2026, 11, 3))
    with db.session() as session:
        assert archive.open_complaints(session, cid) == []


def test_filters_owner_tag_tier_and_sorting(db):
    a = make(db, name="甲公司", owner="王经理", tier="A")
    b = make(db, name="乙公司", owner="李经理", tier="B")
    c = make(db, name="丙公司", tier="A")
    with db.write() as session:
        archive.set_customer_tags(session, a, ["重点", "华东"])
        archive.add_tag_to_customers(session, [b, c], "重点")
        wang = archive.ensure_user(session, "王经理")
    with db.session() as session:
        assert archive.customer_ids(session, archive.CustomerFilter(tier="A")) == [a, c]
        assert archive.customer_ids(session, archive.CustomerFilter(owner_id=wang.id)) == [a]
        assert set(archive.customer_ids(session, archive.CustomerFilter(tag="重点"))) == {a, b, c}
        assert archive.customer_ids(session, archive.CustomerFilter(tag="华东")) == [a]
        assert archive.customer_ids(session, order_by="owner") == [b, a, c]  # blanks last
        rows = archive.customer_rows(session, [a])
        assert rows[a].tags == ("华东", "重点")
        assert rows[a].owner == "王经理"
        tag_trail = [e for e in customer_trail(session, a) if e.field == "tags"]
        assert tag_trail and tag_trail[0].new_value == "华东, 重点"


def test_changes_announce_what_they_touched(db):
    with db.write() as session:
        cid = archive.create_customer(session, {"name": "甲公司"}).id
        changes = archive.changes_of(session)
        assert changes.customer_list and cid in changes.customers
    with db.write() as session:
        archive.add_contact(session, cid, {"name": "赵六"})
        changes = archive.changes_of(session)
        assert changes.contacts and changes.customers == {cid} and not changes.customer_list


def test_search_key_follows_contacts(db):
    cid = make(db)
    with db.write() as session:
        contact = archive.add_contact(session, cid, {"name": "钱七"})
    with db.session() as session:
        assert archive.customer_ids(session, archive.CustomerFilter(text="qianqi")) == [cid]
    with db.write() as session:
        archive.delete_contact(session, contact.id)
    with db.session() as session:
        assert archive.customer_ids(session, archive.CustomerFilter(text="qianqi")) == []
        assert session.get(Customer, cid).search_key


def test_logging_a_call_resets_the_revisit_cadence(db, today):
    from accountdesk.core.revisits.plans import plan_revisits
    from accountdesk.core.storage.models import RevisitPlan

    cid = make(db, tier="B")
    with db.write() as session:
        archive.log_interaction(session, cid, {"kind": "phone", "occurred_at": datetime(2026, 8, 1, 2, tzinfo=timezone.utc)})
        plan_revisits(session, today)
    with db.write() as session:
        archive.log_interaction(session, cid, {"kind": "phone", "occurred_at": datetime(2026, 11, 19, 2, tzinfo=timezone.utc)})
    with db.session() as session:
        from sqlalchemy import select

        planned = session.scalars(select(RevisitPlan.due_on).where(
            RevisitPlan.customer_id == cid, RevisitPlan.state == "planned", RevisitPlan.deleted_at.is_(None))).all()
    assert planned == [date(2026, 11, 19) + timedelta(days=60)]  # tier B: every 60 days from the last call


def test_in_memory_search_index_agrees_with_the_database_search(db):
    from accountdesk.core.archive.search import SearchIndex

    made = [make(db, name=name, phone=phone, code=code) for name, phone, code in [
        ("张三贸易", "138-0013-8000", "C9"), ("张家港物流", "13900000000", "A1"), ("北京星辰科技", None, "0007"),
        ("上海张江药业", "021 5555 0000", "B2"), ("百分之百_公司", None, "Z0")]]
    with db.session() as session:
        index = SearchIndex.load(session)
        assert index.find("") == archive.customer_ids(session) and len(index) == len(made)
        # Typed one key at a time, as a manager types: every step agrees with the SQL search.
        for typed in ["z", "zh", "zha", "zhang", "zhang s", "zhang sm", "zhangj", "z", "", "138", "1380013",
                      "0013 zs", "_", "%", "北京", "bjxc", "c9", "00"]:
            assert index.find(typed) == archive.customer_ids(session, archive.CustomerFilter(text=typed)), typed


def test_bulk_writers_report_what_they_changed_and_count_for_colleagues(db, today):
    """A raw statement no longer leaves colleagues' views stale: planning revisits through the
    driver records its changes and bumps the change counter like an ORM save."""
    from accountdesk.core.changes import changes_of
    from accountdesk.core.revisits.plans import plan_revisits
    from accountdesk.core.storage.change_counter import read_change_counter

    with db.write() as session:
        customer = archive.create_customer(session, {"name": "上海明远贸易有限公司"})
        customer_id = customer.id
    with db.session() as session:
        before = read_change_counter(session.connection())
    with db.write() as session:
        session.info.pop("changes", None)
        assert plan_revisits(session, today) >= 1
        recorded = changes_of(session)
    assert recorded.revisits and customer_id in recorded.customers
    with db.session() as session:
        assert read_change_counter(session.connection()) == before + 1
