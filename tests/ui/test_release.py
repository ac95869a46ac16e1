"""The About dialog and the crash safety net, as a user meets them."""

import sys
import threading

from accountdesk import crashlog
from accountdesk.core.storage.database import head_revision
from accountdesk.ui.kit.crash_dialog import CrashReporter
from accountdesk.ui.kit.dialogs import FakeDialogService


def test_about_names_version_database_schema_and_qt(window, dialogs):
    window.actions_["about"].trigger()
    shown = dialogs.messages("info")[-1]
    assert "AccountDesk 0.1.0" in shown.text
    assert window.context.database.display_name in shown.text
    assert head_revision() in shown.text
    assert "Qt 6." in shown.text and "Python 3." in shown.text


def test_crash_in_a_worker_thread_is_logged_and_shown(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ACCOUNTDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(crashlog, "_handler", None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    dialogs = FakeDialogService()
    reporter = CrashReporter(dialogs)
    reporter.install()
    worker = threading.Thread(target=lambda: {}["missing key"])
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(dialogs.messages("error")), timeout=3000)
    shown = dialogs.messages("error")[0]
    assert "KeyError" in shown.text and str(tmp_path / "logs" / "accountdesk.log") in shown.text
    crashlog._handler.flush()
    assert "missing key" in (tmp_path / "logs" / "accountdesk.log").read_text(encoding="utf-8")
    import logging

    logging.getLogger().removeHandler(crashlog._handler)


def test_name_chosen_in_settings_is_who_the_app_opens_as(ui_settings):
    assert ui_settings.user_name is None
    ui_settings.qsettings.setValue("user/name", " 王经理 ")
    assert ui_settings.user_name == "王经理"


def test_a_database_error_nobody_handled_is_a_sentence_not_a_crash(qtbot, tmp_path, monkeypatch):
    from sqlalchemy import create_engine, text

    monkeypatch.setenv("ACCOUNTDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(crashlog, "_handler", None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    dialogs = FakeDialogService()
    reporter = CrashReporter(dialogs)
    reporter.install()

    def refresh_from_a_file_that_went_away() -> None:
        engine = create_engine(f"sqlite:///{tmp_path / 'gone' / 'team.accountdesk'}")
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    worker = threading.Thread(target=refresh_from_a_file_that_went_away)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(dialogs.messages("error")), timeout=3000)
    (shown,) = dialogs.messages("error")
    assert shown.text.startswith("The database file cannot be reached (is the shared drive disconnected?)")
    assert "sqlite3" not in shown.text and "Something went wrong" not in shown.title
    import logging

    crashlog._handler.flush()
    assert "unable to open database file" in (tmp_path / "logs" / "accountdesk.log").read_text(encoding="utf-8")
    logging.getLogger().removeHandler(crashlog._handler)
