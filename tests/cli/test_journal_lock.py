"""``import`` and ``restore`` HOLD the journal's lock for their whole run, on the resolved path;
a second writer is told the journal is busy, with no traceback."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile

from cxjournal import lockfile, paths
from cxjournal.cli import main
from cxjournal.domain.errors import JournalInUseError
from cxjournal.domain.model import Person, ResilienceEntry
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def _app_could_lock(journal: Path) -> bool:
    """Whether an app starting now would get the journal's lock (it is released at once)."""
    lock = QLockFile(str(paths.lock_path(journal)))
    lock.setStaleLockTime(0)
    taken = lock.tryLock(0)
    if taken:
        lock.unlock()
    return taken


@pytest.fixture
def db(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        journal.people.add(Person(name="Ana Silva"))
        journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7))
    return journal_path


@pytest.fixture
def exported(db: Path, tmp_path: Path) -> Path:
    out = tmp_path / "export.json"
    assert run(db, "export", "-o", str(out)) == 0
    return out


def test_import_holds_the_lock_while_it_writes(
    db: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.exchange import importer

    seen: list[bool] = []
    original = importer.import_document

    def importing(journal: Journal, *args: Any, **kwargs: Any) -> Any:
        seen.append(_app_could_lock(db))
        return original(journal, *args, **kwargs)

    monkeypatch.setattr(importer, "import_document", importing)
    assert run(db, "import", str(exported)) == 0
    assert seen == [False]
    assert _app_could_lock(db)  # released at the end


def test_restore_holds_the_lock_until_the_rename_even_through_a_symlink(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.store import backup as store_backup

    saved = tmp_path / "saved.db"
    assert run(db, "backup", "-o", str(saved)) == 0
    link = tmp_path / "link.db"
    link.symlink_to(db)
    seen: list[bool] = []
    original = store_backup.restore

    def restoring(*args: Any, **kwargs: Any) -> Any:
        seen.append(_app_could_lock(db))  # the app opens the real file, not the link
        return original(*args, **kwargs)

    monkeypatch.setattr(store_backup, "restore", restoring)
    assert run(link, "restore", "--yes", str(saved)) == 0
    assert seen == [False]
    assert link.is_symlink() and link.resolve() == db.resolve()


def test_the_app_through_a_symlink_holds_the_same_lock(
    db: Path, tmp_path: Path, capsys: Any
) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(db)
    lock = QLockFile(str(paths.lock_path(db)))
    assert lock.tryLock(0)
    try:
        assert run(link, "restore", "--yes", str(db)) == 1
        assert "is busy" in capsys.readouterr().err
    finally:
        lock.unlock()


def test_a_second_import_into_a_new_journal_is_told_it_is_busy(
    exported: Path, tmp_path: Path, capsys: Any
) -> None:
    new = tmp_path / "new" / "journal.db"
    new.parent.mkdir()
    with lockfile.hold(new):  # the first import, still running
        assert run(new, "import", str(exported)) == 1
        err = capsys.readouterr().err
        assert f"is busy: another cxjournal (process {os.getpid()}) has it open" in err
        assert "Traceback" not in err
        assert not Journal.exists(new)
    assert run(new, "import", str(exported)) == 0


def test_a_lock_left_by_a_killed_command_is_taken_over(db: Path, exported: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(child.stdout)
    paths.lock_path(db).write_text(f"{dead}\ncxjournal\nhost\n")
    assert run(db, "import", str(exported)) == 0
    assert not paths.lock_path(db).exists()


def test_hold_refuses_while_held(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    with lockfile.hold(journal):
        with pytest.raises(JournalInUseError), lockfile.hold(journal):
            pass
        assert lockfile.owner_pid(journal) == os.getpid()
    assert lockfile.owner_pid(journal) is None


def test_two_imports_into_a_new_journal_at_once_never_crash(exported: Path, tmp_path: Path) -> None:
    new = tmp_path / "both" / "journal.db"
    new.parent.mkdir()
    command = [sys.executable, "-m", "cxjournal", "--db", str(new), "import", str(exported)]
    procs = [
        subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = []
    for proc in procs:  # communicate reads both pipes to the end and closes them
        _out, err = proc.communicate(timeout=120)
        results.append((proc.returncode, err))
    for code, err in results:
        assert "Traceback" not in err
        assert code == 0 or (code == 1 and "is busy" in err), err
    assert any(code == 0 for code, _ in results)
    assert main(["--db", str(new), "check"]) == 0
