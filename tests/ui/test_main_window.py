"""The main window: navigation, placeholders, status bar, language switch, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from accountdesk.ui.navigation import PAGES


def nav_texts(window) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_navigation_lists_every_feature_and_shows_placeholders(window, qtbot):
    assert nav_texts(window) == ["Today", "Customers", "Tier board", "Revisit calendar", "Reminders", "Statistics",
                                 "Import / Export", "Settings"]
    assert window.current_page_key() == "today"  # where the app opens
    window.show_page("calendar")
    page = window.stack.currentWidget()
    assert window.current_page_key() == "calendar"
    if page.objectName().startswith("placeholder_"):
        assert page.title.text() == "Revisit calendar"


def test_page_shortcut_switches_page(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == PAGES[3].key


def test_status_bar_names_database_mode_user_and_reminders(window, db):
    assert window.database_label.text() == f"Database: {db.path.name}"
    assert window.mode_label.text() == "Mode: local"
    assert window.user_label.text() == "User: tester"
    assert window.reminders_button.text() == "Reminders: 0"
    window.context.hub.pending_reminders_changed.emit(3)
    assert window.reminders_button.text() == "Reminders: 3"


def test_switching_language_retranslates_visible_labels(window, ui_settings):
    window.actions_["language_zh"].trigger()
    assert nav_texts(window)[:3] == ["今日", "客户", "分级看板"]
    assert window.mode_label.text() == "模式：本地"
    assert window.file_menu.title() == "文件(&F)"
    assert ui_settings.language == "zh_CN"
    window.actions_["language_en"].trigger()
    assert nav_texts(window)[0] == "Today"
    assert ui_settings.language == "en"


def test_window_size_is_remembered(make_window, db, qtbot):
    first = make_window(db)
    first.resize(1111, 777)
    first.close()
    second = make_window(db)
    assert (second.width(), second.height()) == (1111, 777)


def test_backup_reports_the_verified_copy(window, dialogs):
    window.actions_["backup"].trigger()
    info = dialogs.messages("info")
    assert info and info[-1].title == "Backup"
    assert ".accountdesk" in info[-1].text


def test_open_database_asks_the_application_to_switch(window, dialogs, tmp_path, qtbot):
    other = tmp_path / "other.accountdesk"
    dialogs.files.append(other)
    with qtbot.waitSignal(window.database_switch_requested) as blocker:
        window.actions_["open_database"].trigger()
    assert blocker.args == [str(other)]


def test_every_interface_string_has_a_chinese_translation():
    from tools.translation_files import ts_path, unfinished

    assert unfinished("zh_CN") == []
    assert ts_path("zh_CN").with_suffix(".qm").exists()


def test_no_interface_string_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there stays English in the Chinese interface."""
    import ast
    from pathlib import Path

    from tools.translation_files import source_files

    hidden = []
    for path in source_files():
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        for text in (node for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)):
            # (A tr() of a variable is fine: its strings are marked where they are written.)
            hidden += [f"{path}:{call.lineno}" for call in ast.walk(text) if isinstance(call, ast.Call)
                       and getattr(call.func, "attr", getattr(call.func, "id", None)) in ("tr", "translate")
                       and any(isinstance(arg, ast.Constant) for arg in call.args)]
    assert hidden == []


def test_keyboard_shortcuts_reach_the_customer_page(window, qtbot):
    page = window.page("customers")
    window.show_page("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "customers"
    assert page.filters.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.active_dialog is not None and page.active_dialog.isVisible()
    assert page.active_dialog.windowTitle() == "New customer"


def test_the_status_bar_counts_waiting_reminders_when_the_window_opens(make_window, db, today):
    from datetime import timedelta

    from accountdesk.core.reminders.centre import add_custom_reminder

    with db.write() as s:
        add_custom_reminder(s, "给华东精密寄样品", today)
        add_custom_reminder(s, "下周的事", today + timedelta(days=7))
    window = make_window(db)  # no scheduler here: the count comes from the window itself
    assert window.reminders_button.text() == "Reminders: 1"
