"""Drafts as stored: one JSON payload per ``(kind, key)``, newest first.

Read with SQL text, so the drafts offer at start-up (``ui/draft_resume.py``)
needs no SQLAlchemy; the writes are in :mod:`cxjournal.store.drafts`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cxjournal.store.reads import Connection


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    key: str
    payload: Any
    updated_at: dt.datetime


def draft(row: Sequence[Any]) -> Draft:
    """A draft from its stored ``kind, key, payload, updated_at``."""
    kind, key, payload, updated_at = row
    return Draft(
        kind=str(kind),
        key=str(key),
        payload=json.loads(payload),
        updated_at=dt.datetime.fromisoformat(updated_at),
    )


def listed(conn: Connection, kind: str | None = None) -> list[Draft]:
    """Every draft (of one kind), newest first."""
    where, parameters = ("WHERE kind = ? ", (kind,)) if kind is not None else ("", ())
    rows = conn.execute(
        f"SELECT kind, key, payload, updated_at FROM drafts {where}"
        "ORDER BY updated_at DESC, id DESC",
        parameters,
    ).fetchall()
    return [draft(row) for row in rows]
