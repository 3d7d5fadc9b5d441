"""A Trends range switch only moves the view: no query, no data reset, the same pixels."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from cxjournal.journal import Journal

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def four_year_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cxjournal.exchange.demo import generate
    from cxjournal.exchange.importer import import_text

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    journal = Journal.open(path)
    try:
        import_text(journal, json.dumps(generate(years=4, seed=1, today=TODAY)))
    finally:
        journal.close()
    return path


@pytest.fixture
def trends(qtbot: Any, four_year_path: Path, tmp_path: Path) -> Iterator[Any]:
    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(four_year_path)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(journal, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.navigate("trends")
    page = window.page("trends")
    window.repaint()
    yield page
    window.close()
    journal.close()


def test_a_range_switch_neither_queries_nor_replaces_the_data(
    trends: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyqtgraph as pg

    chart = trends.influence_chart
    calls: list[str] = []
    for name in ("trends", "resilience"):
        original = getattr(trends.ops, name)
        monkeypatch.setattr(
            trends.ops, name, lambda *a, _n=name, _o=original, **k: calls.append(_n) or _o(*a, **k)
        )
    for name in ("set_trends", "set_resilience"):
        monkeypatch.setattr(chart, name, lambda *a, _n=name, **k: calls.append(_n))
    redone: list[object] = []
    original_update = pg.PlotDataItem.updateItems

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        redone.append(self)
        original_update(self, *args, **kwargs)

    monkeypatch.setattr(pg.PlotDataItem, "updateItems", counted)
    spans = set()
    for years in (1, 3, None, 1):
        qtbot.mouseClick(trends.range_buttons[years], Qt.MouseButton.LeftButton)
        trends.window().repaint()
        spans.add(chart.visible_range())
    assert len(spans) == 3  # the view did move
    assert calls == []  # the data is the same: only the view changes
    # an audit line (and its markers) is not rebuilt when the vertical range follows
    # the new window; only the long check-in lines, clipped to the view, are
    audit_lines = {chart.influence, chart.reliance, chart.net_balance, chart.ratio}
    assert not audit_lines & set(redone)


def test_a_range_switch_works_out_the_main_date_grid_lines_only(
    trends: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyqtgraph's date axis draws every level of date ticks (a month's grid line for each
    of the years shown); the Trends axes keep the main level, as their style asks: years
    over a long span, and months under their year over one year. The labels are the same."""
    from cxjournal.ui.charts import axes

    chart = trends.influence_chart
    drawn: list[int] = []
    original = axes.draw_columns

    def counted(painter: Any, ticks: Any) -> None:
        drawn.append(len(ticks))
        original(painter, ticks)

    monkeypatch.setattr(axes, "draw_columns", counted)
    bottom = chart.balance_plot.getAxis("bottom")  # on show: the top of the scrolled chart
    lines: dict[int | None, int] = {}
    labels: dict[int | None, list[str]] = {}
    for years in (1, 3, None):
        drawn.clear()
        qtbot.mouseClick(trends.range_buttons[years], Qt.MouseButton.LeftButton)
        QApplication.processEvents()  # the scene hands its changes to the view
        trends.window().repaint()
        assert drawn  # the date axes were repainted
        lines[years] = max(drawn)
        levels = bottom.tickValues(*bottom.range, bottom.geometry().width())
        labels[years] = [
            text for spacing, values in levels for text in bottom.tickStrings(values, 1, spacing)
        ]
    # four years of data: a line a year (and one either side at most), a month over one year
    assert lines[None] <= 6 and lines[3] <= 5
    assert 11 <= lines[1] <= 14
    assert all(len(text) == 4 for text in labels[None])  # "2023": years only
    assert any(len(text) == 3 for text in labels[1])  # "Mar": months


def test_the_linked_date_axes_work_out_their_ticks_once_a_switch(
    trends: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The five plots share one time axis: of the date axes a switch repaints, the first
    works the date ticks out and the others take its answer."""
    import pyqtgraph as pg

    from cxjournal.ui.charts.axes import DateAxis

    worked_out: list[object] = []
    painted: set[object] = set()
    original_ticks = pg.DateAxisItem.tickValues
    original_specs = DateAxis.generateDrawSpecs

    def ticks(self: Any, *args: Any) -> Any:
        worked_out.append(self)
        return original_ticks(self, *args)

    def specs(self: Any, painter: Any) -> Any:
        painted.add(self)
        return original_specs(self, painter)

    monkeypatch.setattr(pg.DateAxisItem, "tickValues", ticks)
    monkeypatch.setattr(DateAxis, "generateDrawSpecs", specs)
    for years in (1, 3, None):
        worked_out.clear()
        painted.clear()
        qtbot.mouseClick(trends.range_buttons[years], Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        trends.window().repaint()
        assert len(painted) >= 3  # the plots on show, and their date axes
        assert len(worked_out) == 1


def test_markers_are_never_kept_as_pixmaps(trends: Any) -> None:
    """A cached marker pixmap kept the dots where they were before a range switch moved
    the vertical range: dots beside their lines."""
    from PySide6.QtWidgets import QGraphicsItem

    chart = trends.influence_chart
    for plot in chart.plots:
        for item in plot.listDataItems():
            scatter = getattr(item, "scatter", item)
            assert scatter.cacheMode() == QGraphicsItem.CacheMode.NoCache
        curves = [getattr(i, "curve", None) for i in plot.listDataItems()]
        for curve in filter(None, curves):
            assert curve.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def _image() -> QImage:
    image = QImage(320, 320, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def _pen(alpha: int) -> QPen:
    pen = QPen(QColor(20, 30, 40, alpha))
    pen.setWidth(1)
    pen.setCosmetic(True)
    return pen


def _grid(rng: random.Random) -> tuple[list[Any], list[Any]]:
    """Grid-like ticks as pyqtgraph makes them: rows drawn right to left, columns of one
    height top to bottom, some on whole pixels."""
    rows, columns = [], []
    top, bottom = rng.uniform(0, 40), rng.choice([250.0, rng.uniform(240, 300)])
    for index in range(14):
        pen = _pen(rng.choice([7, 22, 45]))
        y = float(20 + index * 19) if index % 5 == 0 else rng.uniform(5, 300)
        x0, x1 = rng.uniform(0, 60), rng.uniform(200, 310)
        rows.append((pen, QPointF(x1, y), QPointF(x0, y)))
        x = float(10 + index * 21) if index % 4 == 0 else rng.uniform(5, 310)
        columns.append((pen, QPointF(x, top), QPointF(x, bottom)))
    return rows, columns


def _lines(ticks: list[Any], offset: tuple[float, float]) -> QImage:
    image = _image()
    painter = QPainter(image)
    painter.translate(*offset)
    for pen, start, stop in ticks:
        painter.setPen(pen)
        painter.drawLine(start, stop)
    painter.end()
    return image


@pytest.mark.parametrize("seed", range(4))
def test_a_fast_grid_covers_exactly_the_pixels_of_its_lines(qapp: Any, seed: int) -> None:
    from cxjournal.ui.charts.axes import draw_columns, draw_ticks

    rng = random.Random(seed)
    rows, columns = _grid(rng)
    offset = (rng.uniform(0, 1), rng.uniform(0, 1)) if seed else (0.0, 0.0)
    for draw, ticks in ((draw_ticks, rows), (draw_columns, columns)):
        drawn, fast = _lines(ticks, offset), _image()
        painter = QPainter(fast)
        painter.translate(*offset)  # as a pixmap cache's fractional offset
        draw(painter, ticks)
        painter.end()
        touched = [_touched(image) for image in (drawn, fast)]
        assert np.array_equal(*touched)  # the very same pixels
        assert _largest_difference(drawn, fast) <= 2  # blended alike


def _touched(image: QImage) -> np.ndarray:
    data = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)
    return data != data[0, 0]


def _largest_difference(first: QImage, second: QImage) -> int:
    """The largest difference of one colour channel between two images of one size, 0-255."""
    assert first.size() == second.size()
    arrays = []
    for image in (first, second):
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        data = np.frombuffer(image.constBits(), np.uint8)
        arrays.append(data.reshape(image.height(), image.bytesPerLine()).astype(int))
    return int(np.abs(arrays[0] - arrays[1]).max())


@pytest.mark.parametrize("days", [400, 3 * 365, 10 * 365])
def test_the_axes_draw_what_pyqtgraph_draws(qapp: Any, days: int) -> None:
    import pyqtgraph as pg

    from cxjournal.ui.charts.axes import DateAxis, GridAxis

    images = []
    ticks = []
    for axes in (
        {"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0), "left": pg.AxisItem("left")},
        {"bottom": DateAxis(orientation="bottom", utcOffset=0), "left": GridAxis("left")},
    ):
        widget = pg.PlotWidget(axisItems=axes)
        widget.resize(900, 240)
        widget.setBackground("w")
        plot = widget.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.18)
        last = 20_000 * 86400.0
        plot.plot([last - days * 86400.0, last], [-21.5, 63.0])
        plot.setXRange(last - days * 86400.0, last, padding=0)
        widget.show()
        qapp.processEvents()
        ticks.append(axes["bottom"].tickValues(*axes["bottom"].range, 800))
        images.append(widget.grab().toImage())
        widget.close()
    assert ticks[0] == ticks[1]
    # the same pixels; a fill rounds its blend a little differently from a line
    assert _largest_difference(images[0], images[1]) <= 2
