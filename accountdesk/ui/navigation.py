"""The pages of the main window, in navigation order; a feature registers its page here in one line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget


# Each page's module is imported when the page is first shown: start-up pays for one page only.
def _today_page() -> type[QWidget]:
    from accountdesk.ui.today.page import TodayPage

    return TodayPage


def _customers_page() -> type[QWidget]:
    from accountdesk.ui.customers.page import CustomersPage

    return CustomersPage


def _tier_board_page() -> type[QWidget]:
    from accountdesk.ui.tiers.board import TierBoardPage

    return TierBoardPage


def _calendar_page() -> type[QWidget]:
    from accountdesk.ui.calendar.page import RevisitCalendarPage

    return RevisitCalendarPage


def _reminders_page() -> type[QWidget]:
    from accountdesk.ui.reminders.page import RemindersPage

    return RemindersPage


def _dashboard_page() -> type[QWidget]:
    from accountdesk.ui.dashboard.page import DashboardPage

    return DashboardPage


def _import_export_page() -> type[QWidget]:
    from accountdesk.ui.imports.page import ImportExportPage

    return ImportExportPage


def _settings_page() -> type[QWidget]:
    from accountdesk.ui.settings.page import SettingsPage

    return SettingsPage


@dataclass(frozen=True)
class PageSpec:
    """One navigation entry. ``page_class`` returns the page's class, built on first show as
    ``Class(context, parent)``; it imports the page's module then, so start-up loads only the
    first page. A page that fails to build is an error in the crash log, never a quiet empty page.

    A page may also implement ``page_shown()``, ``save_layout()`` and, when it is the one
    acting on customers, ``new_customer()``, ``focus_search()``, ``log_interaction()``.
    """

    key: str
    title: str  # English source text, translated in the "Navigation" context
    page_class: Callable[[], type[QWidget]]
    icon: str = ""  # a QStyle.StandardPixmap name


PAGES: list[PageSpec] = [
    # The first page is where the app opens: what to do now.
    PageSpec("today", QT_TRANSLATE_NOOP("Navigation", "Today"), _today_page, "SP_DialogYesButton"),
    PageSpec("customers", QT_TRANSLATE_NOOP("Navigation", "Customers"), _customers_page,
             "SP_FileDialogDetailedView"),
    PageSpec("tier_board", QT_TRANSLATE_NOOP("Navigation", "Tier board"), _tier_board_page,
             "SP_FileDialogListView"),
    PageSpec("calendar", QT_TRANSLATE_NOOP("Navigation", "Revisit calendar"), _calendar_page,
             "SP_FileDialogContentsView"),
    PageSpec("reminders", QT_TRANSLATE_NOOP("Navigation", "Reminders"), _reminders_page,
             "SP_MessageBoxInformation"),
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Navigation", "Statistics"), _dashboard_page,
             "SP_FileDialogInfoView"),
    PageSpec("import_export", QT_TRANSLATE_NOOP("Navigation", "Import / Export"), _import_export_page,
             "SP_DialogSaveButton"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Navigation", "Settings"), _settings_page,
             "SP_FileDialogDetailedView"),
]


def load_page_modules() -> None:
    """Import every page's module. The main window runs this on a worker once it shows, so the
    first visit to a page builds widgets only and the GUI thread never waits on an import
    (the statistics page alone brings pyqtgraph and numpy)."""
    for spec in PAGES:
        spec.page_class()


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


def translated_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("Navigation", spec.title)


def build_page(spec: PageSpec, context, parent: QWidget | None = None) -> QWidget:
    return spec.page_class()(context, parent)
