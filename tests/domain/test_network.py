"""The network figures of an audit: hand-worked examples, edges of the alarm, and
agreement with networkx on random graphs."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxjournal.domain.analysis_json import analysis_to_json
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.network import (
    cluster_names,
    clusters_of,
    introductions,
    network_figures,
    normalise_ties,
    pairs_sentence,
    ties_remapped,
)
from cxjournal.domain.power_audit import AlarmCode, analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.validation import audit_problems, ties_problems

DAY = dt.date(2026, 1, 15)
ME = "me"


def rating(name: str, value: int = 5, irreplaceability: int = 5) -> Rating:
    return Rating(Person(name=name), value, irreplaceability, 5, 5)


def audit_of(names: list[str], ties: list[tuple[int, int]], **kwargs: Any) -> Audit:
    return Audit(
        taken_on=DAY,
        ratings=tuple(rating(n) for n in names),
        ties=tuple(ties),
        ties_recorded=kwargs.pop("ties_recorded", True),
        **kwargs,
    )


def ego_graph(n: int, ties: list[tuple[int, int]]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_node(ME)
    for i in range(n):
        graph.add_edge(ME, i)
    graph.add_edges_from(ties)
    return graph


# --- hand-worked ---------------------------------------------------------------------


def test_a_chain_of_three_and_one_alone() -> None:
    """Ana-Ben-Chen linked in a chain, Dee alone: every figure worked by hand."""
    audit = audit_of(["Ana", "Ben", "Chen", "Dee"], [(0, 1), (1, 2)])
    figures = network_figures(audit)
    assert figures is not None
    assert (figures.n, figures.ties, figures.possible_ties) == (4, 2, 6)
    assert figures.exact_density == Fraction(1, 3)
    assert figures.effective_size == 3.0  # 4 - 2 * 2 / 4
    assert figures.efficiency == 0.75
    # (1/4 + 1/12)^2 + (1/4 + 1/8 + 1/8)^2 + (1/4 + 1/12)^2 + (1/4)^2 = 77/144
    assert figures.constraint == pytest.approx(77 / 144, abs=1e-12)
    assert figures.structural_holes == 4
    assert cluster_names(audit, figures) == [["Ana", "Ben", "Chen"], ["Dee"]]
    assert pairs_sentence(figures) == "You are the only link between 4 of 6 pairs."


def test_none_of_them_know_each_other_counts_only_when_confirmed() -> None:
    unrecorded = audit_of(["Ana", "Ben", "Chen"], [], ties_recorded=False)
    assert network_figures(unrecorded) is None
    assert analysis_to_json(analyse(unrecorded))["network"] is None
    confirmed = audit_of(["Ana", "Ben", "Chen"], [])
    figures = network_figures(confirmed)
    assert figures is not None
    assert (figures.density, figures.effective_size, figures.efficiency) == (0.0, 3.0, 1.0)
    assert figures.constraint == pytest.approx(3 * (1 / 3) ** 2)
    assert figures.structural_holes == 3
    assert len(figures.clusters) == 3
    assert "all 3 pairs" in pairs_sentence(figures)


def test_one_rating_has_no_network_even_when_recorded() -> None:
    assert network_figures(audit_of(["Ana"], [])) is None
    two = network_figures(audit_of(["Ana", "Ben"], [(0, 1)]))
    assert two is not None and two.density == 1.0 and two.structural_holes == 0
    assert pairs_sentence(two) == "Your two people already know each other."


def test_clusters_largest_first_then_first_name_case_insensitively() -> None:
    names = ["dee", "Ben", "ana", "Chen", "Eve"]
    audit = audit_of(names, [(0, 3), (1, 4)])  # dee-Chen, Ben-Eve, ana alone
    figures = network_figures(audit)
    assert figures is not None
    assert cluster_names(audit, figures) == [["Ben", "Eve"], ["Chen", "dee"], ["ana"]]
    assert clusters_of(audit.ratings, []) == ((2,), (1,), (3,), (0,), (4,))


def test_json_has_the_spec_shape_rounded_to_three_decimals() -> None:
    audit = audit_of(["Ana", "Ben", "Chen"], [(0, 1)])
    out = analysis_to_json(analyse(audit))
    assert out["network"] == {
        "n": 3,
        "ties": 1,
        "possible_ties": 3,
        "density": 0.333,
        "effective_size": 2.333,
        "efficiency": 0.778,
        "constraint": round(  # ego constraint worked by hand, see the first test
            (1 / 3 + 1 / 6) ** 2 * 2 + (1 / 3) ** 2, 3
        ),
        "structural_holes": 2,
        "clusters": [["Ana", "Ben"], ["Chen"]],
    }
    assert out["thresholds"]["closed_min_count"] == 4
    assert out["thresholds"]["closed_density"] == 0.6


# --- the alarm --------------------------------------------------------------------------


def codes(audit: Audit, thresholds: Thresholds | None = None) -> list[str]:
    return [a.code.value for a in analyse(audit, thresholds or Thresholds()).alarms]


FIVE = ["Ana", "Ben", "Chen", "Dee", "Eve"]
PAIRS_OF_FIVE = list(itertools.combinations(range(5), 2))


def test_closed_network_fires_at_exactly_the_density() -> None:
    six = audit_of(FIVE, PAIRS_OF_FIVE[:6])  # 6 of 10 = 0.6
    five = audit_of(FIVE, PAIRS_OF_FIVE[:5])  # 0.5
    assert "closed_network" in codes(six)
    assert "closed_network" not in codes(five)
    alarm = next(a for a in analyse(six).alarms if a.code is AlarmCode.CLOSED_NETWORK)
    assert alarm.facts == {"density": 0.6, "clusters": 1}
    assert "60% of the pairs" in alarm.message
    assert "outside this circle" in alarm.message


def test_closed_network_needs_the_minimum_count() -> None:
    three = audit_of(FIVE[:3], [(0, 1), (0, 2), (1, 2)])  # density 1 but only 3 people
    assert "closed_network" not in codes(three)
    assert "closed_network" in codes(three, Thresholds(closed_min_count=3))
    four = audit_of(FIVE[:4], list(itertools.combinations(range(4), 2)))
    assert "closed_network" in codes(four)
    assert "closed_network" not in codes(four, Thresholds(closed_min_count=5))


def test_closed_network_follows_its_density_threshold() -> None:
    seven = audit_of(FIVE, PAIRS_OF_FIVE[:7])  # 0.7
    assert "closed_network" in codes(seven, Thresholds(closed_density=0.7))
    assert "closed_network" not in codes(seven, Thresholds(closed_density=0.71))


def test_no_ties_recorded_never_rings_closed_network() -> None:
    audit = audit_of(FIVE, [], ties_recorded=False)
    assert "closed_network" not in codes(audit, Thresholds(closed_density=0))
    assert "closed_network" in codes(audit_of(FIVE, []), Thresholds(closed_density=0))


# --- introductions -----------------------------------------------------------------------


def test_introductions_join_each_pair_of_clusters_through_the_strongest_people() -> None:
    ratings = (
        Rating(Person(name="Ana"), 8, 8, 5, 5),  # 6.4
        Rating(Person(name="Ben"), 9, 9, 5, 5),  # 8.1, with Ana
        Rating(Person(name="Chen"), 4, 5, 5, 5),  # 2.0
        Rating(Person(name="Dee"), 5, 4, 5, 5),  # 2.0, with Chen: same d, higher value
        Rating(Person(name="Eve"), 2, 2, 5, 5),  # alone
    )
    audit = Audit(DAY, ratings=ratings, ties=((0, 1), (2, 3)), ties_recorded=True)
    figures = network_figures(audit)
    assert figures is not None
    found = [(i.first.name, i.second.name) for i in introductions(audit, figures)]
    assert found == [("Ben", "Dee"), ("Ben", "Eve"), ("Dee", "Eve")]


def test_one_cluster_needs_no_introduction() -> None:
    audit = audit_of(["Ana", "Ben"], [(0, 1)])
    figures = network_figures(audit)
    assert figures is not None and introductions(audit, figures) == ()


# --- ties kept consistent -----------------------------------------------------------------


def test_reordering_moves_the_ties_with_the_people() -> None:
    assert ties_remapped(((0, 1), (1, 2)), {0: 2, 1: 0, 2: 1}) == ((0, 1), (0, 2))
    assert ties_remapped(((0, 1), (1, 2)), {0: 0, 2: 1}) == ()
    assert normalise_ties([(2, 1), (1, 2), (3, 3)]) == ((1, 2),)


def test_bad_ties_are_refused_with_their_path() -> None:
    def problems(ties: list[tuple[int, int]]) -> list[str]:
        return ties_problems(audit_of(["Ana", "Ben", "Chen"], ties))

    assert problems([(0, 5)]) == ["ties[0]: names a rating this audit does not have"]
    assert problems([(1, 1)]) == ["ties[0]: a person cannot be tied to themselves"]
    assert problems([(0, 1), (0, 1)]) == ["ties[1]: this pair is recorded twice"]
    assert problems([(0, 1), (0, 2)]) == []
    audit = audit_of(["Ana", "Ben"], [(0, 2)])
    assert audit_problems(audit) == ["ties[0]: names a rating this audit does not have"]
    with pytest.raises(ValidationError):
        analyse(audit)


# --- against networkx ----------------------------------------------------------------------


@st.composite
def ego_networks(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    n = draw(st.integers(2, 10))
    pairs = list(itertools.combinations(range(n), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    return n, chosen


@settings(max_examples=150, deadline=None)
@given(ego_networks())
def test_figures_match_networkx(network: tuple[int, list[tuple[int, int]]]) -> None:
    n, ties = network
    audit = audit_of([f"P{i:02d}" for i in range(n)], ties)
    figures = network_figures(audit)
    assert figures is not None
    graph = ego_graph(n, ties)
    alters = graph.subgraph(range(n))
    assert figures.density == pytest.approx(nx.density(alters))
    assert figures.effective_size == pytest.approx(nx.effective_size(graph)[ME])
    assert figures.efficiency == pytest.approx(nx.effective_size(graph)[ME] / n)
    assert figures.constraint == pytest.approx(nx.constraint(graph)[ME])
    assert figures.structural_holes == len(list(nx.non_edges(alters)))
    expected = sorted(
        (sorted(c) for c in nx.connected_components(alters)), key=lambda c: (-len(c), c[0])
    )
    assert [list(c) for c in figures.clusters] == expected


# --- the picture's layout ----------------------------------------------------------------------


def test_layout_puts_clusters_together_with_gaps_between_them() -> None:
    import math

    from cxjournal.domain.network_layout import label_anchor, ring_positions

    clusters = ((0, 3, 4), (1, 2), (5,))
    positions = ring_positions(clusters, 6)
    assert all(math.isclose(math.hypot(x, y), 1.0) for x, y in positions)

    def angle(i: int, j: int) -> float:
        (ax, ay), (bx, by) = positions[i], positions[j]
        return math.acos(max(-1.0, min(1.0, ax * bx + ay * by)))

    inside = angle(0, 3)
    assert math.isclose(angle(3, 4), inside) and math.isclose(angle(1, 2), inside)
    assert angle(4, 1) > inside * 1.5  # a gap between two clusters
    assert angle(2, 5) > inside * 1.5
    assert positions[0] == pytest.approx((0.0, 1.0))  # the first at the top
    assert ring_positions((), 0) == []
    assert label_anchor(*positions[0]) == (0.5, 1.0)  # above a node at the top
    assert label_anchor(-1.0, 0.0) == (1.0, 0.5)  # left of a node on the left
