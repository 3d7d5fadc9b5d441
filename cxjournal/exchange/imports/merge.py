"""Writing an import plan into the journal: all or nothing, merging, idempotent.

One transaction holds every write. People merge with the journal's by e-mail
address first, then by exact name (compared case-insensitively with spaces
tidied, as the exchange format's import does); a person who merges gains the
file's addresses they lack (unless another person already has one), and
nothing else of theirs changes. What was imported before is recognised by its
content, so importing the same file again changes nothing:

* a contact's note is skipped when its person already has a note with the same text;
* a note about no one is skipped when one with the same date and text exists
  (as many times as it occurs);
* a check-in is skipped when its date already has one (the journal's stays).

A dry run works out the same report and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cxjournal.domain.errors import CxJournalError
from cxjournal.domain.model import Note, NoteKind, Person, ResilienceEntry
from cxjournal.domain.validation import email_key
from cxjournal.exchange.import_merge import name_key
from cxjournal.exchange.imports.plan import ImportPlan, ImportReport, PersonMatch, PlannedPerson
from cxjournal.store import import_writes
from cxjournal.store.write_errors import refusals_as

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.store.session import Session

#: ``progress(done, total, what)``: called between the steps of an import.
Progress = Callable[[int, int, str], None]

_STEPS = ("Reading the journal", "People", "Notes", "Check-ins", "Saving")


def apply(
    journal: Journal,
    plan: ImportPlan,
    today: dt.date,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``plan`` (or, with ``dry_run``, only report what that would do).

    A plan with problems writes nothing: it comes back as a report listing
    them (a dry run also counts what the rest of the plan would do). ``today``
    dates the notes made from contacts' notes. Raises :class:`CxJournalError`
    if the database refuses a row (nothing written).
    """
    if plan.problems and not dry_run:
        return ImportReport.refused(plan)
    with (
        refusals_as(_refused),
        journal.session() as session,
    ):
        merge = _Merge(session, plan, today, progress)
        merge.decide()
        if not dry_run:
            merge.write()
        return replace(merge.report(written=not dry_run), problems=plan.problems)


def _refused(said: str) -> CxJournalError:
    return CxJournalError(f"the journal refused the import, so nothing was written ({said})")


@dataclass
class _Target:
    """Where a contact goes: a person of the journal, or a new one (``person.id`` None)."""

    person: Person
    new_emails: tuple[str, ...] = ()


class _Merge:
    def __init__(
        self, session: Session, plan: ImportPlan, today: dt.date, progress: Progress | None
    ) -> None:
        self.session = session
        self.plan = plan
        self.today = today
        self.progress = progress
        self.targets: list[_Target] = []
        self.added_people: list[_Target] = []
        self.updated_people: dict[int, _Target] = {}
        self.matches: list[PersonMatch] = []
        self.outcomes: list[PersonMatch | None] = []
        self.contact_notes: list[tuple[_Target, str]] = []
        self.notes: list[Note] = []
        self.checkins: list[ResilienceEntry] = []
        self.skipped: Counter[str] = Counter(self.plan.skipped)
        self.merged_people = 0

    def _step(self, step: int) -> None:
        if self.progress is not None:
            self.progress(step, len(_STEPS), _STEPS[min(step, len(_STEPS) - 1)])

    # -- deciding (reads only) -----------------------------------------------------------

    def decide(self) -> None:
        self._step(0)
        if self.plan.people:
            self._decide_people()
        self._step(1)
        if self.plan.notes:
            self._decide_notes()
        self._step(2)
        if self.plan.checkins:
            self._decide_checkins()
        self._step(3)

    def _decide_people(self) -> None:
        by_email: dict[str, _Target] = {}
        by_name: dict[str, _Target] = {}
        for person in import_writes.people_by_id(self.session).values():
            target = _Target(person)
            for address in target.person.emails:
                by_email.setdefault(email_key(address), target)
            by_name.setdefault(name_key(target.person.name), target)
        for planned in self.plan.people:
            found, by = self._match(planned, by_email, by_name)
            if found is None:
                target = _Target(planned.person)
                self.added_people.append(target)
                self.outcomes.append(None)
            else:
                target = found
                self.merged_people += 1
                self.matches.append(PersonMatch(planned.person.name, target.person, by))
                self.outcomes.append(self.matches[-1])
                fresh = tuple(e for e in planned.person.emails if email_key(e) not in by_email)
                if fresh:
                    target.new_emails += fresh
                    if target.person.id is not None:
                        self.updated_people[target.person.id] = target
            for address in planned.person.emails:
                by_email.setdefault(email_key(address), target)
            by_name.setdefault(name_key(planned.person.name), target)
            self.targets.append(target)
        self._decide_contact_notes()

    @staticmethod
    def _match(
        planned: PlannedPerson, by_email: dict[str, _Target], by_name: dict[str, _Target]
    ) -> tuple[_Target | None, str]:
        for address in planned.person.emails:
            if email_key(address) in by_email:
                return by_email[email_key(address)], "e-mail"
        found = by_name.get(name_key(planned.person.name))
        return (found, "name") if found is not None else (None, "")

    def _decide_contact_notes(self) -> None:
        ids = {t.person.id for t in self.targets if t.person.id is not None}
        known: set[tuple[object, str]] = set(import_writes.note_texts_of(self.session, ids))
        for planned, target in zip(self.plan.people, self.targets, strict=True):
            if not planned.note:
                continue
            who = target.person.id if target.person.id is not None else ("new", id(target))
            if (who, planned.note) in known:
                self.skipped["notes"] += 1
                continue
            known.add((who, planned.note))
            self.contact_notes.append((target, planned.note))

    def _decide_notes(self) -> None:
        present = import_writes.unassigned_notes(self.session)
        for note in self.plan.notes:
            key = (note.on, note.text)
            if present[key] > 0:
                present[key] -= 1
                self.skipped["notes"] += 1
            else:
                self.notes.append(note)

    def _decide_checkins(self) -> None:
        dates = import_writes.check_in_dates(self.session)
        for planned in self.plan.checkins:
            if planned.on in dates:
                self.skipped["checkins"] += 1
                continue
            dates.add(planned.on)
            self.checkins.append(
                ResilienceEntry(
                    on=planned.on,
                    energy=None,
                    stress=None,
                    mood=planned.mood,
                    drains=planned.drains,
                    restorers=planned.restorers,
                    tags=planned.tags,
                    note=planned.note,
                )
            )

    # -- writing -------------------------------------------------------------------------

    def write(self) -> None:
        targets = [*self.added_people, *self.updated_people.values()]
        people = [replace(t.person, emails=t.person.emails + t.new_emails) for t in targets]
        added = len(self.added_people)
        people[:added] = [replace(person, id=None) for person in people[:added]]
        ids = import_writes.save_people(self.session, people)
        for target, person_id in zip(targets, ids, strict=True):
            target.person = replace(target.person, id=person_id)
        self._step(4)
        for target, text in self.contact_notes:
            note = Note(on=self.today, text=text, kind=NoteKind.OTHER, person_id=target.person.id)
            import_writes.add_note(self.session, note)
        for note in self.notes:
            import_writes.add_note(self.session, note)
        for entry in self.checkins:
            import_writes.add_check_in(self.session, entry)
        self.session.flush()
        self._step(len(_STEPS))

    def report(self, written: bool) -> ImportReport:
        return ImportReport(
            added={
                "people": len(self.added_people),
                "emails": sum(len(t.new_emails) for t in self.updated_people.values()),
                "notes": len(self.contact_notes) + len(self.notes),
                "checkins": len(self.checkins),
            },
            merged={"people": self.merged_people},
            skipped=dict(self.skipped),
            matches=tuple(self.matches),
            outcomes=tuple(self.outcomes),
            written=written,
        )
