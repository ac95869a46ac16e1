"""The revisit cycle on screen, clicked and typed as a manager would, in English and in Chinese:
a lifecycle stage set by hand and unlocked, a saved scoring sheet offering its re-grade, the tier
board naming the sheet its tiers came from."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QProgressDialog, QPushButton
from sqlalchemy import select, text

from accountdesk.core.kpi.figures import revisits_on_time
from accountdesk.core.revisits.followups import open_followups
from accountdesk.core.revisits.plans import CADENCE_PURPOSE, revisits_between, schedule_revisit
from accountdesk.core.revisits.sheets import revisit_sheet_data
from accountdesk.core.storage.models import Customer, RevisitPlan
from accountdesk.core.tiering.regrade import regrade_all, score_breakdown
from accountdesk.ui.calendar.exports import SHEETS_ON_A_SCREEN
from accountdesk.ui.calendar.items import revisit_detail

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


# --- a logged contact completes its revisit; a tier change re-plans ----------------------------------


def due_revisit(db, today):
    """A demo customer whose cadence revisit is due in the coming days (its window is open)."""
    with db.session() as session:
        rows = revisits_between(session, today - timedelta(days=1), today + timedelta(days=3), states=("planned",))
        return next(row for row in rows if row.purpose == CADENCE_PURPOSE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visit_logged_with_ctrl_l_completes_the_revisit_due_and_the_rate_counts_it(graded_window, demo_db,
                                                                                      qtbot, type_text, today,
                                                                                      language):
    window = graded_window
    speak(window, language)
    row = due_revisit(demo_db, today)
    with demo_db.session() as session:
        before = revisits_on_time(session, row.due_on, row.due_on, today)
    page = window.show_page("customers")
    page.open_customer(row.customer_id, tab="revisits")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("visit"))
    type_text(dialog.field("summary"), "上门拜访，确认明年订单")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with demo_db.session() as session:
        after = revisits_on_time(session, row.due_on, row.due_on, today)
        plan = session.get(RevisitPlan, row.plan_id)
        assert (plan.state, plan.done_on) == ("done", today)
    assert after.done_on_time == before.done_on_time + 1
    # The calendar shows it done on the day it was due.
    calendar = window.show_page("calendar")
    calendar.grid.select_day(row.due_on)
    done = [e.revisit for e in calendar.day_list.agenda().entries if e.revisit and e.revisit.plan_id == row.plan_id]
    assert done and done[0].state == "done"


@pytest.mark.parametrize("language", LANGUAGES)
def test_dragging_a_card_to_tier_a_moves_its_revisit_to_the_a_cadence(graded_window, demo_db, dialogs, qtbot,
                                                                       today, language):
    window = graded_window
    speak(window, language)
    with demo_db.session() as session:
        customer_id, due_on = session.execute(
            select(Customer.id, RevisitPlan.due_on).join(RevisitPlan, RevisitPlan.customer_id == Customer.id)
            .where(Customer.tier == "C", Customer.tier_locked.is_(False), RevisitPlan.state == "planned",
                   RevisitPlan.purpose == CADENCE_PURPOSE, RevisitPlan.due_on > today + timedelta(days=40))
            .order_by(Customer.code)).first()
    board = window.show_page("tier_board")
    dialogs.answers.append("战略客户" if language == "zh" else "strategic account")
    board.cards_dropped([customer_id], "A")
    qtbot.waitUntil(lambda: board.column("A").model.row_of(customer_id) is not None)
    with demo_db.session() as session:
        new_due, channel = session.execute(select(RevisitPlan.due_on, RevisitPlan.channel).where(
            RevisitPlan.customer_id == customer_id, RevisitPlan.state == "planned")).one()
    assert new_due < due_on and new_due <= today + timedelta(days=30) and channel == "visit"
    page = window.show_page("customers")
    page.open_customer(customer_id, tab="revisits")
    assert new_due.isoformat() in page.detail.tab("revisits").summary.text()


# --- dated follow-ups ------------------------------------------------------------------------------

FOLLOW_UP = {"en": "Follow-up: ", "zh": "跟进："}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_next_step_with_a_date_is_a_to_do_in_the_calendar_and_completes_there(graded_window, demo_db, qtbot,
                                                                                type_text, today, language):
    window = graded_window
    speak(window, language)
    page = window.show_page("customers")
    customer_id = page.model.customer_id(0)
    page.open_customer(customer_id, tab="interactions")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    type_text(dialog.field("summary"), "询价")
    type_text(dialog.field("next_step"), "周三前发报价")
    qtbot.mouseClick(dialog.field("next_step_dated"), Qt.MouseButton.LeftButton)
    assert dialog.field("next_step_on").isEnabled()
    by = today + timedelta(days=6)
    dialog.field("next_step_on").setDate(QDate(by.year, by.month, by.day))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    timeline = page.detail.tab("interactions").timeline.toPlainText()
    assert "周三前发报价" in timeline and by.isoformat() in timeline
    with demo_db.session() as session:
        [todo] = [f for f in open_followups(session, today) if f.customer_id == customer_id]
    assert (todo.step, todo.due_on) == ("周三前发报价", by)
    calendar = window.show_page("calendar")
    calendar.grid.select_day(by)
    view = calendar.day_list
    rows = [e.revisit for e in view.agenda().entries if e.revisit and e.revisit.followup]
    assert [r.plan_id for r in rows] == [todo.plan_id]
    assert revisit_detail(rows[0]).startswith(FOLLOW_UP[language] + "周三前发报价")
    assert view.select_plan(todo.plan_id)
    completing = calendar.complete_current()
    type_text(completing.field("summary"), "报价已发")
    qtbot.mouseClick(completing.save_button, Qt.MouseButton.LeftButton)
    with demo_db.session() as session:
        assert session.get(RevisitPlan, todo.plan_id).state == "done"
        assert not [f for f in open_followups(session, today) if f.customer_id == customer_id]


# --- printing a month: overdue first, asked first, in the background with Cancel ---------------------

ASK = {"en": ("Save 4", "revisit sheets for 2026-11-01 to 2026-11-30 as a PDF?", "overdue revisits planned before"),
       "zh": ("将 2026-11-01 至 2026-11-30 的 4", "张回访单保存为 PDF 吗？", "计划日期在本期之前、已逾期的回访")}


def busy_month(db, today) -> int:
    """Enough revisits in November for more sheets than a screen shows: the demo's own and 30 more."""
    with db.write() as session:
        ids = session.scalars(select(Customer.id).order_by(Customer.code.desc()).limit(30)).all()
        for offset, customer_id in enumerate(ids):
            schedule_revisit(session, customer_id, today + timedelta(days=1 + offset % 9), purpose="年底拜访")
    with db.session() as session:
        return len(revisit_sheet_data(session, date(2026, 11, 1), date(2026, 11, 30), today=today))


def click_cancel_at_the_first_page(window, qtbot):
    """What a person does in the progress window: press its Cancel once the run has begun."""
    pressed = []

    def on_progress(task, done, total, _text):
        if done >= 1 and not pressed:
            dialog = next(d for d in window.findChildren(QProgressDialog) if d.labelText())
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            pressed.append(task)

    window.context.runner.task_progress.connect(on_progress)
    return pressed


@pytest.mark.parametrize("language", LANGUAGES)
def test_saving_a_month_of_sheets_asks_runs_with_cancel_and_puts_the_overdue_first(graded_window, demo_db, dialogs,
                                                                                  qtbot, tmp_path, today, language):
    window = graded_window
    speak(window, language)
    count = busy_month(demo_db, today)
    assert count > SHEETS_ON_A_SCREEN
    calendar = window.show_page("calendar")
    calendar.set_mode("month")
    # No: nothing is written, no file is asked for.
    dialogs.answers.append(False)
    qtbot.mouseClick(calendar.pdf_button, Qt.MouseButton.LeftButton)
    question = dialogs.messages("ask")[-1].text
    count_words, end_words, overdue_words = ASK[language]
    assert f"{count}" in question and end_words in question and overdue_words in question
    # Yes, then Cancel in the progress window: no PDF, no half file.
    out = tmp_path / "november.pdf"
    dialogs.answers.append(True)
    dialogs.files.append(out)
    pressed = click_cancel_at_the_first_page(window, qtbot)
    qtbot.mouseClick(calendar.pdf_button, Qt.MouseButton.LeftButton)
    assert pressed and pressed[0].show_progress and pressed[0].kind == "print"
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
    window.context.runner.task_progress.disconnect()
    # Yes again, to the end: the plan page names the month; the overdue come first.
    dialogs.answers.append(True)
    dialogs.files.append(out)
    qtbot.mouseClick(calendar.pdf_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    saved = dialogs.messages("info")[-1].text
    assert ("2026-11-01 to 2026-11-30" if language == "en" else "2026-11-01 至 2026-11-30") in saved


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_more_than_a_screenful_goes_to_the_printer_in_the_background(graded_window, demo_db, dialogs,
                                                                             qtbot, tmp_path, today, language):
    window = graded_window
    speak(window, language)
    busy_month(demo_db, today)
    calendar = window.show_page("calendar")
    calendar.set_mode("month")
    printed = tmp_path / "printer.pdf"
    dialogs.answers.append(True)
    dialogs.files.append(printed)  # the printer chosen prints to this file
    qtbot.mouseClick(calendar.print_button, Qt.MouseButton.LeftButton)
    assert dialogs.messages("ask") and calendar.last_print_task.kind == "print"
    assert printed.read_bytes().startswith(b"%PDF")


# --- interface text -----------------------------------------------------------------------------------


def test_every_menu_command_is_in_chinese_and_the_title_names_the_product_once(graded_window):
    window = graded_window
    title_en = window.windowTitle()
    assert title_en.count("AccountDesk") == 1 and QGuiApplication.applicationDisplayName() == "AccountDesk"
    window.actions_["language_zh"].trigger()
    assert window.actions_["new_database"].text() == "新建数据库(&N)…"
    assert window.actions_["log_interaction"].text() == "记录互动(&L)…"
    untranslated = []
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            text = action.text().replace("&", "")
            if text and not action.isSeparator() and not any("\u4e00" <= ch <= "\u9fff" for ch in text) \
                    and text != "English":  # a language is named in itself
                untranslated.append(text)
    assert untranslated == []
    title = window.windowTitle()
    assert "AccountDesk" not in title and title.count("客户分级维护台") == 1
    assert QGuiApplication.applicationDisplayName() == "客户分级维护台"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_week_heading_is_whole_at_1280_by_800(graded_window, qtbot, language):
    window = graded_window
    speak(window, language)
    window.resize(1280, 800)
    calendar = window.show_page("calendar")
    qtbot.mouseClick(calendar.week_button, Qt.MouseButton.LeftButton)
    label = calendar.period_label
    assert label.text() == {"en": "11/16 – 11/22", "zh": "11月16日 – 11月22日"}[language]
    # Once the layout has run (the next turn of the event loop): whole, and clear of the buttons.
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width()
                    and label.geometry().right() < calendar.month_button.geometry().left(), timeout=2000)
