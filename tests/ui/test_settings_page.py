"""The 设置 page, used like a manager would: tune the scoring model and watch the preview, edit tier
policies and reminders, set the name and language, look after the database and its backups."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from accountdesk.core.reminders.settings import load_reminder_settings
from accountdesk.core.tiering.policies import policy_for
from accountdesk.core.tiering.regrade import preview_model
from accountdesk.core.tiering.scoring import active_model
from accountdesk.ui.settings.scoring import COL_BANDS, COL_LABEL, COL_WEIGHT


@pytest.fixture
def sqlite_db(demo_db):
    """These pages are judged on a book with history: the shared demo copy (tests/conftest.py)."""
    return demo_db


@pytest.fixture
def settings_page(make_window, sqlite_db):
    window = make_window(sqlite_db)
    return window.show_page("settings")


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Double-click a cell, replace its text by typing, press Enter."""
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the text on its next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)


def click_radio(qtbot, button) -> None:
    """Click on the round indicator, as a person does (not the empty space right of the label)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def criterion_row(editor, label: str) -> int:
    return next(r for r in range(editor.criteria.rowCount()) if editor.criteria.item(r, COL_LABEL).text() == label)


def shown_counts(editor) -> dict[str, float]:
    return {bar.label: bar.value for bar in editor.preview_chart.bars()}


def wait_for_preview(qtbot, editor) -> None:
    qtbot.waitUntil(lambda: not editor._timer.isActive(), timeout=3000)


def test_editing_a_weight_updates_the_preview_counts(settings_page, sqlite_db, qtbot, today):
    editor = settings_page.show_section("scoring")
    with sqlite_db.session() as session:
        definition = dict(active_model(session).definition)
    now = shown_counts(editor)
    assert sum(now.values()) == 120
    assert editor.preview_status.text().startswith("120 customers graded; 0 would change tier")

    edit_cell(qtbot, editor.criteria, criterion_row(editor, "Purchase frequency"), COL_WEIGHT, "0")
    assert editor.preview_status.text() == "Previewing…"  # waits for the typing to pause
    wait_for_preview(qtbot, editor)

    definition["criteria"] = [dict(c, weight=0) if c["key"] == "frequency" else c for c in definition["criteria"]]
    with sqlite_db.session() as session:
        expected = preview_model(session, definition, today)
    assert shown_counts(editor) == {f"Tier {tier}": n for tier, n in expected.counts.items()}
    assert shown_counts(editor) != now  # frequency matters in the demo data
    moved = len(expected.changes)
    assert editor.preview_status.text().startswith(f"120 customers graded; {moved} would change tier")
    assert sum(editor.migration.count(old, new) for old in ("A", "B", "C") for new in ("A", "B", "C")
               if old != new) == moved


def test_a_band_that_cannot_be_read_is_named_instead_of_previewed(settings_page, qtbot):
    editor = settings_page.show_section("scoring")
    edit_cell(qtbot, editor.criteria, criterion_row(editor, "Spend"), COL_BANDS, "lots -> 100")
    wait_for_preview(qtbot, editor)
    assert editor.preview_status.text().startswith("criterion 2: band 1 'lots -> 100' is not understood")


def test_save_as_a_new_model_and_activate_it(settings_page, sqlite_db, dialogs, qtbot, type_text):
    editor = settings_page.show_section("scoring")
    editor.thresholds_edit.selectAll()
    type_text(editor.thresholds_edit, "70, 40")
    dialogs.answers.append("宽松评分表")  # the new model's name
    qtbot.mouseClick(editor.save_new_button, Qt.MouseButton.LeftButton)
    assert editor.model_combo.currentText().startswith("宽松评分表")
    assert editor.activate_button.isEnabled()
    dialogs.answers.append(False)  # re-grade now? not yet
    qtbot.mouseClick(editor.activate_button, Qt.MouseButton.LeftButton)
    with sqlite_db.session() as session:
        model = active_model(session)
        assert model.name == "宽松评分表"
        assert model.definition["grading"]["thresholds"] == [70, 40]
    assert editor.model_combo.currentText().endswith("✓")
    assert not editor.activate_button.isEnabled()


def test_a_tier_policy_edit_is_saved(settings_page, sqlite_db, dialogs, qtbot):
    policies = settings_page.show_section("policies")
    row = policies.tiers().index("A")
    edit_cell(qtbot, policies.table, row, 0, "21")
    edit_cell(qtbot, policies.table, row, 5, "Quarterly business review")
    with sqlite_db.session() as session:
        policy = policy_for(session, "A")
    assert policy.revisit_interval_days == 21
    assert policy.action_plan == "Quarterly business review"

    edit_cell(qtbot, policies.table, row, 0, "often")
    assert dialogs.messages("warn")[-1].text.startswith("the revisit interval must be a whole number")
    assert policies.table.item(row, 0).text() == "21"  # the stored value is back


def test_a_tier_policy_channel_is_saved(settings_page, sqlite_db):
    policies = settings_page.show_section("policies")
    combo = policies.table.cellWidget(policies.tiers().index("B"), 1)
    combo.setCurrentIndex(combo.findData("wechat"))
    with sqlite_db.session() as session:
        assert policy_for(session, "B").channel == "wechat"


def test_a_stage_policy_beside_the_tier_policies_is_saved_and_plans_follow_it(settings_page, sqlite_db, dialogs,
                                                                                qtbot):
    from accountdesk.core.revisits.plans import load_cadence
    from accountdesk.core.storage.models import LIFECYCLE_STAGES
    from accountdesk.core.tiering.stage_policies import load_stage_policies

    policies = settings_page.show_section("policies")
    row = LIFECYCLE_STAGES.index("loyal")
    assert policies.stage_table.verticalHeaderItem(row).text() == "Loyal"
    assert policies.stage_table.item(row, 0).text() == ""  # the tier's interval until one is set
    edit_cell(qtbot, policies.stage_table, row, 0, "20")
    edit_cell(qtbot, policies.stage_table, row, 2, "Birthday gift and priority service")
    policies.stage_table.cellWidget(row, 1).setCurrentIndex(policies.stage_table.cellWidget(row, 1).findData("visit"))
    with sqlite_db.session() as session:
        loyal = load_stage_policies(session)["loyal"]
        assert (loyal.interval_days, loyal.channel, loyal.action) == (20, "visit", "Birthday gift and priority service")
        cadence = load_cadence(session)
        assert cadence.interval("C", "loyal") == 20 and cadence.channel("C", "loyal") == "visit"
    edit_cell(qtbot, policies.stage_table, row, 0, "weekly")
    assert dialogs.messages("warn")[-1].text.startswith("the revisit interval is a whole number")
    assert policies.stage_table.item(row, 0).text() == "20"  # the stored value is back
    if os.environ.get("ACCOUNTDESK_SHOTS"):
        settings_page.window().grab().save(os.path.join(os.environ["ACCOUNTDESK_SHOTS"], "stage_policies.png"))


def test_reminder_lead_times_festivals_and_own_days_are_saved(settings_page, sqlite_db, qtbot, type_text):
    reminders = settings_page.show_section("reminders")
    reminders.lead_spins["birthday"].setValue(5)
    reminders.silence_spins["A"].setValue(30)
    festivals = reminders.festival_list
    qixi = next(festivals.item(r) for r in range(festivals.count()) if festivals.item(r).data(Qt.ItemDataRole.UserRole) == "qixi")
    qixi.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(reminders.add_day_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, reminders.custom_table, 0, 0, "Trade fair")
    reminders.custom_table.cellWidget(0, 1).setValue(4)
    reminders.custom_table.cellWidget(0, 2).setValue(15)
    qtbot.mouseClick(reminders.save_button, Qt.MouseButton.LeftButton)
    with sqlite_db.session() as session:
        stored = load_reminder_settings(session)
    assert stored.lead("birthday") == 5
    assert stored.churn.silence_for("A") == 30
    assert "qixi" in stored.festivals
    assert [(d.name_en, d.month, d.day, d.calendar) for d in stored.custom_days] == [("Trade fair", 4, 15, "solar")]


def test_switching_the_language_relabels_the_page(settings_page, ui_settings, qtbot):
    general = settings_page.show_section("general")
    assert settings_page.title.text() == "Settings"
    click_radio(qtbot, general.language_buttons["zh_CN"])
    assert ui_settings.language == "zh_CN"
    assert settings_page.title.text() == "设置"
    assert settings_page.tabs.tabText(0) == "评分表"
    assert settings_page.scoring.criteria.horizontalHeaderItem(COL_WEIGHT).text() == "权重"
    click_radio(qtbot, general.language_buttons["en"])
    assert settings_page.title.text() == "Settings"
    assert ui_settings.language == "en"


def test_your_name_signs_the_changes_from_now_on(settings_page, sqlite_db, ui_settings, qtbot, type_text):
    from accountdesk.core.archive.records import list_users

    general = settings_page.show_section("general")
    assert general.user_edit.text() == "tester"
    general.user_edit.clear()
    type_text(general.user_edit, "王经理")
    qtbot.mouseClick(general.user_save, Qt.MouseButton.LeftButton)
    assert sqlite_db.user == "王经理"
    assert ui_settings.value("user/name") == "王经理"
    with sqlite_db.session() as session:
        assert "王经理" in [u.name for u in list_users(session)]


def test_database_section_backs_up_and_asks_to_restore(settings_page, sqlite_db, dialogs, qtbot):
    database = settings_page.show_section("database")
    assert database.location_value.text() == str(sqlite_db.path)
    assert database.mode_value.text() == "Local (one user on this computer)"
    before = database.backup_table.rowCount()
    qtbot.mouseClick(database.backup_button, Qt.MouseButton.LeftButton)
    assert database.backup_table.rowCount() == before + 1
    database.backup_table.selectRow(0)
    assert database.restore_button.isEnabled()
    dialogs.answers.append(True)
    window = settings_page.window()
    with qtbot.waitSignal(window.restore_requested) as blocker:
        qtbot.mouseClick(database.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == database.facts.backups[0].path


def test_switching_to_shared_mode_explains_then_reopens(settings_page, sqlite_db, dialogs, qtbot):
    from accountdesk.core.team.presence import is_shared

    database = settings_page.show_section("database")
    assert "network drive" in database.mode_explanation.text()
    dialogs.answers.append(True)
    window = settings_page.window()
    with qtbot.waitSignal(window.database_switch_requested) as blocker:
        qtbot.mouseClick(database.switch_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(sqlite_db.path)]
    assert is_shared(sqlite_db.path)
    assert "network drive" in dialogs.messages("ask")[-1].text


def test_location_warnings_are_shown(make_window, sqlite_db):
    from accountdesk.core.i18n import Message
    from accountdesk.core.team.location import LocationWarning

    sqlite_db.location_warnings = [LocationWarning("sync", "Dropbox", Message("在同步文件夹中", "in a Dropbox folder"))]
    window = make_window(sqlite_db)
    database = window.show_page("settings").show_section("database")
    assert database.warnings.text() == "⚠ in a Dropbox folder"
