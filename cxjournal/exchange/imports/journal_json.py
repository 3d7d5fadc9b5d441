"""What the jrnl and Day One readers share: JSON with clear problems, notes about no one."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cxjournal.domain.model import Note, NoteKind
from cxjournal.exchange.imports.text import NotText, decode, tidy


class JsonProblem(ValueError):
    """The file is not JSON (or is cut short); the message names the line."""


def load(data: bytes, what: str) -> Any:
    try:
        text = decode(data)
    except NotText as exc:
        raise JsonProblem(str(exc)) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        ending = " (the file may be cut short)" if exc.pos >= len(text.rstrip()) else ""
        raise JsonProblem(
            f"line {exc.lineno}: not {what}: {exc.msg} at column {exc.colno}{ending}"
        ) from exc


def entries_of(document: Any, what: str) -> list[Any]:
    """The ``entries`` list of an export; raises :class:`JsonProblem` when there is none."""
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise JsonProblem(f"entries: not {what}: it has no list of entries")
    return list(document["entries"])


def tags_of(value: Any, path: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        problems.append(f"{path}: tags should be a list of text")
        return ()
    return tuple(t for t in (tidy(tag.lstrip("@#")) for tag in value) if t)


def note_about_no_one(on: dt.date, text: str, tags: tuple[str, ...]) -> Note:
    return Note(on=on, text=text, kind=NoteKind.OTHER, person_id=None, tags=tags)
