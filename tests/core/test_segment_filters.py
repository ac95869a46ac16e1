"""The method's classes as list filters (purchasing power, need type, frequency, stage, RFM segment) and saved views."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from accountdesk.core.archive import records as archive
from accountdesk.core.archive.saved_views import delete_view, save_view, saved_views
from accountdesk.core.demo.book import generate_demo
from accountdesk.core.excel.exports.rows import export_json
from accountdesk.core.i18n import ValidationError
from accountdesk.core.storage.models import Customer
from accountdesk.core.tiering.segments import save_frequency_bands

TODAY = date(2026, 11, 20)
VIEW = "A 级 · 价格敏感 · 有流失风险"


@pytest.fixture
def demo_book(db):
    generate_demo(db, customers=300, seed=1, today=TODAY)
    return db


def live_customers(session) -> list[Customer]:
    return list(session.scalars(select(Customer).where(Customer.deleted_at.is_(None)).order_by(Customer.code)))


def test_the_saved_view_lists_exactly_the_a_tier_price_sensitive_customers_at_risk(demo_book):
    with demo_book.write() as session:
        save_view(session, VIEW, archive.CustomerFilter(tier="A", need_type="price", churn_risk=True))
    with demo_book.session() as session:
        [view] = saved_views(session)
        listed = archive.customer_ids(session, view.customer_filter(TODAY))
        expected = [c.id for c in live_customers(session)
                    if c.tier == "A" and c.need_type == "price" and c.stage in ("at_risk", "churned")]
    assert view.name == VIEW
    assert expected  # the demo book has such customers: the comparison means something
    assert listed == expected


def test_each_class_filters_and_they_combine(demo_book, tmp_path):
    out = tmp_path / "customers.json"
    with demo_book.session() as session:
        # The export works frequency out from each customer's purchases; the filter from kept figures.
        export_json(session, "customers", out, TODAY)
        exported = {row["code"]: row for row in json.loads(out.read_text(encoding="utf-8"))}
        customers = live_customers(session)

        def ids(**criteria) -> list[int]:
            return archive.customer_ids(session, archive.CustomerFilter(**criteria))

        for level in ("high", "mid", "low"):
            expected = [c.id for c in customers if exported[c.code]["frequency_level"] == level]
            assert expected and ids(frequency_level=level) == expected, level
            assert ids(purchasing_power=level) == [c.id for c in customers if c.purchasing_power == level]
        assert ids(rfm_segment="important_develop") == [c.id for c in customers if c.rfm_segment == "important_develop"]
        assert ids(stage="loyal", need_type="quality") == [
            c.id for c in customers if c.stage == "loyal" and c.need_type == "quality"]
        combined = ids(tier="B", frequency_level="mid", purchasing_power="mid")
        assert combined == [c.id for c in customers if c.tier == "B" and c.purchasing_power == "mid"
                            and exported[c.code]["frequency_level"] == "mid"]
        rows = archive.customer_rows(session, ids(rfm_segment="important_develop")[:5])
        assert {row.rfm_segment for row in rows.values()} == {"important_develop"}
        assert all(row.frequency_level == exported[row.code]["frequency_level"] for row in rows.values())


def test_frequency_filter_follows_the_teams_bands(demo_book):
    with demo_book.session() as session:
        before = set(archive.customer_ids(session, archive.CustomerFilter(frequency_level="high")))
    with demo_book.write() as session:
        save_frequency_bands(session, 40, 20)
    with demo_book.session() as session:
        after = set(archive.customer_ids(session, archive.CustomerFilter(frequency_level="high")))
    assert after < before


def test_views_are_kept_by_name_replaced_and_deleted(db):
    with db.write() as session:
        save_view(session, "华东 · A 级", archive.CustomerFilter(tier="A", tag="华东"))
        save_view(session, "逾期", archive.CustomerFilter(overdue=True))
        save_view(session, "华东 · A 级", archive.CustomerFilter(tier="A", tag="华东", need_type="service"))
    with db.session() as session:
        views = {view.name: view for view in saved_views(session)}
    assert list(views) == ["华东 · A 级", "逾期"]
    assert (views["华东 · A 级"].tier, views["华东 · A 级"].tag, views["华东 · A 级"].need_type) == ("A", "华东", "service")
    assert views["逾期"].customer_filter(TODAY).overdue and views["逾期"].customer_filter(TODAY).today == TODAY
    with db.write() as session:
        assert delete_view(session, "逾期") and not delete_view(session, "逾期")
    with db.session() as session:
        assert [view.name for view in saved_views(session)] == ["华东 · A 级"]
    with db.write() as session, pytest.raises(ValidationError):
        save_view(session, "  ", archive.CustomerFilter(tier="A"))
