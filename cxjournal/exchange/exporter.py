"""The whole journal as an exchange-format v2 document (spec/journal-format.md).

Everything is read in one transaction, so the file is a consistent snapshot
even while the app is writing. Records come out in a stable order (people by
id, audits and notes by date then id, check-ins by date), which is also the
order an import writes them in: export, import into an empty journal and
export again gives the same document apart from ids and ``exported_at``.

Rows are read with plain SQL expressions rather than ORM objects, and the
notes are streamed (:mod:`cxjournal.store.export_rows`): :func:`write_export`
writes a journal of any size in about the same memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import select

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    ASPECTS,
    Aspects,
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
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.ties import tie_indexes
from cxjournal.exchange import atomic
from cxjournal.exchange.format_write import dump, iter_json_text
from cxjournal.journal.settings import THRESHOLDS_KEY
from cxjournal.store.agenda_store import read_agenda
from cxjournal.store.export_rows import begin_snapshot, note_records
from cxjournal.store.mapping import (
    RESILIENCE_COLUMNS,
    person_from_row,
    resilience_from_columns,
)
from cxjournal.store.models import (
    AuditRow,
    AuditTieRow,
    ExitItemRow,
    ExitPlanRow,
    PersonRow,
    RatingRow,
    ResilienceRow,
    SettingRow,
)
from cxjournal.store.program_store import read_program, read_proof_points
from cxjournal.store.records import tags_from_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal import Journal

#: Text gathered before each write to the file (characters).
_CHUNK = 1 << 20
#: Distinct tag lists remembered while exporting (a bound, for journals of odd notes).
_TAG_CACHE = 10_000


def export_document(journal: Journal, now: dt.datetime | None = None) -> dict[str, Any]:
    """The journal as a format v2 document (a JSON-ready dict, every note in it)."""
    with journal.session() as session:
        return _document(session, now, lazy=False)


def write_export(journal: Journal, handle: BinaryIO, now: dt.datetime | None = None) -> int:
    """Write the journal's file text to ``handle`` as it is read; returns the bytes written.

    The notes are streamed from the store, so a journal of any size is written in
    about the same memory; the text is exactly :func:`export_text`'s.
    """
    written = 0
    pending: list[str] = []
    size = 0
    with journal.session() as session:
        for piece in iter_json_text(_document(session, now)):
            pending.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                written += handle.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
    written += handle.write("".join(pending).encode("utf-8"))
    return written


def export_text(journal: Journal, now: dt.datetime | None = None) -> str:
    with journal.session() as session:
        return "".join(iter_json_text(_document(session, now)))


def export_to_file(journal: Journal, path: Path, now: dt.datetime | None = None) -> int:
    """Write the journal to ``path`` atomically; returns the file's size in bytes."""
    with atomic.atomic_output(Path(path)) as handle:
        return write_export(journal, handle, now)


def _document(session: Session, now: dt.datetime | None, lazy: bool = True) -> dict[str, Any]:
    """The document; when ``lazy``, its notes are an iterator over the store, to be read
    inside ``session``, as :func:`~cxjournal.exchange.format_write.iter_json_text` does."""
    exported_at = now or dt.datetime.now(dt.UTC)
    begin_snapshot(session)
    people = [
        person_from_row(row) for row in session.scalars(select(PersonRow).order_by(PersonRow.id))
    ]
    by_id = {person.id: person for person in people if person.id is not None}
    settings = {row.key: json.loads(row.value) for row in session.scalars(select(SettingRow))}
    stored = settings.pop(THRESHOLDS_KEY, None)
    return dump(
        people=people,
        audits=_audits(session, by_id),
        notes=_notes(session),
        resilience=_resilience(session),
        exit_plan=_exit_plan(session),
        thresholds=_thresholds(stored),
        settings=settings,
        exported_at=exported_at,
        program=read_program(session, by_id),
        proof_points=read_proof_points(session, by_id),
        agenda=read_agenda(session, by_id),
        lazy_notes=lazy,
    )


def _thresholds(stored: Any) -> Thresholds:
    try:
        return Thresholds.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return Thresholds()


def _audits(session: Session, people: dict[int, Person]) -> list[Audit]:
    ratings: dict[int, list[Rating]] = defaultdict(list)
    rating_rows = session.execute(
        select(
            RatingRow.audit_id,
            RatingRow.person_id,
            RatingRow.value,
            RatingRow.irreplaceability,
            RatingRow.my_value,
            RatingRow.my_irreplaceability,
            *(getattr(RatingRow, name) for name in ASPECTS),
        ).order_by(RatingRow.audit_id, RatingRow.position, RatingRow.id)
    )
    for audit_id, person_id, value, irr, my_value, my_irr, *aspects in rating_rows:
        ratings[audit_id].append(
            Rating(people[person_id], value, irr, my_value, my_irr, Aspects(*aspects))
        )
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


def _notes(session: Session) -> Iterator[Note]:
    kinds = {kind.value: kind for kind in NoteKind}
    attitudes = {attitude.value: attitude for attitude in Attitude}
    goals = {goal.value: goal for goal in NoteGoal}
    formats = {used.value: used for used in FormatUsed}
    outcomes = {outcome.value: outcome for outcome in NoteOutcome}
    tags_of: dict[str, tuple[str, ...]] = {}  # tag lists repeat: decode each one once
    day = dt.date.fromisoformat
    for record in note_records(session):
        note_id, person_id, on, kind, text, attitude, tags, goal, used, outcome, todo = record
        tagged = tags_of.get(tags)
        if tagged is None:
            tagged = tags_of[tags] = tags_from_json(tags)
            if len(tags_of) > _TAG_CACHE:
                tags_of.clear()
        yield Note(
            on=day(on),
            text=text,
            kind=kinds[kind],
            person_id=person_id,
            attitude=attitudes[attitude] if attitude else None,
            tags=tagged,
            follow_ups=tuple(
                FollowUp(item, day(due) if due else None, done) for item, due, done in todo
            ),
            id=note_id,
            goal=goals[goal] if goal else None,
            format_used=formats[used] if used else None,
            outcome=outcomes[outcome] if outcome else None,
        )


def _resilience(session: Session) -> list[ResilienceEntry]:
    query = select(*RESILIENCE_COLUMNS).order_by(ResilienceRow.on_date)
    return [resilience_from_columns(row) for row in session.execute(query)]


def _exit_plan(session: Session) -> ExitPlan:
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
