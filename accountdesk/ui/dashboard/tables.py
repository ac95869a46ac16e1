"""The statistics screen's tables: the tier-migration heat-map, the churn-risk list, per-owner and per-segment figures."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.segments import FREQUENCY_LABELS
from accountdesk.ui.dashboard.charts import heat_color, text_color_on
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.theme import tier_color

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
NO_TIER = "—"


def tier_text(tier: str | None) -> str:
    if not tier or tier in ("—", "-"):
        return QCoreApplication.translate("Dashboard", "No tier")
    return QCoreApplication.translate("Dashboard", "Tier %1").replace("%1", tier)


def percent(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


class _SortableItem(QTableWidgetItem):
    """Sorts by the number behind the text (money, counts), not by the text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return super().__lt__(other)


def _item(text: str, *, sort: float | None = None, align_right: bool = False) -> QTableWidgetItem:
    item = _SortableItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if sort is not None:
        item.setData(SORT_ROLE, sort)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _plain_table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.horizontalHeader().setHighlightSections(False)


class MigrationTable(QTableWidget):
    """Rows: the tier at the start of the period; columns: the tier at its end. Darker = more customers;
    customers who kept their tier are shaded grey so the moves stand out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("migrationTable")
        _plain_table(self)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().show()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._matrix = None

    def show_matrix(self, matrix) -> None:
        self._matrix = matrix
        tiers = list(matrix.tiers)
        self.clear()
        self.setRowCount(len(tiers))
        self.setColumnCount(len(tiers))
        self.setHorizontalHeaderLabels([QCoreApplication.translate("Dashboard", "→ %1").replace("%1", tier_text(t)) for t in tiers])
        self.setVerticalHeaderLabels([tier_text(t) for t in tiers])
        moves = [n for old, row in matrix.counts.items() for new, n in row.items() if old != new]
        biggest = max(moves, default=0)
        for r, old in enumerate(tiers):
            for c, new in enumerate(tiers):
                count = matrix.counts.get(old, {}).get(new, 0)
                item = _item(f"{count:,}" if count else "·", sort=count)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if old == new:
                    background = QColor("#f3f4f6") if count else QColor("white")
                else:
                    # Up (to a better tier, earlier in the order) in the accent, down in red.
                    better = c < r and new != NO_TIER
                    background = heat_color(count, biggest, "#15803d" if better else "#b91c1c")
                item.setBackground(background)
                item.setForeground(text_color_on(background))
                self.setItem(r, c, item)

    def count(self, old: str, new: str) -> int:
        if self._matrix is None:
            return 0
        return self._matrix.counts.get(old, {}).get(new, 0)


class ChurnRiskTable(QTableWidget):
    """The most valuable customers at risk or churned; double-click opens the customer."""

    open_customer = Signal(int)
    COLUMNS = ("code", "name", "tier", "stage", "owner", "total_spend")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("churnRiskTable")
        _plain_table(self)
        self.setColumnCount(len(self.COLUMNS))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((84, 180, 64, 84, 90, 120)):
            self.setColumnWidth(column, width)
        self.itemDoubleClicked.connect(self._on_double_click)
        self.itemActivated.connect(self._on_double_click)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([QCoreApplication.translate("Dashboard", "Code"), QCoreApplication.translate("Dashboard", "Customer"), QCoreApplication.translate("Dashboard", "Tier"), QCoreApplication.translate("Dashboard", "Stage"), QCoreApplication.translate("Dashboard", "Owner"),
                                        QCoreApplication.translate("Dashboard", "Total spend")])

    def show_rows(self, rows, owner_name) -> None:
        self.setSortingEnabled(False)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            tier = _item(row.tier or "—")
            if row.tier:
                tier.setForeground(tier_color(row.tier))
            stage = _item(labels.stage(row.stage))
            if row.stage == "churned":
                stage.setForeground(QColor("#b91c1c"))
            cells = [_item(row.code), _item(row.name), tier, stage, _item(owner_name(row.owner)),
                     _item(labels.money(row.total_spend_cents), sort=row.total_spend_cents, align_right=True)]
            for c, cell in enumerate(cells):
                cell.setData(CUSTOMER_ID_ROLE, row.customer_id)
                self.setItem(r, c, cell)
        self.setSortingEnabled(True)

    def customer_id(self, row: int) -> int | None:
        item = self.item(row, 0)
        return None if item is None else item.data(CUSTOMER_ID_ROLE)

    def _on_double_click(self, item: QTableWidgetItem) -> None:
        customer_id = item.data(CUSTOMER_ID_ROLE)
        if customer_id is not None:
            self.open_customer.emit(int(customer_id))


class OwnerTable(QTableWidget):
    """Per key-account manager: customers by tier, spend, contact, satisfaction, revisits, risk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownerTable")
        _plain_table(self)
        self.tiers: list[str] = []
        self._owners: list = []
        self._owner_name = str

    def _headers(self) -> list[str]:
        return [QCoreApplication.translate("Dashboard", "Owner"), QCoreApplication.translate("Dashboard", "Customers"), *[tier_text(t) for t in self.tiers], QCoreApplication.translate("Dashboard", "Spend in period"),
                QCoreApplication.translate("Dashboard", "Interactions"), QCoreApplication.translate("Dashboard", "Mean satisfaction"), QCoreApplication.translate("Dashboard", "Revisits on time"), QCoreApplication.translate("Dashboard", "At risk")]

    def retranslate(self) -> None:
        if self.columnCount():
            self.setHorizontalHeaderLabels(self._headers())

    def show_owners(self, owners, tiers: list[str], owner_name) -> None:
        self._owners, self._owner_name = list(owners), owner_name
        self.tiers = [t for t in tiers if any(o.tier_counts.get(t) for o in owners)] or list(tiers)
        self.setSortingEnabled(False)
        self.clear()
        headers = self._headers()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(owners))
        for r, owner in enumerate(owners):
            on_time = owner.on_time_rate  # among the revisits decided (the open ones in their grace wait)
            cells = [_item(owner_name(owner.owner)), _item(f"{owner.customers:,}", sort=owner.customers, align_right=True)]
            for tier in self.tiers:
                n = owner.tier_counts.get(tier, 0)
                cells.append(_item(f"{n:,}", sort=n, align_right=True))
            cells += [
                _item(labels.money(owner.spend_cents), sort=owner.spend_cents, align_right=True),
                _item(f"{owner.interactions:,}", sort=owner.interactions, align_right=True),
                _item("—" if owner.mean_satisfaction is None else f"{owner.mean_satisfaction:.2f}",
                      sort=owner.mean_satisfaction if owner.mean_satisfaction is not None else -1, align_right=True),
                _item(f"{percent(on_time, 0)}  ({owner.revisits_on_time}/{owner.revisits_due - owner.revisits_pending})",
                      sort=on_time if on_time is not None else -1, align_right=True),
                _item(f"{owner.at_risk:,}", sort=owner.at_risk, align_right=True),
            ]
            if owner.at_risk:
                cells[-1].setForeground(QColor("#b91c1c"))
            for c, cell in enumerate(cells):
                self.setItem(r, c, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        # Every owner visible without a second scroll bar inside the page's own.
        height = self.horizontalHeader().sizeHint().height() + 28 * max(len(owners), 1) + 4
        self.setFixedHeight(min(height, 420))

    def column_texts(self, column: int) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]


def _fit_height(table: QTableWidget, rows: int) -> None:
    height = table.horizontalHeader().sizeHint().height() + 28 * max(rows, 1) + 4
    table.setFixedHeight(min(height, 420))


class WinBackTable(QTableWidget):
    """Win-backs in the period, everyone's first then per owner: started (why), still open, won
    back, lost, and the win-back rate among those that ended."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("winBackTable")
        _plain_table(self)

    def _headers(self) -> list[str]:
        return [QCoreApplication.translate("Dashboard", "Owner"), QCoreApplication.translate("Dashboard", "Started"), QCoreApplication.translate("Dashboard", "In progress"), QCoreApplication.translate("Dashboard", "Won back"),
                QCoreApplication.translate("Dashboard", "Lost"), QCoreApplication.translate("Dashboard", "Win-back rate"), QCoreApplication.translate("Dashboard", "Churn reasons")]

    def retranslate(self) -> None:
        if self.columnCount():
            self.setHorizontalHeaderLabels(self._headers())

    def show_figures(self, figures, owner_name) -> None:
        everyone = QCoreApplication.translate("Dashboard", "Everyone")
        rows = [(figures.total, everyone), *((o, owner_name(o.owner)) for o in figures.owners)]
        self.clear()
        headers = self._headers()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, (counts, name) in enumerate(rows):
            reasons = labels.join(f"{labels.winback_reason(code)} {n}" for code, n in counts.reasons.items())
            cells = [_item(name), _item(str(counts.started), align_right=True),
                     _item(str(counts.still_open), align_right=True), _item(str(counts.won), align_right=True),
                     _item(str(counts.lost), align_right=True),
                     _item(f"{percent(counts.rate, 0)}  ({counts.won}/{counts.won + counts.lost})", align_right=True),
                     _item(reasons or "—")]
            if r == 0:
                for cell in cells:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
            for c, cell in enumerate(cells):
                self.setItem(r, c, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        _fit_height(self, len(rows))


class CareTable(QTableWidget):
    """Per tier: care given in the period (gifts, coupons, points) against what the tier spent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careTable")
        _plain_table(self)

    def _headers(self) -> list[str]:
        return [QCoreApplication.translate("Dashboard", "Tier"), QCoreApplication.translate("Dashboard", "Customers"), QCoreApplication.translate("Dashboard", "Cared for"), QCoreApplication.translate("Dashboard", "Care given"),
                QCoreApplication.translate("Dashboard", "Care cost"), QCoreApplication.translate("Dashboard", "Spend in period"), QCoreApplication.translate("Dashboard", "Cost / spend")]

    def retranslate(self) -> None:
        if self.columnCount():
            self.setHorizontalHeaderLabels(self._headers())

    def show_rows(self, rows) -> None:
        self.clear()
        headers = self._headers()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [_item(tier_text(row.tier)), _item(f"{row.customers:,}", align_right=True),
                     _item(f"{row.cared_for:,}", align_right=True), _item(f"{row.records:,}", align_right=True),
                     _item(labels.money(row.cost_cents), align_right=True),
                     _item(labels.money(row.spend_cents), align_right=True),
                     _item(percent(row.cost_share, 2), align_right=True)]
            for c, cell in enumerate(cells):
                self.setItem(r, c, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        _fit_height(self, len(rows))
def _segment_text(dimension: str, code: str) -> str:
    if code == NO_TIER:
        return QCoreApplication.translate("Dashboard", "Not known")
    if dimension == "stage":
        return labels.stage(code)
    if dimension == "need_type":
        return labels.need_type(code)
    if dimension == "purchasing_power":
        return labels.purchasing_power(code)
    if dimension == "frequency_level" and code in FREQUENCY_LABELS:
        return FREQUENCY_LABELS[code].text()
    if dimension == "rfm_segment" and code in SEGMENT_LABELS:
        return SEGMENT_LABELS[code].text()
    return code


class SegmentTable(QWidget):
    """The period's figures per class of customer (lifecycle stage first): how many, spend,
    satisfaction and retention, with a choice of which class to break down by."""

    DIMENSIONS = {
        "stage": QT_TRANSLATE_NOOP("Dashboard", "Lifecycle stage"),
        "need_type": QT_TRANSLATE_NOOP("Dashboard", "Need type"),
        "purchasing_power": QT_TRANSLATE_NOOP("Dashboard", "Purchasing power"),
        "frequency_level": QT_TRANSLATE_NOOP("Dashboard", "Purchase frequency"),
        "rfm_segment": QT_TRANSLATE_NOOP("Dashboard", "RFM segment"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.by_label = QLabel()
        self.dimension = QComboBox()
        self.dimension.setObjectName("segmentDimension")
        for key in self.DIMENSIONS:
            self.dimension.addItem("", key)
        row.addWidget(self.by_label)
        row.addWidget(self.dimension)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget()
        self.table.setObjectName("segmentTable")
        _plain_table(self.table)
        self.table.setColumnCount(6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self._segments: dict = {}
        self.dimension.currentIndexChanged.connect(lambda _index: self._show())
        self.retranslate()

    def retranslate(self) -> None:
        self.by_label.setText(QCoreApplication.translate("Dashboard", "Break down by"))
        for index in range(self.dimension.count()):
            self.dimension.setItemText(index, QCoreApplication.translate("Dashboard", self.DIMENSIONS[self.dimension.itemData(index)]))
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("Dashboard", "Segment"), QCoreApplication.translate("Dashboard", "Customers"),
            QCoreApplication.translate("Dashboard", "Spend in period"),
            QCoreApplication.translate("Dashboard", "Mean satisfaction"),
            QCoreApplication.translate("Dashboard", "Retention"),
            QCoreApplication.translate("Dashboard", "Bought before / again")])
        self._show()

    def show_segments(self, segments: dict) -> None:
        self._segments = segments
        self._show()

    def set_dimension(self, key: str) -> None:
        self.dimension.setCurrentIndex(self.dimension.findData(key))

    def rows(self) -> list[list[str]]:
        """What the table shows, cell by cell (for tests and a quick look)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def _show(self) -> None:
        dimension = self.dimension.currentData()
        figures = self._segments.get(dimension, [])
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(figures))
        for r, f in enumerate(figures):
            rate = f.retention_rate
            cells = [
                _item(_segment_text(dimension, f.segment)),
                _item(f"{f.customers:,}", sort=f.customers, align_right=True),
                _item(labels.money(f.spend_cents), sort=f.spend_cents, align_right=True),
                _item("—" if f.mean_satisfaction is None else f"{f.mean_satisfaction:.2f}",
                      sort=f.mean_satisfaction if f.mean_satisfaction is not None else -1, align_right=True),
                _item(percent(rate), sort=rate if rate is not None else -1, align_right=True),
                _item(f"{f.retention_base:,} / {f.retained:,}", sort=f.retention_base, align_right=True),
            ]
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
