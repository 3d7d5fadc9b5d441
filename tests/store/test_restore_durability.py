"""A restore never drops a committed write, flushes what it relies on, and a full disk during a
restore or a backup leaves no truncated copy behind and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cxjournal import paths
from cxjournal.cli import main
from cxjournal.domain.model import Person
from cxjournal.journal import Journal
from cxjournal.store import backup as store_backup
from cxjournal.store.durable import DiskFullError
from tests.store.conftest import fill

ROOT = Path(__file__).resolve().parents[2]


def _write_and_die(path: Path, name: str) -> None:
    """Commit a person, then end the process without closing: the commit is in the -wal only."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from cxjournal.journal import Journal\n"
        "from cxjournal.domain.model import Person\n"
        f"j = Journal.open(Path({str(path)!r}))\n"
        f"j.people.add(Person(name={name!r}))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def _names(path: Path) -> list[str]:
    with Journal.open(path, create=False) as journal:
        return [p.name for p in journal.people.all()]


@pytest.fixture
def journal_with_log(journal_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    with Journal.open(journal_path) as journal:
        journal.people.add(Person(name="Ana Silva"))
        saved = store_backup.backup_to(journal.engine, tmp_path / "saved.db")
    _write_and_die(journal_path, "Late Commit")
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    return journal_path, saved


def test_a_kill_just_before_the_rename_loses_no_commit(
    journal_with_log: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_path, saved = journal_with_log
    real_replace = os.replace

    def killed_at_the_rename(src: Any, dst: Any) -> None:
        if str(src).endswith(".restoring"):
            raise KeyboardInterrupt  # the process dies here
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", killed_at_the_rename)
    with pytest.raises(KeyboardInterrupt):
        store_backup.restore(saved, journal_path, None)
    monkeypatch.setattr(os, "replace", real_replace)
    assert _names(journal_path) == ["Ana Silva", "Late Commit"]


def test_the_kept_copy_holds_the_commits_of_the_log(journal_with_log: tuple[Path, Path]) -> None:
    journal_path, saved = journal_with_log
    result = store_backup.restore(saved, journal_path, None)
    assert _names(journal_path) == ["Ana Silva"]
    assert result.kept_copy is not None
    assert result.kept_copy.stat().st_mode & 0o777 == 0o600
    assert _names(result.kept_copy) == ["Ana Silva", "Late Commit"]


def test_restore_flushes_the_staged_file_the_kept_copy_and_the_folders(
    journal_with_log: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_path, saved = journal_with_log
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = store_backup.restore(saved, journal_path, None)
    assert result.kept_copy is not None
    staged = str(journal_path.with_name(f".{journal_path.name}.restoring"))
    assert staged in synced
    assert any(s.endswith(f".{result.kept_copy.name}.part") for s in synced)
    assert str(paths.backups_dir(journal_path)) in synced
    assert str(journal_path.parent) in synced


def test_files_of_a_restore_are_private_from_the_first_byte(
    journal_with_log: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    journal_path, saved = journal_with_log
    modes: dict[str, int] = {}
    real_copy = shutil.copyfile

    def copyfile(src: Any, dst: Any) -> Any:
        made = real_copy(src, dst)
        modes[Path(dst).name] = os.stat(dst).st_mode & 0o777  # as created, before any chmod
        return made

    monkeypatch.setattr(shutil, "copyfile", copyfile)
    previous = os.umask(0o022)
    try:
        store_backup.restore(saved, journal_path, None)
    finally:
        os.umask(previous)
    assert len(modes) == 2  # the staged file and the kept copy (the log was checkpointed)
    assert all(mode == 0o600 for mode in modes.values()), modes


# --- a full disk ------------------------------------------------------------------------


def _big_journal(path: Path) -> None:
    with Journal.open(path) as journal:
        for i in range(200):
            journal.people.add(Person(name=f"Person {i}", motivations="x" * 1500))


def test_a_full_disk_during_restore_leaves_the_journal_and_no_part_copy(
    small_disk: Path, tmp_path: Path, capsys: Any
) -> None:
    journal_path = small_disk / "journal.db"
    _big_journal(journal_path)
    with Journal.open(tmp_path / "other.db") as other:
        other.people.add(Person(name="From the backup"))
        saved = store_backup.backup_to(other.engine, tmp_path / "saved.db")
    before = _names(journal_path)
    size = journal_path.stat().st_size
    assert size > 2 * saved.stat().st_size
    filler = fill(small_disk, leave=saved.stat().st_size + 64 * 1024)  # room to stage, not to keep
    with pytest.raises(DiskFullError, match="the disk is full"):
        store_backup.restore(saved, journal_path, None)
    assert main(["--db", str(journal_path), "restore", "--yes", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "left as it was" in err and "Traceback" not in err
    leftovers = sorted(p.name for p in small_disk.rglob("*") if p.is_file())
    assert leftovers == ["filler", "journal.db"]
    filler.unlink()
    assert _names(journal_path) == before


def test_a_full_disk_during_backup_o_leaves_no_truncated_copy(
    small_disk: Path, journal_path: Path, capsys: Any
) -> None:
    _big_journal(journal_path)
    fill(small_disk, leave=32 * 1024)
    target = small_disk / "copy.db"
    assert main(["--db", str(journal_path), "backup", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "Traceback" not in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_full_disk_during_a_rolling_backup_leaves_nothing_in_backups(
    small_disk: Path, capsys: Any
) -> None:
    journal_path = small_disk / "journal.db"
    _big_journal(journal_path)
    fill(small_disk, leave=32 * 1024)
    assert main(["--db", str(journal_path), "backup"]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert list(paths.backups_dir(journal_path).iterdir()) == []
