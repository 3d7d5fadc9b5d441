"""Damaged, read-only and odd journal files: one clear message each, never a traceback; a
sound journal on read-only media opens read-only; ``check`` changes nothing it should not."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cxjournal.cli import main
from cxjournal.domain.errors import ReadOnlyJournalError
from cxjournal.domain.model import Audit, Note, NoteKind, Person, Rating
from cxjournal.journal import Journal
from tests.store.conftest import remount_read_only

ROOT = Path(__file__).resolve().parents[2]
READS = (
    ["check"],
    ["export", "-o", "-"],
    ["search", "churn"],
    ["audit", "list"],
    ["audit", "show", "latest"],
)


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def _fill(path: Path) -> None:
    with Journal.open(path) as journal:
        people = [journal.people.add(Person(name=f"Person {i}")) for i in range(4)]
        journal.audits.save(
            Audit(
                __import__("datetime").date(2026, 1, 15),
                tuple(Rating(p, 8, 7, 5, 4) for p in people),
            )
        )
        for i in range(150):
            journal.notes.add(
                Note(
                    person_id=people[i % 4].id,
                    on=__import__("datetime").date(2026, 2, 1),
                    kind=NoteKind.ONE_ON_ONE,
                    text=f"The churn story, part {i}. " + "words " * 40,
                )
            )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_page(path: Path, table: str | None) -> None:
    """Overwrite a table's root page (or, with None, the schema on page 1) with garbage."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = (
        1
        if table is None
        else conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
            0
        ]
    )
    conn.close()
    start = 100 if root == 1 else (root - 1) * page_size
    with path.open("r+b") as handle:
        handle.seek(start)
        handle.write(b"\xff" * (root * page_size - start))


@pytest.fixture
def db_with_backup(journal_path: Path) -> tuple[Path, Path]:
    _fill(journal_path)
    assert run(journal_path, "backup") == 0
    backup = next((journal_path.parent / "backups").iterdir())
    return journal_path, backup


@pytest.mark.parametrize("command", [*READS, ["backup"], ["gui", "--quit-after-paint"]])
def test_a_damaged_schema_page_is_one_clear_message_from_every_command(
    db_with_backup: tuple[Path, Path], command: list[str]
) -> None:
    db, backup = db_with_backup
    _damage_page(db, None)
    done = subprocess.run(
        [sys.executable, "-m", "cxjournal", "--db", str(db), *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"{db} is damaged" in lines[0]
    assert f"The latest backup is {backup}" in lines[0]
    assert f"cxjournal --db {db} restore {backup}" in lines[0]


@pytest.mark.parametrize(
    "command", [["check"], ["export", "-o", "-"], ["search", "churn"], ["backup"]]
)
def test_a_damaged_data_page_is_one_clear_message(
    db_with_backup: tuple[Path, Path], command: list[str], capsys: Any
) -> None:
    db, backup = db_with_backup
    _damage_page(db, "notes")
    assert run(db, *command) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    damaged = [line for line in err.splitlines() if "is damaged" in line]
    assert len(damaged) == 1 and f"restore {backup}" in damaged[0], err
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]  # no half backup


def test_the_gui_refuses_a_damaged_journal_with_the_same_message(
    db_with_backup: tuple[Path, Path], qtbot: Any
) -> None:
    from cxjournal.ui import startup

    db, backup = db_with_backup
    _damage_page(db, None)
    with pytest.raises(startup.StartupRefused, match="is damaged") as refused:
        startup.open_journal(db, None, interactive=False)
    assert f"restore {backup}" in str(refused.value)


# --- read-only ------------------------------------------------------------------------------


@pytest.fixture
def read_only_journal(small_disk: Path) -> Path:
    path = small_disk / "journal.db"
    _fill(path)
    remount_read_only(small_disk)
    return path


def test_a_journal_on_read_only_media_opens_read_only(read_only_journal: Path, capsys: Any) -> None:
    before = _digest(read_only_journal)
    assert run(read_only_journal, "check") == 0
    assert "sound (not encrypted, read-only)" in capsys.readouterr().out
    for command in READS:
        assert run(read_only_journal, *command) == 0, command
    capsys.readouterr()
    with Journal.open(read_only_journal, create=False) as journal:
        assert journal.read_only
        assert len(journal.people.all()) == 4
        with pytest.raises(ReadOnlyJournalError, match="read-only"):
            journal.people.add(Person(name="Cannot be written"))
    assert _digest(read_only_journal) == before


@pytest.mark.parametrize(
    "command", [["import", "EXPORT"], ["restore", "--yes", "EXPORT"], ["backup"]]
)
def test_writes_to_a_read_only_journal_say_why_they_cannot_run(
    read_only_journal: Path, tmp_path: Path, command: list[str], capsys: Any
) -> None:
    exported = tmp_path / "export.json"
    assert run(read_only_journal, "export", "-o", str(exported)) == 0
    assert run(read_only_journal, "backup", "-o", str(tmp_path / "copy.db")) == 0  # elsewhere: fine
    capsys.readouterr()
    args = [str(exported) if a == "EXPORT" else a for a in command]
    assert run(read_only_journal, *args) == 1
    err = capsys.readouterr().err
    assert "is read-only" in err and "Traceback" not in err


def test_the_gui_opens_a_read_only_journal_read_only(read_only_journal: Path, qtbot: Any) -> None:
    from PySide6.QtGui import QAction

    from cxjournal.ui import startup
    from cxjournal.ui.main_window import WRITES_JOURNAL, MainWindow

    assert startup.is_read_only(read_only_journal)
    journal = startup.open_journal(read_only_journal, None, interactive=False)
    try:
        window = MainWindow(journal)
        qtbot.addWidget(window)
        assert "read-only" in window.windowTitle()
        assert "read-only" in window.journal_label.text()
        assert window.read_only_banner is not None
        assert "nothing can be changed" in window.read_only_banner.text()  # type: ignore[attr-defined]
        writing = [a for a in window.findChildren(QAction) if a.property(WRITES_JOURNAL)]
        assert len(writing) >= 6
        assert not any(a.isEnabled() for a in writing)
    finally:
        journal.close()


def test_check_never_chmods_a_read_only_file(journal_path: Path) -> None:
    _fill(journal_path)
    os.chmod(journal_path, 0o444)
    assert run(journal_path, "check") == 0
    assert journal_path.stat().st_mode & 0o777 == 0o444


def test_check_makes_no_schema_in_an_empty_file_or_database(tmp_path: Path, capsys: Any) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert run(empty, "check") == 1
    assert empty.stat().st_size == 0
    database = tmp_path / "database.db"
    sqlite3.connect(database).execute("PRAGMA user_version = 0").connection.close()
    database.write_bytes(database.read_bytes() or b"")
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    before = _digest(database)
    assert run(database, "check") == 1
    assert "holds no journal" in capsys.readouterr().err
    assert _digest(database) == before


# --- odd files ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dangling", "devnull", "folder"])
@pytest.mark.parametrize(
    "command", [["check"], ["import", "EXPORT"], ["gui", "--quit-after-paint"]]
)
def test_odd_paths_get_a_clear_message(
    tmp_path: Path, kind: str, command: list[str], capsys: Any
) -> None:
    exported = tmp_path / "export.json"
    assert main(["demo", "-o", str(exported), "--years", "1"]) == 0
    if kind == "dangling":
        db = tmp_path / "link.db"
        db.symlink_to(tmp_path / "gone" / "journal.db")
        expected = "which does not exist"
    elif kind == "devnull":
        db = Path(os.devnull)
        expected = "not a regular file"
    else:
        db = tmp_path / "a-folder"
        db.mkdir()
        expected = "is a folder"
    capsys.readouterr()
    args = [str(exported) if a == "EXPORT" else a for a in command]
    if command[0] == "gui":
        done = subprocess.run(
            [sys.executable, "-m", "cxjournal", "--db", str(db), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        code, err = done.returncode, done.stderr
    else:
        code, err = run(db, *args), capsys.readouterr().err
    assert code == 1
    assert expected in err and "Traceback" not in err
    assert not Path(str(db) + ".lock").exists()
    if kind == "dangling":
        assert not (tmp_path / "gone").exists()
