"""Mood-only check-ins (imported history: energy and stress unrecorded) in charts, lists, forms."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cxjournal.domain.model import ResilienceEntry
from cxjournal.journal.changes import Area

DAY = dt.timedelta(days=1)
END = dt.date(2026, 5, 31)


def mood_only(on: dt.date, mood: int = 7, **tags: tuple[str, ...]) -> ResilienceEntry:
    return ResilienceEntry(on=on, energy=None, stress=None, mood=mood, **tags)


def full(on: dt.date, energy: int = 6, stress: int = 4, mood: int = 5) -> ResilienceEntry:
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


def test_chart_draws_gaps_not_zeros(chart: Any) -> None:
    start = END - 29 * DAY
    entries = [full(start + i * DAY, energy=8) for i in range(5)]
    entries += [mood_only(start + i * DAY, mood=9) for i in range(5, 20)]
    entries += [full(start + i * DAY, energy=4) for i in range(20, 30)]
    chart.set_entries(entries, start, END)
    assert chart.values("energy")[5:20] == [None] * 15
    assert chart.values("mood")[5:20] == [9] * 15
    _x, dots = chart.dots["energy"].getData()
    assert len(dots) == 15 and 0 not in list(dots)
    _x, line = chart.lines["energy"].getData()
    values = list(line)
    # two runs of averages with a break (NaN) between them, never a zero
    assert sum(1 for v in values if math.isnan(v)) == 1
    assert min(v for v in values if not math.isnan(v)) >= 4
    _x, mood_line = chart.lines["mood"].getData()
    assert not any(math.isnan(v) for v in mood_line)
    svg = chart.svg()
    assert svg.count("<polyline") == 2 + 1 + 2  # energy, mood, stress lines


def test_chart_hover_shows_only_what_was_recorded(chart: Any) -> None:
    chart.set_entries([full(END - DAY), mood_only(END, mood=8)], END - 30 * DAY, END)
    text = chart.describe(END)
    assert "Mood 8" in text
    assert "Energy – (7-day avg –)" in text  # a dash for the day, never a zero


def test_history_leaves_unrecorded_scores_empty_and_says_why() -> None:
    from cxjournal.ui.models import resilience_history_model as history

    model = history.ResilienceHistoryModel()
    model.reset(lambda offset, limit, *_: [mood_only(END)][offset : offset + limit], 1)
    assert model.data(model.index(0, history.MOOD)) == "7"
    for column in (history.ENERGY, history.STRESS):
        assert model.data(model.index(0, column)) in ("", "–")
        tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
        assert "mood only" in tip


def test_delete_question_describes_a_mood_only_checkin() -> None:
    from cxjournal.ui.resilience_page import describe

    assert describe(mood_only(END, mood=6)) == "mood 6 (no energy or stress recorded)"
    assert describe(full(END)) == "energy 6, stress 4, mood 5"


def test_tag_insights_show_mood_and_no_zero_energy(qtmodeltester: Any) -> None:
    from cxjournal.domain.resilience import compare_tags
    from cxjournal.ui.models.tag_insights_model import ENERGY, MOOD, TagInsightsModel

    entries = [mood_only(END - i * DAY, 9, restorers=("run",)) for i in range(5)]
    entries += [mood_only(END - (5 + i) * DAY, 5) for i in range(5)]
    model = TagInsightsModel()
    model.set_effects(compare_tags(entries))
    assert model.data(model.index(0, ENERGY)) == "–"
    assert model.data(model.index(0, MOOD)) == "9.0 / 5.0  (+4.0)"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "mood 9.0 against 5.0" in tip and "energy" not in tip
    qtmodeltester.check(model)


def test_trend_readout_of_a_mood_only_week() -> None:
    from cxjournal.journal.trends import ResilienceTrend, WeekAverage
    from cxjournal.ui.charts.trend_readouts import resilience_line

    trend = ResilienceTrend(weeks=(WeekAverage(END, 5, None, None, 6.4),))
    series = {"energy": [math.nan], "stress": [math.nan], "mood": [6.4]}
    line = resilience_line(trend, "weekly", series, 0)
    assert line.endswith("energy –, stress –, mood 6.4")
    assert "nan" not in line


def test_checkin_form_keeps_unrecorded_scores_unrecorded(qtbot: Any) -> None:
    from cxjournal.domain.resilience import checkin_value
    from cxjournal.ui.widgets.checkin_form import CheckinForm

    form = CheckinForm()
    qtbot.addWidget(form)
    form.set_today(END)
    entry = ResilienceEntry(on=END, energy=None, stress=None, mood=8, note="imported", id=3)
    form.show_date(END, entry, None)
    assert form.value_labels["energy"].text() == checkin_value(None)
    assert form.is_saved()
    form.note.setText("imported, then edited")
    edited = form.entry()
    assert (edited.energy, edited.stress, edited.mood) == (None, None, 8)  # nothing invented
    form.sliders["energy"].setValue(3)
    assert (form.entry().energy, form.entry().stress) == (3, None)
    assert form.value_labels["energy"].text() == "3"


def test_today_sparkline_values_are_gaps_for_unrecorded_scores() -> None:
    from cxjournal.ui.widgets.today_resilience_card import _value

    assert _value(mood_only(END), "energy") is None
    assert _value(mood_only(END), "mood") == 7.0
    assert _value(None, "mood") is None


def test_checkin_form_keeps_imported_activity_tags(qtbot: Any) -> None:
    from cxjournal.ui.widgets.checkin_form import CheckinForm

    form = CheckinForm()
    qtbot.addWidget(form)
    form.set_today(END)
    entry = ResilienceEntry(on=END, energy=None, stress=None, mood=8, tags=("family",), id=3)
    form.show_date(END, entry, None)
    form.note.setText("edited")
    assert form.entry().tags == ("family",)
    form.show_date(END - DAY, None, entry)  # a new check-in starts without them
    assert form.entry().tags == ()


def test_history_shows_activity_tags() -> None:
    from cxjournal.ui.models import resilience_history_model as history

    model = history.ResilienceHistoryModel()
    entry = ResilienceEntry(on=END, energy=None, stress=None, mood=8, tags=("family", "reading"))
    model.reset(lambda offset, limit, *_: [entry][offset : offset + limit], 1)
    assert model.data(model.index(0, history.TAGS)) == "family, reading"


def test_today_card_shows_a_mood_only_checkin_as_such(qtbot: Any, main_window: Any) -> None:
    journal = main_window.journal
    today = dt.date.today()
    journal.resilience.save(mood_only(today, mood=8))
    journal.resilience.save(full(today - DAY, energy=6, stress=4, mood=5))
    main_window.bus.announce(Area.RESILIENCE)
    page = main_window.pages["today"]
    qtbot.waitUntil(lambda: "mood" in page.resilience_card.today_checkin.text(), timeout=5000)
    assert (
        page.resilience_card.today_checkin.text()
        == "Today: energy <b>–</b> · stress <b>–</b> · mood <b>8</b>"
    )
    series = page.resilience_card.sparkline.series()
    assert series["energy"][-1] is None and series["mood"][-1] == 8.0
    assert series["energy"][-2] == 6.0
