"""The power audit's numbers: scores per contact, totals, reach and alarm bells.

Pure functions over :class:`~cxjournal.domain.model.Audit`, exactly as
``spec/power-audit.md`` states them. They are the single source for the GUI, the
exports and the CLI.

Every comparison with a threshold is made on exact values: scores are tenths of
whole numbers, so they are kept as :class:`fractions.Fraction` while deciding, and a
threshold is read as the decimal it is written as (0.67 means 67/100). So a ratio of
exactly 0.67 does not fire ``power_imbalance`` although binary floating point would
put it a hair under. The dataclasses expose plain floats, unrounded;
:func:`cxjournal.domain.analysis_json.analysis_to_json` rounds them to two decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from math import ceil, floor

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    RATING_MAX,
    RATING_MIN,
    REACH_DIMENSIONS,
    Audit,
    Person,
    Rating,
)
from cxjournal.domain.network import (
    NetworkFigures,
    closed_network_alarm,
    network_figures,
)
from cxjournal.domain.power_audit_alarms import (
    FIELD_GUIDANCE,
    METHOD_NOTE,
    Alarm,
    AlarmCode,
    FactValue,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.validation import ties_problems
from cxjournal.domain.wording import (
    blocking_superior_message,
    high_vulnerability_message,
    limited_reach_message,
    power_imbalance_message,
    transactional_network_message,
)

__all__ = [
    "DEFAULT_THRESHOLDS",
    "FIELD_GUIDANCE",
    "METHOD_NOTE",
    "Alarm",
    "AlarmCode",
    "Analysis",
    "ContactKind",
    "ContactScore",
    "ReachFigure",
    "Totals",
    "analyse",
    "compute_reach",
    "compute_totals",
    "kind_label",
    "score_rating",
]


#: The spec's default thresholds, used when a caller gives none.
DEFAULT_THRESHOLDS = Thresholds()


class ContactKind(StrEnum):
    """The shape of one relationship, in the order the rules are tried."""

    DEEP = "deep"
    TRANSACTIONAL = "transactional"
    YOU_LEAN_ON_THEM = "you_lean_on_them"
    THEY_LEAN_ON_YOU = "they_lean_on_you"
    BALANCED = "balanced"


_KIND_LABELS: dict[ContactKind, str] = {
    ContactKind.DEEP: "Deep",
    ContactKind.TRANSACTIONAL: "Transactional",
    ContactKind.YOU_LEAN_ON_THEM: "You lean on them",
    ContactKind.THEY_LEAN_ON_YOU: "They lean on you",
    ContactKind.BALANCED: "Balanced",
}


def kind_label(kind: ContactKind | str) -> str:
    """The human label of a kind: ``"you_lean_on_them"`` -> ``"You lean on them"``."""
    return _KIND_LABELS[ContactKind(kind)]


@dataclass(frozen=True, slots=True)
class ContactScore:
    """The scores of one rating; floats are exact tenths, unrounded."""

    rating: Rating
    dependence_on_them: float
    their_dependence_on_me: float
    balance: float
    kind: ContactKind

    @property
    def person(self) -> Person:
        return self.rating.person


@dataclass(frozen=True, slots=True)
class Totals:
    count: int
    reliance: float
    influence: float
    net_balance: float
    influence_ratio: float
    top2_share: float


@dataclass(frozen=True, slots=True)
class ReachFigure:
    filled: int
    distinct: int
    dominant: str | None
    dominant_share: float | None


@dataclass(frozen=True)
class Analysis:
    """Everything the app shows of one audit, computed with ``thresholds``."""

    audit: Audit
    thresholds: Thresholds
    contacts: tuple[ContactScore, ...]
    totals: Totals | None
    reach: dict[str, ReachFigure] = field(default_factory=dict)
    alarms: tuple[Alarm, ...] = ()
    #: Who knows whom among the rated people (network.md); ``None`` without ties recorded.
    network: NetworkFigures | None = None

    @property
    def alarm_codes(self) -> tuple[AlarmCode, ...]:
        return tuple(alarm.code for alarm in self.alarms)


# --- exact arithmetic ------------------------------------------------------------


@lru_cache(maxsize=256)
def _exact(number: float) -> Fraction:
    """A threshold as the decimal it is written as: 0.67 -> 67/100, 3 -> 3 (remembered: a
    few thresholds are read for every rating, and a fraction is immutable)."""
    if isinstance(number, int):
        return Fraction(number)
    return Fraction(repr(number))


def _share(part: Fraction, whole: Fraction) -> Fraction:
    """``part / whole``; zero when ``whole`` is zero (ratings of 1-10 never give that)."""
    return part / whole if whole else Fraction(0)


def _dependences(rating: Rating) -> tuple[Fraction, Fraction]:
    return (
        Fraction(rating.value * rating.irreplaceability, 10),
        Fraction(rating.my_value * rating.my_irreplaceability, 10),
    )


@lru_cache(maxsize=64)
def _kind_limits(deep_min: float, transactional_max: float, lean_gap: float) -> tuple[int, ...]:
    """The thresholds of a contact's kind in whole tenths, as a rating's dependences in
    tenths (whole numbers) meet them exactly: a dependence of ``d / 10`` is at least
    ``deep_min`` when ``d >= ceil(10 deep_min)``, at most ``transactional_max`` when
    ``d <= floor(10 transactional_max)``, and a balance is past ``lean_gap`` when its
    tenths are at least ``ceil(10 lean_gap)``."""
    return (
        ceil(10 * _exact(deep_min)),
        floor(10 * _exact(transactional_max)),
        ceil(10 * _exact(lean_gap)),
    )


def _tenths(rating: Rating) -> tuple[int, int]:
    """The dependences of :func:`_dependences`, in whole tenths."""
    return rating.value * rating.irreplaceability, rating.my_value * rating.my_irreplaceability


def _kind(d: int, t: int, thresholds: Thresholds) -> ContactKind:
    """The kind of a contact whose dependences are ``d`` and ``t`` tenths."""
    deep_min, transactional_max, lean_gap = _kind_limits(
        thresholds.deep_min, thresholds.transactional_max, thresholds.lean_gap
    )
    balance = t - d
    if d >= deep_min and t >= deep_min:
        return ContactKind.DEEP
    if d <= transactional_max and t <= transactional_max:
        return ContactKind.TRANSACTIONAL
    if balance <= -lean_gap:
        return ContactKind.YOU_LEAN_ON_THEM
    if balance >= lean_gap:
        return ContactKind.THEY_LEAN_ON_YOU
    return ContactKind.BALANCED


def _check(ratings: Sequence[Rating]) -> None:
    problems: list[str] = []
    for index, rating in enumerate(ratings):
        for name in ("value", "irreplaceability", "my_value", "my_irreplaceability"):
            number = getattr(rating, name)
            if (
                isinstance(number, bool)
                or not isinstance(number, int)
                or not RATING_MIN <= number <= RATING_MAX
            ):
                problems.append(
                    f"ratings[{index}].{name}: {number!r} is not between "
                    f"{RATING_MIN} and {RATING_MAX}"
                )
    if problems:
        raise ValidationError(problems)


# --- scores, totals, reach ---------------------------------------------------------


def score_rating(rating: Rating, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> ContactScore:
    """Dependence both ways, balance and kind of one rating."""
    _check([rating])
    return _score(rating, thresholds)


def _score(rating: Rating, thresholds: Thresholds) -> ContactScore:
    """:func:`score_rating` of a rating already checked. A dependence is a whole number of
    tenths, so dividing it by ten gives the float of the exact fraction."""
    d, t = _tenths(rating)
    return ContactScore(
        rating=rating,
        dependence_on_them=d / 10,
        their_dependence_on_me=t / 10,
        balance=(t - d) / 10,
        kind=_kind(d, t, thresholds),
    )


@dataclass(frozen=True, slots=True)
class _ExactTotals:
    count: int
    reliance: Fraction
    influence: Fraction
    influence_ratio: Fraction
    top2_share: Fraction

    def as_totals(self) -> Totals:
        return Totals(
            count=self.count,
            reliance=float(self.reliance),
            influence=float(self.influence),
            net_balance=float(self.influence - self.reliance),
            influence_ratio=float(self.influence_ratio),
            top2_share=float(self.top2_share),
        )


def _exact_totals(ratings: Sequence[Rating]) -> _ExactTotals | None:
    if not ratings:
        return None
    pairs = [_dependences(r) for r in ratings]
    reliance = sum((d for d, _ in pairs), Fraction(0))
    influence = sum((t for _, t in pairs), Fraction(0))
    top_two = sum(sorted((d for d, _ in pairs), reverse=True)[:2], Fraction(0))
    return _ExactTotals(
        count=len(ratings),
        reliance=reliance,
        influence=influence,
        influence_ratio=_share(influence, reliance),
        top2_share=_share(top_two, reliance),
    )


def compute_totals(ratings: Sequence[Rating]) -> Totals | None:
    """Totals over ``ratings``; ``None`` when there are none."""
    _check(ratings)
    exact = _exact_totals(ratings)
    return exact.as_totals() if exact is not None else None


def group_key(value: str) -> str:
    """When two grouping values count as the same (reach): ignoring case and outer spaces."""
    return value.strip().casefold()


def _reach_figure(values: Sequence[str]) -> tuple[ReachFigure, Fraction | None]:
    """The figure for one dimension, with the dominant share as an exact fraction."""
    counts: dict[str, int] = {}
    first_written: dict[str, str] = {}
    for raw in values:
        value = raw.strip()
        if not value:
            continue
        key = group_key(value)
        counts[key] = counts.get(key, 0) + 1
        first_written.setdefault(key, value)
    filled = sum(counts.values())
    if not filled:
        return ReachFigure(filled=0, distinct=0, dominant=None, dominant_share=None), None
    key = min(counts, key=lambda k: (-counts[k], k))
    share = Fraction(counts[key], filled)
    figure = ReachFigure(
        filled=filled,
        distinct=len(counts),
        dominant=first_written[key],
        dominant_share=float(share),
    )
    return figure, share


def _exact_reach(ratings: Sequence[Rating]) -> dict[str, tuple[ReachFigure, Fraction | None]]:
    return {
        dim: _reach_figure([getattr(r.person, dim) for r in ratings]) for dim in REACH_DIMENSIONS
    }


def compute_reach(ratings: Sequence[Rating]) -> dict[str, ReachFigure]:
    """Reach figures per dimension, keyed in ``REACH_DIMENSIONS`` order."""
    return {dim: figure for dim, (figure, _) in _exact_reach(ratings).items()}


# --- alarms ------------------------------------------------------------------------


def _name_key(person: Person) -> tuple[str, str, int]:
    return (person.name.casefold(), person.name, person.id if person.id is not None else -1)


def _reach_alarms(
    reach: dict[str, tuple[ReachFigure, Fraction | None]], thresholds: Thresholds
) -> list[Alarm]:
    alarms: list[Alarm] = []
    for dim, (figure, share) in reach.items():
        if figure.dominant is None or share is None:
            continue
        if figure.filled >= thresholds.reach_min_filled and share >= _exact(thresholds.reach_share):
            facts: dict[str, FactValue] = {
                "dimension": dim,
                "value": figure.dominant,
                "share": float(share),
            }
            message = limited_reach_message(dim, figure.dominant, float(share))
            alarms.append(Alarm(AlarmCode.LIMITED_REACH, message, facts))
    return alarms


def _alarms(
    audit: Audit,
    thresholds: Thresholds,
    exact: list[tuple[Rating, Fraction, Fraction]],
    contacts: Sequence[ContactScore],
    totals: _ExactTotals | None,
    reach: dict[str, tuple[ReachFigure, Fraction | None]],
    network: NetworkFigures | None,
) -> list[Alarm]:
    alarms = _reach_alarms(reach, thresholds)
    closed = closed_network_alarm(network, thresholds)
    if closed is not None:
        alarms.append(closed)
    if totals is not None:
        lean_gap = _exact(thresholds.lean_gap)
        if totals.influence_ratio < _exact(thresholds.imbalance_ratio):
            leaning = sorted(
                ((t - d, r.person) for r, d, t in exact if t - d <= -lean_gap),
                key=lambda pair: (pair[0], _name_key(pair[1])),
            )
            people = tuple(p for _, p in leaning)
            ratio = float(totals.influence_ratio)
            alarms.append(
                Alarm(
                    AlarmCode.POWER_IMBALANCE,
                    power_imbalance_message(ratio, people),
                    {"ratio": ratio, "people": people},
                )
            )
        if totals.top2_share > _exact(thresholds.vulnerability_share):
            ranked = sorted(exact, key=lambda e: (-e[1], -e[0].value, _name_key(e[0].person)))
            people = tuple(r.person for r, _, _ in ranked[:2])
            share = float(totals.top2_share)
            alarms.append(
                Alarm(
                    AlarmCode.HIGH_VULNERABILITY,
                    high_vulnerability_message(share, people),
                    {"share": share, "people": people},
                )
            )
        if len(contacts) >= thresholds.transactional_min_count and all(
            c.kind is ContactKind.TRANSACTIONAL for c in contacts
        ):
            count = len(contacts)
            alarms.append(
                Alarm(
                    AlarmCode.TRANSACTIONAL_NETWORK,
                    transactional_network_message(count),
                    {"count": count},
                )
            )
    if audit.blocking_superior:
        person = audit.blocking_superior_person
        alarms.append(
            Alarm(
                AlarmCode.BLOCKING_SUPERIOR,
                blocking_superior_message(person),
                {"person": person},
            )
        )
    return alarms


def analyse(audit: Audit, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Analysis:
    """The full analysis of ``audit``: contacts in rating order, totals, reach, alarms.

    Alarms come in :class:`AlarmCode` order; ``limited_reach`` once per dimension that
    fires, in ``REACH_DIMENSIONS`` order. Raises :class:`ValidationError` when a
    rating's four scores are not whole numbers from 1 to 10, or when a tie does not
    name two different rated people.
    """
    _check(audit.ratings)
    problems = ties_problems(audit)
    if problems:
        raise ValidationError(problems)
    network = network_figures(audit)
    exact = [(r, *_dependences(r)) for r in audit.ratings]
    contacts = tuple(_score(r, thresholds) for r in audit.ratings)  # checked above
    totals = _exact_totals(audit.ratings)
    reach = _exact_reach(audit.ratings)
    alarms = _alarms(audit, thresholds, exact, contacts, totals, reach, network)
    return Analysis(
        audit=audit,
        thresholds=thresholds,
        contacts=contacts,
        totals=totals.as_totals() if totals is not None else None,
        reach={dim: figure for dim, (figure, _) in reach.items()},
        alarms=tuple(alarms),
        network=network,
    )
