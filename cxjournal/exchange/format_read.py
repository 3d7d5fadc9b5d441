"""Reading the journal exchange format, versions 1 and 2 (spec/journal-format.md).

:func:`parse` checks every rule of the format and either returns a
:class:`Document` or raises :class:`~cxjournal.domain.errors.ValidationError`
whose ``problems`` name every error with its JSON path, for example
``audits[2].ratings[0].value: 11 is not between 1 and 10``. A file that is not
JSON, not a cxjournal file or from a newer version gets a single one-line problem.

Conventions the reader applies where the spec leaves room:

* an optional field that is absent or ``null`` takes its default; keys the
  format does not know are ignored;
* ``people[].id`` is required (other records refer to it); ``audits[].id`` and
  ``notes[].id`` are optional but, when given, unique strings;
* a note without ``kind`` is ``other``; an exit plan without ``status`` is
  ``inactive``; ``preferred_format`` may be ``null`` or ``""`` for none;
* names are trimmed; other text is kept exactly as written;
* a version 1 file is read exactly as before: the keys version 2 adds are not
  read from it (like any key the format does not know), and its check-ins
  need energy and stress. The version 2 sections are read in
  :mod:`cxjournal.exchange.format_read_v2`.

Writing is :mod:`cxjournal.exchange.format_write`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    MAX_RATINGS_PER_AUDIT,
    Aspects,
    Audit,
    ExitItem,
    ExitPlan,
    ExitStatus,
    FollowUp,
    Note,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange.format_fields import PLACEHOLDER_DATE, FieldReader, read_declared
from cxjournal.exchange.format_file import (
    FORMAT_NAME,
    FORMAT_VERSION,
    check_header,
    load_json,
    show_value,
)
from cxjournal.exchange.format_read_v2 import (
    DocAgendaItem,
    DocProgram,
    DocProofPoint,
    read_agenda,
    read_my_emails,
    read_program,
    read_proof_points,
    read_ties,
    with_v2_people,
)
from cxjournal.store.records import ASPECTS_RECORD, CHECK_IN, NOTE, PERSON, RATING

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "DocAgendaItem",
    "DocAudit",
    "DocNote",
    "DocPerson",
    "DocProgram",
    "DocProofPoint",
    "Document",
    "parse",
    "parse_data",
    "read_note",
    "read_note_fields",
    "read_people",
]

_PLACEHOLDER_PERSON = Person(name="?")


@dataclass(frozen=True, slots=True)
class DocPerson:
    """A person of the file: its file id and the parsed person (``person.id`` is None)."""

    file_id: str
    person: Person


@dataclass(frozen=True, slots=True)
class DocAudit:
    """An audit of the file.

    ``audit.ratings[i].person`` and ``audit.blocking_superior_person`` are the
    very :class:`Person` objects of :attr:`Document.people`; their file ids are
    ``rating_person_file_ids[i]`` and ``blocking_person_file_id``.
    """

    file_id: str | None
    audit: Audit
    rating_person_file_ids: tuple[str, ...]
    blocking_person_file_id: str | None


@dataclass(frozen=True, slots=True)
class DocNote:
    """A note of the file; ``note.person_id`` is None, the person is ``person_file_id``."""

    file_id: str | None
    note: Note
    person_file_id: str | None


@dataclass(frozen=True, slots=True)
class Document:
    """A valid exchange-format document, as domain objects without store ids."""

    people: tuple[DocPerson, ...] = ()
    audits: tuple[DocAudit, ...] = ()
    #: A tuple, or a :class:`~cxjournal.exchange.format_stream.NoteStream` read from the file.
    notes: Collection[DocNote] = ()
    resilience: tuple[ResilienceEntry, ...] = ()
    exit_plan: ExitPlan | None = None
    #: Validated ``settings.thresholds``; None when the file has none (keep the defaults).
    thresholds: Thresholds | None = None
    #: The ``settings`` object as read (``thresholds`` included, raw; ``my_emails``
    #: checked and trimmed); empty when absent.
    settings: Mapping[str, Any] = field(default_factory=dict, hash=False)
    exported_at: dt.datetime | None = None
    #: The file's format version (1 or 2).
    version: int = FORMAT_VERSION
    #: The program (version 2); None when the file has none (keep the journal's).
    program: DocProgram | None = None
    proof_points: tuple[DocProofPoint, ...] = ()
    agenda: tuple[DocAgendaItem, ...] = ()

    def with_person_ids(self, ids: Mapping[str, int]) -> Document:
        """This document with store ids given to its people.

        ``ids`` maps every person file id to a store id. In the result each
        person, every rating's person and each blocking superior carry that id,
        and every note's ``person_id`` is set, ready to be written to the store.
        Raises KeyError for a file id that ``ids`` does not map.
        """
        people = {p.file_id: replace(p.person, id=ids[p.file_id]) for p in self.people}
        audits = tuple(
            replace(
                a,
                audit=replace(
                    a.audit,
                    ratings=tuple(
                        replace(r, person=people[fid])
                        for r, fid in zip(a.audit.ratings, a.rating_person_file_ids, strict=True)
                    ),
                    blocking_superior_person=(
                        None
                        if a.blocking_person_file_id is None
                        else people[a.blocking_person_file_id]
                    ),
                ),
            )
            for a in self.audits
        )
        notes = tuple(
            replace(
                n,
                note=replace(
                    n.note, person_id=None if n.person_file_id is None else ids[n.person_file_id]
                ),
            )
            for n in self.notes
        )
        program, proof_points, agenda = with_v2_people(
            self.program, self.proof_points, self.agenda, people
        )
        return replace(
            self,
            people=tuple(DocPerson(p.file_id, people[p.file_id]) for p in self.people),
            audits=audits,
            notes=notes,
            program=program,
            proof_points=proof_points,
            agenda=agenda,
        )


def parse(text: str | bytes) -> Document:
    """Parse and validate an exchange-format v1 document (UTF-8 JSON text)."""
    return parse_data(load_json(text))


def parse_data(data: Any) -> Document:
    """Validate an already decoded JSON value (dicts, lists, str, int, float, bool, None)."""
    version = check_header(data)
    v2 = version >= 2
    r = FieldReader()
    exported_at = r.timestamp(data, "exported_at", "")
    people, by_id = read_people(r, data, v2)
    audits = _read_audits(r, data, by_id, v2)
    notes = _read_notes(r, data, by_id, v2)
    resilience = _read_resilience(r, data, v2)
    exit_plan = _read_exit_plan(r, data)
    settings, thresholds = _read_settings(r, data, v2)
    program = read_program(r, data, by_id) if v2 else None
    proof_points = read_proof_points(r, data, by_id) if v2 else []
    agenda = read_agenda(r, data, by_id) if v2 else []
    if r.problems:
        raise ValidationError(r.problems)
    return Document(
        people=tuple(people),
        audits=tuple(audits),
        notes=tuple(notes),
        resilience=tuple(resilience),
        exit_plan=exit_plan,
        thresholds=thresholds,
        settings=settings,
        exported_at=exported_at,
        version=version,
        program=program,
        proof_points=tuple(proof_points),
        agenda=tuple(agenda),
    )


# --- sections ---------------------------------------------------------------


def read_people(
    r: FieldReader, data: dict[str, Any], v2: bool
) -> tuple[list[DocPerson], dict[str, Person]]:
    """The people, and the ones others may refer to by file id (a duplicate id: the first)."""
    people: list[DocPerson] = []
    by_id: dict[str, Person] = {}
    seen: set[str] = set()
    for path, o in r.objects(data, "people", ""):
        file_id = r.file_id(o, path, seen, required=True)
        values = read_declared(r, PERSON, o, path, 2 if v2 else 1)
        person = Person(**{**values, "name": values["name"].strip()})
        if file_id is not None:
            by_id[file_id] = person
        people.append(DocPerson(file_id or f"?{path}", person))
    return people, by_id


def _read_audits(
    r: FieldReader, data: dict[str, Any], people: Mapping[str, Person], v2: bool
) -> list[DocAudit]:
    audits: list[DocAudit] = []
    seen: set[str] = set()
    for path, o in r.objects(data, "audits", ""):
        file_id = r.file_id(o, path, seen, required=False)
        blocking_id = r.ref(o, "blocking_superior_person", path, people, required=False)
        raw_ratings = o.get("ratings")
        rating_ids: list[str] = []
        if isinstance(raw_ratings, list) and len(raw_ratings) > MAX_RATINGS_PER_AUDIT:
            r.bad(
                f"{path}.ratings",
                f"{len(raw_ratings)} ratings; at most {MAX_RATINGS_PER_AUDIT} are allowed",
            )
        ratings: list[Rating] = []
        rated: dict[str, str] = {}
        rating_index: dict[str, int] = {}
        for rpath, ro in r.objects(o, "ratings", path):
            person_id = r.ref(ro, "person", rpath, people, required=True)
            rating_ids.append(person_id or "?")
            if person_id is not None:
                if person_id in rated:
                    r.bad(
                        f"{rpath}.person",
                        f"{show_value(person_id)} is rated twice in this audit"
                        f" (also {rated[person_id]})",
                    )
                else:
                    rated[person_id] = rpath
                    rating_index[person_id] = len(ratings)
            scores = read_declared(r, RATING, ro, rpath, 2 if v2 else 1)
            ratings.append(
                Rating(
                    person=people.get(person_id or "", _PLACEHOLDER_PERSON),
                    aspects=_read_aspects(r, ro, rpath),
                    **scores,
                )
            )
        audit = Audit(
            taken_on=r.date(o, "taken_on", path, required=True) or PLACEHOLDER_DATE,
            ratings=tuple(ratings),
            note=r.text(o, "note", path),
            blocking_superior=r.flag(o, "blocking_superior", path, False),
            blocking_superior_person=None if blocking_id is None else people[blocking_id],
        )
        if v2:
            ties, recorded = read_ties(r, o, path, rating_index)
            audit = replace(audit, ties=ties, ties_recorded=recorded)
        audits.append(DocAudit(file_id, audit, tuple(rating_ids), blocking_id))
    return audits


def _read_aspects(r: FieldReader, rating: dict[str, Any], path: str) -> Aspects:
    raw = rating.get("aspects")
    if raw is None:
        return Aspects()
    apath = f"{path}.aspects"
    if not isinstance(raw, dict):
        r.bad(apath, f"must be an object, not {show_value(raw)}")
        return Aspects()
    return Aspects(**read_declared(r, ASPECTS_RECORD, raw, apath, FORMAT_VERSION))


def _read_notes(
    r: FieldReader, data: dict[str, Any], people: Mapping[str, Person], v2: bool
) -> list[DocNote]:
    seen: set[str] = set()
    return [read_note(r, path, o, people, seen, v2) for path, o in r.objects(data, "notes", "")]


def read_note(
    r: FieldReader,
    path: str,
    o: dict[str, Any],
    people: Mapping[str, Person],
    seen: set[str],
    v2: bool,
) -> DocNote:
    """The note ``o`` at ``path`` (``seen``: the note ids so far, this one's added)."""
    file_id, fields, person_id = read_note_fields(r, path, o, people, seen, v2)
    return DocNote(file_id, Note(**fields), person_id)


def read_note_fields(
    r: FieldReader,
    path: str,
    o: dict[str, Any],
    people: Mapping[str, Person],
    seen: set[str],
    v2: bool,
) -> tuple[str | None, dict[str, Any], str | None]:
    """What :func:`read_note` reads, with every problem noted, before the ``Note`` is made:
    its file id, its fields (``follow_ups`` among them) and its person's file id. The check
    of a streamed file needs no more."""
    file_id = r.file_id(o, path, seen, required=False)
    person_id = r.ref(o, "person", path, people, required=False)
    follow_ups = tuple(
        FollowUp(
            text=r.nonblank(fo, "text", fpath),
            due=r.date(fo, "due", fpath, required=False),
            done=r.flag(fo, "done", fpath, False),
        )
        for fpath, fo in r.objects(o, "follow_ups", path)
    )
    fields = read_declared(r, NOTE, o, path, 2 if v2 else 1, skip=("person_id",))
    fields["follow_ups"] = follow_ups
    return file_id, fields, person_id


def _read_resilience(r: FieldReader, data: dict[str, Any], v2: bool) -> list[ResilienceEntry]:
    entries: list[ResilienceEntry] = []
    dates: dict[dt.date, str] = {}
    for path, o in r.objects(data, "resilience", ""):
        on = r.date(o, "on", path, required=True)
        if on is not None:
            if on in dates:
                r.bad(f"{path}.on", f"{on.isoformat()} already has an entry ({dates[on]})")
            else:
                dates[on] = path
        values = read_declared(r, CHECK_IN, o, path, 2 if v2 else 1, skip=("on",))
        entries.append(ResilienceEntry(on=on or PLACEHOLDER_DATE, **values))
    return entries


def _read_exit_plan(r: FieldReader, data: dict[str, Any]) -> ExitPlan | None:
    raw = data.get("exit_plan")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.bad("exit_plan", f"must be an object, not {show_value(raw)}")
        return None
    items = tuple(
        ExitItem(
            text=r.nonblank(io, "text", ipath),
            done=r.flag(io, "done", ipath, False),
            due=r.date(io, "due", ipath, required=False),
            position=position,
        )
        for position, (ipath, io) in enumerate(r.objects(raw, "items", "exit_plan"))
    )
    status = r.choice(raw, "status", "exit_plan", ExitStatus, ExitStatus.INACTIVE)
    return ExitPlan(status=status, items=items)


def _read_settings(
    r: FieldReader, data: dict[str, Any], v2: bool
) -> tuple[dict[str, Any], Thresholds | None]:
    raw = data.get("settings")
    if raw is None:
        return {}, None
    if not isinstance(raw, dict):
        r.bad("settings", f"must be an object, not {show_value(raw)}")
        return {}, None
    if not r.valid_unicode(raw, "settings"):
        return {}, None
    my_emails = read_my_emails(r, raw) if v2 else None
    if my_emails is not None:
        raw = {**raw, "my_emails": list(my_emails)}
    thresholds = raw.get("thresholds")
    if thresholds is None:
        return raw, None
    if not isinstance(thresholds, dict):
        r.bad("settings.thresholds", f"must be an object, not {show_value(thresholds)}")
        return raw, None
    try:
        return raw, Thresholds.from_mapping(thresholds)
    except ValidationError as exc:
        r.problems.extend(f"settings.thresholds.{problem}" for problem in exc.problems)
        return raw, None
