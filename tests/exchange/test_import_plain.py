"""The import's fast path for notes (exchange/format_plain.py): the typed readers' rows, or
nothing.

For any note object, the plain reader either gives exactly the rows the typed readers
and the store's encoders give, or gives None (the note is then read the long way); it
never takes a note the typed readers refuse.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxjournal.domain.model import Attitude, FormatUsed, NoteGoal, NoteKind, NoteOutcome
from cxjournal.exchange.demo import generate
from cxjournal.exchange.format_fields import FieldReader
from cxjournal.exchange.format_plain import MEMO_SIZE, PlainNoteReader, note_row
from cxjournal.exchange.format_read import parse, read_note
from cxjournal.exchange.format_stream import NoteStream, read_file
from cxjournal.exchange.format_write import to_json_text

PEOPLE = {"p-1": object(), "p-2": object()}

#: Notes that read cleanly, each with something a plain reader must get right.
GOOD: list[dict[str, Any]] = [
    {"on": "2026-01-05"},
    {"id": "n-1", "on": "2026-01-05", "text": "", "kind": "win", "person": None},
    {"on": "2026-01-05", "person": "p-2", "attitude": "skeptic", "kind": "one_on_one"},
    {"on": "2026-01-05", "text": "  spaces kept  ", "attitude": None, "tags": None},
    {"on": "2026-01-05", "text": "é ünï 中文 🙂", "tags": ["  roi  ", "ROI", "a  b", "é"]},
    {"on": "2026-01-05", "tags": [], "follow_ups": None},
    {"on": "2026-01-05", "follow_ups": [{"text": "  send it  "}]},
    {"on": "2026-01-05", "follow_ups": [{"text": "x", "due": "2028-02-29", "done": True}]},
    {"on": "2026-01-05", "follow_ups": [{"text": "x", "due": None, "done": None}]},
    {"on": "2026-01-05", "goal": "change", "format_used": "video", "outcome": "partly"},
    {"on": "2026-01-05", "goal": None, "format_used": None, "outcome": None, "other": 1},
]

#: Notes the plain reader leaves to the typed readers (a problem, or an unusual value).
LONG_WAY: list[dict[str, Any]] = [
    {},
    {"on": None},
    {"on": "2026-02-30"},
    {"on": "2026-1-05"},
    {"on": "\u0662\u0660\u0662\u0666-01-05"},
    {"on": 20260105},
    {"on": "2026-01-05", "text": 4},
    {"on": "2026-01-05", "text": "lone \ud800 surrogate"},
    {"on": "2026-01-05", "kind": "gossip"},
    {"on": "2026-01-05", "kind": ""},
    {"on": "2026-01-05", "attitude": 1},
    {"on": "2026-01-05", "person": "p-nobody"},
    {"on": "2026-01-05", "person": 1},
    {"on": "2026-01-05", "tags": "roi"},
    {"on": "2026-01-05", "tags": ["", "roi"]},
    {"on": "2026-01-05", "tags": [" "]},
    {"on": "2026-01-05", "tags": [["roi"]]},
    {"on": "2026-01-05", "id": ""},
    {"on": "2026-01-05", "id": 7},
    {"on": "2026-01-05", "follow_ups": {}},
    {"on": "2026-01-05", "follow_ups": [3]},
    {"on": "2026-01-05", "follow_ups": [{}]},
    {"on": "2026-01-05", "follow_ups": [{"text": "   "}]},
    {"on": "2026-01-05", "follow_ups": [{"text": "a\x00b"}]},
    {"on": "2026-01-05", "follow_ups": [{"text": "x", "done": 1}]},
    {"on": "2026-01-05", "follow_ups": [{"text": "x", "due": "soon"}]},
]


def typed(o: dict[str, Any], version: int, seen: set[str] | None = None) -> Any:
    """The rows the typed readers give, or None when they note a problem."""
    r = FieldReader()
    note = read_note(r, "notes[0]", o, PEOPLE, set() if seen is None else seen, version >= 2)
    return None if r.problems else note_row(note)


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("o", GOOD)
def test_a_clean_note_gives_the_typed_readers_rows(o: dict[str, Any], version: int) -> None:
    seen: set[str] = set()
    found = PlainNoteReader(PEOPLE, version).read(o, seen)
    assert found is not None
    assert found == typed(o, version)
    assert seen == ({o["id"]} if o.get("id") else set())


def test_a_version_1_file_does_not_read_the_keys_of_version_2() -> None:
    o = {"on": "2026-01-05", "goal": "not a goal", "outcome": 3}
    found = PlainNoteReader(PEOPLE, 1).read(o, set())
    assert found is not None and found == typed(o, 1)
    assert PlainNoteReader(PEOPLE, 2).read(o, set()) is None


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("o", LONG_WAY)
def test_anything_else_is_left_to_the_typed_readers(o: dict[str, Any], version: int) -> None:
    seen = {"n-0"}
    assert PlainNoteReader(PEOPLE, version).read(o, seen) is None
    assert seen == {"n-0"}  # as it was: the typed readers see the id for the first time


def test_an_id_used_twice_is_left_to_the_typed_readers() -> None:
    reader, seen = PlainNoteReader(PEOPLE, 2), set[str]()
    assert reader.read({"id": "n-1", "on": "2026-01-05"}, seen) is not None
    assert reader.read({"id": "n-1", "on": "2026-01-06"}, seen) is None
    assert reader.read({"id": "n-2", "on": "2026-13-06"}, seen) is None
    assert seen == {"n-1"}


def test_repeated_values_are_remembered_up_to_a_limit() -> None:
    reader = PlainNoteReader(PEOPLE, 2)
    start = dt.date(2000, 1, 1)
    days = [(start + dt.timedelta(days=n)).isoformat() for n in range(MEMO_SIZE + 50)]
    for day in days + days:  # past the limit, dates are still read, just not remembered
        found = reader.read({"on": day, "tags": [day[:4]]}, set())
        assert found is not None and found[1][0] == day


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def one_of(*enums: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for enum in enums for member in enum])


days = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
#: Any value at all, mostly of the kinds the format uses.
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 12),
    st.floats(allow_nan=True),
    st.sampled_from(["", " ", "2026-02-29", "2026-1-05", "p-9", "\x00x", "a\ud800"]),
    one_of(NoteKind, Attitude, NoteGoal, FormatUsed, NoteOutcome),
    days,
    st.text(max_size=6),
    st.lists(st.one_of(st.text(max_size=3), st.integers(0, 2)), max_size=2),
    st.dictionaries(st.sampled_from(["text", "due", "done"]), st.text(max_size=3), max_size=2),
)
follow_up = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=8).filter(lambda t: t.strip() and "\x00" not in t)},
    optional={"due": maybe(days), "done": maybe(st.booleans())},
)
#: A note that reads cleanly ...
clean_notes = st.fixed_dictionaries(
    {"on": days},
    optional={
        "id": maybe(st.text(min_size=1, max_size=3)),
        "person": st.sampled_from([None, "p-1", "p-2"]),
        "kind": maybe(one_of(NoteKind)),
        "text": maybe(st.text(max_size=10)),
        "attitude": maybe(one_of(Attitude)),
        "tags": maybe(st.lists(st.text(min_size=1, max_size=5).filter(str.strip), max_size=3)),
        "follow_ups": maybe(st.lists(follow_up, max_size=2)),
        "goal": maybe(one_of(NoteGoal)),
        "format_used": maybe(one_of(FormatUsed)),
        "outcome": maybe(one_of(NoteOutcome)),
    },
)
KEYS = ("id", "person", "on", "kind", "text", "attitude", "tags", "follow_ups", "goal", "outcome")
#: ... and then, perhaps, one of its values or of its first follow-up's replaced by anything.
changes = st.one_of(
    st.none(),
    st.tuples(st.sampled_from(KEYS), anything),
    st.tuples(st.just("follow_ups.0"), st.sampled_from(["text", "due", "done"]), anything),
)


@settings(max_examples=500, deadline=None)
@given(o=clean_notes, change=changes, version=st.sampled_from([1, 2]))
def test_any_note_reads_as_the_typed_readers_read_it_or_the_long_way(
    o: dict[str, Any], change: Any, version: int
) -> None:
    if change is not None and change[0] == "follow_ups.0":
        if o.get("follow_ups"):
            o["follow_ups"][0][change[1]] = change[2]
    elif change is not None:
        o[change[0]] = change[1]
    found = PlainNoteReader(PEOPLE, version).read(o, set())
    if found is not None:
        assert found == typed(o, version)
    if change is None:  # a clean note is always read the fast way
        assert found is not None


def test_a_streamed_file_gives_the_rows_of_the_whole_file(tmp_path: Path) -> None:
    data = generate(years=1, seed=3, today=dt.date(2026, 11, 22))
    # valid, but read the long way: a NUL inside a follow-up (only a leading one is refused)
    data["notes"][1]["follow_ups"] = [{"text": "keep a\x00NUL inside", "done": False}]
    path = tmp_path / "demo.json"
    path.write_text(to_json_text(data), encoding="utf-8")
    assert PlainNoteReader(PEOPLE, 2).read(data["notes"][1], set()) is None
    whole = parse(path.read_bytes())
    streamed = read_file(path)
    assert isinstance(streamed.notes, NoteStream)
    assert list(streamed.notes.rows()) == [note_row(n) for n in whole.notes]
