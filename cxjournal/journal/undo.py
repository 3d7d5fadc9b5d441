"""Changes that can be undone and redone: each knows the journal operation that reverses it.

    change = undoable_delete("note", note_id)         # an operation of the journal...
    done = journal.perform(change)                     # ...that returns a Reversible
    back = journal.perform(done.value.undo)            # restores it from the trash
    again = journal.perform(back.value.undo)           # deletes it again

A :class:`Reversible` holds what the change returned and the operation that
reverses it, which in turn returns the next Reversible: undo and redo are the
same thing seen from either side. Deletes reverse through the trash (restore,
delete again). Every other change records the rows of its :class:`Scope` before
and after, and reverses by writing the other copy back (an addition is undone
by deleting its rows for good, not into the trash).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cxjournal.journal.changes import Area
from cxjournal.store.scopes import (
    Rows,
    Scope,
    agenda_scope,
    audit_scope,
    check_in_scope,
    exit_step_scope,
    follow_up_scope,
    notes_scope,
    person_scope,
    proof_point_scope,
)

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


T = TypeVar("T")

__all__ = [
    "Reversible",
    "Scope",
    "agenda_scope",
    "audit_scope",
    "check_in_scope",
    "exit_step_scope",
    "follow_up_scope",
    "notes_scope",
    "person_scope",
    "proof_point_scope",
    "recorded",
    "undoable_delete",
    "undoable_restore",
]


@dataclass(frozen=True)
class Reversible(Generic[T]):
    """What a change returned, and the operation that reverses it."""

    value: T
    undo: Callable[[Journal], Reversible[Any]]


# -- deletes and restores: through the trash ------------------------------------------------


def undoable_delete(kind: str, item_id: int) -> Callable[[Journal], Reversible[int]]:
    """Move the item to the trash; reversed by restoring it."""

    def run(journal: Journal) -> Reversible[int]:
        trash_id = journal.trash.delete(kind, item_id)
        return Reversible(trash_id, undoable_restore(trash_id))

    return run


def undoable_restore(trash_id: int) -> Callable[[Journal], Reversible[Any]]:
    """Restore the item from the trash; reversed by deleting it again."""

    def run(journal: Journal) -> Reversible[Any]:
        restored = journal.trash.restore(trash_id)
        return Reversible(restored, undoable_delete(restored.kind, restored.item_id))

    return run


# -- everything else: the rows of a scope, before and after -----------------------------------


def recorded(
    scope: Scope | Callable[[T], Scope], op: Callable[[Journal], T]
) -> Callable[[Journal], Reversible[T]]:
    """Run ``op`` and record its ``scope`` before and after; reversed by writing back the
    rows as they were. A scope known only from what ``op`` returns (the id of what it
    added) is a function of that value; there was nothing in it before."""

    def run(journal: Journal) -> Reversible[T]:
        before: Rows = {} if callable(scope) else _read(journal, scope)
        value = op(journal)
        where = scope(value) if callable(scope) else scope
        after = _read(journal, where)
        return Reversible(value, _write_back(where, before, after))

    return run


def _write_back(scope: Scope, target: Rows, other: Rows) -> Callable[[Journal], Reversible[None]]:
    def run(journal: Journal) -> Reversible[None]:
        from cxjournal.journal.audits import _latest_key
        from cxjournal.journal.core import also_changes
        from cxjournal.journal.trash import after_audits_changed
        from cxjournal.store.row_sync import sync_scope

        with journal.session() as session:
            before = _latest_key(session)
            tables = sync_scope(session, scope, target, other)
            also_changes(session, _areas(tables))
            if tables & {"audits", "ratings"}:
                after_audits_changed(session, before)
        return Reversible(None, _write_back(scope, other, target))

    return run


def _read(journal: Journal, scope: Scope) -> Rows:
    from cxjournal.store.row_sync import read_scope

    with journal.session() as session:
        return read_scope(session, scope)


_TABLE_AREAS = {
    "people": Area.PEOPLE,
    "person_emails": Area.PEOPLE,
    "notes": Area.NOTES,
    "follow_ups": Area.NOTES,
    "audits": Area.AUDITS,
    "ratings": Area.AUDITS,
    "audit_ties": Area.AUDITS,
    "agenda_items": Area.AGENDA,
    "plan_people": Area.PROGRAM,
    "proof_points": Area.PROGRAM,
    "proof_point_plans": Area.PROGRAM,
    "proof_shares": Area.PROGRAM,
    "resilience": Area.RESILIENCE,
    "exit_items": Area.EXIT_PLAN,
}


def _areas(tables: set[str]) -> Area:
    areas = Area.NONE
    for table in tables:
        areas |= _TABLE_AREAS.get(table, Area.ALL)
    return areas
