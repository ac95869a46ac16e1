"""Settings → Working days, used like a manager: set an owner's daily capacity, type the team's
extra days off and make-up days, watch the preview, save, and see the plans move."""

from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import Qt
from sqlalchemy import select

from accountdesk.core.revisits.plans import plan_revisits
from accountdesk.core.revisits.workdays import load_overrides
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan, User
from accountdesk.core.time import local_noon_utc

MONDAY = date(2026, 11, 23)  # the pinned today is Friday 2026-11-20


def _book(db, today) -> int:
    with db.write() as s:
        owner = User(name="sun", display_name="孙丽")
        s.add(owner)
        s.flush()
        for i in range(5):
            customer = Customer(code=f"A{i}", name=f"客户A{i}", tier="A", owner=owner,
                                created_at=datetime(2025, 1, 1, 12, tzinfo=timezone.utc))
            s.add(customer)
            s.flush()
            s.add(Interaction(customer_id=customer.id, kind="phone", occurred_at=local_noon_utc(date(2026, 10, 24))))
        s.flush()
        plan_revisits(s, today)
        return owner.id


def _planned_days(db) -> list[date]:
    with db.session() as s:
        return sorted(p.planned_for or p.due_on for p in s.scalars(
            select(RevisitPlan).where(RevisitPlan.state == "planned")))


def _preview(section) -> list[tuple[str, str, str]]:
    table = section.preview_table
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def test_typing_days_previews_them_and_saving_moves_the_plans(make_window, db, qtbot, today, type_text, dialogs):
    _book(db, today)
    assert _planned_days(db).count(MONDAY) == 5
    section = make_window(db).show_page("settings").show_section("planning")
    assert "2026: the State Council's official schedule" in section.source_label.text()
    assert ("2027-01-01 Fri", "day off", "元旦") in _preview(section)

    section.days_edit.setFocus()
    type_text(section.days_edit, "2026-11-23 休 公司年会")
    qtbot.keyClick(section.days_edit, Qt.Key.Key_Return)
    type_text(section.days_edit, "2026-11-99 休")
    assert section.days_error.isVisible() and "line 2" in section.days_error.text()
    for _ in range(len("2026-11-99 休") + 1):
        qtbot.keyClick(section.days_edit, Qt.Key.Key_Backspace)
    assert not section.days_error.isVisible()
    assert _preview(section)[0] == ("2026-11-23 Mon", "day off", "公司年会 (team list)")

    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    days = _planned_days(db)
    assert MONDAY not in days and len(days) == 5
    with db.session() as s:
        assert [(o.on, o.off, o.name) for o in load_overrides(s)] == [(MONDAY, True, "公司年会")]
    assert section.days_edit.toPlainText() == "2026-11-23 休 公司年会"


def test_a_capacity_typed_for_an_owner_is_kept_and_levels_the_plans(make_window, db, qtbot, today):
    owner_id = _book(db, today)
    section = make_window(db).show_page("settings").show_section("planning")
    spin = section.capacity_spins[owner_id]
    assert spin.text() == "default (15)"
    names = [section.capacity_table.item(r, 0).text() for r in range(section.capacity_table.rowCount())]
    assert "孙丽 (sun)" in names
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "2")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert s.get(User, owner_id).daily_capacity == 2
    days = _planned_days(db)
    assert max(days.count(day) for day in days) <= 2
    assert section.capacity_spins[owner_id].value() == 2  # read back after the save
