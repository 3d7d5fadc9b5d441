"""A page clicked the moment the window appears, before the warm-up has loaded anything:
its first screen is read through the journal's own connection, as Today's is, so the
click waits for no SQLAlchemy import (half a second or more), in a fresh process."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxjournal.domain.model import (
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    ProofPoint,
    Rating,
    ResilienceEntry,
)
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]

#: what such a first click must not load (the Resilience page's chart loads pyqtgraph a
#: moment after the page has painted)
HEAVY = (
    "sqlalchemy",
    "alembic",
    "cxjournal.store.models",
    "cxjournal.store.session",
    "cxjournal.store.engine",
)


def _journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with Journal.open(path) as journal:
        ana = journal.people.add(Person(name="Ana Silva"))
        on = dt.date(2026, 3, 2)
        for days in range(3):
            journal.notes.add(
                Note(
                    on=on + dt.timedelta(days=days),
                    text=f"note {days}",
                    person_id=ana.id,
                    follow_ups=(FollowUp(text="send the deck", due=on),),
                )
            )
        journal.notes.add(Note(on=on, text="a win", kind=NoteKind.OTHER))
        journal.agenda.add(ana.id or 0, "raise the budget", on)
        rating = Rating(person=ana, value=6, irreplaceability=5, my_value=4, my_irreplaceability=3)
        journal.audits.save(Audit(taken_on=on, ratings=(rating,)))
        journal.exit_plan.start()
        for days in range(2):
            journal.resilience.save(
                ResilienceEntry(on=on + dt.timedelta(days=days), energy=3, stress=2, mood=4)
            )
        journal.program.save_proof_point(ProofPoint(on=on, title="Churn down a fifth"))
    return path


def _first_click(tmp_path: Path, key: str, shown: str) -> dict[str, object]:
    """Open the window (no warm-up), click ``key`` and report what it shows (``shown``, an
    expression of ``page``) and which of :data:`HEAVY` were loaded before and after."""
    script = f"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cxjournal.journal import Journal
from cxjournal.ui.main_window import MainWindow
heavy = {HEAVY!r}
def loaded():
    return sorted(h for h in heavy if any(m == h or m.startswith(h + ".") for m in sys.modules))
journal = Journal.open({str(_journal(tmp_path))!r})
window = MainWindow(journal, settings=QSettings({str(tmp_path / "w.ini")!r},
                    QSettings.Format.IniFormat))
window.show()
app.processEvents()
before = loaded()
window.navigate({key!r})
app.processEvents()
page = window.pages[{key!r}]
print(json.dumps({{"before": before, "after": loaded(), "shown": {shown}}}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env["HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize(
    ("key", "shown", "expected"),
    [
        ("journal", "[page.model.rowCount(), page.count_label.text()]", [4, "4 notes"]),
        (
            "people",
            "[page.model.rowCount(), [i.text for i in page.agenda.items]]",
            [1, ["raise the budget"]],
        ),
        ("audits", "page.model.rowCount()", 1),
        ("exit_plan", "[page.plan.status.value, bool(page.plan.items)]", ["active", True]),
        ("proof_points", "[p.title for p in page.points]", ["Churn down a fifth"]),
        ("resilience", "page.history_model.rowCount()", 2),
    ],
)
def test_first_click_before_the_warm_up_loads_no_sqlalchemy(
    tmp_path: Path, key: str, shown: str, expected: object
) -> None:
    found = _first_click(tmp_path, key, shown)
    assert found["before"] == []
    assert found["shown"] == expected  # the page shows its first screen
    assert found["after"] == []
