"""Statistics per segment: count, spend, satisfaction and retention by lifecycle stage and the other classes."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from accountdesk.core.archive import records as archive
from accountdesk.core.demo.book import generate_demo
from accountdesk.core.kpi import figures as kpi
from accountdesk.core.kpi.dashboard import export_dashboard, load_dashboard
from accountdesk.core.storage.models import Customer, Transaction

TODAY = date(2026, 11, 20)
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


def by_segment(rows: list[kpi.SegmentFigures]) -> dict[str, kpi.SegmentFigures]:
    return {row.segment: row for row in rows}


def test_retention_spend_and_satisfaction_by_lifecycle_stage(db):
    with db.write() as session:
        def customer(name: str, stage: str, need: str | None = None) -> int:
            return archive.create_customer(session, {"name": name, "stage": stage, "need_type": need}).id

        kept, lapsed, fresh, fading = (customer("留下的忠诚客户", "loyal", "price"), customer("没再买的忠诚客户", "loyal"),
                                       customer("新买的活跃客户", "active", "price"), customer("流失中的客户", "at_risk"))
        for cid, day, amount in [(kept, date(2026, 9, 10), "100"), (kept, date(2026, 10, 10), "300"),
                                 (lapsed, date(2026, 9, 12), "50"), (fresh, date(2026, 10, 3), "700"),
                                 (fading, date(2026, 9, 20), "80"), (fading, date(2026, 8, 1), "999")]:
            archive.add_transaction(session, cid, {"occurred_on": day, "amount": amount})
        for cid, score in [(fresh, 4), (fresh, 2), (kept, 5)]:
            archive.log_interaction(session, cid, {"kind": "visit", "satisfaction": score,
                                                   "occurred_at": datetime(2026, 10, 8, 3, tzinfo=timezone.utc)})
    with db.session() as session:
        breakdown = kpi.segment_breakdown(session, *OCTOBER)
    stages = by_segment(breakdown["stage"])
    assert list(stages) == ["active", "loyal", "at_risk"]  # the method's order, only stages that occur
    loyal, active, at_risk = stages["loyal"], stages["active"], stages["at_risk"]
    assert (loyal.customers, loyal.spend_cents, loyal.retention_base, loyal.retained) == (2, 30_000, 2, 1)
    assert loyal.retention_rate == 0.5 and loyal.mean_satisfaction == 5.0
    assert (active.spend_cents, active.retention_base, active.retention_rate, active.mean_satisfaction) == (70_000, 0, None, 3.0)
    assert (at_risk.retention_base, at_risk.retained, at_risk.retention_rate) == (1, 0, 0.0)
    needs = by_segment(breakdown["need_type"])
    assert (needs["price"].customers, needs["price"].spend_cents, needs["price"].retained) == (2, 100_000, 1)
    assert needs[kpi.NO_TIER].customers == 2  # no need type entered: counted, not lost


def test_the_demo_books_statistics_break_retention_down_by_stage(db, tmp_path):
    generate_demo(db, customers=300, seed=1, today=TODAY)
    start, end = date(2026, 10, 1), date(2026, 10, 31)
    with db.session() as session:
        figures = load_dashboard(session, start, end, TODAY)
        # Straight from the rows: who bought in September, who of those again in October, by stage now.
        stage_of = dict(session.execute(select(Customer.id, Customer.stage).where(Customer.deleted_at.is_(None))).all())
        bought = {(cid, day >= start) for cid, day in session.execute(
            select(Transaction.customer_id, Transaction.occurred_on).where(
                Transaction.deleted_at.is_(None), Transaction.occurred_on.between(start - timedelta(days=31), end)))}
    before = {cid for cid, in_period in bought if not in_period and cid in stage_of}
    again = {cid for cid in before if (cid, True) in bought}
    stages = by_segment(figures.dashboard.segments["stage"])
    assert {s: row.retention_base for s, row in stages.items() if row.retention_base} == dict(
        Counter(stage_of[cid] or kpi.NO_TIER for cid in before))
    assert {s: row.retained for s, row in stages.items() if row.retained} == dict(
        Counter(stage_of[cid] or kpi.NO_TIER for cid in again))
    assert sum(row.customers for row in stages.values()) == figures.customers == 300
    assert sum(row.retained for row in stages.values()) == figures.period_retention.retained
    assert stages["loyal"].retention_rate > stages["at_risk"].retention_rate  # what the stages mean, on this book
    assert set(figures.dashboard.segments) == {"stage", "need_type", "purchasing_power", "frequency_level",
                                               "rfm_segment"}
    out = export_dashboard(figures, tmp_path / "statistics.json")
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert {row["segment"]: row["retention_rate"] for row in exported["segments"]["stage"]} == {
        s: row.retention_rate for s, row in stages.items()}
