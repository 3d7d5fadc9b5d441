"""The whole journal read for the export, in one snapshot and the export's order.

People by id, audits and notes by date then id, check-ins by date. Rows are
read as plain columns rather than ORM objects. A journal of any size is
written out without holding its notes: the notes and their follow-ups come
from two DB-API cursors walked side by side (date, then id), a few thousand
rows at a time, and become domain objects as they are consumed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from cxjournal.domain.model import (
    Attitude,
    Audit,
    ExitItem,
    ExitPlan,
    ExitStatus,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.ties import tie_indexes
from cxjournal.store.mapping import person_from_row
from cxjournal.store.models import (
    AuditRow,
    AuditTieRow,
    ExitItemRow,
    ExitPlanRow,
    PersonRow,
    RatingRow,
    SettingRow,
)
from cxjournal.store.records import (
    ASPECTS_RECORD,
    RATING,
    RATING_SCORE_COLUMNS,
    from_row,
    tags_from_json,
)
from cxjournal.store.resilience_store import check_ins_between

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "NOTE_FIELDS",
    "audits",
    "begin_snapshot",
    "check_ins",
    "exit_plan",
    "notes",
    "people",
    "settings",
]

#: (id, person_id, on_date, kind, text, attitude, tags JSON, goal, format_used, outcome,
#: follow-ups as (text, due or None, done) tuples)
NoteRecord = tuple[Any, ...]

_BATCH = 2000
_NOTES = (
    "SELECT id, person_id, on_date, kind, text, attitude, tags, goal, format_used, outcome "
    "FROM notes ORDER BY on_date, id"
)
_FOLLOW_UPS = (
    "SELECT f.note_id, f.text, f.due, f.done FROM follow_ups AS f "
    "JOIN notes AS n ON n.id = f.note_id ORDER BY n.on_date, n.id, f.position, f.id"
)


def _dbapi(session: Session) -> Any:
    return session.connection().connection.dbapi_connection


def begin_snapshot(session: Session) -> None:
    """Start the session's read transaction now, so every later read sees one snapshot
    (SQLite otherwise gives each statement its own, and a long export could mix two)."""
    connection = _dbapi(session)
    if not connection.in_transaction:
        connection.execute("BEGIN")


def _rows(connection: Any, sql: str) -> Iterator[tuple[Any, ...]]:
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(_BATCH):
            yield from batch
    finally:
        cursor.close()


def _note_records(session: Session) -> Iterator[NoteRecord]:
    """Every note with its follow-ups, by date then id, read as it is consumed."""
    connection = _dbapi(session)
    follow_ups = _rows(connection, _FOLLOW_UPS)
    pending = next(follow_ups, None)
    for row in _rows(connection, _NOTES):
        note_id = row[0]
        todo: list[tuple[str, str | None, bool]] = []
        while pending is not None and pending[0] == note_id:
            todo.append((pending[1], pending[2], bool(pending[3])))
            pending = next(follow_ups, None)
        yield (*row, tuple(todo))


def people(session: Session) -> list[Person]:
    """Every person (archived ones too), by id."""
    return [
        person_from_row(row) for row in session.scalars(select(PersonRow).order_by(PersonRow.id))
    ]


def settings(session: Session) -> dict[str, Any]:
    """Every setting, its JSON value decoded."""
    return {row.key: json.loads(row.value) for row in session.scalars(select(SettingRow))}


#: Distinct tag lists remembered while exporting (a bound, for journals of odd notes).
_TAG_CACHE = 10_000

#: The fields of a ``Note`` in the order :func:`notes` gives them (a test keeps it so).
NOTE_FIELDS = (
    "on",
    "text",
    "kind",
    "person_id",
    "attitude",
    "tags",
    "follow_ups",
    "id",
    "goal",
    "format_used",
    "outcome",
)


def audits(session: Session, people: Mapping[int, Person]) -> list[Audit]:
    """Every audit with its ratings and ties, by date then id."""
    ratings: dict[int, list[Rating]] = defaultdict(list)
    rating_rows = session.execute(
        select(
            RatingRow.audit_id,
            RatingRow.person_id,
            *(getattr(RatingRow, column) for column in RATING_SCORE_COLUMNS),
        ).order_by(RatingRow.audit_id, RatingRow.position, RatingRow.id)
    )
    split = len(RATING.fields)
    for audit_id, person_id, *scores in rating_rows:
        aspects = from_row(ASPECTS_RECORD, scores[split:])
        rating: Rating = from_row(
            RATING, (None, *scores[:split]), person=people[person_id], aspects=aspects
        )
        ratings[audit_id].append(rating)
    ties: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for audit_id, person_a, person_b in session.execute(
        select(AuditTieRow.audit_id, AuditTieRow.person_a, AuditTieRow.person_b)
    ):
        ties[audit_id].append((person_a, person_b))
    audit_rows = session.execute(
        select(
            AuditRow.id,
            AuditRow.taken_on,
            AuditRow.note,
            AuditRow.blocking_superior,
            AuditRow.blocking_superior_person_id,
            AuditRow.ties_recorded,
        ).order_by(AuditRow.taken_on, AuditRow.id)
    )
    return [
        Audit(
            taken_on=taken_on,
            ratings=tuple(ratings.get(audit_id, ())),
            note=note,
            blocking_superior=bool(blocking),
            blocking_superior_person=people[blocker] if blocker is not None else None,
            id=audit_id,
            ties=tie_indexes(
                [r.person.id or 0 for r in ratings.get(audit_id, ())], ties.get(audit_id, ())
            ),
            ties_recorded=bool(recorded),
        )
        for audit_id, taken_on, note, blocking, blocker, recorded in audit_rows
    ]


def notes(session: Session) -> Iterator[Note]:
    """Every note with its follow-ups, by date then id, read as it is consumed."""
    kinds = {kind.value: kind for kind in NoteKind}
    attitudes = {attitude.value: attitude for attitude in Attitude}
    goals = {goal.value: goal for goal in NoteGoal}
    formats = {used.value: used for used in FormatUsed}
    outcomes = {outcome.value: outcome for outcome in NoteOutcome}
    tags_of: dict[str, tuple[str, ...]] = {}  # tag lists repeat: decode each one once
    day = dt.date.fromisoformat
    for record in _note_records(session):
        note_id, person_id, on, kind, text, attitude, tags, goal, used, outcome, todo = record
        tagged = tags_of.get(tags)
        if tagged is None:
            tagged = tags_of[tags] = tags_from_json(tags)
            if len(tags_of) > _TAG_CACHE:
                tags_of.clear()
        # In NOTE_FIELDS order, given by position: a third of the time keywords take here.
        yield Note(
            day(on),
            text,
            kinds[kind],
            person_id,
            attitudes[attitude] if attitude else None,
            tagged,
            tuple(FollowUp(item, day(due) if due else None, done) for item, due, done in todo)
            if todo
            else (),
            note_id,
            goals[goal] if goal else None,
            formats[used] if used else None,
            outcomes[outcome] if outcome else None,
        )


def check_ins(session: Session) -> list[ResilienceEntry]:
    """Every check-in, by date."""
    return check_ins_between(session)


def exit_plan(session: Session) -> ExitPlan:
    """The exit plan with its items in order."""
    state = session.get(ExitPlanRow, 1)
    items = session.execute(
        select(ExitItemRow.text, ExitItemRow.done, ExitItemRow.due).order_by(
            ExitItemRow.position, ExitItemRow.id
        )
    )
    return ExitPlan(
        status=ExitStatus(state.status) if state else ExitStatus.INACTIVE,
        items=tuple(
            ExitItem(text, bool(done), due, position)
            for position, (text, done, due) in enumerate(items)
        ),
    )
