"""Bar and line charts for the statistics screen, drawn with pyqtgraph and styled like the rest of the app."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass

# pyqtgraph picks the first Qt binding it can import; ours is PySide6 whatever else is installed.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QPen  # noqa: E402
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget  # noqa: E402

from accountdesk.ui.kit.theme import ACCENT, MUTED_TEXT  # noqa: E402

# Smooth lines and dots; set once for every chart of the application.
pg.setConfigOptions(antialias=True)

AXIS_COLOR = "#9ca3af"
TEXT_COLOR = "#374151"
GRID_ALPHA = 0.25
ValueFormat = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or float(value).is_integer() else f"{value:.2g}"


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar
    value: float
    color: str = ACCENT
    text: str = ""  # above the bar; empty: the value as the axis formats it


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None  # None: no figure for this point (the line breaks there)
    text: str = ""


class _ValueAxis(pg.AxisItem):
    """The value axis, with tick texts in the chart's own format (¥, %, plain)."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.value_format: ValueFormat = _plain

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        return [self.value_format(v * scale) for v in values]


def _centered():
    from PySide6.QtGui import QTextOption

    option = QTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return option


def _style_axis(axis: pg.AxisItem, font: QFont) -> None:
    axis.setPen(pg.mkPen(AXIS_COLOR))
    axis.setTextPen(pg.mkPen(TEXT_COLOR))
    axis.setTickFont(font)
    axis.setStyle(tickTextOffset=6)


class Chart(QFrame):
    """A card: a title, a caption, and a plot (or a muted note when there is nothing to draw)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "QFrame#chartCard { background: white; border: 1px solid #e5e7eb; border-radius: 8px; }"
            "QLabel#chartTitle { font-size: 14px; font-weight: 600; color: #111827; }"
            f"QLabel#chartCaption, QLabel#chartEmpty {{ color: {MUTED_TEXT}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("chartTitle")
        self.caption = QLabel()
        self.caption.setObjectName("chartCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        self.plot = pg.PlotWidget(axisItems={"left": _ValueAxis("left")}, background="w")
        self.plot.setMinimumHeight(150)
        self.plot.setFrameShape(QFrame.Shape.NoFrame)
        item = self.plot.getPlotItem()
        # A report, not an instrument: no zooming, panning, context menu or auto-range button.
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.showGrid(x=False, y=True, alpha=GRID_ALPHA)
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(self._font.pointSizeF() - 0.5, 8))
        for name in ("left", "bottom"):
            _style_axis(item.getAxis(name), self._font)
        item.getAxis("bottom").setStyle(tickLength=0)
        self.empty = QLabel()
        self.empty.setObjectName("chartEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._labels: list[pg.TextItem] = []

    @property
    def value_axis(self) -> _ValueAxis:
        return self.plot.getPlotItem().getAxis("left")  # type: ignore[return-value]

    def set_title(self, title: str, caption: str = "") -> None:
        self.title.setText(title)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))

    def set_empty_text(self, text: str) -> None:
        self.empty.setText(text)

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def _clear(self) -> None:
        self.plot.getPlotItem().clear()
        self._labels.clear()

    def _show(self, has_data: bool) -> None:
        self.stack.setCurrentWidget(self.plot if has_data else self.empty)

    def _add_label(self, text: str, x: float, y: float, color: str = TEXT_COLOR) -> None:
        label = pg.TextItem(text, color=color, anchor=(0.5, 1.0))
        label.setFont(self._font)
        # Several lines ("¥5,845万" over "88%") centre on the bar, not on their left edge.
        label.textItem.document().setDefaultTextOption(_centered())
        label.textItem.setTextWidth(label.textItem.document().idealWidth())
        label.setPos(x, y)
        self.plot.addItem(label)
        self._labels.append(label)

    def value_labels(self) -> list[str]:
        """The texts written above bars or points (what a reader sees on the chart)."""
        return [label.toPlainText() for label in self._labels]

    def category_labels(self) -> list[str]:
        ticks = getattr(self.plot.getPlotItem().getAxis("bottom"), "_tickLevels", None) or []
        return [text for _position, text in (ticks[0] if ticks else [])]

    def _set_categories(self, labels: list[str]) -> None:
        self.plot.getPlotItem().getAxis("bottom").setTicks([list(enumerate(labels))])

    def _set_value_range(self, low: float, high: float, headroom: float = 0.16) -> None:
        item = self.plot.getPlotItem()
        if high <= low:
            high = low + 1
        # Head room for the value written above the tallest bar or point.
        item.setYRange(low, high + (high - low) * headroom, padding=0)


class BarChart(Chart):
    """Vertical bars, one per category, each with its own colour and its value written above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.bar_item: pg.BarGraphItem | None = None

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: list[Bar], *, value_format: ValueFormat | None = None,
                 maximum: float | None = None, headroom: float = 0.16) -> None:
        """Draw the bars (replacing any before); ``maximum`` fixes the top of the scale (e.g. 5 for scores)."""
        self._bars = list(bars)
        self._clear()
        self.value_axis.value_format = value_format or _plain
        has_data = any(b.value for b in bars)
        self._show(has_data)
        self.bar_item = None
        if not has_data:
            return
        positions = list(range(len(bars)))
        self.bar_item = pg.BarGraphItem(
            x=positions, height=[b.value for b in bars], width=0.58, pen=pg.mkPen(None),
            brushes=[pg.mkBrush(QColor(b.color)) for b in bars],
        )
        self.plot.addItem(self.bar_item)
        for position, bar in zip(positions, bars, strict=True):
            self._add_label(bar.text or self.value_axis.value_format(bar.value), position, bar.value)
        self._set_categories([b.label for b in bars])
        item = self.plot.getPlotItem()
        item.setXRange(-0.6, len(bars) - 0.4, padding=0)
        self._set_value_range(0, maximum if maximum is not None else max(b.value for b in bars), headroom)


class LineChart(Chart):
    """A line through values per period (months), with a dot and its value at each point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[Point] = []
        self.line_item: pg.PlotDataItem | None = None
        self.color = ACCENT

    def points(self) -> list[Point]:
        return list(self._points)

    def set_points(self, points: list[Point], *, value_format: ValueFormat | None = None,
                   minimum: float | None = None, maximum: float | None = None, label_every: int = 1) -> None:
        """Draw the line; ``label_every`` writes every n-th value so twelve months stay readable."""
        self._points = list(points)
        self._clear()
        self.value_axis.value_format = value_format or _plain
        values = [p.value for p in points]
        known = [v for v in values if v is not None]
        self._show(bool(known))
        self.line_item = None
        if not known:
            return
        ys = [math.nan if v is None else float(v) for v in values]
        pen = QPen(QColor(self.color))
        pen.setWidthF(2.2)
        pen.setCosmetic(True)
        self.line_item = self.plot.plot(
            list(range(len(points))), ys, pen=pen, connect="finite", symbol="o", symbolSize=7,
            symbolBrush=pg.mkBrush(QColor(self.color)), symbolPen=pg.mkPen("w", width=1.5),
        )
        last = len(points) - 1
        for position, point in enumerate(points):
            # Always the latest point, and every n-th before it counted back from the latest.
            if point.value is not None and (last - position) % max(label_every, 1) == 0:
                self._add_label(point.text or self.value_axis.value_format(point.value), position, point.value)
        self._set_categories([p.label for p in points])
        item = self.plot.getPlotItem()
        item.setXRange(-0.5, len(points) - 0.5, padding=0)
        low = minimum if minimum is not None else min(0.0, min(known))
        self._set_value_range(low, maximum if maximum is not None else max(known))


def heat_color(value: float, maximum: float, base: str = ACCENT) -> QColor:
    """A cell background from white (0) to the base colour (maximum), for table heat-maps."""
    share = 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum))
    share = 0.12 + 0.88 * share if value > 0 else 0.0
    target = QColor(base)
    white = 255
    return QColor(
        round(white + (target.red() - white) * share),
        round(white + (target.green() - white) * share),
        round(white + (target.blue() - white) * share),
    )


def text_color_on(background: QColor) -> QColor:
    """Black or white text, whichever reads better on the background."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#111827") if luminance > 150 else QColor("white")
