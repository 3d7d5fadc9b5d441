"""Every journal file is private from its first byte: the journal, its -wal and -shm, backups."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxjournal.domain.model import Person
from cxjournal.journal import Journal
from cxjournal.journal.backup_ops import backup_now
from cxjournal.store import durable


@pytest.fixture
def loose_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_new_journal_its_wal_and_shm_are_private_while_it_is_open(
    journal_path: Path, loose_umask: None
) -> None:
    with Journal.open(journal_path) as journal:
        journal.people.add(Person(name="Ana Silva"))
        wal = journal_path.with_name(journal_path.name + "-wal")
        shm = journal_path.with_name(journal_path.name + "-shm")
        assert wal.exists() and shm.exists()
        assert (_mode(journal_path), _mode(wal), _mode(shm)) == (0o600, 0o600, 0o600)
    assert os.umask(0o022) == 0o022  # the process's umask is given back


def test_a_backup_is_private_before_it_takes_its_name(
    journal: Journal, loose_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: dict[str, int] = {}
    real = durable.fsync_file

    def fsync_file(path: Path) -> None:
        modes[path.name] = _mode(path)
        real(path)

    monkeypatch.setattr(durable, "fsync_file", fsync_file)
    made = backup_now(journal)
    assert modes == {f".{made.name}.part": 0o600}
    assert _mode(made) == 0o600
