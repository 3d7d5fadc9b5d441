"""Audit snapshots: the content, the trend up to the audit, and hiding names."""

from __future__ import annotations

import datetime as dt

import pytest

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import Aspects, Audit, Person, Rating, Relationship
from cxjournal.domain.power_audit import AlarmCode, analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import long_date
from cxjournal.exchange import snapshot
from cxjournal.exchange.snapshot import build_snapshot, make_snapshot, pseudonym
from cxjournal.journal import Journal

TODAY = dt.date(2026, 11, 22)
REAL_NAMES = ("Ana", "Silva", "Ben", "Okafor", "Chen", "Wei", "Dana", "Boss")


def people(journal: Journal) -> dict[str, Person]:
    add = journal.people.add
    return {
        "ana": add(Person(name="Ana Silva", role="VP Operations", team="Ops", location="London")),
        "ben": add(Person(name="Ben Okafor", team="Ops", location="London")),
        "chen": add(Person(name="Chen Wei", team="Ana's squad", location="London")),
        "boss": add(Person(name="Dana Boss", relationship=Relationship.SUPERIOR, team="Ops")),
    }


def fill(journal: Journal) -> dict[str, Person]:
    """Three audits; the middle one has a blocking superior who is not rated."""
    p = people(journal)
    journal.audits.save(Audit(dt.date(2026, 1, 1), (Rating(p["ana"], 5, 5, 5, 5),), "first"))
    journal.audits.save(
        Audit(
            dt.date(2026, 4, 1),
            (
                Rating(p["ana"], 9, 9, 2, 2, Aspects(career_guidance=8)),
                Rating(p["ben"], 8, 8, 2, 2),
                Rating(p["chen"], 3, 3, 3, 3),
            ),
            note="Ben seemed tired; push the churn deck",
            blocking_superior=True,
            blocking_superior_person=p["boss"],
        )
    )
    journal.audits.save(Audit(dt.date(2026, 7, 1), (Rating(p["ben"], 6, 6, 6, 6),), "third"))
    return p


def middle_id(journal: Journal) -> int:
    return journal.audits.summaries()[1].id


def test_the_latest_audit_is_the_default(journal: Journal) -> None:
    fill(journal)
    snap = build_snapshot(journal, today=TODAY)
    assert snap.audit.taken_on == dt.date(2026, 7, 1)
    assert [p.taken_on.month for p in snap.trend] == [1, 4, 7]
    assert [p.current for p in snap.trend] == [False, False, True]
    assert snap.note == "third" and snap.made_on == TODAY


def test_the_trend_stops_at_the_audit(journal: Journal) -> None:
    fill(journal)
    snap = build_snapshot(journal, middle_id(journal), today=TODAY)
    assert [(p.taken_on.month, p.current) for p in snap.trend] == [(1, False), (4, True)]
    assert snap.trend[1].reliance == pytest.approx(8.1 + 6.4 + 0.9)
    assert snap.trend[1].influence == pytest.approx(0.4 + 0.4 + 0.9)


def test_the_analysis_uses_the_journals_thresholds(journal: Journal) -> None:
    fill(journal)
    journal.settings.set_thresholds(Thresholds(lean_gap=1))
    snap = build_snapshot(journal, middle_id(journal), today=TODAY)
    assert snap.thresholds.lean_gap == 1
    assert snap.blocker is not None and snap.blocker.name == "Dana Boss"
    assert AlarmCode.BLOCKING_SUPERIOR in snap.analysis.alarm_codes


def test_a_journal_without_audits_has_no_snapshot(journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        build_snapshot(journal)
    with pytest.raises(NotFoundError):
        build_snapshot(journal, 99)


def test_with_names_the_people_are_named(journal: Journal) -> None:
    fill(journal)
    snap = build_snapshot(journal, middle_id(journal), today=TODAY)
    assert [c.person.name for c in snap.contacts] == ["Ana Silva", "Ben Okafor", "Chen Wei"]
    assert snap.note.startswith("Ben seemed") and not snap.note_withheld
    assert not snap.names_hidden


# --- hiding names -------------------------------------------------------------------------


def test_hidden_names_become_consistent_pseudonyms(journal: Journal) -> None:
    fill(journal)
    snap = build_snapshot(journal, middle_id(journal), hide_names=True, today=TODAY)
    assert [c.person.name for c in snap.contacts] == ["Person A", "Person B", "Person C"]
    assert snap.blocker is not None and snap.blocker.name == "Person D"
    assert all(c.person.id is None and c.person.role == "" for c in snap.contacts)
    messages = " ".join(a.message for a in snap.alarms)
    assert "Person D" in messages
    for name in REAL_NAMES:
        assert name not in messages


def test_hidden_names_leave_out_every_audit_note(journal: Journal) -> None:
    fill(journal)
    snap = build_snapshot(journal, middle_id(journal), hide_names=True, today=TODAY)
    assert snap.note == "" and snap.note_withheld
    first = build_snapshot(journal, journal.audits.summaries()[2].id, True, TODAY)
    assert first.note == "" and first.note_withheld  # "first" names no one, but is free text
    empty = make_snapshot(Audit(dt.date(2026, 1, 1)), Thresholds(), [], hide_names=True,
                          made_on=TODAY)  # fmt: skip
    assert empty.note == "" and not empty.note_withheld


def test_every_grouping_value_becomes_a_label_and_reach_holds(journal: Journal) -> None:
    fill(journal)
    named = build_snapshot(journal, middle_id(journal), today=TODAY)
    hidden = build_snapshot(journal, middle_id(journal), hide_names=True, today=TODAY)
    assert [c.person.team for c in hidden.contacts] == ["Team A", "Team A", "Team B"]
    assert [c.person.location for c in hidden.contacts] == ["Location A"] * 3
    assert [c.person.function for c in hidden.contacts] == [""] * 3  # empty stays empty
    assert hidden.blocker is not None and hidden.blocker.team == "Team A"
    for dim, figure in named.reach.items():
        got = hidden.reach[dim]
        assert (got.filled, got.distinct, got.dominant_share) == (
            figure.filled,
            figure.distinct,
            figure.dominant_share,
        )
    assert [a.code for a in hidden.alarms] == [a.code for a in named.alarms]
    assert hidden.totals == named.totals
    text = " ".join(a.message for a in hidden.alarms) + repr(hidden.reach)
    for value in ("Ops", "London", "squad"):
        assert value not in text


def test_the_same_value_gets_the_same_label_in_its_own_dimension() -> None:
    ana = Person("Ana Silva", id=1, team="Ana's team", location="Paris", product_unit="Paris")
    ben = Person("Ben", id=2, team=" ANA'S TEAM ", location="Lyon", function="Finance")
    audit = Audit(dt.date(2026, 1, 1), (Rating(ana, 5, 5, 5, 5), Rating(ben, 5, 5, 5, 5)))
    snap = make_snapshot(audit, Thresholds(), [], hide_names=True, made_on=TODAY)
    a, b = (c.person for c in snap.contacts)
    assert (a.team, b.team) == ("Team A", "Team A")
    assert (a.location, b.location) == ("Location A", "Location B")
    assert (a.product_unit, b.product_unit, a.function, b.function) == (
        "Unit A",
        "",
        "",
        "Function A",
    )


def test_pseudonyms_follow_the_alphabet() -> None:
    assert [pseudonym(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "Person A",
        "Person B",
        "Person Z",
        "Person AA",
        "Person AB",
        "Person AZ",
        "Person BA",
    ]


def test_an_audit_without_ratings_still_makes_a_snapshot() -> None:
    audit = Audit(dt.date(2026, 1, 1), id=3)
    snap = make_snapshot(audit, Thresholds(), [(dt.date(2025, 1, 1), 1, 2.0, 3.0)], made_on=TODAY)
    assert snap.totals is None and snap.contacts == ()
    assert [p.current for p in snap.trend] == [False]


def test_same_day_audits_end_the_trend_at_the_right_one() -> None:
    history = [(dt.date(2026, 1, 1), 1, 1.0, 1.0), (dt.date(2026, 1, 1), 2, 2.0, 2.0)]
    audit = Audit(dt.date(2026, 1, 1), (Rating(Person("A", id=1), 5, 5, 5, 5),), id=1)
    snap = make_snapshot(audit, Thresholds(), history, made_on=TODAY)
    assert [p.influence for p in snap.trend] == [1.0]


def test_the_analysis_matches_the_domain(journal: Journal) -> None:
    fill(journal)
    audit = journal.audits.get(middle_id(journal))
    snap = build_snapshot(journal, audit.id, today=TODAY)
    assert snap.analysis == analyse(audit, journal.settings.thresholds())


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "-"), (5.6, "5.6"), (10.0, "10"), (-3.6, "-3.6"), (0.665, "0.67"), (-0.001, "0")],
)
def test_figures_are_shown_with_at_most_two_decimals(value: float | None, shown: str) -> None:
    assert snapshot.figure(value) == shown


def test_dates_read_in_english() -> None:
    assert long_date(dt.date(2026, 1, 5)) == "5 January 2026"
    assert snapshot.share(0.835) == "84%" and snapshot.share(None) == "-"
