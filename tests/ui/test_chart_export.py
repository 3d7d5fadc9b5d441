"""Exporting the visible chart: PNG through pyqtgraph or a grab, SVG through either path."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cxjournal.domain.model import Audit, Person, Rating, ResilienceEntry
from cxjournal.journal import Journal

D = dt.date


@pytest.fixture
def trends_page(main_window: Any, journal: Journal) -> Any:
    people = [journal.people.add(Person(f"Person {n}", team=f"T{n % 2}")) for n in range(4)]
    for quarter in range(6):
        journal.audits.save(
            Audit(
                D(2024, 1, 15) + dt.timedelta(days=91 * quarter),
                tuple(Rating(p, 3 + quarter % 5, 6, 4, 2 + n) for n, p in enumerate(people)),
            )
        )
    journal.resilience.save_many(
        ResilienceEntry(D(2024, 1, 1) + dt.timedelta(days=n), 4 + n % 5, 3 + n % 4, 6)
        for n in range(500)
    )
    main_window.resize(1100, 760)
    main_window.navigate("trends")
    return main_window.page("trends")


def _png_size(path: Path) -> tuple[int, int]:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    return image.width(), image.height()


def test_png_through_pyqtgraph_at_twice_the_size(trends_page: Any, tmp_path: Path) -> None:
    from cxjournal.ui.charts.chart_export import export_chart

    view = trends_page.influence_chart.view
    path = tmp_path / "chart.png"
    assert export_chart(view, path) == "exporter"
    width, height = _png_size(path)
    assert width >= view.width() * 1.9
    assert height >= view.height() * 1.9
    # not a blank image: the background and the lines differ
    image = QImage(str(path))
    colours = {image.pixel(x, image.height() // 3) for x in range(0, width, 7)}
    assert len(colours) > 3


def test_png_falls_back_to_a_grab_when_the_exporter_breaks(
    trends_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui.charts import chart_export

    class Broken:
        def __init__(self, *_args: object) -> None:
            raise TypeError("width must be int")

    monkeypatch.setattr(chart_export.pg_exporters, "ImageExporter", Broken)
    view = trends_page.influence_chart.view
    path = tmp_path / "grabbed.png"
    assert chart_export.export_chart(view, path) == "grab"
    width, height = _png_size(path)
    assert width >= view.width() and height >= view.height()


def test_svg_is_a_readable_drawing(trends_page: Any, tmp_path: Path) -> None:
    from cxjournal.ui.charts.chart_export import export_chart

    path = tmp_path / "chart.svg"
    # pyqtgraph 0.13/0.14's SVG exporter fails on these plots (it cannot parse Qt 6's
    # path data), so this usually comes from the QSvgGenerator fallback; either is fine
    assert export_chart(trends_page.influence_chart.view, path) in {"exporter", "svg-generator"}
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    drawn = [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] in {"path", "polyline"}]
    assert len(drawn) > 20
    texts = "".join(el.text or "" for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "text")
    assert "Influence" in texts


def test_svg_generator_fallback_on_its_own(trends_page: Any, tmp_path: Path) -> None:
    from cxjournal.ui.charts.chart_export import _svg_generator, svg_is_readable

    path = tmp_path / "fallback.svg"
    assert _svg_generator(trends_page.influence_chart.view, path) == "svg-generator"
    assert svg_is_readable(path)


def test_format_follows_the_suffix_or_the_filter() -> None:
    from cxjournal.ui.charts.chart_export import format_for, with_suffix

    assert format_for(Path("a.SVG")) == "svg"
    assert format_for(Path("a.png"), "SVG drawing (*.svg)") == "png"
    assert format_for(Path("a"), "SVG drawing (*.svg)") == "svg"
    assert format_for(Path("a")) == "png"
    assert with_suffix(Path("/x/a"), "svg") == Path("/x/a.svg")
    assert with_suffix(Path("/x/a.svg"), "svg") == Path("/x/a.svg")


def test_export_button_writes_the_visible_tab(
    trends_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from PySide6.QtCore import Qt

    target = tmp_path / "people"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target), "SVG drawing (*.svg)")),
    )
    trends_page.tabs.setCurrentIndex(1)
    assert trends_page.current_view() is trends_page.person_chart.view
    qtbot.mouseClick(trends_page.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "people.svg"
    assert written.exists()
    assert ET.parse(written).getroot().tag.endswith("svg")
    window = trends_page.context.window
    assert f"Chart saved to {written}" in window.statusBar().currentMessage()


def test_export_cancelled_writes_nothing(
    trends_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    trends_page.export_chart()
    assert list(tmp_path.glob("*.png")) == []


def test_export_failure_is_reported(
    trends_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(tmp_path / "missing" / "dir" / "c.png"), "")),
    )
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    trends_page.export_chart()
    assert shown and "not saved" in shown[0]


def test_export_draws_items_afresh_and_keeps_the_screen_cache(
    trends_page: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QGraphicsItem

    from cxjournal.ui.charts.chart_export import export_chart

    chart = trends_page.influence_chart
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    axis = chart.balance_plot.getAxis("left")
    assert axis.cacheMode() == cached  # repaints blit instead of drawing every grid line
    seen: list[object] = []
    original = axis.paint

    def spy(*args: object) -> None:
        seen.append(axis.cacheMode())
        original(*args)

    axis.paint = spy  # type: ignore[method-assign]
    export_chart(chart.view, tmp_path / "fresh.svg")
    assert seen and all(mode == QGraphicsItem.CacheMode.NoCache for mode in seen)
    assert axis.cacheMode() == cached
