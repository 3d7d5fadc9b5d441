"""The hidden pages built after the first paint are laid out, and rendered, at the size they
are shown at, so that their first visit paints what was rendered instead of laying out and
drawing every chart again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.model import ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.ui import warm_up
from tests.program_scenario import store_scenario


def _with_charts(journal: Journal) -> None:
    """People with power and interest (the Program page's grid) and check-ins (the Trends
    page's charts rather than its empty state)."""
    store_scenario(journal)
    start = dt.date(2026, 1, 1)
    journal.resilience.save_many(
        ResilienceEntry(start + dt.timedelta(days=n), 5 + n % 3, 4, 6) for n in range(40)
    )


def _prebuild(main_window: Any, qtbot: Any) -> None:
    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)


def test_the_hidden_pages_are_laid_out_at_the_size_they_are_shown_at(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    _with_charts(journal)
    main_window.resize(1100, 760)
    _prebuild(main_window, qtbot)
    trends = main_window.pages["trends"]
    program = main_window.pages["program"]
    assert trends.influence_chart is not None and program.chart is not None
    hidden = {
        "trends": trends.influence_chart.view.size(),
        "program": program.chart.size(),
    }
    assert hidden["trends"].width() > trends.width() // 2  # not a hidden tab panel's size
    main_window.navigate("trends")
    qtbot.waitUntil(trends.isVisible)
    assert trends.influence_chart.view.size() == hidden["trends"]
    main_window.navigate("program")
    qtbot.waitUntil(program.isVisible)
    assert program.chart.size() == hidden["program"]
