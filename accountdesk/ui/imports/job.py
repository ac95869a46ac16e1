"""What the import wizard's pages share: the job being built (file, kind, mapping, plan, outcome) and its words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel

from accountdesk.core.excel.imports.importer import ImportOptions, ImportOutcome, ImportPlan
from accountdesk.core.excel.read.headers import HeaderMatch
from accountdesk.core.excel.read.reader import SheetData

KINDS = {
    "customers": QT_TRANSLATE_NOOP("ImportWizard", "Customers"),
    "contacts": QT_TRANSLATE_NOOP("ImportWizard", "Contacts"),
    "transactions": QT_TRANSLATE_NOOP("ImportWizard", "Transactions"),
    "interactions": QT_TRANSLATE_NOOP("ImportWizard", "Interactions"),
}
ON_DUPLICATE = {
    "skip": QT_TRANSLATE_NOOP("ImportWizard", "Skip the row and keep what AccountDesk has"),
    "update": QT_TRANSLATE_NOOP("ImportWizard", "Update the existing record with the file's values"),
    "new": QT_TRANSLATE_NOOP("ImportWizard", "Import the row as a new record anyway"),
}
ACTIONS = {
    "new": QT_TRANSLATE_NOOP("ImportWizard", "New"),
    "update": QT_TRANSLATE_NOOP("ImportWizard", "Update"),
    "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Unchanged"),
    "duplicate": QT_TRANSLATE_NOOP("ImportWizard", "Duplicate, skipped"),
    "error": QT_TRANSLATE_NOOP("ImportWizard", "Error, not imported"),
}
# Row tints in the preview and the colour of the counts above it: a manager sees at a glance
# which rows will not go in (red), which are left out on purpose (amber) and which change data (blue).
ACTION_COLORS = {
    "new": ("#ecfdf5", "#047857"),
    "update": ("#eff6ff", "#1d4ed8"),
    "unchanged": ("#f9fafb", "#4b5563"),
    "duplicate": ("#fffbeb", "#b45309"),
    "error": ("#fef2f2", "#b91c1c"),
}
ERROR_COLOR = "#b91c1c"
WARNING_COLOR = "#b45309"
PROBLEM_CELL = "#fecaca"


def translate(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def kind_label(kind: str) -> str:
    return translate(KINDS[kind]) if kind in KINDS else kind


def action_label(action: str) -> str:
    return translate(ACTIONS[action]) if action in ACTIONS else action


def cell_text(value: object) -> str:
    """A sheet cell as the manager typed it: 13800138000.0 shows as 13800138000, dates without 00:00."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d") if (value.hour, value.minute, value.second) == (0, 0, 0) else value.strftime(
            "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value).strip()


def chip(text: str, action: str) -> QLabel:
    """A coloured count ("5 new") above a list of rows."""
    background, foreground = ACTION_COLORS[action]
    label = QLabel(text)
    label.setObjectName(f"count_{action}")
    label.setStyleSheet(
        f"background: {background}; color: {foreground}; border: 1px solid {foreground};"
        "border-radius: 10px; padding: 3px 12px; font-weight: 600;"
    )
    return label


def set_chip(label: QLabel, text: str, action: str) -> None:
    background, foreground = ACTION_COLORS[action]
    label.setText(text)
    label.setStyleSheet(
        f"background: {background}; color: {foreground}; border: 1px solid {foreground};"
        "border-radius: 10px; padding: 3px 12px; font-weight: 600;"
    )


@dataclass
class ImportJob:
    """Everything the wizard has learnt so far; each page fills in its part."""

    path: Path | None = None
    sheet: str | None = None  # None: the sheet whose columns fit the kind
    kind: str = "customers"
    options: ImportOptions = field(default_factory=ImportOptions)
    data: SheetData | None = None
    read_for: tuple | None = None  # (path, sheet, kind) the data was read for
    detected: HeaderMatch | None = None  # what detection (or the remembered mapping) gave
    detect_error: str = ""
    header: HeaderMatch | None = None  # what the manager confirmed
    plan: ImportPlan | None = None
    outcome: ImportOutcome | None = None
    undone: bool = False

    @property
    def read_key(self) -> tuple:
        return (self.path, self.sheet, self.kind)

    def forget_from_data(self) -> None:
        self.data = None
        self.read_for = None
        self.detected = None
        self.detect_error = ""
        self.header = None
        self.plan = None
