"""Backups: consistent copies that stay encrypted, daily/weekly rotation, verified restores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxjournal import paths
from cxjournal.domain.errors import (
    JournalOpenError,
    NewerSchemaError,
    NotAJournalError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from cxjournal.domain.model import Person
from cxjournal.journal import Journal, backup_ops
from cxjournal.store import backup
from cxjournal.store.backup import BackupInfo, RetentionPolicy
from cxjournal.store.engine import SQLITE_HEADER

SECRET = "correct horse battery staple"


def names(journal: Journal) -> list[str]:
    return [p.name for p in journal.people.all(include_archived=True)]


def file_state(path: Path) -> tuple[bytes, bytes]:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


@pytest.fixture
def secret_journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "secret" / "journal.db", SECRET)
    opened.people.add(Person(name="Ana Silva"))
    yield opened
    opened.close()


# --- making backups ----------------------------------------------------------------


def test_backup_of_a_plain_journal_is_a_consistent_copy(journal: Journal, tmp_path: Path) -> None:
    journal.people.add(Person(name="Ana Silva"))
    journal.people.add(Person(name="Ben Okafor"))
    target = backup.backup_to(journal.engine, tmp_path / "out" / "copy.db")
    assert target.read_bytes().startswith(SQLITE_HEADER)
    with Journal.open(target, create=False) as copy:
        assert names(copy) == ["Ana Silva", "Ben Okafor"]
        assert copy.check() == []


def test_backup_replaces_an_existing_target_and_leaves_no_partial_file(
    journal: Journal, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    target.write_bytes(b"old")
    journal.people.add(Person(name="Ana"))
    backup.backup_to(journal.engine, target)
    assert target.read_bytes().startswith(SQLITE_HEADER)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".copy")) == []


def test_backup_of_an_encrypted_journal_stays_encrypted_with_the_same_passphrase(
    secret_journal: Journal, tmp_path: Path
) -> None:
    target = backup.backup_to(secret_journal.engine, tmp_path / "copy.db")
    assert not target.read_bytes().startswith(SQLITE_HEADER)
    assert b"Ana Silva" not in target.read_bytes()
    with pytest.raises(PassphraseRequiredError):
        Journal.open(target, create=False)
    with pytest.raises(WrongPassphraseError):
        Journal.open(target, "wrong", create=False)
    with Journal.open(target, SECRET, create=False) as copy:
        assert copy.encrypted
        assert names(copy) == ["Ana Silva"]
        assert copy.check() == []


def test_backup_files_are_private(journal: Journal) -> None:
    made = backup_ops.backup_now(journal)
    assert made.parent == paths.backups_dir(journal.path)
    assert made.stat().st_mode & 0o777 == 0o600
    assert made.parent.stat().st_mode & 0o777 == 0o700


def test_automatic_backup_makes_at_most_one_per_day(journal: Journal) -> None:
    day = dt.datetime(2026, 3, 2, 9, 0)
    first = backup_ops.automatic_backup(journal, now=day)
    assert first is not None and first.name == "journal-20260302-090000.db"
    assert backup_ops.automatic_backup(journal, now=day.replace(hour=18)) is None
    second = backup_ops.automatic_backup(journal, now=day + dt.timedelta(days=1))
    assert second is not None and second != first
    assert len(backup.rolling_backups(journal.path)) == 2


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(journal: Journal) -> None:
    now = dt.datetime(2026, 3, 2, 9, 0)
    one = backup.backup_now(journal.engine, journal.path, now)
    two = backup.backup_now(journal.engine, journal.path, now)
    assert one != two and one.exists() and two.exists()
    assert len(backup.rolling_backups(journal.path)) == 2


def test_a_second_backup_now_in_the_same_second_is_the_one_kept(journal: Journal) -> None:
    first = backup_ops.backup_now(journal)
    second = backup_ops.backup_now(journal)  # rotation keeps the newest of the day
    assert second.exists() and not first.exists()
    assert [b.path for b in backup.rolling_backups(journal.path)] == [second]


def test_same_second_backups_sort_by_their_number(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.db"
    folder = paths.backups_dir(journal_path)
    folder.mkdir()
    for name in ("journal-20260101-120000.db", "journal-20260101-120000-2.db",
                 "journal-20260101-120000-10.db"):  # fmt: skip
        (folder / name).write_bytes(b"x")
    assert [b.sequence for b in backup.rolling_backups(journal_path)] == [10, 2, 1]
    backup.prune(journal_path, RetentionPolicy(keep_daily=1, keep_weekly=0))
    assert [b.path.name for b in backup.rolling_backups(journal_path)] == [
        "journal-20260101-120000-10.db"
    ]


# --- rotation ------------------------------------------------------------------------


def fake_backups(journal_path: Path, stamps: list[dt.datetime]) -> None:
    folder = paths.backups_dir(journal_path)
    folder.mkdir(parents=True, exist_ok=True)
    for stamp in stamps:
        (folder / backup.backup_name(journal_path, stamp)).write_bytes(b"x")


def kept_days(journal_path: Path) -> list[str]:
    return [b.taken_at.strftime("%Y-%m-%d %H") for b in backup.rolling_backups(journal_path)]


def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.db"
    start = dt.datetime(2026, 1, 1, 20)  # a Thursday
    fake_backups(journal_path, [start + dt.timedelta(days=n) for n in range(60)])
    removed = backup.prune(journal_path, RetentionPolicy())
    kept = kept_days(journal_path)
    assert len(kept) == 11 and len(removed) == 49
    # the 7 newest days (Feb 23 - Mar 1), then the newest backup of the 4 weeks before
    assert kept[:7] == ["2026-03-01 20"] + [f"2026-02-{d} 20" for d in range(28, 22, -1)]
    assert kept[7:] == ["2026-02-22 20", "2026-02-15 20", "2026-02-08 20", "2026-02-01 20"]


def test_rotation_keeps_the_newest_backup_of_a_day(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.db"
    day = dt.datetime(2026, 5, 4)
    fake_backups(journal_path, [day.replace(hour=h) for h in (8, 12, 17)])
    backup.prune(journal_path, RetentionPolicy(keep_daily=7, keep_weekly=0))
    assert kept_days(journal_path) == ["2026-05-04 17"]


def test_rotation_follows_the_settings(journal: Journal) -> None:
    backup_ops.set_retention_policy(journal, RetentionPolicy(keep_daily=2, keep_weekly=1))
    start = dt.datetime(2026, 1, 5, 20)
    fake_backups(journal.path, [start + dt.timedelta(days=n) for n in range(20)])
    backup_ops.automatic_backup(journal, now=start + dt.timedelta(days=20))
    # two days asked for, three kept (the floor), then one week
    assert kept_days(journal.path) == [
        "2026-01-25 20",
        "2026-01-24 20",
        "2026-01-23 20",
        "2026-01-18 20",
    ]


def test_rotation_never_touches_other_files(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.db"
    folder = paths.backups_dir(journal_path)
    folder.mkdir()
    others = [
        "journal-before-restore-20200101-000000.db",
        "other-20200101-000000.db",
        "notes.txt",
        "journal-20200101-000000.db.bak",
    ]
    for name in others:
        (folder / name).write_bytes(b"x")
    fake_backups(journal_path, [dt.datetime(2020, 1, d) for d in range(1, 20)])
    backup.prune(journal_path, RetentionPolicy(keep_daily=1, keep_weekly=0))
    assert all((folder / name).exists() for name in others)
    assert len(backup.rolling_backups(journal_path)) == backup.MIN_DAILY


def test_keep_set_for_an_empty_list_is_empty() -> None:
    assert backup.backups_to_keep([], RetentionPolicy()) == set()
    info = BackupInfo(Path("j-20260101-000000.db"), dt.datetime(2026, 1, 1), 1)
    assert backup.backups_to_keep([info], RetentionPolicy()) == {info.path}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, RetentionPolicy(7, 4)),
        ("lots", RetentionPolicy(7, 4)),
        ({"keep_daily": 3}, RetentionPolicy(3, 4)),
        ({"keep_daily": 0, "keep_weekly": 0}, RetentionPolicy(7, 0)),
        ({"keep_daily": True, "keep_weekly": -1}, RetentionPolicy(7, 4)),
        ({"keep_daily": "9", "keep_weekly": 2.5}, RetentionPolicy(7, 4)),
        ({"keep_daily": 30, "keep_weekly": 12}, RetentionPolicy(30, 12)),
    ],
)
def test_retention_setting_is_read_safely(value: object, expected: RetentionPolicy) -> None:
    assert RetentionPolicy.from_setting(value) == expected


# --- restore ---------------------------------------------------------------------------


def test_restore_replaces_the_journal_and_keeps_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "j" / "journal.db"
    with Journal.open(path) as journal:
        journal.people.add(Person(name="Before"))
        saved = backup_ops.backup_now(journal, tmp_path / "saved.db")
        journal.people.add(Person(name="After"))
    result = backup.restore(saved, path, None, now=dt.datetime(2026, 4, 1, 12))
    assert result.kept_copy is not None
    assert result.kept_copy.name == "journal-before-restore-20260401-120000.db"
    with Journal.open(path, create=False) as journal:
        assert names(journal) == ["Before"]
        assert journal.check() == []
    with Journal.open(result.kept_copy, create=False) as kept:
        assert names(kept) == ["After", "Before"]
    listed = backup.list_backups(path)
    assert [b.before_restore for b in listed] == [True]
    assert not list(path.parent.glob(".journal.db.restoring*"))


def test_restore_onto_a_missing_journal_keeps_nothing(journal: Journal, tmp_path: Path) -> None:
    journal.people.add(Person(name="Ana"))
    saved = backup_ops.backup_now(journal, tmp_path / "saved.db")
    target = tmp_path / "new" / "journal.db"
    assert backup.restore(saved, target, None).kept_copy is None
    with Journal.open(target, create=False) as restored:
        assert names(restored) == ["Ana"]


def test_restore_of_an_encrypted_backup_needs_its_passphrase(
    secret_journal: Journal, tmp_path: Path
) -> None:
    saved = backup_ops.backup_now(secret_journal, tmp_path / "saved.db")
    secret_journal.people.add(Person(name="Later"))
    secret_journal.close()
    before = file_state(secret_journal.path)
    with pytest.raises(PassphraseRequiredError):
        backup.restore(saved, secret_journal.path, None)
    with pytest.raises(WrongPassphraseError):
        backup.restore(saved, secret_journal.path, "nope")
    assert file_state(secret_journal.path) == before
    backup.restore(saved, secret_journal.path, SECRET)
    with Journal.open(secret_journal.path, SECRET, create=False) as journal:
        assert journal.encrypted and names(journal) == ["Ana Silva"]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", NotAJournalError),
        (b"this is not a database at all" * 100, PassphraseRequiredError),
        (SQLITE_HEADER + b"\x00" * 50, NotAJournalError),
    ],
)
def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    journal: Journal, tmp_path: Path, content: bytes, error: type[Exception]
) -> None:
    journal.people.add(Person(name="Ana"))
    journal.close()
    before = file_state(journal.path)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(error):
        backup.restore(bad, journal.path, None)
    assert file_state(journal.path) == before
    assert backup.list_backups(journal.path) == []
    assert not list(journal.path.parent.glob(".journal.db.restoring*"))


def test_restore_refuses_a_truncated_backup(journal: Journal, tmp_path: Path) -> None:
    for n in range(200):
        journal.people.add(Person(name=f"Person {n}", motivations="x" * 500))
    saved = backup_ops.backup_now(journal, tmp_path / "saved.db")
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    journal.close()
    before = file_state(journal.path)
    with pytest.raises(JournalOpenError):
        backup.restore(saved, journal.path, None)
    assert file_state(journal.path) == before


def test_restore_refuses_a_plain_sqlite_file_that_is_not_a_journal(
    journal: Journal, tmp_path: Path
) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    journal.close()
    with pytest.raises(NotAJournalError):
        backup.restore(other, journal.path, None)


def test_restore_refuses_a_backup_from_a_newer_version(journal: Journal, tmp_path: Path) -> None:
    from sqlalchemy import text

    saved = backup_ops.backup_now(journal, tmp_path / "saved.db")
    with Journal.open(saved, create=False) as future, future.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    journal.close()
    before = file_state(journal.path)
    with pytest.raises(NewerSchemaError):
        backup.restore(saved, journal.path, None)
    assert file_state(journal.path) == before


def test_restore_refuses_a_missing_file_and_the_journal_itself(journal: Journal) -> None:
    with pytest.raises(JournalOpenError):
        backup.restore(journal.path.with_name("nowhere.db"), journal.path, None)
    with pytest.raises(JournalOpenError):
        backup.restore(journal.path, journal.path, None)


def test_restore_in_place_keeps_the_handle_working(journal: Journal, tmp_path: Path) -> None:
    journal.people.add(Person(name="Before"))
    saved = backup_ops.backup_now(journal, tmp_path / "saved.db")
    journal.people.add(Person(name="After"))
    result = backup_ops.restore_in_place(journal, saved)
    assert names(journal) == ["Before"]
    assert journal.raw().execute("SELECT name FROM people").fetchall() == [("Before",)]
    journal.people.add(Person(name="Again"))
    assert names(journal) == ["Again", "Before"]
    assert result.kept_copy is not None and result.kept_copy.exists()


def test_restore_in_place_of_an_encrypted_journal(secret_journal: Journal, tmp_path: Path) -> None:
    saved = backup_ops.backup_now(secret_journal)
    secret_journal.people.add(Person(name="Later"))
    backup_ops.restore_in_place(secret_journal, saved)
    assert secret_journal.encrypted
    assert names(secret_journal) == ["Ana Silva"]


def test_a_refused_restore_in_place_leaves_the_journal_open_and_unchanged(
    journal: Journal, tmp_path: Path
) -> None:
    journal.people.add(Person(name="Kept"))
    bad = tmp_path / "bad.db"
    bad.write_bytes(SQLITE_HEADER + b"\x00" * 100)
    with pytest.raises(NotAJournalError):
        backup_ops.restore_in_place(journal, bad)
    assert names(journal) == ["Kept"]
    journal.people.add(Person(name="Still writable"))
    assert backup.list_backups(journal.path) == []


def test_reopen_gives_a_second_handle_with_the_same_key(secret_journal: Journal) -> None:
    with backup_ops.reopen(secret_journal) as twin:
        twin.people.add(Person(name="From another handle"))
    assert "From another handle" in names(secret_journal)


def test_human_size() -> None:
    assert backup.human_size(512) == "512 bytes"
    assert backup.human_size(1536) == "1.5 KB"
    assert backup.human_size(5 * 1024 * 1024) == "5.0 MB"


# --- retention is the user's own ---------------------------------------------------------


def test_an_imported_retention_setting_is_ignored_and_rotation_keeps_a_floor(
    journal: Journal,
) -> None:
    import json

    from cxjournal.exchange.importer import import_text

    start = dt.datetime(2026, 1, 1, 20)
    fake_backups(journal.path, [start + dt.timedelta(days=n) for n in range(20)])
    hostile = {
        "format": "cxjournal",
        "version": 1,
        "settings": {"backups": {"keep_daily": 1, "keep_weekly": 0}},
    }
    import_text(journal, json.dumps(hostile), replace=True)
    assert journal.settings.get(RetentionPolicy.SETTING_KEY) is None
    backup_ops.automatic_backup(journal, now=start + dt.timedelta(days=20))
    # the default policy: the 7 newest days, then the two earlier weeks these 21 days reach
    assert len(backup.rolling_backups(journal.path)) == 9


def test_rotation_never_keeps_fewer_than_the_floor(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.db"
    start = dt.datetime(2026, 1, 1, 20)
    fake_backups(journal_path, [start + dt.timedelta(days=n) for n in range(20)])
    backup.prune(journal_path, RetentionPolicy(keep_daily=1, keep_weekly=0))
    assert kept_days(journal_path) == ["2026-01-20 20", "2026-01-19 20", "2026-01-18 20"]
