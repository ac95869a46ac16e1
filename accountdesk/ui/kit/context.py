"""What every screen is given: the database, the task runner, the hub, dialogs, settings, today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from accountdesk.ui.kit.dialogs import DialogService
from accountdesk.ui.kit.operations import Hub, Operations
from accountdesk.ui.kit.preferences import AppSettings
from accountdesk.ui.kit.tasks import TaskRunner


@dataclass
class AppContext:
    database: object  # accountdesk.core.storage.database.Database
    runner: TaskRunner
    hub: Hub
    dialogs: DialogService
    settings: AppSettings
    operations: Operations = field(init=False)
    # Screens ask for today through this, so tests and screenshots can pin the date.
    today: Callable[[], date] = date.today

    def __post_init__(self) -> None:
        self.operations = Operations(self.database, self.runner, self.hub)

    @property
    def user(self) -> str:
        return getattr(self.database, "user", "")

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.database, "read_only", False))


def make_context(
    database,
    *,
    synchronous: bool = False,
    dialogs: DialogService | None = None,
    settings: AppSettings | None = None,
    today: Callable[[], date] | None = None,
) -> AppContext:
    from accountdesk.ui.kit.dialogs import error_text

    runner = TaskRunner(synchronous=synchronous)
    hub = Hub()
    dialogs = dialogs or DialogService()
    context = AppContext(
        database=database,
        runner=runner,
        hub=hub,
        dialogs=dialogs,
        settings=settings or AppSettings(),
        today=today or date.today,
    )

    def show_error(error: BaseException) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        title = QCoreApplication.translate("Errors", "AccountDesk")
        dialogs.error(QApplication.activeWindow(), title, error_text(error))

    runner.default_error_handler = show_error
    return context
