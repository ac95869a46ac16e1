"""The search box, saved views and filter rows above the customer list; it produces a CustomerFilter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from accountdesk.core.archive.records import CustomerFilter
from accountdesk.core.archive.saved_views import SavedView
from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.segments import FREQUENCY_LABELS
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.retranslate import Retranslating

SEARCH_DELAY_MS = 150
TIERS = ("A", "B", "C")


class FilterBar(Retranslating, QWidget):
    """Typing waits ~150 ms for the next key before searching; other filters apply at once."""

    changed = Signal()
    # Down in the search box moves into the list; Enter opens the best hit (once the search is in).
    down_pressed = Signal()
    enter_pressed = Signal()
    # The page asks for a name and stores the view for the team; Delete removes the picked one.
    save_view_requested = Signal()
    delete_view_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        layout = QHBoxLayout()
        classes = QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(classes)
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.tier = QComboBox()
        self.tier.setObjectName("tierFilter")
        self.stage = QComboBox()
        self.stage.setObjectName("stageFilter")
        self.owner = QComboBox()
        self.owner.setObjectName("ownerFilter")
        self.owner.setMinimumContentsLength(6)
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.setMinimumContentsLength(6)
        self.overdue = QCheckBox()
        self.overdue.setObjectName("overdueFilter")
        self.churn_risk = QCheckBox()
        self.churn_risk.setObjectName("churnFilter")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        # The method's classes (客户分类), one combo each.
        self.power = QComboBox()
        self.power.setObjectName("powerFilter")
        self.need = QComboBox()
        self.need.setObjectName("needFilter")
        self.frequency = QComboBox()
        self.frequency.setObjectName("frequencyFilter")
        self.segment = QComboBox()
        self.segment.setObjectName("segmentFilter")
        self.region = QComboBox()
        self.region.setObjectName("regionFilter")
        self.region.setMinimumContentsLength(5)
        self.view = QComboBox()
        self.view.setObjectName("savedViews")
        self.view.setMinimumContentsLength(14)
        self.save_view_button = QPushButton()
        self.save_view_button.setObjectName("saveView")
        self.delete_view_button = QPushButton()
        self.delete_view_button.setObjectName("deleteView")
        layout.addWidget(self.search, 3)
        for widget in (self.view, self.save_view_button, self.delete_view_button, self.clear_button):
            layout.addWidget(widget)
        for widget in (self.tier, self.stage, self.power, self.need, self.frequency, self.segment, self.region,
                       self.owner, self.tag, self.overdue, self.churn_risk):
            classes.addWidget(widget)
        classes.addStretch(1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._enter)
        self.search.installEventFilter(self)
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda _index: self._edited())
        for box in (self.overdue, self.churn_risk):
            box.toggled.connect(lambda _on: self._edited())
        self.clear_button.clicked.connect(self.clear)
        self.view.activated.connect(lambda _index: self._pick_view())
        self.save_view_button.clicked.connect(self.save_view_requested)
        self.delete_view_button.clicked.connect(self._delete_view)
        self._owners: list[tuple[int, str]] = []
        self._tags: list[str] = []
        self._regions: list[str] = []
        self._views: dict[str, SavedView] = {}
        self._tiers: list[str] = list(TIERS)  # until the page reads the tier policies
        self.retranslate()

    def search_pending(self) -> bool:
        """Typed text whose search has not started yet (the pause after a key is still running)."""
        return self._debounce.isActive()

    def _enter(self) -> None:
        pending = self.search_pending()
        self.enter_pressed.emit()
        if pending:
            self.apply_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return True
        return super().eventFilter(watched, event)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.tier, self.stage, self.owner, self.tag, self.power, self.need, self.frequency, self.segment,
                self.region)

    def _edited(self) -> None:
        """A filter changed by hand: the list no longer shows the picked view as saved."""
        self._show_view(None)
        self.changed.emit()

    def apply_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, code, contact, phone, pinyin or initials  (Ctrl+F)"))
        self.overdue.setText(self.tr("Revisit overdue"))
        self.churn_risk.setText(self.tr("Churn risk"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.save_view_button.setText(self.tr("Save view…"))
        self.save_view_button.setToolTip(self.tr("Save these filters under a name the whole team can pick"))
        self.delete_view_button.setText(self.tr("Delete view"))
        self._fill_tiers()
        self._fill(self.stage, self.tr("All stages"), labels.choices(labels.STAGES))
        self._fill(self.power, self.tr("Any purchasing power"), labels.choices(labels.PURCHASING_POWER))
        self._fill(self.need, self.tr("Any need type"), labels.choices(labels.NEED_TYPES))
        self._fill(self.frequency, self.tr("Any frequency"),
                   [(code, label.text()) for code, label in FREQUENCY_LABELS.items()])
        self._fill(self.segment, self.tr("Any RFM segment"),
                   [(code, label.text()) for code, label in SEGMENT_LABELS.items()])
        self._fill_views()
        self._fill(self.owner, self.tr("All owners"), [(str(i), name) for i, name in self._owners])
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in self._tags])
        self._fill(self.region, self.tr("All regions"), [(r, r) for r in self._regions])

    def set_owners(self, owners: list[tuple[int, str]]) -> None:
        self._owners = owners
        self._fill(self.owner, self.tr("All owners"), [(str(i), name) for i, name in owners])

    def set_tiers(self, tiers: list[str]) -> None:
        """The tiers to filter by, best first (they follow the tier policies, so renamed tiers
        such as 高端/中端/低端 show as they are named)."""
        self._tiers = list(tiers) or list(TIERS)
        self._fill_tiers()

    def _fill_tiers(self) -> None:
        self._fill(self.tier, self.tr("All tiers"), [(t, self.tr("Tier %1").replace("%1", t)) for t in self._tiers])

    def set_tags(self, tags: list[str]) -> None:
        self._tags = tags
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in tags])

    def set_regions(self, regions: list[str]) -> None:
        """The regions the book's customers are in (城市/地区, as sheets brought them or people typed them)."""
        self._regions = regions
        self._fill(self.region, self.tr("All regions"), [(r, r) for r in regions])

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        # Refill without announcing a change: the chosen entry stays chosen if it still exists.
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, text in items:
            combo.addItem(text, code)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if current is not None and index < 0:
            self.changed.emit()

    # --- saved views ------------------------------------------------------------------

    def set_views(self, views: list[SavedView]) -> None:
        """The team's saved views (the page reads them, and again when settings change)."""
        self._views = {view.name: view for view in views}
        self._fill_views()

    def view_names(self) -> list[str]:
        return list(self._views)

    def current_view(self) -> str | None:
        return self.view.currentData()

    def _fill_views(self) -> None:
        current = self.view.currentData()
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(self.tr("Saved views…") if self._views else self.tr("No saved views"), None)
        for name in self._views:
            self.view.addItem(name, name)
        self.view.setCurrentIndex(max(self.view.findData(current), 0) if current is not None else 0)
        self.view.blockSignals(False)
        self.delete_view_button.setEnabled(self.view.currentData() is not None)

    def _show_view(self, name: str | None) -> None:
        self.view.setCurrentIndex(max(self.view.findData(name), 0) if name is not None else 0)
        self.delete_view_button.setEnabled(name is not None)

    def _pick_view(self) -> None:
        name = self.view.currentData()
        if name is None or name not in self._views:
            self._show_view(None)
            return
        self.apply_view(self._views[name])

    def apply_view(self, view: SavedView) -> None:
        """Set every filter as the view has it, then search once."""
        self._set_all(view)
        self._show_view(view.name if view.name in self._views else None)
        self.apply_now()

    def _delete_view(self) -> None:
        name = self.view.currentData()
        if name is not None:
            self.delete_view_requested.emit(name)

    def _set_all(self, view: SavedView | None) -> None:
        widgets = (self.search, *self._combos(), self.overdue, self.churn_risk)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(view.text if view else "")
        values = {self.tier: view.tier, self.stage: view.stage, self.tag: view.tag, self.power: view.purchasing_power,
                  self.need: view.need_type, self.frequency: view.frequency_level, self.segment: view.rfm_segment,
                  self.region: view.region,
                  self.owner: None if view.owner_id is None else str(view.owner_id)} if view else {}
        for combo in self._combos():
            value = values.get(combo)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        self.overdue.setChecked(bool(view and view.overdue))
        self.churn_risk.setChecked(bool(view and view.churn_risk))
        for widget in widgets:
            widget.blockSignals(False)

    def clear(self) -> None:
        self._set_all(None)
        self._show_view(None)
        self.apply_now()

    def current_filter(self, today) -> CustomerFilter:
        owner = self.owner.currentData()
        return CustomerFilter(
            text=self.search.text().strip(),
            tier=self.tier.currentData(),
            stage=self.stage.currentData(),
            owner_id=int(owner) if owner is not None else None,
            tag=self.tag.currentData(),
            overdue=self.overdue.isChecked(),
            churn_risk=self.churn_risk.isChecked(),
            today=today,
            purchasing_power=self.power.currentData(),
            need_type=self.need.currentData(),
            frequency_level=self.frequency.currentData(),
            rfm_segment=self.segment.currentData(),
            region=self.region.currentData(),
        )

    def is_default(self) -> bool:
        return (
            not self.search.text().strip()
            and all(c.currentData() is None for c in self._combos())
            and not self.overdue.isChecked()
            and not self.churn_risk.isChecked()
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
