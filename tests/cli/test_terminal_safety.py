"""Journal text printed by the CLI, or written to a Markdown/CSV snapshot, drives nothing."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from cxjournal.cli import main
from cxjournal.domain.model import Audit, Note, Person, Rating
from cxjournal.journal import Journal

ESCAPE = "\x1b]0;owned\x07\x1b[2J"
BIDI = "\u202e"
NAME = f"Zed{ESCAPE}{BIDI}kcab"
D = dt.date(2026, 2, 1)


def unsafe(text: str) -> list[str]:
    return [ch for ch in ("\x1b", "\x07", "\u202e", "\x9b") if ch in text]


@pytest.fixture
def hostile(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        zed = journal.people.add(Person(name=NAME, team=f"Ops{ESCAPE}"))
        journal.notes.add(Note(on=D, text=f"churn story {ESCAPE}{BIDI} end", person_id=zed.id))
        rating = Rating(person=zed, value=8, irreplaceability=7, my_value=5, my_irreplaceability=4)
        journal.audits.save(Audit(taken_on=D, ratings=(rating,), note=f"a note{ESCAPE}\nline 2"))
    return journal_path


def test_search_prints_escapes(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(hostile), "search", "churn"]) == 0
    out = capsys.readouterr().out
    assert "churn" in out and unsafe(out) == []
    assert "\\x1b]0;owned\\x07" in out


def test_audit_show_prints_escapes(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(hostile), "audit", "show", "latest"]) == 0
    out = capsys.readouterr().out
    assert unsafe(out) == []
    assert "Zed\\x1b]0;owned" in out
    assert "line 2" in out.splitlines()[2]  # the note's own newline is kept


def test_json_keeps_the_text_exact(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(hostile), "search", "churn", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any(ESCAPE in hit["snippet"] for hit in hits)


def test_an_error_echoing_a_name_prints_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    doc = {
        "format": "cxjournal",
        "version": 1,
        "people": [{"id": "p1", "name": "Zed", "relationship": NAME}],
    }
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["--db", str(tmp_path / "new.db"), "import", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "people[0]" in err and unsafe(err) == []


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_snapshots_write_escapes(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = tmp_path / f"snap.{fmt}"
    assert main(["--db", str(hostile), "audit", "export", "latest", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert unsafe(text) == []
    assert "Zed" in text and "owned" in text


def test_markdown_text_cannot_add_structure_or_html(
    journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.open(journal_path) as journal:
        who = journal.people.add(Person(name="<img src=x onerror=alert(1)> [a](http://x) &amp;"))
        rating = Rating(person=who, value=8, irreplaceability=7, my_value=5, my_irreplaceability=4)
        note = "- not a list\n1. not a list\n# not a heading\n===\n<script>x</script>"
        journal.audits.save(Audit(taken_on=D, ratings=(rating,), note=note))
    out = tmp_path / "snap.md"
    assert main(["--db", str(journal_path), "audit", "export", "latest", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    unescaped = re.findall(r"(?<!\\)(?:<img|<script|\]\(http)", text)
    assert unescaped == []
    assert "\\<img src=x onerror=alert(1)\\> \\[a\\](http://x) \\&amp;" in text
    note_lines = text.split("## Note\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.rstrip() for line in note_lines] == [
        "\\- not a list",
        "1\\. not a list",
        "\\# not a heading",
        "\\===",
        "\\<script\\>x\\</script\\>",
    ]
