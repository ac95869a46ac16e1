"""The 客户 page: instant search, filters, the lazy customer table, bulk actions, and the detail view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive import records as archive
from accountdesk.core.archive import saved_views
from accountdesk.core.archive.search import SearchIndex
from accountdesk.core.changes import Changes
from accountdesk.core.tiering.policies import tier_policies
from accountdesk.ui.customers.detail import CustomerDetail
from accountdesk.ui.customers.duplicate_warning import DuplicateGuard
from accountdesk.ui.customers.empty_state import EmptyState
from accountdesk.ui.customers.filters import FilterBar
from accountdesk.ui.customers.merge_dialog import MergeCustomersDialog
from accountdesk.ui.customers.model import COLUMNS, ID_ROLE, CustomerTableModel, column_index
from accountdesk.ui.customers.record_dialogs import NewCustomerDialog
from accountdesk.ui.kit.retranslate import Retranslating

DEMO_CUSTOMERS = 300


class CustomersPage(Retranslating, QWidget):
    """List and detail share the page: opening a customer swaps the list for its detail, and
    Back returns to the list with the search, scroll position and selection as they were."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("customersPage")
        self.total_customers = 0
        self.active_dialog = None
        self._owner_logins: list[tuple[str, str]] = []
        self._search_serial = 0
        self._search_shown = 0  # the serial of the search whose result the list shows
        self._open_first_when_shown = False
        self._search_index: SearchIndex | None = None  # built on the reader thread at first search
        # Bumped by every change: an index read before a change must not be kept after it.
        self._index_generation = 0
        self._order = ("code", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.views = QStackedWidget()
        layout.addWidget(self.views)

        # --- the list view ---
        self.list_view = QWidget()
        list_layout = QVBoxLayout(self.list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.new_button = QPushButton()
        self.new_button.setObjectName("primaryButton")
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.count_label)
        title_row.addStretch(1)
        title_row.addWidget(self.new_button)
        list_layout.addLayout(title_row)
        self.filters = FilterBar()
        list_layout.addWidget(self.filters)
        self.bulk_bar = QWidget()
        bulk_row = QHBoxLayout(self.bulk_bar)
        bulk_row.setContentsMargins(0, 0, 0, 0)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("mutedText")
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("bulkAssignOwner")
        self.tag_button = QPushButton()
        self.tag_button.setObjectName("bulkAddTag")
        self.export_button = QPushButton()
        self.export_button.setObjectName("bulkExport")
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("bulkMerge")
        bulk_row.addWidget(self.selection_label)
        bulk_row.addWidget(self.assign_button)
        bulk_row.addWidget(self.tag_button)
        bulk_row.addWidget(self.export_button)
        bulk_row.addWidget(self.merge_button)
        bulk_row.addStretch(1)
        list_layout.addWidget(self.bulk_bar)
        self.list_stack = QStackedWidget()
        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.model = CustomerTableModel(self._fetch_rows, context.today, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for index, column in enumerate(COLUMNS):
            self.table.setColumnWidth(index, column.width)
            self.table.setColumnHidden(index, column.hidden)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(column_index("code"), Qt.SortOrder.AscendingOrder)
        self.empty_state = EmptyState()
        self.no_match = QWidget()
        no_match_layout = QVBoxLayout(self.no_match)
        self.no_match_label = QLabel()
        self.no_match_label.setObjectName("mutedText")
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_clear = QPushButton()
        no_match_layout.addStretch(1)
        no_match_layout.addWidget(self.no_match_label)
        no_match_layout.addWidget(self.no_match_clear, 0, Qt.AlignmentFlag.AlignHCenter)
        no_match_layout.addStretch(2)
        for widget in (self.table, self.empty_state, self.no_match):
            self.list_stack.addWidget(widget)
        list_layout.addWidget(self.list_stack, 1)
        self.views.addWidget(self.list_view)

        # --- the detail view: built when a customer is first opened (its eight tabs would cost
        # a third of a second of every start) ---
        self._detail: CustomerDetail | None = None

        self._restore_layout()
        self.model.sort_requested.connect(self._on_sort)
        self.filters.changed.connect(self.run_search)
        self.filters.down_pressed.connect(self._into_list)
        self.filters.enter_pressed.connect(self._open_best_hit)
        self.filters.save_view_requested.connect(self.save_view)
        self.filters.delete_view_requested.connect(self.delete_view)
        self.table.activated.connect(lambda index: self.open_customer(index.data(ID_ROLE)))
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_selection())
        self.new_button.clicked.connect(self.new_customer)
        self.assign_button.clicked.connect(self.assign_owner)
        self.tag_button.clicked.connect(self.add_tag)
        self.export_button.clicked.connect(self.export_selection)
        self.merge_button.clicked.connect(self.merge_selected)
        self.no_match_clear.clicked.connect(self.filters.clear)
        self.empty_state.load_demo.connect(self.load_demo_data)
        self.empty_state.import_excel.connect(lambda: context.hub.navigate_requested.emit("import_export"))
        self.empty_state.new_customer.connect(self.new_customer)
        context.hub.operation_did_execute.connect(self._on_changes)
        context.hub.customer_open_requested.connect(self._open_requested)
        self.retranslate()
        self.reload_choices()
        self.run_search()

    # --- reading ----------------------------------------------------------------------

    def _fetch_rows(self, ids: list[int]) -> dict:
        # A page of rows by primary key: milliseconds, so it is read on the spot.
        return self.context.operations.read_now(lambda session: archive.customer_rows(session, ids))

    def run_search(self) -> None:
        """Run the current search and filters on the reader thread; a result that arrives after
        a newer search was started is dropped, so fast typing never shows a stale list."""
        self._search_serial += 1
        serial = self._search_serial
        flt = self.filters.current_filter(self.context.today())
        order_by, descending = self._order

        use_index = bool(flt.text.strip()) and flt.only_text() and order_by == "code" and not descending
        generation = self._index_generation

        def work(session):
            if use_index:
                # Plain typing in the default order: answered from memory, each keystroke a few
                # milliseconds even at 100,000 customers (the index is rebuilt after changes).
                index = self._search_index or self._load_index(session, generation)
                return index.find(flt.text), len(index)
            return archive.customer_ids(session, flt, order_by, descending), archive.count_customers(session)

        def done(result) -> None:
            if serial == self._search_serial:
                self._search_shown = serial
                self._show_ids(*result)
                if self._open_first_when_shown:
                    self._open_first_when_shown = False
                    self._open_best_hit()
            if self._search_index is None and not use_index:
                self._preload_search_index()

        self.context.operations.read(work, done, label=self.tr("Searching…"))

    def _open_best_hit(self) -> None:
        """Enter in the search box: open the first (best ranked) customer, after the search that is
        still under way if there is one."""
        if self.filters.search_pending() or self._search_running():
            self._open_first_when_shown = True
            return
        if self.model.rowCount() and self.list_stack.currentWidget() is self.table:
            self.open_customer(self.model.index(0, 0).data(ID_ROLE))

    def _search_running(self) -> bool:
        return self._search_serial != self._search_shown

    def _into_list(self) -> None:
        """Down in the search box: into the list, on its first row."""
        if not self.model.rowCount():
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        first = self.model.index(0, 0)
        self.table.selectionModel().setCurrentIndex(
            first, self.table.selectionModel().SelectionFlag.ClearAndSelect | self.table.selectionModel().SelectionFlag.Rows)

    def _preload_search_index(self) -> None:
        """Build the search index in the background once the list shows, so typing is instant."""

        generation = self._index_generation
        self.context.operations.read(lambda session: self._search_index or self._load_index(session, generation),
                                     lambda _index: None, label="")

    def _load_index(self, session, generation: int) -> SearchIndex:
        index = SearchIndex.load(session)
        if generation == self._index_generation:  # nothing changed while it was read
            self._search_index = index
        return index

    def _show_ids(self, ids: list[int], total: int) -> None:
        selected = set(self.selected_ids())
        self.total_customers = total
        self.model.set_ids(ids)
        empty_archive = total == 0 and self.filters.is_default()
        # On a fresh database only the three ways to start are shown, nothing to filter.
        for widget in (self.filters, self.bulk_bar, self.count_label):
            widget.setVisible(not empty_archive)
        if empty_archive:
            self.list_stack.setCurrentWidget(self.empty_state)
        elif not ids:
            self.list_stack.setCurrentWidget(self.no_match)
        else:
            self.list_stack.setCurrentWidget(self.table)
            self._reselect(selected)
        self._update_counts()

    def _reselect(self, ids: set[int]) -> None:
        selection = self.table.selectionModel()
        for customer_id in ids:
            row = self.model.row_of(customer_id)
            if row is not None:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def reload_choices(self) -> None:
        def read(session):
            users = archive.list_users(session)
            owners = [(u.id, u.display_name or u.name) for u in users]
            logins = [(u.name, u.display_name or u.name) for u in users]
            tags = [t.name for t in archive.list_tags(session)]
            tiers = [policy.tier for policy in tier_policies(session)]
            return owners, logins, tags, tiers, saved_views.saved_views(session), archive.regions(session)

        owners, self._owner_logins, tags, tiers, views, regions = self.context.operations.read_now(read)
        self.model.owner_names = dict(self._owner_logins)
        self.filters.set_owners(owners)
        self.filters.set_tags(tags)
        self.filters.set_regions(regions)
        self.filters.set_tiers(tiers)
        self.filters.set_views(views)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.everything or changes.customer_list or changes.customers or changes.tiers:
            self._search_index = None  # names, codes, phones, membership or tiers (its ranking) may have changed
            self._index_generation += 1
        if changes.everything or changes.users or changes.customer_list or changes.tiers or changes.settings:
            self.reload_choices()
        self.model.forget(None if changes.everything else changes.customers)
        if changes.everything or changes.customer_list or changes.tiers or changes.revisits:
            self.run_search()  # membership or order may have changed
        elif changes.customers:
            self.model.invalidate(changes.customers)
            if not self.filters.is_default():
                self.run_search()  # an edit may move a customer in or out of the filter

    def _on_sort(self, key: str, descending: bool) -> None:
        self._order = (key, descending)
        self.run_search()

    # --- list state -------------------------------------------------------------------

    @property
    def detail(self) -> CustomerDetail:
        if self._detail is None:
            self._detail = CustomerDetail(self.context)
            self.views.addWidget(self._detail)
            self._detail.back_requested.connect(self.show_list)
        return self._detail

    def _showing_detail(self) -> bool:
        return self._detail is not None and self.views.currentWidget() is self._detail

    def selected_ids(self) -> list[int]:
        selection = self.table.selectionModel()
        if selection is None:
            return []
        return [index.data(ID_ROLE) for index in selection.selectedRows()]

    def current_customer_id(self) -> int | None:
        if self._showing_detail():
            return self.detail.customer_id
        index = self.table.currentIndex()
        if index.isValid() and index.row() < self.model.rowCount():
            return index.data(ID_ROLE)
        ids = self.selected_ids()
        return ids[0] if ids else None

    def _update_counts(self) -> None:
        shown = self.model.rowCount()
        if self.filters.is_default():
            self.count_label.setText(self.tr("%Ln customer(s)", "", self.total_customers))
        else:
            self.count_label.setText(self.tr("%1 of %Ln customer(s) match", "", self.total_customers)
                                     .replace("%1", f"{shown:,}"))
        self._update_selection()

    def _update_selection(self) -> None:
        count = len(self.selected_ids())
        writable = not self.context.read_only
        self.selection_label.setText(self.tr("%1 selected:").replace("%1", str(count)) if count else
                                     self.tr("Select customers (Ctrl/Shift+click) for bulk actions:"))
        self.assign_button.setEnabled(writable and count > 0)
        self.tag_button.setEnabled(writable and count > 0)
        self.export_button.setEnabled(count > 0)  # reading is fine on a read-only database
        self.merge_button.setEnabled(writable and count == 2)
        self.filters.save_view_button.setEnabled(writable)
        self.filters.delete_view_button.setEnabled(writable and self.filters.current_view() is not None)

    # --- commands (also reached from the main window's actions) ------------------------

    def focus_search(self) -> None:
        self.show_list()
        self.filters.focus_search()

    def open_customer(self, customer_id: int | None, tab: str | None = None) -> None:
        if customer_id is None:
            return
        self.detail.set_customer(customer_id)
        self.views.setCurrentWidget(self.detail)
        if tab:
            self.detail.show_tab(tab)

    def _open_requested(self, customer_id: int) -> None:
        self.context.hub.navigate_requested.emit("customers")
        self.open_customer(customer_id)

    def show_list(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        shown = self._detail.customer_id if self._detail is not None else None
        row = self.model.row_of(shown) if shown else None
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        self.table.setFocus()

    def new_customer(self) -> None:
        if self.context.read_only:
            return
        guard = DuplicateGuard(self.context)
        dialog = NewCustomerDialog(self._owner_logins, self.context.user, self, duplicate_guard=guard)

        def failed(error: BaseException) -> None:
            if not dialog.handles(error):
                self.context.runner.default_error_handler(error)

        def created(customer_id: int) -> None:
            dialog.saved()
            self.open_customer(customer_id)

        def create(values: dict) -> None:
            self.context.operations.mutate(lambda session: archive.create_customer(session, values).id, created, failed)

        dialog.submitted.connect(lambda values: guard.check(values, None, lambda: create(values),
                                                            warned=dialog.warned_of_duplicates))
        self.active_dialog = dialog
        dialog.open()

    def save_view(self) -> None:
        """Save the filters as they are under a name the team then picks from the filter bar."""
        if self.context.read_only:
            return
        if self.filters.is_default():
            self.context.dialogs.info(self, self.tr("Save view"),
                                      self.tr("Choose some filters first: a view keeps the filters you set."))
            return
        name = self.context.dialogs.get_text(
            self, self.tr("Save view"), self.tr("Name of the view (the whole team sees it):"),
            options=self.filters.view_names(), text=self.filters.current_view() or "")
        if not name or not name.strip():
            return
        flt = self.filters.current_filter(self.context.today())
        if name.strip() in self.filters.view_names() and not self.context.dialogs.ask(
                self, self.tr("Save view"), self.tr("Replace the view “%1”?").replace("%1", name.strip())):
            return

        def done(view) -> None:
            self.reload_choices()
            self.filters.apply_view(view)
            self.context.hub.status_message.emit(self.tr("View “%1” saved.").replace("%1", view.name))

        self.context.operations.mutate(lambda session: saved_views.save_view(session, name, flt), done,
                                       label=self.tr("Saving view…"))

    def delete_view(self, name: str) -> None:
        if self.context.read_only or not self.context.dialogs.ask(
                self, self.tr("Delete view"), self.tr("Delete the view “%1” for the whole team?").replace("%1", name)):
            return
        self.context.operations.mutate(lambda session: saved_views.delete_view(session, name),
                                       lambda _deleted: self.reload_choices(), label=self.tr("Deleting view…"))

    def log_interaction(self) -> None:
        customer_id = self.current_customer_id()
        if customer_id is None:
            self.context.dialogs.info(self, self.tr("Log interaction"),
                                      self.tr("Select a customer in the list first."))
            return
        if not self._showing_detail():
            self.open_customer(customer_id)
        self.active_dialog = self.detail.log_interaction()

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2 or self.context.read_only:
            self.context.dialogs.info(self, self.tr("Merge customers"),
                                      self.tr("Select exactly two customers in the list to merge them."))
            return
        dialog = MergeCustomersDialog(self.context, ids[0], ids[1], self)
        self.active_dialog = dialog
        dialog.open()

    def assign_owner(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        shown = {display: login for login, display in self._owner_logins}
        me = dict(self._owner_logins).get(self.context.user, self.context.user)
        answer = self.context.dialogs.get_text(
            self, self.tr("Assign owner"),
            self.tr("Owner for %Ln customer(s) (a new name adds a user):", "", len(ids)),
            options=list(shown), text=me)
        if answer is None:
            return
        name = shown.get(answer, answer)

        def done(count: int) -> None:
            self.context.hub.status_message.emit(self.tr("Owner set on %Ln customer(s).", "", count))

        self.context.operations.mutate(lambda session: archive.assign_owner(session, ids, name or None), done,
                                       label=self.tr("Assigning owner…"))

    def add_tag(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        tag = self.context.dialogs.get_text(
            self, self.tr("Add tag"), self.tr("Tag to add to %Ln customer(s):", "", len(ids)),
            options=self.filters._tags)
        if not tag:
            return

        def done(count: int) -> None:
            self.context.hub.status_message.emit(self.tr("Tag added to %Ln customer(s).", "", count))

        self.context.operations.mutate(lambda session: archive.add_tag_to_customers(session, ids, tag), done,
                                       label=self.tr("Adding tag…"))

    def export_selection(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        today = self.context.today()
        path = self.context.dialogs.save_file(
            self, self.tr("Export the selected customers"),
            self.tr("Excel workbook") + " (*.xlsx);;" + self.tr("CSV text") + " (*.csv)",
            str(Path.home() / f"customers-{today.isoformat()}.xlsx"))
        if path is None:
            return
        path = Path(path)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")

        def work(session):
            from accountdesk.core.excel.exports.workbook import export_customer_selection

            return export_customer_selection(session, ids, path, today)

        def done(count: int) -> None:
            self.context.hub.status_message.emit(
                self.tr("Exported %Ln customer(s) to %1", "", count).replace("%1", str(path)))

        self.context.operations.read(work, done, label=self.tr("Exporting…"))

    def load_demo_data(self) -> None:
        from accountdesk.core.demo.book import generate_demo

        today = self.context.today()
        self.context.operations.run_write(
            lambda database: generate_demo(database, customers=DEMO_CUSTOMERS, seed=1, today=today),
            changes=Changes.all(), label=self.tr("Loading demo data…"))

    def refresh(self) -> None:
        self.context.hub.announce(Changes.all())

    # --- menus ------------------------------------------------------------------------

    def _row_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        customer_id = index.data(ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_customer(customer_id))
        if not self.context.read_only:
            menu.addAction(self.tr("Log interaction…"), lambda: (self.open_customer(customer_id), self.log_interaction()))
            menu.addSeparator()
            menu.addAction(self.tr("Assign owner…"), self.assign_owner)
            menu.addAction(self.tr("Add tag…"), self.add_tag)
        menu.addAction(self.tr("Export selected…"), self.export_selection)
        if not self.context.read_only and len(self.selected_ids()) == 2:
            menu.addAction(self.tr("Merge customers…"), self.merge_selected)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for index, _column in enumerate(COLUMNS):
            action = menu.addAction(self.model.headerData(index, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(index))
            action.toggled.connect(lambda on, i=index: self.table.setColumnHidden(i, not on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    # --- language and layout ----------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customers"))
        self.new_button.setText(self.tr("+ New customer"))
        self.assign_button.setText(self.tr("Assign owner…"))
        self.tag_button.setText(self.tr("Add tag…"))
        self.export_button.setText(self.tr("Export selected…"))
        self.merge_button.setText(self.tr("Merge customers…"))
        self.merge_button.setToolTip(self.tr("Select two records of one company to make them one"))
        self.no_match_label.setText(self.tr("No customer matches this search and these filters."))
        self.no_match_clear.setText(self.tr("Clear search and filters"))
        self.model.retranslate()
        self._update_counts()

    def _restore_layout(self) -> None:
        header = self.table.horizontalHeader()
        state = self.context.settings.state("customers/header")
        if state is not None and header.restoreState(state):
            section = header.sortIndicatorSection()
            if 0 <= section < len(COLUMNS) and COLUMNS[section].sortable:
                self._order = (COLUMNS[section].key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def save_layout(self) -> None:
        self.context.settings.set_state("customers/header", self.table.horizontalHeader().saveState())
