"""Writing a checked exchange-format document into the journal: the merge behind the importer.

:class:`MergeWriter` runs inside one transaction and follows the rules listed in
:mod:`cxjournal.exchange.importer` (which is the public entry point). Rows go in
with bulk INSERTs and explicit ids (the next free ones, inside the write
transaction), so a ten-year journal imports in about a second.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Sequence
from contextlib import ExitStack
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import Audit, ExitStatus, ResilienceEntry
from cxjournal.domain.ties import tie_rows
from cxjournal.domain.validation import email_key
from cxjournal.exchange.format_plain import NOTE_PERSON_AT, note_row
from cxjournal.exchange.format_read import DocNote, Document
from cxjournal.exchange.format_stream import NoteStream
from cxjournal.exchange.import_program import merge_program_records
from cxjournal.exchange.import_summary import ImportConflictError, ImportSummary
from cxjournal.journal.exit_plan import sync_with_latest_audit
from cxjournal.journal.settings import CONTENT_SETTINGS, THRESHOLDS_KEY
from cxjournal.store import import_writes as store
from cxjournal.store import records
from cxjournal.store.bulk_index import index_at_end
from cxjournal.store.mapping import person_values, resilience_values
from cxjournal.store.records import tags_from_json

__all__ = ["ImportConflictError", "ImportSummary", "MergeWriter", "Progress", "name_key", "report"]

if TYPE_CHECKING:
    from cxjournal.store.session import Session

#: ``progress(done, total, what)``: called between the steps of an import.
Progress = Callable[[int, int, str], None]

_STEPS = (
    "Checking the file",
    "People",
    "Audits",
    "Notes",
    "Check-ins",
    "Exit plan and settings",
    "Program, proof points and agenda",
)


#: Rows of notes sent to the database at a time: an import's memory stays flat.
WRITE_BATCH = 2000
#: From this many new notes and check-ins on, they are indexed for search once, after they
#: are written (:mod:`cxjournal.store.bulk_index`), instead of row by row.
BULK_INDEX_ROWS = 2000


def report(progress: Progress | None, step: int) -> None:
    if progress is not None:
        progress(step, len(_STEPS), _STEPS[min(step, len(_STEPS) - 1)])


def name_key(name: str) -> str:
    """How names are compared: spaces tidied, case folded (as ``PeopleOps.find_by_name``)."""
    return " ".join(name.split()).casefold()


def _take(counter: Counter[Hashable], key: Hashable) -> bool:
    """True (and one fewer left) when ``key`` is still available in ``counter``."""
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


class MergeWriter:
    """One import's writes, in the caller's session; ``run()`` returns the summary."""

    def __init__(
        self, session: Session, doc: Document, replace: bool, progress: Progress | None
    ) -> None:
        self.session = session
        self.doc = doc
        self.replace = replace
        self.progress = progress
        self.counts: dict[str, Any] = {}

    def run(self) -> ImportSummary:
        checkins = self._plan_checkins()  # conflicts are found before anything is written
        report(self.progress, 1)
        latest_before = self._latest_audit()
        ids = self._people()
        doc = replace(self.doc, notes=()).with_person_ids(ids)  # the notes: as they are written
        report(self.progress, 2)
        self._audits([a.audit for a in doc.audits])
        report(self.progress, 3)
        with ExitStack() as stack:
            if len(self.doc.notes) + len(checkins[0]) >= BULK_INDEX_ROWS:
                stack.enter_context(index_at_end(self.session, len(self.doc.notes)))
            self._notes(self.doc.notes, ids)
            report(self.progress, 4)
            self._write_checkins(*checkins)
        report(self.progress, 5)
        plan_from_file = self._exit_plan()
        if not plan_from_file and self._latest_audit() != latest_before:
            sync_with_latest_audit(self.session)
        self._settings()
        self.session.flush()
        report(self.progress, 6)
        merge_program_records(self.session, doc, self.replace, self.counts)
        self.session.flush()
        report(self.progress, len(_STEPS))
        return ImportSummary(**self.counts)

    # -- people ----------------------------------------------------------------------

    def _people(self) -> dict[str, int]:
        """Match the file's people (by e-mail first, then by name) or add them; file id -> id.

        A person matched by name or address is reused as they are, except that
        the file's addresses they lack are added to theirs.
        """
        by_name: dict[str, list[int]] = {}
        for person_id, name in store.person_names(self.session):
            by_name.setdefault(name_key(name), []).append(person_id)
        by_email: dict[str, list[int]] = {}
        emails_of: dict[int, list[str]] = {}
        for person_id, email in store.person_emails(self.session):
            by_email.setdefault(email_key(email), []).append(person_id)
            emails_of.setdefault(person_id, []).append(email_key(email))
        claimed: set[int] = set()
        ids: dict[str, int] = {}
        rows: list[dict[str, Any]] = []
        email_rows: list[dict[str, Any]] = []
        next_id = store.next_id(self.session, "people")
        for doc_person in self.doc.people:
            person = doc_person.person
            match = next(
                (
                    found
                    for email in person.emails
                    for found in by_email.get(email_key(email), [])
                    if found not in claimed
                ),
                None,
            )
            if match is None:
                candidates = by_name.get(name_key(person.name), [])
                match = next((found for found in candidates if found not in claimed), None)
            if match is None:
                ids[doc_person.file_id] = next_id
                rows.append({"id": next_id, **person_values(person)})
                email_rows += _email_rows(next_id, person.emails, [])
                next_id += 1
                continue
            claimed.add(match)
            ids[doc_person.file_id] = match
            added = _email_rows(match, person.emails, emails_of.get(match, []))
            emails_of.setdefault(match, []).extend(email_key(row["email"]) for row in added)
            email_rows += added
        store.insert_rows(self.session, "people", rows)
        store.insert_rows(self.session, "person_emails", email_rows)
        new_people = {row["id"] for row in rows}
        self.counts.update(
            people_added=len(rows),
            people_matched=len(self.doc.people) - len(rows),
            emails_added=sum(1 for row in email_rows if row["person_id"] not in new_people),
        )
        return ids

    # -- audits ----------------------------------------------------------------------

    def _audits(self, audits: list[Audit]) -> None:
        ratings: dict[int, list[tuple[Any, ...]]] = {}
        for row in store.rating_rows(self.session):
            ratings.setdefault(row[0], []).append(tuple(row[1:]))
        ties: dict[int, list[tuple[int, int]]] = {}
        for audit_id, person_a, person_b in store.tie_pairs(self.session):
            ties.setdefault(audit_id, []).append((person_a, person_b))
        present: Counter[Hashable] = Counter(
            (
                taken_on,
                note,
                bool(blocking),
                blocker,
                tuple(sorted(ratings.get(audit_id, []))),
                bool(recorded),
                tuple(sorted(ties.get(audit_id, []))),
            )
            for audit_id, taken_on, note, blocking, blocker, recorded in store.audit_heads(
                self.session
            )
        )
        tie_values: list[dict[str, Any]] = []
        audit_rows: list[dict[str, Any]] = []
        rating_rows: list[dict[str, Any]] = []
        next_id = store.next_id(self.session, "audits")
        skipped = 0
        for audit in audits:
            blocker = audit.blocking_superior_person if audit.blocking_superior else None
            blocker_id = blocker.id if blocker is not None else None
            rated = [
                (
                    r.person.id,
                    *records.values(records.RATING, r).values(),
                    *records.values(records.ASPECTS_RECORD, r.aspects).values(),
                )
                for r in audit.ratings
            ]
            recorded = audit.ties_recorded or bool(audit.ties)
            pairs = tie_rows([r.person.id or 0 for r in audit.ratings], audit.ties)
            key = (audit.taken_on, audit.note, audit.blocking_superior, blocker_id)
            if _take(present, (*key, tuple(sorted(rated)), recorded, tuple(pairs))):
                skipped += 1
                continue
            audit_rows.append(
                {
                    "id": next_id,
                    "taken_on": audit.taken_on,
                    "note": audit.note,
                    "blocking_superior": audit.blocking_superior,
                    "blocking_superior_person_id": blocker_id,
                    "ties_recorded": recorded,
                }
            )
            for position, values in enumerate(rated):
                rating_rows.append(_rating_row(next_id, position, values))
            tie_values += [{"audit_id": next_id, "person_a": a, "person_b": b} for a, b in pairs]
            next_id += 1
        store.insert_rows(self.session, "audits", audit_rows)
        store.insert_rows(self.session, "ratings", rating_rows)
        store.insert_rows(self.session, "audit_ties", tie_values)
        self.counts.update(audits_added=len(audit_rows), audits_skipped=skipped)

    # -- notes -----------------------------------------------------------------------

    def _notes(self, notes: Collection[DocNote], ids: dict[str, int]) -> None:
        """Add the notes not in the journal yet, in batches (the file's are streamed)."""
        follow_ups: dict[int, list[tuple[Any, ...]]] = {}
        for note_id, text, due, done in store.follow_up_rows(self.session):
            follow_ups.setdefault(note_id, []).append((text, due, bool(done)))
        present: Counter[Hashable] = Counter(
            _note_key(row[1:], tuple(follow_ups.get(row[0], ())))
            for row in store.note_rows(self.session)
        )
        next_id = store.next_id(self.session, "notes")
        added = skipped = 0
        note_rows: list[tuple[Any, ...]] = []
        follow_up_rows: list[tuple[Any, ...]] = []
        rows = notes.rows() if isinstance(notes, NoteStream) else map(note_row, notes)
        for person, values, todo in rows:
            values[NOTE_PERSON_AT] = None if person is None else ids[person]
            # (into a journal without notes, no key is needed: nothing can match)
            if present and _take(present, _note_key(values, todo)):
                skipped += 1
                continue
            note_rows.append((next_id, *values))
            if todo:
                follow_up_rows.extend(
                    (next_id, at, text, due, done) for at, (text, due, done) in enumerate(todo)
                )
            next_id += 1
            added += 1
            if len(note_rows) >= WRITE_BATCH:
                self._write_notes(note_rows, follow_up_rows)
        self._write_notes(note_rows, follow_up_rows)
        self.counts.update(notes_added=added, notes_skipped=skipped)

    def _write_notes(self, notes: list[tuple[Any, ...]], follow_ups: list[tuple[Any, ...]]) -> None:
        """Insert these rows (one batch of the import's transaction) and empty the lists."""
        store.insert_values(self.session, "notes", _NOTE_COLUMNS, notes)
        store.insert_values(self.session, "follow_ups", _FOLLOW_UP_COLUMNS, follow_ups)
        notes.clear()
        follow_ups.clear()

    # -- check-ins -------------------------------------------------------------------

    def _plan_checkins(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The check-ins to add and to replace; raises ImportConflictError on a conflict."""
        # Both sides as the store keeps them (tags tidied), compared field by field.
        existing: dict[dt.date, tuple[int, ResilienceEntry]] = {}
        for found in store.check_in_rows(self.session):
            stored: ResilienceEntry = records.from_row(records.CHECK_IN, (None, *found[1:]))
            existing[stored.on] = (found[0], stored)
        added: list[dict[str, Any]] = []
        replaced: list[dict[str, Any]] = []
        conflicts: list[str] = []
        skipped = 0
        for index, entry in enumerate(self.doc.resilience):
            values = _checkin_row(entry)
            if entry.on not in existing:
                added.append(values)
                continue
            row_id, content = existing[entry.on]
            if records.from_row(records.CHECK_IN, (None, *values.values())) == content:
                skipped += 1
            elif self.replace:
                replaced.append({**values, "id": row_id})
            else:
                conflicts.append(
                    f"resilience[{index}].on: {entry.on.isoformat()} already has a different "
                    "check-in in this journal"
                )
        if conflicts:
            raise ImportConflictError(conflicts)
        self.counts.update(
            checkins_added=len(added), checkins_replaced=len(replaced), checkins_skipped=skipped
        )
        return added, replaced

    def _write_checkins(self, added: list[dict[str, Any]], replaced: list[dict[str, Any]]) -> None:
        store.insert_rows(self.session, "resilience", added)
        store.update_rows(self.session, "resilience", replaced)

    # -- exit plan and settings ------------------------------------------------------

    def _latest_audit(self) -> tuple[int, bool] | None:
        """The latest audit's id and flag: what the exit plan follows."""
        return store.latest_audit(self.session)

    def _exit_plan(self) -> bool:
        """Merge the file's exit plan; True when the journal's plan now is the file's own.

        Otherwise the plan follows the latest audit, as when an audit is saved.
        """
        plan = self.doc.exit_plan
        self.counts.update(exit_items_added=0, exit_status_set=False)
        if plan is None:
            return False
        status = store.exit_status(self.session)
        items = store.exit_items(self.session)
        untouched = (status is None or status == ExitStatus.INACTIVE.value) and not items
        known = {name_key(text) for text, _ in items}
        position = max((p for _, p in items), default=-1) + 1
        rows: list[dict[str, Any]] = []
        for item in sorted(plan.items, key=lambda i: i.position):
            text = item.text.strip()
            if name_key(text) in known and not untouched:
                continue
            known.add(name_key(text))
            rows.append({"position": position, "text": text, "done": item.done, "due": item.due})
            position += 1
        store.insert_rows(self.session, "exit_items", rows)
        if untouched and plan.status != ExitStatus.INACTIVE:
            store.set_exit_status(self.session, plan.status.value, dt.datetime.now(dt.UTC))
            self.counts["exit_status_set"] = True
        self.counts["exit_items_added"] = len(rows)
        self.session.flush()
        return untouched and (plan.status != ExitStatus.INACTIVE or bool(plan.items))

    def _settings(self) -> None:
        wanted = {
            key: value
            for key, value in self.doc.settings.items()
            if key in CONTENT_SETTINGS and key != THRESHOLDS_KEY
        }
        if self.doc.thresholds is not None:
            wanted[THRESHOLDS_KEY] = self.doc.thresholds.as_dict()
        written = 0
        for key, value in wanted.items():
            stored = store.setting_text(self.session, key)
            if stored is not None and not (self.replace and json.loads(stored) != value):
                continue
            store.write_setting(self.session, key, value)
            written += 1
        self.counts["settings_written"] = written


#: Where the tags are among a note's stored columns (:func:`_note_key` decodes them).
_NOTE_TAGS = [f.column for f in records.NOTE.stored].index("tags")
#: The columns of the rows :meth:`MergeWriter._write_notes` writes.
_NOTE_COLUMNS = ("id", *(f.column or "" for f in records.NOTE.stored))
_FOLLOW_UP_COLUMNS = ("note_id", "position", "text", "due", "done")


def _note_key(stored: Sequence[Any], follow_ups: tuple[Any, ...]) -> tuple[Any, ...]:
    """What makes two notes the same: every stored column (in ``records.NOTE`` order, as
    ``records.plain_values`` gives them, tags decoded) and the follow-ups as (text, due as
    ISO text, done)."""
    key = list(stored)
    key[_NOTE_TAGS] = tags_from_json(key[_NOTE_TAGS])
    return (*key, follow_ups)


def _email_rows(person_id: int, emails: tuple[str, ...], known: list[str]) -> list[dict[str, Any]]:
    """Rows for the addresses of ``emails`` not among ``known`` (keys), after them."""
    have = set(known)
    rows: list[dict[str, Any]] = []
    for email in emails:
        if email_key(email) in have:
            continue
        have.add(email_key(email))
        rows.append(
            {"person_id": person_id, "position": len(known) + len(rows), "email": email.strip()}
        )
    return rows


def _rating_row(audit_id: int, position: int, values: tuple[Any, ...]) -> dict[str, Any]:
    person_id, *scores = values
    row: dict[str, Any] = {"audit_id": audit_id, "person_id": person_id, "position": position}
    row.update(zip(records.RATING_SCORE_COLUMNS, scores, strict=True))
    return row


def _checkin_row(entry: ResilienceEntry) -> dict[str, Any]:
    return resilience_values(entry)
