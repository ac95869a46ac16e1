"""The chart widgets draw what they are given: bars of the right height and colour, labelled values,
a line with gaps, and a note instead of an empty plot."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from accountdesk.ui.dashboard.charts import Bar, BarChart, LineChart, Point, heat_color, text_color_on


@pytest.fixture
def bar_chart(qtbot):
    chart = BarChart()
    chart.resize(360, 280)
    qtbot.addWidget(chart)
    chart.show()
    return chart


def colours_in(widget) -> set[str]:
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def test_bars_have_their_values_labels_and_colours(bar_chart):
    bar_chart.set_title("各等级客户数", "档案中的全部客户")
    bar_chart.set_bars([Bar("A 级", 120, "#c2410c"), Bar("B 级", 340, "#1d4ed8"), Bar("C 级", 990, "#4b5563")])
    assert list(bar_chart.bar_item.opts["height"]) == [120, 340, 990]
    assert bar_chart.category_labels() == ["A 级", "B 级", "C 级"]
    assert bar_chart.value_labels() == ["120", "340", "990"]
    assert bar_chart.title.text() == "各等级客户数"
    assert not bar_chart.is_empty
    shown = colours_in(bar_chart)
    assert {"#c2410c", "#1d4ed8", "#4b5563"} <= shown


def test_bar_texts_and_the_value_axis_use_the_given_format(bar_chart):
    bar_chart.set_bars([Bar("A", 12_000.0, text="¥1.2万"), Bar("B", 3_000.0)], value_format=lambda v: f"¥{v:,.0f}")
    assert bar_chart.value_labels() == ["¥1.2万", "¥3,000"]
    assert bar_chart.value_axis.tickStrings([0, 5000], 1, 5000) == ["¥0", "¥5,000"]


def test_a_fixed_maximum_keeps_the_scale(bar_chart):
    bar_chart.set_bars([Bar("A", 4.2), Bar("B", 3.1)], maximum=5.0)
    low, high = bar_chart.plot.getPlotItem().viewRange()[1]
    assert low == 0 and high > 5.0  # room above 5 for the value written on a full bar


def test_no_values_shows_the_note_instead_of_a_plot(bar_chart):
    bar_chart.set_empty_text("该期间暂无数据")
    bar_chart.set_bars([Bar("A", 0), Bar("B", 0)])
    assert bar_chart.is_empty and bar_chart.empty.isVisible()
    assert bar_chart.empty.text() == "该期间暂无数据"
    bar_chart.set_bars([Bar("A", 5)])
    assert not bar_chart.is_empty and bar_chart.plot.isVisible()


def test_line_breaks_where_a_month_has_no_figure(qtbot):
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(480, 260)
    chart.show()
    points = [Point("9月", 0.5), Point("10月", None), Point("11月", 0.75)]
    chart.set_points(points, value_format=lambda v: f"{v * 100:.0f}%", minimum=0, maximum=1)
    xs, ys = chart.line_item.getData()
    assert list(xs) == [0, 1, 2]
    assert ys[0] == 0.5 and ys[2] == 0.75 and ys[1] != ys[1]  # NaN: no point drawn there
    assert chart.value_labels() == ["50%", "75%"]
    assert chart.category_labels() == ["9月", "10月", "11月"]
    assert chart.color in colours_in(chart)


def test_line_labels_every_second_point_counting_from_the_latest(qtbot):
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.set_points([Point(str(m), m / 10) for m in range(1, 6)], label_every=2)
    assert chart.value_labels() == ["0.1", "0.3", "0.5"]


def test_heat_colours_grow_darker_with_the_count():
    white = heat_color(0, 10)
    light, dark = heat_color(1, 10, "#b91c1c"), heat_color(10, 10, "#b91c1c")
    assert white == QColor("white")
    assert dark == QColor("#b91c1c")
    assert white.lightness() > light.lightness() > dark.lightness()
    assert text_color_on(dark) == QColor("white") and text_color_on(white) != QColor("white")
