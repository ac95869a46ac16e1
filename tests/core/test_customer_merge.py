"""Merging a customer entered twice into the one kept, and taking the merge back."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from accountdesk.core.archive import records as archive
from accountdesk.core.archive.merging import (
    MergeRefused,
    last_merge,
    merge_customers,
    preview_merge,
    undo_merge,
)
from accountdesk.core.revisits.plans import schedule_revisit
from accountdesk.core.storage.audit import customer_trail
from accountdesk.core.storage.models import Customer, CustomerFigures, Reminder

TODAY = date(2026, 11, 20)


def archive_of(session, customer_id: int) -> dict[str, list]:
    """Everything filed under a customer, each row as the values a person would compare."""
    return {
        "contacts": sorted((c.uid, c.name, c.phone) for c in archive.list_contacts(session, customer_id, include_deleted=True)),
        "transactions": sorted((t.uid, t.occurred_on, t.amount_cents, t.deleted_at is None)
                               for t in archive.list_transactions(session, customer_id, include_deleted=True)),
        "interactions": sorted((i.uid, i.summary) for i in archive.list_interactions(session, customer_id, include_deleted=True)),
        "feedback": sorted((f.uid, f.content) for f in archive.list_feedback(session, customer_id, include_deleted=True)),
        "reminders": sorted(session.scalars(select(Reminder.uid).where(Reminder.customer_id == customer_id))),
    }


@pytest.fixture
def twins(db):
    """上海明远贸易有限公司 and the same firm typed again as 上海明远贸易公司, each with its own history."""
    with db.write() as session:
        kept = archive.create_customer(session, {"name": "上海明远贸易有限公司", "code": "MY-1", "phone": "021-66668888"})
        other = archive.create_customer(session, {"name": "上海明远贸易公司", "code": "MY-2"})
        for customer, names in ((kept, ["王经理"]), (other, ["李采购", "赵财务"])):
            for name in names:
                archive.add_contact(session, customer.id, {"name": name, "phone": "13800138000"})
        for day, yuan in ((date(2026, 3, 1), "12000"), (date(2026, 6, 1), "8000")):
            archive.add_transaction(session, kept.id, {"occurred_on": day, "amount": yuan})
        for day, yuan in ((date(2026, 4, 2), "30000"), (date(2026, 9, 9), "5000.50"), (date(2026, 10, 1), "100")):
            archive.add_transaction(session, other.id, {"occurred_on": day, "amount": yuan})
        gone = next(t for t in archive.list_transactions(session, other.id) if t.amount_cents == 10_000)
        archive.delete_transaction(session, gone.id)  # a deleted purchase moves (and comes back) too
        archive.log_interaction(session, other.id, {"kind": "visit", "summary": "上门拜访",
                                                    "occurred_at": datetime(2026, 9, 10, 2, tzinfo=timezone.utc)})
        archive.add_feedback(session, other.id, {"kind": "complaint", "received_on": date(2026, 9, 11), "content": "发货慢"})
        schedule_revisit(session, other.id, date(2026, 12, 1), purpose="回访")
        session.add(Reminder(key=f"custom:{other.uid}", kind="custom", subject="寄样品", customer_id=other.id,
                             due_on=date(2026, 11, 25)))
        return kept.id, other.id


def test_merging_keeps_every_purchase_and_contact_of_both_and_undo_restores_both(db, twins):
    kept, other = twins
    with db.session() as session:
        before = {kept: archive_of(session, kept), other: archive_of(session, other)}
        preview = preview_merge(session, kept, other)
    assert preview.counts == {"contacts": 2, "transactions": 3, "interactions": 1, "feedback": 1,
                              "revisit_plans": 1, "reminders": 1}
    with db.write() as session:
        outcome = merge_customers(session, kept, other, TODAY)
    with db.session() as session:
        merged = archive_of(session, kept)
        for table, rows in merged.items():
            assert rows == sorted(before[kept][table] + before[other][table]), table
        assert archive_of(session, other) == {table: [] for table in merged}
        tombstone = archive.get_customer(session, other, include_deleted=True)
        assert tombstone.deleted_at is not None and tombstone.merged_into_id == kept
        assert other not in archive.customer_ids(session, archive.CustomerFilter())
        # The kept one's figures count the moved purchases (the live ones: 12,000 + 8,000 + 30,000 + 5,000.50; not the deleted ¥100).
        figures = session.get(CustomerFigures, kept)
        assert (figures.purchase_count, figures.spend_cents) == (4, 5_500_050)
        assert session.get(Customer, kept).search_key.count("李采购") == 1  # found by the moved contact
        trail = {(e.action, e.field, e.new_value) for e in customer_trail(session, kept)}
        assert ("merge", "merged_from", "MY-2 上海明远贸易公司") in trail
        assert ("merge", "merged_into", "MY-1 上海明远贸易有限公司") in {
            (e.action, e.field, e.new_value) for e in customer_trail(session, other)}
        assert last_merge(session, kept).id == outcome.merge_id
    with db.write() as session:
        archive.add_transaction(session, kept, {"occurred_on": date(2026, 11, 1), "amount": "1"})  # after the merge
        undo_merge(session, outcome.merge_id, TODAY)
    with db.session() as session:
        after_kept = archive_of(session, kept)
        new = [row for row in after_kept["transactions"] if row[1] == date(2026, 11, 1)]
        assert len(new) == 1
        after_kept["transactions"].remove(new[0])
        assert after_kept == before[kept]
        assert archive_of(session, other) == before[other]
        back = archive.get_customer(session, other)
        assert back.deleted_at is None and back.merged_into_id is None and back.code == "MY-2"
        assert session.get(CustomerFigures, other).purchase_count == 2
        assert ("unmerge", "merged_into", "MY-1 上海明远贸易有限公司") in {
            (e.action, e.field, e.new_value) for e in customer_trail(session, other)}
        assert last_merge(session, kept) is None
    with db.write() as session, pytest.raises(MergeRefused):
        undo_merge(session, outcome.merge_id, TODAY)


def test_a_merge_is_refused_for_one_customer_twice_or_a_merged_one(db, twins):
    kept, other = twins
    with db.write() as session, pytest.raises(MergeRefused):
        merge_customers(session, kept, kept, TODAY)
    with db.write() as session:
        merge_customers(session, kept, other, TODAY)
    with db.write() as session, pytest.raises(archive.NotFoundError):
        merge_customers(session, kept, other, TODAY)
