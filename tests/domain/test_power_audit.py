"""Power-audit scores, totals, reach and alarms, checked edge by edge with hand-worked values.

Dependence is value * irreplaceability / 10, so a test picks the two factors whose
product gives the score it needs (6.0 = 6 * 10, 5.6 = 8 * 7, 2.9 = no product, ...).
"""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxjournal.domain.analysis_json import analysis_to_json
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.power_audit import (
    FIELD_GUIDANCE,
    METHOD_NOTE,
    AlarmCode,
    ContactKind,
    analyse,
    compute_reach,
    compute_totals,
    kind_label,
    score_rating,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import join_names, percent, round_half_up

DAY = dt.date(2026, 1, 15)


def rate(
    name: str,
    value: int,
    irreplaceability: int,
    my_value: int,
    my_irreplaceability: int,
    pid: int | None = None,
    **grouping: str,
) -> Rating:
    return Rating(
        person=Person(name=name, id=pid, **grouping),  # type: ignore[arg-type]
        value=value,
        irreplaceability=irreplaceability,
        my_value=my_value,
        my_irreplaceability=my_irreplaceability,
    )


def audit_of(*ratings: Rating, **kwargs: Any) -> Audit:
    return Audit(taken_on=DAY, ratings=tuple(ratings), **kwargs)


def codes(audit: Audit, thresholds: Thresholds | None = None) -> list[str]:
    analysis = analyse(audit, thresholds or Thresholds())
    return [a.code.value for a in analysis.alarms]


def alarm(audit: Audit, code: AlarmCode, thresholds: Thresholds | None = None) -> Any:
    found = [a for a in analyse(audit, thresholds or Thresholds()).alarms if a.code is code]
    assert len(found) == 1, found
    return found[0]


# --- scores per rating --------------------------------------------------------------


def test_scores_follow_the_formulas() -> None:
    score = score_rating(rate("Ana", 8, 7, 5, 4))
    assert score.dependence_on_them == 5.6
    assert score.their_dependence_on_me == 2.0
    assert score.balance == -3.6
    assert score.kind is ContactKind.YOU_LEAN_ON_THEM


def test_scores_at_the_extremes_of_the_scale() -> None:
    low = score_rating(rate("Low", 1, 1, 10, 10))
    assert (low.dependence_on_them, low.their_dependence_on_me, low.balance) == (0.1, 10.0, 9.9)
    high = score_rating(rate("High", 10, 10, 1, 1))
    assert (high.dependence_on_them, high.their_dependence_on_me, high.balance) == (
        10.0,
        0.1,
        -9.9,
    )


@pytest.mark.parametrize(
    ("factors", "kind"),
    [
        # deep: both >= 6 (equal, just over, just under on either side)
        ((6, 10, 10, 6), ContactKind.DEEP),  # d 6.0, t 6.0
        ((7, 9, 10, 6), ContactKind.DEEP),  # d 6.3, t 6.0
        ((6, 10, 8, 7), ContactKind.BALANCED),  # d 6.0, t 5.6
        ((8, 7, 6, 10), ContactKind.BALANCED),  # d 5.6, t 6.0
        ((6, 10, 10, 10), ContactKind.DEEP),  # d 6.0, t 10.0: deep wins over they-lean
        # transactional: both <= 3
        ((5, 6, 3, 10), ContactKind.TRANSACTIONAL),  # d 3.0, t 3.0
        ((4, 7, 3, 10), ContactKind.TRANSACTIONAL),  # d 2.8, t 3.0
        ((4, 8, 3, 10), ContactKind.BALANCED),  # d 3.2, t 3.0
        ((5, 6, 4, 8), ContactKind.BALANCED),  # d 3.0, t 3.2
        ((1, 1, 3, 10), ContactKind.TRANSACTIONAL),  # d 0.1, t 3.0: balance 2.9
        # you lean on them: balance <= -3
        ((5, 10, 4, 5), ContactKind.YOU_LEAN_ON_THEM),  # 2.0 - 5.0 = -3.0
        ((6, 9, 4, 5), ContactKind.YOU_LEAN_ON_THEM),  # 2.0 - 5.4 = -3.4
        ((7, 7, 4, 5), ContactKind.BALANCED),  # 2.0 - 4.9 = -2.9
        ((6, 7, 3, 4), ContactKind.YOU_LEAN_ON_THEM),  # 1.2 - 4.2 = -3.0 exactly
        # they lean on you: balance >= 3
        ((4, 5, 5, 10), ContactKind.THEY_LEAN_ON_YOU),  # 5.0 - 2.0 = 3.0
        ((4, 5, 6, 9), ContactKind.THEY_LEAN_ON_YOU),  # 5.4 - 2.0 = 3.4
        ((4, 5, 7, 7), ContactKind.BALANCED),  # 4.9 - 2.0 = 2.9
        ((3, 4, 6, 7), ContactKind.THEY_LEAN_ON_YOU),  # 4.2 - 1.2 = 3.0 exactly
        # balanced: the rest
        ((6, 6, 6, 6), ContactKind.BALANCED),  # d 3.6, t 3.6
    ],
)
def test_kind_edges(factors: tuple[int, int, int, int], kind: ContactKind) -> None:
    assert score_rating(rate("X", *factors)).kind is kind


def test_transactional_is_tried_before_leaning() -> None:
    thresholds = Thresholds(lean_gap=1)
    # d 3.0, t 1.0: balance -2 <= -1, yet both are <= 3
    assert score_rating(rate("X", 5, 6, 2, 5), thresholds).kind is ContactKind.TRANSACTIONAL


def test_kind_uses_custom_thresholds() -> None:
    thresholds = Thresholds(deep_min=5, transactional_max=1, lean_gap=2.5)
    assert score_rating(rate("X", 5, 10, 5, 10), thresholds).kind is ContactKind.DEEP
    assert score_rating(rate("X", 1, 10, 2, 5), thresholds).kind is ContactKind.TRANSACTIONAL
    assert score_rating(rate("X", 2, 10, 3, 5), thresholds).kind is ContactKind.BALANCED
    assert score_rating(rate("X", 4, 10, 3, 5), thresholds).kind is ContactKind.YOU_LEAN_ON_THEM


def test_kind_labels() -> None:
    assert [kind_label(k) for k in ContactKind] == [
        "Deep",
        "Transactional",
        "You lean on them",
        "They lean on you",
        "Balanced",
    ]
    assert kind_label("they_lean_on_you") == "They lean on you"


@pytest.mark.parametrize("bad", [0, 11, -1])
def test_out_of_range_scores_are_refused(bad: int) -> None:
    with pytest.raises(ValidationError) as caught:
        analyse(audit_of(rate("Ana", 5, 5, 5, 5), rate("Ben", 5, bad, 5, 5)))
    assert caught.value.problems == [f"ratings[1].irreplaceability: {bad} is not between 1 and 10"]


# --- totals ------------------------------------------------------------------------


def test_empty_audit_has_no_totals_and_no_alarms() -> None:
    analysis = analyse(audit_of())
    assert analysis.totals is None
    assert analysis.contacts == ()
    assert analysis.alarms == ()
    assert all(f.filled == 0 and f.dominant is None for f in analysis.reach.values())
    assert compute_totals([]) is None


def test_empty_flagged_audit_has_only_the_blocking_alarm() -> None:
    assert codes(audit_of(blocking_superior=True)) == ["blocking_superior"]


def test_totals_of_one_rating() -> None:
    totals = compute_totals([rate("Ana", 8, 7, 5, 4)])
    assert totals is not None
    assert totals.count == 1
    assert totals.reliance == 5.6
    assert totals.influence == 2.0
    assert totals.net_balance == -3.6
    assert totals.influence_ratio == pytest.approx(2.0 / 5.6)
    assert totals.top2_share == 1.0


def test_totals_of_two_ratings() -> None:
    totals = compute_totals([rate("Ana", 8, 7, 5, 4), rate("Ben", 3, 4, 6, 5)])
    # d 5.6 + 1.2 = 6.8; t 2.0 + 3.0 = 5.0
    assert totals is not None
    assert (totals.count, totals.reliance, totals.influence) == (2, 6.8, 5.0)
    assert totals.net_balance == pytest.approx(-1.8)
    assert totals.influence_ratio == pytest.approx(5.0 / 6.8)
    assert totals.top2_share == 1.0


def test_totals_of_three_ratings() -> None:
    totals = compute_totals(
        [rate("Ana", 8, 7, 5, 4), rate("Ben", 3, 4, 6, 5), rate("Cy", 5, 2, 2, 2)]
    )
    # d 5.6, 1.2, 1.0 = 7.8; t 2.0, 3.0, 0.4 = 5.4; top two (5.6 + 1.2) / 7.8
    assert totals is not None
    assert totals.reliance == pytest.approx(7.8)
    assert totals.influence == pytest.approx(5.4)
    assert totals.net_balance == pytest.approx(-2.4)
    assert totals.influence_ratio == pytest.approx(5.4 / 7.8)
    assert totals.top2_share == pytest.approx(6.8 / 7.8)


# --- reach -------------------------------------------------------------------------


def test_reach_trims_and_ignores_case() -> None:
    ratings = [
        rate("A", 5, 5, 5, 5, team="Ops"),
        rate("B", 5, 5, 5, 5, team="  ops "),
        rate("C", 5, 5, 5, 5, team="OPS"),
        rate("D", 5, 5, 5, 5, team="Sales"),
        rate("E", 5, 5, 5, 5, team="   "),
        rate("F", 5, 5, 5, 5),
    ]
    team = compute_reach(ratings)["team"]
    assert (team.filled, team.distinct, team.dominant, team.dominant_share) == (4, 2, "Ops", 0.75)


def test_reach_keeps_the_value_as_first_written_trimmed() -> None:
    ratings = [rate("A", 5, 5, 5, 5, location=" berlin "), rate("B", 5, 5, 5, 5, location="Berlin")]
    assert compute_reach(ratings)["location"].dominant == "berlin"


def test_reach_tie_goes_to_the_value_sorting_first_case_insensitively() -> None:
    ratings = [
        rate("A", 5, 5, 5, 5, function="sales"),
        rate("B", 5, 5, 5, 5, function="beta"),
        rate("C", 5, 5, 5, 5, function="Alpha"),
        rate("D", 5, 5, 5, 5, function="SALES"),
        rate("E", 5, 5, 5, 5, function="alpha"),
    ]
    # sales 2, alpha 2, beta 1: "Alpha" sorts before "sales" ignoring case
    figure = compute_reach(ratings)["function"]
    assert (figure.dominant, figure.dominant_share, figure.distinct) == ("Alpha", 0.4, 3)


def test_reach_tie_is_case_insensitive_not_codepoint_order() -> None:
    ratings = [rate("A", 5, 5, 5, 5, team="Zeta"), rate("B", 5, 5, 5, 5, team="alpha")]
    assert compute_reach(ratings)["team"].dominant == "alpha"


def test_reach_has_every_dimension_in_order() -> None:
    assert list(compute_reach([])) == ["team", "function", "product_unit", "location"]


# --- limited_reach -------------------------------------------------------------------


def _teams(*teams: str) -> Audit:
    # balanced contacts (d 3.6, t 3.6): only reach and vulnerability alarms can fire
    return audit_of(*(rate(f"P{i}", 6, 6, 6, 6, team=t) for i, t in enumerate(teams)))


def test_limited_reach_fires_at_exactly_the_share() -> None:
    found = alarm(_teams("Ops", "Ops", "ops", "OPS", "Sales"), AlarmCode.LIMITED_REACH)
    assert found.facts == {"dimension": "team", "value": "Ops", "share": 0.8}
    assert "Ops" in found.message
    assert "80%" in found.message
    assert "other teams" in found.message


def test_limited_reach_fires_just_over_the_share() -> None:
    audit = _teams("Ops", "Ops", "Ops", "Ops", "Ops", "Sales")  # 5/6
    assert alarm(audit, AlarmCode.LIMITED_REACH).facts["share"] == pytest.approx(5 / 6)


def test_limited_reach_is_quiet_just_under_the_share() -> None:
    assert "limited_reach" not in codes(_teams("Ops", "Ops", "Ops", "Sales"))  # 0.75


def test_limited_reach_needs_enough_filled_values() -> None:
    assert "limited_reach" in codes(_teams("Ops", "Ops", "Ops"))  # filled 3 == min
    assert "limited_reach" not in codes(_teams("Ops", "Ops", "", ""))  # filled 2 < min
    lower = Thresholds(reach_min_filled=2)
    assert "limited_reach" in codes(_teams("Ops", "Ops", "", ""), lower)


def test_limited_reach_fires_once_per_dimension_in_order() -> None:
    audit = audit_of(
        *(
            rate(f"P{i}", 5, 5, 5, 5, team="Ops", location="Lisbon", product_unit=f"U{i}")
            for i in range(3)
        )
    )
    analysis = analyse(audit)
    found = [a.facts["dimension"] for a in analysis.alarms if a.code is AlarmCode.LIMITED_REACH]
    assert found == ["team", "location"]
    location = next(a for a in analysis.alarms if a.facts.get("dimension") == "location")
    assert "other locations" in location.message and "Lisbon" in location.message


# --- power_imbalance ---------------------------------------------------------------


def _ratio_audit(my_value: int, my_irreplaceability: int) -> Audit:
    # d 5.0 + 5.0 = 10; t 4.2 + my_value * my_irreplaceability / 10
    return audit_of(rate("A", 5, 10, 6, 7), rate("B", 5, 10, my_value, my_irreplaceability))


def test_power_imbalance_is_quiet_at_exactly_the_ratio() -> None:
    assert "power_imbalance" not in codes(_ratio_audit(5, 5))  # 6.7 / 10 = 0.67


def test_power_imbalance_fires_just_under_the_ratio() -> None:
    found = alarm(_ratio_audit(6, 4), AlarmCode.POWER_IMBALANCE)  # 6.6 / 10
    assert found.facts == {"ratio": 0.66, "people": ()}
    assert "66%" in found.message
    assert "beyond your role" in found.message


def test_power_imbalance_is_quiet_just_over_the_ratio() -> None:
    assert "power_imbalance" not in codes(_ratio_audit(4, 7))  # 7.0 / 10


def test_power_imbalance_compares_exact_values_not_floats() -> None:
    # t (0.1 + 0.2 + 6.4) / d (1.8 + 6.4 + 1.8) is exactly 0.67, but 0.6699999... in floats
    audit = audit_of(rate("A", 2, 9, 1, 1), rate("B", 8, 8, 1, 2), rate("C", 3, 6, 8, 8))
    assert (0.1 + 0.2 + 6.4) / (1.8 + 6.4 + 1.8) < 0.67  # the trap this guards against
    assert "power_imbalance" not in codes(audit)


def test_power_imbalance_names_the_people_you_lean_on_most_lopsided_first() -> None:
    audit = audit_of(
        rate("Ana", 8, 7, 5, 4, pid=1),  # balance -3.6
        rate("Ben", 10, 10, 7, 1, pid=2),  # balance -9.3
        rate("Cy", 5, 10, 4, 5, pid=3),  # balance -3.0: on the edge, included
        rate("Dee", 7, 7, 4, 5, pid=4),  # balance -2.9: left out
    )
    found = alarm(audit, AlarmCode.POWER_IMBALANCE)
    assert [p.name for p in found.facts["people"]] == ["Ben", "Ana", "Cy"]
    # influence 2.0 + 0.7 + 2.0 + 2.0 = 6.7 over reliance 5.6 + 10 + 5 + 4.9 = 25.5
    assert found.facts["ratio"] == pytest.approx(6.7 / 25.5)
    assert "Ben, Ana and Cy" in found.message


def test_power_imbalance_uses_the_threshold_setting() -> None:
    assert "power_imbalance" in codes(_ratio_audit(5, 5), Thresholds(imbalance_ratio=0.68))


# --- high_vulnerability ------------------------------------------------------------


def test_high_vulnerability_is_quiet_at_exactly_the_share() -> None:
    audit = audit_of(*(rate(f"P{i}", 4, 5, 4, 5) for i in range(4)))  # 4.0 / 8.0
    assert analyse(audit).totals.top2_share == 0.5  # type: ignore[union-attr]
    assert "high_vulnerability" not in codes(audit)


def test_high_vulnerability_fires_just_over_the_share() -> None:
    audit = audit_of(rate("Top", 3, 7, 4, 5), *(rate(f"P{i}", 4, 5, 4, 5) for i in range(3)))
    found = alarm(audit, AlarmCode.HIGH_VULNERABILITY)  # (2.1 + 2.0) / 8.1
    assert found.facts["share"] == pytest.approx(4.1 / 8.1)
    assert [p.name for p in found.facts["people"]] == ["Top", "P0"]


def test_high_vulnerability_is_quiet_under_the_share() -> None:
    audit = audit_of(*(rate(f"P{i}", 4, 5, 4, 5) for i in range(5)))  # 4.0 / 10.0
    assert "high_vulnerability" not in codes(audit)


def test_high_vulnerability_ties_go_to_higher_value_then_name() -> None:
    audit = audit_of(
        rate("Zoe", 4, 5, 4, 5),  # d 2.0, value 4
        rate("Maria", 5, 4, 4, 5),  # d 2.0, value 5
        rate("lee", 5, 4, 4, 5),  # d 2.0, value 5; "lee" < "maria" ignoring case
        rate("Kim", 1, 1, 1, 1),  # d 0.1
    )
    found = alarm(audit, AlarmCode.HIGH_VULNERABILITY)  # 4.0 / 6.1
    assert [p.name for p in found.facts["people"]] == ["lee", "Maria"]
    assert "lee and Maria hold 66%" in found.message
    assert "second relationship" in found.message


def test_high_vulnerability_with_one_rating_names_one_person() -> None:
    found = alarm(audit_of(rate("Solo", 5, 5, 5, 5)), AlarmCode.HIGH_VULNERABILITY)
    assert found.facts["share"] == 1.0
    assert [p.name for p in found.facts["people"]] == ["Solo"]
    assert found.message.startswith("Solo alone holds 100%")


def test_high_vulnerability_with_two_ratings_names_both() -> None:
    audit = audit_of(rate("Ana", 2, 2, 5, 5), rate("Ben", 9, 9, 5, 5))
    found = alarm(audit, AlarmCode.HIGH_VULNERABILITY)
    assert [p.name for p in found.facts["people"]] == ["Ben", "Ana"]
    assert found.facts["share"] == 1.0


# --- transactional_network ---------------------------------------------------------


def test_transactional_network_fires_with_enough_transactional_ratings() -> None:
    audit = audit_of(*(rate(f"P{i}", 5, 6, 3, 10) for i in range(3)))  # d 3.0, t 3.0
    found = alarm(audit, AlarmCode.TRANSACTIONAL_NETWORK)
    assert found.facts == {"count": 3}
    assert "All 3 relationships" in found.message


def test_transactional_network_needs_the_minimum_count() -> None:
    two = audit_of(*(rate(f"P{i}", 5, 6, 3, 10) for i in range(2)))
    assert "transactional_network" not in codes(two)
    assert "transactional_network" in codes(two, Thresholds(transactional_min_count=2))
    four = audit_of(*(rate(f"P{i}", 5, 6, 3, 10) for i in range(4)))
    assert "transactional_network" not in codes(four, Thresholds(transactional_min_count=5))


def test_transactional_network_needs_every_rating_transactional() -> None:
    audit = audit_of(*(rate(f"P{i}", 5, 6, 3, 10) for i in range(3)), rate("D", 4, 8, 3, 10))
    assert "transactional_network" not in codes(audit)


# --- blocking_superior and order -------------------------------------------------------


def test_blocking_superior_names_the_person() -> None:
    boss = Person(name="Dana Roy", id=9)
    audit = audit_of(rate("A", 5, 5, 5, 5), blocking_superior=True, blocking_superior_person=boss)
    found = alarm(audit, AlarmCode.BLOCKING_SUPERIOR)
    assert found.facts == {"person": boss}
    assert "Dana Roy" in found.message and "exit plan" in found.message


def test_blocking_superior_without_a_person() -> None:
    found = alarm(audit_of(blocking_superior=True), AlarmCode.BLOCKING_SUPERIOR)
    assert found.facts == {"person": None}
    assert "a superior" in found.message and "exit plan" in found.message


def test_no_blocking_alarm_without_the_flag() -> None:
    boss = Person(name="Dana Roy")
    assert codes(audit_of(blocking_superior_person=boss)) == []


def test_alarms_come_in_code_order() -> None:
    audit = audit_of(
        *(rate(f"P{i}", 1, 1, 1, 2, team="Ops") for i in range(2)),
        rate("Big", 10, 10, 1, 1, team="Ops"),
        blocking_superior=True,
    )
    assert codes(audit) == [
        "limited_reach",
        "power_imbalance",
        "high_vulnerability",
        "blocking_superior",
    ]


# --- JSON ---------------------------------------------------------------------------


def test_analysis_json_shape_and_rounding() -> None:
    boss = Person(name="Dana Roy", id=9)
    audit = Audit(
        taken_on=DAY,
        ratings=(rate("Ana Silva", 8, 7, 5, 4, pid=1, team="Ops"), rate("Ben", 3, 4, 6, 5)),
        blocking_superior=True,
        blocking_superior_person=boss,
        id=42,
    )
    data = analysis_to_json(analyse(audit))
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"audit", "thresholds", "contacts", "totals", "reach", "alarms", "network"}
    assert data["network"] is None  # no ties recorded
    assert data["audit"] == {
        "id": "42",
        "taken_on": "2026-01-15",
        "blocking_superior": True,
        "blocking_superior_person": {"id": "9", "name": "Dana Roy"},
    }
    assert data["thresholds"] == Thresholds().as_dict()
    ana, ben = data["contacts"]
    assert ana["person"] == {"id": "1", "name": "Ana Silva"}
    assert ben["person"] == {"id": None, "name": "Ben"}
    assert {k: ana[k] for k in ana if k not in ("person", "aspects")} == {
        "value": 8,
        "irreplaceability": 7,
        "my_value": 5,
        "my_irreplaceability": 4,
        "dependence_on_them": 5.6,
        "their_dependence_on_me": 2.0,
        "balance": -3.6,
        "kind": "you_lean_on_them",
    }
    assert ben["kind"] == "transactional"  # d 1.2, t 3.0
    assert data["totals"] == {
        "count": 2,
        "reliance": 6.8,
        "influence": 5.0,
        "net_balance": -1.8,
        "influence_ratio": 0.74,  # 0.7352...
        "top2_share": 1.0,
    }
    assert data["reach"]["team"] == {
        "filled": 1,
        "distinct": 1,
        "dominant": "Ops",
        "dominant_share": 1.0,
    }
    assert data["reach"]["location"] == {
        "filled": 0,
        "distinct": 0,
        "dominant": None,
        "dominant_share": None,
    }
    vulnerability, blocking = data["alarms"]
    assert list(vulnerability) == ["code", "share", "people", "message"]
    assert vulnerability["code"] == "high_vulnerability"
    assert vulnerability["people"] == [
        {"id": "1", "name": "Ana Silva"},
        {"id": None, "name": "Ben"},
    ]
    assert blocking == {
        "code": "blocking_superior",
        "person": {"id": "9", "name": "Dana Roy"},
        "message": blocking["message"],
    }


def test_analysis_json_of_an_empty_unsaved_audit() -> None:
    data = analysis_to_json(analyse(audit_of(blocking_superior=True)))
    json.dumps(data)
    assert data["audit"]["id"] is None
    assert data["totals"] is None
    assert data["contacts"] == []
    assert data["alarms"][0]["person"] is None


def test_analysis_json_rounds_alarm_facts() -> None:
    audit = audit_of(
        rate("Ana", 8, 7, 5, 4, team="Ops"),
        rate("Ben", 10, 10, 7, 1, team="Ops"),
        rate("Cy", 5, 10, 4, 5, team="Sales"),
    )
    data = analysis_to_json(analyse(audit, Thresholds(reach_share=0.6)))
    by_code = {a["code"]: a for a in data["alarms"]}
    assert by_code["limited_reach"]["share"] == 0.67  # 2/3
    assert by_code["limited_reach"]["dimension"] == "team"
    assert by_code["limited_reach"]["value"] == "Ops"
    # influence 2.0 + 0.7 + 2.0 over reliance 5.6 + 10 + 5.0 = 0.2281...
    assert by_code["power_imbalance"]["ratio"] == 0.23
    assert data["thresholds"]["reach_share"] == 0.6


@pytest.mark.parametrize(
    ("number", "rounded"),
    [(2.675, 2.68), (-3.5999999999999996, -3.6), (0.125, 0.13), (-0.125, -0.13), (1.0, 1.0)],
)
def test_round_half_up(number: float, rounded: float) -> None:
    assert round_half_up(number) == rounded


def test_wording_helpers() -> None:
    assert percent(0.835) == "84%"
    assert percent(1.0) == "100%"
    people = [Person("Ana"), Person("Ben"), Person("Cy")]
    assert join_names(people[:1]) == "Ana"
    assert join_names(people[:2]) == "Ana and Ben"
    assert join_names(people) == "Ana, Ben and Cy"


def test_method_note_says_inspired_by_and_own_design() -> None:
    assert "inspired by" in METHOD_NOTE
    assert "Sytch" in METHOD_NOTE and "2019" in METHOD_NOTE
    assert "own design" in METHOD_NOTE


def test_field_guidance_covers_every_input() -> None:
    expected = {
        "top_ten",
        "value",
        "irreplaceability",
        "my_value",
        "my_irreplaceability",
        "career_guidance",
        "emotional_support",
        "daily_assistance",
        "information_sharing",
        "resource_access",
        "blocking_superior",
    }
    assert expected <= set(FIELD_GUIDANCE)
    assert all(text.strip() for text in FIELD_GUIDANCE.values())


def _kind_by_the_spec(rating: Rating, thresholds: Thresholds) -> ContactKind:
    """The kind as power-audit.md words it, in exact fractions of the decimals written."""
    d = Fraction(rating.value * rating.irreplaceability, 10)
    t = Fraction(rating.my_value * rating.my_irreplaceability, 10)
    deep, transactional, gap = (
        Fraction(repr(thresholds.deep_min)),
        Fraction(repr(thresholds.transactional_max)),
        Fraction(repr(thresholds.lean_gap)),
    )
    if d >= deep and t >= deep:
        return ContactKind.DEEP
    if d <= transactional and t <= transactional:
        return ContactKind.TRANSACTIONAL
    if t - d <= -gap:
        return ContactKind.YOU_LEAN_ON_THEM
    if t - d >= gap:
        return ContactKind.THEY_LEAN_ON_YOU
    return ContactKind.BALANCED


_SCORE = st.integers(min_value=1, max_value=10)
_TENTHS = st.integers(min_value=1, max_value=1000).map(lambda n: n / 100)


@settings(max_examples=400)
@given(_SCORE, _SCORE, _SCORE, _SCORE, _TENTHS, _TENTHS, _TENTHS)
def test_a_contacts_kind_is_the_specs_for_any_decimal_thresholds(
    value: int,
    irreplaceable: int,
    mine: int,
    my_irreplaceable: int,
    deep: float,
    transactional: float,
    gap: float,
) -> None:
    # thresholds on a hundredth, and so between the tenths a dependence can take
    rating = Rating(Person("Ana"), value, irreplaceable, mine, my_irreplaceable)
    thresholds = Thresholds(deep_min=deep, transactional_max=transactional, lean_gap=gap)
    score = score_rating(rating, thresholds)
    assert score.kind is _kind_by_the_spec(rating, thresholds)
    assert score.dependence_on_them == float(Fraction(value * irreplaceable, 10))
    assert score.balance == float(Fraction(mine * my_irreplaceable - value * irreplaceable, 10))
