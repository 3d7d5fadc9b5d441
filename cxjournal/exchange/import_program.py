"""Merging the file's program, proof points and agenda into the journal (format v2).

Runs inside the import's transaction, after people have their store ids. The
rules (also in the user docs, docs/exchange-format.md):

* **program**: the why, the measure and each plan's status, summary, next
  step and due date: a value still at its default in the journal (empty,
  ``not_started``, no date) takes the file's; with ``replace`` every value the
  file sets wins. Plan people: the journal's stay; the file's people not on
  the plan yet join it after them, in the file's role, except that an owner
  joins as a contributor when the plan already has an owner. With
  ``replace`` the file's role wins for people on both sides, and the file's
  owner displaces the journal's, who stays on as a contributor.
* **proof points** match by content (date, title, metric, numbers, unit,
  currency, story, plans); a matched one gains the file's shares it lacks.
* **talking points** match by person, text and date added; a matched open one
  takes the file's ``done_on`` (with ``replace`` the file's ``done_on`` wins
  either way).

Each rule leaves a second import of the same file with nothing to do.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import (
    AgendaItem,
    Person,
    Plan,
    PlanMember,
    PlanRole,
    PlanStatus,
    Program,
    ProofPoint,
)
from cxjournal.store.agenda_store import read_agenda, save_agenda_item
from cxjournal.store.import_writes import people_by_id
from cxjournal.store.program_store import (
    add_proof_share,
    read_program,
    read_proof_points,
    save_proof_point,
    write_plan,
    write_program,
)

if TYPE_CHECKING:
    from cxjournal.exchange.format_read import Document
    from cxjournal.store.session import Session


def merge_program_records(
    session: Session, doc: Document, replace_values: bool, counts: dict[str, Any]
) -> None:
    """Merge ``doc`` (people already given store ids) and add the counts to ``counts``."""
    people = people_by_id(session)
    counts["program_changed"] = (
        _merge_program(session, doc.program.program, people, replace_values)
        if doc.program is not None
        else 0
    )
    _merge_proof_points(session, [p.point for p in doc.proof_points], people, counts)
    _merge_agenda(session, [a.item for a in doc.agenda], people, replace_values, counts)


# --- program -----------------------------------------------------------------------------


def _merge_program(
    session: Session, incoming: Program, people: dict[int, Person], replace_values: bool
) -> int:
    """Merge the program; returns how many parts (why, measure, plans) changed."""
    current = read_program(session, people)
    changed = 0
    why = _pick(current.why, incoming.why, "", replace_values)
    kpi = _pick(current.kpi, incoming.kpi, "", replace_values)
    if (why, kpi) != (current.why, current.kpi):
        changed += int(why != current.why) + int(kpi != current.kpi)
        write_program(session, Program(why=why, kpi=kpi, plans=()))
    by_kind = {plan.kind: plan for plan in incoming.plans}
    for plan in current.plans:
        theirs = by_kind.get(plan.kind)
        if theirs is None:
            continue
        merged = _merge_plan(plan, theirs, replace_values)
        if merged != plan:
            write_plan(session, merged)
            changed += 1
    return changed


def _pick(mine: Any, theirs: Any, default: Any, replace_values: bool) -> Any:
    if theirs == default:
        return mine
    if mine == default or replace_values:
        return theirs
    return mine


def _merge_plan(mine: Plan, theirs: Plan, replace_values: bool) -> Plan:
    members = list(mine.people)
    index = {member.person.id: n for n, member in enumerate(members)}
    for member in theirs.people:
        position = index.get(member.person.id)
        role = member.role
        owner = next((n for n, m in enumerate(members) if m.role == PlanRole.OWNER), None)
        if position is not None:
            if not replace_values or members[position].role == role:
                continue
            if role == PlanRole.OWNER and owner is not None:
                members[owner] = replace(members[owner], role=PlanRole.CONTRIBUTOR)
            members[position] = replace(members[position], role=role)
            continue
        if role == PlanRole.OWNER and owner is not None:
            if replace_values:
                members[owner] = replace(members[owner], role=PlanRole.CONTRIBUTOR)
            else:
                role = PlanRole.CONTRIBUTOR
        index[member.person.id] = len(members)
        members.append(PlanMember(member.person, role))
    return Plan(
        kind=mine.kind,
        status=_pick(mine.status, theirs.status, PlanStatus.NOT_STARTED, replace_values),
        summary=_pick(mine.summary, theirs.summary, "", replace_values),
        next_step=_pick(mine.next_step, theirs.next_step, "", replace_values),
        due=_pick(mine.due, theirs.due, None, replace_values),
        people=tuple(members),
    )


# --- proof points ------------------------------------------------------------------------


def _proof_key(point: ProofPoint) -> Hashable:
    return (
        point.on,
        point.title.strip(),
        point.metric,
        point.baseline,
        point.result,
        point.unit,
        point.value,
        point.currency,
        point.story,
        tuple(sorted(point.plans)),
    )


def _merge_proof_points(
    session: Session,
    incoming: list[ProofPoint],
    people: dict[int, Person],
    counts: dict[str, Any],
) -> None:
    existing: dict[Hashable, list[ProofPoint]] = {}
    for point in read_proof_points(session, people):
        existing.setdefault(_proof_key(point), []).append(point)
    used: dict[Hashable, int] = {}
    added = skipped = shares = 0
    for point in incoming:
        key = _proof_key(point)
        n = used.get(key, 0)
        used[key] = n + 1
        matches = existing.get(key, [])
        if n >= len(matches):
            save_proof_point(session, replace(point, id=None))
            added += 1
            continue
        skipped += 1
        match = matches[n]
        for share in point.shared:
            if match.id is not None and share.person.id is not None:
                shares += add_proof_share(session, match.id, share.person.id, share.on)
    counts.update(proof_points_added=added, proof_points_skipped=skipped, proof_shares_added=shares)


# --- agenda ------------------------------------------------------------------------------


def _merge_agenda(
    session: Session,
    incoming: list[AgendaItem],
    people: dict[int, Person],
    replace_values: bool,
    counts: dict[str, Any],
) -> None:
    existing: dict[Hashable, list[AgendaItem]] = {}
    for item in read_agenda(session, people):
        existing.setdefault((item.person.id, item.text.strip(), item.added_on), []).append(item)
    used: dict[Hashable, int] = {}
    added = updated = skipped = 0
    for item in incoming:
        key = (item.person.id, item.text.strip(), item.added_on)
        n = used.get(key, 0)
        used[key] = n + 1
        matches = existing.get(key, [])
        if n >= len(matches):
            save_agenda_item(session, replace(item, id=None))
            added += 1
            continue
        match = matches[n]
        done_on = _pick(match.done_on, item.done_on, None, replace_values)
        if done_on == match.done_on:
            skipped += 1
        else:
            save_agenda_item(session, replace(match, done_on=done_on))
            updated += 1
    counts.update(agenda_added=added, agenda_updated=updated, agenda_skipped=skipped)
