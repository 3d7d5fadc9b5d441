"""``cxjournal audit list|show``, in process, on real journal files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cxjournal.cli import main
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal

DAY = dt.date(2026, 1, 15)


def rate(person: Person, v: int, i: int, mv: int, mi: int) -> Rating:
    return Rating(person=person, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi)


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def db(journal_path: Path) -> Path:
    """A journal holding the domain tests' example audit, and an older one."""
    with Journal.open(journal_path) as journal:
        ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
        ben = journal.people.add(Person(name="Ben"))
        boss = journal.people.add(Person(name="Dana Roy"))
        journal.audits.save(Audit(taken_on=dt.date(2025, 10, 1), ratings=(rate(ana, 5, 5, 5, 5),)))
        journal.audits.save(
            Audit(
                taken_on=DAY,
                ratings=(rate(ana, 8, 7, 5, 4), rate(ben, 3, 4, 6, 5)),
                blocking_superior=True,
                blocking_superior_person=boss,
            )
        )
    return journal_path


def ids(db: Path) -> tuple[int, int]:
    with Journal.open(db) as journal:
        newest, oldest = journal.audits.summaries()
    return newest.id, oldest.id


# --- show --json: the analysis JSON matches the domain's expected values -------------------


def test_show_latest_json_matches_the_domain_example(db: Path, capsys: Any) -> None:
    assert run(db, "audit", "show", "latest", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    newest, _ = ids(db)
    assert set(data) == {"audit", "thresholds", "contacts", "totals", "reach", "alarms", "network"}
    assert data["network"] is None  # this audit records no ties
    assert data["audit"]["id"] == str(newest)
    assert data["audit"]["taken_on"] == "2026-01-15"
    assert data["audit"]["blocking_superior"] is True
    assert data["audit"]["blocking_superior_person"]["name"] == "Dana Roy"
    assert data["thresholds"] == Thresholds().as_dict()
    ana, ben = data["contacts"]
    assert ana["person"]["name"] == "Ana Silva"
    assert {k: ana[k] for k in ana if k not in ("person", "aspects")} == {
        "value": 8,
        "irreplaceability": 7,
        "my_value": 5,
        "my_irreplaceability": 4,
        "dependence_on_them": 5.6,
        "their_dependence_on_me": 2.0,
        "balance": -3.6,
        "kind": "you_lean_on_them",
    }
    assert ben["kind"] == "transactional"
    assert data["totals"] == {
        "count": 2,
        "reliance": 6.8,
        "influence": 5.0,
        "net_balance": -1.8,
        "influence_ratio": 0.74,
        "top2_share": 1.0,
    }
    assert data["reach"]["team"] == {
        "filled": 1,
        "distinct": 1,
        "dominant": "Ops",
        "dominant_share": 1.0,
    }
    assert [a["code"] for a in data["alarms"]] == ["high_vulnerability", "blocking_superior"]
    assert [p["name"] for p in data["alarms"][0]["people"]] == ["Ana Silva", "Ben"]
    assert data["alarms"][1]["person"]["name"] == "Dana Roy"
    assert "Dana Roy" in data["alarms"][1]["message"]


def test_show_json_is_exactly_analysis_to_json(db: Path, capsys: Any) -> None:
    from cxjournal.domain.analysis_json import analysis_to_json

    _, oldest = ids(db)
    assert run(db, "audit", "show", str(oldest), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    with Journal.open(db) as journal:
        expected = analysis_to_json(journal.audits.analysis(oldest))
    assert data == json.loads(json.dumps(expected))
    assert data["totals"]["reliance"] == 2.5


def test_show_uses_the_journal_thresholds(db: Path, capsys: Any) -> None:
    with Journal.open(db) as journal:
        journal.settings.set_thresholds(Thresholds(vulnerability_share=1.0, lean_gap=4))
    assert run(db, "audit", "show", "latest", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["thresholds"]["lean_gap"] == 4
    assert data["thresholds"]["vulnerability_share"] == 1.0
    assert [a["code"] for a in data["alarms"]] == ["blocking_superior"]
    assert data["contacts"][0]["kind"] == "balanced"  # balance -3.6 no longer <= -4


def test_show_human_output(db: Path, capsys: Any) -> None:
    assert run(db, "audit", "show", "latest") == 0
    out = capsys.readouterr().out
    assert "2026-01-15" in out and "2 people" in out
    assert "A superior is actively blocking you: Dana Roy" in out
    assert "Ana Silva" in out and "5.60" in out and "-3.60" in out
    assert "You lean on them" in out
    assert "high_vulnerability" in out and "blocking_superior" in out
    assert "most common Ops (100%)" in out


# --- list ---------------------------------------------------------------------------------


def test_list_json_newest_first_with_alarm_codes(db: Path, capsys: Any) -> None:
    assert run(db, "audit", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    newest, oldest = ids(db)
    assert rows == [
        {
            "id": str(newest),
            "taken_on": "2026-01-15",
            "people": 2,
            "blocking_superior": True,
            "alarms": ["high_vulnerability", "blocking_superior"],
        },
        {
            "id": str(oldest),
            "taken_on": "2025-10-01",
            "people": 1,
            "blocking_superior": False,
            "alarms": ["high_vulnerability"],
        },
    ]


def test_list_human_output(db: Path, capsys: Any) -> None:
    assert run(db, "audit", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "PEOPLE", "ALARMS"]
    assert "2026-01-15" in lines[1] and "blocking_superior" in lines[1]
    assert "2025-10-01" in lines[2]


def test_list_of_an_empty_journal(journal_path: Path, capsys: Any) -> None:
    Journal.open(journal_path).close()
    assert run(journal_path, "audit", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(journal_path, "audit", "list") == 0
    assert "No audits yet" in capsys.readouterr().out


# --- errors ---------------------------------------------------------------------------------


def test_show_latest_on_an_empty_journal(journal_path: Path, capsys: Any) -> None:
    Journal.open(journal_path).close()
    assert run(journal_path, "audit", "show", "latest") == 2
    assert "no audit yet" in capsys.readouterr().err


@pytest.mark.parametrize(("ref", "message"), [("999", "no audit with id 999"), ("abc", "not an")])
def test_show_unknown_or_bad_id(db: Path, capsys: Any, ref: str, message: str) -> None:
    assert run(db, "audit", "show", ref) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_no_journal_fails_clearly(tmp_path: Path, capsys: Any) -> None:
    assert run(tmp_path / "missing.db", "audit", "list") == 1
    assert "there is no journal" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()


def test_audit_needs_a_subcommand(db: Path, capsys: Any) -> None:
    with pytest.raises(SystemExit) as exited:
        run(db, "audit")
    assert exited.value.code == 2
    capsys.readouterr()


def test_audit_commands_import_no_qt(db: Path) -> None:
    code = (
        "import sys; from cxjournal.cli import main; "
        f"rc = main(['--db', {str(db)!r}, 'audit', 'list']); "
        f"rc += main(['--db', {str(db)!r}, 'audit', 'show', 'latest']); "
        "heavy = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
        "print('HEAVY', heavy); sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout
