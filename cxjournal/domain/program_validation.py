"""Input checks for the program and proof points: each returns every problem found.

Messages name the field and the problem in plain words, as
:mod:`cxjournal.domain.validation` does for the other records.
"""

from __future__ import annotations

import math
from collections import Counter

from cxjournal.domain.model import (
    NAME_MAX,
    PLAN_KINDS,
    PlanRole,
    Program,
    ProofPoint,
)
from cxjournal.domain.program_wording import PLAN_TITLES

TITLE_MAX = NAME_MAX


def program_problems(program: Program) -> list[str]:
    problems: list[str] = []
    kinds = [plan.kind for plan in program.plans]
    if sorted(kinds, key=PLAN_KINDS.index) != list(PLAN_KINDS):
        problems.append("plans: the program holds each of the eight plans exactly once")
    for plan in program.plans:
        label = f"plans.{plan.kind.value}"
        owners = [m for m in plan.people if m.role is PlanRole.OWNER]
        if len(owners) > 1:
            names = " and ".join(m.person.name for m in owners)
            problems.append(
                f"{label}: {PLAN_TITLES[plan.kind]} can have one owner, not {len(owners)} ({names})"
            )
        ids = Counter(m.person.id for m in plan.people)
        for member in plan.people:
            if member.person.id is None:
                problems.append(f"{label}: {member.person.name} has not been saved yet")
            elif ids[member.person.id] > 1:
                problems.append(
                    f"{label}: {member.person.name} is on {PLAN_TITLES[plan.kind]} more than once"
                )
                ids[member.person.id] = 1  # say it once
    return problems


def proof_point_problems(proof: ProofPoint) -> list[str]:
    problems: list[str] = []
    title = proof.title.strip()
    if not 1 <= len(title) <= TITLE_MAX:
        problems.append(f"title: must be 1-{TITLE_MAX} characters (not counting spaces around it)")
    for name in ("baseline", "result", "value"):
        number = getattr(proof, name)
        if number is not None and (
            isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not math.isfinite(number)
        ):
            problems.append(f"{name}: {number!r} is not a number")
    if len(set(proof.plans)) != len(proof.plans):
        problems.append("plans: a plan is listed more than once")
    seen: set[tuple[int | None, object]] = set()
    for share in proof.shared:
        key = (share.person.id, share.on)
        if share.person.id is None:
            problems.append(f"shared: {share.person.name} has not been saved yet")
        elif key in seen:
            problems.append(f"shared: {share.person.name} is listed twice on {share.on}")
        seen.add(key)
    return problems
