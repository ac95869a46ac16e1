"""Team use in the window: a colleague's save shows up, who else is here is named, the file's place is
explained once, a diverged copy is merged, and a busy database waits instead of freezing."""

from __future__ import annotations

import pytest

from accountdesk.core.archive import records as archive
from accountdesk.core.storage.database import open_database
from accountdesk.core.team import presence as team
from accountdesk.ui.customers.model import column_index
from accountdesk.ui.team.watch import start_team_for


def add_customer(database, name: str, **fields) -> int:
    with database.write() as session:
        return archive.create_customer(session, {"name": name, **fields}).id


def shown_names(page) -> list[str]:
    column = column_index("name")
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


@pytest.fixture
def colleague(sqlite_db):
    """A second program on the same file, as a colleague on another computer would be."""
    other = open_database(sqlite_db.path, user="lisi")
    yield other
    other.dispose()


# --- live refresh ---------------------------------------------------------------------------


def test_a_colleagues_rename_appears_in_the_open_list_and_detail(make_window, sqlite_db, colleague, qtbot):
    customer_id = add_customer(sqlite_db, "恒通机电")
    add_customer(sqlite_db, "李四科技")
    window = make_window(sqlite_db)
    page = window.customers_page()
    watch = start_team_for(window, poll_ms=50)
    assert "恒通机电" in shown_names(page)

    with colleague.write() as session:
        archive.update_customer(session, customer_id, {"name": "恒通机电集团"})

    qtbot.waitUntil(lambda: "恒通机电集团" in shown_names(page), timeout=5000)
    assert "恒通机电" not in shown_names(page)

    page.open_customer(customer_id)
    with colleague.write() as session:
        archive.update_customer(session, customer_id, {"phone": "0512-66778899"})
    form = page.detail.tabs.widget(0)
    qtbot.waitUntil(lambda: form.widgets["phone"].text() == "0512-66778899", timeout=5000)
    watch.stop()


def test_my_own_save_is_not_reported_as_a_colleagues(make_window, sqlite_db, qtbot):
    from accountdesk.core.changes import Changes

    customer_id = add_customer(sqlite_db, "恒通机电")
    window = make_window(sqlite_db)
    watch = start_team_for(window, poll_ms=30)
    seen: list[Changes] = []
    window.context.hub.operation_did_execute.connect(lambda changes, _initiator: seen.append(changes))
    window.context.operations.mutate(lambda s: archive.update_customer(s, customer_id, {"name": "恒通"}))
    qtbot.wait(300)  # several polls
    assert seen and not any(changes.everything for changes in seen)
    watch.stop()


def test_a_form_being_edited_keeps_the_typing_when_a_colleague_saves(make_window, sqlite_db, colleague, qtbot,
                                                                      type_text):
    customer_id = add_customer(sqlite_db, "恒通机电")
    other_id = add_customer(sqlite_db, "李四科技")
    window = make_window(sqlite_db)
    page = window.customers_page()
    page.open_customer(customer_id)
    form = page.detail.tabs.widget(0)
    watch = start_team_for(window, poll_ms=30)
    type_text(form.widgets["phone"], "138")
    with colleague.write() as session:
        archive.update_customer(session, other_id, {"name": "李四"})
    qtbot.waitUntil(lambda: "李四" in shown_names(page), timeout=5000)
    assert form.widgets["phone"].text() == "138"
    watch.stop()


# --- presence -------------------------------------------------------------------------------


def test_a_colleague_with_the_file_open_is_named_in_the_status_bar(make_window, sqlite_db, colleague, qtbot):
    window = make_window(sqlite_db)
    watch = start_team_for(window, poll_ms=50)
    assert watch.session_uid is not None  # we announced ourselves
    assert not watch.label.isVisible()  # alone so far

    their_uid = team.register_presence(colleague, machine="FINANCE-PC")
    watch.heartbeat()
    qtbot.waitUntil(lambda: "lisi (FINANCE-PC" in watch.label.text(), timeout=3000)
    assert watch.label.isVisible() and watch.label.text().startswith("Also working here:")
    assert "tester" not in watch.label.text()  # ourselves are not listed

    team.leave(colleague, their_uid)
    watch.heartbeat()
    qtbot.waitUntil(lambda: not watch.label.isVisible(), timeout=3000)

    with sqlite_db.session() as session:
        assert [p.user for p in team.others_present(session, None, team.utcnow())] == ["tester"]
    window.close()  # leaving: our own entry goes
    with sqlite_db.session() as session:
        assert team.others_present(session, None, team.utcnow()) == []


# --- where the file lives -------------------------------------------------------------------


@pytest.fixture
def controller(dialogs, ui_settings, qtbot):
    from accountdesk.ui.app import AppController

    controller = AppController(ui_settings, "tester", dialogs, synchronous=True)
    yield controller
    if controller.window is not None:
        controller.window.close()
    controller.shutdown()


@pytest.fixture
def on_a_network_drive(monkeypatch):
    """Every file seems to be on a team share: the warning stands until the file is in shared mode."""
    from accountdesk.core.storage import database as db
    from accountdesk.core.team import location

    def fake(path, *, shared=None, **_facts):
        return [] if shared else [location._network_warning("cifs //server/team at /mnt/team")]

    monkeypatch.setattr(db, "location_warnings", fake)


@pytest.fixture
def team_file(sqlite_template, tmp_path):
    import shutil

    path = tmp_path / "team.accountdesk"
    shutil.copyfile(sqlite_template, path)
    return path


def test_a_file_on_a_network_drive_is_explained_once_and_switched_to_shared(
        controller, team_file, dialogs, on_a_network_drive):
    dialogs.answers.append(0)  # "Switch to shared mode now"
    controller.open(team_file)

    (question,) = dialogs.messages("choose")
    assert question.title == "The database is on a network drive"
    assert "cifs //server/team at /mnt/team" in question.text and "not marked for team use" in question.text
    assert team.is_shared(team_file)  # our own presence did not count as "someone else"
    assert dialogs.messages("info")[-1].text == "Done. AccountDesk opens the database again now."
    # Reopened in shared mode: nothing more to say, and we are announced again.
    assert controller.database.shared and controller.window.mode_label.text() == "Mode: shared"
    assert controller.window.team.session_uid is not None
    assert len(dialogs.messages("choose")) == 1


def test_dont_show_again_is_remembered_for_this_file(controller, team_file, dialogs, on_a_network_drive, ui_settings):
    dialogs.answers.append(2)  # "Don't show again for this file"
    controller.open(team_file)
    assert len(dialogs.messages("choose")) == 1 and not team.is_shared(team_file)

    controller.open(team_file)  # the next day
    assert len(dialogs.messages("choose")) == 1

    dialogs.answers.append(1)  # another file on the share: asked, "Not now"
    other = team_file.with_name("other.accountdesk")
    other.write_bytes(team_file.read_bytes())
    controller.open(other)
    assert len(dialogs.messages("choose")) == 2 and not team.is_shared(other)


def test_a_sync_folder_is_a_warning_without_a_switch(make_window, sqlite_db, dialogs):
    from accountdesk.core.team import location
    from accountdesk.ui.team.location import show_location_warnings

    sqlite_db.location_warnings = [location._sync_warning("Dropbox")]
    window = make_window(sqlite_db)
    dialogs.answers.append(0)  # OK
    show_location_warnings(window)
    (question,) = dialogs.messages("choose")
    assert question.title == "The database is in a sync folder" and "Dropbox" in question.text
    assert not team.is_shared(sqlite_db.path)


# --- merging a diverged copy ----------------------------------------------------------------


def diverged_copy(database, tmp_path):
    """A copy as a sync tool would leave it beside the original, opened as a colleague's."""
    from accountdesk.core.team.backup import backup_database

    copy = backup_database(database, tmp_path / "copies", label="copy")
    other_path = tmp_path / "crm (conflicted copy).accountdesk"
    copy.replace(other_path)
    return open_database(other_path, user="lisi")


def customer_values(database, customer_id: int) -> dict:
    with database.session() as session:
        row = archive.get_customer(session, customer_id)
        return {"name": row.name, "phone": row.phone, "notes": row.notes}


def test_merging_a_diverged_copy_brings_their_edit_and_lists_the_both_sides_one(
        make_window, sqlite_db, dialogs, tmp_path, qtbot):
    from PySide6.QtCore import Qt

    first = add_customer(sqlite_db, "甲公司", code="C1", phone="13800000000")
    second = add_customer(sqlite_db, "乙公司", code="C2")
    other = diverged_copy(sqlite_db, tmp_path)
    with sqlite_db.write() as session:
        archive.update_customer(session, second, {"notes": "我方备注"})
    with other.write() as session:
        archive.update_customer(session, first, {"phone": "13911112222"})  # only they changed it
        archive.update_customer(session, second, {"notes": "对方备注"})  # both: theirs is newer
    other_path = other.path
    other.dispose()
    before = other_path.read_bytes()

    window = make_window(sqlite_db)
    page = window.customers_page()
    dialogs.files.append(other_path)
    window.actions_["merge"].trigger()

    dialog = window.merge_command.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Merge another copy"
    assert ["Customers", "—", "2", "—"] in dialog.count_rows()
    assert customer_values(sqlite_db, first)["phone"] == "13800000000"  # a preview writes nothing
    [review] = dialog.review_rows()
    assert review == ["Customer “乙公司”", "Notes", "我方备注", "对方备注", "The other copy", "changed on both sides"]

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert customer_values(sqlite_db, first)["phone"] == "13911112222"
    assert customer_values(sqlite_db, second)["notes"] == "对方备注"
    result = window.merge_command.dialog
    assert result is not dialog and result.windowTitle() == "Merged"
    assert "A backup was made first" in result.heading.text()
    assert result.review_rows() == [review]
    page.open_customer(first)  # the open views were told: the detail shows the merged phone
    assert page.detail.tabs.widget(0).widgets["phone"].text() == "13911112222"
    assert other_path.read_bytes() == before  # the other file is never changed

    result.close()
    dialogs.files.append(other_path)  # merging again: nothing new
    window.actions_["merge"].trigger()
    assert dialogs.messages("info")[-1].text.endswith("there is nothing to merge.")


def test_merge_is_refused_on_a_read_only_database(make_window, sqlite_db, dialogs):
    from accountdesk.core.i18n import AccountDeskError

    sqlite_db.read_only = True
    sqlite_db.read_only_reason = AccountDeskError("只读", "The file is read-only.")
    window = make_window(sqlite_db)
    window.actions_["merge"].trigger()
    (warning,) = dialogs.messages("warn")
    assert "open read-only" in warning.text and "cannot be done now" in warning.text
    assert window.merge_command.dialog is None


# --- a busy database ------------------------------------------------------------------------


@pytest.fixture
def threaded_window(qtbot, dialogs, ui_settings, today):
    """A main window whose work really runs on the worker threads, as in the application."""
    from accountdesk.ui.main_window import create_main_window

    windows = []

    def make(database):
        window = create_main_window(database, synchronous=False, dialogs=dialogs, settings=ui_settings,
                                    today=lambda: today, language="en")
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.context.runner.shutdown(wait=True)


def hold_write_lock(path):
    """Another program in the middle of a save: the file's write lock taken and kept."""
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None, timeout=5)
    connection.execute("BEGIN IMMEDIATE")
    return connection


def test_a_save_waits_for_a_colleagues_lock_without_freezing_the_window(threaded_window, sqlite_db, qtbot, type_text):
    from PySide6.QtCore import Qt, QTimer

    customer_id = add_customer(sqlite_db, "恒通机电")
    window = threaded_window(sqlite_db)
    page = window.customers_page()
    page.open_customer(customer_id)
    form = page.detail.tabs.widget(0)
    qtbot.waitUntil(lambda: form.widgets["phone"].isEnabled())
    type_text(form.widgets["phone"], "0512-66778899")

    lock = hold_write_lock(sqlite_db.path)
    events: list[str] = []

    def release() -> None:
        # Runs on the GUI thread: it can only happen if the window keeps processing events.
        events.append("released while saving" if window.context.runner.busy else "released after")
        lock.execute("COMMIT")
        lock.close()

    QTimer.singleShot(1000, release)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert window.context.runner.busy  # the save is waiting on the writer thread, not here
    qtbot.waitUntil(lambda: form.status.text() == "Saved.", timeout=20000)
    assert events == ["released while saving"]
    assert customer_values(sqlite_db, customer_id)["phone"] == "0512-66778899"


def test_a_save_that_cannot_get_the_lock_says_so_and_keeps_the_typing(
        threaded_window, sqlite_template, tmp_path, qtbot, type_text, dialogs, monkeypatch):
    import functools
    import shutil

    from PySide6.QtCore import Qt

    from accountdesk.core.storage import database as db
    from accountdesk.core.team import conflicts
    from accountdesk.ui.kit import operations

    # Short waits so the test gives up quickly; the application waits 15 s per try, five tries.
    monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 0.1)
    monkeypatch.setattr(operations, "run_with_retry",
                        functools.partial(conflicts.run_with_retry, attempts=2, first_delay=0.05))
    path = tmp_path / "busy.accountdesk"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path, user="tester")
    customer_id = add_customer(database, "恒通机电")
    window = threaded_window(database)
    page = window.customers_page()
    page.open_customer(customer_id)
    form = page.detail.tabs.widget(0)
    type_text(form.widgets["phone"], "0512")
    lock = hold_write_lock(path)
    try:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(dialogs.messages("error")), timeout=10000)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    (error,) = dialogs.messages("error")
    assert "kept busy by another user" in error.text and "not saved" in error.text
    assert form.widgets["phone"].text() == "0512" and form.save_button.isEnabled()  # nothing typed is lost
    window.context.runner.shutdown(wait=True)
    database.dispose()
