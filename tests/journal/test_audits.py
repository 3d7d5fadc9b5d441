"""Audit operations: summaries with alarm codes, analysis with stored thresholds,
re-audit from the latest, and the exit plan following the latest audit's flag."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.exit_plan import TEMPLATE_FILE, TEMPLATE_PACKAGE, load_template
from cxjournal.domain.model import Audit, ExitPlan, ExitStatus, Person, Rating
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal

JAN, FEB, MAR = dt.date(2026, 1, 15), dt.date(2026, 2, 15), dt.date(2026, 3, 15)


def template_count() -> int:
    from importlib.resources import files

    text = files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE).read_text(encoding="utf-8")
    return len(load_template(text))


def rating(person: Person, v: int, i: int, mv: int, mi: int) -> Rating:
    return Rating(person=person, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi)


def save(journal: Journal, on: dt.date, *ratings: Rating, blocking: bool = False) -> Audit:
    return journal.audits.save(Audit(taken_on=on, ratings=ratings, blocking_superior=blocking))


@pytest.fixture
def ana(journal: Journal) -> Person:
    return journal.people.add(Person(name="Ana Silva", team="Ops"))


@pytest.fixture
def ben(journal: Journal) -> Person:
    return journal.people.add(Person(name="Ben Okafor", team="Sales"))


# --- summaries and analysis ------------------------------------------------------------


def test_summaries_are_newest_first_with_people_and_alarm_codes(
    journal: Journal, ana: Person, ben: Person
) -> None:
    first = save(journal, JAN, rating(ana, 8, 7, 5, 4))
    second = save(journal, FEB, rating(ana, 5, 5, 5, 5), rating(ben, 5, 5, 5, 5), blocking=True)
    summaries = journal.audits.summaries()
    assert [s.id for s in summaries] == [second.id, first.id]
    assert [s.people for s in summaries] == [2, 1]
    # Jan: ratio 2.0 / 5.6 < 0.67 and one person holds everything
    assert summaries[1].alarm_codes == ("power_imbalance", "high_vulnerability")
    # Feb: two equal people hold 100%; the flag rings too
    assert summaries[0].alarm_codes == ("high_vulnerability", "blocking_superior")
    assert summaries[0].blocking_superior is True
    assert journal.audits.count() == 2


def test_summaries_use_the_thresholds_stored_in_the_journal(journal: Journal, ana: Person) -> None:
    save(journal, JAN, rating(ana, 8, 7, 5, 4))
    journal.settings.set_thresholds(Thresholds(imbalance_ratio=0.2, vulnerability_share=1.0))
    assert journal.audits.summaries()[0].alarm_codes == ()


def test_analysis_of_an_audit_and_of_the_latest(journal: Journal, ana: Person, ben: Person) -> None:
    assert journal.audits.latest_analysis() is None
    saved = save(journal, JAN, rating(ana, 8, 7, 5, 4), rating(ben, 3, 4, 6, 5))
    analysis = journal.audits.analysis(saved.id or 0)
    assert analysis.totals is not None
    assert (analysis.totals.reliance, analysis.totals.influence) == (6.8, 5.0)
    assert [c.person.name for c in analysis.contacts] == ["Ana Silva", "Ben Okafor"]
    latest = journal.audits.latest_analysis()
    assert latest is not None and latest.audit.id == saved.id
    journal.settings.set_thresholds(Thresholds(lean_gap=5))
    assert journal.audits.analysis(saved.id or 0).thresholds.lean_gap == 5


def test_analysis_of_an_unknown_audit_is_refused(journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        journal.audits.analysis(99)


def test_latest_tie_goes_to_the_audit_created_last(journal: Journal, ana: Person) -> None:
    save(journal, JAN, rating(ana, 5, 5, 5, 5))
    second = save(journal, JAN, rating(ana, 6, 6, 6, 6))
    latest = journal.audits.latest()
    assert latest is not None and latest.id == second.id


# --- new from latest ---------------------------------------------------------------


def test_new_from_latest_copies_people_ratings_and_flag_unsaved(
    journal: Journal, ana: Person, ben: Person
) -> None:
    assert journal.audits.new_from_latest(MAR) is None
    save(journal, JAN, rating(ana, 1, 1, 1, 1))
    boss = journal.people.add(Person(name="Dana Roy"))
    latest = journal.audits.save(
        Audit(
            taken_on=FEB,
            ratings=(rating(ana, 8, 7, 5, 4), rating(ben, 3, 4, 6, 5)),
            note="before the reorg",
            blocking_superior=True,
            blocking_superior_person=boss,
        )
    )
    draft = journal.audits.new_from_latest(MAR)
    assert draft is not None
    assert draft.id is None and draft.taken_on == MAR and draft.note == ""
    assert [(r.person.id, r.value, r.my_irreplaceability) for r in draft.ratings] == [
        (ana.id, 8, 4),
        (ben.id, 3, 5),
    ]
    assert all(r.id is None for r in draft.ratings)
    assert draft.blocking_superior and draft.blocking_superior_person == boss
    saved = journal.audits.save(draft)
    assert saved.id != latest.id
    assert len(journal.audits.get(latest.id or 0).ratings) == 2  # the old one is untouched


def test_compare_with_previous(journal: Journal, ana: Person, ben: Person) -> None:
    first = save(journal, JAN, rating(ana, 5, 5, 5, 5))
    second = save(journal, FEB, rating(ana, 8, 7, 5, 5), rating(ben, 2, 2, 2, 2))
    assert journal.audits.compare_with_previous(first.id or 0) is None
    comparison = journal.audits.compare_with_previous(second.id or 0)
    assert comparison is not None
    assert [p.name for p in comparison.joined] == ["Ben Okafor"]
    assert comparison.left == ()
    (change,) = comparison.stayed
    assert change.dependence_on_them_before == 2.5
    assert change.dependence_on_them_after == 5.6


# --- saving ------------------------------------------------------------------------


def test_a_new_person_rated_and_blocking_is_added_once(journal: Journal) -> None:
    newcomer = Person(name="Chen Wu", team="Finance")
    saved = journal.audits.save(
        Audit(
            taken_on=JAN,
            ratings=(rating(newcomer, 5, 5, 5, 5),),
            blocking_superior=True,
            blocking_superior_person=newcomer,
        )
    )
    people = journal.people.all()
    assert [p.name for p in people] == ["Chen Wu"]
    assert saved.ratings[0].person.id == people[0].id
    assert saved.blocking_superior_person is not None
    assert saved.blocking_superior_person.id == people[0].id


def test_an_invalid_audit_writes_nothing(journal: Journal, ana: Person) -> None:
    bad = Audit(taken_on=JAN, ratings=(rating(ana, 5, 5, 5, 5), rating(ana, 4, 4, 4, 4)))
    with pytest.raises(ValidationError) as caught:
        journal.audits.save(bad)
    assert "already rated" in caught.value.problems[0]
    assert journal.audits.summaries() == []
    assert journal.exit_plan.get().status is ExitStatus.INACTIVE


# --- the exit plan follows the latest audit --------------------------------------------


def test_a_flagged_audit_activates_the_plan_with_the_template(
    journal: Journal, ana: Person
) -> None:
    save(journal, JAN, rating(ana, 5, 5, 5, 5))
    assert journal.exit_plan.get().status is ExitStatus.INACTIVE
    save(journal, FEB, rating(ana, 5, 5, 5, 5), blocking=True)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE
    assert len(plan.items) == template_count() > 0
    assert [i.position for i in plan.items] == list(range(len(plan.items)))


def test_clearing_the_flag_pauses_and_keeps_every_item(journal: Journal, ana: Person) -> None:
    flagged = save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)
    first = journal.exit_plan.get().items[0]
    journal.exit_plan.update_item(replace(first, done=True))
    journal.audits.save(replace(flagged, blocking_superior=False))
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.PAUSED
    assert len(plan.items) == template_count()
    assert plan.items[0].done


def test_reactivation_never_duplicates_and_never_reseeds(journal: Journal, ana: Person) -> None:
    flagged = save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)
    journal.exit_plan.add_item("Call Priya about the opening")
    journal.audits.save(replace(flagged, blocking_superior=False))
    save(journal, FEB, rating(ana, 5, 5, 5, 5), blocking=True)
    save(journal, MAR, rating(ana, 5, 5, 5, 5), blocking=True)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE
    assert len(plan.items) == template_count() + 1
    # every step removed by hand: a later activation does not bring the template back
    for item in plan.items:
        journal.exit_plan.delete_item(item.id or 0)
    journal.audits.save(replace(journal.audits.latest() or flagged, blocking_superior=False))
    save(journal, dt.date(2026, 4, 1), blocking=True)
    assert journal.exit_plan.get() == ExitPlan(ExitStatus.ACTIVE, ())


def test_only_the_latest_audit_counts(journal: Journal, ana: Person) -> None:
    save(journal, FEB, rating(ana, 5, 5, 5, 5))
    save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)  # back-dated
    assert journal.exit_plan.get().status is ExitStatus.INACTIVE
    assert journal.exit_plan.get().items == ()


def test_deleting_the_latest_audit_follows_the_one_before(journal: Journal, ana: Person) -> None:
    save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)
    later = save(journal, FEB, rating(ana, 5, 5, 5, 5))
    assert journal.exit_plan.get().status is ExitStatus.PAUSED
    journal.audits.delete(later.id or 0)
    assert journal.exit_plan.get().status is ExitStatus.ACTIVE
    assert len(journal.exit_plan.get().items) == template_count()


def test_deleting_the_last_audit_leaves_the_plan_as_it_is(journal: Journal, ana: Person) -> None:
    only = save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)
    journal.audits.delete(only.id or 0)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE
    assert len(plan.items) == template_count()


def test_a_state_set_by_hand_survives_unrelated_edits(journal: Journal, ana: Person) -> None:
    latest = save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)
    journal.exit_plan.mark_done()
    # editing the latest audit without touching its flag or date leaves "done" alone
    journal.audits.save(replace(latest, note="talked to HR"))
    assert journal.exit_plan.get().status is ExitStatus.DONE
    # a back-dated audit is not the latest: no change either
    save(journal, dt.date(2025, 12, 1), rating(ana, 5, 5, 5, 5), blocking=True)
    assert journal.exit_plan.get().status is ExitStatus.DONE
    # a new latest audit with the flag reopens the same checklist
    save(journal, FEB, rating(ana, 5, 5, 5, 5), blocking=True)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE
    assert len(plan.items) == template_count()


def test_a_new_unflagged_audit_leaves_a_done_plan_done(journal: Journal, ana: Person) -> None:
    save(journal, JAN, rating(ana, 5, 5, 5, 5), blocking=True)
    journal.exit_plan.mark_done()
    save(journal, FEB, rating(ana, 5, 5, 5, 5))
    assert journal.exit_plan.get().status is ExitStatus.DONE


def test_a_failed_save_leaves_the_plan_untouched(journal: Journal, ana: Person) -> None:
    bad = Audit(
        taken_on=JAN,
        ratings=(rating(ana, 5, 5, 5, 5),),
        blocking_superior=True,
        blocking_superior_person=Person(name="Ghost", id=999),
    )
    with pytest.raises(NotFoundError):
        journal.audits.save(bad)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.INACTIVE and plan.items == ()
    assert journal.audits.summaries() == []
