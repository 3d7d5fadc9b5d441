"""The exit plan: its state and its checklist in order, on any DB-API connection (the
Exit plan page's first screen reads it on the GUI thread without SQLAlchemy; a write
reads it back on its own session's connection)."""

from __future__ import annotations

from cxjournal.domain.model import ExitItem, ExitPlan, ExitStatus
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import day


def status(conn: Connection) -> ExitStatus:
    row = conn.execute("SELECT status FROM exit_plan WHERE id = 1").fetchone()
    return ExitStatus(row[0]) if row is not None else ExitStatus.INACTIVE


def plan(conn: Connection) -> ExitPlan:
    """The plan's state and its steps in their order."""
    rows = conn.execute(
        "SELECT id, text, done, due, position FROM exit_items ORDER BY position, id"
    )
    items = tuple(
        ExitItem(
            id=item_id,
            text=text,
            done=bool(done),
            due=day(due) if due is not None else None,
            position=position,
        )
        for item_id, text, done, due, position in rows
    )
    return ExitPlan(status=status(conn), items=items)
