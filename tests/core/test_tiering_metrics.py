"""Metrics as of a date, on hand-made data whose every figure is known."""

from __future__ import annotations

from datetime import date

import pytest
from tiering_factory import add_customer, buy, complain, talk

from accountdesk.core.storage.models import utcnow
from accountdesk.core.tiering.metrics import (
    compute_metrics,
    floor_aggregate_query,
    median_gap,
    months_before,
)


@pytest.fixture
def shop(db):
    with db.write() as session:
        regular = add_customer(session, "C001", "华兴贸易", cooperation_since=date(2020, 11, 20),
                               referrals=3, followers=2500)
        buy(session, regular, date(2026, 11, 1), "100.00")
        buy(session, regular, date(2026, 11, 1), "50.00")
        buy(session, regular, date(2026, 8, 1), "200.00")
        buy(session, regular, date(2026, 5, 1), "300.00")
        buy(session, regular, date(2025, 10, 1), "1000.00")  # the previous window
        buy(session, regular, date(2026, 12, 1), "9999.00")  # after as_of: not yet happened
        buy(session, regular, date(2026, 10, 1), "5000.00").deleted_at = utcnow()
        talk(session, regular, date(2026, 11, 10), 4)
        talk(session, regular, date(2026, 3, 1), 5)
        talk(session, regular, date(2024, 1, 1), 1)  # too old to count as recent satisfaction
        talk(session, regular, date(2026, 11, 15), 1).deleted_at = utcnow()
        talk(session, regular, date(2026, 12, 1), 1)
        complain(session, regular, date(2026, 9, 1))
        complain(session, regular, date(2026, 6, 1), resolved_on=date(2026, 6, 5))
        complain(session, regular, date(2026, 10, 1), resolved_on=date(2026, 12, 1))  # open on as_of
        complain(session, regular, date(2026, 10, 1), kind="suggestion")
        prospect = add_customer(session, "C002", "潜在客户")
        gone = add_customer(session, "C003", "已删除")
        buy(session, gone, date(2026, 1, 1), "10.00")
        gone.deleted_at = utcnow()
        ids = regular.id, prospect.id, gone.id
    return ids


def test_metrics_of_a_regular_buyer(db, shop, today):
    regular_id, _, _ = shop
    with db.session() as session:
        m = compute_metrics(session, today)[regular_id]
    assert (m.purchase_count, m.purchase_days) == (4, 3)
    assert (m.purchase_count_all, m.purchase_days_all) == (5, 4)
    assert (m.window_spend, m.total_spend, m.previous_spend) == (65000, 165000, 100000)
    assert m.average_order_value == 33000
    assert (m.first_purchase, m.last_purchase, m.recency_days) == (date(2025, 10, 1), date(2026, 11, 1), 19)
    assert m.purchase_interval_days == 92.0  # gaps 212, 92, 92 days
    assert m.repeat_rate == pytest.approx(0.75)
    assert m.trend == pytest.approx(-0.35)
    assert m.tenure_years == pytest.approx(6.0, abs=0.01)
    assert (m.referrals, m.followers, m.influence) == (3, 2500, 5)
    assert m.satisfaction == 4.5
    assert m.open_complaints == 2
    assert (m.last_interaction, m.days_since_interaction) == (date(2026, 11, 10), 10)


def test_metrics_of_a_prospect_and_deleted_customers(db, shop, today):
    regular_id, prospect_id, gone_id = shop
    with db.session() as session:
        metrics = compute_metrics(session, today)
    assert gone_id not in metrics
    m = metrics[prospect_id]
    assert (m.purchase_count_all, m.total_spend, m.first_purchase, m.recency_days) == (0, 0, None, None)
    assert m.tenure_years is None and m.satisfaction is None and m.trend is None
    assert m.average_order_value is None


def test_metrics_for_some_customers_and_an_earlier_date(db, shop):
    regular_id, prospect_id, _ = shop
    with db.session() as session:
        metrics = compute_metrics(session, date(2026, 6, 30), customer_ids=[regular_id])
    assert list(metrics) == [regular_id]
    m = metrics[regular_id]
    assert (m.purchase_count_all, m.last_purchase, m.open_complaints) == (2, date(2026, 5, 1), 0)
    assert m.as_dict()["total_spend"] == "1300.00"


def test_a_shorter_window(db, shop, today):
    regular_id, _, _ = shop
    with db.session() as session:
        m = compute_metrics(session, today, window_months=3)[regular_id]
    assert (m.purchase_count, m.purchase_days, m.window_spend) == (2, 1, 15000)  # from 2026-08-20


def test_median_gap_and_month_arithmetic():
    assert median_gap([1]) is None
    assert median_gap([1, 11]) == 10.0
    assert median_gap([0, 1, 3, 10]) == 2.0  # gaps 1, 2, 7
    assert median_gap([0, 1, 3, 10, 30]) == 4.5  # gaps 1, 2, 7, 20
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)


def test_the_bench_floor_aggregates_every_transaction_row(db, shop):
    # The floor reads every row, deleted and future ones included: the least any re-grade reads.
    regular, _prospect, gone = shop
    with db.session() as session:
        rows = {customer: (count, total) for customer, count, total in
                session.connection().execute(floor_aggregate_query()).all()}
    assert rows == {regular: (7, 1_664_900), gone: (1, 1_000)}


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"])
def test_local_days_of_instants_match_the_exact_conversion(monkeypatch, zone):
    import time as clock
    from datetime import datetime, timedelta, timezone

    from accountdesk.core.tiering.metrics import _LocalDays

    monkeypatch.setenv("TZ", zone)
    clock.tzset()
    try:
        days = _LocalDays()
        # Every 7 minutes over a year: DST changes, half-hour offsets and midnights included.
        instant = datetime(2026, 1, 1, 0, 3, 17, 250000)
        while instant.year == 2026:
            text = instant.isoformat(sep=" ")
            exact = instant.replace(tzinfo=timezone.utc).astimezone().date()
            assert (days[text[:13]] or days.exactly(text)) == (exact, exact.toordinal()), text
            instant += timedelta(minutes=7)
    finally:
        monkeypatch.undo()
        clock.tzset()
