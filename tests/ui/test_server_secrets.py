"""A server password never lands in a file of ours: not the settings, the recent list, the window, the log."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from fake_pg_server import FakePostgres

POSTGRES_URL = os.environ.get("ACCOUNTDESK_TEST_DATABASE_URL")
GOOD = "Mgr-Pass#2026"
WRONG = "Wrong-Pass#2027"


@pytest.fixture
def server_login():
    """A login role with a password owning a fresh database (the test server trusts 127.0.0.1, so the
    password is carried everywhere a real one would be, and checked only by the fake server)."""
    if not POSTGRES_URL:
        pytest.skip("needs a PostgreSQL server (ACCOUNTDESK_TEST_DATABASE_URL)")
    from sqlalchemy import create_engine, text

    suffix = uuid.uuid4().hex[:8]
    role, name = f"owner_mgr_{suffix}", f"accountdesk_s_{suffix}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{GOOD}'"))
        connection.execute(text(f'CREATE DATABASE "{name}" OWNER "{role}"'))
    yield role, name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def _files_holding(folder: Path, secrets: list[str]) -> list[str]:
    forms = {form.encode() for secret in secrets for form in (secret, quote(secret, safe=""), quote(secret))}
    return [str(path) for path in folder.rglob("*") if path.is_file()
            and any(form in path.read_bytes() for form in forms)]


def test_a_session_with_a_password_leaves_it_in_no_file(server_login, dialogs, qtbot, capsys, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from accountdesk.cli.entry import main
    from accountdesk.crashlog import log_path
    from accountdesk.paths import data_dir
    from accountdesk.ui.app import AppController
    from accountdesk.ui.kit.preferences import AppSettings
    from accountdesk.ui.team.connect_dialog import ConnectDialog

    role, name = server_login
    good_url = f"postgresql://{role}:{quote(GOOD, safe='')}@127.0.0.1/{name}"
    fake = FakePostgres()
    wrong_url = f"postgresql://{role}:{quote(WRONG, safe='')}@127.0.0.1:{fake.port}/{name}"
    try:
        # The command line: the schema is created with the password in the URL …
        assert main(["migrate", "--db", good_url]) == 0
        # … then a wrong password: a message, no traceback, exit 1.
        capsys.readouterr()
        assert main(["check", "--db", wrong_url]) == 1
        err = capsys.readouterr().err
        assert "password for user" in err and "is wrong" in err and "Traceback" not in err
        assert fake.passwords == [WRONG]  # the password did travel, to the server only

        # The desktop application, on the settings file of the data directory.
        settings = AppSettings()
        controller = AppController(settings, None, dialogs, synchronous=True)
        try:
            controller.open(good_url)
            window = controller.window
            assert window is not None
            shown = [window.windowTitle(), window.database_label.text(), window.database_label.toolTip(),
                     window.statusBar().currentMessage()]
            window._fill_recent_menu()
            shown += [action.text() for action in window.recent_menu.actions()]
            assert f"postgresql://{role}@127.0.0.1/{name}" in shown
            assert not [text for text in shown if GOOD in text or quote(GOOD, safe="") in text]
            asked = []

            def cancelled(dialog) -> int:
                asked.append((dialog.host.text(), dialog.port.value(), dialog.user.text(), dialog.password.text()))
                return QDialog.DialogCode.Rejected

            monkeypatch.setattr(ConnectDialog, "exec", cancelled)
            controller.open(wrong_url)  # the window stays; the error is said in words, the password asked for
            assert asked == [("127.0.0.1", fake.port, role, "")]
            (error,) = dialogs.messages("error")
            assert "is wrong" in error.text and "sqlalche" not in error.text and WRONG not in error.text
            window.save_layout()
        finally:
            if controller.window is not None:
                controller.window.close()
            controller.shutdown()
        settings.sync()
    finally:
        fake.close()

    folder = data_dir()
    assert log_path().is_file() and "command failed" in log_path().read_text(encoding="utf-8")
    assert f"postgresql://{role}@127.0.0.1/{name}" in (folder / "settings.ini").read_text(encoding="utf-8")
    assert _files_holding(folder, [GOOD, WRONG]) == []
    assert log_path().parent == folder / "logs"


def test_settings_written_by_an_older_version_lose_the_password_when_read(ui_settings):
    ui_settings.qsettings.setValue("databases/recent", ["postgresql://owner_mgr:Mgr-Pass%232026@db.example/crm",
                                                        "/home/li/客户.accountdesk"])
    ui_settings.qsettings.setValue("databases/last", "postgresql://owner_mgr:Mgr-Pass%232026@db.example/crm")
    assert ui_settings.recent_databases() == ["postgresql://owner_mgr@db.example/crm", "/home/li/客户.accountdesk"]
    assert ui_settings.last_database == "postgresql://owner_mgr@db.example/crm"
    ui_settings.sync()
    text = Path(ui_settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert "Mgr-Pass" not in text and "owner_mgr@db.example" in text


def test_file_connect_to_server_opens_the_server_it_names_without_the_password_in_it(make_window, db, qtbot,
                                                                                     monkeypatch):
    from PySide6.QtWidgets import QDialog

    from accountdesk.core.storage.credentials import known_password
    from accountdesk.ui.team import connect_dialog

    window = make_window(db)
    asked: list[str] = []
    window.database_switch_requested.connect(asked.append)

    def typed_in(dialog) -> int:
        qtbot.keyClicks(dialog.host, "db.example.com")
        qtbot.keyClicks(dialog.database, "crm")
        qtbot.keyClicks(dialog.user, "rep_li")
        qtbot.keyClicks(dialog.password, "Typed-Secret#1")
        dialog.sslmode.setCurrentText("require")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(connect_dialog.ConnectDialog, "exec", typed_in)
    assert [a.text() for a in window.file_menu.actions()][2] == "&Connect to server…"
    window.actions_["connect_server"].trigger()
    assert asked == ["postgresql://rep_li@db.example.com:5432/crm?sslmode=require"]
    assert known_password(asked[0]) == "Typed-Secret#1"  # for this session only


def test_a_refused_password_is_asked_for_again_in_the_connect_dialog(dialogs, ui_settings, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from accountdesk.ui.app import AppController
    from accountdesk.ui.team.connect_dialog import ConnectDialog

    fake = FakePostgres()
    answers = iter(["Second-Try#2", None])  # a new password, then giving up

    def typed(dialog) -> int:
        password = next(answers)
        assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text()) == (
            "127.0.0.1", fake.port, "crm", "rep_li")
        if password is None:
            return QDialog.DialogCode.Rejected
        qtbot.keyClicks(dialog.password, password)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", typed)
    controller = AppController(ui_settings, None, dialogs, synchronous=True)
    try:
        controller.open(f"postgresql://rep_li:{quote(WRONG, safe='')}@127.0.0.1:{fake.port}/crm")
    finally:
        controller.shutdown()
        fake.close()
    assert fake.passwords == [WRONG, "Second-Try#2"]
    errors = dialogs.messages("error")
    assert len(errors) == 2 and all("password for user 'rep_li' is wrong" in e.text for e in errors)
    assert controller.window is None
