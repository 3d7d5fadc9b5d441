"""Drafts: what a window held when the journal locked, as plain JSON-able data.

A draft is ``(kind, key, payload)``: a note as the note dialog held it (its
id when it was an edit, None for a new one), an audit as the audit form held
it (people by id, or by name when added in the form), or the talking points
of a 1:1 preparation. Dialogs keep their draft as the user types (see
``cxjournal.ui.unsaved_changes``); a draft goes when its work is saved or discarded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import (
    ASPECTS,
    REACH_DIMENSIONS,
    Aspects,
    Attitude,
    Audit,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
    Rating,
    Relationship,
)
from cxjournal.journal.changes import Area
from cxjournal.store.reads import drafts as stored
from cxjournal.store.reads.drafts import Draft as Draft

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

NOTE = "note"


def note_payload(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "on": note.on.isoformat(),
        "text": note.text,
        "kind": note.kind.value,
        "person_id": note.person_id,
        "attitude": note.attitude.value if note.attitude else None,
        "tags": list(note.tags),
        "goal": note.goal.value if note.goal else None,
        "format_used": note.format_used.value if note.format_used else None,
        "outcome": note.outcome.value if note.outcome else None,
        "follow_ups": [
            {"text": f.text, "due": f.due.isoformat() if f.due else None, "done": f.done}
            for f in note.follow_ups
        ],
    }


def note_from_payload(payload: dict[str, Any]) -> Note:
    return Note(
        id=payload.get("id"),
        on=dt.date.fromisoformat(str(payload["on"])),
        text=str(payload.get("text", "")),
        kind=NoteKind(payload.get("kind", NoteKind.OTHER.value)),
        person_id=payload.get("person_id"),
        attitude=Attitude(payload["attitude"]) if payload.get("attitude") else None,
        tags=tuple(str(t) for t in payload.get("tags", ())),
        goal=NoteGoal(payload["goal"]) if payload.get("goal") else None,
        format_used=FormatUsed(payload["format_used"]) if payload.get("format_used") else None,
        outcome=NoteOutcome(payload["outcome"]) if payload.get("outcome") else None,
        follow_ups=tuple(
            FollowUp(
                text=str(f.get("text", "")),
                due=dt.date.fromisoformat(f["due"]) if f.get("due") else None,
                done=bool(f.get("done", False)),
            )
            for f in payload.get("follow_ups", ())
        ),
    )


AUDIT = "audit"
PREPARE = "prepare"


@dataclass(frozen=True)
class UnratedRow:
    """A person in an audit form not fully rated yet: their place among the rows, and the
    spin box values entered so far (by field name, as the form holds them)."""

    at: int
    person: Person
    values: dict[str, int] = field(default_factory=dict)


def _person_ref(person: Person) -> dict[str, Any]:
    """A saved person by id; one added in the form (not saved yet) by name and grouping."""
    if person.id is not None:
        return {"id": person.id}
    return {
        "name": person.name,
        "relationship": person.relationship.value,
        **{dim: getattr(person, dim) for dim in REACH_DIMENSIONS},
    }


def _person_from(ref: dict[str, Any], people: Callable[[int], Person]) -> Person:
    if ref.get("id") is not None:
        return people(int(ref["id"]))
    return Person(
        name=str(ref.get("name", "")),
        relationship=Relationship(ref.get("relationship", Relationship.OTHER.value)),
        team=str(ref.get("team", "")),
        function=str(ref.get("function", "")),
        product_unit=str(ref.get("product_unit", "")),
        location=str(ref.get("location", "")),
    )


def audit_payload(audit: Audit, unrated: Sequence[UnratedRow] = ()) -> dict[str, Any]:
    """The audit as JSON; ``unrated`` are the form's rows still missing a core rating (at
    their place among the rows, with the values given so far), kept so nothing typed is lost."""
    blocker = audit.blocking_superior_person
    payload = {
        "id": audit.id,
        "taken_on": audit.taken_on.isoformat(),
        "note": audit.note,
        "blocking_superior": audit.blocking_superior,
        "blocker": _person_ref(blocker) if blocker is not None else None,
        "ratings": [
            {
                "person": _person_ref(r.person),
                "value": r.value,
                "irreplaceability": r.irreplaceability,
                "my_value": r.my_value,
                "my_irreplaceability": r.my_irreplaceability,
                "aspects": r.aspects.as_dict(),
            }
            for r in audit.ratings
        ],
        "ties": [list(tie) for tie in audit.ties],
        "ties_recorded": audit.ties_recorded,
    }
    if unrated:
        payload["unrated"] = [
            {"at": row.at, "person": _person_ref(row.person), "values": dict(row.values)}
            for row in unrated
        ]
    return payload


def audit_from_payload(payload: dict[str, Any], people: Callable[[int], Person]) -> Audit:
    """The audit a draft holds; ``people`` gives a saved person by id."""
    blocker = payload.get("blocker")
    return Audit(
        id=payload.get("id"),
        taken_on=dt.date.fromisoformat(str(payload["taken_on"])),
        note=str(payload.get("note", "")),
        blocking_superior=bool(payload.get("blocking_superior", False)),
        blocking_superior_person=_person_from(blocker, people) if blocker else None,
        ratings=tuple(
            Rating(
                person=_person_from(r["person"], people),
                value=int(r["value"]),
                irreplaceability=int(r["irreplaceability"]),
                my_value=int(r["my_value"]),
                my_irreplaceability=int(r["my_irreplaceability"]),
                aspects=Aspects(**{a: r.get("aspects", {}).get(a) for a in ASPECTS}),
            )
            for r in payload.get("ratings", ())
        ),
        ties=tuple((int(a), int(b)) for a, b in payload.get("ties", ())),
        ties_recorded=bool(payload.get("ties_recorded", False)),
    )


def unrated_from_payload(
    payload: dict[str, Any], people: Callable[[int], Person]
) -> list[UnratedRow]:
    """The rows of an audit draft that were still missing a core rating."""
    return [
        UnratedRow(
            at=int(row.get("at", 0)),
            person=_person_from(row["person"], people),
            values={str(k): int(v) for k, v in row.get("values", {}).items()},
        )
        for row in payload.get("unrated", ())
    ]


def prepare_payload(person_id: int, talking_points: str) -> dict[str, Any]:
    return {"person_id": person_id, "talking_points": talking_points}


class DraftOps:
    """Drafts kept in the journal (so encrypted with it): save, load, discard.

    Each call is one transaction; the store functions are in :mod:`cxjournal.store.drafts`
    (writes) and :mod:`cxjournal.store.reads.drafts` (the list).
    """

    def __init__(self, journal: Journal, clock: Callable[[], dt.datetime] | None = None) -> None:
        self._journal = journal
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def save(self, kind: str, key: str, payload: Any) -> None:
        from cxjournal.store.drafts import put_draft

        with self._journal.session(Area.DRAFTS) as session:
            put_draft(session, kind, key, payload, self._clock())

    def load(self, kind: str, key: str) -> Any:
        """The payload of draft ``(kind, key)``, or None when there is none."""
        from cxjournal.store.drafts import get_draft

        with self._journal.session() as session:
            draft = get_draft(session, kind, key)
        return draft.payload if draft is not None else None

    def set_aside(self, kind: str, key: str) -> str | None:
        """Move the draft ``(kind, key)`` out of the way of a new one (a second new note
        while the first is still waiting to be resumed): its new key, or None if none."""
        from cxjournal.store.drafts import get_draft, rename_draft

        with self._journal.session(Area.DRAFTS) as session:
            draft = get_draft(session, kind, key)
            if draft is None:
                return None
            new_key = f"{key}@{draft.updated_at.isoformat(timespec='seconds')}"
            while get_draft(session, kind, new_key) is not None:
                new_key += "+"
            rename_draft(session, kind, key, new_key)
            return new_key

    def discard(self, kind: str, key: str) -> bool:
        from cxjournal.store.drafts import delete_draft

        with self._journal.session(Area.DRAFTS) as session:
            return delete_draft(session, kind, key)

    def all(self) -> list[Draft]:
        """Every draft kept, with its payload and when it was last written, newest first.

        Read on the journal's own connection (the GUI thread's, as Today's reads), so the
        drafts offered back at start-up need no SQLAlchemy."""
        return stored.listed(self._journal.raw())

    def keys(self, kind: str | None = None) -> list[tuple[str, str]]:
        """``(kind, key)`` of every draft (of one kind), newest first."""
        return [(d.kind, d.key) for d in stored.listed(self._journal.raw(), kind)]
