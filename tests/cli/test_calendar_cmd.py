"""``cxjournal calendar add|list|remove|refresh`` and ``cxjournal meetings`` on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxjournal.cli import main
from cxjournal.domain.model import Person
from cxjournal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]

WORK = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:abc@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20261203T100000Z\r\nDTEND:20261203T103000Z\r\nSUMMARY:Ana / Jo weekly\r\n"
    "ORGANIZER:mailto:jo@example.com\r\nATTENDEE:mailto:ana@example.com\r\n"
    "ATTENDEE:mailto:jo@example.com\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:board@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART:20261203T090000Z\r\nDTEND:20261203T100000Z\r\nSUMMARY:CX board\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        journal.settings.set_my_emails(["jo@example.com"])
        journal.people.add(Person(name="Ana Silva", emails=("ana@example.com",)))
    return journal_path


def test_add_list_meetings_json_remove(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work.ics"
    work.write_text(WORK, encoding="utf-8", newline="")
    assert main(["--db", str(db), "calendar", "add", str(work)]) == 0
    assert "2 meetings read" in capsys.readouterr().out
    assert main(["--db", str(db), "calendar", "list", "--json"]) == 0
    (source,) = json.loads(capsys.readouterr().out)
    assert (source["path"], source["missing"], source["meetings"]) == (str(work), False, 2)
    args = ["--db", str(db), "meetings", "--from", "2026-12-03", "--to", "2026-12-03", "--json"]
    assert main(args) == 0
    with Journal.open(db) as journal:
        ana_id = journal.people.all()[0].id
    assert json.loads(capsys.readouterr().out) == [
        {
            "start": "2026-12-03T09:00:00+00:00",
            "end": "2026-12-03T10:00:00+00:00",
            "summary": "CX board",
            "uid": "board@example.com",
            "one_on_one": False,
            "people": [],
            "source": str(work),
        },
        {
            "start": "2026-12-03T10:00:00+00:00",
            "end": "2026-12-03T10:30:00+00:00",
            "summary": "Ana / Jo weekly",
            "uid": "abc@example.com",
            "one_on_one": True,
            "people": [{"id": ana_id, "name": "Ana Silva"}],
            "source": str(work),
        },
    ]
    assert main(["--db", str(db), "meetings", "--from", "2026-12-03", "--to", "2026-12-03"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text == [
        "2026-12-03 09:00-10:00       CX board",
        "2026-12-03 10:00-10:30  1:1  Ana / Jo weekly  (Ana Silva)",
    ]
    work.unlink()
    assert main(["--db", str(db), "calendar", "refresh"]) == 0
    assert "gone" in capsys.readouterr().out
    assert main(["--db", str(db), "calendar", "remove", str(work)]) == 0
    assert main(["--db", str(db), "calendar", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_malformed_file_is_refused_with_its_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_text(WORK.replace("SUMMARY:CX board", "SUMMARY CX board"), encoding="utf-8")
    assert main(["--db", str(db), "calendar", "add", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.ics, line 19:" in err and "nothing was changed" in err
    assert main(["--db", str(db), "calendar", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_meetings_never_imports_qt_nor_the_calendar_reader(db: Path) -> None:
    code = (
        "import sys; from cxjournal.cli import main; "
        f"main(['--db', {str(db)!r}, 'meetings', '--json']); "
        "assert 'PySide6' not in sys.modules and 'icalendar' not in sys.modules, 'imported'"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
