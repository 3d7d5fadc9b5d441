"""What changed between two power audits: who joined, who left, who moved and how far.

People are matched by their id; a person without an id (not saved yet, or from an
import) is matched by name, ignoring case and surrounding spaces. Two people with
different ids are never matched, even when their names are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from cxjournal.domain.model import Audit, Person
from cxjournal.domain.power_audit import (
    DEFAULT_THRESHOLDS,
    ContactKind,
    ContactScore,
    Totals,
    analyse,
)
from cxjournal.domain.thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class ContactChange:
    """One person rated in both audits; every delta is ``after - before``, unrounded."""

    person: Person
    dependence_on_them_before: float
    dependence_on_them_after: float
    dependence_on_them_delta: float
    their_dependence_on_me_before: float
    their_dependence_on_me_after: float
    their_dependence_on_me_delta: float
    balance_before: float
    balance_after: float
    balance_delta: float
    kind_before: ContactKind
    kind_after: ContactKind


@dataclass(frozen=True, slots=True)
class TotalsDelta:
    """``current - previous`` for each total."""

    count: int
    reliance: float
    influence: float
    net_balance: float
    influence_ratio: float
    top2_share: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """``previous`` against ``current``.

    ``joined``: people only in ``current``, in its rating order; ``left``: people only
    in ``previous``, in its rating order; ``stayed``: people in both, in ``current``'s
    rating order. ``totals_delta`` is ``None`` when either audit has no ratings.
    """

    previous: Audit
    current: Audit
    joined: tuple[Person, ...]
    left: tuple[Person, ...]
    stayed: tuple[ContactChange, ...]
    previous_totals: Totals | None
    current_totals: Totals | None
    totals_delta: TotalsDelta | None
    #: alarm codes that ring now and did not before, that no longer ring, and that ring
    #: in both, each once in report order
    alarms_came: tuple[str, ...] = ()
    alarms_went: tuple[str, ...] = ()
    alarms_stayed: tuple[str, ...] = ()


def _diff(after: float, before: float) -> float:
    """``after - before`` on the decimals the floats stand for: 5.6 - 4.2 gives 1.4."""
    return float(Fraction(repr(after)) - Fraction(repr(before)))


def _name_key(person: Person) -> str:
    return person.name.strip().casefold()


def match_people(previous: Sequence[Person], current: Sequence[Person]) -> dict[int, int]:
    """Pairs ``{index in current: index in previous}``: by id first, then by name.

    The name pass only pairs two people when at least one of them has no id.
    """
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    by_id = {p.id: i for i, p in enumerate(previous) if p.id is not None}
    for ci, person in enumerate(current):
        pi = by_id.get(person.id) if person.id is not None else None
        if pi is not None and pi not in taken:
            pairs[ci] = pi
            taken.add(pi)
    for ci, person in enumerate(current):
        if ci in pairs:
            continue
        for pi, before in enumerate(previous):
            if pi in taken or (person.id is not None and before.id is not None):
                continue
            if _name_key(before) == _name_key(person):
                pairs[ci] = pi
                taken.add(pi)
                break
    return pairs


def _change(before: ContactScore, after: ContactScore) -> ContactChange:
    return ContactChange(
        person=after.person,
        dependence_on_them_before=before.dependence_on_them,
        dependence_on_them_after=after.dependence_on_them,
        dependence_on_them_delta=_diff(after.dependence_on_them, before.dependence_on_them),
        their_dependence_on_me_before=before.their_dependence_on_me,
        their_dependence_on_me_after=after.their_dependence_on_me,
        their_dependence_on_me_delta=_diff(
            after.their_dependence_on_me, before.their_dependence_on_me
        ),
        balance_before=before.balance,
        balance_after=after.balance,
        balance_delta=_diff(after.balance, before.balance),
        kind_before=before.kind,
        kind_after=after.kind,
    )


def _totals_delta(before: Totals | None, after: Totals | None) -> TotalsDelta | None:
    if before is None or after is None:
        return None
    return TotalsDelta(
        count=after.count - before.count,
        reliance=_diff(after.reliance, before.reliance),
        influence=_diff(after.influence, before.influence),
        net_balance=_diff(after.net_balance, before.net_balance),
        influence_ratio=_diff(after.influence_ratio, before.influence_ratio),
        top2_share=_diff(after.top2_share, before.top2_share),
    )


def compare(
    previous: Audit, current: Audit, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> Comparison:
    """How ``current`` differs from ``previous``; ``thresholds`` only decide the kinds."""
    before = analyse(previous, thresholds)
    after = analyse(current, thresholds)
    pairs = match_people([c.person for c in before.contacts], [c.person for c in after.contacts])
    matched_previous = set(pairs.values())
    then = list(dict.fromkeys(str(code) for code in before.alarm_codes))
    now = list(dict.fromkeys(str(code) for code in after.alarm_codes))
    return Comparison(
        previous=previous,
        current=current,
        joined=tuple(c.person for i, c in enumerate(after.contacts) if i not in pairs),
        left=tuple(c.person for i, c in enumerate(before.contacts) if i not in matched_previous),
        stayed=tuple(
            _change(before.contacts[pairs[i]], contact)
            for i, contact in enumerate(after.contacts)
            if i in pairs
        ),
        previous_totals=before.totals,
        current_totals=after.totals,
        totals_delta=_totals_delta(before.totals, after.totals),
        alarms_came=tuple(code for code in now if code not in then),
        alarms_went=tuple(code for code in then if code not in now),
        alarms_stayed=tuple(code for code in now if code in then),
    )
