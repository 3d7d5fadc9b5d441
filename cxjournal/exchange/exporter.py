"""The whole journal as an exchange-format v2 document (spec/journal-format.md).

Everything is read in one transaction, so the file is a consistent snapshot
even while the app is writing. Records come out in a stable order (people by
id, audits and notes by date then id, check-ins by date), which is also the
order an import writes them in: export, import into an empty journal and
export again gives the same document apart from ids and ``exported_at``.

Rows are read with plain SQL expressions rather than ORM objects: a ten-year
journal exports well under a second.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from cxjournal.exchange.format_write import dump, to_json_text
from cxjournal.journal.settings import THRESHOLDS_KEY
from cxjournal.store.agenda_store import read_agenda
from cxjournal.store.mapping import (
    RESILIENCE_COLUMNS,
    person_from_row,
    resilience_from_columns,
    tags_from_json,
)
from cxjournal.store.models import (
    AuditRow,
    AuditTieRow,
    ExitItemRow,
    ExitPlanRow,
    FollowUpRow,
    NoteRow,
    PersonRow,
    RatingRow,
    ResilienceRow,
    SettingRow,
)
from cxjournal.store.program_store import read_program, read_proof_points

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal import Journal


def export_document(journal: Journal, now: dt.datetime | None = None) -> dict[str, Any]:
    """The journal as a format v2 document (a JSON-ready dict)."""
    exported_at = now or dt.datetime.now(dt.UTC)
    with journal.session() as session:
        people = [
            person_from_row(row)
            for row in session.scalars(select(PersonRow).order_by(PersonRow.id))
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
        )


def export_text(journal: Journal, now: dt.datetime | None = None) -> str:
    return to_json_text(export_document(journal, now))


def export_to_file(journal: Journal, path: Path, now: dt.datetime | None = None) -> int:
    """Write the journal to ``path`` atomically; returns the file's size in bytes."""
    data = export_text(journal, now).encode("utf-8")
    atomic.write_bytes(Path(path), data)
    return len(data)


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


def _notes(session: Session) -> list[Note]:
    follow_ups: dict[int, list[FollowUp]] = defaultdict(list)
    for note_id, text, due, done in session.execute(
        select(FollowUpRow.note_id, FollowUpRow.text, FollowUpRow.due, FollowUpRow.done).order_by(
            FollowUpRow.note_id, FollowUpRow.position, FollowUpRow.id
        )
    ):
        follow_ups[note_id].append(FollowUp(text, due, bool(done)))
    rows = session.execute(
        select(
            NoteRow.id,
            NoteRow.person_id,
            NoteRow.on_date,
            NoteRow.kind,
            NoteRow.text,
            NoteRow.attitude,
            NoteRow.tags,
            NoteRow.goal,
            NoteRow.format_used,
            NoteRow.outcome,
        ).order_by(NoteRow.on_date, NoteRow.id)
    )
    return [
        Note(
            on=on,
            text=text,
            kind=NoteKind(kind),
            person_id=person_id,
            attitude=Attitude(attitude) if attitude else None,
            tags=tags_from_json(tags),
            follow_ups=tuple(follow_ups.get(note_id, ())),
            id=note_id,
            goal=NoteGoal(goal) if goal else None,
            format_used=FormatUsed(format_used) if format_used else None,
            outcome=NoteOutcome(outcome) if outcome else None,
        )
        for note_id, person_id, on, kind, text, attitude, tags, goal, format_used, outcome in rows
    ]


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
