"""The v2 fields through the journal's operations and the store functions for new records."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from cxjournal.domain.early_warning import early_warning
from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import (
    AgendaItem,
    Attitude,
    Audit,
    FormatUsed,
    Note,
    NoteGoal,
    NoteOutcome,
    Person,
    Plan,
    PlanKind,
    PlanMember,
    PlanRole,
    PlanStatus,
    Program,
    ProofPoint,
    ProofShare,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.resilience import checkin_value, compare_tags
from cxjournal.journal import Journal
from cxjournal.store import agenda_store, drafts, program_store
from cxjournal.store.mapping import person_from_row
from cxjournal.store.models import PersonRow

DAY = dt.date(2026, 3, 2)


def _people(journal: Journal) -> dict[int, Person]:
    with journal.session() as session:
        return {row.id: person_from_row(row) for row in session.query(PersonRow)}


def test_people_keep_emails_and_engagement(journal: Journal) -> None:
    ana = journal.people.add(
        Person(
            name="Ana",
            emails=(" ana@acme.example ", "Ana@Home.example"),
            desired_attitude=Attitude.CHAMPION,
            desired_by=dt.date(2026, 6, 30),
            move_plan="Show the churn story",
            power=5,
            interest=1,
        )
    )
    again = journal.people.get(ana.id or 0)
    assert again.emails == ("ana@acme.example", "Ana@Home.example")
    assert (again.desired_attitude, again.desired_by, again.power, again.interest) == (
        Attitude.CHAMPION,
        dt.date(2026, 6, 30),
        5,
        1,
    )
    # reordered, re-cased and one dropped: the stored addresses follow exactly
    updated = journal.people.update(replace(again, emails=("ANA@home.example", "a@new.example")))
    assert updated.emails == ("ANA@home.example", "a@new.example")
    assert journal.people.get(ana.id or 0).emails == ("ANA@home.example", "a@new.example")
    assert [h.kind for h in journal.search.query("new.example")] == ["person"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"power": 0}, "power: 0 is not between 1 and 5"),
        ({"interest": 6}, "interest: 6 is not between 1 and 5"),
        ({"emails": ("ana",)}, "emails[0]: 'ana' does not look like an e-mail address"),
        ({"emails": ("a@b.example", "A@B.example")}, "emails[1]: A@B.example is listed twice"),
    ],
)
def test_bad_engagement_or_emails_are_refused(
    journal: Journal, change: dict[str, object], problem: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.people.add(Person(name="Ana", **change))  # type: ignore[arg-type]
    assert caught.value.problems[0].startswith(problem)
    assert journal.people.all() == []
    for fine in ({"power": 1}, {"interest": 5}, {"emails": ("a@b.example", "c@b.example")}):
        journal.people.add(Person(name=f"ok {fine}", **fine))  # type: ignore[arg-type]


def test_notes_keep_goal_format_and_outcome(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    note = journal.notes.add(
        Note(
            DAY,
            "Showed the deck",
            person_id=ana.id,
            goal=NoteGoal.CHANGE,
            format_used=FormatUsed.CONVERSATION,
            outcome=NoteOutcome.PARTLY,
        )
    )
    stored = journal.notes.get(note.id or 0)
    assert (stored.goal, stored.format_used, stored.outcome) == (
        NoteGoal.CHANGE,
        FormatUsed.CONVERSATION,
        NoteOutcome.PARTLY,
    )
    cleared = journal.notes.update(replace(stored, goal=None, format_used=None, outcome=None))
    assert (cleared.goal, cleared.format_used, cleared.outcome) == (None, None, None)


def test_audit_ties_follow_their_ratings(journal: Journal) -> None:
    ana, ben, chen = (journal.people.add(Person(name=n)) for n in ("Ana", "Ben", "Chen"))
    ratings = tuple(Rating(p, 5, 5, 5, 5) for p in (ana, ben, chen))
    saved = journal.audits.save(Audit(DAY, ratings, ties=((0, 2), (1, 2))))
    assert saved.ties == ((0, 2), (1, 2)) and saved.ties_recorded  # ties mean recorded
    # the same people in another order: the ties still join the same people
    reordered = journal.audits.save(
        replace(saved, ratings=(saved.ratings[2], *saved.ratings[:2]), ties=((0, 1), (0, 2)))
    )
    names = {
        frozenset((reordered.ratings[i].person.name, reordered.ratings[j].person.name))
        for i, j in reordered.ties
    }
    assert names == {frozenset(("Chen", "Ana")), frozenset(("Chen", "Ben"))}
    assert journal.audits.get(saved.id or 0).ties == reordered.ties
    # Chen leaves the audit: with him his ties
    without = journal.audits.save(replace(reordered, ratings=reordered.ratings[1:], ties=()))
    assert (without.ties, without.ties_recorded) == ((), True)
    copy = journal.audits.new_from_latest(DAY)
    assert copy is not None and copy.ties_recorded
    assert journal.audits.all()[0].ties == ()


@pytest.mark.parametrize(
    ("ties", "recorded", "problem"),
    [
        (((0, 3),), True, "ties[0]: names a rating this audit does not have"),
        (((1, 1),), True, "ties[0]: a person cannot be tied to themselves"),
        (((1, 0),), True, "ties[0]: write the pair with the lower index first"),
        (((0, 1), (0, 1)), True, "ties[1]: this pair is recorded twice"),
    ],
)
def test_bad_ties_are_refused(
    journal: Journal, ties: tuple[tuple[int, int], ...], recorded: bool, problem: str
) -> None:
    people = [journal.people.add(Person(name=n)) for n in ("Ana", "Ben", "Chen")]
    ratings = tuple(Rating(p, 5, 5, 5, 5) for p in people)
    with pytest.raises(ValidationError) as caught:
        journal.audits.save(Audit(DAY, ratings, ties=ties, ties_recorded=recorded))
    assert caught.value.problems == [problem]
    assert journal.audits.count() == 0
    journal.audits.save(Audit(DAY, ratings, ties=((0, 1), (0, 2), (1, 2)), ties_recorded=True))


def test_mood_only_check_ins_and_activity_tags(journal: Journal) -> None:
    journal.resilience.save(ResilienceEntry(DAY, None, None, 4, tags=("travel",)))
    journal.resilience.save(ResilienceEntry(DAY + dt.timedelta(days=1), 7, 3, 8, tags=("gym",)))
    entries = journal.resilience.between(DAY, DAY + dt.timedelta(days=1))
    assert [(e.energy, e.stress, e.mood, e.tags) for e in entries] == [
        (None, None, 4, ("travel",)),
        (7, 3, 8, ("gym",)),
    ]
    assert [checkin_value(e.energy) for e in entries] == ["–", "7"]
    with pytest.raises(ValidationError):
        journal.resilience.save(ResilienceEntry(DAY, 0, None, 4))
    with pytest.raises(ValidationError):
        journal.resilience.save(ResilienceEntry(DAY, None, None, None))  # type: ignore[arg-type]
    # averages and the early warning leave mood-only days out rather than count them as 0
    mixed = [ResilienceEntry(DAY + dt.timedelta(days=n), 8, 2, 5, drains=("x",)) for n in range(5)]
    mixed += [ResilienceEntry(DAY - dt.timedelta(days=n + 1), None, None, 5) for n in range(5)]
    effect = compare_tags(mixed, min_uses=5)[0]
    # the mood-only days are days without the tag for mood, and record no energy to compare
    assert (effect.energy_with, effect.energy_without, effect.days_without) == (8.0, None, 5)
    assert (effect.mood_with, effect.mood_without) == (5.0, 5.0)
    assert early_warning(mixed, DAY + dt.timedelta(days=4)) is None


def test_person_on_a_plan_goes_to_the_trash_with_their_role_and_comes_back_with_it(
    journal: Journal,
) -> None:
    ana = journal.people.add(Person(name="Ana"))
    with journal.session() as session:
        program_store.write_plan(session, Plan(PlanKind.VOC, people=(PlanMember(ana),)))
    assert journal.people.usage(ana.id or 0)["plan roles"] == 1
    trash_id = journal.people.delete(ana.id or 0)
    with pytest.raises(NotFoundError):
        journal.people.get(ana.id or 0)
    journal.trash.restore(trash_id)
    assert journal.people.get(ana.id or 0).name == "Ana"
    assert journal.people.usage(ana.id or 0)["plan roles"] == 1


def test_program_plans_are_stored_in_kind_order(journal: Journal) -> None:
    ana, ben = (journal.people.add(Person(name=n)) for n in ("Ana", "Ben"))
    with journal.session() as session:
        assert program_store.read_program(session, {}) == Program()
        program_store.write_program(
            session,
            Program(
                why="First time right",
                kpi="FCR",
                plans=(
                    Plan(
                        PlanKind.TECHNOLOGY,
                        PlanStatus.IN_PROGRESS,
                        "CRM",
                        "Pick vendor",
                        DAY,
                        (PlanMember(ben), PlanMember(ana, PlanRole.OWNER)),
                    ),
                ),
            ),
        )
    with journal.session() as session:
        program = program_store.read_program(session, _people(journal))
    assert (program.why, program.kpi) == ("First time right", "FCR")
    assert [plan.kind for plan in program.plans] == list(PlanKind)
    tech = program.plans[-1]
    assert (tech.status, tech.summary, tech.next_step, tech.due) == (
        PlanStatus.IN_PROGRESS,
        "CRM",
        "Pick vendor",
        DAY,
    )
    assert [(m.person.name, m.role) for m in tech.people] == [
        ("Ben", PlanRole.CONTRIBUTOR),
        ("Ana", PlanRole.OWNER),
    ]
    two_owners = Plan(
        PlanKind.VOC, people=(PlanMember(ana, PlanRole.OWNER), PlanMember(ben, PlanRole.OWNER))
    )
    twice = Plan(PlanKind.VOC, people=(PlanMember(ana), PlanMember(ana, PlanRole.SPONSOR)))
    for bad, problem in (
        (two_owners, "people[1].role: a plan has at most one owner"),
        (twice, "people[1]: Ana is on this plan twice"),
    ):
        with pytest.raises(ValidationError) as caught, journal.session() as session:
            program_store.write_plan(session, bad)
        assert caught.value.problems == [problem]


def test_proof_points_with_plans_and_shares(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    point = ProofPoint(
        DAY,
        "Repeat calls down",
        "repeat rate",
        12.0,
        9.5,
        "%",
        None,
        "",
        "IVR fix",
        (PlanKind.VOC, PlanKind.GOVERNANCE),
        (ProofShare(ana, DAY),),
    )
    with journal.session() as session:
        point_id = program_store.save_proof_point(session, point)
        assert not program_store.add_proof_share(session, point_id, ana.id or 0, DAY)
        assert program_store.add_proof_share(session, point_id, ana.id or 0, DAY + dt.timedelta(1))
        with pytest.raises(ValidationError):
            program_store.save_proof_point(session, replace(point, result=float("inf")))
        with pytest.raises(ValidationError):
            program_store.save_proof_point(session, replace(point, title=" "))
    with journal.session() as session:
        (stored,) = program_store.read_proof_points(session, _people(journal))
    assert stored.id == point_id
    assert stored.plans == (PlanKind.GOVERNANCE, PlanKind.VOC)  # kind order
    assert [(s.person.name, s.on) for s in stored.shared] == [
        ("Ana", DAY),
        ("Ana", DAY + dt.timedelta(1)),
    ]
    with journal.session() as session:
        program_store.delete_proof_point(session, point_id)
        assert program_store.read_proof_points(session, {}) == []


def test_agenda_items_are_added_ticked_and_kept_when_their_note_goes(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    note = journal.notes.add(Note(DAY, "1:1", person_id=ana.id))
    with journal.session() as session:
        item = agenda_store.save_agenda_item(session, AgendaItem(ana, " Budget ", DAY))
        assert item.text == "Budget" and item.id is not None
        done = agenda_store.set_agenda_item_done(
            session, item.id, DAY, {ana.id or 0: ana}, note_id=note.id
        )
        assert (done.done_on, done.discussed_in_note_id) == (DAY, note.id)
        with pytest.raises(ValidationError):
            agenda_store.save_agenda_item(session, AgendaItem(ana, "x", DAY, DAY - dt.timedelta(1)))
        with pytest.raises(NotFoundError):
            agenda_store.save_agenda_item(session, AgendaItem(Person(name="Nobody"), "x", DAY))
    journal.notes.delete(note.id or 0)
    with journal.session() as session:
        (kept,) = agenda_store.read_agenda(session, _people(journal))
        assert (kept.text, kept.done_on, kept.discussed_in_note_id) == ("Budget", DAY, None)
        assert agenda_store.read_agenda(session, _people(journal), open_only=True) == []


def test_drafts_by_kind_and_key(journal: Journal) -> None:
    now = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    with journal.session() as session:
        assert drafts.get_draft(session, "note", "7") is None
        drafts.put_draft(session, "note", "7", {"text": "half a thought"}, now)
        drafts.put_draft(session, "note", "7", {"text": "a whole thought"}, now)
        drafts.put_draft(session, "audit", "new", [1, 2], now + dt.timedelta(minutes=1))
        with pytest.raises(ValueError):
            drafts.put_draft(session, "note", "8", {}, now.replace(tzinfo=None))
    with journal.session() as session:
        found = drafts.get_draft(session, "note", "7")
        assert found is not None and found.payload == {"text": "a whole thought"}
        assert found.updated_at == now
        assert journal.drafts.keys() == [("audit", "new"), ("note", "7")]
        assert drafts.delete_draft(session, "note", "7")
        assert not drafts.delete_draft(session, "note", "7")
    assert journal.drafts.keys("note") == []
    assert journal.drafts.keys() == [("audit", "new")]


def test_my_emails_setting(journal: Journal) -> None:
    assert journal.settings.my_emails() == ()
    journal.settings.set_my_emails([" me@acme.example", "me@home.example"])
    assert journal.settings.my_emails() == ("me@acme.example", "me@home.example")
    with pytest.raises(ValidationError) as caught:
        journal.settings.set_my_emails(["me@acme.example", "ME@acme.example"])
    assert caught.value.problems == [
        "my_emails[1]: ME@acme.example is listed twice (also my_emails[0])"
    ]
    assert journal.settings.my_emails() == ("me@acme.example", "me@home.example")


def test_todays_fast_path_reads_the_same_v2_people_and_ties(journal: Journal) -> None:
    ana = journal.people.add(
        Person(name="Ana", emails=("a@x.example", "b@x.example"), power=4, cadence_days=7,
               desired_attitude=Attitude.SUPPORTER, desired_by=DAY, move_plan="coffee")
    )  # fmt: skip
    ben = journal.people.add(Person(name="Ben", emails=("ben@x.example",), cadence_days=7))
    ratings = (Rating(ana, 5, 5, 5, 5), Rating(ben, 6, 6, 6, 6))
    journal.audits.save(Audit(DAY, ratings, ties=((0, 1),)))
    overview = journal.today.overview(DAY + dt.timedelta(days=30))
    assert overview.latest_audit is not None
    assert overview.latest_audit.analysis == journal.audits.latest_analysis()
    assert overview.latest_audit.analysis.audit.ties == ((0, 1),)
    assert {s.person for s in overview.stakeholders} == {
        journal.people.get(ana.id or 0),
        journal.people.get(ben.id or 0),
    }
