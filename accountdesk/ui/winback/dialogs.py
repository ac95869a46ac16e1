"""The forms of a win-back: start one (reason, note, dated actions), add an action, record the outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.winback.plans import PlannedAction, add_action, close_win_back, start_win_back
from accountdesk.ui.customers.record_dialogs import RecordDialog, combo, pydate, qdate, text_of
from accountdesk.ui.kit import labels


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ActionRows(QWidget):
    """Dated steps typed one per line; a line left blank is not a step."""

    def __init__(self, first_day: date, placeholder: str, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_day = first_day
        self.placeholder = placeholder
        self.rows: list[tuple[QDateEdit, QLineEdit]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.lines = QVBoxLayout()
        outer.addLayout(self.lines)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("addActionRow")
        self.add_button.clicked.connect(lambda: self.add_row())
        outer.addWidget(self.add_button)
        self.add_row()

    def add_row(self, day: date | None = None, text: str = "") -> tuple[QDateEdit, QLineEdit]:
        line = QHBoxLayout()
        when = _date_edit(day or self.first_day)
        what = QLineEdit(text)
        what.setPlaceholderText(self.placeholder)
        line.addWidget(when)
        line.addWidget(what, 1)
        self.lines.addLayout(line)
        self.rows.append((when, what))
        return when, what

    def actions(self) -> list[PlannedAction]:
        return [PlannedAction(pydate(when.date()), text_of(what)) for when, what in self.rows if text_of(what)]


class StartWinBackDialog(RecordDialog):
    """流失原因, a note and the first dated actions (they appear in Today on their day)."""

    def __init__(self, customer_label: str, first_day: date, parent: QWidget | None = None,
                 *, from_warning: bool = False) -> None:
        super().__init__(self.tr("Start a win-back"), parent)
        self.setMinimumWidth(560)
        heading = QLabel(customer_label)
        heading.setObjectName("pageTitle")
        self.form.addRow(heading)
        if from_warning:
            hint = QLabel(self.tr("The churn warning is closed: the win-back's actions carry the work from now on."))
            hint.setObjectName("mutedText")
            hint.setWordWrap(True)
            self.form.addRow(hint)
        reasons = combo([("", self.tr("Choose a reason…")), *labels.choices(labels.WINBACK_REASONS)], "")
        reasons.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.add_row("reason", self.tr("Why they drift away *"), reasons)
        note = QPlainTextEdit()
        note.setFixedHeight(64)
        note.setPlaceholderText(self.tr("What you know: a competitor's offer, who left, what went wrong"))
        self.add_row("note", self.tr("Note"), note)
        self.add_row("action", self.tr("Actions"),
                     ActionRows(first_day, self.tr("e.g. call to hear their concerns"), self.tr("Add an action")))
        self.save_button.setText(self.tr("Start win-back"))

    def values(self) -> dict:
        return {"reason": self.field("reason").currentData() or "", "note": text_of(self.field("note")),
                "actions": self.field("action").actions()}


class AddActionDialog(RecordDialog):
    def __init__(self, first_day: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a win-back action"), parent)
        self.add_row("due_on", self.tr("On *"), _date_edit(first_day))
        self.add_row("action", self.tr("Action *"), QLineEdit())

    def values(self) -> dict:
        return {"action": PlannedAction(pydate(self.field("due_on").date()), text_of(self.field("action")))}


class CloseWinBackDialog(RecordDialog):
    """How it ended: won back or lost, on a day."""

    def __init__(self, customer_label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("End the win-back"), parent)
        heading = QLabel(customer_label)
        heading.setObjectName("pageTitle")
        self.form.addRow(heading)
        self.add_row("outcome", self.tr("Outcome *"), combo(labels.choices(labels.WINBACK_OUTCOMES), "won"))
        self.add_row("closed_on", self.tr("On *"), _date_edit(today))
        self.save_button.setText(self.tr("End win-back"))

    def values(self) -> dict:
        return {"outcome": self.field("outcome").currentData(), "closed_on": pydate(self.field("closed_on").date())}


def _run(context, dialog: RecordDialog, work: Callable, on_done: Callable | None = None) -> RecordDialog:
    def failed(error: BaseException) -> None:
        if not dialog.handles(error):
            context.runner.default_error_handler(error)

    def done(result) -> None:
        dialog.saved(result)
        if on_done is not None:
            on_done(result)

    dialog.submitted.connect(lambda values: context.operations.mutate(lambda session: work(session, values),
                                                                      done, failed))
    dialog.open()
    return dialog


def open_start_win_back(parent: QWidget, context, customer_id: int, customer_label: str,
                        reminder_id: int | None = None, on_done: Callable | None = None) -> StartWinBackDialog:
    """Ask for the reason and the first actions, then start the win-back through the core."""
    today = context.today()
    dialog = StartWinBackDialog(customer_label, today, parent, from_warning=reminder_id is not None)
    _run(context, dialog, lambda session, values: start_win_back(
        session, customer_id, values["reason"], started_on=today, note=values["note"], actions=values["actions"],
        reminder_id=reminder_id).id, on_done)
    return dialog


def open_add_action(parent: QWidget, context, win_back_id: int) -> AddActionDialog:
    dialog = AddActionDialog(context.today(), parent)
    _run(context, dialog, lambda session, values: add_action(session, win_back_id, values["action"]).id)
    return dialog


def open_close_win_back(parent: QWidget, context, win_back_id: int, customer_label: str) -> CloseWinBackDialog:
    dialog = CloseWinBackDialog(customer_label, context.today(), parent)
    _run(context, dialog, lambda session, values: close_win_back(
        session, win_back_id, values["outcome"], values["closed_on"]).id)
    return dialog
