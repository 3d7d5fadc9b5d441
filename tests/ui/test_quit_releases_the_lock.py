"""Quitting releases the journal's lock before the quit backup: an app started right after opens.

The quit backup is made after the lock is released, from a read snapshot; another app
that opens the journal meanwhile (here: one holding the lock and writing, as a command
or a relaunched app does) works, and the backup is still complete and consistent.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cxjournal.app import end_session
from cxjournal.domain.model import Note
from cxjournal.journal import Journal, backup_ops
from cxjournal.lockfile import hold
from cxjournal.store import backup as store_backup
from cxjournal.ui import startup


def notes_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM notes ORDER BY id")]
    finally:
        conn.close()


def session(journal_path: Path) -> tuple[Journal, Any]:
    lock = startup.acquire_lock(journal_path)
    journal = Journal.open(journal_path)
    journal.notes.add(Note(dt.date(2026, 3, 1), "written before quitting"))
    return journal, lock


def test_a_new_app_opens_and_writes_while_the_quit_backup_is_made(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, lock = session(journal_path)
    real_backup_to = store_backup.backup_to
    during: list[str] = []

    def relaunch_then_back_up(engine: Any, target: Path) -> Path:
        with hold(journal_path):  # refused (JournalInUseError) while the quitting app holds it
            with Journal.open(journal_path, create=False) as other:
                other.notes.add(Note(dt.date(2026, 3, 2), "written by the new app"))
            during.append("relaunched")
        return real_backup_to(engine, target)

    monkeypatch.setattr(store_backup, "backup_to", relaunch_then_back_up)
    end_session(journal, lock, backup=True)
    assert during == ["relaunched"]
    backups = store_backup.rolling_backups(journal_path)
    assert len(backups) == 1  # made after the lock was released, all the same
    assert store_backup.verify(backups[0].path, None) == []
    assert "written before quitting" in notes_in(backups[0].path)
    assert startup.acquire_lock(journal_path).isLocked()  # and nothing holds it now


def test_without_a_backup_due_the_lock_is_released_and_nothing_is_copied(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, lock = session(journal_path)
    end_session(journal, lock, backup=True)  # today's backup
    journal, lock = session(journal_path)
    monkeypatch.setattr(store_backup, "backup_to", lambda *_: pytest.fail("no second backup"))
    end_session(journal, lock, backup=True)
    with hold(journal_path):
        pass
    assert len(store_backup.rolling_backups(journal_path)) == 1


def test_a_backup_of_a_journal_replaced_meanwhile_is_not_kept(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, lock = session(journal_path)
    real_backup_to = store_backup.backup_to

    def restore_meanwhile(engine: Any, target: Path) -> Path:
        made = real_backup_to(engine, target)
        # a new app restored an older copy: the journal is another file under the same name
        copy = journal_path.with_name("restored.db")
        shutil.copyfile(journal_path, copy)
        os.replace(copy, journal_path)
        return made

    monkeypatch.setattr(store_backup, "backup_to", restore_meanwhile)
    end_session(journal, lock, backup=True)
    assert store_backup.rolling_backups(journal_path) == []
    with hold(journal_path):
        pass


def test_the_lock_is_released_even_when_the_backup_fails(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, lock = session(journal_path)

    def fail(*_: Any) -> Path:
        raise OSError("disk trouble")

    monkeypatch.setattr(store_backup, "backup_to", fail)
    end_session(journal, lock, backup=True)  # never raises for the backup
    with hold(journal_path):
        pass
    assert store_backup.rolling_backups(journal_path) == []


def test_the_lock_is_released_before_anything_else_at_the_end_of_a_session(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, lock = session(journal_path)
    steps: list[str] = []

    class Recorded:
        def unlock(self) -> None:
            steps.append("lock released")
            lock.unlock()

    real_due, real_backup = backup_ops.quit_backup_due, backup_ops.backup_after_quit

    def due(j: Journal) -> bool:
        steps.append("backup due?")
        return real_due(j)

    def back_up(j: Journal) -> Path | None:
        steps.append("quit backup")
        return real_backup(j)

    def close() -> None:
        steps.append("journal closed")
        type(journal).close(journal)

    monkeypatch.setattr(backup_ops, "quit_backup_due", due)
    monkeypatch.setattr(backup_ops, "backup_after_quit", back_up)
    monkeypatch.setattr(journal, "close", close)
    end_session(journal, Recorded(), backup=True, settle=lambda: steps.append("reads done"))
    assert steps == ["lock released", "backup due?", "quit backup", "reads done", "journal closed"]
    assert len(store_backup.rolling_backups(journal_path)) == 1
    assert "written before quitting" in notes_in(journal_path)
