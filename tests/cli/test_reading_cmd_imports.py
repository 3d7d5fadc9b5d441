"""The commands that only read load only what they use, from start to exit of a fresh process.

``audit list``, ``audit show``, ``audit export`` and ``export`` only read: they read
through the journal's own connection and load no SQLAlchemy or Alembic (nor the ORM
models); an audit's PDF loads Qt's GUI classes but not QtWidgets, and the other formats
load no Qt at all.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxjournal.domain.model import Audit, FollowUp, Note, Person, Rating
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a passphrase for the audit commands"

#: modules (and their submodules) that no audit command needs
DATABASE_LAYER = (
    "sqlalchemy",
    "alembic",
    "cxjournal.store.models",
    "cxjournal.store.session",
    "cxjournal.store.engine",
    "cxjournal.store.orm_reads",
)


def _rate(person: Person, v: int, i: int, mv: int, mi: int) -> Rating:
    return Rating(person=person, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi)


def _journal(path: Path, passphrase: str | None = None) -> Path:
    """Two audits, the latest with ties, a note and a blocking superior."""
    with Journal.open(path, passphrase) as journal:
        ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
        ben = journal.people.add(Person(name="Ben", team="Sales"))
        cleo = journal.people.add(Person(name="Cleo"))
        journal.audits.save(Audit(taken_on=dt.date(2025, 10, 1), ratings=(_rate(ana, 5, 5, 5, 5),)))
        journal.audits.save(
            Audit(
                taken_on=dt.date(2026, 1, 15),
                note="before the reorganisation",
                ratings=(_rate(ana, 8, 7, 5, 4), _rate(ben, 3, 4, 6, 5), _rate(cleo, 6, 6, 6, 6)),
                ties=((0, 1), (1, 2)),
                blocking_superior=True,
                blocking_superior_person=ben,
            )
        )
    return path


def _imports(tmp_path: Path, db: Path, *args: str, passphrase: str | None = None) -> set[str]:
    """Every module a fresh ``python -m cxjournal --db DB ARGS`` imports, start to exit."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("QT_QPA_PLATFORM", None)  # the PDF sets the offscreen platform itself
    env.pop("CXJOURNAL_PASSPHRASE", None)
    if passphrase is not None:
        env["CXJOURNAL_PASSPHRASE"] = passphrase
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cxjournal", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if "|" in line}


def _under(imported: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in imported if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize(
    "args",
    [
        ("audit", "list"),
        ("audit", "list", "--json"),
        ("audit", "show", "latest"),
        ("audit", "show", "latest", "--json"),
        ("audit", "export", "latest", "--format", "md", "-o", "OUT.md"),
        ("audit", "export", "latest", "--format", "csv", "-o", "OUT.csv"),
        ("audit", "export", "latest", "--format", "json", "-o", "OUT.json", "--hide-names"),
    ],
)
def test_audit_commands_load_no_database_layer_and_no_qt(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    db = _journal(tmp_path / "journal.db")
    args = tuple(str(tmp_path / a) if a.startswith("OUT.") else a for a in args)
    imported = _imports(tmp_path, db, *args)
    assert "cxjournal.journal.audits" in imported  # the audits were read
    assert _under(imported, DATABASE_LAYER) == []
    assert _under(imported, ("PySide6", "pyqtgraph", "numpy")) == []


def test_a_pdf_export_loads_qt_gui_but_no_widgets_and_no_database_layer(tmp_path: Path) -> None:
    db = _journal(tmp_path / "journal.db")
    out = tmp_path / "audit.pdf"
    imported = _imports(tmp_path, db, "audit", "export", "latest", "-o", str(out))
    assert "PySide6.QtGui" in imported  # the PDF was drawn with Qt
    assert out.read_bytes().startswith(b"%PDF-")
    assert _under(imported, DATABASE_LAYER) == []
    assert _under(imported, ("PySide6.QtWidgets", "pyqtgraph", "numpy")) == []


def test_an_encrypted_journal_is_read_without_the_database_layer_too(tmp_path: Path) -> None:
    db = _journal(tmp_path / "secret.db", PASSPHRASE)
    imported = _imports(tmp_path, db, "audit", "show", "latest", "--json", passphrase=PASSPHRASE)
    assert "cxjournal.journal.audits" in imported
    assert _under(imported, DATABASE_LAYER) == []


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_the_journal_export_loads_no_database_layer_and_no_qt(
    tmp_path: Path, passphrase: str | None
) -> None:
    db = _journal(tmp_path / "journal.db", passphrase)
    with Journal.open(db, passphrase) as journal:
        ana = journal.people.find_by_name("Ana Silva")
        assert ana is not None
        journal.notes.add(
            Note(
                dt.date(2026, 2, 3),
                "asked for the churn figures",
                person_id=ana.id,
                tags=("churn",),
                follow_ups=(FollowUp("send them", dt.date(2026, 2, 6)),),
            )
        )
    out = tmp_path / "journal.json"
    imported = _imports(tmp_path, db, "export", "-o", str(out), passphrase=passphrase)
    assert "cxjournal.exchange.exporter" in imported
    assert _under(imported, DATABASE_LAYER) == []
    assert _under(imported, ("PySide6", "pyqtgraph", "numpy")) == []
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [n["text"] for n in written["notes"]] == ["asked for the churn figures"]
    assert written["notes"][0]["follow_ups"] == [
        {"text": "send them", "due": "2026-02-06", "done": False}
    ]
    assert [p["name"] for p in written["people"]] == ["Ana Silva", "Ben", "Cleo"]
    assert len(written["audits"]) == 2
