"""An exchange-format document (v1 or v2) into the journal: all or nothing, merging, idempotent.

The rules are spec/journal-format.md's "Import":

* the document is checked completely first (:func:`format_read.parse`): any
  problem and nothing is written;
* everything is written in ONE transaction;
* people match journal people by e-mail address first (case-insensitive),
  then by name, compared case-insensitively with spaces tidied; the
  journal's person is reused as it is, except that the file's addresses
  they lack are added to theirs. When several people
  share a name, the file's n-th one matches the journal's n-th (oldest first),
  so a journal with namesakes round-trips and re-imports cleanly;
* audits, notes and check-ins already in the journal with the same content
  are skipped (as many times as they occur), so importing a file twice
  changes nothing;
* a check-in for a date that already has a different one is an error
  (:class:`ImportConflictError`) unless ``replace`` is given;
* the exit plan: an untouched one (inactive, no items) takes the file's status
  and items; otherwise the file's items that are not on the list yet are added,
  and the plan follows the latest audit's blocking flag as when an audit is saved;
* content settings (the thresholds, ``CONTENT_SETTINGS``) the journal does not
  have are taken from the file; with ``replace`` the file's values also win over
  the journal's. Every other setting, backup retention above all, is the user's
  own and is never taken from a file;
* the program, proof points and talking points merge as described in
  :mod:`cxjournal.exchange.import_program`.

The writing itself is :class:`cxjournal.exchange.import_merge.MergeWriter`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal.domain.errors import CxJournalError, JournalWriteError, ValidationError
from cxjournal.exchange.format_read import Document, parse
from cxjournal.exchange.format_stream import NoteStream, empty_in_store, read_file
from cxjournal.exchange.import_merge import (
    ImportConflictError,
    ImportSummary,
    MergeWriter,
    Progress,
    name_key,
    report,
)
from cxjournal.store.write_errors import refusals_as

if TYPE_CHECKING:
    from cxjournal.journal import Journal

__all__ = [
    "ImportConflictError",
    "ImportSummary",
    "Progress",
    "import_document",
    "import_file",
    "import_text",
    "name_key",
    "store_problems",
]


def import_file(
    journal: Journal, path: Path, *, replace: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """Read, check and import the file at ``path`` (raises OSError if it cannot be read).

    The file is read as a stream (:mod:`cxjournal.exchange.format_stream`): the memory
    an import needs does not grow with its number of notes.
    """
    report(progress, 0)
    return import_document(journal, read_file(Path(path)), replace=replace, progress=progress)


def import_text(
    journal: Journal,
    text: str | bytes,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    report(progress, 0)
    return import_document(journal, parse(text), replace=replace, progress=progress)


def import_document(
    journal: Journal,
    doc: Document,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Write a checked document into the journal in one transaction; see the module doc.

    Raises :class:`ImportConflictError` for check-in conflicts (without
    ``replace``) and :class:`CxJournalError` if the database refuses a row;
    in both cases nothing was written.
    """
    problems = store_problems(doc)
    if problems:
        raise ValidationError(problems)
    try:
        with refusals_as(_refused), journal.session() as session:
            return MergeWriter(session, doc, replace, progress).run()
    except JournalWriteError as exc:
        raise JournalWriteError(f"{exc}, so nothing was written") from exc


def _refused(said: str) -> CxJournalError:
    return CxJournalError(f"the journal refused the import, so nothing was written ({said})")


def store_problems(doc: Document) -> list[str]:
    """What the format accepts but the journal's own checks refuse, with JSON paths
    (text that starts with a NUL character counts as empty in the store)."""

    message = "must not start with a NUL character"
    problems = [
        f"people[{i}].name: {message}"
        for i, p in enumerate(doc.people)
        if empty_in_store(p.person.name)
    ]
    # streamed notes were checked as they were read (a file with such a note is read whole)
    for i, n in enumerate(() if isinstance(doc.notes, NoteStream) else doc.notes):
        problems += [
            f"notes[{i}].follow_ups[{j}].text: {message}"
            for j, f in enumerate(n.note.follow_ups)
            if empty_in_store(f.text.strip())
        ]
    problems += [
        f"proof_points[{i}].title: {message}"
        for i, p in enumerate(doc.proof_points)
        if empty_in_store(p.point.title)
    ]
    problems += [
        f"agenda[{i}].text: {message}"
        for i, a in enumerate(doc.agenda)
        if empty_in_store(a.item.text)
    ]
    if doc.exit_plan is not None:
        problems += [
            f"exit_plan.items[{item.position}].text: {message}"
            for item in doc.exit_plan.items
            if empty_in_store(item.text.strip())
        ]
    return problems
