"""The 统计 page: a period selector, headline tiles, charts per tier and month, tier migration,
churn risk and per-owner figures, and their export to Excel or JSON."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.core.kpi.dashboard import (
    PERIODS,
    DashboardFigures,
    PeriodInfo,
    export_dashboard,
    load_period,
    period_info,
)
from accountdesk.ui.dashboard.charts import Bar, BarChart, LineChart, Point
from accountdesk.ui.dashboard.tables import (
    CareTable,
    ChurnRiskTable,
    MigrationTable,
    OwnerTable,
    SegmentTable,
    WinBackTable,
    percent,
    tier_text,
)
from accountdesk.ui.kit import labels
from accountdesk.ui.kit.page_base import ReloadsWhenShown
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.theme import ACCENT, MUTED_TEXT, tier_color

# What the figures depend on; other changes (a contact's phone, a reminder) leave them as they are.
RELEVANT_CHANGES = ("customer_list", "transactions", "interactions", "revisits", "tiers", "users", "winbacks", "care")

PAGE_STYLE = f"""
QWidget#dashboardContent {{ background: #f6f7f9; }}
QFrame#kpiTile {{ background: white; border: 1px solid #e5e7eb; border-radius: 8px; }}
QFrame#kpiTile[accent="true"] {{ border-top: 3px solid {ACCENT}; }}
QLabel#kpiTitle {{ color: {MUTED_TEXT}; font-size: 13px; }}
QLabel#kpiValue {{ font-size: 26px; font-weight: 600; color: #111827; }}
QLabel#kpiCaption {{ color: {MUTED_TEXT}; font-size: 12px; }}
QFrame#tableCard {{ background: white; border: 1px solid #e5e7eb; border-radius: 8px; }}
QLabel#cardTitle {{ font-size: 14px; font-weight: 600; color: #111827; }}
QLabel#cardCaption {{ color: {MUTED_TEXT}; }}
QTableWidget {{ border: none; }}
"""


def compact_money(cents: int) -> str:
    """Money short enough for a bar label: ¥6,345万 / ¥1.2亿 in Chinese, ¥63.5M / ¥820K in English."""
    yuan = cents / 100
    units = ((1e8, "亿"), (1e4, "万")) if QLocale().language() == QLocale.Language.Chinese else (
        (1e9, "B"), (1e6, "M"), (1e3, "K"))
    for size, unit in units:
        if abs(yuan) >= size:
            scaled = yuan / size
            return f"¥{scaled:,.0f}{unit}" if abs(scaled) >= 100 else f"¥{scaled:,.1f}{unit}".replace(".0" + unit, unit)
    return f"¥{yuan:,.0f}"


def rate_range(figures) -> dict[str, float]:
    """A scale around the monthly rates (10 points of air, within 0–100 %), so a change of a few
    points is visible rather than a flat line near the top."""
    rates = [r.rate for r in figures if r.rate is not None]
    if not rates:
        return {"minimum": 0.0, "maximum": 1.0}
    low = max(0.0, math.floor((min(rates) - 0.1) * 10) / 10)
    high = min(1.0, math.ceil((max(rates) + 0.05) * 10) / 10)
    return {"minimum": low, "maximum": max(high, low + 0.1)}


class KpiTile(QFrame):
    """One headline figure: what it is, the number, and what it is made of."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setProperty("accent", key == "customers")
        self.key = key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("kpiTitle")
        self.value = QLabel("—")
        self.value.setObjectName("kpiValue")
        self.caption = QLabel()
        self.caption.setObjectName("kpiCaption")
        self.caption.setWordWrap(True)
        for label in (self.title, self.value, self.caption):
            layout.addWidget(label)
        # Equal widths whatever the captions say: a long caption wraps instead of narrowing a neighbour.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(150)
        self.setFixedHeight(124)  # room for a second caption line: the figure for the days compared with

    def show_figure(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)


class _Card(QFrame):
    """A white card with a title and caption above a table."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tableCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.caption = QLabel()
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(body, 1)


class DashboardPage(ReloadsWhenShown, Retranslating, QWidget):
    """Figures load on the reader thread; a newer request (period changed again) wins over an older one."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("dashboardPage")
        self.setStyleSheet(PAGE_STYLE)
        self.figures: DashboardFigures | None = None
        self._serial = 0
        self._stale = False
        self.export_task = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        content = QWidget()
        content.setObjectName("dashboardContent")
        self.scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)

        # --- title and period ---
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        for key in PERIODS:
            self.period_combo.addItem("", key)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = context.today()
        self.start_edit.setDate(QDate(today.year, 1, 1))
        self.end_edit.setDate(QDate(today.year, today.month, today.day))
        self.range_dash = QLabel("–")
        self.range_label = QLabel()
        self.range_label.setObjectName("mutedText")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshButton")
        self.export_button = QPushButton()
        self.export_button.setObjectName("primaryButton")
        header.addWidget(self.title)
        header.addSpacing(16)
        header.addWidget(self.period_combo)
        header.addWidget(self.start_edit)
        header.addWidget(self.range_dash)
        header.addWidget(self.end_edit)
        header.addSpacing(8)
        header.addWidget(self.range_label)
        header.addStretch(1)
        header.addWidget(self.refresh_button)
        header.addWidget(self.export_button)
        layout.addLayout(header)

        # --- headline tiles ---
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        self.tiles = {key: KpiTile(key) for key in ("customers", "top_share", "retention", "satisfaction", "revisits")}
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)
        # Customers owned below what their tier asks: the resources the method allots are not met.
        self.resource_label = QLabel()
        self.resource_label.setObjectName("resourceGaps")
        self.resource_label.setWordWrap(True)
        self.resource_label.setStyleSheet("background: #fee2e2; color: #991b1b; border: 1px solid #fca5a5; "
                                          "border-radius: 6px; padding: 6px 10px;")
        self.resource_label.hide()
        layout.addWidget(self.resource_label)

        # --- charts ---
        charts = QGridLayout()
        charts.setSpacing(12)
        self.tier_chart = BarChart()
        self.value_chart = BarChart()
        self.retention_chart = LineChart()
        self.satisfaction_chart = BarChart()
        for column, chart in enumerate((self.tier_chart, self.value_chart, self.retention_chart,
                                        self.satisfaction_chart)):
            chart.setFixedHeight(262)
            charts.addWidget(chart, 0, column)
            charts.setColumnStretch(column, 2 if chart is self.retention_chart else 1)
        layout.addLayout(charts)

        # --- migration and churn risk ---
        tables = QHBoxLayout()
        tables.setSpacing(12)
        self.migration_table = MigrationTable()
        self.migration_card = _Card(self.migration_table)
        self.churn_table = ChurnRiskTable()
        self.churn_card = _Card(self.churn_table)
        for card in (self.migration_card, self.churn_card):
            card.setMinimumHeight(300)
        tables.addWidget(self.migration_card, 2)
        tables.addWidget(self.churn_card, 3)
        layout.addLayout(tables)

        self.segment_table = SegmentTable()
        self.segment_card = _Card(self.segment_table)
        self.segment_card.setMinimumHeight(320)
        layout.addWidget(self.segment_card)

        self.owner_table = OwnerTable()
        self.owner_card = _Card(self.owner_table)
        layout.addWidget(self.owner_card)

        # --- win-back and care ---
        self.win_back_table = WinBackTable()
        self.win_back_card = _Card(self.win_back_table)
        layout.addWidget(self.win_back_card)
        self.care_table = CareTable()
        self.care_card = _Card(self.care_table)
        layout.addWidget(self.care_card)
        layout.addStretch(1)

        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.start_edit.dateChanged.connect(self._on_custom_range)
        self.end_edit.dateChanged.connect(self._on_custom_range)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export)
        self.churn_table.open_customer.connect(self.open_customer)
        context.hub.operation_did_execute.connect(self._on_changes)
        self.retranslate()
        self._update_custom_visibility()
        self.reload()

    # --- the period -----------------------------------------------------------------------------

    @property
    def period(self) -> str:
        return str(self.period_combo.currentData())

    def set_period(self, key: str, start: date | None = None, end: date | None = None) -> None:
        """Choose a period as the selector does (custom with its two dates)."""
        if start is not None and end is not None:
            for edit, day in ((self.start_edit, start), (self.end_edit, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        index = self.period_combo.findData(key)
        if index == self.period_combo.currentIndex():
            self.reload()
        else:
            self.period_combo.setCurrentIndex(index)

    def current_period(self) -> PeriodInfo:
        start, end = self.start_edit.date(), self.end_edit.date()
        return period_info(self.period, self.context.today(),
                           date(start.year(), start.month(), start.day()), date(end.year(), end.month(), end.day()))

    def current_range(self) -> tuple[date, date]:
        period = self.current_period()
        return period.start, period.end

    def _on_period_changed(self, _index: int) -> None:
        self._update_custom_visibility()
        self.reload()

    def _on_custom_range(self, _date: QDate) -> None:
        if self.period == "custom":
            self.reload()

    def _update_custom_visibility(self) -> None:
        custom = self.period == "custom"
        for widget in (self.start_edit, self.range_dash, self.end_edit):
            widget.setVisible(custom)

    # --- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        if self.period == "custom" and self.start_edit.date() > self.end_edit.date():
            self.range_label.setVisible(True)
            self.range_label.setText(self.tr("The start date is after the end date."))
            return
        period = self.current_period()
        today = self.context.today()
        self._serial += 1
        serial = self._serial
        self._stale = False
        self._show_range(period)

        def done(figures: DashboardFigures) -> None:
            if serial == self._serial:
                self.show_figures(figures)

        self.context.operations.read(lambda session: load_period(session, period, today), done,
                                     label=self.tr("Calculating the figures…"))

    def _show_range(self, period: PeriodInfo) -> None:
        """The days shown, and, for a period still running, that it is so and what it is compared with."""
        text = f"{period.start.isoformat()} – {period.end.isoformat()}"
        if period.partial:
            text += "  ·  " + self.tr("not ended: day %1 of %2").replace("%1", str(period.days)).replace(
                "%2", str(period.total_days))
        text += "  ·  " + self.tr("compared with %1 – %2").replace("%1", period.compare_start.isoformat()).replace(
            "%2", period.compare_end.isoformat())
        self.range_label.setText(text)
        self.range_label.setVisible(True)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.everything or changes.customers or any(changes.touches(name) for name in RELEVANT_CHANGES):
            self.request_reload()

    # --- showing --------------------------------------------------------------------------------

    def show_figures(self, figures: DashboardFigures) -> None:
        self.figures = figures
        self._show_tiles(figures)
        self._show_charts(figures)
        self._show_tables(figures)

    def _then(self, text: str) -> str:
        """A tile's comparison line: the same figure for the days compared with."""
        return self.tr("same days before: %1").replace("%1", text)

    def _show_tiles(self, f: DashboardFigures) -> None:
        board = f.dashboard
        then = f.comparison
        self.tiles["customers"].show_figure(
            f"{f.customers:,}", self.tr("Spend in period: %1").replace("%1", labels.money(f.spend_cents))
            + ("" if then is None else "\n" + self._then(labels.money(then.spend_cents))))
        top = next((t for t in board.tiers if t.tier == f.top_tier), None)
        self.tiles["top_share"].show_figure(
            percent(f.top_tier_share),
            self.tr("%Ln customer(s) in %2", "", top.customers if top else 0)
            .replace("%2", tier_text(f.top_tier)))
        retention = f.period_retention
        self.tiles["retention"].show_figure(
            percent(retention.rate),
            self.tr("%1 of %2 earlier buyers bought again").replace("%1", f"{retention.retained:,}")
            .replace("%2", f"{retention.base:,}")
            + ("" if then is None else "\n" + self._then(percent(then.retention.rate))))
        self.tiles["satisfaction"].show_figure(
            "—" if f.mean_satisfaction is None else f"{f.mean_satisfaction:.2f}",
            self.tr("out of 5, from %Ln rating(s)", "", f.satisfaction_scores)
            + ("" if then is None else "\n" + self._then(
                "—" if then.mean_satisfaction is None else f"{then.mean_satisfaction:.2f}")))
        revisits = board.revisits
        # Of the revisits decided (done, or late): those still open within their grace are not counted yet.
        caption = self.tr("%1 of %2 on time, %3 overdue").replace("%1", f"{revisits.done_on_time:,}") \
            .replace("%2", f"{revisits.decided:,}").replace("%3", f"{revisits.open_overdue:,}")
        if revisits.pending:
            caption += self.tr("; %Ln open in grace", "", revisits.pending)
        if then is not None:
            caption += "\n" + self._then(percent(then.revisits.on_time_rate))
        self.tiles["revisits"].show_figure(percent(revisits.on_time_rate), caption)
        self.tiles["top_share"].title.setText(self.tr("%1 share of spend").replace("%1", tier_text(f.top_tier)))
        partial = f.period is not None and f.period.partial
        for key, tile in self.tiles.items():
            # A period still running says so on each figure made of its days so far.
            tile.title.setText(self._tile_title(key, f) + (self.tr(" (so far)") if partial and key != "customers"
                                                             else ""))

    def _tile_title(self, key: str, f: DashboardFigures | None = None) -> str:
        titles = {
            "customers": self.tr("Customers"),
            "top_share": self.tr("%1 share of spend").replace("%1", tier_text(f.top_tier)) if f is not None
            else self.tr("Top tier share of spend"),
            "retention": self.tr("Retention rate"),
            "satisfaction": self.tr("Mean satisfaction"),
            "revisits": self.tr("Revisits on time"),
        }
        return titles[key]

    def _show_charts(self, f: DashboardFigures) -> None:
        board = f.dashboard
        tiers = board.tiers
        self.tier_chart.set_bars(
            [Bar(tier_text(t.tier), t.customers, tier_color(t.tier).name(), f"{t.customers:,}") for t in tiers])
        self.value_chart.set_bars(
            [Bar(tier_text(t.tier), t.spend_cents / 100, tier_color(t.tier).name(),
                 f"{compact_money(t.spend_cents)}\n{percent(t.share_of_spend, 0)}") for t in tiers],
            value_format=lambda v: compact_money(int(v * 100)), headroom=0.3)
        self.retention_chart.set_points(
            [Point(self._month_label(r.start), r.rate) for r in board.retention],
            value_format=lambda v: f"{v * 100:.0f}%", label_every=2, **rate_range(board.retention))
        if board.retention:
            first, last = board.retention[0].start, board.retention[-1].end
            subtitle = self.tr("%1 – %2: buyers of the month before who bought again") \
                .replace("%1", QLocale().toString(QDate(first.year, first.month, 1), self.tr("MMM yyyy"))) \
                .replace("%2", QLocale().toString(QDate(last.year, last.month, 1), self.tr("MMM yyyy")))
            if last < board.end:
                # The month still running is left out: its few days would read as a fall.
                subtitle += self.tr("; %1 has not ended").replace(
                    "%1", QLocale().toString(QDate(board.end.year, board.end.month, 1), self.tr("MMMM")))
            self.retention_chart.set_title(self.tr("Retention per month"), subtitle)
        self.satisfaction_chart.set_bars(
            [Bar(tier_text(tier), mean, tier_color(tier).name(), f"{mean:.2f}") for tier, (mean, _n) in
             board.satisfaction.items()],
            value_format=lambda v: f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}", maximum=5.0)
        scores = sum(n for _m, n in board.satisfaction.values())
        self.satisfaction_chart.set_title(self.tr("Satisfaction per tier"),
                                          self.tr("Mean of %Ln rating(s), 1–5", "", scores))

    def _month_label(self, first: date) -> str:
        return QLocale().toString(QDate(first.year, first.month, 1), self.tr("MMM"))

    def _show_resource_gaps(self, f: DashboardFigures) -> None:
        gaps = f.resource_gaps
        self.resource_label.setVisible(bool(gaps))
        if not gaps:
            return
        per_tier: dict[str, int] = {}
        for gap in gaps:
            per_tier[gap.tier] = per_tier.get(gap.tier, 0) + gap.customers
        tiers = labels.join(f"{tier_text(tier)} {count:,}" for tier, count in per_tier.items())
        lines = [gap.message(f.owner_name(gap.owner) if gap.owner else None).text() for gap in gaps[:3]]
        if len(gaps) > 3:
            lines.append(self.tr("and %Ln more owner(s) below their tier's rep level", "", len(gaps) - 3))
        self.resource_label.setText(
            self.tr("Resources not met: customers owned below the rep level their tier asks (%1).").replace("%1", tiers)
            + "\n" + "\n".join("· " + line for line in lines))

    def _show_tables(self, f: DashboardFigures) -> None:
        self._show_resource_gaps(f)
        board = f.dashboard
        matrix = board.migration
        self.migration_table.show_matrix(matrix)
        moved = matrix.moved()
        self.migration_card.caption.setText(
            self.tr("%1 → %2: %Ln customer(s) changed tier. Rows: tier at the start; columns: at the end.", "", moved)
            .replace("%1", matrix.start.isoformat()).replace("%2", matrix.end.isoformat())
            if matrix.tiers else self.tr("No tier history for this period yet."))
        self.churn_table.show_rows(board.churn_risk, f.owner_name)
        self.churn_card.caption.setText(
            self.tr("%Ln customer(s) at risk or churned, the most valuable first. Double-click to open one.", "",
                    len(board.churn_risk)))
        self.segment_table.show_segments(board.segments)
        self.segment_card.caption.setText(self.tr(
            "Customers by their class now; spend and satisfaction in the period; retention: of those who bought in "
            "the same number of days before, the share who bought again."))
        self.owner_table.show_owners(board.owners, f.tier_order, f.owner_name)
        self.owner_card.caption.setText(self.tr("Customers now, and spend, interactions and revisits in the period."))
        if f.winbacks is not None:
            self.win_back_table.show_figures(f.winbacks, f.owner_name)
        self.win_back_card.caption.setText(
            self.tr("Started in the period, by churn reason; the rate is won back among those that ended in it."))
        self.care_table.show_rows(f.care)
        self.care_table.setVisible(bool(f.care))
        self.care_card.caption.setText(
            self.tr("Gifts, coupons and points given in the period, against what each tier spent.")
            if f.care else self.tr("No care given or spend in this period."))

    # --- actions --------------------------------------------------------------------------------

    def open_customer(self, customer_id: int) -> None:
        self.context.hub.customer_open_requested.emit(customer_id)

    def export(self) -> None:
        """Ask where, then write the figures on screen (.xlsx, a sheet per section, or .json)."""
        figures = self.figures
        if figures is None:
            return
        name = self.tr("Statistics %1 to %2").replace("%1", figures.start.isoformat()) \
            .replace("%2", figures.end.isoformat()) + ".xlsx"
        start_dir = getattr(self.context.database, "path", None)
        directory = str(Path(start_dir).parent / name) if start_dir is not None else name
        path = self.context.dialogs.save_file(
            self, self.tr("Export the figures"), self.tr("Excel workbook (*.xlsx);;JSON (*.json)"), directory)
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".json"):
            path = path.with_name(path.name + ".xlsx")

        def done(written: Path) -> None:
            self.context.hub.status_message.emit(self.tr("Figures exported to %1").replace("%1", str(written)))

        def failed(error: BaseException) -> None:
            from accountdesk.ui.kit.dialogs import error_text

            self.context.dialogs.error(self, self.tr("Export the figures"), error_text(error))

        # Writing a workbook touches no database: the reader worker keeps the GUI free meanwhile.
        self.export_task = self.context.runner.run_read(lambda: export_dashboard(figures, path), done, failed,
                                                        label=self.tr("Exporting the figures…"))

    # --- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Statistics"))
        names = {
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "this_quarter": self.tr("This quarter"),
            "this_year": self.tr("This year"),
            "custom": self.tr("Custom range…"),
        }
        for index in range(self.period_combo.count()):
            self.period_combo.setItemText(index, names[self.period_combo.itemData(index)])
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export…"))
        for key, tile in self.tiles.items():
            tile.title.setText(self._tile_title(key))
        self.tier_chart.set_title(self.tr("Customers per tier"), self.tr("Everyone in the archive now"))
        self.value_chart.set_title(self.tr("Spend per tier"), self.tr("In the period, and share of the total"))
        self.retention_chart.set_title(self.tr("Retention per month"),
                                       self.tr("Buyers of the month before who bought again"))
        self.satisfaction_chart.set_title(self.tr("Satisfaction per tier"), "")
        empty = self.tr("No figures for this period")
        for chart in (self.tier_chart, self.value_chart, self.retention_chart, self.satisfaction_chart):
            chart.set_empty_text(empty)
        self.migration_card.title.setText(self.tr("Tier migration"))
        self.churn_card.title.setText(self.tr("Churn risk"))
        self.owner_card.title.setText(self.tr("Per owner"))
        self.win_back_card.title.setText(self.tr("Win-back"))
        self.care_card.title.setText(self.tr("Care against value per tier"))
        self.win_back_table.retranslate()
        self.care_table.retranslate()
        self.segment_card.title.setText(self.tr("Per segment"))
        self.segment_table.retranslate()
        self.churn_table.retranslate()
        self.owner_table.retranslate()
        if self.figures is not None:
            self.show_figures(self.figures)  # texts inside the figures (tier names, captions) too
