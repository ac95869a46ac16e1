"""GUI test fixtures: a main window over a fresh database, synchronous tasks, scripted dialogs."""

from __future__ import annotations

import json
import os
import tempfile

import pytest

# The offscreen platform's screen is 800×800, smaller than the main window; give it a desktop
# sized screen so windows keep the geometry they are given (and restore it).
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    _screen = {"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1200,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    _config = os.path.join(tempfile.mkdtemp(prefix="accountdesk-qt-"), "screen.json")
    with open(_config, "w", encoding="utf-8") as handle:
        json.dump(_screen, handle)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"


@pytest.fixture
def db(sqlite_db):
    """The screens are tested on SQLite only: the core suite already runs on PostgreSQL, and
    the GUI reaches the database only through the core."""
    return sqlite_db


@pytest.fixture
def dialogs():
    from accountdesk.ui.kit.dialogs import FakeDialogService

    return FakeDialogService()


@pytest.fixture
def ui_settings(tmp_path):
    from accountdesk.ui.kit.preferences import AppSettings

    return AppSettings.in_file(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, dialogs, ui_settings, today):
    """Build a main window over a database (English, tasks run synchronously, today pinned)."""
    from accountdesk.ui.kit.language import set_interface_language
    from accountdesk.ui.main_window import create_main_window

    windows = []

    def make(database):
        window = create_main_window(
            database, synchronous=True, dialogs=dialogs, settings=ui_settings, today=lambda: today, language="en"
        )
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    set_interface_language("en")  # the language is process-wide; leave it as the next test expects


@pytest.fixture
def window(make_window, db):
    return make_window(db)


@pytest.fixture
def type_text(qtbot):
    """Type like a person: ASCII key by key, Chinese as an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    def type_into(widget, text: str) -> None:
        widget.setFocus()
        for chunk_is_ascii, chunk in _chunks(text):
            if chunk_is_ascii:
                qtbot.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(widget.focusProxy() or widget, event)

    return type_into


def _chunks(text: str):
    current, is_ascii = "", None
    for char in text:
        char_ascii = char.isascii()
        if is_ascii is not None and char_ascii != is_ascii:
            yield is_ascii, current
            current = ""
        current += char
        is_ascii = char_ascii
    if current:
        yield is_ascii, current
