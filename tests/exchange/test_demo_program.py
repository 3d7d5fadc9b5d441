"""The demo's CX program: every plan used, owners who come round, proof points, goals on updates."""

from __future__ import annotations

import datetime as dt
from functools import cache

from cxjournal.domain.model import Attitude, NoteKind, PlanRole, PlanStatus
from cxjournal.domain.program import current_attitude, quadrant, unshared_proof_points
from cxjournal.domain.program_view import program_view
from cxjournal.exchange.demo import _Story
from cxjournal.exchange.demo_program import DemoProgram, add_program

TODAY = dt.date(2026, 11, 22)


@cache
def story(years: int, seed: int = 1) -> tuple[DemoProgram, dt.date]:
    s = _Story(years, seed, TODAY, notes_per_day=None)
    s._audits()
    notes = s._notes()
    return add_program([m.person for m in s.members], notes, TODAY, s.start, seed), s.start


def test_deterministic_for_a_seed_and_different_for_another() -> None:
    s = _Story(3, 4, TODAY, notes_per_day=None)
    s._audits()
    notes = s._notes()
    people = [m.person for m in s.members]
    first = add_program(people, notes, TODAY, s.start, 4)
    again = add_program(people, notes, TODAY, s.start, 4)
    other = add_program(people, notes, TODAY, s.start, 5)
    assert first == again
    assert first.proof_points != other.proof_points


def test_all_eight_plans_have_an_owner_and_people_in_every_status() -> None:
    demo, _ = story(3)
    plans = demo.program.plans
    assert len(plans) == 8
    assert all(sum(m.role is PlanRole.OWNER for m in p.people) == 1 for p in plans)
    assert all(len(p.people) >= 2 for p in plans)
    assert {p.status for p in plans} == set(PlanStatus)
    assert demo.program.why and demo.program.kpi


def test_owners_move_from_skeptic_to_supporter_over_the_years() -> None:
    demo, start = story(10)
    early = start + dt.timedelta(days=365)
    came_round = []
    for plan in demo.program.plans:
        owner = next(m.person for m in plan.people if m.role is PlanRole.OWNER)
        notes = [n for n in demo.notes if n.person_id == owner.id]
        then, now = current_attitude(notes, early), current_attitude(notes, TODAY)
        if then in (Attitude.SKEPTIC, Attitude.RESISTOR) and now in (
            Attitude.SUPPORTER,
            Attitude.CHAMPION,
        ):
            came_round.append(owner.name)
    assert len(came_round) >= 2, came_round
    opposed_then = program_view(demo.program, demo.people, demo.notes, early).risks
    opposed_now = program_view(demo.program, demo.people, demo.notes, TODAY).risks
    assert sum(r.code.value == "owner_opposed" for r in opposed_then) > sum(
        r.code.value == "owner_opposed" for r in opposed_now
    )


def test_proof_points_are_dated_in_the_span_and_shared_after_they_happened() -> None:
    demo, start = story(3)
    assert len(demo.proof_points) >= 10
    assert {k for p in demo.proof_points for k in p.plans} == {p.kind for p in demo.program.plans}
    for point in demo.proof_points:
        assert start <= point.on <= TODAY
        assert all(point.on < s.on <= TODAY for s in point.shared)
    assert any(p.shared for p in demo.proof_points)
    owners = [
        m.person for plan in demo.program.plans for m in plan.people if m.role is PlanRole.OWNER
    ]
    to_show = [unshared_proof_points(demo.proof_points, o, demo.program, TODAY) for o in owners]
    assert sum(bool(points) for points in to_show) >= 5


def test_updates_carry_goals_formats_and_outcomes_and_check_ins_keep_unique_ids() -> None:
    demo, _ = story(3)
    with_goal = [n for n in demo.notes if n.goal is not None]
    assert len(with_goal) >= 50
    assert all(n.kind is not NoteKind.OBSERVATION and n.format_used for n in with_goal)
    assert len({n.outcome for n in with_goal}) == 4  # three outcomes and "not recorded"
    ids = [n.id for n in demo.notes]
    assert len(set(ids)) == len(ids)
    assert [n.on for n in demo.notes] == sorted(n.on for n in demo.notes)


def test_every_program_screen_has_content_today() -> None:
    demo, _ = story(3)
    view = program_view(demo.program, demo.people, demo.notes, TODAY)
    assert len({r.code for r in view.risks}) >= 5
    assert {g.quadrant for g in view.grid} == {
        quadrant(5, 5),
        quadrant(5, 1),
        quadrant(1, 5),
        quadrant(1, 1),
    }
    assert any(p.desired_attitude and p.move_plan for p in demo.people)
