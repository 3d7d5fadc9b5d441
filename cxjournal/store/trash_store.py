"""The trash's rows: an item taken out whole (with what belongs to it) and put back whole.

An item is a *bundle*: every row it takes along, table by table, column by column
exactly as SQLite stores them (dates stay ISO text), plus the *links* other rows
had to it (a talking point discussed in a deleted note). Deleting copies the
bundle into ``trash`` and removes its rows; restoring inserts the same rows
again, with the same ids unless a newer row took one meanwhile (then the item
gets a fresh id and its own rows follow it), and puts the links back. Every
function here works inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, UniqueConstraint, text

from cxjournal.domain.errors import NotFoundError
from cxjournal.store.models import Base, TrashRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: the tables a bundle can hold, parents before children (the order rows go back in)
ORDER: tuple[str, ...] = (
    "people",
    "person_emails",
    "notes",
    "follow_ups",
    "audits",
    "ratings",
    "audit_ties",
    "agenda_items",
    "plan_people",
    "proof_points",
    "proof_point_plans",
    "proof_shares",
    "resilience",
    "exit_items",
)

_NOTES_OF = "SELECT id FROM notes WHERE person_id = :id"

#: kind -> (the item's own table, [(table, which rows)], [(table.column, which rows link)])
BUNDLES: dict[str, tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = {
    "note": (
        "notes",
        [("notes", "id = :id"), ("follow_ups", "note_id = :id")],
        [("agenda_items.discussed_in_note_id", "discussed_in_note_id = :id")],
    ),
    "follow_up": ("follow_ups", [("follow_ups", "id = :id")], []),
    "audit": (
        "audits",
        [("audits", "id = :id"), ("ratings", "audit_id = :id"), ("audit_ties", "audit_id = :id")],
        [],
    ),
    "check_in": ("resilience", [("resilience", "id = :id")], []),
    "exit_step": ("exit_items", [("exit_items", "id = :id")], []),
    "talking_point": ("agenda_items", [("agenda_items", "id = :id")], []),
    "proof_point": (
        "proof_points",
        [
            ("proof_points", "id = :id"),
            ("proof_point_plans", "proof_point_id = :id"),
            ("proof_shares", "proof_point_id = :id"),
        ],
        [],
    ),
    "person": (
        "people",
        [
            ("people", "id = :id"),
            ("person_emails", "person_id = :id"),
            ("notes", "person_id = :id"),
            ("follow_ups", f"note_id IN ({_NOTES_OF})"),
            ("ratings", "person_id = :id"),
            ("audit_ties", "person_a = :id OR person_b = :id"),
            ("agenda_items", "person_id = :id"),
            ("plan_people", "person_id = :id"),
            ("proof_shares", "person_id = :id"),
        ],
        [
            (
                "agenda_items.discussed_in_note_id",
                f"discussed_in_note_id IN ({_NOTES_OF}) AND person_id != :id",
            ),
            ("audits.blocking_superior_person_id", "blocking_superior_person_id = :id"),
        ],
    ),
}

Rows = dict[str, list[dict[str, Any]]]
Links = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class TrashItem:
    """One row of the trash as the list shows it."""

    id: int
    kind: str
    item_id: int
    label: str
    deleted_at: dt.datetime  # UTC, naive


@dataclass(frozen=True, slots=True)
class Bundle:
    """An item's rows and the links other rows had to it."""

    kind: str
    item_id: int
    rows: Rows
    links: Links

    def to_json(self) -> str:
        return json.dumps({"rows": self.rows, "links": self.links}, ensure_ascii=False)

    @classmethod
    def from_json(cls, kind: str, item_id: int, payload: str) -> Bundle:
        data = json.loads(payload)
        return cls(kind, item_id, data.get("rows", {}), data.get("links", {}))

    def first(self, table: str) -> dict[str, Any]:
        """The item's own row."""
        return self.rows[table][0]


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


def collect(session: Session, kind: str, item_id: int) -> Bundle:
    """The bundle of ``kind`` ``item_id`` as it is now; ``NotFoundError`` if it is not there."""
    own, parts, links = BUNDLES[kind]
    rows: Rows = {}
    for table, where in parts:
        found = session.execute(text(f"SELECT * FROM {table} WHERE {where}"), {"id": item_id})
        got = [dict(row._mapping) for row in found]
        if got:
            rows.setdefault(table, []).extend(got)
    if not rows.get(own):
        raise NotFoundError(f"no {kind.replace('_', ' ')} with id {item_id}")
    linked: Links = {}
    for target, where in links:
        table, column = target.split(".")
        found = session.execute(
            text(f"SELECT id, {column} FROM {table} WHERE {where}"), {"id": item_id}
        )
        values = {str(row[0]): row[1] for row in found}
        if values:
            linked[target] = values
    return Bundle(kind, item_id, rows, linked)


def remove(session: Session, bundle: Bundle) -> None:
    """Delete the bundle's rows (children first), after clearing the links to them."""
    for target, values in bundle.links.items():
        table, column = target.split(".")
        for row_id in values:
            session.execute(
                text(f"UPDATE {table} SET {column} = NULL WHERE id = :id"), {"id": int(row_id)}
            )
    for table in reversed(ORDER):
        keys = [c.name for c in table_of(table).primary_key.columns]
        where = " AND ".join(f"{k} = :{k}" for k in keys)
        for row in bundle.rows.get(table, []):
            session.execute(text(f"DELETE FROM {table} WHERE {where}"), {k: row[k] for k in keys})
    session.flush()


def put_in_trash(session: Session, bundle: Bundle, label: str, deleted_at: dt.datetime) -> int:
    """Copy ``bundle`` into the trash and delete its rows; the trash row's id."""
    row = TrashRow(
        kind=bundle.kind,
        item_id=bundle.item_id,
        label=label,
        deleted_at=_stamp(deleted_at),
        payload=bundle.to_json(),
    )
    session.add(row)
    session.flush()
    remove(session, bundle)
    return row.id


def trashed(session: Session, trash_id: int) -> Bundle:
    row = _trash_row(session, trash_id)
    return Bundle.from_json(row.kind, row.item_id, row.payload)


def trash_item(session: Session, trash_id: int) -> TrashItem:
    return _item(_trash_row(session, trash_id))


def _trash_row(session: Session, trash_id: int) -> TrashRow:
    row = session.get(TrashRow, trash_id)
    if row is None:
        raise NotFoundError(f"nothing in the trash with id {trash_id}")
    return row


def missing_parents(session: Session, bundle: Bundle) -> list[tuple[str, Any]]:
    """The (table, id) of rows outside the bundle that its rows need and that are gone."""
    present = {(t, row.get("id")) for t, rows in bundle.rows.items() for row in rows}
    missing: list[tuple[str, Any]] = []
    for table, rows in bundle.rows.items():
        for fk in table_of(table).foreign_keys:
            parent = fk.column.table.name
            if parent not in ORDER or fk.column.name != "id":
                continue  # plans are never deleted; composite keys follow their own rows
            for row in rows:
                value = row.get(fk.parent.name)
                if value is None or (parent, value) in present or (parent, value) in missing:
                    continue
                if not _exists(session, parent, value):
                    missing.append((parent, value))
    return missing


def clashes(session: Session, bundle: Bundle) -> list[tuple[str, dict[str, Any]]]:
    """Rows now in the journal that a restored row would duplicate (a check-in of the same
    day): (table, the clashing values)."""
    fresh = _fresh_ids(session, bundle)
    found: list[tuple[str, dict[str, Any]]] = []
    for table, rows in bundle.rows.items():
        unique = [
            [c.name for c in constraint.columns]
            for constraint in table_of(table).constraints
            if isinstance(constraint, UniqueConstraint)
        ]
        unique += [[c.name] for c in table_of(table).columns if c.unique]
        for columns in unique:
            where = " AND ".join(f"{c} = :{c}" for c in columns)
            for row in rows:
                moved = _moved(table, row, fresh)
                values = {c: moved[c] for c in columns}
                if None in values.values():
                    continue
                if session.execute(text(f"SELECT 1 FROM {table} WHERE {where}"), values).first():
                    found.append((table, values))
    return found


def put_back(session: Session, bundle: Bundle) -> int:
    """Insert the bundle's rows again and restore its links; the item's id (its old one,
    unless a newer row took it). Call :func:`missing_parents` and :func:`clashes` first."""
    fresh = _fresh_ids(session, bundle)
    for table in ORDER:
        rows = bundle.rows.get(table, [])
        for row in rows:
            values = _moved(table, row, fresh)
            columns = ", ".join(values)
            marks = ", ".join(f":{c}" for c in values)
            session.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), values)
    for target, links in bundle.links.items():
        table, column = target.split(".")
        parent = next(iter(table_of(table).columns[column].foreign_keys)).column.table.name
        for row_id, value in links.items():
            session.execute(
                text(f"UPDATE {table} SET {column} = :value WHERE id = :id AND {column} IS NULL"),
                {"id": int(row_id), "value": fresh.get(parent, {}).get(value, value)},
            )
    session.flush()
    own = BUNDLES[bundle.kind][0]
    return fresh.get(own, {}).get(bundle.item_id, bundle.item_id)


def _fresh_ids(session: Session, bundle: Bundle) -> dict[str, dict[Any, int]]:
    """For each table, the new id of each of the bundle's rows whose id a newer row took."""
    fresh: dict[str, dict[Any, int]] = {}
    for table in ORDER:
        if "id" not in table_of(table).columns or not bundle.rows.get(table):
            continue
        taken = [row["id"] for row in bundle.rows[table] if _exists(session, table, row["id"])]
        if taken:
            top = session.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()
            top = max(int(top or 0), *(int(row["id"]) for row in bundle.rows[table]))
            fresh[table] = {old: top + n for n, old in enumerate(taken, start=1)}
    return fresh


def _moved(table: str, row: dict[str, Any], fresh: dict[str, dict[Any, int]]) -> dict[str, Any]:
    """``row`` with its id and the ids it points at changed where the item had to move."""
    values = dict(row)
    if "id" in values:
        values["id"] = fresh.get(table, {}).get(values["id"], values["id"])
    for column in table_of(table).columns:
        target = _points_at(column)
        if target is not None and values.get(column.name) is not None:
            values[column.name] = fresh.get(target, {}).get(
                values[column.name], values[column.name]
            )
    return values


def _points_at(column: Any) -> str | None:
    """The table whose id ``column`` holds, following keys through other tables' columns
    (``audit_ties.person_a`` -> ``ratings.person_id`` -> ``people``)."""
    for fk in column.foreign_keys:
        target = fk.column
        if target.name == "id":
            return str(target.table.name)
        return _points_at(target)
    return None


def _exists(session: Session, table: str, row_id: Any) -> bool:
    found = session.execute(text(f"SELECT 1 FROM {table} WHERE id = :id"), {"id": row_id})
    return found.first() is not None


def discard(session: Session, trash_id: int) -> None:
    """Take one item out of the trash (restored, or deleted for good)."""
    session.delete(_trash_row(session, trash_id))
    session.flush()


def items(session: Session) -> list[TrashItem]:
    """Everything in the trash, most recently deleted first."""
    found = session.query(TrashRow).order_by(TrashRow.deleted_at.desc(), TrashRow.id.desc())
    return [_item(row) for row in found]


def count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM trash")).scalar() or 0)


def purge(session: Session, before: dt.datetime | None = None) -> int:
    """Delete for good what was put in the trash before ``before`` (everything without it);
    how many items went."""
    if before is None:
        result = session.execute(text("DELETE FROM trash"))
    else:
        result = session.execute(
            text("DELETE FROM trash WHERE deleted_at < :before"), {"before": _stamp(before)}
        )
    return int(getattr(result, "rowcount", 0) or 0)


def in_trash(session: Session, kind: str, ids: Iterable[Any]) -> dict[Any, TrashItem]:
    """The newest trash item of ``kind`` for each of ``ids`` found there."""
    wanted = set(ids)
    found: dict[Any, TrashItem] = {}
    for item in items(session):
        if item.kind == kind and item.item_id in wanted and item.item_id not in found:
            found[item.item_id] = item
    return found


def _item(row: TrashRow) -> TrashItem:
    return TrashItem(
        row.id, row.kind, row.item_id, row.label, dt.datetime.fromisoformat(row.deleted_at)
    )


def _stamp(when: dt.datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.isoformat(sep=" ", timespec="seconds")


def person_name(session: Session, person_id: Any) -> str | None:
    """The name of person ``person_id`` (None when there is no such person)."""
    if person_id is None:
        return None
    found = session.execute(text("SELECT name FROM people WHERE id = :id"), {"id": person_id})
    name = found.scalar()
    return None if name is None else str(name)


def plan_has_owner(session: Session, plan_kind: str) -> bool:
    found = session.execute(
        text("SELECT 1 FROM plan_people WHERE plan_kind = :kind AND role = 'owner'"),
        {"kind": plan_kind},
    )
    return found.first() is not None
