"""The re-grade preview: how many customers would move between which tiers (the migration
matrix) and who they are, before the manager applies the re-grade."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.tiering.regrade import NO_TIER, RegradeReport
from accountdesk.core.tiering.scoring import DEFAULT_MODEL_NAME
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.theme import MUTED_TEXT
from accountdesk.ui.tiers.cards import column_color

MOVES_SHOWN = 1000  # the list is for reading; the matrix counts everyone
UP_COLOR = "#dcfce7"  # a better tier
DOWN_COLOR = "#fee2e2"  # a lower tier
SAME_COLOR = "#f3f4f6"


class RegradeDialog(Retranslating, QDialog):
    """Shows a dry-run report; Apply accepts (the page then runs the real re-grade)."""

    def __init__(self, report: RegradeReport, tiers: list[str], parent: QWidget | None = None, *,
                 intro: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("regradeDialog")
        self.report = report
        self.tiers = list(tiers) + [t for t in report.counts if t not in tiers]
        self.resize(780, 470)
        layout = QVBoxLayout(self)
        # Why the re-grade is offered (a sheet just saved or activated), when the page says so.
        self.intro = QLabel(intro)
        self.intro.setObjectName("regradeIntro")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("font-weight: 600;")
        self.intro.setVisible(bool(intro))
        layout.addWidget(self.intro)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("regradeSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.counts = QLabel()
        self.counts.setObjectName("mutedText")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts)
        self.tabs = QTabWidget()
        self.matrix = QTableWidget()
        self.matrix.setObjectName("migrationMatrix")
        self.moves = QTableWidget()
        self.moves.setObjectName("tierMoves")
        for table in (self.matrix, self.moves):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            table.verticalHeader().setDefaultSectionSize(34)
        self.moves.verticalHeader().hide()
        self.moves.setAlternatingRowColors(True)
        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        self.matrix_hint = QLabel()
        self.matrix_hint.setObjectName("mutedText")
        self.matrix_hint.setWordWrap(True)
        matrix_layout.addWidget(self.matrix_hint)
        matrix_layout.addWidget(self.matrix)
        matrix_layout.addStretch(1)
        self.tabs.addTab(matrix_page, "")
        self.tabs.addTab(self.moves, "")
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton()
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.retranslate()

    def tier_label(self, tier: str) -> str:
        return self.tr("Ungraded") if tier in (NO_TIER, "") else tier

    def tier_color(self, tier: str) -> QColor:
        return column_color("" if tier == NO_TIER else tier, self.tiers.index(tier) if tier in self.tiers else -1)

    def retranslate(self) -> None:
        report = self.report
        self.setWindowTitle(self.tr("Re-grade preview"))
        # Two sentences, each with one count, so each noun agrees with its own number.
        self.summary.setText(
            self.tr("As of %1 with the scoring sheet “%2” (version %3): %4 of %Ln customer(s) change tier.", "",
                    report.customers)
            .replace("%1", report.as_of.isoformat())
            .replace("%2", self.tr("Default scoring sheet") if report.model_name == DEFAULT_MODEL_NAME
                     else report.model_name)
            .replace("%3", str(report.model_version or "—")).replace("%4", f"<b>{len(report.changes):,}</b>")
            + " " + self.tr("%Ln locked customer(s) keep the tier set by hand.", "", report.locked))
        before: dict[str, int] = {}
        for old, row in report.matrix.items():
            before[old] = sum(row.values())
        parts = []
        for tier in self.tiers:
            old, new = before.get(tier, 0), report.counts.get(tier, 0)
            delta = new - old
            sign = f"+{delta:,}" if delta > 0 else f"{delta:,}"
            colour = "#15803d" if delta > 0 else "#b91c1c" if delta < 0 else MUTED_TEXT
            parts.append(f"<b style='color:{self.tier_color(tier).name()}'>{self.tier_label(tier)}</b> {old:,} → {new:,} "
                         f"<span style='color:{colour}'>({sign})</span>")
        self.counts.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts))
        self.matrix_hint.setText(self.tr("Rows: the tier now; columns: the tier after re-grading. Green cells "
                                         "move up, red cells move down, grey cells stay."))
        self.tabs.setTabText(0, self.tr("Migration matrix"))
        self.tabs.setTabText(1, self.tr("Customers who move (%1)").replace("%1", f"{len(report.changes):,}"))
        self.apply_button.setText(self.tr("Apply re-grade"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill_matrix()
        self._fill_moves()

    def _fill_matrix(self) -> None:
        report = self.report
        olds = [t for t in self.tiers if t in report.matrix] + [t for t in report.matrix if t not in self.tiers]
        news = list(self.tiers)
        order = {tier: index for index, tier in enumerate(self.tiers)}
        self.matrix.setRowCount(len(olds) + 1)
        self.matrix.setColumnCount(len(news) + 1)
        self.matrix.setHorizontalHeaderLabels([self.tr("→ %1").replace("%1", self.tier_label(t)) for t in news]
                                              + [self.tr("Total")])
        self.matrix.setVerticalHeaderLabels([self.tr("%1 now").replace("%1", self.tier_label(t)) for t in olds]
                                            + [self.tr("After")])
        bold = QFont()
        bold.setBold(True)
        for r, old in enumerate(olds):
            row = report.matrix.get(old, {})
            for c, new in enumerate(news):
                count = row.get(new, 0)
                item = QTableWidgetItem(f"{count:,}" if count else "·")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if old == new:
                    item.setBackground(QBrush(QColor(SAME_COLOR)))
                elif count:
                    up = order.get(new, 99) < order.get(old, 99)
                    item.setBackground(QBrush(QColor(UP_COLOR if up else DOWN_COLOR)))
                    item.setFont(bold)
                self.matrix.setItem(r, c, item)
            total = QTableWidgetItem(f"{sum(row.values()):,}")
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            total.setFont(bold)
            self.matrix.setItem(r, len(news), total)
        for c, new in enumerate(news):
            item = QTableWidgetItem(f"{report.counts.get(new, 0):,}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setFont(bold)
            self.matrix.setItem(len(olds), c, item)
        grand = QTableWidgetItem(f"{report.customers:,}")
        grand.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        grand.setFont(bold)
        self.matrix.setItem(len(olds), len(news), grand)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.setFixedHeight(self.matrix.horizontalHeader().sizeHint().height() + 34 * (len(olds) + 1) + 4)

    @property
    def _bold(self) -> QFont:
        font = QFont()
        font.setBold(True)
        return font

    def _fill_moves(self) -> None:
        moves = self.report.changes[:MOVES_SHOWN]
        titles = [self.tr("Code"), self.tr("Customer"), self.tr("Now"), self.tr("After"), self.tr("Score")]
        self.moves.setColumnCount(len(titles))
        self.moves.setHorizontalHeaderLabels(titles)
        self.moves.setRowCount(len(moves))
        for r, move in enumerate(moves):
            cells = [move.code, move.name, self.tier_label(move.old_tier or NO_TIER), move.new_tier,
                     labels.score(move.score)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c in (2, 3):
                    item.setForeground(QBrush(self.tier_color(move.old_tier or NO_TIER if c == 2 else move.new_tier)))
                    item.setFont(self._bold)
                self.moves.setItem(r, c, item)
        header = self.moves.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 100), (2, 90), (3, 90), (4, 80)):
            self.moves.setColumnWidth(column, width)
