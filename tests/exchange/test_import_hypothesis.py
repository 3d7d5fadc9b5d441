"""Imports into a real journal, generated: refused files leave the journal exactly as it was.

Malformed documents (a wrong type or an out-of-range value anywhere, a missing
required field, a reference to no one, a duplicate id or date, JSON cut short)
and valid files that clash with the journal's check-ins are each refused with
a message, and every table of the journal (the search index included) holds
the same rows afterwards. Valid documents import, and importing them again
changes nothing.
"""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxjournal.domain.errors import ValidationError
from cxjournal.exchange import importer
from cxjournal.exchange.format_read import parse
from cxjournal.exchange.format_write import to_json_text
from cxjournal.exchange.importer import ImportConflictError
from cxjournal.journal import Journal
from tests.exchange.test_format_hypothesis import NOBODY, documents, sites
from tests.exchange.test_importer import example, journal_content

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def full_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """A journal with content in every table; no example may change it."""
    journal = Journal.open(tmp_path_factory.mktemp("hyp") / "journal.db")
    importer.import_text(journal, json.dumps(example()))
    yield journal
    journal.close()


def refused(journal: Journal, text: str | bytes, replace: bool = False) -> list[str]:
    before = journal_content(journal)
    with pytest.raises(ValidationError) as caught:
        importer.import_text(journal, text, replace=replace)
    assert journal_content(journal) == before
    problems = caught.value.problems
    assert problems and all(p and "\n" not in p for p in problems)
    return problems


@EXAMPLES
@given(documents(), st.data())
def test_a_wrong_value_anywhere_is_refused_and_writes_nothing(
    full_journal: Journal, doc: dict[str, Any], data: st.DataObject
) -> None:
    site = data.draw(st.sampled_from(sites(doc)), label="site")
    if site.bad is None:
        site.container.pop(site.key, None)
    else:
        site.container[site.key] = data.draw(site.bad, label="bad value")
    problems = refused(full_journal, json.dumps(doc))
    assert any(p.startswith((site.path + ":", site.path + "[")) for p in problems), problems


@EXAMPLES
@given(documents(min_items=2), st.data())
def test_duplicates_are_refused_and_write_nothing(
    full_journal: Journal, doc: dict[str, Any], data: st.DataObject
) -> None:
    section = data.draw(st.sampled_from(["people", "audits", "notes", "resilience"]))
    records = doc[section]
    first, second = data.draw(st.lists(st.sampled_from(range(len(records))), min_size=2,
                                       max_size=2, unique=True).map(sorted))  # fmt: skip
    key = "on" if section == "resilience" else "id"
    if section in ("audits", "notes"):
        records[first]["id"] = "same"
    records[second][key] = records[first][key]
    problems = refused(full_journal, json.dumps(doc))
    assert any(p.startswith(f"{section}[{second}].{key}:") for p in problems), problems


@EXAMPLES
@given(documents(min_items=1), st.data())
def test_a_reference_to_no_one_is_refused_and_writes_nothing(
    full_journal: Journal, doc: dict[str, Any], data: st.DataObject
) -> None:
    places = [(f"notes[{i}].person", n) for i, n in enumerate(doc["notes"])]
    for i, a in enumerate(doc["audits"]):
        places += [(f"audits[{i}].ratings[{j}].person", r) for j, r in enumerate(a["ratings"])]
    path, record = data.draw(st.sampled_from(places))
    record[path.rsplit(".", 1)[1]] = NOBODY
    problems = refused(full_journal, json.dumps(doc))
    assert any(p.startswith(f"{path}: ") for p in problems), problems


@EXAMPLES
@given(documents(min_items=1), st.data())
def test_truncated_json_is_refused_and_writes_nothing(
    full_journal: Journal, doc: dict[str, Any], data: st.DataObject
) -> None:
    text = to_json_text(doc)
    cut = data.draw(st.integers(0, len(text.rstrip()) - 1), label="cut")
    as_bytes = data.draw(st.booleans(), label="as bytes")
    problems = refused(full_journal, text.encode()[:cut] if as_bytes else text[:cut])
    assert len(problems) == 1


@EXAMPLES
@given(
    st.sampled_from(["2026-02-01", "2026-02-02"]),
    st.sampled_from(["energy", "stress", "mood"]),
    st.integers(1, 10),
)
def test_a_checkin_clash_is_refused_unless_replacing(
    full_journal: Journal, on: str, field: str, value: int
) -> None:
    doc = copy.deepcopy(example())
    entry = next(e for e in doc["resilience"] if e["on"] == on)
    if entry[field] == value:
        value = value % 10 + 1
    entry[field] = value
    problems = refused(full_journal, json.dumps(doc))
    assert problems == [
        f"resilience[{doc['resilience'].index(entry)}].on: {on} already has a different "
        "check-in in this journal"
    ]
    with pytest.raises(ImportConflictError):
        importer.import_text(full_journal, json.dumps(doc))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([1, 2]).flatmap(lambda version: documents(version=version)))
def test_valid_documents_import_and_a_second_import_changes_nothing(doc: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder, Journal.open(Path(folder) / "j.db") as journal:
        if importer.store_problems(parse(json.dumps(doc))):  # e.g. a name starting with NUL
            refused(journal, json.dumps(doc))
            return
        importer.import_text(journal, json.dumps(doc))
        assert len(journal.people.all(include_archived=True)) == len(doc.get("people", []))
        after_first = journal_content(journal)
        summary = importer.import_text(journal, json.dumps(doc))
        assert not summary.changed, summary
        assert journal_content(journal) == after_first
        assert journal.check() == []
