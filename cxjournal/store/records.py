"""One declaration per record: the stored fields of a person, a rating, a note and a check-in.

Each record is derived from its domain dataclass (:mod:`cxjournal.domain.model`):
every field becomes a column of the same name and an exchange key of the same
name, converted by what its type annotation says (text, flag, whole number,
number, date, choice of an enum, list of words). The few exceptions are declared
here, once: a renamed column (``on`` is stored as ``on_date``), a range, the
format version that introduced a key, a field kept elsewhere (a person's
addresses live in ``person_emails``).

That one declaration serves the ORM mapping (:mod:`cxjournal.store.mapping`),
the plain DB-API reads (:func:`columns` and :func:`from_row`), the import's
bulk writes (:func:`values`) and the exchange format's writer and reader
(:func:`to_json`, and the typed readers of :mod:`cxjournal.exchange.format_fields`).
``tests/store/test_records.py`` fails when a column of the table, a field of the
dataclass and a key of the exchange format disagree.

Adding a plain field to a person is then: the dataclass field, the ORM column
and its migration, the form, and their tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from cxjournal.domain.model import (
    ASPECT_MAX,
    ASPECT_MIN,
    CADENCE_MAX,
    CADENCE_MIN,
    CHECKIN_MAX,
    CHECKIN_MIN,
    NAME_MAX,
    POWER_MAX,
    POWER_MIN,
    RATING_MAX,
    RATING_MIN,
    SLEEP_MAX,
    SLEEP_MIN,
    Aspects,
    Note,
    NoteKind,
    Person,
    Rating,
    ResilienceEntry,
)

__all__ = [
    "ASPECTS_RECORD",
    "CHECK_IN",
    "NOTE",
    "PERSON",
    "RATING",
    "RATING_SCORE_COLUMNS",
    "RECORDS",
    "Field",
    "Record",
    "columns",
    "day",
    "from_row",
    "plain_values",
    "record",
    "tags_from_json",
    "tags_to_json",
    "to_json",
    "values",
    "width",
]

#: A JSON string as ``json.dumps(..., ensure_ascii=False)`` writes it (the C encoder).
_json_string: Callable[[str], str] = json.encoder.encode_basestring

Kind = Literal["text", "flag", "int", "real", "date", "choice", "words", "emails"]
RecordName = Literal["person", "rating", "aspects", "note", "check_in"]


def tags_to_json(tags: Iterable[str]) -> str:
    """Words as the store keeps them: a JSON list, spaces tidied, each word once."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            cleaned.append(tag)
    # what json.dumps(cleaned, ensure_ascii=False) writes, without its encoder per call
    return "[" + ", ".join(map(_json_string, cleaned)) + "]"


def tags_from_json(text: str | None) -> tuple[str, ...]:
    if not text or text == "[]":  # most rows carry no tags: skip the JSON parser
        return ()
    return tuple(str(tag) for tag in json.loads(text))


def day(value: Any) -> dt.date:
    """A stored date: a ``date`` from the ORM, ISO text ("YYYY-MM-DD") from the DB-API."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True, slots=True)
class Field:
    """One stored field of a record."""

    #: The dataclass field.
    name: str
    #: What the type annotation says the value is.
    kind: Kind
    #: The column in the record's table; ``None`` for a field stored elsewhere.
    column: str | None
    #: The key in the exchange format.
    key: str
    #: What the exchange reader takes for a key left out (the dataclass default, or None).
    default: Any
    optional: bool = False
    enum: type[StrEnum] | None = None
    low: float | None = None
    high: float | None = None
    #: The exchange format version that introduced the key.
    since: int = 1
    #: The exchange reader refuses the record without it …
    required: bool = False
    #: … before this format version (None: in every version).
    optional_from: int | None = None
    #: SQL read in the column's place when the field is stored elsewhere.
    sql: str | None = None
    max_len: int | None = None
    #: A choice given as "" reads as the default.
    empty_is_default: bool = False

    def to_db(self, value: Any, strip: bool = False) -> Any:
        encode = _encoder(self, strip)
        return value if encode is None else encode(value)

    def json_value(self, value: Any) -> Any:
        if self.kind == "choice":
            return None if value is None else value.value
        if self.kind == "date":
            return None if value is None else value.isoformat()
        if self.kind in ("words", "emails"):
            return list(value)
        return value


def _same(value: Any) -> Any:
    return value


def _text(value: Any) -> str:
    return value or ""


def _date(value: Any) -> dt.date | None:
    return None if value is None else day(value)


def _choice_value(value: Any) -> Any:
    return None if value is None else value.value


def _stripped(value: str) -> str:
    return value.strip()


def _iso_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _encoder(f: Field, strip: bool, plain: bool = False) -> Callable[[Any], Any] | None:
    """How a value of ``f`` is written to its column (None: as it is); chosen once.

    ``plain``: as the DB-API takes it, without SQLAlchemy's types (a date as the ISO text
    SQLAlchemy's ``Date`` stores)."""
    if plain and f.kind == "date":
        return _iso_date
    if f.kind == "choice":
        return _choice_value
    if f.kind == "words":
        return tags_to_json
    if strip and f.kind == "text":
        return _stripped
    return None


def _decoder(f: Field) -> Callable[[Any], Any]:
    """How a stored value of ``f`` becomes the dataclass's (one function, chosen once)."""
    if f.kind == "text":
        return _text
    if f.kind == "flag":
        return bool
    if f.kind == "date":
        return _date
    if f.kind in ("words", "emails"):
        return tags_from_json
    if f.kind == "choice":
        enum = f.enum
        assert enum is not None
        return lambda value: enum(value) if value else None
    return _same


@dataclass(frozen=True, slots=True)
class Record:
    name: RecordName
    cls: type[Any]
    table: str
    #: The stored fields, in dataclass order (``id`` is not among them).
    fields: tuple[Field, ...]
    #: Text fields are stored trimmed.
    strip: bool = False
    #: ``decoders[i]`` turns a stored value of ``fields[i]`` into the dataclass's.
    decoders: tuple[Callable[[Any], Any], ...] = ()
    #: (column, field name, encoder or None) of each stored field: what :func:`values` writes.
    encoders: tuple[tuple[str, str, Callable[[Any], Any] | None], ...] = ()
    #: The same as DB-API values: what :func:`plain_values` writes.
    plain_encoders: tuple[tuple[str, str, Callable[[Any], Any] | None], ...] = ()

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    @property
    def stored(self) -> tuple[Field, ...]:
        """The fields that are columns of :attr:`table`."""
        return tuple(f for f in self.fields if f.column is not None)


def _kind(hint: Any) -> tuple[Kind, bool, type[StrEnum] | None]:
    args = typing.get_args(hint)
    optional = type(None) in args
    if optional:
        (hint,) = (a for a in args if a is not type(None))
    if hint is str:
        return "text", optional, None
    if hint is bool:
        return "flag", optional, None
    if hint is int:
        return "int", optional, None
    if hint is float:
        return "real", optional, None
    if hint is dt.date:
        return "date", optional, None
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return "choice", optional, hint
    if typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, ...):
        return "words", optional, None
    raise TypeError(f"no stored kind for {hint!r}")


def _declare(
    name: RecordName,
    cls: type[Any],
    table: str,
    skip: tuple[str, ...] = (),
    strip: bool = False,
    /,
    **overrides: Mapping[str, Any],
) -> Record:
    """The record of ``cls``: one :class:`Field` per dataclass field but ``id`` and ``skip``
    (``strip``: text is stored trimmed).

    ``overrides`` maps a field name to the :class:`Field` attributes that differ
    from what the annotation gives (``column``, ``low``/``high``, ``since`` …).
    """
    hints = typing.get_type_hints(cls)
    fields: list[Field] = []
    for spec in dataclasses.fields(cls):
        if spec.name == "id" or spec.name in skip:
            continue
        kind, optional, enum = _kind(hints[spec.name])
        if spec.default is not dataclasses.MISSING:
            default = spec.default
        elif spec.default_factory is not dataclasses.MISSING:
            default = spec.default_factory()
        else:
            default = None
        attrs: dict[str, Any] = {
            "name": spec.name,
            "kind": kind,
            "column": spec.name,
            "key": spec.name,
            "default": default,
            "optional": optional,
            "enum": enum,
            "required": spec.default is dataclasses.MISSING
            and spec.default_factory is dataclasses.MISSING,
        }
        attrs.update(overrides.pop(spec.name, {}))
        fields.append(Field(**attrs))
    if overrides:
        raise TypeError(f"{cls.__name__} has no fields {sorted(overrides)}")
    encoders = tuple((f.column, f.name, _encoder(f, strip)) for f in fields if f.column is not None)
    plain = tuple(
        (f.column, f.name, _encoder(f, strip, plain=True)) for f in fields if f.column is not None
    )
    return Record(
        name, cls, table, tuple(fields), strip, tuple(_decoder(f) for f in fields), encoders, plain
    )


#: A person's addresses in order, as a JSON list, read with the person's row.
_EMAILS_SQL = (
    "(SELECT json_group_array(email) FROM (SELECT email FROM person_emails "
    "WHERE person_id = {alias}.id ORDER BY position, id))"
)

PERSON = _declare(
    "person",
    Person,
    "people",
    (),
    True,
    name={"max_len": NAME_MAX},
    emails={"kind": "emails", "column": None, "sql": _EMAILS_SQL, "since": 2},
    cadence_days={"low": CADENCE_MIN, "high": CADENCE_MAX},
    preferred_format={"empty_is_default": True},
    desired_attitude={"since": 2},
    desired_by={"since": 2},
    move_plan={"since": 2},
    power={"low": POWER_MIN, "high": POWER_MAX, "since": 2},
    interest={"low": POWER_MIN, "high": POWER_MAX, "since": 2},
)

#: The four scores of a rating; its person and aspects are declared apart.
RATING = _declare(
    "rating",
    Rating,
    "ratings",
    ("person", "aspects"),
    **{
        name: {"low": RATING_MIN, "high": RATING_MAX}
        for name in ("value", "irreplaceability", "my_value", "my_irreplaceability")
    },
)

#: A rating's aspects: columns of ``ratings``, an ``aspects`` object in the exchange format.
ASPECTS_RECORD = _declare(
    "aspects",
    Aspects,
    "ratings",
    **{f.name: {"low": ASPECT_MIN, "high": ASPECT_MAX} for f in dataclasses.fields(Aspects)},
)

NOTE = _declare(
    "note",
    Note,
    "notes",
    ("follow_ups",),
    on={"column": "on_date"},
    # The person is a store id in the table and a file id in the exchange format.
    person_id={"key": "person"},
    text={"required": False},
    kind={"default": NoteKind.OTHER},
    goal={"since": 2},
    format_used={"since": 2},
    outcome={"since": 2},
)

CHECK_IN = _declare(
    "check_in",
    ResilienceEntry,
    "resilience",
    on={"column": "on_date"},
    # Version 2 allows a mood-only check-in: energy and stress may be absent or null.
    energy={"low": CHECKIN_MIN, "high": CHECKIN_MAX, "optional_from": 2},
    stress={"low": CHECKIN_MIN, "high": CHECKIN_MAX, "optional_from": 2},
    mood={"low": CHECKIN_MIN, "high": CHECKIN_MAX},
    sleep_hours={"low": SLEEP_MIN, "high": SLEEP_MAX},
    tags={"since": 2},
)

#: The columns of a rating row holding its scores and then its aspects, as declared.
RATING_SCORE_COLUMNS: tuple[str, ...] = tuple(
    f.column for f in (*RATING.stored, *ASPECTS_RECORD.stored) if f.column
)

RECORDS: dict[RecordName, Record] = {
    r.name: r for r in (PERSON, RATING, ASPECTS_RECORD, NOTE, CHECK_IN)
}


def record(name: RecordName | Record) -> Record:
    return name if isinstance(name, Record) else RECORDS[name]


def _fields(rec: Record, stored_only: bool) -> tuple[Field, ...]:
    return rec.stored if stored_only else rec.fields


def columns(name: RecordName | Record, alias: str = "", *, stored_only: bool = False) -> str:
    """The SQL select list :func:`from_row` reads: ``id`` and then every field, in order.

    ``alias`` qualifies the columns (``columns("person", "p")`` gives ``p.id, p.name …``);
    ``stored_only`` leaves out the fields kept in other tables (a person's addresses).
    """
    rec = record(name)
    prefix = f"{alias}." if alias else ""
    parts = [f"{prefix}id"] if rec.name != "aspects" else []
    for f in _fields(rec, stored_only):
        if f.column is None:
            assert f.sql is not None
            parts.append(f.sql.format(alias=alias or rec.table))
        else:
            parts.append(f"{prefix}{f.column}")
    return ", ".join(parts)


def width(name: RecordName | Record, *, stored_only: bool = False) -> int:
    """How many values of a row :func:`from_row` reads."""
    rec = record(name)
    return len(_fields(rec, stored_only)) + (rec.name != "aspects")


def from_row(
    name: RecordName | Record, row: Sequence[Any], *, stored_only: bool = False, **given: Any
) -> Any:
    """The domain object from a row of :func:`columns` (``given``: fields declared apart)."""
    rec = record(name)
    start = 0 if rec.name == "aspects" else 1
    fields = _fields(rec, stored_only)
    decoders = (
        rec.decoders
        if not stored_only
        else tuple(d for f, d in zip(rec.fields, rec.decoders, strict=True) if f.column is not None)
    )
    kwargs = {f.name: decode(v) for f, decode, v in zip(fields, decoders, row[start:], strict=True)}
    if start:
        kwargs["id"] = row[0]
    kwargs.update(given)
    return rec.cls(**kwargs)


def values(name: RecordName | Record, obj: Any) -> dict[str, Any]:
    """The record's columns of ``obj`` (all but id), ready to write."""
    found: dict[str, Any] = {}
    for column, attr, encode in record(name).encoders:
        value = getattr(obj, attr)
        found[column] = value if encode is None else encode(value)
    return found


def plain_values(name: RecordName | Record, obj: Any) -> list[Any]:
    """The record's columns of ``obj`` (all but id, in :attr:`Record.stored` order) as the
    DB-API takes them: what :func:`values` gives, with dates as ISO text."""
    found: list[Any] = []
    for _column, attr, encode in record(name).plain_encoders:
        value = getattr(obj, attr)
        found.append(value if encode is None else encode(value))
    return found


def to_json(name: RecordName | Record, obj: Any) -> dict[str, Any]:
    """The exchange format's keys of ``obj``'s declared fields, in declaration order."""
    rec = record(name)
    return {f.key: f.json_value(getattr(obj, f.name)) for f in rec.fields}
