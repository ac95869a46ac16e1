"""Three-way saves: what I changed is written, what they changed is kept, only both-changed fields ask."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.models import AuditEntry, Contact, Feedback, Interaction, Transaction
from accountdesk.core.team.conflicts import KEEP_THEIRS, ConflictError, resolve


def new_customer(db, **fields) -> int:
    with db.write() as session:
        return archive.create_customer(session, {"name": "恒通机电", **fields}).id


def form_of(db, read):
    """What a form keeps when it opens: the row's version and its stored values."""
    with db.session() as session:
        row = read(session)
        return row.version, archive.loaded_values(row)


def customer_form(db, customer_id):
    return form_of(db, lambda s: archive.get_customer(s, customer_id))


def save_customer(db, customer_id, form, changes):
    version, base = form
    with db.write() as session:
        return archive.update_customer(session, customer_id, changes, expected_version=version, base=base).version


def stored(db, customer_id) -> dict:
    with db.session() as session:
        return archive.loaded_values(archive.get_customer(session, customer_id))


def trail(db, customer_id, action=None) -> list[tuple]:
    with db.session() as session:
        query = select(AuditEntry.user, AuditEntry.action, AuditEntry.field, AuditEntry.old_value,
                       AuditEntry.new_value).where(AuditEntry.customer_id == customer_id)
        if action:
            query = query.where(AuditEntry.action == action)
        return [tuple(row) for row in session.execute(query.order_by(AuditEntry.id))]


def test_different_fields_of_one_customer_are_both_kept(db):
    customer_id = new_customer(db, phone="0512-1111111", email="old@hengtong.cn")
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    save_customer(db, customer_id, theirs, {"email": "sales@hengtong.cn"})
    # My form still shows the old e-mail; saving it with my phone must not put the old e-mail back.
    save_customer(db, customer_id, mine, {"phone": "0512-2222222", "email": "old@hengtong.cn"})
    values = stored(db, customer_id)
    assert (values["phone"], values["email"]) == ("0512-2222222", "sales@hengtong.cn")


def test_the_same_field_changed_by_both_is_a_conflict_of_that_field_alone(db):
    customer_id = new_customer(db, phone="0512-1111111", email="old@hengtong.cn", industry="机械")
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    save_customer(db, customer_id, theirs, {"phone": "0512-3333333", "industry": "制造"})
    with pytest.raises(ConflictError) as caught:
        save_customer(db, customer_id, mine, {"phone": "0512-2222222", "email": "new@hengtong.cn"})
    conflict = caught.value
    assert [c.field for c in conflict.contested] == ["phone"]
    assert {c.field: c.contested for c in conflict.fields} == {"phone": True, "email": False}
    assert conflict.theirs["phone"] == "0512-3333333" and conflict.mine["phone"] == "0512-2222222"
    assert stored(db, customer_id)["email"] == "old@hengtong.cn"  # nothing was written
    # Accepting the dialog as it opens keeps mine for phone, my e-mail, and their industry.
    with db.write() as session:
        archive.save_resolution(session, resolve(conflict))
    values = stored(db, customer_id)
    assert (values["phone"], values["email"], values["industry"]) == ("0512-2222222", "new@hengtong.cn", "制造")
    # Their phone, which lost, is in the history as the old value of my change.
    assert (db.user, "update", "phone", "0512-3333333", "0512-2222222") in trail(db, customer_id)


def test_choosing_theirs_keeps_what_i_typed_in_the_history(db):
    customer_id = new_customer(db, phone="0512-1111111")
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    save_customer(db, customer_id, theirs, {"phone": "0512-3333333"})
    with pytest.raises(ConflictError) as caught:
        save_customer(db, customer_id, mine, {"phone": "0512-2222222", "notes": "周三拜访"})
    with db.write() as session:
        archive.save_resolution(session, resolve(caught.value, {"phone": KEEP_THEIRS}))
    values = stored(db, customer_id)
    assert (values["phone"], values["notes"]) == ("0512-3333333", "周三拜访")
    assert trail(db, customer_id, "discarded") == [(db.user, "discarded", "phone", "0512-3333333", "0512-2222222")]


def test_the_same_change_on_both_sides_is_no_conflict(db):
    customer_id = new_customer(db, phone="0512-1111111")
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    save_customer(db, customer_id, theirs, {"phone": "0512-2222222"})
    save_customer(db, customer_id, mine, {"phone": "0512-2222222"})
    assert stored(db, customer_id)["phone"] == "0512-2222222"


def test_owner_and_tags_merge_three_ways_too(db):
    customer_id = new_customer(db, owner="zhangsan")
    with db.write() as session:
        archive.set_customer_tags(session, customer_id, ["VIP"])
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    save_customer(db, customer_id, theirs, {"tags": "VIP, 华东"})
    save_customer(db, customer_id, mine, {"owner": "lisi", "tags": "VIP"})  # tags untouched by me
    values = stored(db, customer_id)
    assert values["tags"] == "VIP, 华东"
    with db.session() as session:
        assert archive.get_customer(session, customer_id).owner.name == "lisi"
    # Both changed the owner: the conflict names people, not row ids.
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    save_customer(db, customer_id, theirs, {"owner": "wangwu"})
    with pytest.raises(ConflictError) as caught:
        save_customer(db, customer_id, mine, {"owner": "zhaoliu"})
    [item] = caught.value.contested
    assert (item.field, item.mine_text, item.theirs_text) == ("owner_id", "zhaoliu", "wangwu")


def test_a_deleted_customer_is_a_conflict_that_cannot_be_merged(db):
    customer_id = new_customer(db)
    mine = customer_form(db, customer_id)
    with db.write() as session:
        archive.delete_customer(session, customer_id)
    with pytest.raises(ConflictError) as caught:
        save_customer(db, customer_id, mine, {"phone": "0512-2222222"})
    assert caught.value.deleted


# --- the records filed under a customer ------------------------------------------------------


def test_contacts_merge_three_ways(db):
    customer_id = new_customer(db)
    with db.write() as session:
        contact_id = archive.add_contact(session, customer_id, {"name": "王经理", "phone": "13800000000"}).id
    mine = form_of(db, lambda s: s.get(Contact, contact_id))
    theirs = form_of(db, lambda s: s.get(Contact, contact_id))
    with db.write() as session:
        archive.update_contact(session, contact_id, {"wechat": "wang_jl"}, expected_version=theirs[0], base=theirs[1])
    # A record dialog sends every field it shows, changed or not.
    everything = {"name": "王经理", "phone": "13911112222", "wechat": "", "email": "", "position": "",
                  "is_primary": False, "birth_calendar": "solar", "birth_month": None, "birth_day": None,
                  "birth_leap_month": False, "birth_year": None, "notes": ""}
    with db.write() as session:
        archive.update_contact(session, contact_id, everything, expected_version=mine[0], base=mine[1])
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        assert (contact.phone, contact.wechat) == ("13911112222", "wang_jl")
    mine = form_of(db, lambda s: s.get(Contact, contact_id))
    with db.write() as session:
        archive.update_contact(session, contact_id, {"phone": "13700000000"}, expected_version=mine[0], base=mine[1])
    with pytest.raises(ConflictError) as caught, db.write() as session:
        archive.update_contact(session, contact_id, {**everything, "phone": "13600000000"},
                               expected_version=mine[0], base=mine[1])
    assert [c.field for c in caught.value.contested] == ["phone"] and caught.value.entity == "contacts"


def test_interactions_feedback_and_transactions_merge_three_ways(db):
    customer_id = new_customer(db)
    when = datetime(2026, 11, 18, 2, 30, tzinfo=timezone.utc)
    with db.write() as session:
        interaction_id = archive.log_interaction(session, customer_id, {"kind": "phone", "occurred_at": when,
                                                                        "summary": "报价"}).id
        feedback_id = archive.add_feedback(session, customer_id, {"kind": "complaint", "content": "到货晚",
                                                                  "received_on": date(2026, 11, 1)}).id
        transaction_id = archive.add_transaction(session, customer_id, {"occurred_on": date(2026, 10, 1),
                                                                        "amount": "1200.00"}).id
    cases = [
        (Interaction, interaction_id, archive.update_interaction, {"outcome": "同意试用"}, {"summary": "报价与交期"}),
        (Feedback, feedback_id, archive.update_feedback, {"resolution": "已补发"}, {"content": "到货晚两天"}),
        (Transaction, transaction_id, archive.update_transaction, {"notes": "年框"}, {"amount": "1250.00"}),
    ]
    for model, row_id, update, theirs_change, my_change in cases:
        mine = form_of(db, lambda s, model=model, row_id=row_id: s.get(model, row_id))
        theirs = form_of(db, lambda s, model=model, row_id=row_id: s.get(model, row_id))
        with db.write() as session:
            update(session, row_id, theirs_change, expected_version=theirs[0], base=theirs[1])
        with db.write() as session:
            update(session, row_id, my_change, expected_version=mine[0], base=mine[1])
        with db.session() as session:
            row = archive.loaded_values(session.get(model, row_id))
        for key, value in theirs_change.items():
            assert row[key] == value, (model, key)
    with db.session() as session:
        assert session.get(Transaction, transaction_id).amount_cents == 125000
        assert session.get(Interaction, interaction_id).summary == "报价与交期"
        assert session.get(Feedback, feedback_id).content == "到货晚两天"


# --- the race: another commit between my check and my write ----------------------------------


def test_a_save_landing_during_mine_waits_and_then_merges(db):
    """My save holds the customer's row from its check to its commit; a colleague's save that
    arrives meanwhile waits, then merges with mine instead of overwriting or failing."""
    from accountdesk.core.storage.database import open_database

    customer_id = new_customer(db, phone="0512-1111111", email="old@hengtong.cn")
    mine, theirs = customer_form(db, customer_id), customer_form(db, customer_id)
    colleague = open_database(db.url if db.path is None else db.path, user="lisi")
    checked, finished = threading.Event(), {}

    def colleague_saves() -> None:
        checked.wait(10)
        with colleague.write() as session:
            archive.update_customer(session, customer_id, {"email": "sales@hengtong.cn"},
                                    expected_version=theirs[0], base=theirs[1])
        finished["colleague"] = time.monotonic()

    thread = threading.Thread(target=colleague_saves)
    thread.start()
    try:
        with db.write() as session:
            archive.update_customer(session, customer_id, {"phone": "0512-2222222"},
                                    expected_version=mine[0], base=mine[1])
            checked.set()
            time.sleep(0.5)  # the colleague's save arrives now, between my check and my commit
            finished["mine"] = time.monotonic()
        thread.join(20)
    finally:
        colleague.dispose()
    assert finished["colleague"] > finished["mine"]
    values = stored(db, customer_id)
    assert (values["phone"], values["email"]) == ("0512-2222222", "sales@hengtong.cn")


def test_a_revisit_moved_by_two_people_asks_and_their_other_change_stays(db, today):
    from datetime import timedelta

    from accountdesk.core.revisits.plans import reschedule_revisit, schedule_revisit, update_revisit_plan
    from accountdesk.core.storage.models import RevisitPlan

    customer_id = new_customer(db)
    day = today + timedelta(days=7)
    with db.write() as session:
        plan_id = schedule_revisit(session, customer_id, day, purpose="年度回访").id
    with db.write() as session:  # a colleague changes the purpose, then another moves it
        update_revisit_plan(session, plan_id, {"purpose": "年度回访，带样品"}, base={"purpose": "年度回访"})
    with db.write() as session:
        reschedule_revisit(session, plan_id, day + timedelta(days=1), shown_due=day)
    with pytest.raises(ConflictError) as caught, db.write() as session:
        reschedule_revisit(session, plan_id, day + timedelta(days=2), shown_due=day)
    assert [(c.field, c.mine, c.theirs) for c in caught.value.contested] == [
        ("due_on", day + timedelta(days=2), day + timedelta(days=1))]
    with db.write() as session:
        archive.save_resolution(session, resolve(caught.value))
    with db.session() as session:
        plan = session.get(RevisitPlan, plan_id)
        assert (plan.due_on, plan.purpose) == (day + timedelta(days=2), "年度回访，带样品")
