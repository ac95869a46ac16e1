"""The one way the interface asks, warns and picks files, so tests can answer instead of a person."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from accountdesk.core.faults import describe
from accountdesk.core.i18n import AccountDeskError
from accountdesk.core.storage.errors import explain as explain_database_error


def error_text(error: BaseException) -> str:
    """What a manager reads for an exception: our bilingual message, a database error in the core's
    words (never SQL), what a full disk, a damaged or locked file means (core/faults.py), or, for a
    bug, the plain error (its traceback is in the log)."""
    if isinstance(error, AccountDeskError):
        return str(error.message)
    explained = explain_database_error(error) if isinstance(error, Exception) else None
    if explained is not None:
        return str(explained.message)
    message = describe(error)
    if message is not None:
        return str(message)
    return f"{type(error).__name__}: {error}"


class DialogService:
    """Message boxes and file choosers; every screen goes through this instead of QMessageBox."""

    def ask(self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, default)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
        """One of several labelled answers (index), or None when the box was closed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is cancel or clicked not in buttons:
            return None
        return buttons.index(clicked)

    def get_text(
        self, parent: QWidget | None, title: str, label: str, *, options: list[str] | None = None, text: str = ""
    ) -> str | None:
        """A line of text (with suggestions to pick from), or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        if options:
            current = options.index(text) if text in options else 0
            value, ok = QInputDialog.getItem(parent, title, label, options, current, True)
        else:
            value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value.strip() if ok else None

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str, *, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def resolve_conflict(self, parent: QWidget | None, conflict) -> dict[str, str] | None:
        """Per-field choices (KEEP_MINE / KEEP_THEIRS) for a ConflictError, or None to go back to
        editing (nothing saved, the form keeps what was typed)."""
        from accountdesk.ui.kit.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(conflict, parent)
        return dialog.choices() if dialog.exec() == ConflictDialog.DialogCode.Accepted else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str, directory: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, directory, file_filter)
        return Path(name) if name else None

    def save_file(self, parent: QWidget | None, title: str, file_filter: str, directory: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, directory, file_filter)
        return Path(name) if name else None

    def open_directory(self, parent: QWidget | None, title: str, directory: str = "") -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, directory)
        return Path(name) if name else None

    def choose_printer(self, parent: QWidget | None, printer) -> bool:
        """Let the manager pick and set up the printer (a QPrinter, changed in place); False: cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


@dataclass
class ShownMessage:
    kind: str  # ask | choose | get_text | info | warn | error | conflict
    title: str
    text: str


class FakeDialogService(DialogService):
    """Answers from queues a test fills in advance; records every message it was shown.

    An unexpected question fails the test loudly rather than blocking on a modal box.
    """

    def __init__(self) -> None:
        self.answers: deque = deque()  # bool for ask, int | None for choose
        self.files: deque = deque()  # Path | None for open_file / save_file / open_directory
        self.shown: list[ShownMessage] = []
        self.conflicts: list = []

    def _next_answer(self, kind: str, title: str, text: str):
        self.shown.append(ShownMessage(kind, title, text))
        if not self.answers:
            raise AssertionError(f"unexpected {kind} dialog: {title}: {text}")
        return self.answers.popleft()

    def ask(self, parent, title, text, *, default_yes=False) -> bool:
        return bool(self._next_answer("ask", title, text))

    def choose(self, parent, title, text, options):
        return self._next_answer("choose", title, text)

    def get_text(self, parent, title, label, *, options=None, text=""):
        return self._next_answer("get_text", title, label)

    def info(self, parent, title, text) -> None:
        self.shown.append(ShownMessage("info", title, text))

    def warn(self, parent, title, text) -> None:
        self.shown.append(ShownMessage("warn", title, text))

    def error(self, parent, title, text, *, details="") -> None:
        self.shown.append(ShownMessage("error", title, text))

    def resolve_conflict(self, parent, conflict):
        """The answer queued: choices (a dict), None (back to editing), or a function that is handed
        the real dialog, as the person would see it, and returns what they do with it."""
        self.shown.append(ShownMessage("conflict", conflict.entity, str(conflict)))
        self.conflicts.append(conflict)
        if not self.answers:
            raise AssertionError(f"unexpected conflict dialog: {conflict}")
        answer = self.answers.popleft()
        if callable(answer):
            from accountdesk.ui.kit.conflict_dialog import ConflictDialog

            dialog = ConflictDialog(conflict, parent)
            try:
                return answer(dialog)
            finally:
                dialog.deleteLater()
        return answer

    def _next_file(self, title: str) -> Path | None:
        if not self.files:
            raise AssertionError(f"unexpected file dialog: {title}")
        return self.files.popleft()

    def open_file(self, parent, title, file_filter, directory=""):
        return self._next_file(title)

    def save_file(self, parent, title, file_filter, directory=""):
        return self._next_file(title)

    def open_directory(self, parent, title, directory=""):
        return self._next_file(title)

    def choose_printer(self, parent, printer) -> bool:
        """The next file queued becomes the printer's output (a PDF a test can read); None cancels."""
        path = self._next_file("printer")
        if path is None:
            return False
        printer.setOutputFileName(str(path))
        return True

    def messages(self, kind: str | None = None) -> list[ShownMessage]:
        return [m for m in self.shown if kind is None or m.kind == kind]
