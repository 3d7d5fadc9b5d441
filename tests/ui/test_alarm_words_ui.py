"""The app names each alarm with the exports' one title, and marks it with its symbol."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from cxjournal.domain.power_audit import analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import ALARMS
from tests.alarm_sample import every_alarm_audit


def test_the_results_panel_titles_every_alarm(qtbot: Any) -> None:
    from cxjournal.ui.audit_results_panel import AuditResultsPanel

    panel = AuditResultsPanel()
    qtbot.addWidget(panel)
    panel.set_analysis(analyse(every_alarm_audit(), Thresholds()))
    shown = [view.text.accessibleName() for view in panel.alarm_views]
    assert shown == [f"Alarm: {words.title}" for words in ALARMS.values()]
    assert all(
        words.title in view.text.text()
        for view, words in zip(panel.alarm_views, ALARMS.values(), strict=True)
    )


def test_the_trends_chart_marks_each_alarm_with_its_symbol(qtbot: Any) -> None:
    from cxjournal.ui.charts.influence_chart import InfluenceChart

    chart = InfluenceChart()
    qtbot.addWidget(chart)
    assert list(chart.alarm_items) == list(ALARMS)
    for code, item in chart.alarm_items.items():
        assert item.opts["symbol"] == ALARMS[code].symbol
        assert ALARMS[code].symbol in pg.graphicsItems.ScatterPlotItem.Symbols
        assert item.name() == ALARMS[code].title
