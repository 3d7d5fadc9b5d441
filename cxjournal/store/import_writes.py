"""What the imports read and write, in the import's one transaction.

The exchange-format import (:mod:`cxjournal.exchange.import_merge`) decides what
is new; these functions answer its questions about what the journal holds and
write its rows with bulk INSERTs and explicit ids (the next free ones, inside
the write transaction), without ORM objects, so a ten-year journal imports in
about a second. Tables are named as in the schema (``"people"``, ``"notes"`` ...).
The imports from other tools (:mod:`cxjournal.exchange.imports.merge`) add
people, notes and check-ins as domain objects (the last section).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, insert, select, update

from cxjournal.domain.model import Note, Person, ResilienceEntry
from cxjournal.store.mapping import RESILIENCE_COLUMNS, apply_note, apply_person, apply_resilience
from cxjournal.store.models import (
    AuditRow,
    AuditTieRow,
    Base,
    ExitItemRow,
    ExitPlanRow,
    FollowUpRow,
    NoteRow,
    PersonEmailRow,
    PersonRow,
    RatingRow,
    ResilienceRow,
    SettingRow,
)
from cxjournal.store.orm_reads import people_by_id
from cxjournal.store.records import NOTE, RATING_SCORE_COLUMNS, day

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "add_check_in",
    "add_note",
    "audit_heads",
    "check_in_dates",
    "check_in_rows",
    "exit_items",
    "exit_status",
    "follow_up_rows",
    "insert_rows",
    "insert_values",
    "latest_audit",
    "next_id",
    "note_rows",
    "note_texts_of",
    "people_by_id",
    "person_emails",
    "person_names",
    "rating_rows",
    "save_people",
    "set_exit_status",
    "setting_text",
    "tie_pairs",
    "unassigned_notes",
    "update_rows",
    "write_setting",
]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def next_id(session: Session, table: str) -> int:
    """The first id above every row of ``table``."""
    column = _table(table).c.id
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def insert_rows(session: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """One bulk INSERT of ``rows`` (column -> value) into ``table``; nothing when empty."""
    if rows:
        session.execute(insert(_table(table)), list(rows))


def insert_values(
    session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """One executemany of ``rows`` into ``table``: each a value per column of ``columns``,
    as the DB-API takes it (``records.plain_values``: dates as ISO text); nothing when
    empty. For the large imports: no SQLAlchemy types or dicts per row."""
    if not rows:
        return
    known = _table(table).c
    unknown = [column for column in columns if column not in known]
    if unknown:
        raise ValueError(f"{table} has no columns {unknown}")
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    session.connection().exec_driver_sql(sql, list(rows))


def update_rows(session: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Give each row of ``table`` whose ``id`` is ``row["id"]`` the row's other values."""
    target = _table(table)
    for row in rows:
        values = {key: value for key, value in row.items() if key != "id"}
        session.execute(update(target).where(target.c.id == row["id"]).values(values))


# --- people ---------------------------------------------------------------------------


def person_names(session: Session) -> Iterator[Any]:
    """(id, name) of every person, by id."""
    yield from session.execute(select(PersonRow.id, PersonRow.name).order_by(PersonRow.id))


def person_emails(session: Session) -> Iterator[Any]:
    """(person id, address) of every address, each person's in their order."""
    yield from session.execute(
        select(PersonEmailRow.person_id, PersonEmailRow.email).order_by(
            PersonEmailRow.person_id, PersonEmailRow.position, PersonEmailRow.id
        )
    )


# --- audits ---------------------------------------------------------------------------


def rating_rows(session: Session) -> Iterator[Any]:
    """(audit id, person id, the scores and aspects of ``RATING_SCORE_COLUMNS``) of every rating."""
    yield from session.execute(
        select(
            RatingRow.audit_id,
            RatingRow.person_id,
            *(getattr(RatingRow, column) for column in RATING_SCORE_COLUMNS),
        )
    )


def tie_pairs(session: Session) -> Iterator[Any]:
    """(audit id, person a, person b) of every tie."""
    yield from session.execute(
        select(AuditTieRow.audit_id, AuditTieRow.person_a, AuditTieRow.person_b)
    )


def audit_heads(session: Session) -> Iterator[Any]:
    """(id, taken on, note, blocking flag, blocking person id, ties recorded) of every audit."""
    yield from session.execute(
        select(
            AuditRow.id,
            AuditRow.taken_on,
            AuditRow.note,
            AuditRow.blocking_superior,
            AuditRow.blocking_superior_person_id,
            AuditRow.ties_recorded,
        )
    )


def latest_audit(session: Session) -> tuple[int, bool] | None:
    """The latest audit's id and blocking flag (a tie on the date: the one made last)."""
    found = session.execute(
        select(AuditRow.id, AuditRow.blocking_superior)
        .order_by(AuditRow.taken_on.desc(), AuditRow.id.desc())
        .limit(1)
    ).first()
    return None if found is None else (int(found[0]), bool(found[1]))


# --- notes and check-ins --------------------------------------------------------------


def _iso(value: Any) -> Any:
    return None if value is None else day(value).isoformat()


def follow_up_rows(session: Session) -> Iterator[tuple[Any, ...]]:
    """(note id, text, due as ISO text, done) of every follow-up, each note's in their order."""
    found = session.execute(
        select(FollowUpRow.note_id, FollowUpRow.text, FollowUpRow.due, FollowUpRow.done).order_by(
            FollowUpRow.note_id, FollowUpRow.position, FollowUpRow.id
        )
    )
    for note_id, text, due, done in found:
        yield note_id, text, _iso(due), done


#: Where the dates are among a note row of :func:`note_rows` (after its id).
_NOTE_DATES = [at for at, f in enumerate(NOTE.stored, start=1) if f.kind == "date"]


def note_rows(session: Session) -> Iterator[tuple[Any, ...]]:
    """(id, then the stored columns of ``records.NOTE`` in its order) of every note, as
    ``records.plain_values`` gives them (dates as ISO text)."""
    found = session.execute(
        select(NoteRow.id, *(getattr(NoteRow, f.column) for f in NOTE.stored if f.column))
    )
    for row in found:
        values = list(row)
        for at in _NOTE_DATES:
            values[at] = _iso(values[at])
        yield tuple(values)


def check_in_rows(session: Session) -> Iterator[Any]:
    """Every check-in as the columns of :data:`cxjournal.store.mapping.RESILIENCE_COLUMNS`."""
    yield from session.execute(select(*RESILIENCE_COLUMNS))


# --- exit plan and settings -----------------------------------------------------------


def exit_status(session: Session) -> str | None:
    """The exit plan's stored status; None before it was ever set."""
    state = session.get(ExitPlanRow, 1)
    return None if state is None else state.status


def exit_items(session: Session) -> list[tuple[str, int]]:
    """(text, position) of every exit-plan step."""
    return [
        (text, position)
        for text, position in session.execute(select(ExitItemRow.text, ExitItemRow.position))
    ]


def set_exit_status(session: Session, status: str, now: dt.datetime) -> None:
    state = session.get(ExitPlanRow, 1)
    if state is None:
        state = ExitPlanRow(id=1)
        session.add(state)
    state.status = status
    state.changed_at = now.replace(tzinfo=None)
    session.flush()


def setting_text(session: Session, key: str) -> str | None:
    """The stored JSON text of setting ``key``; None when it is not set."""
    row = session.get(SettingRow, key)
    return None if row is None else row.value


def write_setting(session: Session, key: str, value: Any) -> None:
    """Store ``value`` (JSON-able) as setting ``key``."""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=encoded))
    else:
        row.value = encoded


# --- the imports from other tools, and people by id -------------------------------------


def note_texts_of(session: Session, person_ids: Iterable[int]) -> set[tuple[int | None, str]]:
    """(person id, text trimmed) of every note about one of ``person_ids``."""
    ids = list(person_ids)
    if not ids:
        return set()
    query = select(NoteRow.person_id, NoteRow.text).where(NoteRow.person_id.in_(ids))
    return {(person_id, text.strip()) for person_id, text in session.execute(query)}


def unassigned_notes(session: Session) -> Counter[tuple[dt.date, str]]:
    """How many notes about no one the journal has on each (date, text)."""
    query = select(NoteRow.on_date, NoteRow.text).where(NoteRow.person_id.is_(None))
    return Counter((on, text) for on, text in session.execute(query))


def check_in_dates(session: Session) -> set[dt.date]:
    """The dates that have a check-in."""
    return set(session.scalars(select(ResilienceRow.on_date)))


def save_people(session: Session, found: Iterable[Person]) -> list[int]:
    """Add each person without an id, update each with one (addresses too); their ids."""
    rows: list[PersonRow] = []
    for person in found:
        row = PersonRow() if person.id is None else session.get(PersonRow, person.id)
        assert row is not None, f"person {person.id} is not in the journal"
        apply_person(row, person)
        if person.id is None:
            session.add(row)
        rows.append(row)
    session.flush()
    return [row.id for row in rows]


def add_note(session: Session, note: Note) -> None:
    row = NoteRow()
    apply_note(row, note)
    session.add(row)


def add_check_in(session: Session, entry: ResilienceEntry) -> None:
    row = ResilienceRow()
    apply_resilience(row, entry)
    session.add(row)
