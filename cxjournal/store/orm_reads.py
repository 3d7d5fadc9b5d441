"""The small reads the ORM writes need inside their own transaction: every person, the
latest audit's key, the exit plan's checklist."""

from __future__ import annotations

from sqlalchemy import func, select

from cxjournal.domain.model import Person
from cxjournal.store.models import AuditRow, ExitItemRow
from cxjournal.store.reads import people as people_reads
from cxjournal.store.session import Session, plain_connection


def people_by_id(session: Session) -> dict[int, Person]:
    """Every person, archived too, by id in id order (``store.reads.people``, on the
    session's connection, as the session left them)."""
    return people_reads.by_id(plain_connection(session))


def latest_audit_key(session: Session) -> tuple[int, bool] | None:
    """The latest audit's id and blocking-superior flag (a tie on the date goes to the one
    created last): what the exit plan depends on."""
    found = session.execute(
        select(AuditRow.id, AuditRow.blocking_superior)
        .order_by(AuditRow.taken_on.desc(), AuditRow.id.desc())
        .limit(1)
    ).first()
    return None if found is None else (int(found[0]), bool(found[1]))


def exit_items(session: Session) -> list[ExitItemRow]:
    """The checklist's steps in their order."""
    return list(session.scalars(select(ExitItemRow).order_by(ExitItemRow.position, ExitItemRow.id)))


def exit_item_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ExitItemRow)) or 0)


def last_exit_position(session: Session) -> int | None:
    """The highest position a checklist step has; None for an empty checklist."""
    last = session.scalar(select(func.max(ExitItemRow.position)))
    return None if last is None else int(last)
