"""The pages of the main window, in navigation order; a feature registers its page here in one line."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry. ``widget`` is "module:Class"; the class is built on first show as
    ``Class(context, parent)``. Until that module exists (or with ``None``) a placeholder
    naming the feature is shown, so a feature appears by adding its module, no edit here.

    A page may also implement ``page_shown()``, ``save_layout()`` and, when it is the one
    acting on customers, ``new_customer()``, ``focus_search()``, ``log_interaction()``.
    """

    key: str
    title: str  # English source text, translated in the "Navigation" context
    widget: str | None
    description: str = ""  # what the page will do (shown while it is a placeholder)
    icon: str = ""  # a QStyle.StandardPixmap name


PAGES: list[PageSpec] = [
    PageSpec("customers", QT_TRANSLATE_NOOP("Navigation", "Customers"), "accountdesk.ui.customers.page:CustomersPage",
             QT_TRANSLATE_NOOP("Navigation", "The customer archive: search, filter and edit customers."),
             "SP_FileDialogDetailedView"),
    PageSpec("tier_board", QT_TRANSLATE_NOOP("Navigation", "Tier board"), "accountdesk.ui.tier_board:TierBoardPage",
             QT_TRANSLATE_NOOP("Navigation", "Customers by tier A / B / C, score breakdowns and re-grading."),
             "SP_FileDialogListView"),
    PageSpec("calendar", QT_TRANSLATE_NOOP("Navigation", "Revisit calendar"), "accountdesk.ui.revisit_calendar:RevisitCalendarPage",
             QT_TRANSLATE_NOOP("Navigation", "Planned revisits by day and week, overdue revisits, revisit sheets."),
             "SP_FileDialogContentsView"),
    PageSpec("reminders", QT_TRANSLATE_NOOP("Navigation", "Reminders"), "accountdesk.ui.reminders:RemindersPage",
             QT_TRANSLATE_NOOP("Navigation", "Birthdays, festivals, anniversaries and churn warnings due soon."),
             "SP_MessageBoxInformation"),
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Navigation", "Statistics"), "accountdesk.ui.dashboard:DashboardPage",
             QT_TRANSLATE_NOOP("Navigation", "Tier distribution, retention, satisfaction and per-owner figures."),
             "SP_FileDialogInfoView"),
    PageSpec("import_export", QT_TRANSLATE_NOOP("Navigation", "Import / Export"), "accountdesk.ui.import_export:ImportExportPage",
             QT_TRANSLATE_NOOP("Navigation", "Import customers from Excel or CSV and export the tier sheet."),
             "SP_DialogSaveButton"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Navigation", "Settings"), "accountdesk.ui.settings_page:SettingsPage",
             QT_TRANSLATE_NOOP("Navigation", "Scoring model, tier policies, reminders, language and database."),
             "SP_FileDialogDetailedView"),
]


def register_page(key: str, widget: str) -> None:
    """Point an existing navigation entry at its real page class ("module:Class")."""
    for index, spec in enumerate(PAGES):
        if spec.key == key:
            PAGES[index] = PageSpec(spec.key, spec.title, widget, spec.description, spec.icon)
            return
    raise KeyError(key)


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


def translated_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("Navigation", spec.title)


def load_class(path: str) -> type[QWidget]:
    module_name, _, class_name = path.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def build_page(spec: PageSpec, context, parent: QWidget | None = None) -> QWidget:
    """The page widget, or a placeholder (also when the page fails to load, saying why)."""
    from accountdesk.ui.placeholder import PlaceholderPage

    if spec.widget is None:
        return PlaceholderPage(spec, parent=parent)
    module_name = spec.widget.partition(":")[0]
    try:
        cls = load_class(spec.widget)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing.startswith("accountdesk.") and (module_name + ".").startswith(missing + "."):  # not built yet
            return PlaceholderPage(spec, parent=parent)
        log.exception("page %s failed to load", spec.key)
        return PlaceholderPage(spec, parent=parent, error=error)
    except Exception as error:
        log.exception("page %s failed to load", spec.key)
        return PlaceholderPage(spec, parent=parent, error=error)
    try:
        return cls(context, parent)
    except Exception as error:  # one broken page must not take the whole window down
        log.exception("page %s failed to load", spec.key)
        return PlaceholderPage(spec, parent=parent, error=error)
