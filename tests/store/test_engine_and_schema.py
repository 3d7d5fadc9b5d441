"""The journal file: creation, pragmas, encryption, schema versions, refusals."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from cxjournal.domain.errors import (
    NewerSchemaError,
    NotAJournalError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from cxjournal.domain.model import Person
from cxjournal.journal import Journal
from cxjournal.store import schema


def test_new_journal_is_plain_sqlite_at_head_with_pragmas(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        assert not journal.encrypted
        with journal.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA cipher_version")).scalar()
            assert schema.current_revision(conn) == schema.HEAD
        assert journal.check() == []
    assert journal_path.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_created_folder_and_file_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "journal.db"
    Journal.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    Journal.open(tmp_path / "journal.db").close()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


@pytest.mark.parametrize(
    "passphrase",
    ["correct horse battery", 'it\'s "quoted"', "back\\slash\\", "naïve café 日本語 🔒", "'; DROP"],
)
def test_encrypted_journal_needs_its_passphrase(journal_path: Path, passphrase: str) -> None:
    with Journal.open(journal_path, passphrase) as journal:
        assert journal.encrypted
        journal.people.add(Person(name="Ana Silva", team="Ops"))
    data = journal_path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Ana Silva" not in data
    assert Journal.needs_passphrase(journal_path)
    with pytest.raises(PassphraseRequiredError):
        Journal.open(journal_path)
    with pytest.raises(WrongPassphraseError):
        Journal.open(journal_path, passphrase + "x")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(journal_path).execute("SELECT * FROM people").fetchall()
    with Journal.open(journal_path, passphrase) as journal:
        assert [p.name for p in journal.people.all()] == ["Ana Silva"]
        assert journal.check() == []


def test_a_file_that_is_not_a_journal_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotAJournalError):
        Journal.open(other)
    assert other.read_bytes() == before


def test_garbage_is_refused_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    before = junk.read_bytes()
    with pytest.raises(NotAJournalError):
        Journal.open(junk)
    assert junk.read_bytes() == before
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello, this is not a database\n" * 50)
    with pytest.raises(PassphraseRequiredError):  # not SQLite: could be an encrypted journal
        Journal.open(text_file)
    with pytest.raises(WrongPassphraseError):
        Journal.open(text_file, "anything")
    assert text_file.read_text().startswith("hello")


def test_newer_schema_is_refused_untouched(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    conn = sqlite3.connect(journal_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = journal_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        Journal.open(journal_path)
    assert journal_path.read_bytes() == before


def test_migration_from_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with Journal.open(empty) as journal:
        assert journal.upgrade_backup is None
        assert journal.check() == []


def test_revisions_match_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "cxjournal.store:migrations")
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == schema.HEAD
    ordered = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(ordered) == schema.REVISIONS


def test_opening_a_current_journal_loads_neither_alembic_nor_sqlalchemy(journal_path: Path) -> None:
    import subprocess

    Journal.open(journal_path).close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cxjournal.journal import Journal\n"
        f"Journal.open(Path({str(journal_path)!r})).close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'sqlalchemy'}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "[]"
