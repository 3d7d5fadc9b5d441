"""Rows of a *scope* read as they are, and written back as they were (for undo and redo).

A scope names the rows one change can touch: a person's notes with their
follow-ups and talking points, one check-in day, one audit with its ratings.
:func:`read_scope` copies them column by column as stored; :func:`sync_scope`
puts a copy back: of the rows either copy knows, those not in the one wanted
are deleted (children first), those that differ are updated, missing ones are
inserted with their ids (parents first); rows neither copy knows (written
since by something else) are never touched. It works inside the caller's
transaction and says which tables it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from cxjournal.store.trash_store import ORDER, Rows, table_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.store.scopes import Scope


def read_scope(session: Session, scope: Scope) -> Rows:
    rows: Rows = {}
    for table, where in scope.parts:
        found = session.execute(text(f"SELECT * FROM {table} WHERE {where}"), scope.params)
        known = {_key(table, row) for row in rows.get(table, [])}
        for row in found:
            values = dict(row._mapping)
            if _key(table, values) not in known:
                rows.setdefault(table, []).append(values)
                known.add(_key(table, values))
    return rows


def sync_scope(session: Session, scope: Scope, target: Rows, leaving: Rows) -> set[str]:
    """Make the scope's rows what ``target`` holds, coming from ``leaving`` (the copy taken
    on the other side of the change); the tables that changed. Rows of the scope that are
    in neither copy (written since by something else) are left alone."""
    current = read_scope(session, scope)
    changed: set[str] = set()
    wanted = {t: {_key(t, row): row for row in target.get(t, [])} for t in ORDER}
    known = {t: set(wanted[t]) | {_key(t, row) for row in leaving.get(t, [])} for t in ORDER}
    present = {
        t: {_key(t, row): row for row in current.get(t, []) if _key(t, row) in known[t]}
        for t in ORDER
    }
    for table in reversed(ORDER):
        for key, row in present[table].items():
            if key not in wanted[table]:
                session.execute(
                    text(f"DELETE FROM {table} WHERE {_where(table)}"), _keys(table, row)
                )
                changed.add(table)
    for table in ORDER:
        for key, row in wanted[table].items():
            now = present[table].get(key)
            if now == row:
                continue
            if now is None:
                columns = ", ".join(row)
                marks = ", ".join(f":{c}" for c in row)
                session.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), row)
            else:
                keys = set(_keys(table, row))
                sets = ", ".join(f"{c} = :{c}" for c in row if c not in keys)
                session.execute(text(f"UPDATE {table} SET {sets} WHERE {_where(table)}"), row)
            changed.add(table)
    session.flush()
    return changed


def _primary(table: str) -> list[str]:
    return [c.name for c in table_of(table).primary_key.columns]


def _key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c] for c in _primary(table))


def _keys(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {c: row[c] for c in _primary(table)}


def _where(table: str) -> str:
    return " AND ".join(f"{c} = :{c}" for c in _primary(table))
