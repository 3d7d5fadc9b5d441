"""``cxjournal gui --visit-pages``: every page opened and its charts exported, or exit 1.

Each visit runs the app in its own process, as CI runs it on the frozen bundle (an app
left open in the test process would fire its timers into later tests).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from cxjournal.ui.pages import PAGES

ROOT = Path(__file__).resolve().parents[2]


def visit(path: Path, prelude: str = "") -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        f"{prelude}"
        "from cxjournal.cli import main\n"
        f"sys.exit(main(['--db', {str(path)!r}, 'gui', '--visit-pages']))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_every_page_of_a_full_journal_opens_and_its_charts_export(
    tmp_path: Path, build_demo_journal: Callable[..., Path]
) -> None:
    result = visit(build_demo_journal(tmp_path / "journal.db", years=2, seed=3))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"visited {len(PAGES)} pages (Today, Power audits" in result.stdout
    assert all(page.title in result.stdout for page in PAGES)
    exported = int(result.stdout.split("exported ")[1].split(" charts")[0])
    assert exported >= 1  # the Trends page's charts, through pyqtgraph's exporters
    assert ": 0 error(s)" in result.stdout


def test_a_page_that_fails_makes_the_visit_fail_with_its_traceback(
    tmp_path: Path, build_demo_journal: Callable[..., Path]
) -> None:
    broken = (
        "from cxjournal.ui import journal_page\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('the journal page cannot be built')\n"
        "journal_page.JournalPage.__init__ = broken\n"
    )

    result = visit(build_demo_journal(tmp_path / "journal.db", years=2, seed=3), broken)

    assert result.returncode == 1
    assert "RuntimeError: the journal page cannot be built" in result.stderr
    assert f"visited {len(PAGES)} pages" in result.stdout  # the others still open
    assert ": 1 error(s)" in result.stdout


def test_the_visit_writes_nothing_to_the_journal(
    tmp_path: Path, build_demo_journal: Callable[..., Path]
) -> None:
    path = build_demo_journal(tmp_path / "journal.db", years=2, seed=3)
    before = path.read_bytes()

    assert visit(path).returncode == 0

    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_sorting_and_time_zone_names_work(qapp: object) -> None:
    from cxjournal.ui.self_test import text_service_problems

    assert text_service_problems() == []
