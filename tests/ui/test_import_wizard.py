"""The import wizard, walked like a manager: a messy sheet, the mapping, the preview, the run (and cancel), the summary."""

from __future__ import annotations

import pytest
from import_sheets import BAD_ROW, DUPLICATE_ROW, GOOD_NAMES, messy_customers
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from accountdesk.core.storage.models import Customer, ImportBatch


@pytest.fixture
def context(db, dialogs, ui_settings, today, qapp):
    from accountdesk.ui.kit.context import make_context
    from accountdesk.ui.kit.language import set_interface_language

    set_interface_language("en")
    return make_context(db, synchronous=True, dialogs=dialogs, settings=ui_settings, today=lambda: today)


@pytest.fixture
def wizard(context, qtbot):
    from accountdesk.ui.imports.wizard import ImportWizard

    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot, wizard, which=QWizard.WizardButton.NextButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} cannot be clicked on {wizard.currentPage().title()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def live_customers(db) -> list[dict]:
    columns = (Customer.name, Customer.phone, Customer.email, Customer.source, Customer.cooperation_since,
               Customer.custom_fields)
    with db.session() as session:
        rows = session.execute(select(*columns).where(Customer.deleted_at.is_(None)).order_by(Customer.id))
        return [dict(row._mapping) for row in rows]


def choose_file(qtbot, wizard, dialogs, path) -> None:
    dialogs.files.append(path)
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.path_edit.text() == str(path)


def test_wizard_imports_a_messy_sheet_and_reports_the_bad_row(wizard, qtbot, dialogs, db, tmp_path):
    path = messy_customers(tmp_path / "重点客户.xlsx")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet
    choose_file(qtbot, wizard, dialogs, path)
    click(qtbot, wizard)

    # Mapping: the header sits below a title row and spans two merged rows.
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert mapping.header_row.value() == 3
    assert mapping.combo_for("A").currentData() == "name"
    assert mapping.combo_for("B").currentData() == "phone"
    assert mapping.combo_for("D").currentData() == "cooperation_since"
    assert "13800138000" in mapping.table.item(1, 2).text()  # a phone stored as a number, shown whole
    click(qtbot, wizard)

    # Preview: counts at the top, the duplicate and the bad row explained.
    preview = wizard.preview_page
    assert preview.chips["new"].text() == "New: 5"
    assert preview.chips["duplicate"].text() == "Duplicates skipped: 1"
    assert preview.chips["error"].text() == "Errors: 1"
    model = preview.model
    by_row = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    bad = by_row[BAD_ROW]
    assert model.index(bad, 1).data() == "Error, not imported"
    assert "D (合作开始日期)" in model.index(bad, 2).data() and "2024/13/45" in model.index(bad, 2).data()
    assert model.index(by_row[DUPLICATE_ROW], 1).data() == "Duplicate, skipped"
    assert "row 4" in model.index(by_row[DUPLICATE_ROW], 2).data()
    assert live_customers(db) == []  # the preview writes nothing
    assert wizard.button(QWizard.WizardButton.CommitButton).text().replace("&", "") == "Import"
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)

    # Run: the import ran in the task runner and reports what it did.
    run = wizard.run_page
    assert wizard.currentPage() is run
    assert run.stage.text() == "Import finished"
    assert run.bar.value() == run.bar.maximum()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # written: only undo takes it back
    click(qtbot, wizard)

    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert {key: value.text() for key, (value, _caption) in summary.figures.items()} == {
        "created": "5", "updated": "0", "skipped": "1", "rejected": "1"}
    assert summary.problems.item(0, 0).text() == str(BAD_ROW)
    assert summary.problems.item(0, 1).text() == "D (合作开始日期)"
    assert "not a valid date" in summary.problems.item(0, 2).text()

    customers = live_customers(db)
    assert sorted(c['name'] for c in customers) == sorted(GOOD_NAMES)
    phones = {c['name']: c['phone'] for c in customers}
    assert phones[GOOD_NAMES[0]] == "13800138000"
    assert phones[GOOD_NAMES[3]] == "13800138003"
    assert {c['cooperation_since'].isoformat() for c in customers} == {"2024-01-05"}

    # The rejected row goes to a workbook the manager can fix and import again.
    errors = tmp_path / "rejected.xlsx"
    dialogs.files.append(errors)
    qtbot.mouseClick(summary.save_errors_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(errors).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == BAD_ROW and "2024/13/45" in rows[1][1]

    # Undo from the summary, after saying yes.
    dialogs.answers.append(True)
    qtbot.mouseClick(summary.undo_button, Qt.MouseButton.LeftButton)
    assert dialogs.messages("ask")[-1].title == "Undo import"
    assert live_customers(db) == []
    assert not summary.undo_button.isEnabled()


def test_a_changed_mapping_is_used_and_remembered_for_the_same_layout(context, wizard, qtbot, dialogs, db, tmp_path):
    from accountdesk.ui.imports.wizard import ImportWizard

    path = messy_customers(tmp_path / "customers.xlsx")
    choose_file(qtbot, wizard, dialogs, path)
    click(qtbot, wizard)
    mapping = wizard.mapping_page
    email = mapping.combo_for("C")
    email.setCurrentIndex(0)  # "— not imported —"
    notes = mapping.combo_for("F")
    notes.setCurrentIndex(notes.findData("source"))  # the remarks column holds where the customer came from
    click(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    click(qtbot, wizard)
    customers = {c['name']: c for c in live_customers(db)}
    assert customers[GOOD_NAMES[0]]['email'] is None
    assert customers[GOOD_NAMES[4]]['source'] == "老客户"

    again = ImportWizard(context)
    qtbot.addWidget(again)
    again.show()
    choose_file(qtbot, again, dialogs, messy_customers(tmp_path / "next-month.xlsx"))
    click(qtbot, again)
    assert again.mapping_page.combo_for("C").currentData() is None
    assert again.mapping_page.combo_for("F").currentData() == "source"


def test_a_column_with_no_field_is_kept_as_a_custom_field_unless_skipped(wizard, qtbot, dialogs, db, tmp_path):
    from excel_corpus import write_xlsx

    path = write_xlsx(tmp_path / "c.xlsx", [["客户名称", "手机", "客户爱好", "内部编号"],
                                            ["甲公司", "13800138000", "打高尔夫", "X-17"]])
    choose_file(qtbot, wizard, dialogs, path)
    click(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.combo_for("C").currentText() == "Keep as a custom field"
    mapping.combo_for("D").setCurrentIndex(0)  # "— not imported —"
    click(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    click(qtbot, wizard)
    customers = {c['name']: c for c in live_customers(db)}
    assert customers["甲公司"]["custom_fields"] == {"客户爱好": "打高尔夫"}


def test_choosing_the_field_another_column_has_moves_it(wizard, qtbot, dialogs, tmp_path):
    choose_file(qtbot, wizard, dialogs, messy_customers(tmp_path / "c.xlsx"))
    click(qtbot, wizard)
    mapping = wizard.mapping_page
    email = mapping.combo_for("C")
    email.setCurrentIndex(email.findData("phone"))
    assert mapping.combo_for("B").currentData() is None
    assert mapping.chosen_columns()["phone"] == 2
    for letter in "ABCDEF":
        mapping.combo_for(letter).setCurrentIndex(0)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "No column is imported" in mapping.warning.text()


def test_cancel_during_the_run_writes_nothing(wizard, qtbot, dialogs, db, tmp_path):
    choose_file(qtbot, wizard, dialogs, messy_customers(tmp_path / "c.xlsx"))
    click(qtbot, wizard)
    click(qtbot, wizard)
    run = wizard.run_page
    # The first time, the manager presses Cancel as soon as the progress bar moves.
    presses = [1]

    def press_cancel(*_progress) -> None:
        if presses and run.cancel_button.isEnabled():
            presses.pop()
            qtbot.mouseClick(run.cancel_button, Qt.MouseButton.LeftButton)

    run.bar.valueChanged.connect(press_cancel)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert run.stage.text() == "Import cancelled"
    assert "Nothing was written" in run.result.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert live_customers(db) == []
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0

    # Back to the preview, and this time the import goes through.
    qtbot.mouseClick(run.back_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert run.stage.text() == "Import finished"
    assert len(live_customers(db)) == 5


def test_an_unreadable_file_is_explained_on_the_mapping_page(wizard, qtbot, tmp_path):
    fake = tmp_path / "report.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a sheet")
    qtbot.keyClicks(wizard.file_page.path_edit, str(fake))
    click(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    assert "report.xlsx" in wizard.mapping_page.status.text()
    assert "not a spreadsheet" in wizard.mapping_page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
