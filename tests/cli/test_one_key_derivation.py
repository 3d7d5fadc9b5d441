"""A whole command on an encrypted journal derives its key exactly once.

Every connection the command makes (the start-up one, the engine's, the search
index's, a backup's) is keyed with the raw key derived when the journal opened,
so SQLCipher derives nothing itself. Each command runs in its own process, as a
user runs it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cxjournal.domain.model import Note, Person
from cxjournal.exchange.demo import generate
from cxjournal.journal import Journal
from tests.key_derivations import run_counted

SECRET = "one derivation, please"


@pytest.fixture
def encrypted(journal_path: Path) -> Path:
    with Journal.open(journal_path, SECRET) as journal:
        ana = journal.people.add(Person(name="Ana Silva"))
        journal.notes.add(Note(on=dt.date(2026, 3, 2), text="budget review", person_id=ana.id))
    return journal_path


@pytest.mark.parametrize(
    "args",
    [
        ["search", "budget"],
        ["search", "budget", "--person", "Ana Silva", "--json"],
        ["export", "-o", "{tmp}/out.json"],
        ["check"],
        ["backup", "-o", "{tmp}/copy.db"],
        ["import", "{tmp}/demo.json"],
        ["audit", "list"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_a_command_derives_the_key_once(encrypted: Path, tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "demo.json").write_text(json.dumps(generate(years=1, seed=2)), encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]

    result, seen = run_counted(["--db", str(encrypted), *args], tmp_path / "keys.log", SECRET)

    assert result.returncode == 0, result.stderr
    assert seen.derived == 1  # once
    assert seen.ahead == 1  # begun as the command started, while it loaded what it needs
    assert seen.by_sqlcipher == 0  # no connection was keyed with the passphrase itself
    assert seen.raw_keyed >= 1


def test_a_plain_journal_derives_nothing(journal_path: Path, tmp_path: Path) -> None:
    Journal.open(journal_path).close()

    result, seen = run_counted(
        ["--db", str(journal_path), "search", "budget"], tmp_path / "keys.log", SECRET
    )

    assert result.returncode == 0, result.stderr
    assert seen.total == 0 and seen.raw_keyed == 0


def test_a_wrong_passphrase_is_refused_after_trying_each_form_once(
    encrypted: Path, tmp_path: Path
) -> None:
    result, seen = run_counted(
        ["--db", str(encrypted), "search", "budget"], tmp_path / "keys.log", "not the one"
    )

    assert result.returncode == 1
    assert "passphrase does not open" in result.stderr
    # the one form of an ASCII passphrase: derived once in Python, then tried once as
    # SQLCipher would derive it (for a file keyed with other settings)
    assert (seen.derived, seen.ahead, seen.by_sqlcipher) == (1, 1, 1)


def test_a_passphrase_file_is_read_for_the_derivation_ahead_too(
    encrypted: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    args = ["--passphrase-file", str(secret), "--db", str(encrypted), "search", "budget"]

    result, seen = run_counted(args, tmp_path / "keys.log", None)

    assert result.returncode == 0, result.stderr
    assert (seen.derived, seen.ahead, seen.by_sqlcipher) == (1, 1, 0)


@pytest.mark.parametrize(
    "args", [["demo", "-o", "{tmp}/demo.json"], ["search", "--help"], ["--version"]]
)
def test_a_command_that_opens_no_journal_derives_nothing(
    encrypted: Path, tmp_path: Path, args: list[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]

    result, seen = run_counted(["--db", str(encrypted), *args], tmp_path / "keys.log", SECRET)

    assert result.returncode == 0, result.stderr
    assert seen.total == 0


@pytest.mark.parametrize(
    "args",
    [["search", "budget"], ["export", "-o", "{tmp}/out.json"], ["gui", "--quit-after-paint"]],
)
def test_the_derivation_starts_before_anything_slow_is_loaded(
    encrypted: Path, tmp_path: Path, args: list[str]
) -> None:
    """What runs before the derivation starts delays the key, and the key is what the
    command waits for: SQLCipher, the journal, SQLAlchemy and Qt load while it runs."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]

    result, seen = run_counted(["--db", str(encrypted), *args], tmp_path / "keys.log", SECRET)

    assert result.returncode == 0, result.stderr
    assert seen.loaded_at_start == ((),)  # begun once, with none of them loaded
    assert (seen.derived, seen.ahead, seen.by_sqlcipher) == (1, 1, 0)
