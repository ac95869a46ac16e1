"""The main window: navigation, pages, menus and status bar; features live in their own modules."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.ui.actions import Actions
from accountdesk.ui.database_actions import DatabaseCommands, target_of
from accountdesk.ui.kit.context import AppContext
from accountdesk.ui.kit.language import set_interface_language, switcher
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.tasks import ProgressPresenter
from accountdesk.ui.kit.theme import STYLE_SHEET
from accountdesk.ui.navigation import PAGES, build_page, load_page_modules, translated_title

NAVIGATION_WIDTH = 176


class MainWindow(Retranslating, QMainWindow):
    # Asked of the application controller, which owns the open database.
    database_switch_requested = Signal(str)  # path or URL to open instead
    restore_requested = Signal(Path)  # a backup file to restore over the current database

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(1024, 640))
        self.setStyleSheet(STYLE_SHEET)
        self.actions_ = Actions(self)
        self.database_commands = DatabaseCommands(self)
        self._pages: dict[str, QWidget] = {}
        self._pending_reminders = 0
        ProgressPresenter(context.runner, self)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for spec in PAGES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(NAVIGATION_WIDTH, 44))
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # replaced by the page on first show
        self.navigation.currentRowChanged.connect(self._on_navigate)

        self._build_menus()
        self._build_status_bar()
        self._connect_actions()
        context.hub.navigate_requested.connect(self.show_page)
        context.hub.customer_open_requested.connect(self._open_customer_requested)
        context.hub.pending_reminders_changed.connect(self.set_pending_reminders)
        context.hub.operation_did_execute.connect(self._on_changes)
        context.hub.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.retranslate()
        self._restore_layout()
        self.navigation.setCurrentRow(0)
        self._count_waiting_reminders()
        context.runner.run(load_page_modules, kind="import")

    def _count_waiting_reminders(self) -> None:
        """The status bar's count of what already waits (the first generation run adds to it)."""
        today = self.context.today()
        login = self.context.user

        def count(session) -> int:
            # Imported on the reader thread, after the customer list's read: not a start-up cost.
            from accountdesk.core.reminders.centre import count_due
            from accountdesk.core.team.identity import signed_in_owner

            # Mine by default: the badge counts the signed-in owner's reminders (and festivals).
            me = signed_in_owner(session, login)
            return count_due(session, today, None if me is None else [me])

        self.context.operations.read(count, self.set_pending_reminders)

    # --- pages ------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for a navigation key, built if it has not been shown yet."""
        widget = self._pages.get(key)
        if widget is None:
            index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
            widget = build_page(PAGES[index], self.context, self)
            widget.setObjectName(widget.objectName() or f"page_{key}")
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, widget)
            self._pages[key] = widget
        return widget

    def show_page(self, key: str) -> QWidget:
        index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)  # -> _on_navigate
        return self.page(key)

    def current_page_key(self) -> str:
        return PAGES[max(self.navigation.currentRow(), 0)].key

    def _on_navigate(self, row: int) -> None:
        if row < 0:
            return
        widget = self.page(PAGES[row].key)
        self.stack.setCurrentWidget(widget)
        shown = getattr(widget, "page_shown", None)
        if callable(shown):
            shown()

    def _open_customer_requested(self, customer_id: int) -> None:
        # The customers page listens for this itself once built; the app opens on Today, so the
        # first request may come before it exists: build it and hand the request on.
        if "customers" not in self._pages:
            page = self.show_page("customers")
            page.open_customer(customer_id)

    def customers_page(self) -> QWidget:
        return self.show_page("customers")

    # --- menus and actions ------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(a["new_database"])
        self.file_menu.addAction(a["open_database"])
        self.file_menu.addAction(a["connect_server"])
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["backup"])
        self.file_menu.addAction(a["restore"])
        self.file_menu.addAction(a["merge"])  # team use: ui/merge_dialog.py
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self.customer_menu = bar.addMenu("")
        for key in ("new_customer", "find", "log_interaction"):
            self.customer_menu.addAction(a[key])
        self.view_menu = bar.addMenu("")
        for _key, action in a.page_actions():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(a["refresh"])
        self.language_menu = QMenu(self)
        for key in ("language_system", "language_zh", "language_en"):
            self.language_menu.addAction(a[key])
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a["about"])

    def _connect_actions(self) -> None:
        a = self.actions_
        commands = self.database_commands
        a["new_database"].triggered.connect(commands.new_database)
        a["open_database"].triggered.connect(commands.open_database)
        a["connect_server"].triggered.connect(commands.connect_to_server)
        a["backup"].triggered.connect(commands.backup_now)
        a["restore"].triggered.connect(commands.restore_backup)
        a["merge"].triggered.connect(commands.merge_copy)
        a["quit"].triggered.connect(self.close)
        a["new_customer"].triggered.connect(lambda: self._customer_command("new_customer"))
        a["find"].triggered.connect(lambda: self._customer_command("focus_search"))
        a["log_interaction"].triggered.connect(lambda: self._customer_command("log_interaction"))
        a["refresh"].triggered.connect(lambda: self.context.hub.announce(Changes.all()))
        a["about"].triggered.connect(commands.about)
        for key, action in a.page_actions():
            action.triggered.connect(lambda _checked=False, key=key: self.show_page(key))
        a["language_system"].triggered.connect(lambda: self.set_language("system"))
        a["language_zh"].triggered.connect(lambda: self.set_language("zh_CN"))
        a["language_en"].triggered.connect(lambda: self.set_language("en"))
        read_only = self.context.read_only
        for key in ("new_customer", "log_interaction", "restore"):
            a[key].setEnabled(not read_only)

    def _customer_command(self, name: str) -> None:
        page = self.customers_page()
        command = getattr(page, name, None)
        if callable(command):
            command()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.context.settings.recent_databases()
        current = target_of(self.context.database)
        for target in recent:
            action = self.recent_menu.addAction(target)
            action.setEnabled(target != current)
            action.triggered.connect(lambda _checked=False, t=target: self.database_switch_requested.emit(t))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)

    def set_language(self, choice: str) -> None:
        set_interface_language(choice, self.context.settings)
        self._check_language_action()

    def _check_language_action(self) -> None:
        choice = self.context.settings.language
        key = {"zh_CN": "language_zh", "en": "language_en"}.get(choice, "language_system")
        self.actions_[key].setChecked(True)

    # --- status bar -------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.database_label = QLabel()
        self.database_label.setObjectName("statusDatabase")
        self.mode_label = QLabel()
        self.mode_label.setObjectName("statusMode")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.reminders_button = QPushButton()
        self.reminders_button.setObjectName("statusReminders")
        self.reminders_button.setFlat(True)
        self.reminders_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reminders_button.clicked.connect(lambda: self.show_page("reminders"))
        for widget in (self.database_label, self.mode_label, self.user_label, self.reminders_button):
            bar.addPermanentWidget(widget)

    def set_pending_reminders(self, count: int) -> None:
        self._pending_reminders = count
        self._update_status()

    def _update_status(self) -> None:
        database = self.context.database
        path = getattr(database, "path", None)
        self.database_label.setText(self.tr("Database: %1").replace("%1", path.name if path else database.display_name))
        self.database_label.setToolTip(database.display_name)
        if path is None:
            mode = self.tr("server")
        elif getattr(database, "shared", False):
            mode = self.tr("shared")
        else:
            mode = self.tr("local")
        if self.context.read_only:
            mode = self.tr("%1, read-only").replace("%1", mode)
            self.mode_label.setToolTip(str(database.read_only_reason or ""))
        self.mode_label.setText(self.tr("Mode: %1").replace("%1", mode))
        self.user_label.setText(self.tr("User: %1").replace("%1", self.context.user))
        if path is None:  # on a server the history names the login, whatever name was typed
            self.user_label.setToolTip(self.tr("Your server login: the change history names it."))
        self.reminders_button.setText(self.tr("Reminders: %1").replace("%1", str(self._pending_reminders)))

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("settings") or changes.everything:
            self._update_status()

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        # One product name, in the language in use, after the database: "客户档案 — 客户分级维护台". The
        # application's display name is the same, so the system adds no second one to the title.
        product = self.tr("AccountDesk")
        QGuiApplication.setApplicationDisplayName(product)
        database = self.context.database
        path = getattr(database, "path", None)
        name = path.stem if path is not None else database.display_name
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", name).replace("%2", product))
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent &databases"))
        self.customer_menu.setTitle(self.tr("&Customers"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.actions_.retranslate()
        for row, spec in enumerate(PAGES):
            self.navigation.item(row).setText(translated_title(spec))
        self._check_language_action()
        self._update_status()

    # --- layout -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.state("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # First start: comfortably large, but never larger than a laptop's screen.
            available = self.screen().availableGeometry()
            self.resize(min(1360, available.width()), min(860, available.height()))
        state = settings.state("main/state")
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        settings = self.context.settings
        settings.set_state("main/geometry", self.saveGeometry())
        settings.set_state("main/state", self.saveState())
        for page in self._pages.values():
            save = getattr(page, "save_layout", None)
            if callable(save):
                save()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_layout()
        super().closeEvent(event)


def create_main_window(
    database,
    *,
    synchronous: bool = False,
    dialogs=None,
    settings=None,
    today=None,
    language: str | None = None,
) -> MainWindow:
    """A main window over an open database (the application, tests and screenshots use this)."""
    from accountdesk.ui.kit.context import make_context

    context = make_context(database, synchronous=synchronous, dialogs=dialogs, settings=settings, today=today)
    if language is not None:
        set_interface_language(language)
    elif switcher().language is None:  # nothing chosen yet in this process: the saved choice
        set_interface_language(context.settings.language)
    return MainWindow(context)
