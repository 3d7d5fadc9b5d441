"""The network inside a power audit: who of the rated people already know each other.

Pure functions over an :class:`~cxjournal.domain.model.Audit`'s ``ties`` (pairs of
indexes into its ratings), exactly as ``spec/network.md`` states them: density,
Burt's effective size, efficiency and constraint of "me" in the ego network,
structural holes, and the clusters the ties make. The figures are computed here
in plain Python (exact fractions, then floats) and tested against ``networkx``.

Also here: the rules that keep ties consistent while an audit is edited (a person
removed takes their ties along, reordering ratings moves the indexes) and the
suggested introductions, one per pair of clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import lcm
from typing import Any

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.power_audit_alarms import Alarm, AlarmCode
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import closed_network_message, round_half_up

Tie = tuple[int, int]


@dataclass(frozen=True, slots=True)
class NetworkFigures:
    """The ego network's figures; floats unrounded, ``clusters`` as rating indexes."""

    n: int
    ties: int
    possible_ties: int
    density: float
    effective_size: float
    efficiency: float
    constraint: float
    structural_holes: int
    #: Connected groups of the rated people (ties only), largest first, then by
    #: the first name case-insensitively; each lists its indexes in name order.
    clusters: tuple[tuple[int, ...], ...]
    #: ``density`` as an exact fraction, for threshold comparisons.
    exact_density: Fraction


@dataclass(frozen=True, slots=True)
class Introduction:
    """A suggested introduction joining two clusters: one person from each."""

    first: Person
    second: Person
    #: The positions of the two clusters in :attr:`NetworkFigures.clusters`.
    clusters: tuple[int, int]


# --- ties while editing ----------------------------------------------------------------


def normalise_tie(a: int, b: int) -> Tie:
    """The stored form of a pair: smaller index first."""
    return (a, b) if a < b else (b, a)


def normalise_ties(ties: Iterable[Sequence[int]]) -> tuple[Tie, ...]:
    """``ties`` with each pair ordered, self-ties and repeats dropped, sorted."""
    found: set[Tie] = set()
    for pair in ties:
        a, b = int(pair[0]), int(pair[1])
        if a != b:
            found.add(normalise_tie(a, b))
    return tuple(sorted(found))


def ties_remapped(ties: Iterable[Tie], new_index: Mapping[int, int]) -> tuple[Tie, ...]:
    """The ties after the ratings moved: ``new_index`` maps old to new positions.

    A tie of someone missing from ``new_index`` (removed) is dropped with them.
    """
    return normalise_ties(
        (new_index[a], new_index[b]) for a, b in ties if a in new_index and b in new_index
    )


# --- figures -----------------------------------------------------------------------------


def has_network(audit: Audit) -> bool:
    """True when the audit has network figures: two ratings or more, ties recorded."""
    return len(audit.ratings) >= 2 and (audit.ties_recorded or bool(audit.ties))


def name_order(person: Person) -> tuple[str, str]:
    return (person.name.casefold(), person.name)


def clusters_of(ratings: Sequence[Rating], ties: Iterable[Tie]) -> tuple[tuple[int, ...], ...]:
    """Connected groups of the rated people by ties, in the spec's order."""
    parent = list(range(len(ratings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in ties:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(len(ratings)):
        groups.setdefault(root(i), []).append(i)

    def key(i: int) -> tuple[tuple[str, str], int]:
        return (name_order(ratings[i].person), i)

    members = [tuple(sorted(group, key=key)) for group in groups.values()]
    members.sort(key=lambda group: (-len(group), key(group[0])))
    return tuple(members)


def _constraint(n: int, neighbours: Sequence[set[int]]) -> Fraction:
    """Burt's constraint of me: every alter j adds (p_me,j + sum_w p_me,w p_w,j)^2.

    With no weights, p_u,v = 1 / degree(u); an alter's degree counts me too. Summed in
    whole numbers over one common denominator, then made one exact fraction: with
    ``L`` a multiple of every alter's degree, alter j adds
    ``(L + sum_w L / degree(w))^2 / (n L)^2``.
    """
    common = lcm(*(len(alters) + 1 for alters in neighbours)) if neighbours else 1
    shares = [common // (len(alters) + 1) for alters in neighbours]
    total = sum((common + sum(shares[w] for w in neighbours[j])) ** 2 for j in range(n))
    return Fraction(total, (n * common) ** 2)


def network_figures(audit: Audit) -> NetworkFigures | None:
    """The audit's network figures; ``None`` without two ratings or recorded ties.

    ``audit.ties`` must already be valid (see ``validation.ties_problems``).
    """
    if not has_network(audit):
        return None
    n = len(audit.ratings)
    ties = normalise_ties(audit.ties)
    t = len(ties)
    possible = n * (n - 1) // 2
    density = Fraction(t, possible)
    effective = Fraction(n) - Fraction(2 * t, n)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for a, b in ties:
        neighbours[a].add(b)
        neighbours[b].add(a)
    return NetworkFigures(
        n=n,
        ties=t,
        possible_ties=possible,
        density=float(density),
        effective_size=float(effective),
        efficiency=float(effective / n),
        constraint=float(_constraint(n, neighbours)),
        structural_holes=possible - t,
        clusters=clusters_of(audit.ratings, ties),
        exact_density=density,
    )


def cluster_names(audit: Audit, figures: NetworkFigures) -> list[list[str]]:
    """The clusters as lists of names (the JSON form)."""
    return [[audit.ratings[i].person.name for i in group] for group in figures.clusters]


def _strongest(ratings: Sequence[Rating], group: Sequence[int]) -> int:
    """The member with the highest dependence_on_them; then higher value, then name."""

    def rank(i: int) -> tuple[int, int, tuple[str, str], int]:
        r = ratings[i]
        return (-(r.value * r.irreplaceability), -r.value, name_order(r.person), i)

    return min(group, key=rank)


def introductions(audit: Audit, figures: NetworkFigures) -> tuple[Introduction, ...]:
    """For each pair of clusters, the two people (one from each) you depend on most.

    In cluster order: (0, 1), (0, 2), ..., (1, 2), ...
    """
    ratings = audit.ratings
    leads = [_strongest(ratings, group) for group in figures.clusters]
    found: list[Introduction] = []
    for i in range(len(leads)):
        for j in range(i + 1, len(leads)):
            found.append(Introduction(ratings[leads[i]].person, ratings[leads[j]].person, (i, j)))
    return tuple(found)


def pairs_sentence(figures: NetworkFigures) -> str:
    """The figures in plain words, e.g. "You are the only link between 33 of 45 pairs"."""
    holes, possible = figures.structural_holes, figures.possible_ties
    if possible == 1:
        if holes:
            return "You are the only link between your two people: they do not know each other."
        return "Your two people already know each other."
    if holes == 0:
        return f"All {possible} pairs of the people you rely on already know each other."
    if holes == possible:
        return (
            f"You are the only link between all {possible} pairs: none of the people you "
            "rely on know each other."
        )
    return f"You are the only link between {holes} of {possible} pairs."


# --- the alarm and the JSON ----------------------------------------------------------------


def closed_network_alarm(figures: NetworkFigures | None, thresholds: Thresholds) -> Alarm | None:
    """``closed_network`` when enough people are rated and most pairs already know each other."""
    if figures is None or figures.n < thresholds.closed_min_count:
        return None
    if figures.exact_density < Fraction(repr(thresholds.closed_density)):
        return None
    count = len(figures.clusters)
    return Alarm(
        AlarmCode.CLOSED_NETWORK,
        closed_network_message(figures.density, count),
        {"density": figures.density, "clusters": count},
    )


def network_json(audit: Audit, figures: NetworkFigures | None) -> dict[str, Any] | None:
    """The spec's ``network`` object, figures rounded to three decimals; ``None`` without one."""
    if figures is None:
        return None
    return {
        "n": figures.n,
        "ties": figures.ties,
        "possible_ties": figures.possible_ties,
        "density": round_half_up(figures.density, 3),
        "effective_size": round_half_up(figures.effective_size, 3),
        "efficiency": round_half_up(figures.efficiency, 3),
        "constraint": round_half_up(figures.constraint, 3),
        "structural_holes": figures.structural_holes,
        "clusters": cluster_names(audit, figures),
    }


def figures_sentences(figures: NetworkFigures) -> list[str]:
    """The figures in plain words, one sentence each, for the network view and reports."""
    knows = figures.ties
    pairs = "pair" if figures.possible_ties == 1 else "pairs"
    groups = len(figures.clusters)
    return [
        pairs_sentence(figures),
        f"{knows} of {figures.possible_ties} {pairs} already know each other "
        f"(density {round_half_up(figures.density, 2):.2f}).",
        f"Your effective network is {round_half_up(figures.effective_size, 1):g} of "
        f"{figures.n} people (efficiency {round_half_up(figures.efficiency, 2):.2f}, "
        f"constraint {round_half_up(figures.constraint, 2):.2f}).",
        "They form one group." if groups == 1 else f"They form {groups} separate groups.",
    ]
