"""Team use in the window: a colleague's save shows up, who else is here is named, the file's place is
explained once, a diverged copy is merged, and a busy database waits instead of freezing."""

from __future__ import annotations

import pytest

from accountdesk.core import archive, team
from accountdesk.core.db import open_database
from accountdesk.ui.customers.model import column_index
from accountdesk.ui.team import start_team_for


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
    from accountdesk.core import db, location

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
    from accountdesk.core import location
    from accountdesk.ui.team_location import show_location_warnings

    sqlite_db.location_warnings = [location._sync_warning("Dropbox")]
    window = make_window(sqlite_db)
    dialogs.answers.append(0)  # OK
    show_location_warnings(window)
    (question,) = dialogs.messages("choose")
    assert question.title == "The database is in a sync folder" and "Dropbox" in question.text
    assert not team.is_shared(sqlite_db.path)
