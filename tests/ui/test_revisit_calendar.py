"""The revisit calendar: month grid, today's list, completing, skipping and moving revisits, sheets, .ics."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from sqlalchemy import select

from accountdesk.core.revisits.plans import CADENCE_PURPOSE
from accountdesk.core.storage.models import Contact, Customer, Interaction, RevisitPlan, User


def _customer(session, code: str, name: str, tier: str | None, owner: User | None = None) -> Customer:
    customer = Customer(code=code, name=name, tier=tier, owner=owner,
                        created_at=datetime.combine(date(2025, 1, 1), time(12), tzinfo=timezone.utc))
    session.add(customer)
    session.flush()
    return customer


def _plan(session, customer: Customer, due_on: date) -> RevisitPlan:
    plan = RevisitPlan(customer_id=customer.id, owner_id=customer.owner_id, due_on=due_on,
                       purpose=CADENCE_PURPOSE, channel="visit", state="planned")
    session.add(plan)
    session.flush()
    return plan


@pytest.fixture
def plans(db, today):
    """Overdue (A, 10 days late; grace is 7), due (B, 2 days ago), upcoming (C, in 5 days), and a
    birthday on the upcoming day."""
    with db.write() as s:
        wang = User(name="wang", display_name="王经理")
        li = User(name="li", display_name="李经理")
        s.add_all([wang, li])
        s.flush()
        late = _customer(s, "C001", "华东精密", "A", wang)
        due = _customer(s, "C002", "岭南茶业", "B", li)
        soon = _customer(s, "C003", "北方物流", "C", wang)
        s.add(Contact(customer_id=soon.id, name="赵总", birth_month=11, birth_day=25))
        ids = {
            "late": _plan(s, late, today - timedelta(days=10)).id,
            "due": _plan(s, due, today - timedelta(days=2)).id,
            "soon": _plan(s, soon, today + timedelta(days=5)).id,
            "late_customer": late.id,
            "wang": wang.id,
        }
    return ids


@pytest.fixture
def page(window, plans):
    return window.show_page("calendar")


def names(view) -> list[str]:
    return [entry.revisit.customer_name for entry in view.agenda().entries if entry.revisit is not None]


def test_today_list_puts_overdue_first_then_due(page):
    assert names(page.today_list) == ["华东精密", "岭南茶业"]
    counts = page.today_counts.text()
    assert "1 overdue" in counts and "1 due" in counts
    late = page.today_list.agenda().entries[0].revisit
    assert late.status == "overdue"
    assert page.today_list.agenda().data(page.today_list.agenda().index(0)).endswith("10 days overdue")


def test_month_grid_shows_each_days_revisits_and_care_dates(page, today):
    month = page.grid.month()
    assert page.period_label.text() == "November 2026"
    cell = month.cell(month.index_of(today + timedelta(days=5)))
    assert [r.customer_name for r in cell.revisits] == ["北方物流"]
    assert [c.kind for c in cell.care] == ["birthday"]
    assert cell.tier_counts() == [("C", 1)]
    assert month.cell(month.index_of(today)).is_today
    # Choosing that day lists its birthday and its revisit beside the grid.
    page.grid.select_day(today + timedelta(days=5))
    kinds = [e.kind for e in page.day_list.agenda().entries]
    assert kinds == ["revisit", "care"]
    assert page.day_title.text().endswith(" · 1 revisit")  # one, not "1 revisits"


def test_complete_through_the_form_logs_the_interaction_and_plans_the_next(page, db, qtbot, today, plans):
    page.today_list.setCurrentIndex(page.today_list.agenda().index(0))
    assert page.complete_button.isEnabled()
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    dialog = page.revisit_actions.active_dialog
    assert dialog is not None and dialog.isVisible()
    channel = dialog.field("channel")
    channel.setCurrentIndex(channel.findData("phone"))
    qtbot.keyClicks(dialog.field("summary"), "Framework deal for next year")
    rating = dialog.field("satisfaction")
    rating.setCurrentIndex(rating.findData("4"))
    qtbot.keyClicks(dialog.field("next_step"), "Send the quote")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    with db.session() as s:
        interaction = s.scalars(select(Interaction).where(Interaction.customer_id == plans["late_customer"])).one()
        assert (interaction.kind, interaction.summary, interaction.satisfaction, interaction.next_step) == (
            "phone", "Framework deal for next year", 4, "Send the quote")
        done = s.get(RevisitPlan, plans["late"])
        assert done.state == "done" and done.done_on == today and done.interaction_id == interaction.id
        following = s.scalars(select(RevisitPlan).where(RevisitPlan.customer_id == plans["late_customer"],
                                                        RevisitPlan.state == "planned")).one()
        # Tier A's interval from today's contact is a Sunday: the Monday after.
        assert following.due_on == today + timedelta(days=31)
    assert names(page.today_list) == ["岭南茶业"]
    # The next revisit shows in December's grid on its day.
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.period_label.text() == "December 2026"
    month = page.grid.month()
    next_cell = month.cell(month.index_of(today + timedelta(days=31)))
    assert [r.customer_name for r in next_cell.revisits] == ["华东精密"]


def test_a_form_without_a_channel_keeps_the_form_open_with_the_error(page, db, qtbot, plans):
    page.select_revisit(plans["due"])
    dialog = page.complete_current()
    dialog.field("channel").setCurrentIndex(-1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    with db.session() as s:
        assert s.get(RevisitPlan, plans["due"]).state == "planned"


def _drop(view, pos, plan_id: int) -> None:
    """What the end of a drag does: the view's drop handler gets a drop at `pos` (viewport
    coordinates). Qt delivers drop events only during a real drag, so the handler is called."""
    from PySide6.QtGui import QDropEvent

    from accountdesk.ui.calendar.items import revisit_mime

    mime = revisit_mime(plan_id)  # kept alive here: the event only points at it
    event = QDropEvent(QPointF(pos), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert event.isAccepted()


def test_dragging_a_revisit_onto_another_day_reschedules_it(page, db, today, plans):
    grid = page.grid
    month = grid.month()
    soon_day = today + timedelta(days=5)
    # The drag starts on the customer's line in its day cell ...
    index = month.index_of(soon_day)
    option = QStyleOptionViewItem()
    grid.initViewItemOption(option)
    option.rect = grid.visualRect(index)
    lines, _hidden = grid.delegate.name_lines(option, month.cell(index))
    start = lines[0][0].center()
    assert grid.plan_at(start).plan_id == plans["soon"]
    # ... and drops on another day.
    target = today + timedelta(days=8)
    _drop(grid, grid.visualRect(month.index_of(target)).center(), plans["soon"])
    with db.session() as s:
        assert s.get(RevisitPlan, plans["soon"]).due_on == target
    assert [r.customer_name for r in month.cell(month.index_of(target)).revisits] == ["北方物流"]
    assert month.cell(month.index_of(soon_day)).revisits == []


def test_dropping_on_the_day_list_moves_to_the_selected_day(page, db, today, plans):
    page.grid.select_day(today + timedelta(days=1))
    _drop(page.day_list, page.day_list.viewport().rect().center(), plans["due"])
    with db.session() as s:
        assert s.get(RevisitPlan, plans["due"]).due_on == today + timedelta(days=1)
    assert names(page.today_list) == ["华东精密"]


def test_filters_by_owner_and_tier(page, plans):
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(plans["wang"]))
    assert names(page.today_list) == ["华东精密"]
    page.owner_combo.setCurrentIndex(0)
    page.tier_combo.setCurrentIndex(page.tier_combo.findData("B"))
    assert names(page.today_list) == ["岭南茶业"]
    month = page.grid.month()
    assert all(r.tier == "B" for cell in month.cells for r in cell.revisits)


def test_skip_asks_then_plans_the_next(page, db, qtbot, dialogs, today, plans):
    page.select_revisit(plans["due"])
    dialogs.answers.append(True)
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert s.get(RevisitPlan, plans["due"]).state == "skipped"
    assert names(page.today_list) == ["华东精密"]


def test_open_customer_shows_its_detail(page, window, qtbot, plans):
    page.select_revisit(plans["late"])
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "customers"
    customers = window.page("customers")
    assert customers.detail.customer_id == plans["late_customer"]


def test_week_view_lists_seven_days_with_headings(page, qtbot, today):
    qtbot.mouseClick(page.week_button, Qt.MouseButton.LeftButton)
    entries = page.week_list.agenda().entries
    headers = [e.day for e in entries if e.kind == "header"]
    monday = today - timedelta(days=today.weekday())
    assert headers == [monday + timedelta(days=i) for i in range(7)]
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    later = [e for e in page.week_list.agenda().entries if e.revisit is not None]
    assert [e.revisit.customer_name for e in later] == ["北方物流"]


def test_export_ics_and_save_pdf(page, qtbot, dialogs, tmp_path):
    dialogs.files.append(tmp_path / "plan.ics")
    qtbot.mouseClick(page.ics_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "plan.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 3
    assert "3 planned revisits" in dialogs.messages("info")[-1].text

    dialogs.files.append(tmp_path / "sheets.pdf")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "sheets.pdf").read_bytes().startswith(b"%PDF")
    assert "the plan for 2026-11-01 to 2026-11-30" in dialogs.messages("info")[-1].text


def test_print_previews_the_sheets_of_the_period_shown(page, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(page, "show_preview", lambda sheets, weekly, **kw: shown.append((sheets, weekly)))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    sheets, weekly = shown[0]
    # November's planned revisits, one sheet per customer, and the plan page grouped by tier.
    assert sorted(s.archive.name for s in sheets) == ["北方物流", "华东精密", "岭南茶业"]
    assert [g.tier for g in weekly.groups] == ["A", "B", "C"]


def test_festivals_show_on_their_day(page, qtbot):
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.period_label.text() == "January 2027"
    month = page.grid.month()
    new_year = month.cell(month.index_of(date(2027, 1, 1)))
    assert [c.label_en for c in new_year.festivals] == ["New Year's Day (2027-01-01)"]
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.period_label.text() == "November 2026"


def test_opens_on_the_signed_in_owners_revisits_and_everyone_is_one_choice_away(make_window, db, plans):
    from accountdesk.core.team.identity import choose_owner

    with db.write() as s:
        choose_owner(s, "tester", plans["wang"])  # the database's signed-in login works as 王经理
    page = make_window(db).show_page("calendar")
    assert page.owner_combo.currentText() == "Me (王经理)"
    assert names(page.today_list) == ["华东精密"]  # 李经理's due revisit is not on my list
    month = page.grid.month()
    assert sorted(r.customer_name for cell in month.cells for r in cell.revisits) == ["北方物流", "华东精密"]
    page.owner_combo.setCurrentIndex(0)
    assert page.owner_combo.currentText() == "All owners"
    assert names(page.today_list) == ["华东精密", "岭南茶业"]
