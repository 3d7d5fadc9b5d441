"""Trends and Program clicked the moment the window appears, while the warm-up thread is still
loading pyqtgraph: the frame paints at once with a line where each chart will be, and the
charts, drawn in turns once the import has ended, are those of a page drawn at once."""

from __future__ import annotations

import datetime as dt
import importlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSettings

import cxjournal.journal.program  # noqa: F401  (the warm-up's import, done)
from cxjournal.domain.model import Audit, Person, Rating, ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.ui import warm_up
from cxjournal.ui.widgets.chart_loading import LOADING_TEXT
from cxjournal.ui.widgets.today_program_card import WORKING_TEXT
from tests.program_scenario import D, store_scenario

#: what the two pages' charts import
CHART_MODULES = (
    "cxjournal.qt.graphs",
    "cxjournal.ui.charts.influence_chart",
    "cxjournal.ui.charts.power_interest_chart",
)


def _import_thread(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """An import thread running, as the warm-up's does; returns what ends it."""
    done = threading.Event()
    thread = threading.Thread(target=done.wait, daemon=True)
    thread.start()
    monkeypatch.setattr(warm_up, "_STARTED", [thread])

    def end() -> None:
        done.set()
        thread.join()

    return end


def _half_loaded(monkeypatch: pytest.MonkeyPatch, modules: tuple[str, ...]) -> Callable[[], None]:
    """The warm-up thread half-way through importing ``modules``: each in ``sys.modules``
    already (as a module is from the moment its import begins), its spec saying it is
    initializing. Returns what ends the imports."""
    end_thread = _import_thread(monkeypatch)
    specs = []
    for name in modules:
        spec = importlib.import_module(name).__spec__
        assert spec is not None
        monkeypatch.setattr(spec, "_initializing", True, raising=False)
        specs.append(spec)

    def end() -> None:
        for spec in specs:
            spec._initializing = False  # type: ignore[attr-defined]
        end_thread()

    return end


def _trends_journal(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    ben = journal.people.add(Person(name="Ben Okafor"))
    for month, (value, mine) in enumerate([(6, 3), (7, 4), (5, 6)]):
        journal.audits.save(
            Audit(
                taken_on=dt.date(2025, 3 + 3 * month, 1),
                ratings=(
                    Rating(ana, value, 5, mine, 3),
                    Rating(ben, 4, 6, mine + 1, 5),
                ),
            )
        )
    journal.resilience.save_many(
        ResilienceEntry(dt.date(2025, 3, 1) + dt.timedelta(days=n), 5 + n % 3, 4, 6)
        for n in range(60)
    )


def _second_window(
    qtbot: Any, journal: Journal, tmp_path: Any, request: pytest.FixtureRequest
) -> Any:
    """Another window on the same journal, its pages drawn at once (nothing importing)."""
    from cxjournal.ui.main_window import MainWindow

    other = Journal.open(journal.path)
    request.addfinalizer(other.close)
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    window = MainWindow(other, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _same_image(first: Any, second: Any) -> bool:
    """True when the two widgets, of one size, render the same pixels."""
    return bool(first.size() == second.size() and first.grab().toImage() == second.grab().toImage())


def test_trends_paints_its_frame_while_pyqtgraph_loads_then_the_same_charts(
    main_window: Any,
    journal: Journal,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
    request: pytest.FixtureRequest,
) -> None:
    _trends_journal(journal)
    main_window.resize(1100, 700)
    end = _half_loaded(monkeypatch, CHART_MODULES)
    main_window.navigate("trends")
    page = main_window.page("trends")
    qtbot.waitUntil(lambda: page.chart_loading.painted)
    assert page.stack.currentWidget() is page.chart_loading
    assert page.chart_loading.text() == LOADING_TEXT
    assert page.range_buttons[None].isVisible()  # the frame: its heading and range buttons
    # read off the GUI thread meanwhile, and its words shown
    qtbot.waitUntil(lambda: "3 audits" in page.summary.text())
    qtbot.wait(0)
    assert page.influence_chart is None and page.tabs.count() == 0  # no chart yet
    page.range_buttons[1].click()  # a range picked while the charts wait
    end()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.tabs)
    assert not page.drawing.under_way and not page.chart_loading.isVisible()
    chart = page.influence_chart
    assert chart is not None and chart.isVisible()
    assert "3 audits" in page.summary.text() and page.export_button.isEnabled()
    assert page.smoothing.isEnabled()
    assert page.tabs.tabText(0) == "&Influence"

    other = _second_window(qtbot, journal, tmp_path, request)
    other.resize(main_window.size())
    other.navigate("trends")
    drawn_at_once = other.page("trends")
    drawn_at_once.set_range(1)
    assert drawn_at_once.summary.text() == page.summary.text()
    assert drawn_at_once.chosen_ids() == page.chosen_ids()
    assert drawn_at_once.influence_chart.visible_range() == chart.visible_range()
    # once both are laid out (a label's height settles a turn after a resize)
    qtbot.waitUntil(lambda: _same_image(chart, drawn_at_once.influence_chart))


def test_people_asked_for_while_the_charts_are_drawn_are_shown_once_they_are(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trends_journal(journal)
    ben = next(p for p in journal.people.all() if p.name == "Ben Okafor")
    end = _half_loaded(monkeypatch, CHART_MODULES)
    main_window.navigate("trends", person_ids=[ben.id])  # "Show in Trends", at once
    page = main_window.page("trends")
    assert page.drawing.under_way and page.influence_chart is None
    end()
    qtbot.waitUntil(lambda: not page.drawing.under_way)
    assert page.tabs.currentIndex() == 1 and page.chosen_ids() == [ben.id]


def test_trends_draws_at_once_when_nothing_is_loading(main_window: Any, journal: Journal) -> None:
    _trends_journal(journal)
    main_window.navigate("trends")
    page = main_window.page("trends")
    assert page.influence_chart is not None and page.stack.currentWidget() is page.tabs
    assert not page.drawing.under_way


def test_trends_with_nothing_to_chart_leaves_its_loading_line_for_the_empty_state(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    end = _half_loaded(monkeypatch, CHART_MODULES)
    main_window.navigate("trends")
    page = main_window.page("trends")
    assert page.stack.currentWidget() is page.chart_loading
    end()
    qtbot.waitUntil(lambda: not page.drawing.under_way)
    assert page.stack.currentIndex() == 0 and page.influence_chart is None


def test_program_paints_its_frame_while_its_view_and_pyqtgraph_load_then_the_same_page(
    main_window: Any,
    journal: Journal,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
    request: pytest.FixtureRequest,
) -> None:
    store_scenario(journal)
    end = _half_loaded(monkeypatch, CHART_MODULES)
    page = main_window.page("program")
    page.today = lambda: D
    main_window.navigate("program")
    assert page.stack.currentWidget() is page.scroll_area  # the frame at once
    assert [label.text() for label in page.risk_card.findChildren(type(page.date_label))][
        -1
    ] == WORKING_TEXT
    assert not page.why_card.isEnabled()  # nothing typed before the view comes is lost
    qtbot.waitUntil(lambda: page.chart_slot.loading.painted)
    assert page.chart_slot.waiting and page.chart_slot.loading.text() == LOADING_TEXT
    qtbot.waitUntil(lambda: len(page.cards) == 8)  # the view came: risks and plans filled
    assert page.why.toPlainText() == "Customers stop waiting for refunds" and page.risk_rows
    assert page.why_card.isEnabled()
    qtbot.wait(0)
    assert page.chart is None and page.chart_slot.waiting  # the chart waits for pyqtgraph
    end()
    qtbot.waitUntil(lambda: not page.chart_slot.waiting)
    assert not page.drawing.under_way and not page.chart_slot.loading.isVisible()
    assert page.chart is not None and page.chart.isVisible()

    other = _second_window(qtbot, journal, tmp_path, request)
    other.resize(main_window.size())
    drawn_at_once = other.page("program")
    drawn_at_once.today = lambda: D
    other.navigate("program")
    assert [r.title() for r in drawn_at_once.risk_rows] == [r.title() for r in page.risk_rows]
    assert [c.view for c in drawn_at_once.cards] == [c.view for c in page.cards]
    assert drawn_at_once.chart is not None
    assert drawn_at_once.chart.entries == page.chart.entries
    assert drawn_at_once.chart.label_texts() == page.chart.label_texts()
    qtbot.waitUntil(lambda: _same_image(page.chart, drawn_at_once.chart))


def test_program_without_people_to_place_hides_the_charts_place(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.program.set_why("Refunds in a day", "NPS")
    end = _half_loaded(monkeypatch, CHART_MODULES)
    main_window.navigate("program")
    page = main_window.page("program")
    assert page.chart_slot.isVisible()
    qtbot.waitUntil(lambda: not page.drawing.under_way)
    assert not page.chart_slot.isVisible() and page.grid_hint.isVisible()
    assert page.chart is None
    end()
