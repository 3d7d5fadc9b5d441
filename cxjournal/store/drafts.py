"""Drafts: unsaved work kept across restarts, one JSON payload per ``(kind, key)``.

``kind`` names what the draft is of (for example ``"note"``), ``key`` which one
(for example a person's id, or ``"new"``). Payloads are any JSON value; they
stay on this machine inside the journal, like everything else in it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from cxjournal.store.models import DraftRow
from cxjournal.store.reads.drafts import Draft, draft

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def get_draft(session: Session, kind: str, key: str) -> Draft | None:
    row = session.scalars(
        select(DraftRow).where(DraftRow.kind == kind, DraftRow.key == key)
    ).first()
    return _draft(row) if row else None


def put_draft(session: Session, kind: str, key: str, payload: Any, now: dt.datetime) -> Draft:
    """Create or replace the draft ``(kind, key)``; ``now`` must carry a time zone."""
    if now.tzinfo is None:
        raise ValueError("a draft's time needs a time zone")
    text = json.dumps(payload, ensure_ascii=False, allow_nan=False, sort_keys=True)
    row = session.scalars(
        select(DraftRow).where(DraftRow.kind == kind, DraftRow.key == key)
    ).first()
    if row is None:
        row = DraftRow(kind=kind, key=key)
        session.add(row)
    row.payload = text
    row.updated_at = now.isoformat(timespec="seconds")
    session.flush()
    return _draft(row)


def rename_draft(session: Session, kind: str, key: str, new_key: str) -> bool:
    """Give the draft ``(kind, key)`` the key ``new_key`` (kept as it is otherwise)."""
    row = session.scalars(
        select(DraftRow).where(DraftRow.kind == kind, DraftRow.key == key)
    ).first()
    if row is None:
        return False
    row.key = new_key
    session.flush()
    return True


def delete_draft(session: Session, kind: str, key: str) -> bool:
    """Remove the draft ``(kind, key)``; False if there was none."""
    result = session.execute(delete(DraftRow).where(DraftRow.kind == kind, DraftRow.key == key))
    return bool(getattr(result, "rowcount", 0))


def _draft(row: DraftRow) -> Draft:
    return draft((row.kind, row.key, row.payload, row.updated_at))
