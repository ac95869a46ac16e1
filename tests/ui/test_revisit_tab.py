"""The customer's revisit plan tab: planned and past revisits in status colours; plan, complete, reschedule, skip."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from accountdesk.core.revisits.plans import CADENCE_PURPOSE
from accountdesk.core.storage.models import Customer, Interaction, RevisitPlan
from accountdesk.ui.calendar.items import OVERDUE_COLOR


@pytest.fixture
def customer(db, today):
    with db.write() as s:
        customer = Customer(code="C001", name="华东精密", tier="B",
                            created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc))
        s.add(customer)
        s.flush()
        s.add(RevisitPlan(customer_id=customer.id, due_on=today - timedelta(days=12), purpose=CADENCE_PURPOSE,
                          channel="phone", state="planned"))
        return customer.id


@pytest.fixture
def tab(window, customer):
    page = window.show_page("customers")
    page.open_customer(customer)
    return page.detail.show_tab("revisits")


def texts(tab, column: int) -> list[str]:
    return [tab.table.item(row, column).text() for row in range(tab.table.rowCount())]


def test_planned_revisit_shows_overdue_in_red_and_is_selected(tab):
    assert texts(tab, 1) == ["Overdue 12 days"]
    assert tab.table.item(0, 1).foreground().color().name() == OVERDUE_COLOR
    assert texts(tab, 2) == ["Regular revisit"]
    assert "Cadence: every 60 days (tier B)" in tab.summary.text()
    assert tab.complete_button.isEnabled()


def test_complete_from_the_tab_logs_and_plans_the_next(tab, db, qtbot, today, customer):
    dialog = tab.complete_selected()
    qtbot.keyClicks(dialog.field("summary"), "Price agreed")
    rating = dialog.field("satisfaction")
    rating.setCurrentIndex(rating.findData("5"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # The next one (60 days for tier B) on top, the done one below with what was said.
    assert texts(tab, 0) == [(today + timedelta(days=60)).isoformat(), (today - timedelta(days=12)).isoformat()]
    assert texts(tab, 1) == ["In 60 days", "Done"]
    assert texts(tab, 6)[1] == "★★★★★"
    assert texts(tab, 7)[1] == "Price agreed"
    with db.session() as s:
        assert s.scalars(select(Interaction.summary).where(Interaction.customer_id == customer)).all() == ["Price agreed"]
    # The new plan is selected, ready for the next time.
    assert tab.selected_record().state == "planned"


def test_plan_reschedule_and_skip(tab, db, qtbot, dialogs, today, customer):
    dialog = tab.plan_revisit()
    qtbot.keyClicks(dialog.field("purpose"), "Launch of the new range")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Launch of the new range" in texts(tab, 2)
    tab.select_plan(next(r.plan_id for r in tab.records if r.purpose == "Launch of the new range"))
    dialog = tab.reschedule_selected()
    dialog.field("due_on").setDate(dialog.field("due_on").date().addDays(3))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    launch = next(r for r in tab.records if r.purpose == "Launch of the new range")
    assert launch.due_on == today + timedelta(days=10)
    # Skip the overdue cadence revisit.
    tab.select_plan(next(r.plan_id for r in tab.records if r.status == "overdue"))
    dialogs.answers.append(True)
    qtbot.mouseClick(tab.skip_button, Qt.MouseButton.LeftButton)
    assert "Skipped" in texts(tab, 1)
    with db.session() as s:
        states = sorted(s.scalars(select(RevisitPlan.state).where(RevisitPlan.customer_id == customer)))
    assert states == ["planned", "skipped"]  # the launch visit stays; it is the next one
