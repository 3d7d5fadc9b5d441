"""``cxjournal gui --visit-pages``: every page opened and its charts exported, or exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxjournal.app import run_app
from cxjournal.exchange.demo import generate
from cxjournal.exchange.importer import import_text
from cxjournal.journal import Journal


def demo_journal(path: Path) -> Path:
    journal = Journal.open(path)
    try:
        import_text(journal, json.dumps(generate(years=2, seed=3)))
    finally:
        journal.close()
    return path


def test_every_page_of_a_full_journal_opens_and_its_charts_export(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_journal(tmp_path / "journal.db")

    assert run_app(path, visit_pages=True) == 0

    out = capsys.readouterr()
    assert out.err == ""
    assert "visited 7 pages (Today, Power audits" in out.out
    assert "Trends" in out.out and "Exit plan" in out.out
    exported = int(out.out.split("exported ")[1].split(" charts")[0])
    assert exported >= 1  # the Trends page's charts, through pyqtgraph's exporters
    assert ": 0 error(s)" in out.out


def test_a_page_that_fails_makes_the_visit_fail_with_its_traceback(
    qapp: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cxjournal.ui import journal_page

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the journal page cannot be built")

    monkeypatch.setattr(journal_page.JournalPage, "__init__", broken)
    path = demo_journal(tmp_path / "journal.db")

    assert run_app(path, visit_pages=True) == 1

    out = capsys.readouterr()
    assert "RuntimeError: the journal page cannot be built" in out.err
    assert "visited 7 pages" in out.out and ": 1 error(s)" in out.out  # the others still open


def test_the_visit_writes_nothing_to_the_journal(qapp: object, tmp_path: Path) -> None:
    path = demo_journal(tmp_path / "journal.db")
    before = path.read_bytes()

    assert run_app(path, visit_pages=True) == 0

    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_sorting_and_time_zone_names_work(qapp: object) -> None:
    from cxjournal.ui.self_test import text_service_problems

    assert text_service_problems() == []
