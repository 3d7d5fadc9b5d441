"""The whole journal as an exchange-format v2 document (spec/journal-format.md).

Everything is read in one transaction, so the file is a consistent snapshot
even while the app is writing. Records come out in a stable order (people by
id, audits and notes by date then id, check-ins by date), which is also the
order an import writes them in: export, import into an empty journal and
export again gives the same document apart from ids and ``exported_at``.

The reads are :mod:`cxjournal.store.reads`' on a plain DB-API connection
(:meth:`Journal.reading`), so a command that exports loads no SQLAlchemy; the
notes are streamed from the store (:mod:`cxjournal.store.export_rows`), so
:func:`write_export` writes a journal of any size in about the same memory.
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
from cxjournal.store.reads import agenda as agenda_reads
from cxjournal.store.reads import audits as audit_reads
from cxjournal.store.reads import exit_plan as exit_plan_reads
from cxjournal.store.reads import people as people_reads
from cxjournal.store.reads import program as program_reads
from cxjournal.store.reads import proof_points as proof_point_reads
from cxjournal.store.reads import resilience as resilience_reads
from cxjournal.store.reads import settings as settings_reads

if TYPE_CHECKING:
    from cxjournal.journal import Journal

#: Text gathered before each write to the file (characters).
_CHUNK = 1 << 20


def export_document(journal: Journal, now: dt.datetime | None = None) -> dict[str, Any]:
    """The journal as a format v2 document (a JSON-ready dict, every note in it)."""
    with journal.reading() as conn:
        return _document(conn, now, lazy=False)


def write_export(journal: Journal, handle: BinaryIO, now: dt.datetime | None = None) -> int:
    """Write the journal's file text to ``handle`` as it is read; returns the bytes written.

    The notes are streamed from the store, so a journal of any size is written in
    about the same memory; the text is exactly :func:`export_text`'s.
    """
    written = 0
    pending: list[str] = []
    size = 0
    with journal.reading() as conn:
        for piece in iter_json_text(_document(conn, now)):
            pending.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                written += handle.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
    written += handle.write("".join(pending).encode("utf-8"))
    return written


def export_text(journal: Journal, now: dt.datetime | None = None) -> str:
    with journal.reading() as conn:
        return "".join(iter_json_text(_document(conn, now)))


def export_to_file(journal: Journal, path: Path, now: dt.datetime | None = None) -> int:
    """Write the journal to ``path`` atomically; returns the file's size in bytes."""
    with atomic.atomic_output(Path(path)) as handle:
        return write_export(journal, handle, now)


def _document(conn: Any, now: dt.datetime | None, lazy: bool = True) -> dict[str, Any]:
    """The document read on ``conn`` (a DB-API connection); when ``lazy``, its notes are an
    iterator over the store, to be read before ``conn``'s transaction ends, as
    :func:`~cxjournal.exchange.format_write.iter_json_text` does."""
    exported_at = now or dt.datetime.now(dt.UTC)
    export_rows.begin_snapshot(conn)
    by_id = people_reads.by_id(conn)
    settings = settings_reads.values(conn)
    stored = settings.pop(THRESHOLDS_KEY, None)
    return dump(
        people=list(by_id.values()),
        audits=audit_reads.load(conn),
        notes=() if lazy else export_rows.notes(conn),
        stored_notes=export_rows.note_records(conn) if lazy else None,
        resilience=resilience_reads.between(conn),
        exit_plan=exit_plan_reads.plan(conn),
        thresholds=_thresholds(stored),
        settings=settings,
        exported_at=exported_at,
        program=program_reads.program(conn, by_id),
        proof_points=proof_point_reads.every(conn, by_id),
        agenda=agenda_reads.items(conn, by_id),
    )


def _thresholds(stored: Any) -> Thresholds:
    try:
        return Thresholds.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return Thresholds()
