"""Mood-only check-ins (imported history without energy or stress) on every page that shows them."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pytest

from cxjournal.domain.model import Person, ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.ui.models import resilience_history_model as history

TODAY = dt.date.today()


@pytest.fixture
def mixed(journal: Journal) -> Journal:
    """Twenty days: complete check-ins, with every third day mood-only, today mood-only."""
    entries = []
    for n in range(20):
        on = TODAY - dt.timedelta(days=19 - n)
        if n % 3 == 1 or on == TODAY:
            entries.append(ResilienceEntry(on, None, None, 4 + n % 5))
        else:
            entries.append(ResilienceEntry(on, 5 + n % 4, 3 + n % 2, 6))
    journal.resilience.save_many(entries)
    return journal


def test_the_resilience_page_shows_a_dash_and_leaves_them_out_of_the_means(
    qtbot: Any, main_window: Any, mixed: Journal
) -> None:
    main_window.navigate("resilience")
    page = main_window.page("resilience")
    qtbot.waitUntil(lambda: page.chart is not None)
    model = page.history_model
    today_row = next(r for r in range(model.rowCount()) if model.entry(r).on == TODAY)
    assert model.index(today_row, history.ENERGY).data() == "–"
    assert model.index(today_row, history.MOOD).data() != "–"
    chart = page.chart
    page.chart.set_entries(mixed.resilience.between(TODAY - dt.timedelta(days=19), TODAY),
                           TODAY - dt.timedelta(days=19), TODAY)  # fmt: skip
    values = chart.values("energy")
    assert values.count(None) == 7 and len(values) == 20
    means = chart.means("energy")
    assert not any(math.isnan(m) for m, v in zip(means, values, strict=True) if v is not None)
    assert all(math.isfinite(m) for m in chart.means("mood"))
    assert "Energy –" in chart.describe(TODAY) and "Mood" in chart.describe(TODAY)
    page.form.show_date(TODAY, mixed.resilience.get(TODAY), None)  # editing one does not crash


def test_today_and_trends_draw_them(qtbot: Any, main_window: Any, mixed: Journal) -> None:
    mixed.people.add(Person("Ana Silva"))
    main_window.navigate("today")
    today = main_window.page("today")
    today.refresh()
    assert "energy <b>–</b> · stress <b>–</b>" in today.resilience_card.today_checkin.text()
    energy_line = today.resilience_card.sparkline.series()["energy"]
    assert energy_line[-1] is None and energy_line[-2] is not None
    main_window.navigate("trends")
    trends = main_window.page("trends")
    energy = np.asarray(trends.influence_chart.energy.getOriginalDataset()[1], dtype=float)
    assert len(energy) > 0 and np.isfinite(energy).all()


def test_weeks_of_mood_only_history_draw_gaps_not_zeros(
    qtbot: Any, main_window: Any, journal: Journal
) -> None:
    start = TODAY - dt.timedelta(days=60)
    journal.resilience.save_many(
        ResilienceEntry(start + dt.timedelta(days=n), None if n < 30 else 6, None, 5)
        for n in range(60)
    )
    main_window.navigate("trends")
    trends = main_window.page("trends")
    energy = np.asarray(trends.influence_chart.energy.getOriginalDataset()[1], dtype=float)
    mood = np.asarray(trends.influence_chart.mood.getOriginalDataset()[1], dtype=float)
    assert np.isfinite(mood).all() and len(mood) == len(energy)
    assert np.isnan(energy[0]) and energy[-1] == 6.0  # a gap, not 0
    from tests.ui.test_trends_page import _date_x

    hover = trends.influence_chart.hover_at(_date_x(start + dt.timedelta(days=10)))
    assert "energy –, stress –, mood 5.0" in hover


def test_editing_a_mood_only_check_in_keeps_what_it_does_not_record(
    qtbot: Any, main_window: Any, mixed: Journal
) -> None:
    mixed.resilience.save(ResilienceEntry(TODAY, None, None, 4, note="flight", tags=("travel",)))
    main_window.navigate("resilience")
    page = main_window.page("resilience")
    qtbot.waitUntil(lambda: page.chart is not None)
    form = page.form
    form.show_date(TODAY, mixed.resilience.get(TODAY), None)
    assert form.value_labels["energy"].text() == "–"
    assert form.is_saved()
    form.sliders["mood"].setValue(8)  # only the mood changes
    form.submit()
    saved = mixed.resilience.get(TODAY)
    assert saved is not None
    assert (saved.energy, saved.stress, saved.mood, saved.tags) == (None, None, 8, ("travel",))
    form.show_date(TODAY, saved, None)
    form.sliders["energy"].setValue(3)  # now the user records an energy score
    form.submit()
    again = mixed.resilience.get(TODAY)
    assert again is not None and (again.energy, again.stress) == (3, None)
