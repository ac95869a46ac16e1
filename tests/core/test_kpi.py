"""Assessment figures on a small, hand-made book of customers."""

from datetime import date, datetime, timezone

import pytest

from accountdesk.core.archive import records as archive
from accountdesk.core.kpi import figures as kpi
from accountdesk.core.storage.models import RevisitPlan, TierChange


def _customer(session, name, tier, owner, stage="active"):
    customer = archive.create_customer(session, {"name": name, "tier": tier, "owner": owner, "stage": stage})
    return customer.id


@pytest.fixture
def book(db):
    with db.write() as session:
        a = _customer(session, "甲公司", "A", "王经理")
        b = _customer(session, "乙公司", "B", "王经理", stage="at_risk")
        c = _customer(session, "丙公司", "C", "李经理", stage="churned")
        for cid, day, amount in [
            (a, date(2026, 9, 10), "1000"), (a, date(2026, 10, 10), "3000"), (a, date(2026, 11, 10), "6000"),
            (b, date(2026, 9, 15), "500"), (b, date(2026, 10, 15), "500"),
            (c, date(2026, 9, 1), "200"),
        ]:
            archive.add_transaction(session, cid, {"occurred_on": day, "amount": amount})
        for cid, score in [(a, 5), (a, 4), (b, 2), (c, 3)]:
            archive.log_interaction(session, cid, {"kind": "phone", "satisfaction": score,
                                                   "occurred_at": datetime(2026, 11, 5, 3, tzinfo=timezone.utc)})
        for cid, old, new, when in [(a, None, "B", date(2026, 1, 5)), (a, "B", "A", date(2026, 10, 1)),
                                    (b, None, "B", date(2026, 1, 5)), (c, None, "B", date(2026, 1, 5)),
                                    (c, "B", "C", date(2026, 10, 2))]:
            session.add(TierChange(customer_id=cid, old_tier=old, new_tier=new,
                                   changed_at=datetime.combine(when, datetime.min.time(), tzinfo=timezone.utc)))
        session.add_all([
            RevisitPlan(customer_id=a, due_on=date(2026, 11, 1), state="done", done_on=date(2026, 11, 2)),
            RevisitPlan(customer_id=b, due_on=date(2026, 11, 3), state="done", done_on=date(2026, 11, 12)),
            RevisitPlan(customer_id=c, due_on=date(2026, 11, 5), state="planned"),
            RevisitPlan(customer_id=a, due_on=date(2026, 11, 25), state="planned"),
        ])
    return {"a": a, "b": b, "c": c}


def test_tier_distribution_counts_and_spend(db, book):
    with db.session() as session:
        figures = {f.tier: f for f in kpi.tier_distribution(session, date(2026, 10, 1), date(2026, 11, 30))}
    assert figures["A"].customers == 1 and figures["A"].spend_cents == 900_000
    assert figures["B"].spend_cents == 50_000 and figures["C"].spend_cents == 0
    assert figures["A"].share_of_spend == pytest.approx(900 / 950)


def test_tier_migration_from_history(db, book):
    with db.session() as session:
        matrix = kpi.tier_migration(session, date(2026, 6, 30), date(2026, 11, 20))
    assert matrix.counts == {"B": {"A": 1, "B": 1, "C": 1}}
    assert matrix.moved() == 2


def test_retention_per_month(db, book):
    with db.session() as session:
        periods = kpi.month_periods(date(2026, 11, 20), 2)
        assert periods == [(date(2026, 10, 1), date(2026, 10, 31)), (date(2026, 11, 1), date(2026, 11, 30))]
        october, november = kpi.retention(session, periods)
    # October: a, b, c bought in September (30 days before 1 Oct); a and b bought again.
    assert (october.base, october.retained) == (3, 2)
    assert (november.base, november.retained) == (2, 1)
    assert november.rate == 0.5


def test_satisfaction_revisits_churn_and_owners(db, book, today):
    start, end = date(2026, 11, 1), date(2026, 11, 30)
    with db.session() as session:
        satisfaction = kpi.satisfaction_by_tier(session, start, end)
        revisits = kpi.revisits_on_time(session, start, end, today)
        risk = kpi.churn_risk_list(session)
        owners = {o.owner: o for o in kpi.per_owner(session, start, end)}
        board = kpi.dashboard(session, start, end, today)
    assert satisfaction == {"A": (4.5, 2), "B": (2.0, 1), "C": (3.0, 1)}
    assert (revisits.due, revisits.done_on_time, revisits.done_late, revisits.open_overdue) == (4, 1, 1, 1)
    assert revisits.pending == 1  # due 25 Nov, today the 20th: neither on time nor late yet
    assert [r.name for r in risk] == ["乙公司", "丙公司"]  # the bigger spender first
    assert owners["王经理"].customers == 2 and owners["王经理"].spend_cents == 600_000
    assert owners["王经理"].tier_counts == {"A": 1, "B": 1} and owners["王经理"].at_risk == 1
    assert owners["王经理"].revisits_due == 3 and owners["王经理"].revisits_on_time == 1
    assert owners["李经理"].mean_satisfaction == 3.0
    document = board.as_dict()
    # On time among the three decided; the one still ahead does not count against the period.
    assert document["revisits"]["on_time_rate"] == pytest.approx(1 / 3)
    # Twelve months that have ended: November is still running on the 20th.
    assert len(document["retention"]) == 12 and document["retention"][-1]["end"] == "2026-10-31"


def test_deleted_customers_do_not_count(db, book):
    with db.write() as session:
        archive.delete_customer(session, book["a"])
    with db.session() as session:
        figures = {f.tier: f for f in kpi.tier_distribution(session, date(2026, 1, 1), date(2026, 12, 31))}
    assert "A" not in figures
