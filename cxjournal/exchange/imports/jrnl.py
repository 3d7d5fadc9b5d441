"""jrnl's JSON export (``jrnl --export json``) into notes about no one, kind ``other``.

Each of ``entries[]`` gives a note dated ``date``, with ``title``, a blank line
and ``body`` as its text and ``tags`` without their ``@``.
"""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.model import Note
from cxjournal.exchange.imports.journal_json import (
    JsonProblem,
    entries_of,
    load,
    note_about_no_one,
    tags_of,
)
from cxjournal.exchange.imports.plan import ImportPlan

KIND = "jrnl"
_WHAT = "a jrnl JSON export"


def read(data: bytes) -> ImportPlan:
    try:
        entries = entries_of(load(data, _WHAT), _WHAT)
    except JsonProblem as exc:
        return ImportPlan(KIND, problems=(str(exc),))
    notes: list[Note] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        path = f"entries[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{path}: an entry should be an object")
            continue
        raw_date = entry.get("date")
        try:
            on = dt.date.fromisoformat(str(raw_date).strip()[:10])
        except ValueError:
            problems.append(f"{path}.date: {raw_date!r} is not a date (YYYY-MM-DD)")
            continue
        title, body = entry.get("title", ""), entry.get("body", "")
        if not isinstance(title, str) or not isinstance(body, str):
            problems.append(f"{path}: title and body should be text")
            continue
        text = "\n\n".join(part for part in (title.strip(), body.strip()) if part)
        if not text:
            problems.append(f"{path}: the entry has no title and no body")
            continue
        tags = tags_of(entry.get("tags"), f"{path}.tags", problems)
        notes.append(note_about_no_one(on, text, tags))
    return ImportPlan(KIND, notes=tuple(notes), problems=tuple(problems))
