"""Mood-only check-ins (energy and stress unrecorded, as imported history is) in the rules."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.early_warning import early_warning
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import compare_tags, consistency

TODAY = dt.date(2026, 3, 31)
DAY = dt.timedelta(days=1)


def full(
    on: dt.date, energy: int, stress: int, mood: int = 5, **tags: tuple[str, ...]
) -> ResilienceEntry:
    return ResilienceEntry(on=on, energy=energy, stress=stress, mood=mood, **tags)


def mood_only(on: dt.date, mood: int, **tags: tuple[str, ...]) -> ResilienceEntry:
    return ResilienceEntry(on=on, energy=None, stress=None, mood=mood, **tags)


def test_mood_only_days_count_for_consistency() -> None:
    dates = [TODAY - i * DAY for i in range(5)]
    result = consistency(dates, TODAY)
    assert result.days_logged == 5 and result.current_run == 5


def test_tag_comparison_averages_each_measure_over_the_days_that_record_it() -> None:
    entries = [mood_only(TODAY - i * DAY, 9, restorers=("run",)) for i in range(5)]
    entries += [mood_only(TODAY - (10 + i) * DAY, 5) for i in range(5)]
    entries += [full(TODAY - 20 * DAY, 8, 2, 9, restorers=("run",))]
    entries += [full(TODAY - 21 * DAY, 4, 6, 5)]
    (effect,) = compare_tags(entries, min_uses=5)
    assert effect.days_with == 6 and effect.days_without == 6
    assert effect.mood_with == 9 and effect.mood_without == 5 and effect.mood_difference == 4
    # energy and stress come from the one full check-in on each side, never from zeros
    assert effect.energy_with == 8 and effect.energy_without == 4
    assert effect.stress_with == 2 and effect.stress_without == 6


def test_a_mood_only_journal_compares_and_ranks_by_mood() -> None:
    entries = [mood_only(TODAY - i * DAY, 9, restorers=("run",)) for i in range(5)]
    entries += [mood_only(TODAY - (5 + i) * DAY, 3, drains=("late calls",)) for i in range(5)]
    effects = compare_tags(entries, min_uses=5)
    assert [e.tag for e in effects] == ["run", "late calls"]
    assert all(e.energy_with is None and e.energy_difference is None for e in effects)
    assert all(e.stress_with is None for e in effects)
    assert effects[0].mood_difference == 6 and effects[1].mood_difference == -6


def test_early_warning_ignores_mood_only_days() -> None:
    earlier = [full(TODAY - (14 + i) * DAY, 8, 3) for i in range(10)]
    recent_low = [full(TODAY - i * DAY, 5, 3) for i in range(5)]
    assert early_warning(earlier + recent_low, TODAY) is not None
    # mood-only days neither fill the minimum of recent check-ins ...
    recent_mood_only = [mood_only(TODAY - i * DAY, 2) for i in range(14)]
    assert early_warning(earlier + recent_mood_only, TODAY) is None
    # ... nor dilute the means of the full check-ins around them
    mixed = earlier + recent_low + [mood_only(TODAY - (5 + i) * DAY, 9) for i in range(9)]
    mixed += [mood_only(TODAY - (14 + 10 + i) * DAY, 9) for i in range(18)]
    found = early_warning(mixed, TODAY)
    assert found is not None
    assert found.recent_count == 5 and found.earlier_count == 10
    assert found.energy_before == 8 and found.energy_after == 5
