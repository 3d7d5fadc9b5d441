"""The scopes of the changes the app can undo: which rows one change can touch.

Plain data (no SQLAlchemy is imported here): ``store/row_sync.py`` reads and writes
the rows a scope names; ``journal/undo.py`` records them before and after a change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: rows of a scope, table by table (see ``store/row_sync.py``)
Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Scope:
    """Which rows one change can touch: ``parts`` of (table, where), with the ``params``
    the conditions use. (Plain data: making one imports nothing of the store.)"""

    parts: tuple[tuple[str, str], ...]
    params: dict[str, Any] = field(default_factory=dict)

    def __or__(self, other: Scope) -> Scope:
        """Both scopes (their parameters must not clash)."""
        return Scope(self.parts + other.parts, {**self.params, **other.params})


def notes_scope(person_id: int | None, note_id: int | None = None) -> Scope:
    """A person's notes with their follow-ups and the talking points they tick (a note
    about no one: that note, by id). Scopes of two people combine with ``|``."""
    if person_id is None:
        key = f"note_{note_id}"
        return Scope(
            (("notes", f"id = :{key}"), ("follow_ups", f"note_id = :{key}")), {key: note_id}
        )
    key = f"person_{person_id}"
    return Scope(
        (
            ("notes", f"person_id = :{key}"),
            ("follow_ups", f"note_id IN (SELECT id FROM notes WHERE person_id = :{key})"),
            ("agenda_items", f"person_id = :{key}"),
        ),
        {key: person_id},
    )


def follow_up_scope(follow_up_id: int) -> Scope:
    return Scope((("follow_ups", "id = :follow_up"),), {"follow_up": follow_up_id})


def check_in_scope(on: dt.date) -> Scope:
    return Scope((("resilience", "on_date = :day"),), {"day": on.isoformat()})


def person_scope(person_id: int) -> Scope:
    """The person's own row and e-mails (a profile's edit)."""
    return Scope(
        (("people", "id = :who"), ("person_emails", "person_id = :who")), {"who": person_id}
    )


def audit_scope(audit_id: int) -> Scope:
    return Scope(
        (
            ("audits", "id = :audit"),
            ("ratings", "audit_id = :audit"),
            ("audit_ties", "audit_id = :audit"),
        ),
        {"audit": audit_id},
    )


def agenda_scope(person_id: int) -> Scope:
    """A person's talking points (adding one may return an open one unchanged)."""
    return Scope((("agenda_items", "person_id = :agenda"),), {"agenda": person_id})


def exit_step_scope(item_id: int | None = None) -> Scope:
    """One step of the exit plan; every step without an id (a move reorders them all)."""
    if item_id is None:
        return Scope((("exit_items", "1 = 1"),))
    return Scope((("exit_items", "id = :step"),), {"step": item_id})


def proof_point_scope(point_id: int) -> Scope:
    return Scope(
        (
            ("proof_points", "id = :point"),
            ("proof_point_plans", "proof_point_id = :point"),
            ("proof_shares", "proof_point_id = :point"),
        ),
        {"point": point_id},
    )
