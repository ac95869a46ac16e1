"""The customer's tier record tab: breakdown (agreeing with the core and `retier --json`), action
plan, stage and segment, manual tier with reason and lock, unlock, and the tier history."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from tier_book import fill_book

from accountdesk.cli import main
from accountdesk.core.tiering.regrade import score_breakdown, tier_history


@pytest.fixture
def graded(db, capsys):
    """The book, graded by the command line as a manager would; returns ids and the JSON report."""
    ids = fill_book(db)
    target = str(db.path) if db.path is not None else db.url
    assert main(["retier", "--db", target, "--as-of", "2026-11-20", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    return ids, report


def open_tab(window, customer_id: int):
    page = window.show_page("customers")
    page.open_customer(customer_id, tab="tiering")
    return page.detail.tab("tiering")


def cells(table, row: int) -> list[str]:
    return [table.item(row, column).text() if table.item(row, column) else "" for column in range(table.columnCount())]


def test_breakdown_agrees_with_the_core_and_retier_json(window, db, graded, today):
    ids, report = graded
    customer = ids["C005"]
    tab = open_tab(window, customer)
    with db.session() as session:
        core = score_breakdown(session, customer, today)
    table = tab.breakdown
    assert table.rowCount() == len(core.criteria) + 1
    for row, criterion in enumerate(core.criteria):
        shown = cells(table, row)
        assert shown[0] == criterion.label.en
        assert shown[2].replace("¥", "").replace(",", "") == (criterion.band or "").replace(".00", "")
        assert float(shown[3]) == criterion.points and float(shown[4]) == criterion.weight
        assert float(shown[5]) == pytest.approx(criterion.contribution, abs=0.05)
    spend = cells(table, [c.key for c in core.criteria].index("spend"))
    assert spend[1:3] == ["¥18,000.00", "≥ ¥5,000"]  # 6 purchases of 3,000 in the window
    total = cells(table, len(core.criteria))
    assert total[0] == "Total score" and float(total[5]) == core.score
    move = next(m for m in report["changes"] if m["code"] == "C005")
    assert move["score"] == core.score and move["new_tier"] == core.tier == "A"
    assert tab.tier_badge.text() == "Tier A" and tab.score_label.text() == f"{core.score:.1f} points"
    assert "gives tier A" in tab.sheet_label.text()


def test_tab_shows_action_plan_stage_segment_and_history(window, graded):
    ids, _report = graded
    tab = open_tab(window, ids["C001"])
    assert tab.policy_box.title() == "Action plan for tier A"
    assert tab.policy_values["revisit"].text() == "every 30 days"
    assert tab.policy_values["channel"].text() == "Visit"
    assert tab.policy_values["discount"].text() == "10%"
    assert tab.stage_badge.text() == "Stage: Loyal"
    assert tab.segment_label.text().startswith("RFM: ")
    assert tab.history.rowCount() == 1
    change = cells(tab.history, 0)
    assert change[1] == "— → A" and change[4] == "Re-grade" and change[6]  # whoever ran retier
    assert not tab.unlock_button.isEnabled()


def test_set_a_tier_by_hand_then_unlock(window, db, graded, dialogs, qtbot):
    ids, _report = graded
    customer = ids["C003"]
    tab = open_tab(window, customer)
    tab.manual_tier.setCurrentIndex(tab.manual_tier.findText("B"))
    qtbot.mouseClick(tab.set_button, Qt.MouseButton.LeftButton)
    assert [m.kind for m in dialogs.shown] == ["warn"]  # no reason given: nothing written
    assert tab.history.rowCount() == 1
    qtbot.keyClicks(tab.reason, "new flagship store")
    qtbot.mouseClick(tab.set_button, Qt.MouseButton.LeftButton)
    assert tab.tier_badge.text() == "Tier B" and tab.reason.text() == ""
    assert "Locked at tier B by hand" in tab.lock_state.text() and "new flagship store" in tab.lock_state.text()
    assert cells(tab.history, 0)[1:2] + cells(tab.history, 0)[4:7] == ["C → B", "By hand", "new flagship store", "tester"]
    assert tab.unlock_button.isEnabled()
    with db.session() as session:
        assert tier_history(session, customer)[0].reason == "new flagship store"
    qtbot.mouseClick(tab.unlock_button, Qt.MouseButton.LeftButton)
    assert not tab.unlock_button.isEnabled()
    assert "Set by the scoring sheet" in tab.lock_state.text()
    with db.session() as session:
        breakdown = score_breakdown(session, customer, window.context.today())
    assert (breakdown.tier, breakdown.tier_locked) == ("B", False)


def test_board_override_shows_in_the_open_tab(window, graded, qtbot):
    ids, _report = graded
    customer = ids["C002"]
    tab = open_tab(window, customer)
    board = window.show_page("tier_board")
    window.context.dialogs.answers.append("key account")
    board.override([customer], "A")
    window.show_page("customers")
    assert tab.tier_badge.text() == "Tier A"
    assert cells(tab.history, 0)[4:6] == ["By hand", "key account"]


def test_tab_says_when_todays_score_differs_from_the_last_regrade(window, db, graded, today):
    from accountdesk.core.storage.models import Transaction

    ids, _report = graded
    with db.write() as session:  # a big order after the re-grade
        session.add(Transaction(customer_id=ids["C003"], occurred_on=today, amount_cents=6_000_000))
    tab = open_tab(window, ids["C003"])
    assert "The last re-grade gave 25.5" in tab.sheet_label.text()
    assert float(cells(tab.breakdown, tab.breakdown.rowCount() - 1)[5]) > 25.5
