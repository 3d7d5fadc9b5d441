"""Power audits: dated snapshots of up to ten ratings, their analysis, and the exit plan.

Every save or delete that changes the latest audit (its id or its
``blocking_superior`` flag) applies the exit-plan rules in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from cxjournal.domain.audit_compare import Comparison, compare
from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Audit, Person
from cxjournal.domain.power_audit import Analysis, analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.validation import audit_problems, person_problems
from cxjournal.journal.changes import Area
from cxjournal.store.reads import audits as audit_reads
from cxjournal.store.reads import revisions as revision_reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal
    from cxjournal.store.models import AuditRow
    from cxjournal.store.session import Session


@dataclass(frozen=True, slots=True)
class AuditSummary:
    id: int
    taken_on: date
    people: int
    blocking_superior: bool
    #: the codes of the alarms that ring for this audit, in the order they are reported
    alarm_codes: tuple[str, ...] = ()


class AuditOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        #: the last list of audits, with the revisions of the tables and the thresholds
        #: it was made from
        self._summaries: tuple[tuple[object, ...], tuple[AuditSummary, ...]] | None = None

    # -- reading -------------------------------------------------------------------

    def summaries(self) -> list[AuditSummary]:
        """Every audit, newest first, with how many people it rates and its alarm codes.

        Alarms are computed with the thresholds stored in the journal. While no audit,
        rating, tie or person has changed (``store.reads.revisions``, one seek) and the
        thresholds are the same, the list made last time is given again, unread.
        """
        thresholds = self._journal.settings.thresholds()
        with self._journal.reading() as conn:
            # read in the same transaction as the audits, so the key says what they are
            key = (revision_reads.of(conn, revision_reads.AUDIT_TABLES), thresholds)
            kept = self._summaries
            if kept is not None and kept[0] == key:
                return list(kept[1])
            audits = audit_reads.load(conn)
        summaries = tuple(
            AuditSummary(
                id=audit.id or 0,
                taken_on=audit.taken_on,
                people=len(audit.ratings),
                blocking_superior=audit.blocking_superior,
                alarm_codes=alarm_codes(audit, thresholds),
            )
            for audit in reversed(audits)
        )
        self._summaries = (key, summaries)
        return list(summaries)

    def count(self) -> int:
        with self._journal.reading() as conn:
            return audit_reads.count(conn)

    def all(self) -> list[Audit]:
        """Every audit with its ratings, oldest first (the order trends are drawn in)."""
        with self._journal.reading() as conn:
            return audit_reads.load(conn)

    def get(self, audit_id: int) -> Audit:
        with self._journal.reading() as conn:
            found = audit_reads.one(conn, audit_id)
        if found is None:
            raise NotFoundError(f"no audit with id {audit_id}")
        return found

    def latest(self) -> Audit | None:
        """The audit with the latest date; a tie goes to the one created last."""
        with self._journal.reading() as conn:
            return audit_reads.latest(conn)

    def previous(self, audit_id: int) -> Audit | None:
        """The audit just before this one in date order, if any."""
        with self._journal.reading() as conn:
            if audit_reads.one(conn, audit_id) is None:
                raise NotFoundError(f"no audit with id {audit_id}")
            return audit_reads.previous(conn, audit_id)

    # -- analysis ----------------------------------------------------------------------

    def analyse(self, audit: Audit) -> Analysis:
        """The analysis of ``audit`` (saved or not) with the journal's thresholds."""
        return analyse(audit, self._journal.settings.thresholds())

    def analysis(self, audit_id: int) -> Analysis:
        """The analysis of a saved audit; raises ``NotFoundError`` for an unknown id."""
        return self.analyse(self.get(audit_id))

    def latest_analysis(self) -> Analysis | None:
        """The analysis of the latest audit; ``None`` when the journal has none."""
        latest = self.latest()
        return self.analyse(latest) if latest is not None else None

    def compare_with_previous(self, audit_id: int) -> Comparison | None:
        """How this audit differs from the one before it; ``None`` when it is the first."""
        current = self.get(audit_id)
        previous = self.previous(audit_id)
        if previous is None:
            return None
        return compare(previous, current, self._journal.settings.thresholds())

    def new_from_latest(self, taken_on: date | None = None) -> Audit | None:
        """An unsaved copy of the latest audit, dated ``taken_on`` (default today).

        It keeps the people, their last ratings and the blocking flag, so a re-audit
        only needs what changed. ``None`` when there is no audit to copy.
        """
        latest = self.latest()
        if latest is None:
            return None
        return replace(
            latest,
            id=None,
            taken_on=taken_on or date.today(),
            note="",
            ratings=tuple(replace(rating, id=None) for rating in latest.ratings),
        )

    # -- writing ---------------------------------------------------------------------

    def save(self, audit: Audit) -> Audit:
        """Create (``id`` None) or replace an audit, with its ratings, in one transaction.

        People in ratings without an id are added to the directory first.
        """
        problems = audit_problems(audit)
        if audit.blocking_superior_person is not None and audit.blocking_superior_person.id is None:
            problems += [
                f"blocking_superior_person.{p}"
                for p in person_problems(audit.blocking_superior_person)
            ]
        if problems:
            raise ValidationError(problems)
        # the ORM only for writing: reading and analysing audits loads no SQLAlchemy
        from cxjournal.journal.core import also_changes
        from cxjournal.journal.exit_plan import sync_with_latest_audit
        from cxjournal.store.mapping import apply_rating, apply_ties, audit_from_row
        from cxjournal.store.models import AuditRow, RatingRow
        from cxjournal.store.orm_reads import latest_audit_key, people_by_id

        with self._journal.session(Area.AUDITS) as session:
            before = latest_audit_key(session)
            new_people: dict[str, int] = {}
            if audit.id is None:
                row = AuditRow()
                session.add(row)
            else:
                row = _row(session, audit.id)
                row.ties.clear()  # before the ratings they point at
                session.flush()
                row.ratings.clear()
                session.flush()
            row.taken_on = audit.taken_on
            row.ties_recorded = audit.ties_recorded or bool(audit.ties)
            row.note = audit.note
            row.blocking_superior = audit.blocking_superior
            blocker = audit.blocking_superior_person if audit.blocking_superior else None
            row.blocking_superior_person_id = (
                _person_id(session, blocker, new_people) if blocker is not None else None
            )
            for position, rating in enumerate(audit.ratings):
                rating_row = RatingRow(
                    position=position,
                    person_id=_person_id(session, rating.person, new_people),
                )
                apply_rating(rating_row, rating)
                row.ratings.append(rating_row)
            session.flush()
            apply_ties(row, audit.ties)
            session.flush()
            if latest_audit_key(session) != before:
                sync_with_latest_audit(session)
                also_changes(session, Area.EXIT_PLAN)
            if new_people:
                also_changes(session, Area.PEOPLE)
            return audit_from_row(row, people_by_id(session))

    def delete(self, audit_id: int) -> int:
        """Move an audit and its ratings to the trash (the people stay in the directory);
        the trash item's id."""
        return self._journal.trash.delete("audit", audit_id)


def _row(session: Session, audit_id: int) -> AuditRow:
    from cxjournal.store.models import AuditRow

    row = session.get(AuditRow, audit_id)
    if row is None:
        raise NotFoundError(f"no audit with id {audit_id}")
    return row


def _person_id(session: Session, person: Person, new_people: dict[str, int]) -> int:
    """The id of a saved person, or of the new row made for an unsaved one.

    ``new_people`` remembers the rows made during this save by name, so an unsaved
    person who is both rated and named as the blocking superior is added once.
    """
    from cxjournal.store.mapping import apply_person
    from cxjournal.store.models import PersonRow

    if person.id is not None:
        if session.get(PersonRow, person.id) is None:
            raise NotFoundError(f"no person with id {person.id}")
        return person.id
    key = " ".join(person.name.split()).casefold()
    if key in new_people:
        return new_people[key]
    row = PersonRow()
    apply_person(row, person)
    session.add(row)
    session.flush()
    new_people[key] = row.id
    return row.id


@lru_cache(maxsize=1024)
def alarm_codes(audit: Audit, thresholds: Thresholds) -> tuple[str, ...]:
    """The codes of the alarms ``analyse`` raises for this audit with these thresholds.

    Remembered by value (an audit, its ratings and people, and the thresholds are all
    frozen), so the list of audits analyses only an audit that changed, or all of them
    once when the thresholds change, not every audit on every refresh.
    """
    return tuple(code.value for code in analyse(audit, thresholds).alarm_codes)
