"""Tests for cxjournal.domain.resilience."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxjournal.domain.early_warning import (
    DEFAULT_RULE,
    EarlyWarning,
    WarningRule,
    early_warning,
    rule_help,
)
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import compare_tags, consistency, normalise_tag, rolling_mean

TODAY = dt.date(2026, 3, 31)
DAY = dt.timedelta(days=1)


def entry(
    on: dt.date,
    energy: int = 5,
    stress: int = 5,
    drains: Sequence[str] = (),
    restorers: Sequence[str] = (),
) -> ResilienceEntry:
    return ResilienceEntry(
        on=on,
        energy=energy,
        stress=stress,
        mood=5,
        drains=tuple(drains),
        restorers=tuple(restorers),
    )


# --------------------------------------------------------------------------- rolling_mean


def naive_rolling(
    points: Sequence[tuple[dt.date, float]], window: int
) -> list[tuple[dt.date, float]]:
    out = []
    for day in sorted({d for d, _ in points}):
        values = [v for d, v in points if day - dt.timedelta(days=window - 1) <= d <= day]
        out.append((day, sum(values) / len(values)))
    return out


def test_rolling_mean_consecutive_days() -> None:
    d0 = dt.date(2026, 1, 1)
    points = [(d0 + i * DAY, float(v)) for i, v in enumerate([2, 4, 6, 8])]
    assert rolling_mean(points, window_days=3) == [
        (d0, 2.0),
        (d0 + DAY, 3.0),
        (d0 + 2 * DAY, 4.0),
        (d0 + 3 * DAY, 6.0),
    ]


def test_rolling_mean_gaps_use_calendar_days_not_entry_count() -> None:
    d0 = dt.date(2026, 1, 1)
    points = [(d0, 2.0), (d0 + DAY, 4.0), (d0 + 9 * DAY, 9.0), (d0 + 11 * DAY, 5.0)]
    result = dict(rolling_mean(points, window_days=7))
    assert result[d0 + DAY] == 3.0
    # Eight days after the previous entry: the window holds only itself.
    assert result[d0 + 9 * DAY] == 9.0
    assert result[d0 + 11 * DAY] == 7.0


def test_rolling_mean_window_edge() -> None:
    d = dt.date(2026, 2, 10)
    inside = [(d - 6 * DAY, 1.0), (d, 3.0)]  # six days back: inside a 7-day window
    outside = [(d - 7 * DAY, 1.0), (d, 3.0)]  # seven days back: outside
    assert rolling_mean(inside)[-1] == (d, 2.0)
    assert rolling_mean(outside)[-1] == (d, 3.0)


def test_rolling_mean_unsorted_and_duplicate_dates() -> None:
    d0 = dt.date(2026, 1, 1)
    points = [(d0 + DAY, 6.0), (d0, 2.0), (d0 + DAY, 4.0)]
    assert rolling_mean(points, window_days=1) == [(d0, 2.0), (d0 + DAY, 5.0)]
    assert rolling_mean(points, window_days=2) == [(d0, 2.0), (d0 + DAY, 4.0)]


def test_rolling_mean_empty_and_bad_window() -> None:
    assert rolling_mean([]) == []
    with pytest.raises(ValueError):
        rolling_mean([(TODAY, 1.0)], window_days=0)


@given(
    st.lists(
        st.tuples(
            st.dates(dt.date(2026, 1, 1), dt.date(2026, 3, 1)),
            st.integers(1, 10).map(float),
        ),
        max_size=40,
    ),
    st.integers(1, 30),
)
def test_rolling_mean_matches_definition(points: list[tuple[dt.date, float]], window: int) -> None:
    got = rolling_mean(points, window)
    want = naive_rolling(points, window)
    assert [d for d, _ in got] == [d for d, _ in want]
    for (_, a), (_, b) in zip(got, want, strict=True):
        assert a == pytest.approx(b)


# --------------------------------------------------------------------------- compare_tags


def days(n: int, start: dt.date = dt.date(2026, 1, 1)) -> list[dt.date]:
    return [start + i * DAY for i in range(n)]


def test_tag_needs_min_uses() -> None:
    d = days(10)
    four = [entry(d[i], restorers=["walk"]) for i in range(4)] + [entry(x) for x in d[4:]]
    five = [entry(d[i], restorers=["walk"]) for i in range(5)] + [entry(x) for x in d[5:]]
    assert compare_tags(four) == []
    assert [e.tag for e in compare_tags(five)] == ["walk"]
    assert [e.tag for e in compare_tags(four, min_uses=4)] == ["walk"]


def test_tag_averages_and_counts() -> None:
    d = days(8)
    entries = [entry(d[i], energy=8, stress=2, restorers=["run"]) for i in range(5)] + [
        entry(d[5], energy=4, stress=6),
        entry(d[6], energy=5, stress=7),
        entry(d[7], energy=3, stress=8),
    ]
    [effect] = compare_tags(entries)
    assert effect.kind == "restorer"
    assert (effect.days_with, effect.days_without) == (5, 3)
    assert effect.energy_with == 8.0
    assert effect.energy_without == 4.0
    assert effect.energy_difference == 4.0
    assert effect.stress_with == 2.0
    assert effect.stress_without == 7.0
    assert effect.stress_difference == -5.0


def test_tags_compared_case_insensitively_after_trimming() -> None:
    d = days(6)
    spellings = [" ESCALATIONS", "escalations ", "Escalations", "escalations", "EsCaLaTiOnS"]
    # Given out of order: the first-written form is the earliest entry's.
    entries = [entry(d[i + 1], drains=[s]) for i, s in enumerate(spellings[1:])]
    entries.append(entry(d[0], drains=[spellings[0]]))
    entries.append(entry(d[5]))
    [effect] = compare_tags(entries)
    assert effect.tag == "ESCALATIONS"
    assert effect.days_with == 5
    assert normalise_tag("  Team Lunch ") == "team lunch"


def test_tag_repeated_in_one_entry_counts_once_and_blank_tags_ignored() -> None:
    d = days(6)
    entries = [entry(x, drains=["email", "Email", "  "]) for x in d[:4]] + [entry(d[5])]
    assert compare_tags(entries) == []
    assert compare_tags(entries, min_uses=4)[0].days_with == 4


def test_drains_and_restorers_are_separate_and_sorted_best_first() -> None:
    d = days(12)
    entries = []
    for i, x in enumerate(d):
        if i < 5:  # "music" as a restorer on good days
            entries.append(entry(x, energy=8, stress=3, restorers=["music"]))
        elif i < 10:  # "meetings" as a drain on poor days, "music" as a drain too
            entries.append(entry(x, energy=3, stress=8, drains=["meetings", "music"]))
        else:
            entries.append(entry(x, energy=5, stress=5))
    effects = compare_tags(entries)
    # The two drains tie (same days): larger days_with, then the tag, decides.
    assert [(e.tag, e.kind) for e in effects] == [
        ("music", "restorer"),
        ("meetings", "drain"),
        ("music", "drain"),
    ]
    diffs = [e.energy_difference for e in effects]
    assert diffs == sorted(diffs, key=lambda v: -(v or 0.0))
    assert effects[0].energy_difference is not None and effects[0].energy_difference > 0
    assert effects[-1].energy_difference is not None and effects[-1].energy_difference < 0


def test_tag_on_every_entry_has_nothing_to_compare_and_sorts_last() -> None:
    d = days(6)
    entries = [entry(x, energy=2, drains=["travel"], restorers=["tea"]) for x in d[:5]] + [
        entry(d[5], energy=9, drains=["travel"])
    ]
    effects = compare_tags(entries)
    assert [e.tag for e in effects] == ["tea", "travel"]
    travel = effects[-1]
    assert travel.days_without == 0
    assert travel.energy_without is None and travel.energy_difference is None
    assert travel.stress_without is None and travel.stress_difference is None


# --------------------------------------------------------------------------- early_warning

RECENT_START = TODAY - 13 * DAY  # 2026-03-18
EARLIER_START = RECENT_START - 28 * DAY  # 2026-02-18


def history(
    earlier: Sequence[tuple[int, int]], recent: Sequence[tuple[int, int]]
) -> list[ResilienceEntry]:
    """(energy, stress) pairs on consecutive days from the start of each window."""
    assert len(earlier) <= 28 and len(recent) <= 14
    return [entry(EARLIER_START + i * DAY, e, s) for i, (e, s) in enumerate(earlier)] + [
        entry(RECENT_START + i * DAY, e, s) for i, (e, s) in enumerate(recent)
    ]


def spread(total: int, n: int) -> list[int]:
    """n integers in 1..10 summing to total (as evenly as possible)."""
    base, extra = divmod(total, n)
    values = [base + 1] * extra + [base] * (n - extra)
    assert sum(values) == total and all(1 <= v <= 10 for v in values)
    return values


def energies(total: int, n: int, stress: int = 5) -> list[tuple[int, int]]:
    return [(e, stress) for e in spread(total, n)]


def stresses(total: int, n: int, energy: int = 5) -> list[tuple[int, int]]:
    return [(energy, s) for s in spread(total, n)]


def test_energy_drop_of_exactly_threshold_fires() -> None:
    warning = early_warning(history(energies(65, 10), energies(25, 5)), TODAY)
    assert warning is not None
    assert warning.moved == ("energy",)
    assert warning.energy_before == 6.5 and warning.energy_after == 5.0
    assert warning.energy_change == -1.5
    assert warning.stress_change == 0.0


def test_energy_drop_just_under_threshold_does_not_fire() -> None:
    # 3.24 -> 1.75 is a drop of 1.49
    assert early_warning(history(energies(81, 25), energies(14, 8)), TODAY) is None
    # 6.4 -> 5.0 is a drop of 1.4
    assert early_warning(history(energies(64, 10), energies(25, 5)), TODAY) is None


def test_energy_edge_is_exact_despite_float_rounding() -> None:
    # 3.3 - 1.8 is 1.4999999999999998 in floating point; the rule still fires.
    warning = early_warning(history(energies(33, 10), energies(9, 5)), TODAY)
    assert warning is not None and warning.moved == ("energy",)


def test_stress_rise_of_exactly_threshold_fires() -> None:
    warning = early_warning(history(stresses(45, 10), stresses(30, 5)), TODAY)
    assert warning is not None  # 4.5 -> 6.0, exactly 1.5
    assert warning.moved == ("stress",)
    assert warning.stress_before == 4.5 and warning.stress_after == 6.0
    assert warning.stress_change == 1.5
    assert warning.energy_change == 0.0
    assert warning.key.startswith("stress@")


def test_stress_rise_just_under_threshold_does_not_fire() -> None:
    # 1.76 -> 3.25 is a rise of 1.49
    assert early_warning(history(stresses(44, 25), stresses(26, 8)), TODAY) is None
    # and one more point of stress in the recent window crosses it
    assert early_warning(history(stresses(44, 25), stresses(27, 8)), TODAY) is not None


def test_stress_edge_is_exact_despite_float_rounding() -> None:
    # 14/12 + 1.5 > 16/6 in floating point; exactly they are equal.
    warning = early_warning(history(stresses(14, 12), stresses(16, 6)), TODAY)
    assert warning is not None and warning.moved == ("stress",)


def test_both_metrics_moved() -> None:
    earlier = [(7, 3)] * 10
    recent = [(4, 6)] * 5
    warning = early_warning(history(earlier, recent), TODAY)
    assert warning is not None
    assert warning.moved == ("energy", "stress")
    assert warning.key.startswith("energy+stress@")


def test_minimum_recent_entries_4_vs_5() -> None:
    earlier = [(8, 2)] * 10
    assert early_warning(history(earlier, [(2, 9)] * 4), TODAY) is None
    assert early_warning(history(earlier, [(2, 9)] * 5), TODAY) is not None


def test_minimum_earlier_entries_9_vs_10() -> None:
    recent = [(2, 9)] * 5
    assert early_warning(history([(8, 2)] * 9, recent), TODAY) is None
    assert early_warning(history([(8, 2)] * 10, recent), TODAY) is not None


def test_window_boundaries() -> None:
    base = [entry(EARLIER_START + i * DAY, 8, 2) for i in range(1, 10)]  # 9 earlier
    dip = [entry(RECENT_START + i * DAY, 2, 9) for i in range(1, 5)]  # 4 recent
    # An entry on the first recent day counts as recent...
    w = early_warning([*base, *dip, entry(RECENT_START, 2, 9), entry(EARLIER_START, 8, 2)], TODAY)
    assert w is not None and (w.recent_count, w.earlier_count) == (5, 10)
    assert (w.recent_start, w.recent_end) == (RECENT_START, TODAY)
    assert (w.earlier_start, w.earlier_end) == (EARLIER_START, RECENT_START - DAY)
    # ...the day before it counts as earlier, and the day before the earlier window not at all.
    moved_back = [*base, *dip, entry(RECENT_START - DAY, 2, 9), entry(EARLIER_START - DAY, 8, 2)]
    assert early_warning(moved_back, TODAY) is None
    # Entries after today are ignored.
    assert early_warning([*base, *dip, entry(TODAY + DAY, 2, 9)], TODAY) is None


def test_custom_rule() -> None:
    entries = history(energies(65, 10), energies(25, 5))
    assert early_warning(entries, TODAY, WarningRule(energy_drop=1.6)) is None
    assert early_warning(entries, TODAY, WarningRule(min_recent=6)) is None
    assert early_warning(entries, TODAY, WarningRule(energy_drop=1.0)) is not None


def test_message_is_gentle_and_specific() -> None:
    warning = early_warning(history(energies(65, 10), energies(25, 5)), TODAY)
    assert warning is not None
    text = warning.message
    assert "5.0" in text and "6.5" in text and "energy" in text
    assert "restor" in text
    assert "!" not in text
    for word in ("danger", "alarm", "burnout", "critical", "fail", "must"):
        assert word not in text.lower()
    both = early_warning(history([(7, 3)] * 10, [(4, 6)] * 5), TODAY)
    assert both is not None and "energy" in both.message and "stress" in both.message


def dip_journal(dips: Sequence[int], length: int = 10, total: int = 200) -> list[ResilienceEntry]:
    """Daily entries from day 0: energy 7, or 2 during each dip of `length` days."""
    start = dt.date(2026, 1, 1)
    entries = []
    for i in range(total):
        low = any(d <= i < d + length for d in dips)
        entries.append(entry(start + i * DAY, 2 if low else 7, 3))
    return entries


def test_key_is_stable_during_a_shift_and_changes_for_the_next() -> None:
    start = dt.date(2026, 1, 1)
    entries = dip_journal([60, 150])
    # With 14 daily entries, five days at 2 instead of 7 lower the mean by 25/14 >= 1.5;
    # four days lower it by only 20/14.
    assert early_warning(entries, start + 63 * DAY) is None
    first = [early_warning(entries, start + i * DAY) for i in range(64, 70)]
    assert all(w is not None for w in first)
    assert {w.onset for w in first if w} == {start + 64 * DAY}
    assert len({w.key for w in first if w}) == 1
    second = early_warning(entries, start + 154 * DAY)
    assert second is not None and second.onset == start + 154 * DAY
    assert first[0] is not None and second.key != first[0].key
    year, week, _ = (start + 154 * DAY).isocalendar()
    assert second.key == f"energy@{year}-W{week:02d}"


def test_warning_is_frozen() -> None:
    warning = early_warning(history(energies(65, 10), energies(25, 5)), TODAY)
    assert isinstance(warning, EarlyWarning)
    with pytest.raises(AttributeError):
        warning.key = "x"  # type: ignore[misc]


def test_rule_help_names_the_numbers() -> None:
    text = rule_help()
    for fragment in ("14 days", "28 days", "1.5", "5 check-ins", "10 check-ins"):
        assert fragment in text
    custom = rule_help(WarningRule(recent_days=7, earlier_days=21, energy_drop=2, min_recent=3))
    for fragment in ("7 days", "21 days", "2 points", "3 check-ins"):
        assert fragment in custom
    assert "1.5 points" in custom  # stress threshold unchanged


def test_warning_rule_defaults_and_from_mapping() -> None:
    assert WarningRule() == DEFAULT_RULE
    assert DEFAULT_RULE.as_dict() == {
        "recent_days": 14,
        "earlier_days": 28,
        "min_recent": 5,
        "min_earlier": 10,
        "energy_drop": 1.5,
        "stress_rise": 1.5,
    }
    rule = WarningRule.from_mapping({"recent_days": 7.0, "stress_rise": 2, "unknown": 1})
    assert rule == WarningRule(recent_days=7, stress_rise=2.0)
    with pytest.raises(ValidationError) as info:
        WarningRule.from_mapping(
            {"recent_days": 0, "min_recent": 2.5, "energy_drop": -1, "stress_rise": True}
        )
    assert len(info.value.problems) == 4
    with pytest.raises(ValidationError):
        WarningRule.from_mapping({"energy_drop": float("inf")})


# --------------------------------------------------------------------------- consistency


def test_consistency_counts_days_in_window() -> None:
    dates = [TODAY - i * DAY for i in (0, 5, 27, 28, 40)]
    result = consistency(dates, TODAY)
    assert result.days_logged == 3
    assert result.window_days == 28
    assert "3 of the last 28 days" in result.message


def test_consistency_ignores_future_and_duplicate_dates() -> None:
    result = consistency([TODAY, TODAY, TODAY + DAY], TODAY)
    assert result.days_logged == 1
    assert result.current_run == 1


def test_run_forgives_one_missed_day_but_not_two() -> None:
    # logged today, yesterday, (miss), -3, -4, (miss, miss), -7
    dates = [TODAY - i * DAY for i in (0, 1, 3, 4, 7)]
    assert consistency(dates, TODAY).current_run == 4
    # logged today, (miss), -2, (miss), -4: one missed day at a time keeps the run going
    assert consistency([TODAY - i * DAY for i in (0, 2, 4)], TODAY).current_run == 3


def test_run_today_not_logged_yet() -> None:
    run = [1, 2, 3]
    assert consistency([TODAY - i * DAY for i in run], TODAY).current_run == 3
    # yesterday missed too: one missed day, still current
    assert consistency([TODAY - (i + 1) * DAY for i in run], TODAY).current_run == 3
    # two missed days (yesterday and the day before): the run has ended
    assert consistency([TODAY - (i + 2) * DAY for i in run], TODAY).current_run == 0


def test_consistency_messages_never_shame() -> None:
    empty = consistency([], TODAY)
    assert empty.days_logged == 0 and empty.current_run == 0
    assert "No check-ins in the last 28 days" in empty.message
    dates = [TODAY - i * DAY for i in range(12)]
    busy = consistency(dates, TODAY)
    assert busy.message == "Checked in on 12 of the last 28 days. Current run: 12 days in a row."
    one = consistency([TODAY - 10 * DAY], TODAY)
    assert one.message == "Checked in on 1 of the last 28 days."
    for result in (empty, busy, one):
        lowered = result.message.lower()
        for word in ("only", "missed", "broke", "fail", "should", "!"):
            assert word not in lowered


def test_a_run_longer_than_the_window_says_how_far_back_it_reaches() -> None:
    # every day for 34 days except five single days: 23 of the last 28, a run of 29
    skipped = {2, 6, 10, 14, 18}
    dates = [TODAY - i * DAY for i in range(34) if i not in skipped]
    result = consistency(dates, TODAY)
    assert (result.days_logged, result.current_run, result.run_days) == (23, 29, 34)
    assert result.message == (
        "Checked in on 23 of the last 28 days. Current run: 29 check-ins over the last 34 days."
    )
    # the run's figures never exceed the days they span, nor the window's its length
    assert result.current_run <= result.run_days
    assert result.days_logged <= result.window_days


def test_a_run_ending_yesterday_counts_its_days_up_to_today() -> None:
    dates = [TODAY - i * DAY for i in range(1, 6)]  # not yet today
    result = consistency(dates, TODAY)
    assert result.message == (
        "Checked in on 5 of the last 28 days. Current run: 5 check-ins over the last 6 days."
    )


def test_consistency_custom_window_and_bad_window() -> None:
    dates = [TODAY - i * DAY for i in range(10)]
    assert consistency(dates, TODAY, window_days=7).days_logged == 7
    assert consistency(dates, TODAY, window_days=1).message.startswith("Checked in today.")
    assert consistency([], TODAY, window_days=1).message.startswith("No check-in yet today.")
    with pytest.raises(ValueError):
        consistency(dates, TODAY, window_days=0)
