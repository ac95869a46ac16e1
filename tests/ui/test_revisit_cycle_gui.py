"""The revisit cycle on screen, clicked and typed as a manager would, in English and in Chinese:
a lifecycle stage set by hand and unlocked, a saved scoring sheet offering its re-grade, the tier
board naming the sheet its tiers came from."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, text

from accountdesk.core.storage.models import Customer
from accountdesk.core.tiering.regrade import regrade_all, score_breakdown

LANGUAGES = ["en", "zh"]

TEXT = {
    "en": {"stage_locked": "set by hand", "stage_free": "Set by the lifecycle rules", "at_risk": "At risk",
           "regrade_intro": "The active scoring sheet has changed", "stale": "has changed since these tiers",
           "tiers_from": "tiers from scoring sheet"},
    "zh": {"stage_locked": "手动设置", "stage_free": "由生命周期规则", "at_risk": "流失风险",
           "regrade_intro": "当前使用的评分表已修改", "stale": "已修改", "tiers_from": "等级来自评分表"},
}


def speak(window, language: str) -> None:
    if language == "zh":
        window.actions_["language_zh"].trigger()


@pytest.fixture
def graded_window(make_window, demo_db):
    return make_window(demo_db)


def open_tier_tab(window, customer_id: int):
    page = window.show_page("customers")
    page.open_customer(customer_id, tab="tiering")
    return page.detail.tab("tiering")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_stage_set_by_hand_is_kept_by_a_regrade_and_unlocked_the_same_way(graded_window, demo_db, dialogs,
                                                                             qtbot, type_text, today, language):
    window = graded_window
    speak(window, language)
    with demo_db.session() as session:
        customer_id = session.scalar(
            select(Customer.id).where(Customer.stage == "loyal").order_by(Customer.code))
    tab = open_tier_tab(window, customer_id)
    words = TEXT[language]
    assert words["stage_free"] in tab.stage_state.text() and not tab.unlock_stage_button.isEnabled()
    tab.manual_stage.setCurrentIndex(tab.manual_stage.findData("at_risk"))
    qtbot.mouseClick(tab.set_stage_button, Qt.MouseButton.LeftButton)
    assert [m.kind for m in dialogs.shown] == ["warn"]  # a reason is required: nothing written
    type_text(tab.stage_reason, "大客户采购冻结" if language == "zh" else "purchasing frozen")
    qtbot.mouseClick(tab.set_stage_button, Qt.MouseButton.LeftButton)
    assert words["stage_locked"] in tab.stage_state.text() and words["at_risk"] in tab.stage_badge.text()
    assert tab.unlock_stage_button.isEnabled() and tab.stage_reason.text() == ""
    with demo_db.write() as session:  # the nightly re-grade
        regrade_all(session, today)
    tab.refresh()
    assert words["at_risk"] in tab.stage_badge.text()
    qtbot.mouseClick(tab.unlock_stage_button, Qt.MouseButton.LeftButton)
    assert words["stage_free"] in tab.stage_state.text()
    with demo_db.write() as session:
        regrade_all(session, today)
        assert session.get(Customer, customer_id).stage == "loyal"
        assert score_breakdown(session, customer_id, today).stage_locked is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_the_active_sheet_offers_its_regrade_and_the_board_names_the_sheet_of_its_tiers(
        graded_window, demo_db, qtbot, type_text, language):
    window = graded_window
    speak(window, language)
    words = TEXT[language]
    board = window.show_page("tier_board")
    assert not board.stale_label.isVisible() and words["tiers_from"] in board.count_label.text()
    graded_label = board.count_label.text()
    editor = window.show_page("settings").show_section("scoring")
    editor.thresholds_edit.selectAll()
    type_text(editor.thresholds_edit, "60, 30")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    dialog = editor.regrade_dialog
    assert dialog is not None and dialog.isVisible()
    assert words["regrade_intro"] in dialog.intro.text()
    moves = dialog.report.changes
    assert moves and dialog.moves.rowCount() == min(len(moves), 1000)
    assert dialog.moves.item(0, 0).text() == moves[0].code
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # not now
    board = window.show_page("tier_board")
    assert board.stale_label.isVisible() and words["stale"] in board.stale_label.text()
    assert board.count_label.text() == graded_label  # still the sheet (and version) the tiers came from
    editor = window.show_page("settings").show_section("scoring")
    editor.thresholds_edit.selectAll()
    type_text(editor.thresholds_edit, "55, 30")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.regrade_dialog.apply_button, Qt.MouseButton.LeftButton)
    board = window.show_page("tier_board")
    assert not board.stale_label.isVisible() and board.count_label.text() != graded_label
    with demo_db.session() as session:
        counts = dict(session.execute(text(
            "SELECT tier, count(*) FROM customers WHERE deleted_at IS NULL GROUP BY tier")).all())
    assert board.column("A").count == counts["A"]


# --- statistics: a month that has not ended --------------------------------------------------------

PARTIAL = {
    "en": {"range": "not ended: day 20 of 30", "compared": "compared with 2026-10-01 – 2026-10-20",
           "so_far": "Retention rate (so far)", "then": "same days before: ", "not_ended": "November has not ended",
           "last_month_label": "Oct"},
    "zh": {"range": "尚未结束：第 20 天，共 30 天", "compared": "对比 2026-10-01 – 2026-10-20（同期）",
           "so_far": "留存率（至今）", "then": "同期对比：", "not_ended": "11月尚未结束，未计入",
           "last_month_label": "10月"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_month_not_ended_is_labelled_compared_like_for_like_and_not_charted_as_a_fall(graded_window, qtbot,
                                                                                        language):
    window = graded_window
    speak(window, language)
    words = PARTIAL[language]
    page = window.show_page("dashboard")
    page.period_combo.setCurrentIndex(page.period_combo.findData("last_month"))
    page.period_combo.setCurrentIndex(page.period_combo.findData("this_month"))  # chosen like a person does
    assert words["range"] in page.range_label.text() and words["compared"] in page.range_label.text()
    assert page.tiles["retention"].title.text() == words["so_far"]
    then = page.figures.comparison
    assert (then.start.isoformat(), then.end.isoformat()) == ("2026-10-01", "2026-10-20")
    assert words["then"] in page.tiles["retention"].caption.text()
    # The line ends with October: November's twenty days are not drawn as a fall.
    assert page.retention_chart.points()[-1].label == words["last_month_label"]
    assert page.figures.dashboard.retention[-1].end.isoformat() == "2026-10-31"
    assert words["not_ended"] in page.retention_chart.caption.text()
    page.period_combo.setCurrentIndex(page.period_combo.findData("last_month"))
    assert words["range"] not in page.range_label.text()
    assert page.tiles["retention"].title.text() == words["so_far"].split("（")[0].split(" (")[0]
