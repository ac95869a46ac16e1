"""The 统计 page, used like a manager would: pick a period, read the tiles and charts, open a
customer at risk, export the figures, switch the language."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from accountdesk.core.kpi import figures as kpi
from accountdesk.core.kpi.dashboard import period_info


@pytest.fixture
def sqlite_db(demo_db):
    """These pages are judged on a book with history: the shared demo copy (tests/conftest.py)."""
    return demo_db


@pytest.fixture
def demo_window(make_window, sqlite_db):
    return make_window(sqlite_db)


def dashboard(window):
    return window.show_page("dashboard")


def choose_period(qtbot, page, key: str) -> None:
    """Open the period selector and pick an entry, as with the mouse."""
    index = page.period_combo.findData(key)
    page.period_combo.setCurrentIndex(index)
    assert page.period_combo.currentData() == key


def expected(db, start: date, end: date, today: date):
    with db.session() as session:
        return (kpi.dashboard(session, start, end, today), kpi.retention(session, [(start, end)])[0])


def test_period_selector_changes_the_figures_shown(demo_window, sqlite_db, qtbot, today):
    page = dashboard(demo_window)
    assert page.period == "this_month"
    # The 20th: the month has not ended, and is compared with the same days of October.
    assert page.range_label.text() == (
        "2026-11-01 – 2026-11-20  ·  not ended: day 20 of 30  ·  compared with 2026-10-01 – 2026-10-20")
    assert page.tiles["retention"].title.text() == "Retention rate (so far)"

    for key in ("last_month", "this_year"):
        choose_period(qtbot, page, key)
        period = period_info(key, today)
        start, end = period.start, period.end
        board, retained = expected(sqlite_db, start, end, today)
        _then_board, then_retained = expected(sqlite_db, period.compare_start, period.compare_end, today)
        assert (page.figures.start, page.figures.end) == (start, end)
        assert page.range_label.text().startswith(f"{start.isoformat()} – {end.isoformat()}")
        assert ("not ended" in page.range_label.text()) == (key == "this_year")
        # The bars are the period's spend per tier, in yuan, tier by tier.
        spend = {t.tier: t.spend_cents / 100 for t in board.tiers}
        assert {bar.label: bar.value for bar in page.value_chart.bars()} == {
            f"Tier {tier}": value for tier, value in spend.items()}
        assert page.tiles["retention"].value.text() == f"{retained.rate * 100:.1f}%"
        assert page.tiles["retention"].caption.text() == (
            f"{retained.retained:,} of {retained.base:,} earlier buyers bought again\n"
            f"same days before: {then_retained.rate * 100:.1f}%")
        revisits = board.revisits
        assert page.tiles["revisits"].caption.text().startswith(
            f"{revisits.done_on_time:,} of {revisits.decided:,} on time, {revisits.open_overdue:,} overdue")
        scores = sum(n for _m, n in board.satisfaction.values())
        assert page.tiles["satisfaction"].caption.text().startswith(f"out of 5, from {scores:,} ratings")
    year_spend = page.figures.spend_cents
    choose_period(qtbot, page, "last_month")
    assert page.figures.spend_cents < year_spend  # a month is less than the whole year so far


def test_custom_range_uses_the_two_dates(demo_window, sqlite_db, qtbot, today):
    page = dashboard(demo_window)
    choose_period(qtbot, page, "custom")
    assert page.start_edit.isVisible() and page.end_edit.isVisible()
    page.start_edit.setDate(QDate(2026, 3, 1))
    page.end_edit.setDate(QDate(2026, 5, 31))
    assert (page.figures.start, page.figures.end) == (date(2026, 3, 1), date(2026, 5, 31))
    board, _ = expected(sqlite_db, date(2026, 3, 1), date(2026, 5, 31), today)
    assert [o.owner for o in board.owners] == [o.owner for o in page.figures.dashboard.owners]
    assert page.owner_table.rowCount() == len(board.owners)


def test_charts_show_customers_per_tier_and_satisfaction(demo_window, sqlite_db, today):
    page = dashboard(demo_window)
    board, _ = expected(sqlite_db, date(2026, 11, 1), today, today)
    assert [(b.label, b.value) for b in page.tier_chart.bars()] == [
        (f"Tier {t.tier}", t.customers) for t in board.tiers]
    assert page.tier_chart.value_labels() == [f"{t.customers:,}" for t in board.tiers]
    assert [p.value for p in page.retention_chart.points()] == [r.rate for r in board.retention]
    assert [b.value for b in page.satisfaction_chart.bars()] == [m for m, _n in board.satisfaction.values()]
    assert page.tiles["customers"].value.text() == "120"


def test_double_click_on_a_customer_at_risk_opens_it(demo_window, qtbot):
    page = dashboard(demo_window)
    table = page.churn_table
    assert table.rowCount() > 0
    customer_id = table.customer_id(0)
    page.scroll.ensureWidgetVisible(table)
    rect = table.visualItemRect(table.item(0, 1))
    with qtbot.waitSignal(demo_window.context.hub.customer_open_requested) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [customer_id]
    assert demo_window.current_page_key() == "customers"
    customers = demo_window.page("customers")
    assert customers.detail.customer_id == customer_id


def test_export_writes_a_workbook_with_a_sheet_per_section(demo_window, dialogs, qtbot, tmp_path):
    from openpyxl import load_workbook

    page = dashboard(demo_window)
    target = tmp_path / "figures.xlsx"
    dialogs.files.append(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Summary", "Tiers", "Tier migration", "Retention", "Satisfaction", "Revisits",
                                   "Churn risk", "Owners", "Segments", "Win-back", "Care"]
    tiers = workbook["Tiers"]
    assert [c.value for c in tiers[1]] == ["Tier", "Customers", "Spend", "Share of spend"]
    assert [(row[0], row[1]) for row in tiers.iter_rows(min_row=2, values_only=True)] == [
        (t.tier, t.customers) for t in page.figures.dashboard.tiers]
    assert workbook["Churn risk"].max_row == len(page.figures.dashboard.churn_risk) + 1


def test_export_to_json_writes_the_dashboard_figures(demo_window, dialogs, qtbot, tmp_path):
    page = dashboard(demo_window)
    target = tmp_path / "figures.json"
    dialogs.files.append(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["start"] == "2026-11-01" and data["end"] == "2026-11-20"
    assert data["tiers"] == page.figures.dashboard.as_dict()["tiers"]
    assert data["summary"]["customers"] == 120


def test_new_purchases_refresh_the_figures(demo_window, sqlite_db, today):
    from accountdesk.core.archive import records as archive

    page = dashboard(demo_window)
    before = page.figures.spend_cents
    customer_id = page.churn_table.customer_id(0)
    demo_window.context.operations.mutate(lambda session: archive.add_transaction(
        session, customer_id, {"occurred_on": today, "product": "阀门", "amount": "1000.00"}))
    assert page.figures.spend_cents == before + 100_000


def test_switching_the_language_relabels_the_page(demo_window):
    page = dashboard(demo_window)
    assert page.title.text() == "Statistics"
    assert page.period_combo.itemText(0) == "This month"
    demo_window.actions_["language_zh"].trigger()
    assert page.title.text() == "统计"
    assert page.period_combo.itemText(0) == "本月"
    assert page.tiles["retention"].title.text() == "留存率（至今）"  # the month has not ended
    assert page.tier_chart.bars()[0].label.endswith("级")
    demo_window.actions_["language_en"].trigger()
    assert page.title.text() == "Statistics"
    assert page.tier_chart.bars()[0].label.startswith("Tier")


def test_retention_per_lifecycle_stage_and_other_classes(demo_window, sqlite_db, today):
    page = dashboard(demo_window)
    period = period_info("this_month", today)
    with sqlite_db.session() as session:
        stages = kpi.segment_breakdown(session, period.start, period.end)["stage"]
    rows = page.segment_table.rows()
    assert page.segment_table.dimension.currentData() == "stage"
    assert [row[0] for row in rows] == [{"potential": "Potential", "new": "New", "active": "Active", "loyal": "Loyal",
                                         "at_risk": "At risk", "churned": "Churned"}.get(f.segment, "Not known")
                                        for f in stages]
    loyal = next(f for f in stages if f.segment == "loyal")
    assert rows[[row[0] for row in rows].index("Loyal")][4:] == [
        f"{loyal.retention_rate * 100:.1f}%", f"{loyal.retention_base:,} / {loyal.retained:,}"]
    page.segment_table.set_dimension("need_type")
    assert {row[0] for row in page.segment_table.rows()} <= {"Price-sensitive", "Quality-sensitive",
                                                               "Service-sensitive", "Not known"}
    assert sum(int(row[1].replace(",", "")) for row in page.segment_table.rows()) == 120
