"""Comparing two audits: joined, left, changes per person and in the totals."""

from __future__ import annotations

import datetime as dt

import pytest

from cxjournal.domain.audit_compare import compare, match_people
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.power_audit import ContactKind
from cxjournal.domain.thresholds import Thresholds


def rate(person: Person, v: int, i: int, mv: int, mi: int) -> Rating:
    return Rating(person=person, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi)


def audit(day: int, *ratings: Rating) -> Audit:
    return Audit(taken_on=dt.date(2026, 1, day), ratings=ratings)


ANA = Person("Ana Silva", id=1)
BEN = Person("Ben Okafor", id=2)
CY = Person("Cy Park", id=3)
DEE = Person("Dee Moss", id=4)


def test_joined_left_and_stayed_by_id() -> None:
    before = audit(1, rate(ANA, 8, 7, 5, 4), rate(BEN, 5, 5, 5, 5), rate(CY, 2, 2, 2, 2))
    renamed_ben = Person("Benjamin Okafor", id=2)
    after = audit(2, rate(DEE, 3, 3, 3, 3), rate(renamed_ben, 6, 10, 6, 10), rate(ANA, 8, 7, 6, 7))
    result = compare(before, after)
    assert result.joined == (DEE,)
    assert result.left == (CY,)
    assert [c.person for c in result.stayed] == [renamed_ben, ANA]  # current's order


def test_changes_per_person() -> None:
    before = audit(1, rate(ANA, 8, 7, 5, 4))  # d 5.6, t 2.0, balance -3.6
    after = audit(2, rate(ANA, 6, 7, 6, 7))  # d 4.2, t 4.2, balance 0
    (change,) = compare(before, after).stayed
    assert (change.dependence_on_them_before, change.dependence_on_them_after) == (5.6, 4.2)
    assert change.dependence_on_them_delta == -1.4
    assert (change.their_dependence_on_me_before, change.their_dependence_on_me_after) == (
        2.0,
        4.2,
    )
    assert change.their_dependence_on_me_delta == 2.2
    assert (change.balance_before, change.balance_after, change.balance_delta) == (-3.6, 0.0, 3.6)
    assert change.kind_before is ContactKind.YOU_LEAN_ON_THEM
    assert change.kind_after is ContactKind.BALANCED


def test_kinds_follow_the_thresholds_given() -> None:
    before = audit(1, rate(ANA, 8, 7, 5, 4))
    (change,) = compare(before, before, Thresholds(lean_gap=4)).stayed
    assert change.kind_before is ContactKind.BALANCED
    assert change.dependence_on_them_delta == 0.0


def test_people_without_id_match_by_name_ignoring_case_and_spaces() -> None:
    before = audit(1, rate(Person("ana silva"), 5, 5, 5, 5), rate(Person("Ben"), 5, 5, 5, 5))
    after = audit(2, rate(Person(" Ana Silva ", id=7), 6, 6, 6, 6))
    result = compare(before, after)
    assert [c.person.name for c in result.stayed] == [" Ana Silva "]
    assert result.left == (Person("Ben"),)
    assert result.joined == ()


def test_people_with_different_ids_never_match_by_name() -> None:
    before = audit(1, rate(Person("Sam Lee", id=1), 5, 5, 5, 5))
    after = audit(2, rate(Person("Sam Lee", id=2), 5, 5, 5, 5))
    result = compare(before, after)
    assert result.stayed == ()
    assert [p.id for p in result.joined] == [2]
    assert [p.id for p in result.left] == [1]


def test_id_match_wins_over_name_match() -> None:
    unsaved = Person("Ana Silva")
    before = audit(1, rate(unsaved, 5, 5, 5, 5), rate(ANA, 8, 7, 5, 4))
    after = audit(2, rate(ANA, 8, 7, 5, 4))
    result = compare(before, after)
    assert result.stayed[0].dependence_on_them_before == 5.6
    assert result.left == (unsaved,)


def test_match_people_pairs_each_previous_person_once() -> None:
    twin = Person("Jo")
    assert match_people([twin], [Person("jo"), Person("JO")]) == {0: 0}


def test_totals_delta() -> None:
    before = audit(1, rate(ANA, 8, 7, 5, 4), rate(BEN, 3, 4, 6, 5))  # d 6.8, t 5.0
    after = audit(2, rate(ANA, 8, 7, 5, 4), rate(BEN, 3, 4, 6, 5), rate(CY, 5, 2, 2, 2))
    result = compare(before, after)  # after: d 7.8, t 5.4
    delta = result.totals_delta
    assert delta is not None
    assert delta.count == 1
    assert delta.reliance == 1.0
    assert delta.influence == 0.4
    assert delta.net_balance == -0.6  # -2.4 - -1.8
    assert delta.influence_ratio == pytest.approx(5.4 / 7.8 - 5.0 / 6.8)
    assert delta.top2_share == pytest.approx(6.8 / 7.8 - 1.0)
    assert result.previous_totals is not None and result.previous_totals.count == 2
    assert result.current_totals is not None and result.current_totals.count == 3


def test_totals_delta_is_none_when_an_audit_is_empty() -> None:
    full = audit(2, rate(ANA, 8, 7, 5, 4))
    grew = compare(audit(1), full)
    assert grew.totals_delta is None
    assert grew.previous_totals is None
    assert grew.joined == (ANA,)
    shrank = compare(full, audit(3))
    assert shrank.totals_delta is None
    assert shrank.left == (ANA,)
