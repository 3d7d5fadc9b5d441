"""``cxjournal program show`` and ``cxjournal prep``: the JSON is the domain tests' values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxjournal.cli import main
from cxjournal.journal import Journal
from tests.program_scenario import (
    EXPECTED_GRID,
    EXPECTED_OPERATIONS_PEOPLE,
    EXPECTED_PREP,
    EXPECTED_RISKS,
    store_scenario,
    without_messages,
)

ON = "2026-06-15"


@pytest.fixture
def filled(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        store_scenario(journal)
    return journal_path


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(list(args)) == 0
    result: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return result


def test_program_show_json(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--db", str(filled), "program", "show", "--on", ON, "--json")
    assert data["on"] == ON
    assert without_messages(data["risks"]) == EXPECTED_RISKS
    assert data["grid"] == EXPECTED_GRID
    assert data["plans"][3]["people"] == EXPECTED_OPERATIONS_PEOPLE
    assert data["thresholds"]["touch_days"] == 30


def test_program_show_follows_the_journal_thresholds(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cxjournal.domain.thresholds import Thresholds

    with Journal.open(filled) as journal:
        journal.settings.set_thresholds(Thresholds(format_streak=4))
    data = run_json(capsys, "--db", str(filled), "program", "show", "--on", ON, "--json")
    assert "format_not_working" not in [r["code"] for r in data["risks"]]
    assert data["thresholds"]["format_streak"] == 4


def test_program_show_text(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "program", "show", "--on", ON]) == 0
    out = capsys.readouterr().out
    assert "Why: Customers stop waiting for refunds" in out
    assert "! Owner opposed (owner_opposed)" in out
    assert "Add a Finance leader to the CX board." in " ".join(out.split())  # wrapped
    assert "Keep satisfied: Ana Silva" in out


@pytest.mark.parametrize("name", sorted(EXPECTED_PREP))
def test_prep_json(filled: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    data = run_json(capsys, "--db", str(filled), "prep", name.upper(), "--on", ON, "--json")
    expected = EXPECTED_PREP[name]
    assert {k: data[k] for k in expected} == expected
    assert data["person"] == name


def test_prep_text_and_by_id(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "prep", "1", "--on", ON]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Preparing a 1:1 with Ana Silva on 2026-06-15")
    assert "Plans: Operations (owner)" in out
    assert "Send the refund analysis (due 2026-06-18)" in out
    assert "2026-06-10  Churn down in pilot" in out
    assert "They prefer spreadsheet form." in out


def test_prep_of_nobody_and_a_bad_date(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(filled), "prep", "Zed", "--on", ON]) == 2
    assert "nobody called 'Zed'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(filled), "program", "show", "--on", "15/06/2026"])
    assert exc.value.code == 2
    assert "is not a date (YYYY-MM-DD)" in capsys.readouterr().err


def test_journal_text_is_printed_escaped(
    journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.open(journal_path) as journal:
        journal.program.set_why("Bell\x07 and \x1b[31mred", "")
    assert main(["--db", str(journal_path), "program", "show"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Bell\\x07 and \\x1b[31mred" in out


def test_prep_pdf(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cxjournal.exchange.program_report import preparation_markdown

    out = tmp_path / "prep.pdf"
    assert main(["--db", str(filled), "prep", "Ana Silva", "--on", ON, "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "Preparing a 1:1 with Ana Silva" in capsys.readouterr().out
    with Journal.open(filled) as journal:
        ana = journal.people.find_by_name("Ana Silva")
        assert ana is not None and ana.id is not None
        import datetime as dt

        prep, follow_ups = journal.program.preparation(ana.id, dt.date.fromisoformat(ON))
    text = preparation_markdown(prep, follow_ups)
    assert "- **Plans:** Operations (owner)" in text
    assert "- Churn down in pilot (10 June 2026)" in text
    assert "Send the refund analysis (due 18 June 2026)" in text
