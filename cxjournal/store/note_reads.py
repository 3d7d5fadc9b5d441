"""Reading many notes at once as domain objects, without ORM objects.

The program's rules read every note about someone (``NoteOps.about_people``); on a
journal of ~100,000 notes, loading them as ORM rows with their follow-ups took most
of Today's first fill. Here the rows are read as the driver gives them, in two queries.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import (
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
)
from cxjournal.store.records import tags_from_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["notes_about_people"]

_KINDS = {member.value: member for member in NoteKind}
_ATTITUDES = {member.value: member for member in Attitude}
_GOALS = {member.value: member for member in NoteGoal}
_FORMATS = {member.value: member for member in FormatUsed}
_OUTCOMES = {member.value: member for member in NoteOutcome}


_FOLLOW_UPS = (
    "SELECT f.note_id, f.id, f.text, f.due, f.done FROM follow_ups AS f "
    "JOIN notes AS n ON n.id = f.note_id WHERE n.person_id IS NOT NULL "
    "ORDER BY f.note_id, f.position, f.id"
)
_NOTES = (
    "SELECT id, person_id, on_date, kind, text, attitude, tags, goal, format_used, outcome "
    "FROM notes WHERE person_id IS NOT NULL ORDER BY on_date, id"
)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def notes_about_people(session: Session) -> list[Note]:
    """Every note about someone with its follow-ups, oldest first and in the order entered."""
    raw: Any = session.connection().connection.dbapi_connection  # rows as the driver reads them
    follow_ups: dict[int, list[FollowUp]] = {}
    for note_id, follow_up_id, text, due, done in raw.execute(_FOLLOW_UPS):
        follow_ups.setdefault(note_id, []).append(
            FollowUp(id=follow_up_id, text=text, due=_day(due), done=bool(done))
        )
    day = dt.date.fromisoformat
    tag_lists: dict[str, tuple[str, ...]] = {}  # few notes have tags of their own

    def tags(text: str) -> tuple[str, ...]:
        found = tag_lists.get(text)
        if found is None:
            found = tag_lists[text] = tags_from_json(text)
        return found

    return [
        Note(
            id=note_id,
            person_id=person_id,
            on=day(on),
            kind=_KINDS[kind],
            text=text,
            attitude=_ATTITUDES[attitude] if attitude else None,
            tags=tags(tag_text),
            follow_ups=tuple(follow_ups.get(note_id, ())),
            goal=_GOALS[goal] if goal else None,
            format_used=_FORMATS[format_used] if format_used else None,
            outcome=_OUTCOMES[outcome] if outcome else None,
        )
        for note_id, person_id, on, kind, text, attitude, tag_text, goal, format_used, outcome in (
            raw.execute(_NOTES)
        )
    ]
