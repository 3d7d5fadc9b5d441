"""Reading an exchange-format file as a stream: the notes are never all in memory at once.

:func:`read_file` checks a file exactly as :func:`~cxjournal.exchange.format_read.parse`
does, and returns the same :class:`~cxjournal.exchange.format_read.Document`, except that
its ``notes`` are a :class:`NoteStream`: they are read from the file again, one by one,
each time they are iterated. Everything else in a journal file (people, audits,
check-ins, the program) is small and is read whole.

The file is read in chunks and decoded one JSON value at a time, so the memory an
import needs no longer grows with the number of notes. A file with any problem at
all (not UTF-8, not JSON, a repeated key, a wrong field) is handed to ``parse``
whole, which reports every problem with its JSON path exactly as before: the
streaming path only ever accepts files that ``parse`` accepts.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from cxjournal.domain.errors import ValidationError
from cxjournal.exchange.format_fields import FieldReader
from cxjournal.exchange.format_file import check_header
from cxjournal.exchange.format_plain import NoteRow, PlainNoteReader, note_row
from cxjournal.exchange.format_read import (
    DocNote,
    Document,
    parse,
    parse_data,
    read_note,
    read_note_fields,
    read_people,
)

__all__ = ["NoteStream", "empty_in_store", "read_file"]

#: How much of the file is read at a time.
CHUNK_BYTES = 1 << 20

_SPACE = re.compile(r"[ \t\n\r]*")
_NOTES = "notes"


class _NotStreamable(Exception):
    """The file needs the whole-file reader (it has a problem, or an unusual shape)."""


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _NotStreamable
    return obj


def _no_constant(_name: str) -> Any:
    raise _NotStreamable


_DECODER = json.JSONDecoder(object_pairs_hook=_unique_pairs, parse_constant=_no_constant)


class _Scanner:
    """The top level of one JSON object, read from a binary file in chunks."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._utf8 = codecs.getincrementaldecoder("utf-8-sig")()
        self._text = ""
        self._pos = 0
        self._eof = False

    def _more(self) -> bool:
        if self._eof:
            return False
        chunk = self._stream.read(CHUNK_BYTES)
        try:
            text = self._utf8.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            raise _NotStreamable from None
        self._eof = not chunk
        self._text = self._text[self._pos :] + text
        self._pos = 0
        return True

    def _skip_space(self) -> None:
        while True:
            found = _SPACE.match(self._text, self._pos)
            self._pos = found.end() if found else self._pos
            if self._pos < len(self._text) or not self._more():
                return

    def peek(self) -> str:
        self._skip_space()
        return self._text[self._pos : self._pos + 1]

    def _expect(self, *marks: str) -> str:
        mark = self.peek()
        if not mark or mark not in marks:
            raise _NotStreamable
        self._pos += 1
        return mark

    def value(self) -> Any:
        """The next JSON value, decoded (read further into the file as needed)."""
        self._skip_space()
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self._pos)
            except json.JSONDecodeError:
                if self._more():
                    continue
                raise _NotStreamable from None
            except RecursionError:
                raise _NotStreamable from None
            if end == len(self._text) and self._more():
                continue  # a number may go on in the next chunk
            self._pos = end
            return value

    def members(self) -> Iterator[str]:
        """The top-level object's keys; after each, read its value (``value`` or ``items``)."""
        self._expect("{")
        if self.peek() == "}":
            self._pos += 1
        else:
            while True:
                key = self.value()
                if not isinstance(key, str):
                    raise _NotStreamable
                self._expect(":")
                yield key
                if self._expect(",", "}") == "}":
                    break
        if self.peek():
            raise _NotStreamable  # something after the object

    def items(self) -> Iterator[Any]:
        """The elements of the list that comes next."""
        self._expect("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            if self._expect(",", "]") == "]":
                return


def empty_in_store(text: str) -> bool:
    """True when the store would take ``text`` as empty: SQLite measures text only up to
    its first NUL character, so text that starts with one counts as empty there."""
    return not text.split("\x00", 1)[0].strip(" ")


def _note_problems(r: FieldReader, path: str, o: Any) -> bool:
    if not isinstance(o, dict):
        r.bad(path, "must be an object")
        return True
    return False


class NoteStream:
    """The notes of a checked file, read from it again on each iteration.

    ``len()`` is their number. Should the file change after it was checked so
    that a note no longer reads cleanly, iterating raises ValidationError.
    """

    def __init__(self, path: Path, people: dict[str, Any], v2: bool, count: int) -> None:
        self.path = path
        self._people = people
        self._v2 = v2
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(note == item for note in self)

    def __iter__(self) -> Iterator[DocNote]:
        for note in self._read(fast=False):
            assert isinstance(note, DocNote)
            yield note

    def rows(self) -> Iterator[NoteRow]:
        """The notes as the rows they are stored as (:mod:`cxjournal.exchange.format_plain`),
        in order; what iterating gives, without the domain objects."""
        for found in self._read(fast=True):
            yield note_row(found) if isinstance(found, DocNote) else found

    def _read(self, fast: bool) -> Iterator[DocNote | NoteRow]:
        changed = ValidationError([f"{self.path} changed while it was being imported"])
        plain = PlainNoteReader(self._people, 2 if self._v2 else 1)
        try:
            with self.path.open("rb") as stream:
                scanner = _Scanner(stream)
                for key in scanner.members():
                    if key != _NOTES:
                        scanner.value()
                        continue
                    r = FieldReader()
                    seen: set[str] = set()
                    for index, o in enumerate(scanner.items()):
                        if fast and type(o) is dict:
                            row = plain.read(o, seen)
                            if row is not None:
                                yield row
                                continue
                        path = f"notes[{index}]"
                        if _note_problems(r, path, o):
                            raise changed
                        note = read_note(r, path, o, self._people, seen, self._v2)
                        if r.problems:
                            raise changed
                        yield note
                    return
        except (_NotStreamable, OSError):
            raise changed from None


def read_file(path: Path) -> Document:
    """The checked document in the file at ``path``; raises ValidationError listing every
    problem (as ``parse``) and OSError if the file cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            return _read(path, _Scanner(stream))
    except _NotStreamable:
        return parse(path.read_bytes())


def _read(path: Path, scanner: _Scanner) -> Document:
    data: dict[str, Any] = {}
    count: int | None = None
    checked = False
    for key in scanner.members():
        if key in data or (key == _NOTES and count is not None):
            raise _NotStreamable  # a repeated key
        if key != _NOTES:
            data[key] = scanner.value()
            continue
        if scanner.peek() != "[":
            raise _NotStreamable
        head: dict[str, Any] = {k: data[k] for k in ("format", "version", "people") if k in data}
        checked = len(head) == 3
        count = _check_notes(scanner.items(), head if checked else None)
    try:
        document = parse_data(data)
    except ValidationError:
        raise _NotStreamable from None
    if count is None:
        return document
    v2 = document.version >= 2
    people = _people_of(data, v2)
    if not checked:  # the people came after the notes: check them now, from the file
        with path.open("rb") as stream:
            again = _Scanner(stream)
            for key in again.members():
                if key == _NOTES:
                    _check_notes(again.items(), data)
                else:
                    again.value()
    return replace(document, notes=NoteStream(path, people, v2, count))


def _people_of(data: dict[str, Any], v2: bool) -> dict[str, Any]:
    r = FieldReader()
    _, by_id = read_people(r, data, v2)
    return by_id


def _check_notes(items: Iterator[Any], head: dict[str, Any] | None) -> int:
    """How many notes there are; with the file's ``head`` (format, version and people),
    each is checked too (raises _NotStreamable at the first problem)."""
    if head is None:
        return sum(1 for _ in items)
    try:
        v2 = check_header(head) >= 2
    except ValidationError:
        raise _NotStreamable from None
    people = _people_of(head, v2)
    plain = PlainNoteReader(people, 2 if v2 else 1)
    r = FieldReader()
    seen: set[str] = set()
    count = 0
    for index, o in enumerate(items):
        count += 1
        if type(o) is dict and plain.read(o, seen) is not None:
            continue  # plainly valid
        path = f"notes[{index}]"
        if _note_problems(r, path, o):
            raise _NotStreamable
        follow_ups = read_note_fields(r, path, o, people, seen, v2)[1]["follow_ups"]
        if r.problems or any(empty_in_store(f.text.strip()) for f in follow_ups):
            raise _NotStreamable  # the whole-file reader and the importer report it
    return count
