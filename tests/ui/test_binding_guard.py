"""Many Qt calls in one process must not exhaust None/True/False (a PySide6 6.12 defect on 3.11)."""

from __future__ import annotations

import sys

import accountdesk.ui  # noqa: F401  (applies the guard where the binding needs it)


def test_a_long_session_of_qt_calls_keeps_the_interpreter_alive(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for number in range(20_000):  # more than None's whole reference count on a fresh interpreter
        label.setText(str(number))
        label.objectNameChanged.emit("x")
    assert label.text() == "19999"
    assert sys.getrefcount(None) > 0 and sys.getrefcount(None) > before - 100_000
