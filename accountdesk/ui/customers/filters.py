"""The search box and filter row above the customer list; it produces a CustomerFilter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from accountdesk.core.archive.records import CustomerFilter
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        layout.addWidget(self.search, 3)
        for widget in (self.tier, self.stage, self.owner, self.tag, self.overdue, self.churn_risk, self.clear_button):
            layout.addWidget(widget)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._enter)
        self.search.installEventFilter(self)
        for combo in (self.tier, self.stage, self.owner, self.tag):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        for box in (self.overdue, self.churn_risk):
            box.toggled.connect(lambda _on: self.changed.emit())
        self.clear_button.clicked.connect(self.clear)
        self._owners: list[tuple[int, str]] = []
        self._tags: list[str] = []
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

    def apply_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, code, contact, phone, pinyin or initials  (Ctrl+F)"))
        self.overdue.setText(self.tr("Revisit overdue"))
        self.churn_risk.setText(self.tr("Churn risk"))
        self.clear_button.setText(self.tr("Clear filters"))
        self._fill_tiers()
        self._fill(self.stage, self.tr("All stages"), labels.choices(labels.STAGES))
        self._fill(self.owner, self.tr("All owners"), [(str(i), name) for i, name in self._owners])
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in self._tags])

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

    def clear(self) -> None:
        for widget in (self.search, self.tier, self.stage, self.owner, self.tag, self.overdue, self.churn_risk):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.tier, self.stage, self.owner, self.tag):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.churn_risk.setChecked(False)
        for widget in (self.search, self.tier, self.stage, self.owner, self.tag, self.overdue, self.churn_risk):
            widget.blockSignals(False)
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
        )

    def is_default(self) -> bool:
        return (
            not self.search.text().strip()
            and all(c.currentData() is None for c in (self.tier, self.stage, self.owner, self.tag))
            and not self.overdue.isChecked()
            and not self.churn_risk.isChecked()
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
