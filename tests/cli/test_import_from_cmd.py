"""``cxjournal import-from KIND FILE [--dry-run] [--json]``, in process on real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cxjournal.cli import main
from cxjournal.journal import Journal

FIXTURES = Path(__file__).parents[1] / "exchange" / "imports_fixtures"


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), "import-from", *args])


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def test_import_then_again_changes_nothing(journal_path: Path, capsys: Any) -> None:
    assert run(journal_path, "jrnl", fixture("jrnl.json")) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"imported {fixture('jrnl.json')}:")
    assert "added: 3 notes" in out
    assert run(journal_path, "jrnl", fixture("jrnl.json"), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "added": {"people": 0, "emails": 0, "notes": 0, "checkins": 0},
        "merged": {"people": 0},
        "skipped": {"notes": 3},
        "problems": [],
    }


def test_dry_run_writes_nothing(journal_path: Path, capsys: Any) -> None:
    Journal.open(journal_path).close()
    assert run(journal_path, "dayone", fixture("dayone-export.zip"), "--dry-run", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["added"]["notes"] == 3 and report["skipped"] == {"media": 3}
    with Journal.open(journal_path, create=False) as journal:
        assert journal.search.count("Tokyo") == 0
    assert run(journal_path, "dayone", fixture("dayone-export.zip"), "--dry-run") == 0
    assert "a dry run, nothing was written" in capsys.readouterr().out


def test_bad_input_exits_2_with_every_problem_on_its_own_line(
    journal_path: Path, tmp_path: Path, capsys: Any
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"entries": [{"date": "2024-02-30", "title": "x"}, 3, {"date": "2024-01-01"}]}',
        encoding="utf-8",
    )
    assert run(journal_path, "jrnl", str(bad), "--json") == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["problems"] == [
        "entries[0].date: '2024-02-30' is not a date (YYYY-MM-DD)",
        "entries[1]: an entry should be an object",
        "entries[2]: the entry has no title and no body",
    ]
    assert captured.err.splitlines() == [
        "cxjournal: entries[0].date: '2024-02-30' is not a date (YYYY-MM-DD)",
        "cxjournal: entries[1]: an entry should be an object",
        "cxjournal: entries[2]: the entry has no title and no body",
        f"cxjournal: nothing was imported from {bad}",
    ]
    assert not journal_path.exists()  # nothing written, not even a new journal


def test_daylio_custom_mood_without_value(journal_path: Path, capsys: Any) -> None:
    assert run(journal_path, "daylio", fixture("daylio_export.csv")) == 2
    assert "the mood 'focused' (1 entry) has no value" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["jrnl", "{fixtures}/jrnl.json", "--mood", "rad=9"], "are for a daylio import only"),
        (["jrnl", "/no/such/file.json"], "cannot read /no/such/file.json"),
    ],
)
def test_usage_errors(journal_path: Path, capsys: Any, args: list[str], message: str) -> None:
    args = [a.replace("{fixtures}", str(FIXTURES)) for a in args]
    assert run(journal_path, *args) == 2
    assert message in capsys.readouterr().err


def test_mood_option_must_be_name_equals_number(journal_path: Path, capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(journal_path, "daylio", fixture("daylio_export.csv"), "--mood", "focused")
    assert exit_info.value.code == 2
    assert "'focused' is not NAME=N" in capsys.readouterr().err


def test_contacts_merge_report_names_who(journal_path: Path, capsys: Any) -> None:
    assert run(journal_path, "vcard", fixture("contacts-3.0.vcf")) == 0
    capsys.readouterr()
    assert run(journal_path, "contacts-csv", fixture("outlook-contacts.csv"), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["merged"] == {"people": 1} and report["added"]["people"] == 2


def test_daylio_with_options(journal_path: Path, capsys: Any) -> None:
    args = ["--mood", "focused=8", "--drain", "escalations", "--restorer", "walk", "--json"]
    assert run(journal_path, "daylio", fixture("daylio_export.csv"), *args) == 0
    assert json.loads(capsys.readouterr().out)["added"]["checkins"] == 4
    with Journal.open(journal_path, create=False) as journal:
        entries = journal.resilience.between()
    assert [e.mood for e in entries] == [3, 1, 7, 7]
    assert all(e.energy is None and e.stress is None for e in entries)
    assert run(journal_path, "daylio", fixture("daylio_export.csv"), *args) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == {"checkins": 4}
