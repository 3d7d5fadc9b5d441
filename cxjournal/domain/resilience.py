"""Resilience log: what the ten-second daily check-ins reveal over time.

Everything here is a pure function of the entries it is given: rolling means
for the trend chart, which drains and restorers go with better or worse days,
and a consistency indicator that forgives missed days. The early warning when
energy or stress shifts is :mod:`cxjournal.domain.early_warning`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from cxjournal.domain.model import ResilienceEntry

TagKind = Literal["drain", "restorer"]
_KINDS: tuple[TagKind, ...] = ("drain", "restorer")

#: The three measures of a check-in, in display order.
MEASURES: tuple[str, ...] = ("energy", "stress", "mood")


def recorded_measures(entry: ResilienceEntry) -> tuple[tuple[str, int], ...]:
    """``(measure, value)`` for each measure the check-in records, in display order.

    A mood-only check-in (energy and stress unrecorded) gives just the mood.
    """
    return tuple((name, value) for name in MEASURES if (value := getattr(entry, name)) is not None)


def is_mood_only(entry: ResilienceEntry) -> bool:
    return entry.energy is None and entry.stress is None


# --------------------------------------------------------------------------- rolling mean


def rolling_mean(
    points: Sequence[tuple[dt.date, float]], window_days: int = 7
) -> list[tuple[dt.date, float]]:
    """Trailing mean over a window of calendar days, one value per date that has data.

    For each distinct date ``d`` among ``points`` the result holds the mean of
    every point dated from ``d - (window_days - 1)`` to ``d`` inclusive. The
    window is measured in calendar days, not in entries: a missed day is simply
    absent, so after a gap the mean rests on fewer points rather than reaching
    further back. ``points`` may come in any order; the result is sorted by date.
    Several points on one date all count (and the date appears once).

    Raises ``ValueError`` if ``window_days`` is less than 1.
    """
    if window_days < 1:
        raise ValueError(f"window_days must be at least 1, not {window_days}")
    ordered = sorted(points, key=lambda p: p[0])
    result: list[tuple[dt.date, float]] = []
    start = 0
    for end, (day, _) in enumerate(ordered):
        if end + 1 < len(ordered) and ordered[end + 1][0] == day:
            continue  # the same date again: emit once, after its last point
        first_day = day - dt.timedelta(days=window_days - 1)
        while ordered[start][0] < first_day:
            start += 1
        window = [value for _, value in ordered[start : end + 1]]
        result.append((day, math.fsum(window) / len(window)))
    return result


def split_at_gaps(
    points: Sequence[tuple[dt.date, float]], max_gap_days: int
) -> list[list[tuple[dt.date, float]]]:
    """Date-sorted ``points`` cut into runs wherever two neighbours are more than
    ``max_gap_days`` apart: a chart draws each run as its own line, so weeks
    without a value of that measure (mood-only check-ins) show as a gap, never
    as a line across them or a zero."""
    runs: list[list[tuple[dt.date, float]]] = []
    for point in points:
        if runs and (point[0] - runs[-1][-1][0]).days <= max_gap_days:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


# --------------------------------------------------------------------------- tags


@dataclass(frozen=True, slots=True)
class TagEffect:
    """How days with one drain or restorer compare with the days without it.

    Each measure is averaged over the check-ins that record it: a mood-only
    check-in (energy and stress unrecorded, as imported history is) counts
    for mood alone, never as a zero. ``<measure>_with`` is ``None`` when no
    day with the tag records that measure; ``*_without`` and ``*_difference``
    are ``None`` when there is nothing to compare with. Differences are "with"
    minus "without": a positive ``energy_difference`` means more energy on
    those days.
    """

    tag: str
    kind: TagKind
    days_with: int
    days_without: int
    energy_with: float | None
    energy_without: float | None
    energy_difference: float | None
    stress_with: float | None
    stress_without: float | None
    stress_difference: float | None
    mood_with: float | None = None
    mood_without: float | None = None
    mood_difference: float | None = None


def normalise_tag(tag: str) -> str:
    """The form under which tags are compared: trimmed and case-folded."""
    return tag.strip().casefold()


def compare_tags(entries: Iterable[ResilienceEntry], min_uses: int = 5) -> list[TagEffect]:
    """Average energy, stress and mood on days with each tag versus days without it.

    Drains and restorers are counted separately (a word used as both yields two
    results). Tags are compared after trimming and ignoring case; the result
    shows the first-written form (earliest entry, then position in the entry).
    A tag is included when at least ``min_uses`` entries carry it; a tag
    repeated within one entry counts once. "Days without" are all other entries
    given, including those with no tags at all. A measure a check-in does not
    record (energy and stress of a mood-only one) is left out of that
    measure's averages.

    Sorted by energy difference, best first (restorers that go with more energy
    at the top, drains that go with less at the bottom); a tag whose days
    record no energy to compare is placed by its mood difference instead;
    tags with nothing to compare against come last. Ties: larger ``days_with``
    first, then by tag.
    """
    ordered = sorted(entries, key=lambda e: e.on)
    totals = {m: _Sum.of(ordered, m) for m in MEASURES}
    effects: list[TagEffect] = []
    for kind in _KINDS:
        display: dict[str, str] = {}
        users: dict[str, list[ResilienceEntry]] = {}
        for entry in ordered:
            seen: set[str] = set()
            for raw in entry.drains if kind == "drain" else entry.restorers:
                key = normalise_tag(raw)
                if not key or key in seen:
                    continue
                seen.add(key)
                display.setdefault(key, raw.strip())
                users.setdefault(key, []).append(entry)
        for key, with_tag in users.items():
            if len(with_tag) < min_uses:
                continue
            effects.append(_tag_effect(display[key], kind, with_tag, len(ordered), totals))
    effects.sort(key=_tag_sort_key)
    return effects


@dataclass(frozen=True, slots=True)
class _Sum:
    """How many entries record a measure, and its total over them."""

    count: int
    total: int

    @classmethod
    def of(cls, entries: Sequence[ResilienceEntry], measure: str) -> _Sum:
        values = [v for e in entries if (v := getattr(e, measure)) is not None]
        return cls(len(values), sum(values))


def _tag_effect(
    tag: str,
    kind: TagKind,
    with_tag: list[ResilienceEntry],
    total_count: int,
    totals: Mapping[str, _Sum],
) -> TagEffect:
    averages: dict[str, float | None] = {}
    for measure in MEASURES:
        inside = _Sum.of(with_tag, measure)
        rest = _Sum(totals[measure].count - inside.count, totals[measure].total - inside.total)
        mean_with = inside.total / inside.count if inside.count else None
        mean_without = rest.total / rest.count if rest.count and mean_with is not None else None
        averages[f"{measure}_with"] = mean_with
        averages[f"{measure}_without"] = mean_without
        averages[f"{measure}_difference"] = (
            None if mean_with is None or mean_without is None else mean_with - mean_without
        )
    return TagEffect(
        tag=tag,
        kind=kind,
        days_with=len(with_tag),
        days_without=total_count - len(with_tag),
        **averages,
    )


def _tag_sort_key(effect: TagEffect) -> tuple[bool, float, int, str, str]:
    diff = effect.energy_difference
    if diff is None and effect.energy_with is None:
        diff = effect.mood_difference
    return (diff is None, -(diff or 0.0), -effect.days_with, effect.tag.casefold(), effect.kind)


# --------------------------------------------------------------------------- consistency


@dataclass(frozen=True, slots=True)
class Consistency:
    """How regularly check-ins happen, said without judgement.

    ``days_logged`` counts distinct dates with a check-in in the last
    ``window_days`` days (today included). ``current_run`` counts the check-ins
    in the current run, where a run survives a single missed day but ends at
    two missed days in a row (see :func:`consistency`). ``run_days`` is the
    number of calendar days from the run's first check-in to today, so the
    message can say how far back the run reaches (it may reach beyond the
    window: 28 check-ins over the last 34 days sit well with 23 of the last 28).
    """

    days_logged: int
    window_days: int
    current_run: int
    message: str
    run_days: int = 0


def consistency(
    entry_dates: Iterable[dt.date], today: dt.date, window_days: int = 28
) -> Consistency:
    """Check-in regularity over the last ``window_days`` days, forgiving missed days.

    The current run counts logged days (not calendar days) going back from the
    latest check-in, continuing across a gap of one missed day but stopping at
    a gap of two or more. Today not logged yet is not a missed day: a run whose
    latest check-in was yesterday, or the day before with yesterday missed, is
    still current; if the latest check-in is older than that, the run is 0.
    The run may reach back beyond the window. Dates after ``today`` are ignored.

    Raises ``ValueError`` if ``window_days`` is less than 1.
    """
    if window_days < 1:
        raise ValueError(f"window_days must be at least 1, not {window_days}")
    days = sorted({d for d in entry_dates if d <= today}, reverse=True)
    first = today - dt.timedelta(days=window_days - 1)
    logged = sum(1 for d in days if d >= first)
    run = 0
    previous = today  # today not logged yet is not a missed day
    for day in days:
        if (previous - day).days > 2:
            break
        run += 1
        previous = day
    run_days = (today - previous).days + 1 if run else 0
    message = _consistency_message(logged, window_days, run, run_days)
    return Consistency(logged, window_days, run, message, run_days)


def _consistency_message(logged: int, window_days: int, run: int, run_days: int) -> str:
    if window_days == 1:
        text = "Checked in today." if logged else "No check-in yet today."
    elif logged == 0:
        text = f"No check-ins in the last {window_days} days."
    else:
        text = f"Checked in on {logged} of the last {window_days} days."
    if run >= 2 and run == run_days:
        text += f" Current run: {run} days in a row."
    elif run >= 2:
        # the run forgives single days without a check-in and may start before the
        # window: say how far back it reaches, so the two figures never read as a clash
        text += f" Current run: {run} check-ins over the last {run_days} days."
    elif logged == 0:
        text += " One takes about ten seconds, whenever you are ready."
    return text


def checkin_value(value: int | None) -> str:
    """A check-in score as shown to the user: the number, or a dash when not recorded."""
    return "–" if value is None else str(value)
