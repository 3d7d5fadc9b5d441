"""Tests for cxjournal.domain.program: every rule of program.md on both sides of its edges."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    Attitude,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
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
)
from cxjournal.domain.program import (
    NoteHistory,
    Risk,
    attitude_rank,
    current_attitude,
    grid,
    program_risks,
    quadrant,
    unshared_proof_points,
)
from cxjournal.domain.program_wording import Quadrant, RiskCode
from cxjournal.domain.thresholds import Thresholds

D = dt.date(2026, 6, 15)
DAY = dt.timedelta(days=1)


def ago(days: int) -> dt.date:
    return D - dt.timedelta(days=days)


def note(
    person: Person,
    on: dt.date,
    attitude: Attitude | None = None,
    kind: NoteKind = NoteKind.ONE_ON_ONE,
    note_id: int | None = None,
    goal: NoteGoal | None = None,
    fmt: FormatUsed | None = None,
    outcome: NoteOutcome | None = None,
) -> Note:
    return Note(
        on, "text", kind, person.id, attitude, id=note_id, goal=goal, format_used=fmt,
        outcome=outcome,
    )  # fmt: skip


def program(*plans: Plan) -> Program:
    by_kind = {p.kind: p for p in plans}
    return Program(plans=tuple(by_kind.get(kind, Plan(kind)) for kind in PlanKind))


def live(kind: PlanKind, *members: tuple[Person, PlanRole]) -> Plan:
    return Plan(kind, PlanStatus.IN_PROGRESS, people=tuple(PlanMember(p, r) for p, r in members))


def codes(risks: list[Risk]) -> list[str]:
    return [r.code.value for r in risks]


def of(code: RiskCode, risks: list[Risk]) -> list[Risk]:
    return [r for r in risks if r.code is code]


OWNER = Person("Olga Owner", id=1, function="Sales")
HELPER = Person("Hal Helper", id=2, function="Sales")

# -- attitudes --


def test_null_ranks_below_resistor_and_the_ladder_runs_up_to_champion() -> None:
    ladder = [None, *list(reversed(Attitude))]
    assert [attitude_rank(a) for a in ladder] == [-1, 0, 1, 2, 3, 4]
    assert attitude_rank(None) < attitude_rank(Attitude.RESISTOR)


def test_current_attitude_counts_notes_on_d_not_after() -> None:
    notes = [note(OWNER, D, Attitude.SKEPTIC), note(OWNER, D + DAY, Attitude.CHAMPION)]
    assert current_attitude(notes, D) is Attitude.SKEPTIC
    assert current_attitude(notes, D - DAY) is None
    assert current_attitude(notes, D + DAY) is Attitude.CHAMPION


def test_current_attitude_skips_notes_that_record_none() -> None:
    notes = [note(OWNER, ago(3), Attitude.NEUTRAL), note(OWNER, ago(1), None)]
    assert current_attitude(notes, D) is Attitude.NEUTRAL


def test_on_one_date_the_note_entered_last_wins_by_id() -> None:
    later = note(OWNER, D, Attitude.CHAMPION, note_id=9)
    earlier = note(OWNER, D, Attitude.RESISTOR, note_id=4)
    assert current_attitude([later, earlier], D) is Attitude.CHAMPION
    assert current_attitude([earlier, later], D) is Attitude.CHAMPION


def test_unsaved_notes_count_as_entered_after_saved_ones_in_the_order_given() -> None:
    saved = note(OWNER, D, Attitude.RESISTOR, note_id=50)
    first = note(OWNER, D, Attitude.NEUTRAL)
    second = note(OWNER, D, Attitude.SUPPORTER)
    assert current_attitude([first, saved, second], D) is Attitude.SUPPORTER
    assert current_attitude([second, saved, first], D) is Attitude.NEUTRAL


# -- grid --


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (3, 3, Quadrant.MANAGE_CLOSELY),
        (5, 5, Quadrant.MANAGE_CLOSELY),
        (3, 2, Quadrant.KEEP_SATISFIED),
        (2, 3, Quadrant.KEEP_INFORMED),
        (2, 2, Quadrant.MONITOR),
        (1, 1, Quadrant.MONITOR),
        (None, 3, None),
        (3, None, None),
    ],
)
def test_quadrant_high_means_three_or_more(
    power: int | None, interest: int | None, expected: Quadrant | None
) -> None:
    assert quadrant(power, interest) is expected


def test_grid_leaves_out_archived_and_unplaced_people_and_sorts_by_name() -> None:
    people = [
        Person("zoe", id=1, power=4, interest=1),
        Person("Adam", id=2, power=2, interest=5),
        Person("Gone", id=3, power=5, interest=5, archived=True),
        Person("Half", id=4, power=5),
    ]
    entries = grid(people)
    assert [(e.person.name, e.quadrant) for e in entries] == [
        ("Adam", Quadrant.KEEP_INFORMED),
        ("zoe", Quadrant.KEEP_SATISFIED),
    ]


# -- live plans and owners --


@pytest.mark.parametrize("status", [PlanStatus.NOT_STARTED, PlanStatus.DONE])
def test_plans_that_are_not_live_raise_nothing(status: PlanStatus) -> None:
    prog = program(Plan(PlanKind.GOVERNANCE, status))
    assert program_risks(prog, [], [], D) == []


@pytest.mark.parametrize("status", [PlanStatus.IN_PROGRESS, PlanStatus.AT_RISK])
def test_a_live_plan_without_owner(status: PlanStatus) -> None:
    prog = program(Plan(PlanKind.GOVERNANCE, status))
    risks = program_risks(prog, [], [], D)
    assert codes(risks) == ["plan_without_owner", "no_supporter"]
    assert risks[0].facts == {"plan": PlanKind.GOVERNANCE}


def test_an_archived_owner_is_no_owner_and_a_sponsor_is_not_one() -> None:
    gone = replace(OWNER, archived=True)
    prog = program(live(PlanKind.VOC, (OWNER, PlanRole.OWNER), (HELPER, PlanRole.SPONSOR)))
    notes = [note(OWNER, D, Attitude.CHAMPION)]
    assert of(RiskCode.PLAN_WITHOUT_OWNER, program_risks(prog, [OWNER, HELPER], notes, D)) == []
    risks = program_risks(prog, [gone, HELPER], notes, D)
    assert [r.facts for r in of(RiskCode.PLAN_WITHOUT_OWNER, risks)] == [{"plan": PlanKind.VOC}]
    # the archived owner's championship no longer counts either
    assert codes(of(RiskCode.NO_SUPPORTER, risks)) == ["no_supporter"]


@pytest.mark.parametrize(
    ("attitude", "fires"),
    [
        (Attitude.RESISTOR, True),
        (Attitude.SKEPTIC, True),
        (Attitude.NEUTRAL, False),
        (Attitude.SUPPORTER, False),
        (None, False),
    ],
)
def test_owner_opposed_for_skeptics_and_resistors(attitude: Attitude | None, fires: bool) -> None:
    prog = program(live(PlanKind.TRAINING, (OWNER, PlanRole.OWNER)))
    risks = of(RiskCode.OWNER_OPPOSED, program_risks(prog, [OWNER], [note(OWNER, D, attitude)], D))
    assert bool(risks) is fires
    if fires:
        assert risks[0].facts == {"plan": PlanKind.TRAINING, "person": OWNER, "attitude": attitude}
        assert "Talk to Olga Owner" in risks[0].message


def test_owner_opposed_uses_the_attitude_as_of_d() -> None:
    prog = program(live(PlanKind.TRAINING, (OWNER, PlanRole.OWNER)))
    notes = [note(OWNER, ago(5), Attitude.SUPPORTER), note(OWNER, D + DAY, Attitude.RESISTOR)]
    assert of(RiskCode.OWNER_OPPOSED, program_risks(prog, [OWNER], notes, D)) == []
    assert of(RiskCode.OWNER_OPPOSED, program_risks(prog, [OWNER], notes, D + DAY)) != []


def test_no_supporter_until_someone_on_the_plan_supports_it() -> None:
    prog = program(
        live(PlanKind.OPERATIONS, (OWNER, PlanRole.OWNER), (HELPER, PlanRole.CONTRIBUTOR))
    )
    people = [OWNER, HELPER]
    neutral = [note(OWNER, ago(1), Attitude.NEUTRAL)]
    assert codes(of(RiskCode.NO_SUPPORTER, program_risks(prog, people, neutral, D))) == [
        "no_supporter"
    ]
    for attitude in (Attitude.SUPPORTER, Attitude.CHAMPION):
        notes = [*neutral, note(HELPER, D, attitude)]
        assert of(RiskCode.NO_SUPPORTER, program_risks(prog, people, notes, D)) == []
    later = [*neutral, note(HELPER, D + DAY, Attitude.CHAMPION)]
    assert of(RiskCode.NO_SUPPORTER, program_risks(prog, people, later, D)) != []
    archived = [OWNER, replace(HELPER, archived=True)]
    notes = [*neutral, note(HELPER, D, Attitude.CHAMPION)]
    assert of(RiskCode.NO_SUPPORTER, program_risks(prog, archived, notes, D)) != []


# -- out of touch --


def _touch(owner: Person, notes: list[Note], on: dt.date = D, **limits: int) -> list[Risk]:
    prog = program(live(PlanKind.INTEGRATION, (owner, PlanRole.OWNER)))
    risks = program_risks(prog, [owner], notes, on, Thresholds(**limits))  # type: ignore[arg-type]
    return of(RiskCode.OWNER_OUT_OF_TOUCH, risks)


def test_without_cadence_touch_days_is_the_window_inclusive() -> None:
    assert _touch(OWNER, [note(OWNER, ago(30))]) == []
    risks = _touch(OWNER, [note(OWNER, ago(31))])
    assert [r.facts for r in risks] == [{"plan": PlanKind.INTEGRATION, "person": OWNER, "days": 31}]
    assert _touch(OWNER, [note(OWNER, ago(31))], touch_days=31) == []
    assert _touch(OWNER, [note(OWNER, ago(11))], touch_days=10) != []


def test_never_contacted_owner_is_out_of_touch_with_days_null() -> None:
    risks = _touch(OWNER, [])
    assert risks[0].facts["days"] is None
    with_cadence = replace(OWNER, cadence_days=7)
    assert _touch(with_cadence, [])[0].facts["days"] is None


def test_observations_and_notes_after_d_are_not_contact() -> None:
    assert _touch(OWNER, [note(OWNER, ago(1), kind=NoteKind.OBSERVATION)]) != []
    assert _touch(OWNER, [note(OWNER, D + DAY)]) != []
    assert _touch(OWNER, [note(OWNER, D, kind=NoteKind.EMAIL)]) == []


def test_with_a_cadence_the_owner_is_due_on_the_day_of_the_next_update() -> None:
    owner = replace(OWNER, cadence_days=14)
    assert _touch(owner, [note(owner, ago(13))]) == []
    due = _touch(owner, [note(owner, ago(14))])
    assert due[0].facts["days"] == 14
    # a cadence replaces touch_days: 20 days without contact is fine with a 60-day cadence
    assert _touch(replace(OWNER, cadence_days=60), [note(OWNER, ago(40))]) == []


# -- attitude gaps --


def _gaps(person: Person, notes: list[Note], **limits: int) -> list[Risk]:
    risks = program_risks(program(), [person], notes, D, Thresholds(**limits))  # type: ignore[arg-type]
    return of(RiskCode.ATTITUDE_GAP, risks)


def test_attitude_gap_fires_up_to_gap_warn_days_before_the_date() -> None:
    target = replace(OWNER, desired_attitude=Attitude.SUPPORTER)
    neutral = [note(OWNER, ago(2), Attitude.NEUTRAL)]
    assert _gaps(target, neutral)[0].facts == {
        "person": target,
        "current": Attitude.NEUTRAL,
        "desired": Attitude.SUPPORTER,
        "desired_by": None,
    }
    at_edge = replace(target, desired_by=D + dt.timedelta(days=14))
    assert _gaps(at_edge, neutral) != []
    beyond = replace(target, desired_by=D + dt.timedelta(days=15))
    assert _gaps(beyond, neutral) == []
    assert _gaps(beyond, neutral, gap_warn_days=15) != []
    past = replace(target, desired_by=ago(30))
    assert _gaps(past, neutral) != []


def test_no_gap_once_the_person_is_where_you_want_them_or_higher() -> None:
    target = replace(OWNER, desired_attitude=Attitude.SUPPORTER)
    assert _gaps(target, [note(OWNER, D, Attitude.SUPPORTER)]) == []
    assert _gaps(target, [note(OWNER, D, Attitude.CHAMPION)]) == []
    assert _gaps(target, [note(OWNER, D + DAY, Attitude.CHAMPION)]) != []


def test_null_current_attitude_is_below_even_a_resistor_target() -> None:
    target = replace(OWNER, desired_attitude=Attitude.RESISTOR)
    gaps = _gaps(target, [])
    assert gaps[0].facts["current"] is None
    assert "no attitude is noted" in gaps[0].message


def test_archived_people_and_people_without_target_have_no_gap() -> None:
    target = replace(OWNER, desired_attitude=Attitude.CHAMPION, archived=True)
    assert _gaps(target, []) == []
    assert _gaps(OWNER, []) == []


# -- functions: champions and the board ---------------------------------------------------------


def test_no_champion_in_groups_functions_trimmed_and_caseless() -> None:
    a = Person("Bea", id=1, function="Finance")
    b = Person("Abe", id=2, function="  FINANCE ")
    c = Person("Cy", id=3, function="")
    outsider = Person("Ola", id=4, function="finance")
    prog = program(
        live(
            PlanKind.GOVERNANCE,
            (a, PlanRole.OWNER),
            (b, PlanRole.SPONSOR),
            (c, PlanRole.CONTRIBUTOR),
        )
    )
    risks = of(RiskCode.NO_CHAMPION_IN, program_risks(prog, [a, b, c, outsider], [], D))
    assert [r.facts for r in risks] == [{"function": "FINANCE", "people": ("Abe", "Bea")}]
    assert "Find a champion in FINANCE" in risks[0].message
    champion = [note(b, D, Attitude.CHAMPION)]
    assert of(RiskCode.NO_CHAMPION_IN, program_risks(prog, [a, b, c], champion, D)) == []
    # a champion off the live plans does not count
    elsewhere = [note(outsider, D, Attitude.CHAMPION)]
    assert of(RiskCode.NO_CHAMPION_IN, program_risks(prog, [a, b, outsider], elsewhere, D)) != []


def test_board_gap_looks_at_owners_functions_and_every_active_board_member() -> None:
    owner = Person("Olu", id=1, function="Finance")
    board = Person("Bo", id=2, function=" finance", cx_board=True)
    prog = program(live(PlanKind.TECHNOLOGY, (owner, PlanRole.OWNER)))
    risks = of(RiskCode.BOARD_GAP, program_risks(prog, [owner], [], D))
    assert [r.facts for r in risks] == [{"function": "Finance"}]
    assert "Add a Finance leader to the CX board" in risks[0].message
    assert of(RiskCode.BOARD_GAP, program_risks(prog, [owner, board], [], D)) == []
    retired = replace(board, archived=True)
    assert of(RiskCode.BOARD_GAP, program_risks(prog, [owner, retired], [], D)) != []
    no_function = replace(owner, function=" ")
    assert of(RiskCode.BOARD_GAP, program_risks(prog, [no_function], [], D)) == []
    helper = Person("Hu", id=3, function="Legal")
    prog2 = program(live(PlanKind.TECHNOLOGY, (owner, PlanRole.OWNER), (helper, PlanRole.SPONSOR)))
    assert [
        r.facts for r in of(RiskCode.BOARD_GAP, program_risks(prog2, [owner, helper], [], D))
    ] == [{"function": "Finance"}]


# -- format not working --


def _update(
    person: Person,
    days: int,
    fmt: FormatUsed | None = FormatUsed.SPREADSHEET,
    outcome: NoteOutcome | None = NoteOutcome.NOT_YET,
    attitude: Attitude | None = None,
    goal: NoteGoal | None = NoteGoal.DECISION,
    note_id: int | None = None,
) -> Note:
    return note(person, ago(days), attitude, NoteKind.MEETING, note_id, goal, fmt, outcome)


def _stuck(notes: list[Note], on: dt.date = D, **limits: int) -> list[Risk]:
    risks = program_risks(program(), [OWNER], notes, on, Thresholds(**limits))  # type: ignore[arg-type]
    return of(RiskCode.FORMAT_NOT_WORKING, risks)


STREAK = [_update(OWNER, 30), _update(OWNER, 20), _update(OWNER, 10)]


def test_format_not_working_after_three_goal_updates_in_one_format() -> None:
    risks = _stuck(STREAK)
    assert [r.facts for r in risks] == [
        {"person": OWNER, "format": FormatUsed.SPREADSHEET, "count": 3}
    ]
    assert "Try another format with Olga Owner" in risks[0].message
    assert _stuck(STREAK[:2]) == []
    assert _stuck(STREAK[:2], format_streak=2) != []
    assert _stuck(STREAK, on=ago(11)) == []  # the third is after D


def test_an_achieved_outcome_a_second_format_or_no_format_breaks_the_streak() -> None:
    assert _stuck([*STREAK[:2], _update(OWNER, 10, outcome=NoteOutcome.ACHIEVED)]) == []
    assert _stuck([*STREAK[:2], _update(OWNER, 10, outcome=NoteOutcome.PARTLY)]) != []
    assert _stuck([*STREAK[:2], _update(OWNER, 10, outcome=None)]) != []
    assert _stuck([*STREAK[:2], _update(OWNER, 10, fmt=FormatUsed.VIDEO)]) == []
    assert _stuck([_update(OWNER, d, fmt=None) for d in (30, 20, 10)]) == []


def test_only_the_last_streak_notes_with_a_goal_count() -> None:
    older_success = _update(OWNER, 40, outcome=NoteOutcome.ACHIEVED)
    assert _stuck([older_success, *STREAK]) != []
    no_goal = _update(OWNER, 5, fmt=FormatUsed.VIDEO, goal=None, outcome=NoteOutcome.ACHIEVED)
    assert _stuck([*STREAK, no_goal]) != []
    newer_other = _update(OWNER, 5, fmt=FormatUsed.VIDEO)
    assert _stuck([*STREAK, newer_other]) == []


def test_same_date_goal_notes_are_taken_in_entry_order() -> None:
    won = _update(OWNER, 10, outcome=NoteOutcome.ACHIEVED, note_id=7)
    lost = _update(OWNER, 10, note_id=3)
    # with a streak of one, only the note entered last on that date counts
    assert _stuck([won, lost], format_streak=1) == []
    assert _stuck([replace(won, id=3), replace(lost, id=7)], format_streak=1) != []


def test_format_not_working_only_while_the_attitude_has_not_risen() -> None:
    before = note(OWNER, ago(31), Attitude.NEUTRAL)
    assert _stuck([before, *STREAK]) != []
    fell = [before, *STREAK[:2], _update(OWNER, 10, attitude=Attitude.SKEPTIC)]
    assert _stuck(fell) != []
    rose = [before, *STREAK[:2], _update(OWNER, 10, attitude=Attitude.SUPPORTER)]
    assert _stuck(rose) == []
    # a rise recorded on the first note of the streak counts; one on the day before does not
    on_first = [before, _update(OWNER, 30, attitude=Attitude.SUPPORTER), *STREAK[1:]]
    assert _stuck(on_first) == []
    day_before = [note(OWNER, ago(31), Attitude.SUPPORTER), *STREAK]
    assert _stuck(day_before) != []
    # from nothing to an attitude is a rise (null ranks below resistor)
    assert _stuck([*STREAK[:2], _update(OWNER, 10, attitude=Attitude.RESISTOR)]) == []


# -- order and the whole table --


def test_risks_in_table_order_then_plan_order_then_name() -> None:
    x = Person("Xena", id=1, desired_attitude=Attitude.CHAMPION)
    a = Person("arno", id=2, desired_attitude=Attitude.CHAMPION)
    prog = program(
        Plan(PlanKind.TECHNOLOGY, PlanStatus.AT_RISK),
        Plan(PlanKind.GOVERNANCE, PlanStatus.IN_PROGRESS),
    )
    risks = program_risks(prog, [x, a], [], D)
    assert [(r.code.value, r.plan, r.person.name if r.person else None) for r in risks] == [
        ("plan_without_owner", PlanKind.GOVERNANCE, None),
        ("plan_without_owner", PlanKind.TECHNOLOGY, None),
        ("no_supporter", PlanKind.GOVERNANCE, None),
        ("no_supporter", PlanKind.TECHNOLOGY, None),
        ("attitude_gap", None, "arno"),
        ("attitude_gap", None, "Xena"),
    ]


def test_every_risk_has_a_title_and_a_message_ending_in_a_next_step() -> None:
    from tests.program_scenario import NOTES, PEOPLE, PROGRAM
    from tests.program_scenario import D as SD

    risks = program_risks(PROGRAM, PEOPLE, NoteHistory(NOTES), SD)
    assert {r.code for r in risks} == set(RiskCode)
    for risk in risks:
        assert risk.title and risk.problem and risk.next_step
        assert risk.message == f"{risk.problem} {risk.next_step}"
        assert "<" not in risk.message


# -- proof points --


def proof(
    pid: int, days: int, title: str, *plans: PlanKind, shared: tuple[ProofShare, ...] = ()
) -> ProofPoint:
    return ProofPoint(ago(days), title, plans=plans, shared=shared, id=pid)


def test_unshared_proof_points_dated_by_d_and_not_shared_with_them_by_d() -> None:
    prog = program(live(PlanKind.VOC, (OWNER, PlanRole.CONTRIBUTOR)))
    points = [
        proof(1, 0, "Today's"),
        proof(2, -1, "Tomorrow's"),
        proof(3, 5, "Shared on D", shared=(ProofShare(OWNER, D),)),
        proof(4, 6, "Shared after D", shared=(ProofShare(OWNER, D + DAY),)),
        proof(5, 7, "Shared with another", shared=(ProofShare(HELPER, ago(20)),)),
    ]
    titles = [p.title for p in unshared_proof_points(points, OWNER, prog, D, limit=10)]
    assert titles == ["Today's", "Shared after D", "Shared with another"]


def test_their_plans_first_then_newest_then_title_at_most_three() -> None:
    prog = program(
        live(PlanKind.VOC, (OWNER, PlanRole.SPONSOR)),
        Plan(PlanKind.TRAINING, people=(PlanMember(OWNER),)),
    )
    points = [
        proof(1, 1, "Other, newest"),
        proof(2, 9, "b VoC old", PlanKind.VOC),
        proof(3, 9, "A VoC old", PlanKind.VOC, PlanKind.OPERATIONS),
        proof(4, 3, "Training, not live", PlanKind.TRAINING),
        proof(5, 2, "Other, older", PlanKind.GOVERNANCE),
    ]
    titles = [p.title for p in unshared_proof_points(points, OWNER, prog, D)]
    assert titles == ["Training, not live", "A VoC old", "b VoC old"]
    everyone = [p.title for p in unshared_proof_points(points, OWNER, prog, D, limit=5)]
    assert everyone[3:] == ["Other, newest", "Other, older"]
    nobody_on_plans = [p.title for p in unshared_proof_points(points, HELPER, prog, D)]
    assert nobody_on_plans == ["Other, newest", "Other, older", "Training, not live"]


# -- thresholds --


def test_program_thresholds_defaults_and_limits() -> None:
    t = Thresholds()
    assert (t.touch_days, t.gap_warn_days, t.format_streak) == (30, 14, 3)
    assert {"touch_days", "gap_warn_days", "format_streak"} <= set(t.as_dict())
    assert Thresholds.from_mapping({"touch_days": 45}).touch_days == 45
    with pytest.raises(ValidationError) as err:
        Thresholds.from_mapping({"format_streak": 0, "gap_warn_days": 1.5})
    assert err.value.problems == [
        "gap_warn_days: 1.5 is not a whole number",
        "format_streak: 0 must be at least 1",
    ]
