"""The resilience trend chart: data, averages, presets, hover, empty state, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import rolling_mean

DAY = dt.timedelta(days=1)
END = dt.date(2026, 5, 31)


def checkin(on: dt.date, energy: int, stress: int = 5, mood: int = 5) -> ResilienceEntry:
    return ResilienceEntry(on=on, energy=energy, stress=stress, mood=mood)


@pytest.fixture
def chart(qtbot: Any) -> Any:
    from cxjournal.ui.charts.resilience_chart import ResilienceChart

    widget = ResilienceChart()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_draws_the_range_with_complete_averages(chart: Any) -> None:
    start = END - 9 * DAY
    entries = [checkin(start - i * DAY, energy=10) for i in range(1, 7)]  # the lead-in days
    entries += [checkin(start + i * DAY, energy=1 + i % 3, stress=9) for i in range(0, 10, 2)]
    chart.set_entries(entries, start, END)
    shown = [start + i * DAY for i in range(0, 10, 2)]
    assert chart.shown_days() == shown
    assert chart.values("energy") == [1, 3, 2, 1, 3]
    assert chart.values("stress") == [9] * 5
    # the first averages include the six days before the range
    expected = [
        v for d, v in rolling_mean([(e.on, float(e.energy)) for e in entries], 7) if d >= start
    ]
    assert chart.means("energy") == pytest.approx(expected)
    assert chart.means("energy")[0] == pytest.approx((10 * 6 + 1) / 7)
    xs, ys = chart.lines["energy"].getData()
    assert len(xs) == 5 and list(ys) == pytest.approx(expected)
    _dots_x, dots_y = chart.dots["stress"].getData()
    assert list(dots_y) == [9] * 5
    assert not chart.is_empty()
    assert chart.stack.currentWidget() is chart.plot
    assert chart.export_button.isEnabled()


def test_x_range_covers_the_chosen_days(chart: Any) -> None:
    from cxjournal.ui.charts.resilience_chart import from_stamp

    start = END - 29 * DAY
    chart.set_entries([checkin(END - 3 * DAY, 5)], start, END)
    (left, right), _ = chart.plot.getPlotItem().vb.viewRange()
    assert from_stamp(left + 12 * 3600) == start
    assert from_stamp(right - 12 * 3600) == END


def test_empty_range_shows_what_to_do(chart: Any) -> None:
    chart.set_entries([], END - 30 * DAY, END)
    assert chart.is_empty()
    assert chart.stack.currentWidget() is chart.empty
    assert "once you have checked in" in chart.empty.text()
    assert not chart.export_button.isEnabled()
    assert chart.describe(END) == ""


def test_presets_emit_and_refuse_unknown(chart: Any, qtbot: Any) -> None:
    assert chart.preset() == "quarter"
    assert chart.preset_buttons["quarter"].isChecked()
    with qtbot.waitSignal(chart.range_changed) as signal:
        qtbot.mouseClick(chart.preset_buttons["year"], Qt.MouseButton.LeftButton)
    assert signal.args == ["year"]
    assert chart.preset() == "year" and chart.preset_buttons["year"].isChecked()
    assert not chart.preset_buttons["quarter"].isChecked()
    with qtbot.assertNotEmitted(chart.range_changed):
        chart.set_preset("year")
    with pytest.raises(ValueError):
        chart.set_preset("decade")


def test_long_ranges_show_averages_without_daily_dots(chart: Any) -> None:
    entries = [checkin(END - i * DAY, 5) for i in range(800)]
    chart.set_entries(entries, END - 799 * DAY, END)
    assert not chart.dots["energy"].isVisible()
    assert chart.lines["energy"].isVisible()
    chart.set_entries(entries, END - 90 * DAY, END)
    assert chart.dots["energy"].isVisible()


def test_series_can_be_hidden(chart: Any) -> None:
    chart.set_entries([checkin(END, 4, 6, 8)], END - 10 * DAY, END)
    chart.series_boxes["stress"].setChecked(False)
    assert not chart.lines["stress"].isVisible() and not chart.dots["stress"].isVisible()
    text = chart.describe(END)
    assert "Energy 4" in text and "Mood 8" in text and "Stress" not in text
    chart.series_boxes["stress"].setChecked(True)
    assert chart.lines["stress"].isVisible()


def test_hover_names_the_nearest_day(chart: Any, qtbot: Any) -> None:
    from cxjournal.ui.charts.resilience_chart import stamp

    entries = [checkin(END - 10 * DAY, 2), checkin(END - 2 * DAY, 9)]
    chart.set_entries(entries, END - 20 * DAY, END)
    assert "Energy 2 (7-day avg 2.0)" in chart.describe(END - 9 * DAY)
    assert "Energy 9 (7-day avg 9.0)" in chart.describe(END)
    vb = chart.plot.getPlotItem().vb
    from PySide6.QtCore import QPointF

    scene_point = vb.mapViewToScene(QPointF(stamp(END - 3 * DAY), 5.0))
    chart._on_mouse_moved(scene_point)
    assert "Energy 9" in chart.hover.text()
    assert chart.crosshair.isVisible()
    assert chart.crosshair.value() == pytest.approx(stamp(END - 2 * DAY))
    chart._on_mouse_moved(QPointF(-50, -50))
    assert not chart.crosshair.isVisible()
    assert "Point at the chart" in chart.hover.text()


def test_background_follows_the_palette(chart: Any) -> None:
    from PySide6.QtGui import QColor

    palette = chart.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#101820"))
    chart.setPalette(palette)
    assert chart.plot.backgroundBrush().color().name() == "#101820"


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_writes_a_file(chart: Any, tmp_path: Path, suffix: str) -> None:
    chart.set_entries([checkin(END - i * DAY, 1 + i % 9) for i in range(40)], END - 30 * DAY, END)
    target = tmp_path / f"chart{suffix}"
    chart.export_to(str(target))
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data


def test_export_button_asks_where(
    chart: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    chart.set_entries([checkin(END, 5)], END - 10 * DAY, END)
    target = tmp_path / "trend"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "SVG drawing (*.svg)")
    )
    chart.export_button.click()
    assert (tmp_path / "trend.svg").is_file()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    chart.export_button.click()  # cancelled: nothing happens


def test_svg_drawing_is_plain_vector_shapes() -> None:
    import xml.etree.ElementTree as ET

    from cxjournal.ui.charts.resilience_svg import SvgSeries, trend_svg

    start = dt.date(2026, 1, 10)
    days = [start + i * DAY for i in range(0, 60, 3)]
    series = [
        SvgSeries("Energy", "#3b83c8", days, [5] * len(days), days, [5.0] * len(days)),
        SvgSeries("Stress <&>", "#e0702e", days, [3] * len(days), days, [3.0] * len(days)),
    ]
    root = ET.fromstring(trend_svg(series, start, start + 59 * DAY))
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f".//{ns}circle")) == 2 * len(days)
    lines = root.findall(f".//{ns}polyline")
    assert len(lines) == 2 and len(lines[0].get("points", "").split()) == len(days)
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "Feb 2026" in texts and "Mar 2026" in texts
    assert "Stress <&> (7-day avg)" in texts
    no_dots = ET.fromstring(trend_svg(series, start, start + 59 * DAY, dots=False))
    assert no_dots.findall(f".//{ns}circle") == []
    years = ET.fromstring(trend_svg(series, dt.date(2016, 3, 1), dt.date(2026, 3, 1)))
    assert "2020" in [t.text for t in years.iter(f"{ns}text")]


def test_exported_svg_shows_only_visible_series(chart: Any, tmp_path: Path) -> None:
    chart.set_entries([checkin(END - i * DAY, 5) for i in range(10)], END - 20 * DAY, END)
    chart.series_boxes["mood"].setChecked(False)
    target = tmp_path / "trend.svg"
    chart.export_to(str(target))
    text = target.read_text(encoding="utf-8")
    assert "Energy (7-day avg)" in text and "Mood (7-day avg)" not in text
