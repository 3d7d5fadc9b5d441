"""An encrypted journal derives its key once per opening; every connection then uses the raw key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3  # type: ignore[import-untyped]

from cxjournal.domain.errors import WrongPassphraseError
from cxjournal.domain.model import Note
from cxjournal.journal import Journal
from cxjournal.journal.backup_ops import backup_now, passphrase_of, reopen
from cxjournal.store import key_ahead, rawdb

PASSPHRASE = 'correct "horse" battery é'


def opens_with(path: Path, key: str) -> bool:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {rawdb.quote_key(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def test_the_derived_key_is_the_one_sqlcipher_derives(journal_path: Path) -> None:
    Journal.open(journal_path, PASSPHRASE).close()
    key = key_ahead.derived_key(journal_path, PASSPHRASE)
    assert key is not None and rawdb.is_raw_key(key)
    assert opens_with(journal_path, key)
    other = key_ahead.derived_key(journal_path, PASSPHRASE + "!")
    assert other is not None and not opens_with(journal_path, other)
    assert key_ahead.derived_key(journal_path.with_name("absent.db"), PASSPHRASE) is None


def test_every_connection_of_a_session_uses_the_key_derived_once(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    Journal.open(journal_path, PASSPHRASE).close()
    derived: list[str] = []
    keys: list[str | None] = []
    real_derive = key_ahead.derived_key
    real_connect = rawdb.open_connection

    def derive(path: Path, passphrase: str) -> str | None:
        derived.append(passphrase)
        return real_derive(path, passphrase)

    def connect(path: Path, read_only: bool = False, autocommit: bool = True) -> Any:
        conn = real_connect(path, read_only, autocommit)

        class Spy:
            def execute(self, sql: str, *args: Any) -> Any:
                if sql.startswith("PRAGMA key"):
                    keys.append(sql)
                return conn.execute(sql, *args)

            def __getattr__(self, name: str) -> Any:
                return getattr(conn, name)

        return Spy()

    monkeypatch.setattr(key_ahead, "derived_key", derive)
    monkeypatch.setattr(rawdb, "open_connection", connect)
    journal = Journal.open(journal_path, PASSPHRASE, create=False)
    journal.notes.add(Note(on=dt.date(2026, 1, 2), text="hello"))
    other = reopen(journal)  # a background task's own handle
    assert [n.text for n in other.notes.recent(limit=5)] == ["hello"]
    other.close()
    backup_now(journal, tmp_path / "copy.db")
    assert passphrase_of(journal) == PASSPHRASE  # restores and changes get the passphrase
    journal.close()
    assert derived == [PASSPHRASE]  # one derivation, at the opening
    # the start-up connections of both handles and the engines' connections alike are
    # keyed with the raw key derived at the opening: SQLCipher derives nothing again
    assert len(keys) >= 3
    assert {sql.split("=", 1)[1].strip().strip('"') for sql in keys} == {journal.key}
    assert rawdb.is_raw_key(str(journal.key))
    assert all("x'" in sql for sql in keys), keys  # none of them derives the key again
    assert opens_with(tmp_path / "copy.db", PASSPHRASE)  # the backup opens with the passphrase


def test_a_wrong_passphrase_is_still_refused(journal_path: Path) -> None:
    Journal.open(journal_path, PASSPHRASE).close()
    with pytest.raises(WrongPassphraseError):
        Journal.open(journal_path, "not it at all", create=False)


def test_a_build_deriving_otherwise_still_opens_through_sqlcipher_s_own_derivation(
    tmp_path: Path,
) -> None:
    path = tmp_path / "other.db"
    settings = sqlcipher3.connect(":memory:")
    settings.execute("PRAGMA cipher_default_kdf_iter = 64000")  # as another build's default
    try:
        conn = sqlcipher3.connect(str(path))
        conn.execute(f"PRAGMA key = {rawdb.quote_key(PASSPHRASE)}")
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
        derived = key_ahead.derived_key(path, PASSPHRASE)
        assert derived is not None and not opens_with(path, derived)
        conn, key, form = rawdb.connect_derived(path, PASSPHRASE)
        conn.close()
        assert key == form == PASSPHRASE
    finally:
        settings.execute(f"PRAGMA cipher_default_kdf_iter = {key_ahead.KDF_ITERATIONS}")
        settings.close()


def test_sqlite_s_allocations_are_not_locked_one_by_one(journal_path: Path) -> None:
    # SQLCipher's extended memory security costs an mlock and an munlock per allocation
    # SQLite makes (12 times a search of a 20,000-note journal); SQLCipher wipes its own
    # key material whatever this says
    with Journal.open(journal_path, PASSPHRASE) as journal:
        journal.notes.add(Note(on=dt.date(2026, 1, 2), text="hello"))
        with journal.reading() as conn:
            assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"
        assert journal.raw().execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"


def count_derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    derived: list[str] = []
    real_derive = key_ahead.derived_key

    def derive(path: Path, passphrase: str) -> str | None:
        derived.append(passphrase)
        return real_derive(path, passphrase)

    monkeypatch.setattr(key_ahead, "derived_key", derive)
    return derived


def test_a_key_derived_ahead_opens_the_journal_without_deriving_again(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Journal.open(journal_path, PASSPHRASE).close()
    derived = count_derivations(monkeypatch)
    Journal.derive_key_ahead(journal_path, PASSPHRASE)
    Journal.derive_key_ahead(journal_path, PASSPHRASE)  # started once only
    with Journal.open(journal_path, PASSPHRASE, create=False) as journal:
        assert journal.key == key_ahead.derived_key(journal_path, PASSPHRASE)
    assert len(derived) == 2  # the one ahead, and the check just above


def test_a_file_replaced_after_the_key_was_derived_ahead_still_opens(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Journal.open(journal_path, PASSPHRASE).close()
    other = tmp_path / "other.db"
    Journal.open(other, PASSPHRASE).close()  # the same passphrase, another salt
    derived = count_derivations(monkeypatch)
    Journal.derive_key_ahead(journal_path, PASSPHRASE)
    key_ahead._ahead[(str(journal_path.absolute()), PASSPHRASE)].join()
    other.replace(journal_path)  # say, a restore
    with Journal.open(journal_path, PASSPHRASE, create=False) as journal:
        assert journal.key == key_ahead.derived_key(journal_path, PASSPHRASE)
    assert len(derived) == 3  # ahead (for the old salt), again at the opening, the check


def test_a_wrong_passphrase_derived_ahead_is_refused(journal_path: Path) -> None:
    Journal.open(journal_path, PASSPHRASE).close()
    Journal.derive_key_ahead(journal_path, "not it at all")
    with pytest.raises(WrongPassphraseError):
        Journal.open(journal_path, "not it at all", create=False)
    assert not key_ahead._ahead


def test_nothing_is_derived_ahead_for_a_plain_or_missing_journal(
    journal_path: Path, tmp_path: Path
) -> None:
    Journal.open(journal_path).close()
    Journal.derive_key_ahead(journal_path, PASSPHRASE)
    Journal.derive_key_ahead(tmp_path / "absent.db", PASSPHRASE)
    Journal.derive_key_ahead(tmp_path, PASSPHRASE)  # a folder
    assert not key_ahead._ahead
