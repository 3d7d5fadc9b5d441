"""People: the directory that audits and stakeholder notes share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxjournal.domain.cadence import DueStatus
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Attitude, Person
from cxjournal.domain.validation import person_problems
from cxjournal.journal import stakeholders
from cxjournal.journal.changes import Area
from cxjournal.journal.stakeholders import DueStakeholder
from cxjournal.store.reads import people as people_reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One line of the people directory: the person, their cadence and latest attitude."""

    person: Person
    last_contact: dt.date | None
    due: dt.date | None
    status: DueStatus
    #: the attitude of their latest note that records one
    last_attitude: Attitude | None


class PeopleOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def all(self, include_archived: bool = False) -> list[Person]:
        with self._journal.reading() as conn:
            return people_reads.everyone(conn, include_archived)

    def get(self, person_id: int) -> Person:
        from cxjournal.store import people_store

        with self._journal.session() as session:
            return people_store.person(session, person_id)

    def find_by_name(self, name: str) -> Person | None:
        """The person with exactly this name, compared case-insensitively (oldest first)."""
        from cxjournal.store import people_store

        with self._journal.session() as session:
            return people_store.person_named(session, name)

    def add(self, person: Person) -> Person:
        from cxjournal.store import people_store

        problems = person_problems(person)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.PEOPLE) as session:
            return people_store.add_person(session, person)

    def update(self, person: Person) -> Person:
        from cxjournal.store import people_store

        if person.id is None:
            raise ValidationError(["id: the person has not been saved yet"])
        problems = person_problems(person)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.PEOPLE) as session:
            return people_store.update_person(session, person, person.id)

    def set_archived(self, person_id: int, archived: bool) -> Person:
        from cxjournal.store import people_store

        with self._journal.session(Area.PEOPLE) as session:
            return people_store.set_person_archived(session, person_id, archived)

    def usage(self, person_id: int) -> dict[str, int]:
        """How much journal content refers to this person: notes, ratings, blocking flags."""
        from cxjournal.store import people_store

        with self._journal.session() as session:
            return people_store.usage_counts(session, person_id)

    def delete(self, person_id: int) -> int:
        """Move a person to the trash with everything that is theirs: e-mails, notes and
        their follow-ups, ratings in audits, talking points, plan roles and proof-point
        shares (an audit that named them as the blocking superior keeps its flag, without
        the name, until they are restored). The trash item's id."""
        return self._journal.trash.delete("person", person_id)

    # -- cadence ----------------------------------------------------------------------

    def summaries(self, today: dt.date, include_archived: bool = False) -> list[PersonSummary]:
        """Every person (archived too on request) with cadence and latest attitude, sorted by
        name (``store.reads.people.directory``: one query)."""
        with self._journal.reading() as conn:
            found = people_reads.directory(conn, include_archived)
        result = []
        for person, last, attitude in found:
            standing = stakeholders.standing(person, last, today)
            result.append(
                PersonSummary(
                    person=person,
                    last_contact=last,
                    due=standing.due,
                    status=standing.status,
                    last_attitude=attitude,
                )
            )
        return result

    def due(self, today: dt.date) -> list[DueStakeholder]:
        """Stakeholders (not archived, with a cadence) whose update is due on or before
        ``today``, most overdue first (``journal.stakeholders.due``, as Today shows them)."""
        with self._journal.reading() as conn:
            return list(stakeholders.due(conn, today))

    def due_count(self, today: dt.date) -> int:
        """How many stakeholders are due or overdue on ``today`` (as ``len(due(today))``)."""
        return len(self.due(today))

    def cadence(self, person_id: int, today: dt.date) -> DueStakeholder:
        """Where one person's cadence stands on ``today``."""
        with self._journal.reading() as conn:
            return stakeholders.cadence(conn, person_id, today)

    def search(self, text: str, include_archived: bool = False) -> list[Person]:
        """People whose name, role, team or function contains ``text`` (case-insensitive)."""
        from cxjournal.store import people_store

        with self._journal.session() as session:
            return people_store.search_people(session, text, include_archived)
