"""Chart lines stand out on light and dark backgrounds (WCAG 3:1 for graphics), each
panel names its units, and no legend sits on the lines."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
import pytest

from cxjournal.qt.gui import QPalette
from cxjournal.ui import theme


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_influence_chart_lines_stand_out(qtbot: Any, name: str) -> None:
    from cxjournal.ui.charts.influence_chart import UNITS, InfluenceChart

    chart = InfluenceChart()
    qtbot.addWidget(chart)
    palette = theme.readable(theme.palette_for(name))
    chart.setPalette(palette)  # a palette change restyles every panel
    base = palette.color(QPalette.ColorRole.Base)
    lines = [
        item
        for plot in chart.plots
        for item in plot.listDataItems()
        if isinstance(item, pg.PlotDataItem) and item.opts.get("pen") is not None
    ]
    assert len(lines) >= 12
    for item in lines:
        colour = pg.mkPen(item.opts["pen"]).color()
        assert theme.contrast_ratio(colour, base) >= theme.AA_GRAPHICS, (name, colour.name())
    for row, units in UNITS.items():
        axis = chart.plots[row].getAxis("left")
        assert axis.labelText == units
        assert not axis.autoSIPrefix  # a share of 0.4 reads 0.4, not 400 (x0.001)
        assert axis.autoSIPrefixScale == 1.0
    chart.ratio.setData([0.0, 1.0e7], [0.2, 0.6])
    chart.setPalette(theme.readable(theme.light_palette()))
    assert chart.plots[1].getAxis("left").autoSIPrefixScale == 1.0


def test_switching_back_restores_the_first_colours(qtbot: Any) -> None:
    from cxjournal.ui.charts.influence_chart import InfluenceChart

    chart = InfluenceChart()
    qtbot.addWidget(chart)
    light = theme.readable(theme.light_palette())
    chart.setPalette(light)
    first = pg.mkPen(chart.reliance.opts["pen"]).color().name()
    chart.setPalette(theme.readable(theme.dark_palette()))
    assert pg.mkPen(chart.reliance.opts["pen"]).color().name() != first
    chart.setPalette(light)
    assert pg.mkPen(chart.reliance.opts["pen"]).color().name() == first


def test_the_dependence_legend_is_under_the_plot(qtbot: Any) -> None:
    from cxjournal.ui.charts.dependence_chart import DependenceChart

    chart = DependenceChart()
    qtbot.addWidget(chart)
    chart.resize(500, 260)
    chart.show()
    qtbot.waitExposed(chart)
    plot = chart.plot.sceneBoundingRect()
    legend = chart.legend.sceneBoundingRect()
    assert legend.top() >= plot.bottom() - 1
    assert chart.plot.getAxis("left").labelText == "0 to 10"
