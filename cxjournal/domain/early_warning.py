"""The resilience log's early warning: a gentle note when recent check-ins shift.

A pure function of the check-ins it is given: the recent weeks' mean energy and
stress against the weeks before, with user-adjustable thresholds
(:class:`WarningRule`), the day the shift began, and the rule in plain words.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from fractions import Fraction
from typing import Any, Literal

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import ResilienceEntry

Metric = Literal["energy", "stress"]

#: How far back :func:`early_warning` looks for the start of an ongoing shift.
_ONSET_LOOKBACK_DAYS = 366


def _energy(entry: ResilienceEntry) -> int:
    """Energy of a complete check-in (callers keep only those)."""
    return entry.energy if entry.energy is not None else 0


def _stress(entry: ResilienceEntry) -> int:
    return entry.stress if entry.stress is not None else 0


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
