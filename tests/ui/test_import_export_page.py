"""The Import / Export page: an import started here, listed in the history, undone from it; exports that re-open."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest
from import_sheets import GOOD_NAMES, messy_customers
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.models import Customer


@pytest.fixture
def page(window):
    window.show_page("import_export")
    page = window.stack.currentWidget()
    assert type(page).__name__ == "ImportExportPage"
    return page


def live_names(db) -> set[str]:
    with db.session() as session:
        return set(session.scalars(select(Customer.name).where(Customer.deleted_at.is_(None))))


def walk_wizard(qtbot, wizard) -> None:
    """Next, Next, Import, Summary, Finish — as a manager clicks through."""
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                  QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
        button = wizard.button(which)
        assert button.isEnabled(), wizard.currentPage().title()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_import_is_listed_and_can_be_undone_from_the_page(page, qtbot, dialogs, db, tmp_path):
    assert page.history_empty.isVisible() and page.history_empty.text() == "No imports yet."
    dialogs.files.append(messy_customers(tmp_path / "华东客户.xlsx"))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard.isVisible()
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    walk_wizard(qtbot, wizard)
    assert not wizard.isVisible()
    assert live_names(db) == set(GOOD_NAMES)

    history = page.history
    assert history.rowCount() == 1
    cells = [history.item(0, column).text() for column in range(9)]
    assert cells[1:8] == ["华东客户.xlsx", "Customers", "5", "0", "1", "1", "tester"]
    assert cells[8] == "Imported"

    dialogs.answers.append(False)  # first the manager hesitates
    undo = history.cellWidget(0, 9)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert live_names(db) == set(GOOD_NAMES)
    question = dialogs.messages("ask")[-1]
    assert "华东客户.xlsx" in question.text and "created (5)" in question.text

    dialogs.answers.append(True)
    qtbot.mouseClick(history.cellWidget(0, 9), Qt.MouseButton.LeftButton)
    assert live_names(db) == set()
    assert history.item(0, 8).text().startswith("Undone ")
    assert history.cellWidget(0, 9) is None  # an undone import cannot be undone twice
    assert "Removed: 5" in page.message.text()


def _customer_with_purchases(db) -> None:
    with db.write() as session:
        customer = archive.create_customer(session, {"name": "上海恒通贸易有限公司", "phone": "13800138000"})
        archive.add_transaction(session, customer.id, {"occurred_on": date(2026, 3, 1), "product": "=SUM(A1)",
                                                      "amount": Decimal("1234.50")})
        archive.add_transaction(session, customer.id, {"occurred_on": date(2026, 5, 2), "product": "年度服务",
                                                      "amount": Decimal("800")})


def test_transactions_export_to_a_workbook_and_a_csv_that_reopen(page, qtbot, dialogs, db, tmp_path):
    _customer_with_purchases(db)
    out = tmp_path / "purchases.xlsx"
    dialogs.files.append(out)
    qtbot.mouseClick(page.export_buttons["transactions"], Qt.MouseButton.LeftButton)
    assert page.message.text() == f"Exported to {out} (rows: 2)"
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3
    assert rows[1][1] == "上海恒通贸易有限公司"
    product = next(cell for row in sheet.iter_rows() for cell in row if cell.value == "=SUM(A1)")
    assert product.data_type == "s"  # customer data is kept as text, never a formula

    text_out = tmp_path / "purchases"  # no ending: a workbook is written
    dialogs.files.append(text_out)
    qtbot.mouseClick(page.export_buttons["transactions"], Qt.MouseButton.LeftButton)
    assert (tmp_path / "purchases.xlsx").exists()

    csv_out = tmp_path / "purchases.csv"
    dialogs.files.append(csv_out)
    qtbot.mouseClick(page.export_buttons["transactions"], Qt.MouseButton.LeftButton)
    with csv_out.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert len(lines) == 3 and lines[1][1] == "上海恒通贸易有限公司"


def test_export_cancelled_or_to_a_calendar_for_the_wrong_kind(page, qtbot, dialogs, tmp_path):
    dialogs.files.append(None)
    qtbot.mouseClick(page.export_buttons["interactions"], Qt.MouseButton.LeftButton)
    assert page.message.text() == ""
    dialogs.files.append(tmp_path / "calls.ics")
    qtbot.mouseClick(page.export_buttons["interactions"], Qt.MouseButton.LeftButton)
    assert "Only revisits" in page.message.text()
    assert not (tmp_path / "calls.ics").exists()


def test_revisits_export_to_a_calendar(page, qtbot, dialogs, db, tmp_path):
    out = tmp_path / "revisits.ics"
    dialogs.files.append(out)
    qtbot.mouseClick(page.export_buttons["revisits"], Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
