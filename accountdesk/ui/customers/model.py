"""The customer list's table model: customer ids in display order plus a cache of rows filled page by page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from accountdesk.core.tiering.rfm import SEGMENT_LABELS
from accountdesk.core.tiering.segments import FREQUENCY_LABELS
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.theme import MUTED_TEXT, OVERDUE_COLOR, tier_color

PAGE_SIZE = 100
MAX_CACHED_ROWS = 20_000

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    key: str  # CustomerRow attribute (and the sort key the core knows)
    title: str  # English source, "CustomerColumns" context
    width: int
    sortable: bool = True
    hidden: bool = False  # hidden until the user shows it (header menu)
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("code", QT_TRANSLATE_NOOP("CustomerColumns", "Code"), 80),
    Column("name", QT_TRANSLATE_NOOP("CustomerColumns", "Customer"), 180),
    Column("company", QT_TRANSLATE_NOOP("CustomerColumns", "Company"), 170, hidden=True),
    Column("contact_person", QT_TRANSLATE_NOOP("CustomerColumns", "Contact"), 70),
    Column("phone", QT_TRANSLATE_NOOP("CustomerColumns", "Phone"), 110),
    Column("owner", QT_TRANSLATE_NOOP("CustomerColumns", "Owner"), 64),
    Column("tier", QT_TRANSLATE_NOOP("CustomerColumns", "Tier"), 40),
    Column("score", QT_TRANSLATE_NOOP("CustomerColumns", "Score"), 50, numeric=True),
    Column("stage", QT_TRANSLATE_NOOP("CustomerColumns", "Stage"), 76),
    Column("last_contact", QT_TRANSLATE_NOOP("CustomerColumns", "Last contact"), 88),
    Column("next_revisit", QT_TRANSLATE_NOOP("CustomerColumns", "Next revisit"), 88),
    Column("total_spend", QT_TRANSLATE_NOOP("CustomerColumns", "Total spend"), 112, numeric=True),
    Column("tags", QT_TRANSLATE_NOOP("CustomerColumns", "Tags"), 140, sortable=False),
    # The method's classes (客户分类); frequency is worked out, not stored, so it does not sort.
    Column("need_type", QT_TRANSLATE_NOOP("CustomerColumns", "Need type"), 80),
    Column("frequency_level", QT_TRANSLATE_NOOP("CustomerColumns", "Frequency"), 76, sortable=False),
    Column("purchasing_power", QT_TRANSLATE_NOOP("CustomerColumns", "Purchasing power"), 88, hidden=True),
    Column("rfm_segment", QT_TRANSLATE_NOOP("CustomerColumns", "RFM segment"), 100, hidden=True),
)


def column_index(key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS) if column.key == key)


class CustomerTableModel(QAbstractTableModel):
    """Holds only ids and a cache of plain CustomerRow objects; ``data()`` never queries.

    A row not in the cache shows blank and is queued; a zero-delay timer then fetches the
    queued rows' pages in one quick read and announces them, so scrolling through 100,000
    customers reads only the pages that come into view.
    """

    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(self, fetch_rows: Callable[[list[int]], dict], today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._today = today
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, object] = {}
        self._wanted_pages: set[int] = set()
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self.fetch_wanted)
        self._bold = QFont()
        self._bold.setBold(True)
        # Users are stored by login name; the list shows the name people know them by.
        self.owner_names: dict[str, str] = {}

    # --- contents ---------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        """Show these customers in this order (after a search, filter or sort)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {customer_id: row for row, customer_id in enumerate(self._ids)}
        if len(self._cache) > MAX_CACHED_ROWS:
            self._cache.clear()
        self._wanted_pages.clear()
        self.endResetModel()
        # The first screenful is read at once so the list never opens blank.
        self._load_pages({0})

    def ids(self) -> list[int]:
        return list(self._ids)

    def customer_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        return self._row_of.get(customer_id)

    def cached_row(self, customer_id: int):
        return self._cache.get(customer_id)

    def forget(self, customer_ids=None) -> None:
        """Drop cached rows (all of them with None) without announcing; a new id list follows."""
        if customer_ids is None:
            self._cache.clear()
        else:
            for customer_id in customer_ids:
                self._cache.pop(customer_id, None)

    def invalidate(self, customer_ids) -> None:
        """Forget cached rows that changed; those in view are read again at once."""
        rows = []
        for customer_id in customer_ids:
            self._cache.pop(customer_id, None)
            row = self._row_of.get(customer_id)
            if row is not None:
                rows.append(row)
        if rows:
            self._load_pages({row // PAGE_SIZE for row in rows})

    def invalidate_all(self) -> None:
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # --- fetching ---------------------------------------------------------------------

    def fetch_wanted(self) -> None:
        pages, self._wanted_pages = self._wanted_pages, set()
        self._load_pages(pages)

    def _load_pages(self, pages: set[int]) -> None:
        missing: list[int] = []
        for page in sorted(pages):
            start = page * PAGE_SIZE
            missing.extend(i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache)
        if missing:
            self._cache.update(self._fetch_rows(missing))
        for page in pages:
            first = page * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            if first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # --- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt override)
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("CustomerColumns", COLUMNS[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        customer_id = self._ids[index.row()]
        if role == ID_ROLE:
            return customer_id
        row = self._cache.get(customer_id)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._wanted_pages.add(index.row() // PAGE_SIZE)
                if not self._fetch_timer.isActive():
                    self._fetch_timer.start()
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.deleted:
                return QColor(MUTED_TEXT)
            if column.key == "tier" and row.tier:
                return tier_color(row.tier)
            if column.key == "next_revisit" and row.next_revisit is not None and row.next_revisit < self._today():
                return QColor(OVERDUE_COLOR)
            if column.key == "stage" and row.stage in ("at_risk", "churned"):
                return QColor(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.FontRole and column.key in ("tier", "name"):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "next_revisit" and row.next_revisit is not None and row.next_revisit < self._today():
                return QCoreApplication.translate("CustomerColumns", "Revisit overdue")
            if column.key in ("tags", "name", "company"):
                return self._display(row, column.key) or None
        return None

    def _display(self, row, key: str) -> str:
        if key == "stage":
            return labels.stage(row.stage)
        if key == "score":
            return labels.score(row.score)
        if key == "last_contact":
            return labels.day(row.last_contact)
        if key == "next_revisit":
            return labels.day(row.next_revisit)
        if key == "total_spend":
            return labels.money(row.total_spend_cents)
        if key == "tags":
            return labels.join(row.tags)
        if key == "need_type":
            return labels.need_type(row.need_type)
        if key == "purchasing_power":
            return labels.purchasing_power(row.purchasing_power)
        if key == "frequency_level":
            return FREQUENCY_LABELS[row.frequency_level].text() if row.frequency_level in FREQUENCY_LABELS else ""
        if key == "rfm_segment":
            return SEGMENT_LABELS[row.rfm_segment].text() if row.rfm_segment in SEGMENT_LABELS else ""
        if key == "name" and row.deleted:
            return row.name + " " + QCoreApplication.translate("CustomerColumns", "(deleted)")
        if key == "owner":
            return self.owner_names.get(row.owner, row.owner) if row.owner else ""
        value = getattr(row, key)
        return "" if value is None else str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column].sortable:
            self.sort_requested.emit(COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
