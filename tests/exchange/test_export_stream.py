"""The export streams: the same text as ``json.dumps`` writes, in pieces, notes read as written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxjournal.domain.model import (
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
)
from cxjournal.exchange import exporter, format_write
from cxjournal.exchange.demo import generate
from cxjournal.exchange.format_write import dump, to_json_text
from cxjournal.exchange.importer import import_text
from cxjournal.journal import Journal
from cxjournal.store import export_rows

NOW = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def reference(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


ODD: dict[str, Any] = {
    "empty_list": [],
    "empty_object": {},
    "numbers": [0, -7, 2**70, 2.5, -0.0, 1e300, 1e-7, 0.1],
    "flags": [True, False, None],
    "text": ["", "line\nbreak", 'tab\tquote"back\\slash', "é ünï 中文 🙂", "\x00\x1f\u2028"],
    "nested": {"a": [[], [{}], [{"b": [1, {"c": None}]}]], "k": {"z": "y"}},
    "non_string_keys": {7: "seven", 2.5: "half", True: "yes", None: "none"},
}


def test_the_text_is_json_dumps_text_for_every_kind_of_value() -> None:
    assert to_json_text(ODD) == reference(ODD)
    assert to_json_text({}) == reference({})
    assert to_json_text({"only": 1}) == reference({"only": 1})


def test_a_streamed_list_is_written_as_the_same_list() -> None:
    items = [{"x": 1}, [], "s", None, {"deep": [{"er": [1, 2]}]}]
    document: dict[str, Any] = {"a": 1, "stream": iter(items), "none": iter([]), "z": {}}
    assert to_json_text(document) == reference({"a": 1, "stream": items, "none": [], "z": {}})


def test_values_json_refuses_are_refused() -> None:
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="Out of range float"):
            to_json_text({"x": [bad]})
    with pytest.raises(TypeError, match="not JSON serializable"):
        to_json_text({"x": {1, 2}})
    with pytest.raises(TypeError, match="keys must be"):
        to_json_text({"x": {(1,): 2}})


def test_the_fast_note_text_is_the_note_entry_as_json_writes_it() -> None:
    people = [Person(name="Ana", id=3)]
    notes = [
        Note(dt.date(2026, 1, 2), "plain", id=1),
        Note(
            dt.date(2026, 1, 3),
            'all "odd"\ncontent é 🙂 \x00',
            NoteKind.MEETING,
            person_id=3,
            attitude=Attitude.SKEPTIC,
            tags=("roi", "cx-board"),
            follow_ups=(FollowUp("Send deck", dt.date(2026, 1, 9), True), FollowUp("Call")),
            format_used=FormatUsed.SPREADSHEET,
        ),
        Note(dt.date(2026, 1, 4), "no store id"),
    ]
    eager = dump(people=people, notes=notes)
    lazy = dump(people=people, notes=iter(notes), lazy_notes=True)
    assert to_json_text(lazy) == reference(eager)
    demo = generate(years=2, seed=5, today=NOW.date())
    assert to_json_text(demo) == reference(demo)


def fill(journal: Journal, notes: int) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    for day in range(notes):
        journal.notes.add(
            Note(
                dt.date(2020, 1, 1) + dt.timedelta(days=day % 400),
                f"note {day}",
                person_id=ana.id if day % 3 else None,
                tags=("roi",) if day % 2 else (),
                follow_ups=(FollowUp(f"do {day}"),) if day % 5 == 0 else (),
            )
        )


def test_the_streamed_export_is_the_export_text_and_reads_as_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.open(tmp_path / "j.db")
    fill(journal, 120)
    read = [0]
    records = export_rows.note_records

    def counted(conn: Any) -> Iterator[tuple[Any, ...]]:
        for record in records(conn):
            read[0] += 1
            yield record

    monkeypatch.setattr(export_rows, "note_records", counted)
    monkeypatch.setattr(exporter, "_CHUNK", 500)  # write after every few notes
    seen_at_write: list[int] = []

    class Sink(io.BytesIO):
        def write(self, data: Any) -> int:
            seen_at_write.append(read[0])
            return super().write(data)

    sink = Sink()
    size = exporter.write_export(journal, sink, NOW)
    assert sink.getvalue().decode("utf-8") == exporter.export_text(journal, NOW)
    assert size == len(sink.getvalue())
    assert read[0] == 2 * 120  # written once, then once more for export_text
    assert len(seen_at_write) > 10
    assert seen_at_write[0] < 120 // 4  # the file was being written long before the last note
    journal.close()


def test_a_streamed_export_imports_back_to_the_same_journal(tmp_path: Path) -> None:
    source = Journal.open(tmp_path / "a.db")
    fill(source, 60)
    target_file = tmp_path / "out.json"
    exporter.export_to_file(source, target_file, NOW)
    copy = Journal.open(tmp_path / "b.db")
    import_text(copy, target_file.read_bytes())
    again = exporter.export_document(copy, NOW)
    assert [n["text"] for n in again["notes"]] == [
        n["text"] for n in exporter.export_document(source, NOW)["notes"]
    ]
    assert format_write.to_json_text(again).count('"follow_ups": [\n') == 12
    source.close()
    copy.close()


def test_the_store_makes_notes_with_their_fields_in_order() -> None:
    """``export_rows.notes`` gives a note's fields by position: they must be in this order."""
    assert tuple(f.name for f in dataclasses.fields(Note)) == export_rows.NOTE_FIELDS


def test_notes_read_for_an_export_are_the_notes_written(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "journal.db")
    try:
        journal.people.add(Person(name="Grace Hopper"))
        person = journal.people.add(Person(name="Ada Lovelace"))
        written = [
            Note(
                on=dt.date(2026, 3, 4),
                text='every field set, "quoted"\nover two lines é 🙂',
                kind=NoteKind.MEETING,
                person_id=person.id,
                attitude=Attitude.SKEPTIC,
                tags=("budget", "q3"),
                follow_ups=(
                    FollowUp("send the deck", dt.date(2026, 3, 9), True),
                    FollowUp("call back"),
                ),
                goal=NoteGoal.DECISION,
                format_used=FormatUsed.SPREADSHEET,
                outcome=NoteOutcome.PARTLY,
            ),
            Note(on=dt.date(2026, 3, 5), text="fields left out"),
        ]
        ids = [journal.notes.add(note).id for note in written]
        with journal.reading() as conn:
            read = list(export_rows.notes(conn))
            stored = list(export_rows.note_records(conn))
    finally:
        journal.close()
    assert ids[0] != person.id  # a swapped id and person would show
    assert read == [
        dataclasses.replace(note, id=note_id) for note, note_id in zip(written, ids, strict=True)
    ]
    # the notes written as the store holds them are the notes made from them, written
    people = [Person(name="Grace Hopper", id=1), Person(name="Ada Lovelace", id=person.id)]
    assert to_json_text(dump(people=people, stored_notes=iter(stored))) == reference(
        dump(people=people, notes=read)
    )
