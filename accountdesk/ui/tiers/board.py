"""The 分级看板 page: a column of customer cards per tier with counts and spend, filters and
search, drag-to-override with a reason, and re-grading with a migration preview."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.archive import records as archive
from accountdesk.core.changes import Changes
from accountdesk.core.tiering.board import (
    CARD_ORDERS,
    UNGRADED,
    BoardColumn,
    BoardData,
    card_rows,
    column_spend,
    load_board,
)
from accountdesk.core.tiering.policies import TierPolicyView, tier_policies
from accountdesk.core.tiering.regrade import regrade_all, set_manual_tier, unlock_tier
from accountdesk.core.tiering.resources import ResourceGap, resource_gaps
from accountdesk.core.tiering.scoring import DEFAULT_MODEL_NAME
from accountdesk.ui.customers.filters import FilterBar
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.page_base import ReloadsWhenShown
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.tiers.cards import ID_ROLE, CardDelegate, CardListView, TierCardModel, column_color
from accountdesk.ui.tiers.regrade_dialog import RegradeDialog

COLUMN_MIN_WIDTH = 270


def whole_yuan(cents: int) -> str:
    """Column totals read better without the cents: ¥1,234,567 (rounded half up, exactly)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}¥{(abs(cents) + 50) // 100:,}"


class TierColumn(Retranslating, QFrame):
    """One tier: a header (name, count, share, spend, what the tier's policy asks) over its cards."""

    def __init__(self, page: TierBoardPage, tier: str, position: int) -> None:
        super().__init__(page)
        self.page = page
        self.tier = tier
        self.color = column_color(tier, position)
        self.count = 0
        self.locked = 0
        self.spend_cents: int | None = None  # None while the column's spend is being summed
        self.share_of = 0
        self.policy: TierPolicyView | None = None
        self.setObjectName("tierColumn")
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        color = self.color.name()
        self.setStyleSheet(
            "QFrame#tierColumn { background: #eef1f5; border-radius: 10px; }"
            f"QFrame#tierColumnHeader {{ background: white; border-radius: 8px; border-top: 4px solid {color}; }}"
            "QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }"
            "QScrollBar::handle:vertical { background: #c3cad5; border-radius: 3px; min-height: 32px; }"
            "QScrollBar::handle:vertical:hover { background: #94a3b8; }"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 2, 4)
        layout.setSpacing(6)
        header = QFrame()
        header.setObjectName("tierColumnHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(12, 8, 12, 8)
        header_layout.setSpacing(2)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("tierColumnTitle")
        self.title.setStyleSheet(f"font-size: 18px; font-weight: 700; color: {color};")
        self.lock_count = QLabel()
        self.lock_count.setObjectName("tierColumnLocked")
        self.lock_count.setStyleSheet("color: #b45309;")
        self.count_label = QLabel()
        self.count_label.setObjectName("tierColumnCount")
        self.count_label.setStyleSheet("font-size: 18px; font-weight: 700; color: #111827;")
        self.count_unit = QLabel()
        self.count_unit.setStyleSheet("color: #6b7280;")
        top.addWidget(self.title)
        top.addSpacing(6)
        top.addWidget(self.lock_count)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.count_unit)
        header_layout.addLayout(top)
        self.figures = QLabel()
        self.figures.setObjectName("tierColumnFigures")
        self.figures.setStyleSheet("color: #374151;")
        self.policy_label = QLabel()
        self.policy_label.setObjectName("mutedText")
        self.policy_label.setStyleSheet("color: #6b7280;")
        header_layout.addWidget(self.figures)
        header_layout.addWidget(self.policy_label)
        layout.addWidget(header)
        self.model = TierCardModel(tier, page.fetch_cards, self)
        self.view = CardListView()
        self.view.setObjectName(f"tierCards_{tier or 'ungraded'}")
        self.view.setModel(self.model)
        self.delegate = CardDelegate(self.color, page.context.today, page.owner_display, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(lambda index: page.open_customer(index.data(ID_ROLE)))
        self.model.cards_dropped.connect(page.cards_dropped)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def show_column(self, column: BoardColumn, policy: TierPolicyView | None, total: int) -> None:
        """New contents after a reload; the scroll position and selection stay where they were."""
        scroll = self.view.verticalScrollBar().value()
        selected = set(self.selected_ids())
        self.policy = policy
        self.count, self.share_of = column.count, total
        self.locked = column.locked
        self.model.set_cards(column.ids, column.scores)
        self.view.verticalScrollBar().setValue(scroll)
        self.select(selected, scroll_to=False)
        self.retranslate()

    def selected_ids(self) -> list[int]:
        selection = self.view.selectionModel()
        return [index.data(ID_ROLE) for index in selection.selectedIndexes()] if selection else []

    def select(self, ids, *, scroll_to: bool = True) -> None:
        selection = self.view.selectionModel()
        for customer_id in ids:
            row = self.model.row_of(customer_id)
            if row is not None:
                index = self.model.index(row)
                selection.select(index, selection.SelectionFlag.Select)
                if scroll_to:
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index)

    def retranslate(self) -> None:
        ungraded = self.tier == UNGRADED
        self.title.setText(self.tr("Ungraded") if ungraded else self.tr("Tier %1").replace("%1", self.tier))
        self.count_label.setText(f"{self.count:,}")
        self.count_unit.setText(self.tr("customers"))
        self.lock_count.setText(self.tr("%1 locked").replace("%1", f"{self.locked:,}") if self.locked else "")
        self.lock_count.setToolTip(self.tr("Customers whose tier was set by hand; re-grading keeps it."))
        share = f"{self.count * 100 / self.share_of:.0f}%" if self.share_of else "—"
        self.figures.setText(self.tr("%1 of customers · spend %2").replace("%1", share)
                             .replace("%2", whole_yuan(self.spend_cents) if self.spend_cents is not None
                                      else self.tr("…")))
        self.policy_label.setText(self._policy_text())
        self.policy_label.setToolTip(self.policy.action_plan or "" if self.policy else "")
        self.view.empty_text = (self.tr("No customer in this tier matches the filters.") if self.page.filtered()
                                else self.tr("No customer in this tier yet. Drag a card here to move it."))
        self.model.refresh_texts()

    def _policy_text(self) -> str:
        if self.tier == UNGRADED:
            return self.tr("Not graded yet: run a re-grade.")
        policy = self.policy
        if policy is None:
            return self.tr("No action plan for this tier yet.")
        parts = [self.tr("Revisit every %Ln day(s)", "", policy.revisit_interval_days)]
        if policy.channel:
            parts.append(labels.interaction_kind(policy.channel))
        if policy.service_level:
            parts.append(policy.service_level)
        return " · ".join(parts)

    def set_spend(self, cents: int | None) -> None:
        self.spend_cents = cents
        self.retranslate()

    def adjust(self, count: int, spend_cents: int, locked: int = 0) -> None:
        self.count += count
        if self.spend_cents is not None:
            self.spend_cents += spend_cents
        self.locked += locked
        self.retranslate()

    def _menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        customer_id = index.data(ID_ROLE)
        ids = self.selected_ids() if customer_id in self.selected_ids() else [customer_id]
        menu = QMenu(self)
        menu.addAction(self.tr("Open customer"), lambda: self.page.open_customer(customer_id))
        if not self.page.context.read_only:
            move = menu.addMenu(self.tr("Move to tier"))
            for tier in self.page.tiers:
                action = move.addAction(self.tr("Tier %1").replace("%1", tier),
                                        lambda t=tier: self.page.override(ids, t))
                action.setEnabled(tier != self.tier)
            card = self.model.card(customer_id)
            if card is not None and card.locked:
                menu.addAction(self.tr("Unlock tier (re-grading may change it)"),
                               lambda: self.page.unlock(customer_id))
        self.page.active_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(position))


class TierBoardPage(ReloadsWhenShown, Retranslating, QWidget):
    """Columns are rebuilt when the model's tiers change; otherwise only their contents."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("tierBoardPage")
        self.board: BoardData | None = None
        self.tiers: list[str] = []
        self.columns: dict[str, TierColumn] = {}
        self.active_dialog = None
        self.active_menu = None
        self._serial = 0
        self._spend_filter = None
        self._stale = False
        self._loading = False
        self._regrading = False
        self._owner_names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        title_row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.busy = QProgressBar()
        self.busy.setObjectName("boardBusy")
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(110)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("mutedText")
        self.regrade_button = QPushButton()
        self.regrade_button.setObjectName("primaryButton")
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.count_label, 1)
        title_row.addWidget(self.busy_label)
        title_row.addWidget(self.busy)
        title_row.addSpacing(8)
        title_row.addWidget(self.regrade_button)
        layout.addLayout(title_row)
        # Said when the stored tiers come from another sheet (or version) than the active one.
        self.stale_label = QLabel()
        self.stale_label.setObjectName("staleTiers")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("background: #fef3c7; color: #92400e; border: 1px solid #fcd34d; "
                                       "border-radius: 6px; padding: 6px 10px;")
        self.stale_label.hide()
        layout.addWidget(self.stale_label)
        # Said when customers are owned below the rep level their tier asks (resources.py).
        self.resource_label = QLabel()
        self.resource_label.setObjectName("resourceGaps")
        self.resource_label.setWordWrap(True)
        self.resource_label.setStyleSheet("background: #fee2e2; color: #991b1b; border: 1px solid #fca5a5; "
                                          "border-radius: 6px; padding: 6px 10px;")
        self.resource_label.hide()
        layout.addWidget(self.resource_label)
        self.resource_gaps: list[ResourceGap] = []
        self.filters = FilterBar()
        self.filters.tier.hide()  # the columns are the tiers
        for widget in (self.filters.view, self.filters.save_view_button, self.filters.delete_view_button):
            widget.hide()  # views are kept for the customer list
        layout.addWidget(self.filters)
        hint_row = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("mutedText")
        self.order_label = QLabel()
        self.order_label.setObjectName("mutedText")
        self.order = QComboBox()
        self.order.setObjectName("cardOrder")
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.order_label)
        hint_row.addWidget(self.order)
        layout.addLayout(hint_row)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.board_widget = QWidget()
        self.columns_layout = QHBoxLayout(self.board_widget)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns_layout.setSpacing(12)
        self.scroll.setWidget(self.board_widget)
        layout.addWidget(self.scroll, 1)
        self.filters.changed.connect(self.reload)
        self.order.currentIndexChanged.connect(lambda _index: self.reload())
        self.regrade_button.clicked.connect(self.regrade)
        context.hub.operation_did_execute.connect(self._on_changes)
        self.retranslate()
        self.reload_choices()
        self.reload()

    # --- reading ----------------------------------------------------------------------

    def fetch_cards(self, ids: list[int]) -> dict:
        # A page of cards by primary key: milliseconds, so read on the spot.
        return self.context.operations.read_now(lambda session: card_rows(session, ids))

    def owner_display(self, name: str | None) -> str:
        return self._owner_names.get(name or "", name or "")

    def card_order(self) -> str:
        return self.order.currentData() or "score"

    def filtered(self) -> bool:
        return not self.filters.is_default()

    def reload_choices(self) -> None:
        def read(session):
            users = archive.list_users(session)
            return ([(u.id, u.display_name or u.name) for u in users], {u.name: u.display_name or u.name for u in users},
                    [t.name for t in archive.list_tags(session)])

        owners, names, tags = self.context.operations.read_now(read)
        self._owner_names = names
        self.filters.set_owners(owners)
        self.filters.set_tags(tags)

    def reload(self) -> None:
        """Read the board for the current filters on the reader thread; a result that arrives
        after a newer request is dropped."""
        self._serial += 1
        serial = self._serial
        self._stale = False
        flt = self.filters.current_filter(self.context.today())
        flt.tier = None
        order = self.card_order()
        # Summing every purchase takes a while at 100,000 customers: the cards come first, the
        # spend after; for the same filter the old sums stay up meanwhile.
        same_filter = flt == self._spend_filter
        self._spend_filter = flt

        def work(session):
            return load_board(session, flt, order), {p.tier: p for p in tier_policies(session)}, resource_gaps(session)

        def done(result) -> None:
            if serial == self._serial:
                self._set_loading(False)
                board, policies, self.resource_gaps = result
                self._show_board(board, policies)
                self._show_resource_gaps()
                if not same_filter:
                    for column in self.columns.values():
                        column.set_spend(None)
                self._load_spend(serial, flt)

        def failed(error: BaseException) -> None:
            self._set_loading(False)
            self.context.runner.default_error_handler(error)

        self._set_loading(True)
        self.context.operations.read(work, done, failed, label=self.tr("Reading the tier board…"))

    def _load_spend(self, serial: int, flt) -> None:
        def done(spend: dict[str, int]) -> None:
            if serial == self._serial:
                for tier, column in self.columns.items():
                    column.set_spend(spend.get(tier, 0))

        self.context.operations.read(lambda session: column_spend(session, flt), done,
                                     label=self.tr("Summing the spend per tier…"))

    def _show_board(self, board: BoardData, policies: dict[str, TierPolicyView]) -> None:
        self.board = board
        self.tiers = list(board.tiers)
        if list(self.columns) != list(board.columns):
            self._rebuild_columns(list(board.columns))
        for tier, column in board.columns.items():
            self.columns[tier].show_column(column, policies.get(tier), board.total)
        self._update_counts()

    def _reload_resource_gaps(self) -> None:
        def done(gaps: list[ResourceGap]) -> None:
            self.resource_gaps = gaps
            self._show_resource_gaps()

        self.context.operations.read(resource_gaps, done, label="")

    def _show_resource_gaps(self) -> None:
        """Who owns customers below what their tier asks, the biggest first (the whole book, not the filter)."""
        gaps = self.resource_gaps
        if not gaps:
            self.resource_label.hide()
            return
        shown = 4
        lines = [gap.message(self.owner_display(gap.owner) if gap.owner else None).text() for gap in gaps[:shown]]
        if len(gaps) > shown:
            lines.append(self.tr("and %Ln more owner(s) below their tier's rep level", "", len(gaps) - shown))
        head = self.tr("Resources: %Ln customer(s) are owned below the rep level their tier asks. "
                       "Hand them over, or change the rep level in Settings → Tier policies.", "",
                       sum(gap.customers for gap in gaps))
        self.resource_label.setText(head + "\n" + "\n".join("· " + line for line in lines))
        self.resource_label.show()

    def _rebuild_columns(self, tiers: list[str]) -> None:
        for column in self.columns.values():
            self.columns_layout.removeWidget(column)
            column.deleteLater()
        self.columns = {}
        for position, tier in enumerate(tiers):
            column = TierColumn(self, tier, position if tier in self.tiers else -1)
            self.columns[tier] = column
            self.columns_layout.addWidget(column, 1)

    def column(self, tier: str) -> TierColumn:
        return self.columns[tier]

    def column_of(self, customer_id: int) -> TierColumn | None:
        for column in self.columns.values():
            if column.model.row_of(customer_id) is not None:
                return column
        return None

    # --- changes ----------------------------------------------------------------------

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.everything or changes.users or changes.customer_list:
            self.reload_choices()
        if initiator is self and not changes.everything:
            return  # our own override already moved the cards
        if changes.everything or changes.tiers or changes.customer_list or changes.settings or changes.users:
            self.request_reload()
        elif changes.customers:
            for column in self.columns.values():
                column.model.invalidate(changes.customers)
            self._reload_resource_gaps()  # an owner may have changed hands
            if self.filtered():
                self.request_reload()  # an edit may move a customer in or out of the filter

    # --- commands ---------------------------------------------------------------------

    def open_customer(self, customer_id: int | None) -> None:
        if customer_id is not None:
            self.context.hub.customer_open_requested.emit(customer_id)

    def cards_dropped(self, ids: list[int], tier: str) -> None:
        # Asked after the drop has finished: a modal question inside a drop event would run
        # inside the platform's drag loop.
        QTimer.singleShot(0, lambda: self.override(ids, tier))

    def override(self, ids: list[int], tier: str) -> None:
        """Move cards to `tier` by hand: ask the reason, write it (locking the tier), move the cards."""
        ids = [i for i in ids if (c := self.column_of(i)) is not None and c.tier != tier]
        if not ids or tier == UNGRADED:
            return
        if self.context.read_only:
            self.context.dialogs.warn(self, self.tr("Manual tier change"),
                                      self.tr("This database is open read-only; tiers cannot be changed."))
            return
        if len(ids) == 1:
            card = self.column_of(ids[0]).model.card(ids[0])
            who = card.row.name if card is not None else str(ids[0])
            question = self.tr("Why does “%1” belong in tier %2? The tier is then locked: re-grading keeps it "
                               "until it is unlocked.").replace("%1", who).replace("%2", tier)
        else:
            question = self.tr("Why do these %1 customers belong in tier %2? Their tier is then locked: "
                               "re-grading keeps it until it is unlocked.").replace("%1", str(len(ids))).replace("%2", tier)
        reason = self.context.dialogs.get_text(self, self.tr("Manual tier change"), question)
        if reason is None:
            return
        if not reason.strip():
            self.context.dialogs.warn(self, self.tr("Manual tier change"),
                                      self.tr("A manual tier change needs a reason; nothing was changed."))
            return

        today = self.context.today()

        def work(session):
            for customer_id in ids:
                set_manual_tier(session, customer_id, tier, reason, today=today)
            return ids

        # The moved customers' revisit plans follow their new tier (revisits=True: the calendar reloads).
        self.context.operations.mutate(
            work, lambda moved: self._moved(moved, tier, reason), initiator=self,
            label=self.tr("Changing the tier…"), changes=Changes(customers=set(ids), tiers=True, revisits=True))

    def _moved(self, ids: list[int], tier: str, reason: str) -> None:
        target = self.columns.get(tier)
        if target is None:
            self.reload()
            return
        target.view.clearSelection()
        for customer_id in ids:
            source = self.column_of(customer_id)
            if source is None:
                continue
            score = source.model.score_of(customer_id)
            card = source.model.take(customer_id)
            spend = card.row.total_spend_cents if card is not None else 0
            was_locked = int(card is not None and card.locked)
            source.adjust(-1, -spend, -was_locked)
            target.model.put(customer_id, score)
            target.adjust(1, spend, 1)
        target.model.invalidate(ids)  # read again: now locked, in its new tier
        target.select(ids)
        self._update_counts()
        if self.card_order() != "score":
            self.reload()  # the cards were placed by score; the chosen order needs the database
        if len(ids) == 1:
            card = target.model.card(ids[0])
            who = card.row.name if card is not None else str(ids[0])
            text = self.tr("“%1” moved to tier %2 and locked: %3").replace("%1", who)
        else:
            text = self.tr("%Ln customer(s) moved to tier %2 and locked: %3", "", len(ids))
        self.context.hub.status_message.emit(text.replace("%2", tier).replace("%3", reason))

    def unlock(self, customer_id: int) -> None:
        def done(_result) -> None:
            column = self.column_of(customer_id)
            if column is not None:
                card = column.model.card(customer_id)
                column.adjust(0, 0, -int(card is not None and card.locked))
                column.model.invalidate([customer_id])
            self._update_counts()

        self.context.operations.mutate(lambda session: unlock_tier(session, customer_id), done, initiator=self,
                                       label=self.tr("Unlocking the tier…"))

    def regrade(self) -> None:
        """Preview a re-grade on the reader thread, show the migration matrix, apply on confirm."""
        if self._regrading or self.context.read_only:
            return
        today = self.context.today()
        self._regrading = True
        self.regrade_button.setEnabled(False)
        self._set_busy_text(self.tr("Computing the re-grade preview…"))

        def preview(session):
            return regrade_all(session, today, dry_run=True)

        def shown(report) -> None:
            self._set_busy_text("")
            dialog = RegradeDialog(report, self.tiers or list(report.counts), self)
            dialog.accepted.connect(lambda: self._apply_regrade(today))
            dialog.rejected.connect(self._regrade_finished)
            self.active_dialog = dialog
            dialog.open()

        self.context.operations.read(preview, shown, self._regrade_failed, label=self.tr("Re-grade preview"))

    def _apply_regrade(self, today) -> None:
        self._set_busy_text(self.tr("Re-grading…"))

        def work(session, task):
            if task is not None:
                task.progress(0, 0, self.tr("Re-grading every customer…"))
            return regrade_all(session, today)

        def done(report) -> None:
            self._regrade_finished()
            self.context.hub.status_message.emit(str(report.summary()))

        # No initiator: the cards move when the announcement reloads the columns.
        self.context.operations.mutate(work, done, self._regrade_failed, progress=True,
                                       label=self.tr("Re-grading"))

    def _regrade_failed(self, error: BaseException) -> None:
        self._regrade_finished()
        self.context.runner.default_error_handler(error)

    def _regrade_finished(self) -> None:
        self._regrading = False
        self._set_busy_text("")
        self.regrade_button.setEnabled(not self.context.read_only)

    # --- look -------------------------------------------------------------------------

    def _set_loading(self, on: bool) -> None:
        self._loading = on
        self._update_busy()

    def _set_busy_text(self, text: str) -> None:
        self.busy_label.setText(text)
        self._update_busy()

    def _update_busy(self) -> None:
        self.busy.setVisible(self._loading or bool(self.busy_label.text()))

    def _sheet_name(self, name: str) -> str:
        return self.tr("Default scoring sheet") if name in ("", DEFAULT_MODEL_NAME) else name

    def _update_counts(self) -> None:
        board = self.board
        if board is None:
            self.count_label.setText("")
            self.stale_label.hide()
            return
        shown = sum(column.count for column in self.columns.values())
        mode = self.tr("by score thresholds") if board.grading_mode == "thresholds" else self.tr("by share")
        counts = (self.tr("%Ln customer(s) match", "", shown) if self.filtered()
                  else self.tr("%Ln customer(s)", "", shown))
        # The sheet named is the one whose re-grade gave the tiers on screen.
        graded = board.graded
        if graded is not None:
            name, version = self._sheet_name(graded.model_name), graded.model_version
        else:
            name, version = self._sheet_name(board.model_name), board.model_version
        sheet = self.tr("tiers from scoring sheet “%1”, %2").replace("%1", name).replace("%2", mode)
        if version:
            sheet += " · " + self.tr("version %1").replace("%1", str(version))
        self.count_label.setText(f"{counts}  ·  {sheet}")
        if board.tiers_are_current:
            self.stale_label.hide()
            return
        active = self._sheet_name(board.model_name)
        if graded is None:
            text = self.tr("These tiers were not given by the active scoring sheet “%1”. Re-grade to apply it.") \
                .replace("%1", active)
        else:
            text = self.tr("The active scoring sheet “%1” (version %2) has changed since these tiers were given. "
                           "Re-grade to apply it; until then the tiers are those of version %3.") \
                .replace("%1", active).replace("%2", str(board.model_version or "—")).replace("%3", str(version or "—"))
        self.stale_label.setText(text)
        self.stale_label.show()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Tier board"))
        self.regrade_button.setText(self.tr("Re-grade…"))
        self.regrade_button.setToolTip(self.tr("Score every customer again with the active scoring sheet; "
                                               "you see who moves before anything is written."))
        self.regrade_button.setEnabled(not self.context.read_only and not self._regrading)
        self.hint.setText(self.tr("Drag a card to another tier to set it by hand (you give a reason; the tier is "
                                  "then locked). Double-click a card to open the customer."))
        self.order_label.setText(self.tr("Order:"))
        names = {"score": self.tr("Score, best first"), "next_revisit": self.tr("Next revisit, soonest first"),
                 "last_contact": self.tr("Last contact, longest ago first"), "name": self.tr("Name")}
        current = self.order.currentData()
        self.order.blockSignals(True)
        self.order.clear()
        for code in CARD_ORDERS:
            self.order.addItem(names[code], code)
        self.order.setCurrentIndex(max(self.order.findData(current), 0) if current else 0)
        self.order.blockSignals(False)
        self._update_counts()
