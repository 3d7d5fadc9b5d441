"""The columns the Journal's notes and the check-in history can be sorted by, in column order.

The store sorts by them (``store.reads.notes``, ``store.reads.resilience``); the tables
name their columns in the same order, so column ``n`` sorts by ``NOTE_ORDERS[n]``.
"""

from __future__ import annotations

NOTE_ORDERS: tuple[str, ...] = (
    "date",
    "about",
    "kind",
    "attitude",
    "text",
    "tags",
    "follow_ups",
)
CHECK_IN_ORDERS: tuple[str, ...] = (
    "date",
    "energy",
    "stress",
    "mood",
    "sleep",
    "drains",
    "restorers",
    "tags",
    "note",
)
