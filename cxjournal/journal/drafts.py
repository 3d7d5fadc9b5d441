"""Drafts: what a window held when the journal locked, as plain JSON-able data.

A draft is ``(kind, key, payload)``; the payload of a note is its fields as
the note dialog held them (a note id when it was an edit, None for a new one).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.model import Attitude, FollowUp, Note, NoteKind

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
        follow_ups=tuple(
            FollowUp(
                text=str(f.get("text", "")),
                due=dt.date.fromisoformat(f["due"]) if f.get("due") else None,
                done=bool(f.get("done", False)),
            )
            for f in payload.get("follow_ups", ())
        ),
    )
