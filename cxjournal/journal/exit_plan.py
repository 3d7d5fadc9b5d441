"""The exit-plan checklist and its state.

The state follows the latest audit's ``blocking_superior`` flag (see
:func:`sync_with_latest_audit`, which the audit operations call inside their own
transaction) and the user's own choices (:meth:`ExitPlanOps.start`,
:meth:`ExitPlanOps.mark_done`). The checklist is created from the shipped template
on the plan's first activation only; after that only the user adds or removes steps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.exit_plan import (
    TEMPLATE_FILE,
    TEMPLATE_PACKAGE,
    load_template,
    mark_done,
    next_status,
    start_by_hand,
)
from cxjournal.domain.model import ExitItem, ExitPlan, ExitStatus
from cxjournal.domain.validation import exit_item_problems
from cxjournal.journal.changes import Area
from cxjournal.store.reads import exit_plan as exit_reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal
    from cxjournal.store.models import ExitItemRow, ExitPlanRow
    from cxjournal.store.session import Session


@cache
def template_steps() -> tuple[str, ...]:
    """The steps of the shipped checklist template; empty if the file is missing."""
    entry = resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE)
    if not entry.is_file():
        return ()
    return tuple(load_template(entry.read_text(encoding="utf-8")))


class ExitPlanOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- reading -------------------------------------------------------------------

    def get(self) -> ExitPlan:
        with self._journal.reading() as conn:
            return exit_reads.plan(conn)

    def status(self) -> ExitStatus:
        with self._journal.reading() as conn:
            return exit_reads.status(conn)

    # -- the plan's state, by hand ---------------------------------------------------

    def start(self) -> ExitPlan:
        """Start (or resume, or reopen) the plan by hand; the first time, with the template."""
        with self._journal.session(Area.EXIT_PLAN) as session:
            state = _state(session)
            status, create = start_by_hand(ExitStatus(state.status), _activated_before(session))
            _set_status(state, status)
            if create:
                _seed(session)
            session.flush()
            return _plan(session)

    def mark_done(self) -> ExitPlan:
        """Close the plan; every step is kept, and a later flagged audit reopens it."""
        with self._journal.session(Area.EXIT_PLAN) as session:
            state = _state(session)
            _set_status(state, mark_done(ExitStatus(state.status)))
            session.flush()
            return _plan(session)

    # -- the checklist ---------------------------------------------------------------

    def add_item(self, text: str, due: dt.date | None = None) -> ExitItem:
        """Append a step at the end of the checklist."""
        from cxjournal.store.mapping import exit_item_from_row
        from cxjournal.store.models import ExitItemRow
        from cxjournal.store.orm_reads import last_exit_position

        item = ExitItem(text=text.strip(), due=due)
        problems = exit_item_problems(item)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.EXIT_PLAN) as session:
            last = last_exit_position(session)
            row = ExitItemRow(
                text=item.text, due=due, done=False, position=0 if last is None else last + 1
            )
            session.add(row)
            session.flush()
            return exit_item_from_row(row)

    def update_item(self, item: ExitItem) -> ExitItem:
        """Change a step's text, due date and tick (its position stays: see :meth:`move_item`)."""
        from cxjournal.store.mapping import exit_item_from_row

        item_id = item.id
        if item_id is None:
            raise ValidationError(["id: the step has not been saved yet"])
        item = replace(item, text=item.text.strip())
        problems = exit_item_problems(item)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.EXIT_PLAN) as session:
            row = _item_row(session, item_id)
            row.text = item.text
            row.due = item.due
            row.done = item.done
            session.flush()
            return exit_item_from_row(row)

    def set_item_due(self, item_id: int, due: dt.date | None) -> ExitItem:
        from cxjournal.store.mapping import exit_item_from_row

        with self._journal.session(Area.EXIT_PLAN) as session:
            row = _item_row(session, item_id)
            row.due = due
            return exit_item_from_row(row)

    def move_item(self, item_id: int, to_index: int) -> ExitPlan:
        """Move a step to ``to_index`` (0-based, clamped) in the checklist's order."""
        with self._journal.session(Area.EXIT_PLAN) as session:
            rows = list(_ordered_rows(session))
            moving = next((r for r in rows if r.id == item_id), None)
            if moving is None:
                raise NotFoundError(f"no checklist step with id {item_id}")
            rows.remove(moving)
            rows.insert(max(0, min(to_index, len(rows))), moving)
            for position, row in enumerate(rows):
                row.position = position
            session.flush()
            return _plan(session)

    def delete_item(self, item_id: int) -> int:
        """Move the step to the trash; the trash item's id."""
        return self._journal.trash.delete("exit_step", item_id)


# -- shared with the audit operations (same transaction) ------------------------------


def sync_with_latest_audit(session: Session) -> ExitStatus:
    """Apply the exit-plan rules to the latest audit's flag, inside ``session``.

    Call it only when the latest audit changed in a way that matters (an audit was
    added or deleted, or the latest one's flag or date changed), never on reads, so
    that a state the user set by hand stays until the audits say something new.
    """
    from cxjournal.store.orm_reads import latest_audit_key

    latest = latest_audit_key(session)
    blocking = None if latest is None else latest[1]
    state = _state(session)
    status, create = next_status(ExitStatus(state.status), blocking, _activated_before(session))
    _set_status(state, status)
    if create:
        _seed(session)
    return status


# -- helpers ------------------------------------------------------------------------


def _state(session: Session) -> ExitPlanRow:
    from cxjournal.store.models import ExitPlanRow

    state = session.get(ExitPlanRow, 1)
    if state is None:
        state = ExitPlanRow(id=1, status=ExitStatus.INACTIVE.value)
        session.add(state)
        session.flush()
    return state


def _set_status(state: ExitPlanRow, status: ExitStatus) -> None:
    if state.status != status.value:
        state.status = status.value
        state.changed_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _activated_before(session: Session) -> bool:
    """True when the checklist must not be created again.

    The template is used on the first activation only: once the plan has left
    ``inactive`` (or holds any step, e.g. after an import), the user's checklist is
    theirs, even if they removed every step.
    """
    from cxjournal.store.models import ExitPlanRow
    from cxjournal.store.orm_reads import exit_item_count

    state = session.get(ExitPlanRow, 1)
    if state is not None and state.status != ExitStatus.INACTIVE.value:
        return True
    return bool(exit_item_count(session))


def _seed(session: Session) -> None:
    from cxjournal.store.models import ExitItemRow
    from cxjournal.store.orm_reads import last_exit_position

    last = last_exit_position(session)
    start = 0 if last is None else last + 1
    for offset, text in enumerate(template_steps()):
        session.add(ExitItemRow(text=text, position=start + offset, done=False))
    session.flush()


def _ordered_rows(session: Session) -> list[ExitItemRow]:
    from cxjournal.store.orm_reads import exit_items

    return exit_items(session)


def _plan(session: Session) -> ExitPlan:
    """The plan as a write left it, read in the write's own transaction."""
    from cxjournal.store.session import plain_connection

    return exit_reads.plan(plain_connection(session))


def _item_row(session: Session, item_id: int) -> ExitItemRow:
    from cxjournal.store.models import ExitItemRow

    row = session.get(ExitItemRow, item_id)
    if row is None:
        raise NotFoundError(f"no checklist step with id {item_id}")
    return row
