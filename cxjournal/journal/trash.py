"""The trash: every delete keeps the item whole for 30 days, from which it can be restored.

    trash_id = journal.trash.delete("note", note_id)      # copied to the trash, then deleted
    restored = journal.trash.restore(trash_id)           # the same rows back, same ids
    journal.trash.purge_expired()                         # at start: older than 30 days go

What each kind takes along (``store/trash_store.BUNDLES``): a note its follow-ups
(and the talking points ticked in it get their link back); an audit its ratings
and ties; a person their e-mails, notes with follow-ups, ratings, talking points,
plan roles and proof-point shares. Each call is one transaction. Time comes from
the ``clock`` given to :class:`TrashOps` (UTC), so tests never read the wall clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.trash import days_left, purge_cutoff
from cxjournal.domain.wording import short_date
from cxjournal.journal.changes import Area
from cxjournal.journal.core import also_changes
from cxjournal.journal.exit_plan import sync_with_latest_audit
from cxjournal.store import trash_store
from cxjournal.store.orm_reads import latest_audit_key as _latest_key
from cxjournal.store.trash_store import Bundle, TrashItem

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal
    from cxjournal.store.session import Session

__all__ = ["KINDS", "Restored", "TrashItem", "TrashOps"]

#: what a delete or a restore of each kind redraws
AREAS: dict[str, Area] = {
    "note": Area.NOTES | Area.AGENDA,
    "follow_up": Area.NOTES,
    "audit": Area.AUDITS,
    "check_in": Area.RESILIENCE,
    "person": Area.PEOPLE | Area.NOTES | Area.AUDITS | Area.AGENDA | Area.PROGRAM,
    "exit_step": Area.EXIT_PLAN,
    "talking_point": Area.AGENDA,
    "proof_point": Area.PROGRAM,
}
KINDS = tuple(AREAS)

#: the kind whose own rows are in each table (to name what a restore needs first)
_KIND_OF_TABLE = {own: kind for kind, (own, _parts, _links) in trash_store.BUNDLES.items()}
_THINGS = {
    "people": "person",
    "notes": "note",
    "audits": "power audit",
    "proof_points": "proof point",
    "follow_ups": "follow-up",
}


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore put back: the item's kind and id (its old id unless it was taken)."""

    kind: str
    item_id: int
    label: str


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class TrashOps:
    def __init__(self, journal: Journal, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._journal = journal
        #: the time deletes are stamped with and purges measured from (UTC)
        self.clock = clock

    # -- putting in ----------------------------------------------------------------------

    def delete(self, kind: str, item_id: int) -> int:
        """Move the item (with what belongs to it) to the trash; the trash item's id."""
        with self._journal.session(AREAS[kind] | Area.TRASH) as session:
            before = _latest_key(session)
            bundle = trash_store.collect(session, kind, item_id)
            trash_id = trash_store.put_in_trash(
                session, bundle, _label(session, bundle), self.clock()
            )
            after_audits_changed(session, before)
            return trash_id

    def erase(self, kind: str, item_id: int) -> None:
        """Delete the item for good, without the trash (undoing its addition)."""
        with self._journal.session(AREAS[kind]) as session:
            before = _latest_key(session)
            trash_store.remove(session, trash_store.collect(session, kind, item_id))
            after_audits_changed(session, before)

    # -- taking out ----------------------------------------------------------------------

    def restore(self, trash_id: int) -> Restored:
        """Put the item back whole and take it out of the trash.

        Raises ``ValidationError`` (nothing written) when it cannot go back: what it
        belongs to was deleted meanwhile (restore that first), or a newer row holds its
        place (a check-in of the same day).
        """
        with self._journal.session() as session:
            item = trash_store.trash_item(session, trash_id)
            bundle = trash_store.trashed(session, trash_id)
            also_changes(session, AREAS[item.kind] | Area.TRASH)
            problems = _missing(session, bundle) + _clashing(session, bundle)
            if problems:
                raise ValidationError([f"{item.label} cannot be restored: {p}" for p in problems])
            before = _latest_key(session)
            item_id = trash_store.put_back(session, bundle)
            trash_store.discard(session, trash_id)
            after_audits_changed(session, before)
            return Restored(item.kind, item_id, item.label)

    def delete_for_good(self, trash_id: int) -> None:
        """Remove one item from the trash: it can no longer be restored."""
        with self._journal.session(Area.TRASH) as session:
            trash_store.discard(session, trash_id)

    def empty(self) -> int:
        """Delete everything in the trash for good; how many items went."""
        with self._journal.session(Area.TRASH) as session:
            return trash_store.purge(session)

    def purge_expired(self) -> int:
        """Delete for good what has been in the trash for more than 30 days (at start)."""
        cutoff = purge_cutoff(self.clock())
        with self._journal.session() as session:
            purged = trash_store.purge(session, cutoff)
            if purged:  # nothing old in the trash: nothing changed, nothing redraws
                also_changes(session, Area.TRASH)
            return purged

    # -- reading ---------------------------------------------------------------------------

    def items(self) -> list[TrashItem]:
        """Everything in the trash, most recently deleted first."""
        with self._journal.session() as session:
            return trash_store.items(session)

    def count(self) -> int:
        with self._journal.session() as session:
            return trash_store.count(session)

    def days_left(self, item: TrashItem) -> int:
        return days_left(item.deleted_at, self.clock())


def after_audits_changed(session: Session, before: tuple[int, bool] | None) -> None:
    """Apply the exit-plan rules when the latest audit changed (as an audit's delete does)."""
    session.flush()
    if _latest_key(session) != before:
        sync_with_latest_audit(session)
        also_changes(session, Area.EXIT_PLAN)


def _missing(session: Session, bundle: Bundle) -> list[str]:
    """What the bundle belongs to that is gone, and how to get it back."""
    problems = []
    for table, row_id in trash_store.missing_parents(session, bundle):
        thing = _THINGS.get(table, table)
        kind = _KIND_OF_TABLE.get(table)
        waiting = trash_store.in_trash(session, kind, [row_id]).get(row_id) if kind else None
        if waiting is not None:
            problems.append(
                f"the {thing} it belongs to is in the trash too: restore “{waiting.label}” first"
            )
        else:
            problems.append(f"the {thing} it belongs to is no longer in the journal")
    return problems


def _clashing(session: Session, bundle: Bundle) -> list[str]:
    problems = []
    for table, values in trash_store.clashes(session, bundle):
        if table == "resilience":
            on = dt.date.fromisoformat(str(values["on_date"]))
            problems.append(
                f"there is a newer check-in for {short_date(on)}: delete that one first"
            )
        else:
            shown = ", ".join(str(v) for v in values.values())
            problems.append(f"the journal now holds another {table} row with {shown}")
    for row in bundle.rows.get("plan_people", []):
        if row.get("role") == "owner" and trash_store.plan_has_owner(session, row["plan_kind"]):
            problems.append(
                f"the {row['plan_kind']} plan has another owner now: make them a contributor first"
            )
    return problems


# -- labels ------------------------------------------------------------------------------


def _short(text: Any, limit: int = 60) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _day(value: Any) -> str:
    return short_date(dt.date.fromisoformat(str(value)[:10]))


def _label(session: Session, bundle: Bundle) -> str:
    """What the trash list calls the item ("Note about Dana Reyes, 12 Mar 2026")."""
    rows = bundle.rows
    kind = bundle.kind
    if kind == "note":
        note = bundle.first("notes")
        who = trash_store.person_name(session, note["person_id"])
        about = f"Note about {who}" if who else "Note"
        return f"{about}, {_day(note['on_date'])}"
    if kind == "follow_up":
        return f"Follow-up “{_short(bundle.first('follow_ups')['text'])}”"
    if kind == "audit":
        audit = bundle.first("audits")
        rated = len(rows.get("ratings", []))
        return f"Power audit of {_day(audit['taken_on'])} ({rated} rated)"
    if kind == "check_in":
        return f"Check-in of {_day(bundle.first('resilience')['on_date'])}"
    if kind == "person":
        person = bundle.first("people")
        notes = len(rows.get("notes", []))
        along = f", with {notes} note{'s' if notes != 1 else ''}" if notes else ""
        return f"{_short(person['name'])}{along}"
    if kind == "exit_step":
        return f"Exit-plan step “{_short(bundle.first('exit_items')['text'])}”"
    if kind == "talking_point":
        point = bundle.first("agenda_items")
        who = trash_store.person_name(session, point["person_id"]) or "someone"
        return f"Talking point for {who}: “{_short(point['text'])}”"
    point = bundle.first("proof_points")
    return f"Proof point “{_short(point['title'])}”, {_day(point['on_date'])}"
