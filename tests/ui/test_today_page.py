"""今日 (Today): the first screen, one ranked list for the signed-in owner, worked through to empty."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from accountdesk.core.reminders.agenda import build_agenda
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.storage.models import Contact, Customer, Feedback, Interaction, User
from accountdesk.core.time import local_noon_utc


def _book(database, today: date) -> None:
    """王芳's day: overdue A revisits, a due C revisit, an unresolved complaint, a birthday; and a
    colleague's customer that must not show. Her capacity (4) is below what is due."""
    with database.write() as s:
        wang, li = User(name="wang", display_name="王芳", daily_capacity=4), User(name="li", display_name="李雷")
        s.add_all([wang, li])
        s.flush()

        def customer(code: str, tier: str, owner: User, last: date) -> Customer:
            made = Customer(code=code, name=f"客户{code}", tier=tier, owner_id=owner.id,
                            created_at=datetime(2025, 1, 1, tzinfo=timezone.utc))
            s.add(made)
            s.flush()
            s.add(Interaction(customer_id=made.id, kind="phone", occurred_at=local_noon_utc(last)))
            return made

        customer("A01", "A", wang, date(2026, 9, 20))
        customer("A02", "A", wang, date(2026, 9, 25))
        c1 = customer("C01", "C", wang, date(2026, 8, 24))
        s.add(Feedback(customer_id=c1.id, kind="complaint", received_on=date(2026, 11, 2), content="发票金额有误"))
        b1 = customer("B01", "B", wang, date(2026, 11, 1))
        s.add(Contact(customer_id=b1.id, name="刘强", position="经理", birth_calendar="solar", birth_month=11, birth_day=21))
        customer("L01", "A", li, date(2026, 9, 1))


def _click_save(dialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    button.click()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_working_through_the_day_leaves_nothing_for_today(make_window, db, qtbot, today, language):
    _book(db, today)
    with db.write() as s:
        generate_reminders(s, today)
    window = make_window(db)
    if language == "zh":
        window.set_language("zh_CN")
    page = window.page("today")
    assert window.current_page_key() == "today"  # where the app opens
    # First start: the login ("tester") is no owner yet, so the page asks who I am.
    assert page.who_frame.isVisible()
    page.who_combo.setCurrentIndex(page.who_combo.findText("王芳"))
    qtbot.mouseClick(page.who_button, Qt.MouseButton.LeftButton)
    assert not page.who_frame.isVisible()
    assert page.owner_combo.currentText() == ("我（王芳）" if language == "zh" else "Me (王芳)")
    assert page.title.text() == ("今日" if language == "zh" else "Today")
    shown = [page.model.items[row] for row in range(page.model.rowCount())]
    assert 0 < len(shown) <= 4
    assert all(item.customer_code != "L01" for item in shown)
    assert shown[0].tier == "A" and shown[0].kind == "revisit" and shown[0].overdue

    handled = 0
    while page.model.rowCount():
        page.select_row(0)
        item = page.selected_item()
        if item.kind == "revisit":
            qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
            dialog = page.active_dialog
            dialog.field("summary").setPlainText("电话回访，客户满意")
            _click_save(dialog)
        elif item.customer_id is not None:
            if item.greeting:
                qtbot.mouseClick(page.greeting_button, Qt.MouseButton.LeftButton)
                assert QApplication.clipboard().text() == item.greeting
            qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
            dialog = page.active_dialog
            dialog.field("summary").setPlainText("已跟进")
            _click_save(dialog)
        else:
            qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
        handled += 1
        assert handled <= 20, "the list does not empty"
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == ("今日事项已全部完成，辛苦了。" if language == "zh"
                                       else "Nothing left for today. Well done.")
    with db.session() as s:
        owner = s.query(User).filter_by(name="wang").one()
        assert build_agenda(s, today, owner.id, days=1).today == []


def test_snooze_and_hand_over_take_an_item_off_today(make_window, db, qtbot, today, dialogs):
    _book(db, today)
    with db.write() as s:
        generate_reminders(s, today)
    window = make_window(db)
    page = window.page("today")
    page.who_combo.setCurrentIndex(page.who_combo.findText("王芳"))
    qtbot.mouseClick(page.who_button, Qt.MouseButton.LeftButton)
    before = [item.key for item in page.model.items]
    page.select_row(0)
    first = page.selected_item()
    assert first is not None and page.snooze_button.isEnabled(), (first, page.model.rowCount())
    qtbot.mouseClick(page.snooze_button, Qt.MouseButton.LeftButton)
    _click_save(page.active_dialog)  # the next working day, suggested
    assert first.key not in [item.key for item in page.model.items]
    assert any(item.customer_code == first.customer_code and item.planned_for == date(2026, 11, 23)
               for item in page.later_model.items)  # a Friday's snooze lands on Monday
    page.select_row(0)
    second = page.selected_item()
    dialogs.answers.append(0)  # the only other owner, 李雷
    qtbot.mouseClick(page.hand_over_button, Qt.MouseButton.LeftButton)
    assert second.customer_code not in [item.customer_code for item in page.model.items + page.later_model.items]
    with db.session() as s:
        moved = s.query(Customer).filter_by(code=second.customer_code).one()
        assert moved.owner.display_name == "李雷"
    assert len(before) >= 2
