"""Reading the sections and keys that exchange format version 2 adds.

Audit ties, the program with its plans, proof points, the agenda and the
user's own addresses (``settings.my_emails``). Each reader collects every
problem with its JSON path on the :class:`FieldReader` it is given and returns
usable values even after a problem, like the version 1 readers in
:mod:`cxjournal.exchange.format_read`.

Conventions where the spec leaves room:

* ``audits[].ties_recorded`` absent or null with ties means true; an explicit
  ``false`` with ties is refused (the file contradicts itself);
* a plan member without ``role`` is a ``contributor``; ``program.plans`` may
  list any of the eight kinds, in any order, each at most once; the ones it
  leaves out are ``not_started`` with no people;
* a proof point needs ``on`` and a non-empty ``title``; its ``plans`` name each
  kind at most once and its ``shared`` each (person, date) at most once;
* an agenda item needs ``person``, non-empty ``text`` and ``added_on``;
  ``done_on`` may not be before ``added_on``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from cxjournal.domain.model import (
    PLAN_KINDS,
    AgendaItem,
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
from cxjournal.exchange.format_fields import PLACEHOLDER_DATE, FieldReader
from cxjournal.exchange.format_file import show_value

_PLACEHOLDER_PERSON = Person(name="?")


@dataclass(frozen=True, slots=True)
class DocProgram:
    """The file's program: members are the :class:`Person` objects of the document.

    ``member_file_ids[i][k]`` is the file id of ``program.plans[i].people[k]``.
    """

    program: Program
    member_file_ids: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class DocProofPoint:
    """A proof point of the file; ``share_file_ids[k]`` is the person of ``shared[k]``."""

    file_id: str | None
    point: ProofPoint
    share_file_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocAgendaItem:
    """A talking point of the file, about the person ``person_file_id``."""

    file_id: str | None
    item: AgendaItem
    person_file_id: str


def with_v2_people(
    program: DocProgram | None,
    proof_points: tuple[DocProofPoint, ...],
    agenda: tuple[DocAgendaItem, ...],
    people: Mapping[str, Person],
) -> tuple[DocProgram | None, tuple[DocProofPoint, ...], tuple[DocAgendaItem, ...]]:
    """The v2 records with their people replaced by ``people[file id]`` (store ids given)."""
    if program is not None:
        plans = tuple(
            replace(
                plan,
                people=tuple(
                    replace(member, person=people[fid])
                    for member, fid in zip(plan.people, fids, strict=True)
                ),
            )
            for plan, fids in zip(program.program.plans, program.member_file_ids, strict=True)
        )
        program = replace(program, program=replace(program.program, plans=plans))
    points = tuple(
        replace(
            p,
            point=replace(
                p.point,
                shared=tuple(
                    replace(share, person=people[fid])
                    for share, fid in zip(p.point.shared, p.share_file_ids, strict=True)
                ),
            ),
        )
        for p in proof_points
    )
    items = tuple(replace(a, item=replace(a.item, person=people[a.person_file_id])) for a in agenda)
    return program, points, items


# --- audits ---------------------------------------------------------------------------


def read_ties(
    r: FieldReader, audit: dict[str, Any], path: str, rated: Mapping[str, int]
) -> tuple[tuple[tuple[int, int], ...], bool]:
    """An audit's ties as sorted rating-index pairs, and its ``ties_recorded`` flag.

    ``rated`` maps the file id of each person rated in this audit to the index
    of their rating.
    """
    raw = audit.get("ties")
    pairs: set[tuple[int, int]] = set()
    tpath = f"{path}.ties"
    if raw is not None and not isinstance(raw, list):
        r.bad(tpath, f"must be a list of pairs of person ids, not {show_value(raw)}")
        raw = None
    seen: dict[tuple[int, int], str] = {}
    for index, pair in enumerate(raw or []):
        ipath = f"{tpath}[{index}]"
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            r.bad(ipath, f"must be a pair of person ids, not {show_value(pair)}")
            continue
        a, b = pair
        ends: list[int] = []
        for end, person_id in enumerate((a, b)):
            if person_id not in rated:
                r.bad(f"{ipath}[{end}]", f"{show_value(person_id)} is not rated in this audit")
            else:
                ends.append(rated[person_id])
        if len(ends) < 2:
            continue
        if a == b:
            r.bad(ipath, f"ties {show_value(a)} to themselves")
            continue
        key = (min(ends), max(ends))
        if key in seen:
            r.bad(ipath, f"this pair is already listed ({seen[key]})")
            continue
        seen[key] = ipath
        pairs.add(key)
    recorded_raw = audit.get("ties_recorded")
    recorded = r.flag(audit, "ties_recorded", path, False)
    if raw and recorded_raw is False:
        r.bad(f"{path}.ties_recorded", "must be true when the audit lists ties")
    return tuple(sorted(pairs)), recorded or bool(raw)


# --- program ----------------------------------------------------------------------------


def read_program(
    r: FieldReader, data: dict[str, Any], people: Mapping[str, Person]
) -> DocProgram | None:
    raw = data.get("program")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.bad("program", f"must be an object, not {show_value(raw)}")
        return None
    plans: dict[PlanKind, tuple[Plan, tuple[str, ...]]] = {}
    first: dict[PlanKind, str] = {}
    for path, o in r.objects(raw, "plans", "program"):
        kind = r.choice(o, "kind", path, PlanKind, None)
        if kind is None and o.get("kind") is None:
            r.bad(f"{path}.kind", "is required")
        plan, member_ids = _read_plan(r, o, path, kind or PlanKind.GOVERNANCE, people)
        if kind is None:
            continue
        if kind in first:
            r.bad(f"{path}.kind", f"{kind.value} is listed twice (also {first[kind]})")
            continue
        first[kind] = path
        plans[kind] = (plan, member_ids)
    ordered = [plans.get(kind, (Plan(kind), ())) for kind in PLAN_KINDS]
    program = Program(
        why=r.text(raw, "why", "program"),
        kpi=r.text(raw, "kpi", "program"),
        plans=tuple(plan for plan, _ in ordered),
    )
    return DocProgram(program, tuple(ids for _, ids in ordered))


def _read_plan(
    r: FieldReader, o: dict[str, Any], path: str, kind: PlanKind, people: Mapping[str, Person]
) -> tuple[Plan, tuple[str, ...]]:
    members: list[PlanMember] = []
    member_ids: list[str] = []
    on_plan: dict[str, str] = {}
    owner: str | None = None
    for mpath, mo in r.objects(o, "people", path):
        person_id = r.ref(mo, "person", mpath, people, required=True)
        role = r.choice(mo, "role", mpath, PlanRole, PlanRole.CONTRIBUTOR)
        if person_id is None:
            continue
        if person_id in on_plan:
            r.bad(
                f"{mpath}.person",
                f"{show_value(person_id)} is on this plan twice (also {on_plan[person_id]})",
            )
            continue
        if role == PlanRole.OWNER:
            if owner is not None:
                r.bad(f"{mpath}.role", f"a plan has at most one owner (already {owner})")
                continue
            owner = mpath
        on_plan[person_id] = mpath
        members.append(PlanMember(people[person_id], role))
        member_ids.append(person_id)
    plan = Plan(
        kind=kind,
        status=r.choice(o, "status", path, PlanStatus, PlanStatus.NOT_STARTED),
        summary=r.text(o, "summary", path),
        next_step=r.text(o, "next_step", path),
        due=r.date(o, "due", path, required=False),
        people=tuple(members),
    )
    return plan, tuple(member_ids)


# --- proof points -----------------------------------------------------------------------


def read_proof_points(
    r: FieldReader, data: dict[str, Any], people: Mapping[str, Person]
) -> list[DocProofPoint]:
    points: list[DocProofPoint] = []
    seen: set[str] = set()
    for path, o in r.objects(data, "proof_points", ""):
        file_id = r.file_id(o, path, seen, required=False)
        shares: list[ProofShare] = []
        share_ids: list[str] = []
        shared: dict[tuple[str, dt.date], str] = {}
        for spath, so in r.objects(o, "shared", path):
            person_id = r.ref(so, "person", spath, people, required=True)
            on = r.date(so, "on", spath, required=True)
            if person_id is None or on is None:
                continue
            if (person_id, on) in shared:
                r.bad(spath, f"the same share is listed twice (also {shared[(person_id, on)]})")
                continue
            shared[(person_id, on)] = spath
            shares.append(ProofShare(people[person_id], on))
            share_ids.append(person_id)
        point = ProofPoint(
            on=r.date(o, "on", path, required=True) or PLACEHOLDER_DATE,
            title=r.nonblank(o, "title", path),
            metric=r.text(o, "metric", path),
            baseline=r.finite(o, "baseline", path),
            result=r.finite(o, "result", path),
            unit=r.text(o, "unit", path),
            value=r.finite(o, "value", path),
            currency=r.text(o, "currency", path),
            story=r.text(o, "story", path),
            plans=_read_plan_kinds(r, o, path),
            shared=tuple(shares),
        )
        points.append(DocProofPoint(file_id, point, tuple(share_ids)))
    return points


def _read_plan_kinds(r: FieldReader, o: dict[str, Any], path: str) -> tuple[PlanKind, ...]:
    raw = o.get("plans")
    if raw is None:
        return ()
    ppath = f"{path}.plans"
    if not isinstance(raw, list):
        r.bad(ppath, f"must be a list of plan kinds, not {show_value(raw)}")
        return ()
    allowed = [kind.value for kind in PLAN_KINDS]
    kinds: list[PlanKind] = []
    for index, value in enumerate(raw):
        ipath = f"{ppath}[{index}]"
        if not isinstance(value, str) or value not in allowed:
            r.bad(ipath, f"{show_value(value)} is not one of {', '.join(allowed)}")
        elif PlanKind(value) in kinds:
            r.bad(ipath, f"{value} is listed twice")
        else:
            kinds.append(PlanKind(value))
    return tuple(kind for kind in PLAN_KINDS if kind in kinds)


# --- agenda -------------------------------------------------------------------------------


def read_agenda(
    r: FieldReader, data: dict[str, Any], people: Mapping[str, Person]
) -> list[DocAgendaItem]:
    items: list[DocAgendaItem] = []
    seen: set[str] = set()
    for path, o in r.objects(data, "agenda", ""):
        file_id = r.file_id(o, path, seen, required=False)
        person_id = r.ref(o, "person", path, people, required=True)
        added_on = r.date(o, "added_on", path, required=True)
        done_on = r.date(o, "done_on", path, required=False)
        if added_on is not None and done_on is not None and done_on < added_on:
            r.bad(
                f"{path}.done_on",
                f"{done_on.isoformat()} is before added_on ({added_on.isoformat()})",
            )
        item = AgendaItem(
            person=people.get(person_id or "", _PLACEHOLDER_PERSON),
            text=r.nonblank(o, "text", path),
            added_on=added_on or PLACEHOLDER_DATE,
            done_on=done_on,
        )
        items.append(DocAgendaItem(file_id, item, person_id or "?"))
    return items


# --- settings -----------------------------------------------------------------------------


def read_my_emails(r: FieldReader, settings: dict[str, Any]) -> tuple[str, ...] | None:
    """``settings.my_emails`` (addresses, each once, trimmed); None when absent."""
    if settings.get("my_emails") is None:
        return None
    return r.emails(settings, "my_emails", "settings")
