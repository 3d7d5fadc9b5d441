"""Reading many notes at once as domain objects, without ORM objects.

The program's rules read every note about someone (``NoteOps.about_people``); on a
journal of ~100,000 notes, loading them as ORM rows with their follow-ups took most
of Today's first fill. Here the rows are read as the driver gives them, in two queries.
"""

from __future__ import annotations

import datetime as dt
import json
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
from cxjournal.store.reads.people import CONTACT_KIND_VALUES, latest_contact
from cxjournal.store.records import tags_from_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["notes_about_people", "notes_for_program_rules"]

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


_LATEST = "ORDER BY n.on_date DESC, n.id DESC"
_CONTACT_KINDS = [f":kind{i}" for i in range(len(CONTACT_KIND_VALUES))]
#: Per person, as of ``:on``, each answered by an index seek or two: the latest note that
#: records an attitude (``ix_notes_person_attitude_date``), the latest that counts as
#: contact (``store.reads.people.latest_contact``) and the last ``:streak`` notes with a goal, as
#: [[id, date], ...] (``ix_notes_person_goal_date``).
_RULE_NOTES_PER_PERSON = f"""
SELECT p.id,
    (SELECT json_group_array(json_array(g.id, g.on_date)) FROM (
        SELECT n.id, n.on_date FROM notes AS n INDEXED BY ix_notes_person_goal_date
        WHERE n.person_id = p.id AND n.goal IS NOT NULL AND n.on_date <= :on
        {_LATEST} LIMIT :streak) AS g),
    (SELECT n.id FROM notes AS n INDEXED BY ix_notes_person_attitude_date
        WHERE n.person_id = p.id AND n.attitude IS NOT NULL
        AND n.on_date <= :on {_LATEST} LIMIT 1),
    {latest_contact("p", "id", _CONTACT_KINDS, until=":on")}
FROM people AS p
"""
#: Per [person, date] of :pairs: the latest note of the person before that date that
#: records an attitude.
_ATTITUDE_BEFORE = f"""
SELECT (SELECT n.id FROM notes AS n INDEXED BY ix_notes_person_attitude_date
    WHERE n.person_id = b.value ->> 0
    AND n.attitude IS NOT NULL AND n.on_date < b.value ->> 1 {_LATEST} LIMIT 1)
FROM json_each(:pairs) AS b
"""
_RULE_NOTES = (
    "SELECT id, person_id, on_date, kind, text, attitude, tags, goal, format_used, outcome "
    "FROM notes WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY on_date, id"
)


def notes_for_program_rules(session: Session, on: dt.date, streak: int) -> list[Note]:
    """The notes about someone that the program's rules read as of ``on`` (with the
    format streak ``streak``), oldest first and in the order entered, without their
    follow-ups (the rules do not read them).

    A handful per person, whatever the length of the journal, in three queries; the
    rules answer from them as from every note (``domain.program.NoteHistory``): each
    person's attitude as of ``on`` and as of the day before their streak, their latest
    contact, and their last ``streak`` notes with a goal. Notes after ``on`` are left out.
    """
    raw: Any = session.connection().connection.dbapi_connection
    parameters: dict[str, object] = {"on": on.isoformat(), "streak": max(1, streak)}
    parameters.update({f"kind{i}": value for i, value in enumerate(CONTACT_KIND_VALUES)})
    ids: set[int] = set()
    firsts: list[tuple[int, str]] = []  # a person and the date their streak starts
    for person_id, goals, *latest in raw.execute(_RULE_NOTES_PER_PERSON, parameters):
        ids.update(int(found) for found in latest if found is not None)
        with_goal = json.loads(goals) if goals else []
        ids.update(int(note_id) for note_id, _ in with_goal)
        if with_goal:
            firsts.append((int(person_id), min(str(on_date) for _, on_date in with_goal)))
    if firsts:
        for (found,) in raw.execute(_ATTITUDE_BEFORE, {"pairs": json.dumps(firsts)}):
            if found is not None:
                ids.add(int(found))
    rows = raw.execute(_RULE_NOTES, {"ids": json.dumps(sorted(ids))}).fetchall()
    return [
        Note(
            id=row[0],
            person_id=row[1],
            on=dt.date.fromisoformat(row[2]),
            kind=_KINDS[row[3]],
            text=row[4],
            attitude=_ATTITUDES[row[5]] if row[5] else None,
            tags=tags_from_json(row[6]),
            goal=_GOALS[row[7]] if row[7] else None,
            format_used=_FORMATS[row[8]] if row[8] else None,
            outcome=_OUTCOMES[row[9]] if row[9] else None,
        )
        for row in rows
    ]
