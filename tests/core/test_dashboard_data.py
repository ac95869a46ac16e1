"""The statistics screen's headless figures and export, and the settings screen's band text and database facts."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from accountdesk.core.archive import records as archive
from accountdesk.core.i18n import ValidationError, set_language
from accountdesk.core.kpi.dashboard import export_dashboard, load_dashboard, period_range
from accountdesk.core.tiering.lifecycle import STAGE_LABELS
from accountdesk.core.tiering.scoring import default_definition
from accountdesk.core.tiering.sheet_text import (
    bands_text,
    database_facts,
    parse_bands,
    parse_numbers,
    parse_tier_names,
    switch_shared_mode,
)


@pytest.mark.parametrize(("kind", "start", "end"), [
    ("this_month", date(2026, 11, 1), date(2026, 11, 20)),
    ("last_month", date(2026, 10, 1), date(2026, 10, 31)),
    ("this_quarter", date(2026, 10, 1), date(2026, 11, 20)),
    ("this_year", date(2026, 1, 1), date(2026, 11, 20)),
])
def test_periods_end_today_or_at_the_end_of_a_finished_month(kind, start, end, today):
    assert period_range(kind, today) == (start, end)


def test_last_month_in_january_is_december_of_the_year_before():
    assert period_range("last_month", date(2027, 1, 9)) == (date(2026, 12, 1), date(2026, 12, 31))


def test_a_custom_period_needs_two_dates_in_order(today):
    assert period_range("custom", today, date(2026, 3, 1), date(2026, 3, 31)) == (date(2026, 3, 1), date(2026, 3, 31))
    with pytest.raises(ValidationError):
        period_range("custom", today, date(2026, 4, 1), date(2026, 3, 1))
    with pytest.raises(ValidationError):
        period_range("custom", today)


@pytest.fixture
def book(db):
    with db.write() as session:
        ids = {}
        for name, tier, owner in [("甲公司", "A", "wang"), ("乙公司", "B", "wang"), ("丙公司", "C", "li")]:
            ids[name] = archive.create_customer(session, {"name": name, "tier": tier, "owner": owner}).id
        archive.ensure_user(session, "wang").display_name = "王经理"
        for name, day, amount in [("甲公司", date(2026, 10, 10), "3000"), ("甲公司", date(2026, 11, 10), "6000"),
                                  ("乙公司", date(2026, 10, 15), "500"), ("丙公司", date(2026, 11, 2), "1000")]:
            archive.add_transaction(session, ids[name], {"occurred_on": day, "amount": amount})
        for name, score in [("甲公司", 5), ("乙公司", 2), ("丙公司", 3)]:
            archive.log_interaction(session, ids[name], {"kind": "phone", "satisfaction": score,
                                                         "occurred_at": datetime(2026, 11, 5, 3, tzinfo=timezone.utc)})
    return ids


def test_headline_figures_of_a_period(db, book, today):
    with db.session() as session:
        figures = load_dashboard(session, date(2026, 11, 1), today, today)
    assert figures.customers == 3
    assert figures.spend_cents == 700_000
    assert figures.top_tier == "A" and figures.top_tier_share == pytest.approx(6000 / 7000)
    # Of the buyers in the 20 days before the period (only 乙 on 10-15; 甲's 10-10 is earlier),
    # none bought again in it.
    retention = figures.period_retention
    assert (retention.start, retention.end, retention.base, retention.retained) == (date(2026, 11, 1), today, 1, 0)
    assert retention.rate == 0
    assert figures.mean_satisfaction == pytest.approx(10 / 3, abs=0.01) and figures.satisfaction_scores == 3
    assert [t.tier for t in figures.dashboard.tiers] == ["A", "B", "C"]
    assert figures.owner_name("wang") == "王经理" and figures.owner_name(None) == "—"


def test_export_writes_a_sheet_per_section_and_json(db, book, today, tmp_path):
    from openpyxl import load_workbook

    with db.session() as session:
        figures = load_dashboard(session, date(2026, 10, 1), today, today)
    set_language("zh")
    try:
        export_dashboard(figures, tmp_path / "figures.xlsx")
    finally:
        set_language(None)
    workbook = load_workbook(tmp_path / "figures.xlsx")
    assert workbook.sheetnames == ["概览", "等级分布", "等级迁移", "留存率", "满意度", "回访", "流失预警", "负责人",
                                   "客户分群", "挽回", "客户回馈"]
    segments = [row for row in workbook["客户分群"].iter_rows(min_row=2, values_only=True) if row[0] == "生命周期阶段"]
    assert {row[1]: row[2] for row in segments} == {
        (STAGE_LABELS[f.segment].zh if f.segment in STAGE_LABELS else "未知"): f.customers
        for f in figures.dashboard.segments["stage"]}
    owners = workbook["负责人"]
    assert [row[0] for row in owners.iter_rows(min_row=2, values_only=True)] == ["王经理", "li"]
    assert owners.cell(row=1, column=3).value == "A 级"
    export_dashboard(figures, tmp_path / "figures.json")
    data = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert data["summary"]["customers"] == 3 and data["summary"]["spend"] == "10500.00"
    assert data["tiers"][0] == {"tier": "A", "customers": 1, "spend_cents": 900_000, "share_of_spend": 900 / 1050}
    with pytest.raises(ValidationError):
        export_dashboard(figures, tmp_path / "figures.pdf")


def test_bands_read_back_as_they_are_written():
    for criterion in default_definition()["criteria"]:
        money = criterion["metric"] in ("window_spend", "total_spend", "average_order_value")
        assert parse_bands(bands_text(criterion), money) == criterion["bands"]
    assert parse_bands(">=10 -> 50; 1-5: 20; <=0 = 0; *：5", money=False) == [
        {"min": 10, "points": 50}, {"min": 1, "max": 5, "points": 20}, {"max": 0, "points": 0}, {"points": 5}]
    assert parse_bands("≥2.5 → 100", money=True) == [{"min": "2.5", "points": 100}]


def test_a_band_that_cannot_be_read_names_its_place():
    with pytest.raises(ValidationError) as caught:
        parse_bands("≥12 → 100; many → 50", money=False)
    assert "第 2 档“many → 50”" in caught.value.message.zh
    with pytest.raises(ValidationError):
        parse_bands("", money=False)


def test_thresholds_shares_and_tier_names_from_a_line():
    from accountdesk.core.i18n import Message

    assert parse_numbers("75, 50", Message("分数线", "thresholds")) == [75, 50]
    assert parse_numbers("20%，30% 50%", Message("比例", "shares")) == [0.2, 0.3, 0.5]
    assert parse_tier_names("钻石, 金，银") == ["钻石", "金", "银"]
    with pytest.raises(ValidationError):
        parse_numbers("75, high", Message("分数线", "thresholds"))


def test_database_facts_and_the_shared_mode_switch(sqlite_db):
    from accountdesk.core.storage.database import open_database
    from accountdesk.core.team.backup import backup_database
    from accountdesk.core.team.presence import is_shared

    backup_database(sqlite_db)
    facts = database_facts(sqlite_db)
    assert facts.location == str(sqlite_db.path) and facts.mode == "local" and facts.can_switch_mode
    assert len(facts.backups) == 1 and facts.backups[0].label == "manual"
    switch_shared_mode(sqlite_db, True)
    assert is_shared(sqlite_db.path)
    reopened = open_database(sqlite_db.path, user="tester")
    try:
        assert database_facts(reopened).mode == "shared"
    finally:
        reopened.dispose()


def test_a_running_period_is_marked_and_compared_with_the_same_days_before():
    from accountdesk.core.kpi.dashboard import period_info

    month = period_info("this_month", date(2026, 12, 3))
    assert (month.start, month.end, month.partial, month.days, month.total_days) == (
        date(2026, 12, 1), date(2026, 12, 3), True, 3, 31)
    assert (month.compare_start, month.compare_end) == (date(2026, 11, 1), date(2026, 11, 3))
    short = period_info("this_month", date(2026, 3, 31))  # 31 days against February's 28
    assert (short.compare_start, short.compare_end) == (date(2026, 2, 1), date(2026, 2, 28))
    quarter = period_info("this_quarter", date(2026, 11, 15))
    assert (quarter.natural_end, quarter.compare_start, quarter.compare_end) == (
        date(2026, 12, 31), date(2026, 7, 1), date(2026, 8, 15))
    year = period_info("this_year", date(2026, 12, 3))
    assert (year.compare_start, year.compare_end) == (date(2025, 1, 1), date(2025, 12, 3))
    ended = period_info("last_month", date(2026, 12, 3))
    assert not ended.partial and (ended.compare_start, ended.compare_end) == (date(2026, 10, 1), date(2026, 10, 31))


def test_the_running_month_is_compared_with_the_same_days_of_the_last(db, today):
    from accountdesk.core.kpi.dashboard import load_period, period_info

    with db.session() as session:
        figures = load_period(session, period_info("this_month", today), today)
    assert figures.period.partial and figures.comparison is not None
    assert (figures.comparison.start, figures.comparison.end) == (date(2026, 10, 1), date(2026, 10, 20))
    assert figures.as_dict()["period"] == {"kind": "this_month", "partial": True, "days": 20, "total_days": 30}
