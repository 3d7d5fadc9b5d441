"""Importing a file as a stream: the same document and journal as the whole-file reader."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cxjournal.domain.errors import CxJournalError, ValidationError
from cxjournal.exchange import format_plain, format_read, format_stream, import_merge
from cxjournal.exchange.demo import generate
from cxjournal.exchange.format_read import parse
from cxjournal.exchange.format_stream import NoteStream, read_file
from cxjournal.exchange.format_write import to_json_text
from cxjournal.exchange.importer import import_file
from cxjournal.journal import Journal
from cxjournal.store import bulk_index
from cxjournal.store.records import NOTE

TODAY = dt.date(2026, 11, 22)


def demo(tmp_path: Path, name: str = "demo.json", **changes: Any) -> tuple[Path, dict[str, Any]]:
    data = generate(years=1, seed=2, today=TODAY)
    data["notes"][0]["text"] = "é ünï 中文 🙂 across chunk edges"
    data.update(changes)
    path = tmp_path / name
    path.write_text(to_json_text(data), encoding="utf-8")
    return path, data


def table(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return list(conn.execute(sql))


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
def test_a_streamed_file_reads_as_the_whole_file_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(format_stream, "CHUNK_BYTES", chunk)  # values split across chunks
    path, _ = demo(tmp_path)
    whole = parse(path.read_bytes())
    streamed = read_file(path)
    assert isinstance(streamed.notes, NoteStream)
    assert len(streamed.notes) == len(whole.notes) > 50
    assert list(streamed.notes) == list(whole.notes)
    assert list(streamed.notes) == list(whole.notes)  # read again from the file
    assert streamed.people == whole.people and streamed.audits == whole.audits
    assert streamed.resilience == whole.resilience and streamed.program == whole.program


def test_notes_before_the_people_are_checked_against_them(tmp_path: Path) -> None:
    _, data = demo(tmp_path)
    reordered = {"notes": data.pop("notes"), **data}
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(reordered), encoding="utf-8")
    assert list(read_file(path).notes) == list(parse(path.read_bytes()).notes)
    reordered["notes"][3]["person"] = "p-nobody"
    path.write_text(json.dumps(reordered), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_file(path)
    assert caught.value.problems == ['notes[3].person: "p-nobody" names no person in the file']


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "cxjournal", "version": 2, "notes": [{"on": "2026-01-01", "on": "x"}]}',
        '{"format": "cxjournal", "version": 2, "notes": [{"on": "2026-13-01"}, 4]}',
        '{"format": "cxjournal", "version": 2, "notes": [{"on": NaN}]}',
        '{"format": "cxjournal", "version": 2, "notes": [{"on": "2026-01-01"}]',
        '{"format": "cxjournal", "version": 2, "notes": {}, "notes": []}',
        '{"format": "cxjournal", "version": 9, "notes": []}',
        '{"format": "cxjournal", "version": 2, "notes": [{"on": "2026-01-01", '
        '"follow_ups": [{"text": "\\u0000 nul first"}]}]} trailing',
        "[1, 2]",
        "",
    ],
)
def test_a_file_with_problems_reports_exactly_what_the_whole_file_reader_does(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as whole:
        parse(path.read_bytes())
    with pytest.raises(ValidationError) as streamed:
        read_file(path)
    assert streamed.value.problems == whole.value.problems


def test_not_utf8_is_reported_as_before(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        '{"format": "cxjournal", "version": 2, "notes": [{"text": "café"}]}'.encode("latin-1")
    )
    with pytest.raises(ValidationError) as streamed:
        read_file(path)
    assert streamed.value.problems == ["not valid UTF-8: byte 61 cannot be decoded"]


def test_a_file_changed_after_its_check_writes_nothing(tmp_path: Path) -> None:
    path, data = demo(tmp_path)
    document = read_file(path)
    data["notes"][5]["kind"] = "gossip"
    path.write_text(to_json_text(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="changed while it was being imported"):
        list(document.notes)


def import_into(target: Path, source: Path, monkeypatch: pytest.MonkeyPatch, bulk: int) -> None:
    monkeypatch.setattr(import_merge, "BULK_INDEX_ROWS", bulk)
    monkeypatch.setattr(import_merge, "WRITE_BATCH", 17)  # many batches in one transaction
    journal = Journal.open(target)
    try:
        import_file(journal, source)
    finally:
        journal.close()


def test_bulk_indexing_gives_the_index_and_triggers_the_row_triggers_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, _ = demo(tmp_path)
    row_by_row, bulk = tmp_path / "row.db", tmp_path / "bulk.db"
    for target, threshold in ((row_by_row, 10**9), (bulk, 1)):
        import_into(target, source, monkeypatch, threshold)
    index = "SELECT rowid, who, body, tags, kind, open_id, person_id, on_date FROM search_fts"
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    notes = "SELECT id, person_id, on_date, kind, text, attitude, tags FROM notes ORDER BY id"
    assert table(bulk, index + " ORDER BY rowid") == table(row_by_row, index + " ORDER BY rowid")
    assert table(bulk, triggers) == table(row_by_row, triggers)
    assert table(bulk, notes) == table(row_by_row, notes)
    kinds = {row[0] for row in table(bulk, "SELECT kind FROM search_fts")}
    assert {"note", "follow_up", "resilience"} <= kinds
    # later writes are indexed by the restored triggers
    journal = Journal.open(bulk)
    try:
        with journal.session() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO notes (person_id, on_date, kind, text, tags) "
                "VALUES (NULL, '2026-11-20', 'win', 'zanzibar launch', '[]')"
            )
    finally:
        journal.close()
    assert table(bulk, "SELECT body FROM search_fts WHERE search_fts MATCH 'zanzibar'") == [
        ("zanzibar launch",)
    ]


def test_a_failed_bulk_import_keeps_the_triggers_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, _ = demo(tmp_path)
    target = tmp_path / "journal.db"
    Journal.open(target).close()
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    before = table(target, triggers)

    def refuse(*_args: Any) -> None:
        raise CxJournalError("the disk is full")

    monkeypatch.setattr(import_merge.MergeWriter, "_write_checkins", refuse)  # after the notes
    indexes = table(target, INDEXES)
    with pytest.raises(CxJournalError):
        import_into(target, source, monkeypatch, 1)
    assert table(target, triggers) == before
    assert table(target, INDEXES) == indexes
    assert table(target, "SELECT count(*) FROM notes") == [(0,)]
    assert table(target, "SELECT count(*) FROM search_fts") == [(0,)]


#: The secondary indexes of the tables a large import fills.
INDEXES = (
    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
    "AND tbl_name IN ('notes', 'follow_ups') ORDER BY name"
)


def watch_indexes(monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    """The indexes there are while the check-ins are written (after the notes), per import."""
    seen: list[list[Any]] = []
    write = import_merge.MergeWriter._write_checkins

    def watched(self: import_merge.MergeWriter, *rows: Any) -> None:
        seen.append(list(self.session.connection().exec_driver_sql(INDEXES)))
        write(self, *rows)

    monkeypatch.setattr(import_merge.MergeWriter, "_write_checkins", watched)
    return seen


def test_a_large_import_builds_the_note_indexes_once_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, data = demo(tmp_path)
    fresh = tmp_path / "fresh.db"
    Journal.open(fresh).close()
    during = watch_indexes(monkeypatch)
    target = tmp_path / "journal.db"
    import_into(target, source, monkeypatch, 1)
    assert during == [[]]  # none while the rows went in
    assert table(target, INDEXES) == table(fresh, INDEXES) != []
    assert table(target, "PRAGMA integrity_check") == [("ok",)]
    assert table(target, "SELECT count(*) FROM notes") == [(len(data["notes"]),)]


def test_an_import_smaller_than_the_journal_keeps_the_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building an index again reads the whole table: not for a few notes into many."""
    source, data = demo(tmp_path)
    target = tmp_path / "journal.db"
    import_into(target, source, monkeypatch, 10**9)
    small, _ = demo(tmp_path, "small.json", notes=data["notes"][:20], resilience=[])
    during = watch_indexes(monkeypatch)
    import_into(target, small, monkeypatch, 1)
    assert during == [table(target, INDEXES)] != [[]]


def test_a_note_the_journal_refuses_midway_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row the database refuses after many batches (its indexes and search triggers out
    for the import) rolls the whole import back: no row, and every index and trigger."""
    source, data = demo(tmp_path)
    target = tmp_path / "journal.db"
    Journal.open(target).close()
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    before = table(target, schema)
    read = format_plain.PlainNoteReader.read
    middle = len(data["notes"]) // 2
    calls = [0]

    def one_bad(self: format_plain.PlainNoteReader, o: dict[str, Any], seen: set[str]) -> Any:
        found = read(self, o, seen)
        calls[0] += 1
        if found is not None and calls[0] == len(data["notes"]) + middle:  # while writing
            found[1][[f.column for f in NOTE.stored].index("kind")] = "gossip"
        return found

    monkeypatch.setattr(format_plain.PlainNoteReader, "read", one_bad)
    refused = r"refused .*ck_notes_kind_known.*nothing was written"
    with pytest.raises(CxJournalError, match=refused):
        import_into(target, source, monkeypatch, 1)
    assert table(target, schema) == before
    for name in ("people", "notes", "follow_ups", "resilience", "search_fts"):
        assert table(target, f"SELECT count(*) FROM {name}") == [(0,)]


def test_an_unknown_trigger_shape_is_left_alone() -> None:
    assert (
        bulk_index.bulk_statement("CREATE TRIGGER t AFTER INSERT ON notes BEGIN END", "notes")
        is None
    )


def test_into_a_journal_without_notes_no_note_is_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing can match in a journal without notes, so no note's key is made; a second
    import of the same file compares every note and skips them all."""
    source, data = demo(tmp_path)
    keys: list[Any] = []
    made = import_merge._note_key

    def counted(*args: Any) -> Any:
        keys.append(args)
        return made(*args)

    monkeypatch.setattr(import_merge, "_note_key", counted)
    target = tmp_path / "journal.db"
    journal = Journal.open(target)
    try:
        first = import_file(journal, source)
        assert keys == [] and first.notes_added == len(data["notes"]) > 50
        second = import_file(journal, source)
    finally:
        journal.close()
    assert second.notes_added == 0 and second.notes_skipped == len(data["notes"])
    assert len(keys) == 2 * len(data["notes"])  # the journal's notes and the file's


def test_a_large_import_writes_its_check_ins_without_their_row_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each row a search trigger indexes writes a segment of an index that may already hold
    ~100k notes: the check-ins are indexed with the notes, by one statement at the end."""
    source, data = demo(tmp_path)
    assert len(data["resilience"]) > 50
    bulk = ("search_follow_ups_ai", "search_notes_ai", "search_resilience_ai")
    listed = f"SELECT name FROM sqlite_master WHERE name IN {bulk} ORDER BY name"
    triggers_then: list[list[Any]] = []
    write = import_merge.MergeWriter._write_checkins

    def watched(self: import_merge.MergeWriter, *rows: Any) -> None:
        found = self.session.connection().exec_driver_sql(listed)
        triggers_then.append([name for (name,) in found])
        write(self, *rows)

    monkeypatch.setattr(import_merge.MergeWriter, "_write_checkins", watched)
    target = tmp_path / "journal.db"
    import_into(target, source, monkeypatch, 1)
    assert triggers_then == [[]]
    assert [name for (name,) in table(target, listed)] == list(bulk)
    indexed = "SELECT count(*) FROM search_fts WHERE kind = 'resilience'"
    assert table(target, indexed) == table(target, "SELECT count(*) FROM resilience")


def test_the_check_of_a_streamed_file_makes_no_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking reads every field of every note but makes none: the notes are made once,
    as they are written."""
    path, data = demo(tmp_path)
    made: list[Any] = []
    real = format_read.Note

    def counted(**fields: Any) -> Any:
        made.append(fields)
        return real(**fields)

    monkeypatch.setattr(format_read, "Note", counted)
    document = read_file(path)
    assert made == []
    assert len(list(document.notes)) == len(made) == len(data["notes"]) > 50
