"""The reminder centre: kinds and why they fired, seen on look, snooze until a date, bulk actions, the count."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from accountdesk.core.reminders.centre import add_custom_reminder
from accountdesk.core.reminders.runs import generate_reminders
from accountdesk.core.storage.models import Contact, Customer, Interaction, Reminder, RevisitPlan
from accountdesk.core.time import local_noon_utc


@pytest.fixture
def clock(today):
    return [today]


@pytest.fixture
def window(qtbot, db, dialogs, ui_settings, clock, today):
    """A main window whose "today" a test can move forward."""
    from accountdesk.ui.kit.language import set_interface_language
    from accountdesk.ui.main_window import create_main_window

    with db.write() as s:
        quiet = Customer(code="C001", name="北方物流", tier="C",
                         created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc))
        happy = Customer(code="C002", name="华东精密", tier="A",
                         created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc))
        s.add_all([quiet, happy])
        s.flush()
        # 200 days without contact, more than tier C's default 180 (twice its revisit interval): a churn warning.
        s.add(Interaction(customer_id=quiet.id, kind="phone", occurred_at=local_noon_utc(today - timedelta(days=200))))
        s.add(Interaction(customer_id=happy.id, kind="visit", occurred_at=local_noon_utc(today - timedelta(days=3))))
        s.add(Contact(customer_id=happy.id, name="张总", birth_month=11, birth_day=22))  # in 2 days
        s.add(RevisitPlan(customer_id=happy.id, due_on=today - timedelta(days=1), purpose="续约", channel="visit"))
        s.add(RevisitPlan(customer_id=quiet.id, due_on=today + timedelta(days=30), channel="email"))  # not yet due
        add_custom_reminder(s, "寄送样品", today, customer_id=happy.id)
        generate_reminders(s, today)
    window = create_main_window(db, synchronous=True, dialogs=dialogs, settings=ui_settings,
                                today=lambda: clock[0], language="en")
    qtbot.addWidget(window)
    window.show()
    yield window
    set_interface_language("en")


@pytest.fixture
def page(window):
    return window.show_page("reminders")


def kinds(page) -> list[str]:
    return sorted(row.kind for row in page.model.rows)


def row_of(page, kind: str):
    return next(row for row in page.model.rows if row.kind == kind)


def test_lists_every_kind_with_why_it_fired(page, window):
    assert kinds(page) == ["birthday", "churn", "custom", "revisit"]
    churn = row_of(page, "churn")
    why = page.model.data(page.model.index(page.model.rows.index(churn), 5))
    assert why.startswith("No contact for too long:")
    # The default limit for tier C (180 since the churn defaults were made calmer; it was 150).
    assert "200 days without contact" in why and "limit 180 days for tier C" in why
    assert not page.model.data(page.model.index(0, 0), Qt.ItemDataRole.DecorationRole).isNull()
    # The status bar shows how many wait.
    assert window.reminders_button.text() == "Reminders: 4"


def test_a_care_reminder_shows_the_greeting_and_looking_makes_it_seen(page, window, db, qtbot):
    birthday = row_of(page, "birthday")
    page.select_ids([birthday.id])
    assert "张总，生日快乐" in page.detail.toPlainText()
    assert page.copy_button.isVisible()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().startswith("张总，生日快乐")
    with db.session() as s:
        assert s.get(Reminder, birthday.id).state == "seen"
    assert row_of(page, "birthday").state == "seen"
    assert window.reminders_button.text() == "Reminders: 3"


def test_snoozed_reminder_disappears_until_its_date(page, db, clock, today, qtbot):
    custom = row_of(page, "custom")
    page.select_ids([custom.id])
    action = next(a for a in page.snooze_menu.actions() if a.text() == "For 3 days")
    action.trigger()
    assert kinds(page) == ["birthday", "churn", "revisit"]
    with db.session() as s:
        stored = s.get(Reminder, custom.id)
        assert (stored.state, stored.snoozed_until) == ("snoozed", today + timedelta(days=3))
    # The day before, it is still asleep; listed under "Snoozed" with its date.
    clock[0] = today + timedelta(days=2)
    page.reload()
    assert "custom" not in kinds(page)
    page.state_combo.setCurrentIndex(page.state_combo.findData("snoozed"))
    assert [r.id for r in page.model.rows] == [custom.id]
    assert page.model.data(page.model.index(0, 4)) == f"Snoozed until {(today + timedelta(days=3)).isoformat()}"
    # On its day it is back.
    page.state_combo.setCurrentIndex(page.state_combo.findData("open"))
    clock[0] = today + timedelta(days=3)
    page.reload()
    back = row_of(page, "custom")
    assert page.model.data(page.model.index(page.model.rows.index(back), 4)) == "Back from snooze"


def test_bulk_dismiss_and_mark_done(page, db, qtbot):
    churn, custom = row_of(page, "churn"), row_of(page, "custom")
    page.select_ids([churn.id, custom.id])
    assert page.selection_label.text() == "2 selected"
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    assert kinds(page) == ["birthday", "revisit"]
    with db.session() as s:
        assert {s.get(Reminder, rid).state for rid in (churn.id, custom.id)} == {"dismissed"}
    page.state_combo.setCurrentIndex(page.state_combo.findData("dismissed"))
    assert sorted(r.kind for r in page.model.rows) == ["churn", "custom"]
    page.state_combo.setCurrentIndex(page.state_combo.findData("open"))

    page.table.selectAll()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert page.model.rows == []
    with db.session() as s:
        assert set(s.scalars(select(Reminder.state))) == {"done", "dismissed"}


def test_filter_by_kind_and_text(page, qtbot):
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("churn"))
    assert kinds(page) == ["churn"]
    page.kind_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "C002")
    assert kinds(page) == ["birthday", "custom", "revisit"]


def test_new_custom_reminder(page, qtbot, today, db):
    dialog = page.new_reminder()
    qtbot.keyClicks(dialog.field("subject"), "Call back about the quote")
    dialog.field("due_on").setDate(dialog.field("due_on").date().addDays(-1))  # today: due at once
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    subjects = [r.subject("en") for r in page.model.rows if r.kind == "custom"]
    assert "Call back about the quote" in subjects


def upcoming_tree(page) -> list[tuple[str, list[str]]]:
    """Each day's heading and its rows as "what | customer | reminder"."""
    tree = page.upcoming.tree
    found = []
    for number in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(number)
        rows = [" | ".join(day.child(j).text(c) for c in range(3)) for j in range(day.childCount())]
        found.append((day.text(0), rows))
    return found


def test_the_coming_up_panel_lists_the_next_days_by_day_and_looks_further_on_request(page, qtbot):
    shown = upcoming_tree(page)
    assert shown[0] == ("Sun 2026-11-22 (in 2 days) · 1 item", ["张总's birthday · 华东精密 | 华东精密 · C002 | already in the list"])
    titles = [title for title, _rows in shown]
    assert any(title.startswith("Sun 2026-12-20 (in 30 days)") for title in titles)  # 北方物流's revisit
    assert not any("New Year" in row for _title, rows in shown for row in rows)
    page.upcoming.span_combo.setCurrentIndex(page.upcoming.span_combo.findData(60))
    new_year = [rows for title, rows in upcoming_tree(page) if title.startswith("Fri 2027-01-01")]
    assert new_year and new_year[0][0].startswith("New Year's Day (2027-01-01) | all customers | reminder on")
    total = sum(len(rows) for _title, rows in upcoming_tree(page))
    assert page.upcoming.count_label.text().startswith(f"{total} items · ")
