"""The program snapshot and the proof point portfolio: content, hidden names, formats."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from cxjournal.cli import main
from cxjournal.domain.model import ProofPoint
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import program_report as report
from cxjournal.journal import Journal
from tests.program_scenario import (
    EXPECTED_RISKS,
    NOTES,
    PEOPLE,
    PROGRAM,
    PROOF_POINTS,
    D,
    store_scenario,
)

#: names and functions ("Operations" is also a plan's title, which stays)
REAL_NAMES = [p.name for p in PEOPLE] + ["Finance", "finance", "operations", "IT"]


def test_the_snapshot_lists_plans_risks_and_grid() -> None:
    view = report.snapshot_view(PROGRAM, PEOPLE, NOTES, D, Thresholds())
    text = report.program_markdown(view)
    assert "Customers stop waiting for refunds" in text
    assert "| Operations | In progress | Ana Silva |" in text
    assert text.count("\n- **") == len(EXPECTED_RISKS) + 4  # risks, then four quadrants
    assert "Add a Finance leader to the CX board." in text
    assert "**Keep satisfied:** Ana Silva" in text


def test_hidden_names_leave_no_name_function_or_free_text_and_the_same_risks() -> None:
    view = report.snapshot_view(PROGRAM, PEOPLE, NOTES, D, Thresholds(), hidden=True)
    text = report.program_markdown(view, hidden=True)
    words = set(text.replace("|", " ").replace(":", " ").split())
    for secret in [*REAL_NAMES, "Customers stop waiting", "Refund time", "Cut refund time"]:
        assert secret not in text if " " in secret else secret not in words, secret
    assert "Person A" in text and "Function A" in text
    codes = [r.code.value for r in view.risks]
    assert codes == [r["code"] for r in EXPECTED_RISKS]
    # pseudonyms follow plan order: Chen (voc) is Person A, Ana (operations) Person B
    assert "Person B owns the Operations plan but is a skeptic." in text


def test_markdown_shows_journal_text_as_written() -> None:
    hostile = ProofPoint(D, "Win <img src=x> | *bold* \x1b[31m", story="# not a heading")
    text = report.portfolio_markdown([hostile], D)
    assert re.search(r"(?<!\\)<", text) is None and "\x1b" not in text
    assert "\\<img src=x\\> \\| \\*bold\\*" in text


def test_portfolio_csv_is_spreadsheet_safe() -> None:
    points = [*PROOF_POINTS, ProofPoint(D, "=HYPERLINK(1)", metric="+cmd", value=1.5)]
    rows = list(csv.reader(io.StringIO(report.portfolio_csv(points))))
    assert rows[0] == list(report.CSV_HEADER)
    assert len(rows) == len(points) + 1
    last = rows[-1]
    assert last[1] == "'=HYPERLINK(1)" and last[2] == "'+cmd" and last[6] == "1.5"
    shared = next(r for r in rows if r[1] == "Refund time halved")
    assert shared[-1] == "Ben Okafor (16 May 2026)"


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_cli_exports_the_snapshot(journal_path: Path, tmp_path: Path, fmt: str) -> None:
    with Journal.open(journal_path) as journal:
        store_scenario(journal)
    out = tmp_path / f"snap.{fmt}"
    args = ["--db", str(journal_path), "program", "export", "-o", str(out), "--on", D.isoformat()]
    assert main([*args, "--hide-names"]) == 0
    data = out.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF") and b"Ana Silva" not in data
    else:
        assert "Ana Silva" not in data.decode() and "Person A" in data.decode()


@pytest.mark.parametrize("fmt", ["md", "pdf", "csv"])
def test_cli_exports_the_portfolio(journal_path: Path, tmp_path: Path, fmt: str) -> None:
    with Journal.open(journal_path) as journal:
        store_scenario(journal)
    out = tmp_path / f"portfolio.{fmt}"
    assert main(["--db", str(journal_path), "program", "portfolio", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") if fmt == "pdf" else b"Churn down in pilot" in data
