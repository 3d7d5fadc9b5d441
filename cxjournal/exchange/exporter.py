"""The whole journal as an exchange-format v2 document (spec/journal-format.md).

Everything is read in one transaction, so the file is a consistent snapshot
even while the app is writing. Records come out in a stable order (people by
id, audits and notes by date then id, check-ins by date), which is also the
order an import writes them in: export, import into an empty journal and
export again gives the same document apart from ids and ``exported_at``.

The reads are :mod:`cxjournal.store.export_rows`'s; the notes are streamed
from the store, so :func:`write_export` writes a journal of any size in about
the same memory.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import atomic
from cxjournal.exchange.format_write import dump, iter_json_text
from cxjournal.journal.settings import THRESHOLDS_KEY
from cxjournal.store import export_rows
from cxjournal.store.agenda_store import read_agenda
from cxjournal.store.program_store import read_program, read_proof_points

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.store.session import Session

#: Text gathered before each write to the file (characters).
_CHUNK = 1 << 20


def export_document(journal: Journal, now: dt.datetime | None = None) -> dict[str, Any]:
    """The journal as a format v2 document (a JSON-ready dict, every note in it)."""
    with journal.session() as session:
        return _document(session, now, lazy=False)


def write_export(journal: Journal, handle: BinaryIO, now: dt.datetime | None = None) -> int:
    """Write the journal's file text to ``handle`` as it is read; returns the bytes written.

    The notes are streamed from the store, so a journal of any size is written in
    about the same memory; the text is exactly :func:`export_text`'s.
    """
    written = 0
    pending: list[str] = []
    size = 0
    with journal.session() as session:
        for piece in iter_json_text(_document(session, now)):
            pending.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                written += handle.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
    written += handle.write("".join(pending).encode("utf-8"))
    return written


def export_text(journal: Journal, now: dt.datetime | None = None) -> str:
    with journal.session() as session:
        return "".join(iter_json_text(_document(session, now)))


def export_to_file(journal: Journal, path: Path, now: dt.datetime | None = None) -> int:
    """Write the journal to ``path`` atomically; returns the file's size in bytes."""
    with atomic.atomic_output(Path(path)) as handle:
        return write_export(journal, handle, now)


def _document(session: Session, now: dt.datetime | None, lazy: bool = True) -> dict[str, Any]:
    """The document; when ``lazy``, its notes are an iterator over the store, to be read
    inside ``session``, as :func:`~cxjournal.exchange.format_write.iter_json_text` does."""
    exported_at = now or dt.datetime.now(dt.UTC)
    export_rows.begin_snapshot(session)
    people = export_rows.people(session)
    by_id = {person.id: person for person in people if person.id is not None}
    settings = export_rows.settings(session)
    stored = settings.pop(THRESHOLDS_KEY, None)
    return dump(
        people=people,
        audits=export_rows.audits(session, by_id),
        notes=export_rows.notes(session),
        resilience=export_rows.check_ins(session),
        exit_plan=export_rows.exit_plan(session),
        thresholds=_thresholds(stored),
        settings=settings,
        exported_at=exported_at,
        program=read_program(session, by_id),
        proof_points=read_proof_points(session, by_id),
        agenda=read_agenda(session, by_id),
        lazy_notes=lazy,
    )


def _thresholds(stored: Any) -> Thresholds:
    try:
        return Thresholds.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return Thresholds()
