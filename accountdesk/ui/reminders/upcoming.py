"""The 即将到来 (coming up) panel under the reminder list: the next N days' festivals, birthdays
(lunar ones included), anniversaries and planned revisits, grouped by day, read-only, so greetings
and gifts are prepared ahead of the day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core import i18n
from accountdesk.core.reminders.centre import ReminderRow
from accountdesk.core.reminders.lookahead import ComingDay, coming_up
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.reminders.items import kind_icon, kind_text

SPANS = (7, 14, 30, 60)
_WEEKDAYS_ZH = "一二三四五六日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class UpcomingPanel(Retranslating, QWidget):
    """Reads on the reader thread whenever the reminder page reloads (same owner filter)."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("upcomingPanel")
        self.days: list[ComingDay] = []
        self.owners: list[int] | None = None
        self._serial = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.span_combo = QComboBox()
        self.span_combo.setObjectName("upcomingSpan")
        for days in SPANS:
            self.span_combo.addItem("", days)
        self.span_combo.setCurrentIndex(SPANS.index(30))
        self.count_label = QLabel()
        self.count_label.setObjectName("mutedText")
        top.addWidget(self.title)
        top.addWidget(self.span_combo)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        layout.addLayout(top)
        self.tree = QTreeWidget()
        self.tree.setObjectName("upcomingTree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 420)
        self.tree.setColumnWidth(1, 240)
        layout.addWidget(self.tree, 1)
        self.span_combo.currentIndexChanged.connect(lambda _i: self.reload(self.owners))
        self.retranslate()

    def span(self) -> int:
        return int(self.span_combo.currentData())

    def reload(self, owners: list[int] | None) -> None:
        self.owners = owners
        self._serial += 1
        serial = self._serial
        today, days = self.context.today(), self.span()

        def done(found: list[ComingDay]) -> None:
            if serial == self._serial:
                self.days = found
                self._show()

        self.context.operations.read(lambda session: coming_up(session, today, days, owners=owners), done,
                                     label=self.tr("Looking ahead…"))

    def day_title(self, on: date, count: int) -> str:
        today = self.context.today()
        if i18n.current_language() == "zh":
            weekday = f"{on.month}月{on.day}日 周{_WEEKDAYS_ZH[on.weekday()]}"
        else:
            weekday = f"{_WEEKDAYS_EN[on.weekday()]} {on.isoformat()}"
        if on == today:
            weekday = self.tr("Today, %1").replace("%1", weekday)
        elif (on - today).days == 1:
            weekday = self.tr("Tomorrow, %1").replace("%1", weekday)
        else:
            weekday = self.tr("%1 (in %n day(s))", "", (on - today).days).replace("%1", weekday)
        return weekday + " · " + self.tr("%n item(s)", "", count)

    def row_texts(self, row: ReminderRow) -> tuple[str, str, str]:
        who = f"{row.customer_name} · {row.customer_code}" if row.customer_code else self.tr("all customers")
        if row.state == "upcoming" and row.due_on <= self.context.today():
            when = self.tr("reminded at the next check today")
        elif row.state == "upcoming":
            when = self.tr("reminder on %1").replace("%1", row.due_on.isoformat())
        else:
            when = self.tr("already in the list")
        return row.subject(i18n.current_language()), who, when

    def _show(self) -> None:
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        total = 0
        for day in self.days:
            header = QTreeWidgetItem([self.day_title(day.on, len(day.rows)), "", ""])
            header.setFirstColumnSpanned(True)
            header.setFont(0, bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(header)
            for row in day.rows:
                item = QTreeWidgetItem(list(self.row_texts(row)))
                item.setIcon(0, kind_icon(row.kind))
                item.setToolTip(0, kind_text(row.kind))
                item.setData(0, Qt.ItemDataRole.UserRole, row.key)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                header.addChild(item)
                total += 1
            header.setFirstColumnSpanned(True)
            header.setExpanded(True)
        self.count_label.setText(self.tr("%n item(s)", "", total) + " · "
                                 + self.tr("%n day(s) with something", "", len(self.days)) if total else self.tr("Nothing in these days."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Coming up in the next"))
        for index, days in enumerate(SPANS):
            self.span_combo.setItemText(index, self.tr("%1 days").replace("%1", str(days)))
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Customer"), self.tr("Reminder")])
        self._show()
