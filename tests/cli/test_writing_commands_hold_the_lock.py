"""Every command that writes to the journal holds its lock for its whole run: while a running
app (a second process) holds it, each one says the journal is busy and writes nothing; the
commands that only read keep working alongside the app."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxjournal import paths
from cxjournal.cli import main
from cxjournal.domain.model import Person
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "exchange" / "imports_fixtures"  # real files of the other tools

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:abc@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20261203T100000Z\r\nDTEND:20261203T103000Z\r\nSUMMARY:Ana / Jo weekly\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)

# The commands that write to the journal; FILE, SAVED and ICS stand for files made below.
WRITES = [
    ["import", "FILE"],
    ["restore", "--yes", "SAVED"],
    ["calendar", "add", "ICS"],
    ["calendar", "remove", "REGISTERED"],
    ["calendar", "refresh"],
    ["import-from", "vcard", "VCARD"],
    ["import-from", "jrnl", "JRNL"],
    ["passphrase", "set", "--new-passphrase-file", "NEW_PASSPHRASE"],
]
READS = [
    ["check"],
    ["export", "-o", "OUT"],
    ["search", "Ana"],
    ["calendar", "list"],
    ["meetings", "--from", "2026-12-01", "--to", "2026-12-09"],
    ["program", "show"],
    ["import-from", "--dry-run", "vcard", "VCARD"],
]

HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("held", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def db(journal_path: Path, tmp_path: Path) -> Path:
    registered = tmp_path / "registered.ics"
    registered.write_text(CALENDAR, encoding="utf-8", newline="")
    with Journal.open(journal_path) as journal:
        journal.people.add(Person(name="Ana Silva"))
        journal.calendar.add(str(registered))
    return journal_path


@pytest.fixture
def files(db: Path, tmp_path: Path) -> dict[str, str]:
    exported, saved = tmp_path / "export.json", tmp_path / "saved.db"
    assert main(["--db", str(db), "export", "-o", str(exported)]) == 0
    assert main(["--db", str(db), "backup", "-o", str(saved)]) == 0
    new_passphrase = tmp_path / "new-passphrase.txt"
    new_passphrase.write_text("correct horse battery staple 42\n", encoding="utf-8")
    other = tmp_path / "other.ics"
    other.write_text(CALENDAR.replace("abc@", "other@"), encoding="utf-8", newline="")
    return {
        "FILE": str(exported),
        "SAVED": str(saved),
        "ICS": str(other),
        "REGISTERED": str(tmp_path / "registered.ics"),
        "OUT": str(tmp_path / "out.json"),
        "VCARD": str(FIXTURES / "contacts-3.0.vcf"),
        "JRNL": str(FIXTURES / "jrnl.json"),
        "NEW_PASSPHRASE": str(new_passphrase),
    }


@pytest.fixture
def app_running(db: Path) -> Iterator[int]:
    """A second process holding the journal's lock as the running app does."""
    with subprocess.Popen(  # leaving the block closes the pipes and waits for the process
        [sys.executable, "-c", HOLDER, str(paths.lock_path(db))],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        try:
            yield proc.pid
        finally:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(timeout=60)


def _state(db: Path) -> dict[str, str]:
    """The journal's files (and their -wal and -shm) and their contents."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db.parent.iterdir())
        if p.name.startswith(db.name) and not p.name.endswith(".lock")
    }


def _args(command: list[str], files: dict[str, str]) -> list[str]:
    return [files.get(a, a) for a in command]


@pytest.mark.parametrize("command", WRITES, ids=" ".join)
def test_a_writing_command_is_told_the_journal_is_busy_and_writes_nothing(
    db: Path, files: dict[str, str], app_running: int, command: list[str], capsys: Any
) -> None:
    before = _state(db)
    assert main(["--db", str(db), *_args(command, files)]) == 1
    err = capsys.readouterr().err
    assert f"is busy: another cxjournal (process {app_running}) has it open" in err
    assert "Traceback" not in err
    assert _state(db) == before


@pytest.mark.parametrize("command", WRITES, ids=" ".join)
def test_a_writing_command_runs_once_the_app_is_gone(
    db: Path, files: dict[str, str], command: list[str]
) -> None:
    assert main(["--db", str(db), *_args(command, files)]) == 0
    assert not paths.lock_path(db).exists()


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_reading_commands_work_alongside_the_app(
    db: Path, files: dict[str, str], app_running: int, command: list[str], capsys: Any
) -> None:
    assert main(["--db", str(db), *_args(command, files)]) == 0, capsys.readouterr().err
