"""The one declaration per record agrees with the table, the dataclass and the exchange format.

For a person, a rating (with its aspects), a note and a check-in: every field of
the dataclass is declared, every declared column is a column of the migrated
table (and the table has no column the record does not account for), every
declared key is what the exporter writes and what the reader reads back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from cxjournal.domain.model import (
    Aspects,
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
    PreferredFormat,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.exchange import format_write
from cxjournal.exchange.format_read import parse_data
from cxjournal.journal import Journal
from cxjournal.store import records
from cxjournal.store.models import Base

#: Fields of a dataclass that a record declares apart (references and nested records).
APART = {
    "person": {"id"},
    "rating": {"id", "person", "aspects"},
    "aspects": set(),
    "note": {"id", "follow_ups"},
    "check_in": {"id"},
}
#: Columns of a record's table that are no field of the record.
TABLE_ONLY = {
    "person": {"id", "created_at"},
    "rating": {"id", "audit_id", "person_id", "position"},
    "aspects": {"id", "audit_id", "person_id", "position"},
    "note": {"id", "created_at"},
    "check_in": {"id"},
}
#: Exchange keys of a record's object that are no field of the record.
FILE_ONLY = {
    "person": {"id"},
    "rating": {"person", "aspects"},
    "note": {"id", "follow_ups"},
    "check_in": set(),
}
#: The records that share a table with another record.
SHARED_TABLE = {"rating": "aspects", "aspects": "rating"}

NAMES = sorted(records.RECORDS)


def _table_columns(journal: Journal, table: str) -> set[str]:
    return {row[1] for row in journal.raw().execute(f"PRAGMA table_info({table})")}


@pytest.mark.parametrize("name", NAMES)
def test_every_field_of_the_dataclass_is_declared(name: str) -> None:
    rec = records.RECORDS[name]  # type: ignore[index]
    fields = {f.name for f in dataclasses.fields(rec.cls)} - APART[name]
    assert {f.name for f in rec.fields} == fields


@pytest.mark.parametrize("name", NAMES)
def test_the_migrated_table_holds_exactly_the_declared_columns(name: str, journal: Journal) -> None:
    rec = records.RECORDS[name]  # type: ignore[index]
    declared = {f.column for f in rec.stored}
    if name in SHARED_TABLE:
        declared |= {f.column for f in records.RECORDS[SHARED_TABLE[name]].stored}  # type: ignore[index]
    migrated = _table_columns(journal, rec.table)
    assert migrated - TABLE_ONLY[name] == declared
    orm = {c.name for c in Base.metadata.tables[rec.table].columns}
    assert orm == migrated, "the ORM model and the migrations disagree"


def test_fields_kept_elsewhere_are_read_by_their_sql(journal: Journal) -> None:
    elsewhere = [f for r in records.RECORDS.values() for f in r.fields if f.column is None]
    assert [f.name for f in elsewhere] == ["emails"]
    assert all(f.sql for f in elsewhere)


def _every_field_set() -> dict[str, Any]:
    """One object per record with no field at its default, so a key left unread shows."""
    person = Person(
        id=7,
        name="Ana Silva",
        role="VP",
        organisation="Acme",
        internal=False,
        relationship=Relationship.PEER,
        team="Ops",
        function="Operations",
        product_unit="Retail",
        location="Lisbon",
        key_stakeholder=True,
        cx_board=True,
        cadence_days=14,
        information_needs="NPS drivers",
        preferred_format=PreferredFormat.SPREADSHEET,
        motivations="Loyalty",
        archived=True,
        emails=("ana@acme.com",),
        desired_attitude=Attitude.CHAMPION,
        desired_by=dt.date(2027, 3, 1),
        move_plan="Show the churn model",
        power=4,
        interest=5,
    )
    rating = Rating(
        person=person,
        value=7,
        irreplaceability=6,
        my_value=5,
        my_irreplaceability=4,
        aspects=Aspects(1, 2, 3, 4, 5),
    )
    note = Note(
        on=dt.date(2026, 5, 4),
        text="Talked",
        kind=NoteKind.CALL,
        person_id=7,
        attitude=Attitude.SKEPTIC,
        tags=("budget",),
        follow_ups=(FollowUp("Send deck", dt.date(2026, 5, 9)),),
        id=3,
        goal=NoteGoal.DECISION,
        format_used=FormatUsed.CONVERSATION,
        outcome=NoteOutcome.PARTLY,
    )
    entry = ResilienceEntry(
        on=dt.date(2026, 5, 4),
        energy=6,
        stress=4,
        mood=7,
        sleep_hours=7.5,
        drains=("email",),
        restorers=("walk",),
        note="ok",
        tags=("travel",),
    )
    return {"person": person, "rating": rating, "note": note, "check_in": entry}


def _defaults_are_all_different(name: str, obj: Any) -> None:
    rec = records.RECORDS[name]  # type: ignore[index]
    same = [f.name for f in rec.fields if getattr(obj, f.name) == f.default]
    assert not same, f"set these {name} fields in the test: {same}"


@pytest.mark.parametrize("name", ["person", "rating", "note", "check_in"])
def test_the_exporter_writes_the_declared_keys_and_the_reader_reads_them_back(
    name: str,
) -> None:
    from cxjournal.domain.model import Audit

    objs = _every_field_set()
    _defaults_are_all_different(name, objs[name])
    _defaults_are_all_different("aspects", objs["rating"].aspects)
    audit = Audit(taken_on=dt.date(2026, 5, 1), ratings=(objs["rating"],), id=1)
    document = format_write.dump(
        people=[objs["person"]],
        audits=[audit],
        notes=[objs["note"]],
        resilience=[objs["check_in"]],
    )
    written = {
        "person": document["people"][0],
        "rating": document["audits"][0]["ratings"][0],
        "note": document["notes"][0],
        "check_in": document["resilience"][0],
    }[name]
    rec = records.RECORDS[name]  # type: ignore[index]
    assert set(written) == {f.key for f in rec.fields} | FILE_ONLY[name]
    if name == "rating":
        assert set(written["aspects"]) == {f.key for f in records.ASPECTS_RECORD.fields}

    read = parse_data(document)
    back = {
        "person": read.people[0].person,
        "rating": read.audits[0].audit.ratings[0],
        "note": read.notes[0].note,
        "check_in": read.resilience[0],
    }[name]
    for f in rec.fields:
        if name == "rating" or f.name == "person_id":
            continue  # references come back as file ids, compared below
        assert getattr(back, f.name) == getattr(objs[name], f.name), f.name
    if name == "rating":
        assert back.aspects == objs["rating"].aspects
        assert [getattr(back, f.name) for f in rec.fields] == [7, 6, 5, 4]
    if name == "note":
        assert read.notes[0].person_file_id == "p-7"


def _stored(rec: records.Record, obj: Any) -> dict[str, Any]:
    return {"id": obj.id or 1, **records.values(rec, obj)}


@pytest.mark.parametrize("name", ["person", "note", "check_in"])
def test_a_record_stored_and_read_on_both_paths_is_the_same(name: str, journal: Journal) -> None:
    """Written through :func:`records.values` (as the import writes), read back by
    :func:`records.from_row` on the DB-API connection: every declared field survives."""
    from sqlalchemy import insert

    objs = _every_field_set()
    person = objs["person"]
    with journal.session() as session:
        session.execute(insert(Base.metadata.tables["people"]), [_stored(records.PERSON, person)])
        session.execute(
            insert(Base.metadata.tables["person_emails"]),
            [{"person_id": person.id, "position": 0, "email": person.emails[0]}],
        )
        rec = records.RECORDS[name]  # type: ignore[index]
        if name != "person":
            session.execute(insert(Base.metadata.tables[rec.table]), [_stored(rec, objs[name])])
    query = f"SELECT {records.columns(rec, 't')} FROM {rec.table} AS t"
    row = journal.raw().execute(query).fetchone()
    given = {"follow_ups": objs["note"].follow_ups} if name == "note" else {}
    back = records.from_row(rec, row, **given)
    expected = objs[name] if name != "check_in" else dataclasses.replace(objs[name], id=1)
    assert back == expected


@pytest.mark.parametrize(
    "tags",
    [
        [],
        ["culture"],
        ["  two   words ", "Two Words", "x"],
        ['quote " and \\ backslash', "é ünï 中文 🙂", "tab\tand\u2028line", "\x00nul", "\x7f"],
    ],
)
def test_tags_are_stored_as_json_dumps_writes_them(tags: list[str]) -> None:
    stored = records.tags_to_json(tags)
    cleaned = json.loads(stored)
    assert stored == json.dumps(cleaned, ensure_ascii=False)
    assert records.tags_from_json(stored) == tuple(cleaned)
