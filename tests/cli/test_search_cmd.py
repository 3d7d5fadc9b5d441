"""``cxjournal search QUERY [--json] [--limit N]``: hits, JSON, limits, odd input, no Qt."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxjournal.cli import main
from cxjournal.domain.model import FollowUp, Note, Person
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
D = dt.date(2026, 2, 1)


@pytest.fixture
def filled(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        ana = journal.people.add(Person(name="Ana Silva", motivations="Churn targets"))
        journal.notes.add(
            Note(
                on=D,
                text="Walked her through the churn story",
                person_id=ana.id,
                follow_ups=(FollowUp("Send the churn drivers", due=dt.date(2026, 2, 8)),),
            )
        )
        for day in range(1, 6):
            journal.notes.add(Note(on=dt.date(2026, 3, day), text=f"pricing review {day}"))
    return journal_path


def test_text_output_marks_matches(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "search", "churn"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert any(line.startswith("2026-02-01  note") and "[churn]" in line for line in lines)
    assert any("follow_up" in line and "2026-02-08" in line for line in lines)
    assert any("person" in line and "Ana Silva" in line for line in lines)


def test_json_output_and_limit(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "search", "pricing", "--json", "--limit", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2
    assert {h["kind"] for h in hits} == {"note"}
    for hit in hits:
        assert hit["open"]["page"] == "journal"
        start, end = hit["matches"][0]
        assert hit["snippet"][start:end].lower() == "pricing"


def test_json_for_a_person_hit(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "search", "targets", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "person"
    assert hit["title"] == "Ana Silva"
    assert hit["open"] == {"page": "people", "person_id": hit["id"]}


@pytest.mark.parametrize("query", ['"', "O'Brien", "AND", "NEAR(", "who:x", "*", "😀", "", "-"])
def test_odd_queries_never_fail(
    filled: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    assert main(["--db", str(filled), "search", query, "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_no_matches_says_so(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "search", "zebra"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no matches" in captured.err


@pytest.mark.parametrize("limit", ["0", "-3", "x", "1001"])
def test_a_bad_limit_is_a_usage_error(
    filled: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(filled), "search", "churn", "--limit", limit])
    assert exited.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_no_journal_is_a_clear_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "search", "churn"]) == 1
    assert "there is no journal" in capsys.readouterr().err


def test_search_does_not_import_qt(filled: Path) -> None:
    code = (
        "import sys\n"
        "from cxjournal.cli import main\n"
        f"rc = main(['--db', {str(filled)!r}, 'search', 'churn'])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
        "assert not bad, bad\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "[churn]" in result.stdout


def test_filters_and_offset_as_in_the_app(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", str(filled), "search", "churn", "--json"]
    assert main([*args, "--kind", "follow_up"]) == 0
    assert [h["kind"] for h in json.loads(capsys.readouterr().out)] == ["follow_up"]
    assert main([*args, "--person", "ana silva", "--kind", "note", "--kind", "person"]) == 0
    assert sorted(h["kind"] for h in json.loads(capsys.readouterr().out)) == ["note", "person"]
    assert main([*args, "--since", "2026-02-02"]) == 0
    assert [h["kind"] for h in json.loads(capsys.readouterr().out)] == ["follow_up"]  # due 8 Feb
    assert main([*args, "--until", "2026-01-31"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", str(filled), "search", "pricing", "--json", "--offset", "3"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_a_person_named_comes_first_in_the_cli_too(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(filled), "search", "ana", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["kind"] == "person" and hits[0]["title_matches"] == [[0, 3]]


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (["--person", "Nobody"], "no one named 'Nobody'"),
        (["--since", "2026-03-02", "--until", "2026-03-01"], "is after until"),
        (["--since", "yesterday"], "is not a date"),
        (["--kind", "memo"], "invalid choice"),
        (["--offset", "-1"], "below 0"),
    ],
)
def test_a_bad_filter_is_a_usage_error(
    filled: Path, capsys: pytest.CaptureFixture[str], extra: list[str], problem: str
) -> None:
    with pytest.raises(SystemExit) as ended:
        code = main(["--db", str(filled), "search", "churn", *extra])
        raise SystemExit(code)
    assert ended.value.code == 2
    assert problem in capsys.readouterr().err
