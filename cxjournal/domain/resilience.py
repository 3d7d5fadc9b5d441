"""Resilience log: what the ten-second daily check-ins reveal over time.

Everything here is a pure function of the entries it is given: rolling means
for the trend chart, which drains and restorers go with better or worse days,
a gentle early warning when energy or stress shifts, and a consistency
indicator that forgives missed days.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from fractions import Fraction
from typing import Any, Literal

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import ResilienceEntry

TagKind = Literal["drain", "restorer"]
_KINDS: tuple[TagKind, ...] = ("drain", "restorer")
Metric = Literal["energy", "stress"]

#: The three measures of a check-in, in display order.
MEASURES: tuple[str, ...] = ("energy", "stress", "mood")


def recorded_measures(entry: ResilienceEntry) -> tuple[tuple[str, int], ...]:
    """``(measure, value)`` for each measure the check-in records, in display order.

    A mood-only check-in (energy and stress unrecorded) gives just the mood.
    """
    return tuple((name, value) for name in MEASURES if (value := getattr(entry, name)) is not None)


def is_mood_only(entry: ResilienceEntry) -> bool:
    return entry.energy is None and entry.stress is None


#: How far back :func:`early_warning` looks for the start of an ongoing shift.
_ONSET_LOOKBACK_DAYS = 366


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


def _energy(entry: ResilienceEntry) -> int:
    """Energy of a complete check-in (callers keep only those)."""
    return entry.energy if entry.energy is not None else 0


def _stress(entry: ResilienceEntry) -> int:
    return entry.stress if entry.stress is not None else 0


def _tag_sort_key(effect: TagEffect) -> tuple[bool, float, int, str, str]:
    diff = effect.energy_difference
    if diff is None and effect.energy_with is None:
        diff = effect.mood_difference
    return (diff is None, -(diff or 0.0), -effect.days_with, effect.tag.casefold(), effect.kind)


# --------------------------------------------------------------------------- early warning


@dataclass(frozen=True, slots=True)
class WarningRule:
    """Settings of the early warning (user-adjustable; these are the defaults)."""

    recent_days: int = 14
    earlier_days: int = 28
    min_recent: int = 5
    min_earlier: int = 10
    energy_drop: float = 1.5
    stress_rise: float = 1.5

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> WarningRule:
        """Defaults overlaid with ``data``; unknown keys ignored, bad values refused.

        Day counts must be whole numbers of at least 1, entry minimums whole
        numbers of at least 1, the two thresholds numbers above 0.
        """
        problems: list[str] = []
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            raw = data[f.name]
            whole = f.type == "int"
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                problems.append(f"{f.name}: {raw!r} is not a number")
            elif whole and not float(raw).is_integer():
                problems.append(f"{f.name}: {raw!r} is not a whole number")
            elif whole and raw < 1:
                problems.append(f"{f.name}: {raw!r} must be at least 1")
            elif not whole and not (math.isfinite(raw) and raw > 0):
                problems.append(f"{f.name}: {raw!r} must be a number more than 0")
            else:
                values[f.name] = int(raw) if whole else float(raw)
        if problems:
            raise ValidationError(problems)
        return cls(**values)


#: The rule with its default settings.
DEFAULT_RULE = WarningRule()


@dataclass(frozen=True, slots=True)
class EarlyWarning:
    """A clear shift in recent check-ins, with the numbers behind it.

    ``moved`` names what crossed its threshold ("energy", "stress" or both, in
    that order). Both metrics' means are always given. ``*_change`` is recent
    minus earlier. ``key`` identifies this shift: it stays the same while the
    shift goes on, so a dismissal can hold "until the next shift".
    """

    moved: tuple[Metric, ...]
    recent_start: dt.date
    recent_end: dt.date
    earlier_start: dt.date
    earlier_end: dt.date
    recent_count: int
    earlier_count: int
    energy_before: float
    energy_after: float
    energy_change: float
    stress_before: float
    stress_after: float
    stress_change: float
    onset: dt.date
    key: str
    message: str


@dataclass(frozen=True, slots=True)
class _Windows:
    recent_start: dt.date
    earlier_start: dt.date
    earlier_end: dt.date


def _windows(today: dt.date, rule: WarningRule) -> _Windows:
    recent_start = today - dt.timedelta(days=rule.recent_days - 1)
    earlier_end = recent_start - dt.timedelta(days=1)
    earlier_start = recent_start - dt.timedelta(days=rule.earlier_days)
    return _Windows(recent_start, earlier_start, earlier_end)


def _exact(value: float) -> Fraction:
    """A threshold as the decimal the user wrote (1.1 means exactly 11/10)."""
    return Fraction(str(value))


class _Series:
    """Entries that record energy and stress, sorted by date, with fast window sums.

    Mood-only check-ins are left out: they say nothing about energy or stress.
    """

    def __init__(self, entries: Iterable[ResilienceEntry]) -> None:
        # Mood-only check-ins say nothing about energy or stress: they are left out.
        ordered = sorted((e for e in entries if e.complete), key=lambda e: e.on)
        self.days = [e.on for e in ordered]
        self.energy = [0]
        self.stress = [0]
        for e in ordered:
            self.energy.append(self.energy[-1] + _energy(e))
            self.stress.append(self.stress[-1] + _stress(e))

    def window(self, first: dt.date, last: dt.date) -> tuple[int, int, int]:
        """(count, energy sum, stress sum) of entries dated first..last inclusive."""
        lo = bisect_left(self.days, first)
        hi = bisect_right(self.days, last)
        return hi - lo, self.energy[hi] - self.energy[lo], self.stress[hi] - self.stress[lo]


@dataclass(frozen=True, slots=True)
class _Means:
    """Entry counts and exact means of both windows for one evaluation day."""

    n_recent: int
    n_earlier: int
    energy_before: Fraction
    energy_after: Fraction
    stress_before: Fraction
    stress_after: Fraction


def _means(series: _Series, today: dt.date, rule: WarningRule) -> _Means | None:
    w = _windows(today, rule)
    n_recent, e_recent, s_recent = series.window(w.recent_start, today)
    n_earlier, e_earlier, s_earlier = series.window(w.earlier_start, w.earlier_end)
    if n_recent < max(rule.min_recent, 1) or n_earlier < max(rule.min_earlier, 1):
        return None
    return _Means(
        n_recent,
        n_earlier,
        energy_before=Fraction(e_earlier, n_earlier),
        energy_after=Fraction(e_recent, n_recent),
        stress_before=Fraction(s_earlier, n_earlier),
        stress_after=Fraction(s_recent, n_recent),
    )


def _moved(means: _Means | None, rule: WarningRule) -> tuple[Metric, ...]:
    if means is None:
        return ()
    moved: list[Metric] = []
    if means.energy_after - means.energy_before <= -_exact(rule.energy_drop):
        moved.append("energy")
    if means.stress_after - means.stress_before >= _exact(rule.stress_rise):
        moved.append("stress")
    return tuple(moved)


def early_warning(
    entries: Iterable[ResilienceEntry], today: dt.date, rule: WarningRule = DEFAULT_RULE
) -> EarlyWarning | None:
    """A gentle warning when recent check-ins clearly differ from the weeks before.

    The recent window is the ``rule.recent_days`` days ending with ``today``
    (today included); the earlier window is the ``rule.earlier_days`` days just
    before it. Entries dated after ``today`` are ignored. The warning fires when
    the recent window holds at least ``min_recent`` entries and the earlier one
    at least ``min_earlier``, and either

    - mean energy fell by ``energy_drop`` or more (recent <= earlier - drop), or
    - mean stress rose by ``stress_rise`` or more (recent >= earlier + rise).

    Only check-ins that record energy and stress count, for the means and for
    the minimums: mood-only check-ins (imported history) neither set the
    warning off nor calm it. Both edges are inclusive: a change of exactly 1.5
    fires. Means are compared exactly (as fractions, with the thresholds read
    as the decimals written), so no rounding can move a case across the edge.

    The warning's ``onset`` is the first day of the uninterrupted run of days
    (up to a year back) on which the rule has fired, and ``key`` is built from
    what moved and the ISO week of that onset, e.g. ``"energy+stress@2026-W05"``.
    """
    series = _Series(e for e in entries if e.on <= today)
    means = _means(series, today, rule)
    moved = _moved(means, rule)
    if means is None or not moved:
        return None
    onset = today
    for back in range(1, _ONSET_LOOKBACK_DAYS + 1):
        day = today - dt.timedelta(days=back)
        if not _moved(_means(series, day, rule), rule):
            break
        onset = day
    w = _windows(today, rule)
    year, week, _ = onset.isocalendar()
    return EarlyWarning(
        moved=moved,
        recent_start=w.recent_start,
        recent_end=today,
        earlier_start=w.earlier_start,
        earlier_end=w.earlier_end,
        recent_count=means.n_recent,
        earlier_count=means.n_earlier,
        energy_before=float(means.energy_before),
        energy_after=float(means.energy_after),
        energy_change=float(means.energy_after - means.energy_before),
        stress_before=float(means.stress_before),
        stress_after=float(means.stress_after),
        stress_change=float(means.stress_after - means.stress_before),
        onset=onset,
        key=f"{'+'.join(moved)}@{year}-W{week:02d}",
        message=_warning_message(moved, means, rule),
    )


def _warning_message(moved: tuple[Metric, ...], m: _Means, rule: WarningRule) -> str:
    recent = f"the last {_days(rule.recent_days)}"
    earlier = f"the {_days(rule.earlier_days)} before"
    energy = f"energy averaged {float(m.energy_after):.1f}, down from {float(m.energy_before):.1f}"
    stress = f"stress averaged {float(m.stress_after):.1f}, up from {float(m.stress_before):.1f}"
    if moved == ("energy", "stress"):
        what = f"Over {recent} your {energy}, and your {stress}, compared with {earlier}."
    elif moved == ("energy",):
        what = f"Over {recent} your {energy} in {earlier}."
    else:
        what = f"Over {recent} your {stress} in {earlier}."
    return (
        what + " Shifts like this are common and often pass. It may be a good moment"
        " to look at what usually restores you and make a little room for it."
    )


def rule_help(rule: WarningRule = DEFAULT_RULE) -> str:
    """The early-warning rule in plain words, with its current numbers."""
    return (
        f"cxjournal compares your check-ins from the last {_days(rule.recent_days)}"
        f" (today included) with the {_days(rule.earlier_days)} before them."
        f" It shows a note when your average energy is {_num(rule.energy_drop)} points"
        f" or more lower, or your average stress {_num(rule.stress_rise)} points or more"
        " higher, than before."
        f" It only does so when there are at least {_checkins(rule.min_recent)} in the"
        f" recent {_days(rule.recent_days)} and {_checkins(rule.min_earlier)} in the"
        f" {_days(rule.earlier_days)} before, so a few unusual days alone never set it off;"
        " check-ins with a mood only (such as imported history) do not count here."
        " The note is a prompt to pause, not a diagnosis; once dismissed it stays"
        " hidden until a new shift begins."
    )


def _num(value: float) -> str:
    return f"{value:g}"


def _days(n: int) -> str:
    return "day" if n == 1 else f"{n} days"


def _checkins(n: int) -> str:
    return "1 check-in" if n == 1 else f"{n} check-ins"


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
