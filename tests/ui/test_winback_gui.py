"""Win-back on screen (issue 18 item 4): a churn warning in Today becomes a win-back whose dated
action then shows in Today, and the statistics show its reason."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import select

from accountdesk.core.storage.models import Customer, Reminder, User
from accountdesk.core.team.identity import choose_owner
from accountdesk.ui.customers.record_dialogs import qdate


def _book(database, today: date) -> None:
    """王芳 (the signed-in owner) has an A customer whose purchases stopped: a churn warning today."""
    with database.write() as s:
        wang = User(name="wang", display_name="王芳")
        s.add(wang)
        s.flush()
        customer = Customer(code="A01", name="上海明远贸易", tier="A", stage="at_risk", owner_id=wang.id,
                            created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
        s.add(customer)
        s.flush()
        s.add(Reminder(key=f"churn:purchase_gap:{customer.uid}:2026-06-01", kind="churn",
                       subject="采购逾期 · 上海明远贸易", detail="距上次采购已 172 天", customer_id=customer.id,
                       due_on=today, state="new", data={"rule": "purchase_gap"}))
        choose_owner(s, "tester", wang.id)


def _shot(widget, name: str) -> None:
    """Keep a picture of the screen when asked (ACCOUNTDESK_SHOTS=DIR), to look at it."""
    folder = os.environ.get("ACCOUNTDESK_SHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"{name}.png"))


def _readable_chinese() -> None:
    """For pictures only: the test machine may lack a Chinese font; use the one printing bundles."""
    if not os.environ.get("ACCOUNTDESK_SHOTS"):
        return
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from accountdesk.paths import bundled
    from accountdesk.printing.fonts import BUNDLED_FILE

    font_id = QFontDatabase.addApplicationFont(str(bundled("resources") / "fonts" / BUNDLED_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if families:
        QApplication.setFont(QFont([QApplication.font().family(), families[0]]))


def _kinds(page) -> list[str]:
    return [page.model.items[row].kind for row in range(page.model.rowCount())]


def test_a_churn_warning_in_today_becomes_a_win_back_whose_action_shows_in_today(make_window, db, qtbot, today,
                                                                                 type_text):
    _book(db, today)
    _readable_chinese()
    window = make_window(db)
    window.resize(1400, 800)
    page = window.page("today")
    assert _kinds(page) == ["churn"]
    page.select_row(0)
    assert page.win_back_button.isEnabled()
    qtbot.mouseClick(page.win_back_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog.isVisible() and any("上海明远贸易" in label.text() for label in dialog.findChildren(QLabel))

    # Saving without a reason is refused in the form, next to the field.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.error_label.isVisible()

    dialog.field("reason").setCurrentIndex(dialog.field("reason").findData("competitor"))
    dialog.field("note").setPlainText("对手报价低 8%")
    rows = dialog.field("action")
    when, what = rows.rows[0]
    when.setDate(qdate(today))
    type_text(what, "电话回访，了解对手报价")
    qtbot.mouseClick(rows.add_button, Qt.MouseButton.LeftButton)
    later_when, later_what = rows.rows[1]
    later_when.setDate(qdate(today + timedelta(days=4)))
    type_text(later_what, "上门送新报价")
    _shot(dialog, "winback_dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()

    # The warning is gone; the action due today is on the list, with why.
    assert _kinds(page) == ["winback"]
    page.select_row(0)
    item = page.selected_item()
    why = page.model.index(0, 4).data()
    assert "电话回访，了解对手报价" in why and "Competitor" in why
    assert page.model.index(0, 1).data() == "Win-back"
    assert [i.reason("zh") for i in page.later_model.items if i.kind == "winback"] == \
        ["挽回措施：上门送新报价 · 流失原因：竞争对手"]
    assert page.done_button.isEnabled() and not page.win_back_button.isEnabled()
    _shot(window, "today_winback")

    # The statistics show the reason and the win-back in progress, per owner.
    dashboard = window.show_page("dashboard")
    card = dashboard.win_back_table
    cells = {(r, c): card.item(r, c).text() for r in range(card.rowCount()) for c in range(card.columnCount())
             if card.item(r, c) is not None}
    assert any("Competitor 1" in text for text in cells.values())
    assert any(text == "王芳" for text in cells.values())
    dashboard.scroll.ensureWidgetVisible(dashboard.win_back_card)
    _shot(window, "dashboard_winback")

    # Done from Today: the step leaves the list.
    window.show_page("today")
    page.select_row(0)
    assert page.selected_item().action_id == item.action_id
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert "winback" not in _kinds(page)


def test_the_reminder_centre_starts_a_win_back_from_a_churn_warning(make_window, db, qtbot, today, type_text):
    _book(db, today)
    window = make_window(db)
    page = window.show_page("reminders")
    page.select_ids([r.id for r in page.all_rows if r.kind == "churn"])
    assert page.win_back_button.isVisible() and page.win_back_button.isEnabled()
    qtbot.mouseClick(page.win_back_button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    dialog.field("reason").setCurrentIndex(dialog.field("reason").findData("service"))
    type_text(dialog.field("action").rows[0][1], "经理上门致歉")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert [r for r in page.all_rows if r.kind == "churn"] == []  # the warning is done
    today_page = window.show_page("today")
    assert [i.reason("zh") for i in today_page.model.items] == ["挽回措施：经理上门致歉 · 流失原因：服务"]


def test_care_and_win_back_from_the_customer_detail_with_care_in_the_timeline(make_window, db, qtbot, today,
                                                                               type_text):
    _book(db, today)
    _readable_chinese()
    window = make_window(db)
    window.resize(1400, 800)
    page = window.show_page("customers")
    with db.session() as s:
        customer_id = s.scalars(select(Customer.id)).one()
    page.open_customer(customer_id)

    given = page.detail.show_tab("care")
    qtbot.mouseClick(given.add_button, Qt.MouseButton.LeftButton)
    dialog = given.active_dialog
    dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("gift"))
    type_text(dialog.field("item"), "中秋月饼礼盒")
    type_text(dialog.field("value"), "388")
    type_text(dialog.field("occasion"), "中秋")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [given.table.item(0, c).text() for c in range(5)] == [today.isoformat(), "Gift", "中秋月饼礼盒", "¥388.00",
                                                                 "中秋"]
    timeline = page.detail.show_tab("interactions")
    assert "中秋月饼礼盒" in timeline.timeline.toPlainText() and "¥388.00" in timeline.timeline.toPlainText()
    _shot(window, "customer_timeline_care")
    history = page.detail.show_tab("audit")
    assert any(row[2].startswith("Care given") for row in history.rows())

    tab = page.detail.show_tab("winback")
    assert tab.start_button.isEnabled()
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    dialog.field("reason").setCurrentIndex(dialog.field("reason").findData("price"))
    type_text(dialog.field("action").rows[0][1], "发新报价")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 1).text() == "Price"
    assert tab.table.item(0, 2).text() == "In progress" and not tab.start_button.isEnabled()
    tab.action_table.selectRow(0)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert tab.action_table.item(0, 2).text() == today.isoformat()
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    dialog.field("outcome").setCurrentIndex(dialog.field("outcome").findData("won"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert tab.table.item(0, 2).text() == f"Won back {today.isoformat()}"
    _shot(window, "customer_winback_tab")
    assert tab.start_button.isEnabled()
    dashboard = window.show_page("dashboard")
    texts = [dashboard.win_back_table.item(0, c).text() for c in range(dashboard.win_back_table.columnCount())]
    assert texts[3] == "1" and texts[5].startswith("100%")
    assert dashboard.care_table.item(0, 4).text() == "¥388.00"
