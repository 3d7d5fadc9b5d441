"""Reading a note of the exchange format straight into the values its rows store.

:class:`PlainNoteReader` is the fast path of the import's ~100k notes: it turns a decoded
note object into its ``notes`` row (the columns of ``records.NOTE.stored``, as the DB-API
takes them) and its follow-ups' rows, with no domain object in between. Its field
readers are made once from the declaration (:mod:`cxjournal.store.records`), so a field
added there is read here too, by its kind, range and default.

It takes only values that are plainly valid, and gives for them exactly what the typed
readers (:func:`cxjournal.exchange.format_read.read_note`) and the store's encoders
(:func:`cxjournal.store.records.plain_values`) give. Anything else (a problem, or merely
an unusual value) gives None, and the caller reads that note the long way, which
reports every problem with its JSON path: the fast path never accepts what the typed
readers refuse. Dates and lists of tags repeat a lot in a journal; each distinct one is
checked and converted once (up to :data:`MEMO_SIZE` of each).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from cxjournal.exchange.format_read import DocNote
from cxjournal.store.records import NOTE, Field, Record, plain_values, tags_to_json

__all__ = ["MEMO_SIZE", "NOTE_PERSON_AT", "NoteRow", "PlainNoteReader", "note_row"]

#: (the person's file id or None, the note's column values in ``NOTE.stored`` order with
#: None for the person, and its follow-ups as (text trimmed, due as ISO text, done)).
NoteRow = tuple[str | None, list[Any], tuple[tuple[str, str | None, bool], ...]]

#: Where the person is among a note's column values (a store id, set by the writer).
NOTE_PERSON_AT = [f.name for f in NOTE.stored].index("person_id")

#: How many distinct dates, and lists of tags, a reader remembers.
MEMO_SIZE = 4096

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Reads one JSON value (None when absent) into a column's value; raises _Slow otherwise.
_Reader = Callable[[Any], Any]


class _Slow(Exception):
    """This value is for the typed readers (it has a problem, or is unusual)."""


_SLOW = _Slow()


def note_row(doc_note: DocNote) -> NoteRow:
    """The rows of a note read by the typed readers (the whole-file reader's notes)."""
    note = doc_note.note
    follow_ups = tuple(
        (f.text.strip(), None if f.due is None else f.due.isoformat(), f.done)
        for f in note.follow_ups
    )
    return doc_note.person_file_id, plain_values(NOTE, note), follow_ups


def _clean(value: str) -> bool:
    """Valid Unicode (no lone surrogate): what the typed readers read without a word."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Memo:
    """Remembered conversions of repeated values (``known``), at most MEMO_SIZE of them."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self._convert = convert
        self.known: dict[Any, Any] = {}

    def remember(self, key: Any) -> Any:
        """``key`` converted (raises _Slow, and nothing is remembered, if it cannot be)."""
        found = self._convert(key)
        if len(self.known) < MEMO_SIZE:
            self.known[key] = found
        return found


def _iso_date(value: str) -> str:
    if not _DATE_RE.fullmatch(value):
        raise _SLOW
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _SLOW from None


def _words_json(words: tuple[Any, ...]) -> str:
    if not all(type(w) is str and _clean(w) and w.strip() for w in words):
        raise _SLOW
    return tags_to_json(words)


def _field_reader(f: Field, strip: bool, version: int) -> _Reader:
    """Reads one JSON value of ``f`` (None when the key is absent) into its column's value."""
    required = f.required and (f.optional_from is None or version < f.optional_from)
    if f.kind == "text":
        high = f.max_len

        def text(value: Any) -> Any:
            if value is None:
                if required:
                    raise _SLOW
                return ""
            if type(value) is not str or not (value.isascii() or _clean(value)):
                raise _SLOW
            if required and not 1 <= len(value.strip()) <= (len(value) if high is None else high):
                raise _SLOW
            return value.strip() if strip else value

        return text
    if f.kind == "choice":
        assert f.enum is not None
        allowed = frozenset(member.value for member in f.enum)
        default = None if f.default is None else f.default.value
        empty_is_default = f.empty_is_default

        def choice(value: Any) -> Any:
            if value is None or (empty_is_default and value == ""):
                return default
            if type(value) is str and value in allowed:
                return value
            raise _SLOW

        return choice
    if f.kind == "date":
        dates = _Memo(_iso_date)
        known_dates = dates.known

        def date(value: Any) -> Any:
            found = known_dates.get(value) if type(value) is str else None
            if found is None:
                if value is None:
                    if required:
                        raise _SLOW
                    return None
                if type(value) is not str:
                    raise _SLOW
                found = dates.remember(value)
            return found

        return date
    if f.kind == "words":
        lists = _Memo(_words_json)
        known_lists = lists.known

        def words(value: Any) -> Any:
            if value is None:
                return "[]"
            if type(value) is not list:
                raise _SLOW
            key = tuple(value)
            try:
                # a list remembered is equal item by item, so its items are words too
                found = known_lists.get(key)
            except TypeError:  # an item that cannot be hashed is no word
                raise _SLOW from None
            return lists.remember(key) if found is None else found

        return words
    if f.kind == "flag":
        flag_default = bool(f.default)

        def flag(value: Any) -> Any:
            if value is None:
                return flag_default
            if type(value) is not bool:
                raise _SLOW
            return value

        return flag
    if f.kind in ("int", "real"):
        assert f.low is not None and f.high is not None
        low, high_value, whole = f.low, f.high, f.kind == "int"

        def number(value: Any) -> Any:
            if value is None:
                if required:
                    raise _SLOW
                return None
            plain = type(value) is int or (
                not whole and type(value) is float and math.isfinite(value)
            )
            if plain and low <= value <= high_value:
                return value if whole else float(value)
            raise _SLOW

        return number

    def other(_value: Any) -> Any:  # e-mail addresses: only ever the long way
        raise _SLOW

    return other


def _column_readers(rec: Record, version: int) -> tuple[tuple[str, _Reader], ...] | None:
    """(key, reader) of each column of ``rec`` but the person's (which reads as None); None
    when a field is not one this module reads (every note then takes the long way)."""
    if any(f.column is None for f in rec.fields):
        return None
    encoders = {name: encode for _column, name, encode in rec.plain_encoders}
    readers: list[tuple[str, _Reader]] = []
    for f in rec.stored:
        if f.name == "person_id":
            readers.append((f.key, _none))
        elif f.since <= version:
            readers.append((f.key, _field_reader(f, rec.strip, version)))
        else:  # a key newer than the file: not read, the dataclass default stands
            default = _dataclass_default(rec, f.name)
            if default is _SLOW:
                return None
            encode = encoders[f.name]
            readers.append((f.key, _constant(default if encode is None else encode(default))))
    return tuple(readers)


def _dataclass_default(rec: Record, name: str) -> Any:
    for spec in dataclasses.fields(rec.cls):
        if spec.name == name:
            if spec.default is not dataclasses.MISSING:
                return spec.default
            if spec.default_factory is not dataclasses.MISSING:
                return spec.default_factory()
    return _SLOW


def _none(_value: Any) -> None:
    return None


def _constant(value: Any) -> _Reader:
    def constant(_value: Any) -> Any:
        return value

    return constant


class PlainNoteReader:
    """Reads the notes of one file: ``people`` are its person file ids, ``version`` its format
    version. :meth:`read` gives a note's rows, or None for the typed readers to read it."""

    def __init__(self, people: Mapping[str, Any], version: int, rec: Record = NOTE) -> None:
        self._people = people
        self._fields = _column_readers(rec, version)
        self._due = _field_reader(Field("due", "date", "due", "due", None), False, version)

    def read(self, o: dict[str, Any], seen: set[str]) -> NoteRow | None:
        """The rows of the note object ``o``; its ``id`` is added to ``seen`` (the ids so
        far). None, with ``seen`` as it was, when the note needs the typed readers."""
        try:
            if self._fields is None:
                raise _SLOW
            get = o.get
            values = [read(get(key)) for key, read in self._fields]
            person = get("person")
            if person is not None and (type(person) is not str or person not in self._people):
                raise _SLOW
            follow_ups = self._follow_ups(get("follow_ups"))
        except _Slow:
            return None
        file_id = o.get("id")
        if file_id is not None:
            if type(file_id) is not str or not file_id or file_id in seen:
                return None
            seen.add(file_id)
        return person, values, follow_ups

    def _follow_ups(self, found: Any) -> tuple[tuple[str, str | None, bool], ...]:
        if found is None:
            return ()
        if type(found) is not list:
            raise _SLOW
        if not found:
            return ()
        rows: list[tuple[str, str | None, bool]] = []
        for item in found:
            if type(item) is not dict:
                raise _SLOW
            text, done = item.get("text"), item.get("done")
            if type(text) is not str or "\x00" in text or not _clean(text):
                raise _SLOW
            text = text.strip()
            if not text:
                raise _SLOW
            if done is None:
                done = False
            elif type(done) is not bool:
                raise _SLOW
            rows.append((text, self._due(item.get("due")), done))
        return tuple(rows)
