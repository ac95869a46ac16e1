"""Opening databases from the application: errors explained, read-only said, recent files kept."""

from __future__ import annotations

import shutil
import sqlite3

import pytest


@pytest.fixture
def controller(dialogs, ui_settings, qtbot):
    from accountdesk.ui.app import AppController

    controller = AppController(ui_settings, "tester", dialogs, synchronous=True)
    yield controller
    if controller.window is not None:
        controller.window.close()
    controller.shutdown()


def test_opening_a_database_shows_the_window_and_remembers_it(controller, sqlite_template, tmp_path, ui_settings):
    path = tmp_path / "team.accountdesk"
    shutil.copyfile(sqlite_template, path)
    controller.open(path)
    assert controller.window is not None and controller.window.isVisible()
    assert controller.window.database_label.text() == "Database: team.accountdesk"
    assert ui_settings.recent_databases() == [str(path)]


def test_a_file_that_is_not_ours_is_refused_with_a_clear_message(controller, tmp_path, dialogs):
    path = tmp_path / "notes.accountdesk"
    path.write_text("shopping list", encoding="utf-8")
    before = path.read_bytes()
    dialogs.answers.append(None)  # the user closes the question: the app quits
    controller.open(path)
    (question,) = dialogs.messages("choose")
    assert question.title == "Cannot open the database"
    assert "not an AccountDesk database" in question.text
    assert controller.window is None
    assert path.read_bytes() == before


def test_a_newer_schema_opens_read_only_and_says_so(controller, sqlite_template, tmp_path, dialogs):
    path = tmp_path / "future.accountdesk"
    shutil.copyfile(sqlite_template, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    connection.commit()
    connection.close()
    controller.open(path)
    (warning,) = dialogs.messages("warn")
    assert warning.title == "Opened read-only"
    assert "read-only" in warning.text
    window = controller.window
    assert window.mode_label.text() == "Mode: local, read-only"
    assert not window.actions_["new_customer"].isEnabled()


def test_switching_to_another_database_replaces_the_window(controller, sqlite_template, tmp_path, dialogs):
    first, second = tmp_path / "a.accountdesk", tmp_path / "b.accountdesk"
    shutil.copyfile(sqlite_template, first)
    controller.open(first)
    old = controller.window
    dialogs.files.append(second)  # a new database file
    old.actions_["new_database"].trigger()
    assert controller.window is not old
    assert controller.window.database_label.text() == "Database: b.accountdesk"
    assert second.exists()


def test_restore_from_backup_brings_back_the_earlier_database(controller, sqlite_template, tmp_path, dialogs):
    from accountdesk.core.archive import records as archive
    from accountdesk.core.team.backup import backup_database

    path = tmp_path / "office.accountdesk"
    shutil.copyfile(sqlite_template, path)
    controller.open(path)
    database = controller.database
    with database.write() as session:
        archive.create_customer(session, {"name": "保留客户"})
    backup = backup_database(database, tmp_path / "backups")
    with database.write() as session:
        archive.create_customer(session, {"name": "备份后新增"})
    dialogs.files.append(backup)
    dialogs.answers.append(True)  # yes, replace it
    controller.window.actions_["restore"].trigger()
    assert dialogs.messages("info")[-1].title == "Restored"
    page = controller.window.show_page("customers")
    assert page.model.rowCount() == 1
    assert page.model.cached_row(page.model.customer_id(0)).name == "保留客户"


def _damaged_copy_with_a_backup(sqlite_template, tmp_path):
    """A book with customers and their contacts, its verified backup, then leaf pages of the contacts
    overwritten (a bad sector): the book opens, the damage is found by the quick check."""
    from accountdesk.core.archive import records as archive
    from accountdesk.core.storage.database import open_database
    from accountdesk.core.team.backup import backup_database

    path = tmp_path / "office.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="t")
    with database.write() as session:
        for n in range(40):
            customer = archive.create_customer(session, {"name": f"客户{n}"})
            for k in range(10):
                archive.add_contact(session, customer.id, {"name": f"联系人{n}-{k}", "phone": "13800138000"})
    backup = backup_database(database, label="daily")
    database.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name='contacts' AND pagetype='leaf' ORDER BY pageno")]
    size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        for page in pages[len(pages) // 2: len(pages) // 2 + 2]:
            handle.seek((page - 1) * size)
            handle.write(b"\xfe" * size)
    return path, backup


def test_a_damaged_database_offers_its_newest_verified_backup(controller, sqlite_template, tmp_path, dialogs):
    path, backup = _damaged_copy_with_a_backup(sqlite_template, tmp_path)
    dialogs.answers.append(0)  # restore the newest verified backup
    controller.open(path)
    question = dialogs.messages("choose")[0]
    assert question.title == "The database is damaged"
    assert "damaged" in question.text and backup.name in question.text
    assert dialogs.messages("info")[-1].title == "Restored"
    page = controller.window.show_page("customers")
    assert page.model.rowCount() == 40


def test_a_damaged_database_can_stay_open_read_only_for_export(controller, sqlite_template, tmp_path, dialogs):
    path, _backup = _damaged_copy_with_a_backup(sqlite_template, tmp_path)
    before = path.read_bytes()
    dialogs.answers.append(1)  # keep it open read-only
    controller.open(path)
    assert controller.database.read_only and controller.window is not None
    assert not controller.window.actions_["new_customer"].isEnabled()
    controller.window.close()
    controller.shutdown()
    assert path.read_bytes() == before
