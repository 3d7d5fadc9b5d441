"""Settings as stored: JSON values by key."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from cxjournal.store.reads import Connection


def values(conn: Connection, keys: Iterable[str] | None = None) -> dict[str, Any]:
    """The stored values of ``keys`` (every setting when None), decoded; a key with no value,
    or with one that is not JSON, is left out."""
    if keys is None:
        rows = conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
    else:
        wanted = tuple(keys)
        if not wanted:
            return {}
        rows = conn.execute(
            f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(wanted))})",
            wanted,
        ).fetchall()
    found: dict[str, Any] = {}
    for key, value in rows:
        try:
            found[str(key)] = json.loads(value)
        except (TypeError, ValueError):
            continue
    return found
