"""Ties through the command line: a real exchange file with ties imports and shows its
network in ``audit show --json``; bad ties are refused with their path and write nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from cxjournal.cli import main
from cxjournal.cli.audit_cmd import format_analysis
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.power_audit import analyse
from cxjournal.journal import Journal


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def exported(journal_path: Path, tmp_path: Path) -> Path:
    """A real export of a journal whose audit records that Ana and Ben know each other."""
    with Journal.open(journal_path) as journal:
        people = [journal.people.add(Person(name=n)) for n in ("Ana Silva", "Ben Ode", "Chen Li")]
        ratings = tuple(Rating(p, 6, 6, 5, 5) for p in people)
        journal.audits.save(Audit(dt.date(2026, 1, 15), ratings, ties=((0, 1),),
                                  ties_recorded=True))  # fmt: skip
    path = tmp_path / "journal.json"
    assert run(journal_path, "export", "-o", str(path)) == 0
    return path


def test_ties_travel_through_a_file_into_the_analysis(
    exported: Path, tmp_path: Path, capsys: Any
) -> None:
    audit = json.loads(exported.read_text())["audits"][0]
    assert len(audit["ties"]) == 1 and audit["ties_recorded"] is True
    target = tmp_path / "other" / "journal.db"
    assert run(target, "import", str(exported)) == 0
    capsys.readouterr()
    assert run(target, "audit", "show", "latest", "--json") == 0
    network = json.loads(capsys.readouterr().out)["network"]
    assert network == {
        "n": 3, "ties": 1, "possible_ties": 3, "density": 0.333, "effective_size": 2.333,
        "efficiency": 0.778, "constraint": 0.611, "structural_holes": 2,
        "clusters": [["Ana Silva", "Ben Ode"], ["Chen Li"]],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda ids: [[ids[0], "p-nobody"]], 'audits[0].ties[0][1]: "p-nobody" is not rated'),
        (lambda ids: [[ids[0], ids[0]]], "audits[0].ties[0]: ties"),
        (lambda ids: [[ids[0], ids[1]], [ids[1], ids[0]]], "audits[0].ties[1]: this pair is"),
    ],
    ids=["not rated", "self", "duplicate"],
)
def test_bad_ties_are_refused_with_their_path(
    exported: Path, tmp_path: Path, capsys: Any, change: Any, message: str
) -> None:
    data = json.loads(exported.read_text())
    ids = [r["person"] for r in data["audits"][0]["ratings"]]
    data["audits"][0]["ties"] = change(ids)
    exported.write_text(json.dumps(data))
    target = tmp_path / "other" / "journal.db"
    assert run(target, "import", str(exported)) == 2
    err = capsys.readouterr().err
    assert message in err
    assert not target.exists()  # nothing written, not even a new journal


def audit_of(names: list[str], ties: tuple[tuple[int, int], ...], recorded: bool = True) -> Audit:
    ratings = tuple(Rating(Person(name=n), 5, 5, 5, 5) for n in names)
    return Audit(dt.date(2026, 1, 15), ratings, ties=ties, ties_recorded=recorded)


def test_audit_show_text_has_the_network_in_words() -> None:
    text = format_analysis(analyse(audit_of(["Ana", "Ben", "Chen", "Dee"], ((0, 1), (1, 2)))))
    assert "Network\n  You are the only link between 4 of 6 pairs." in text
    assert "  groups: Ana, Ben, Chen | Dee" in text
    unrecorded = format_analysis(analyse(audit_of(["Ana", "Ben"], (), recorded=False)))
    assert "Network: no ties recorded" in unrecorded
