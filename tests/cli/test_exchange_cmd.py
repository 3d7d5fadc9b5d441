"""``cxjournal export|import|backup|restore|demo`` and ``audit export``, in process."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxjournal.cli import main
from cxjournal.domain.model import Audit, Person, Rating, ResilienceEntry
from cxjournal.exchange.format_read import parse
from cxjournal.journal import Journal
from cxjournal.store.engine import SQLITE_HEADER

SECRET = "s3cret passphrase"


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def content(db: Path) -> dict[str, Any]:
    """The journal's content as an export, without the time it was made."""
    from cxjournal.exchange.exporter import export_document

    with Journal.open(db, create=False) as journal:
        data = export_document(journal)
    data.pop("exported_at")
    return data


@pytest.fixture
def db(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
        ben = journal.people.add(Person(name="Ben Okafor", team="Ops"))
        journal.audits.save(
            Audit(dt.date(2026, 1, 15), (Rating(ana, 8, 7, 5, 4), Rating(ben, 3, 4, 6, 5)))
        )
        journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7))
    return journal_path


@pytest.fixture
def exported(db: Path, tmp_path: Path, capsys: Any) -> Path:
    out = tmp_path / "export.json"
    assert run(db, "export", "-o", str(out)) == 0
    capsys.readouterr()
    return out


@pytest.fixture
def app_holds(db: Path) -> Iterator[None]:
    """The journal's lock, held as the running app holds it."""
    from PySide6.QtCore import QLockFile

    from cxjournal import paths

    lock = QLockFile(str(paths.lock_path(db)))
    assert lock.tryLock(100)
    yield
    lock.unlock()


# --- export ---------------------------------------------------------------------------------


def test_export_writes_the_whole_journal(exported: Path) -> None:
    doc = parse(exported.read_bytes())
    assert [p.person.name for p in doc.people] == ["Ana Silva", "Ben Okafor"]
    assert len(doc.audits) == 1 and len(doc.resilience) == 1
    assert exported.stat().st_mode & 0o777 == 0o600


def test_export_to_standard_output(db: Path, capsys: Any) -> None:
    assert run(db, "export", "-o", "-") == 0
    assert json.loads(capsys.readouterr().out)["people"][0]["name"] == "Ana Silva"


def test_export_needs_a_journal(tmp_path: Path, capsys: Any) -> None:
    assert run(tmp_path / "none.db", "export", "-o", str(tmp_path / "x.json")) == 1
    assert "there is no journal at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "x.json").exists()


def test_export_into_a_missing_folder_fails_cleanly(db: Path, tmp_path: Path, capsys: Any) -> None:
    assert run(db, "export", "-o", str(tmp_path / "no" / "x.json")) == 1
    assert capsys.readouterr().err.startswith("cxjournal: cannot write ")


# --- import -------------------------------------------------------------------------------


def test_import_into_a_new_journal_and_again(exported: Path, tmp_path: Path, capsys: Any) -> None:
    target = tmp_path / "new" / "journal.db"
    assert run(target, "import", str(exported)) == 0
    out = capsys.readouterr().out
    assert "people: 2 added, 0 already in the journal" in out
    before = content(target)
    assert run(target, "import", str(exported)) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert content(target) == before


def test_a_bad_file_lists_every_problem_and_writes_nothing(
    db: Path, exported: Path, capsys: Any
) -> None:
    data = json.loads(exported.read_text())
    first = json.dumps(data["audits"][0])
    data["audits"] = [dict(json.loads(first), id=f"a{n}") for n in range(3)]
    data["audits"][2]["ratings"][0]["value"] = 11
    data["people"][1]["name"] = ""
    exported.write_text(json.dumps(data))
    before = content(db)
    assert run(db, "import", str(exported)) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "cxjournal: people[1].name: must be 1-200 characters after trimming",
        "cxjournal: audits[2].ratings[0].value: 11 is not between 1 and 10",
    ]
    assert content(db) == before


def test_a_bad_file_does_not_create_a_journal(tmp_path: Path, capsys: Any) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cxjournal", "version": 1, "people": [{"id": 1}]}')
    target = tmp_path / "new.db"
    assert run(target, "import", str(bad)) == 2
    assert capsys.readouterr().err.splitlines() == [
        "cxjournal: people[0].id: must be a non-empty string, not 1",
        "cxjournal: people[0].name: is required",
    ]
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "cxjournal: not valid JSON: line 1 column 1: Expecting value"),
        ('{"format": "other", "version": 1}', "cxjournal: not a cxjournal file: format must be"),
        ('{"format": "cxjournal", "version": 9}', "cxjournal: version 9 is newer than this app"),
    ],
)
def test_whole_file_problems_are_one_line(
    db: Path, tmp_path: Path, capsys: Any, text: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    assert run(db, "import", str(bad)) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(message)


def test_a_missing_file_is_bad_input(db: Path, tmp_path: Path, capsys: Any) -> None:
    assert run(db, "import", str(tmp_path / "missing.json")) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_checkin_conflict_needs_replace(db: Path, exported: Path, capsys: Any) -> None:
    data = json.loads(exported.read_text())
    data["resilience"][0]["energy"] = 1
    exported.write_text(json.dumps(data))
    before = content(db)
    assert run(db, "import", str(exported)) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "cxjournal: resilience[0].on: 2026-02-01 already has a different check-in in this journal"
    )
    assert "use --replace" in err[-1]
    assert content(db) == before
    assert run(db, "import", "--replace", str(exported)) == 0
    assert "1 replaced" in capsys.readouterr().out
    assert content(db)["resilience"][0]["energy"] == 1


def test_import_refuses_while_the_app_has_the_journal_open(
    db: Path, exported: Path, app_holds: None, capsys: Any
) -> None:
    before = content(db)
    assert run(db, "import", str(exported)) == 1
    assert (
        f"is busy: another cxjournal (process {os.getpid()}) has it open" in capsys.readouterr().err
    )
    assert content(db) == before


def test_import_into_an_encrypted_journal(exported: Path, tmp_path: Path, capsys: Any) -> None:
    key = tmp_path / "key.txt"
    key.write_text(SECRET + "\n")
    target = tmp_path / "secret.db"
    assert main(["--db", str(target), "--passphrase-file", str(key), "import", str(exported)]) == 0
    assert not target.read_bytes().startswith(SQLITE_HEADER)
    with Journal.open(target, SECRET, create=False) as journal:
        assert len(journal.people.all()) == 2


# --- backup and restore ------------------------------------------------------------------------


def test_backup_goes_to_the_backups_folder(db: Path, capsys: Any) -> None:
    assert run(db, "backup") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"backed up to {db.parent / 'backups'}") and "not encrypted" in out
    assert len(list((db.parent / "backups").glob("journal-*.db"))) == 1


def test_backup_to_a_named_file_of_an_encrypted_journal(tmp_path: Path, capsys: Any) -> None:
    key = tmp_path / "key.txt"
    key.write_text(SECRET)
    secret = tmp_path / "secret.db"
    Journal.open(secret, SECRET).close()
    copy = tmp_path / "copy.db"
    assert (
        main(["--db", str(secret), "--passphrase-file", str(key), "backup", "-o", str(copy)]) == 0
    )
    assert capsys.readouterr().out.rstrip().endswith(", encrypted)")
    assert not copy.read_bytes().startswith(SQLITE_HEADER)
    Journal.open(copy, SECRET, create=False).close()


def test_restore_asks_for_confirmation(db: Path, tmp_path: Path, capsys: Any) -> None:
    assert run(db, "backup", "-o", str(tmp_path / "b.db")) == 0
    assert run(db, "restore", str(tmp_path / "b.db")) == 2
    assert "confirm with --yes" in capsys.readouterr().err


def test_restore_replaces_the_journal_and_keeps_a_copy(
    db: Path, tmp_path: Path, capsys: Any
) -> None:
    saved = tmp_path / "saved.db"
    assert run(db, "backup", "-o", str(saved)) == 0
    before = content(db)
    with Journal.open(db) as journal:
        journal.people.add(Person(name="Added later"))
    capsys.readouterr()
    assert run(db, "restore", "--yes", str(saved)) == 0
    out = capsys.readouterr().out
    assert "the journal it replaced is kept at" in out
    assert content(db) == before
    kept = list((db.parent / "backups").glob("journal-before-restore-*.db"))
    with Journal.open(kept[0], create=False) as journal:
        assert "Added later" in [p.name for p in journal.people.all()]


def test_restore_refuses_a_damaged_backup(db: Path, tmp_path: Path, capsys: Any) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(SQLITE_HEADER + b"\x00" * 200)
    before = db.read_bytes()
    assert run(db, "restore", "--yes", str(bad)) == 1
    assert "nothing was changed" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_restore_of_a_missing_file_is_bad_input(db: Path, tmp_path: Path, capsys: Any) -> None:
    assert run(db, "restore", "--yes", str(tmp_path / "none.db")) == 2
    assert "there is no backup at" in capsys.readouterr().err


def test_restore_refuses_while_the_app_has_the_journal_open(
    db: Path, tmp_path: Path, app_holds: None, capsys: Any
) -> None:
    saved = tmp_path / "saved.db"
    assert run(db, "backup", "-o", str(saved)) == 0  # reading works alongside the app
    before = db.read_bytes()
    assert run(db, "restore", "--yes", str(saved)) == 1
    assert (
        f"is busy: another cxjournal (process {os.getpid()}) has it open" in capsys.readouterr().err
    )
    assert db.read_bytes() == before


# --- demo -------------------------------------------------------------------------------------


def test_demo_writes_a_valid_journal_file(tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "demo.json"
    assert main(["demo", "-o", str(out), "--years", "3", "--seed", "4"]) == 0
    assert "wrote a demo journal of 3 years" in capsys.readouterr().out
    doc = parse(out.read_bytes())
    assert len(doc.people) > 10 and len(doc.audits) >= 10
    span = doc.resilience[-1].on - doc.resilience[0].on
    assert 2 * 365 < span.days <= 3 * 366
    again = tmp_path / "again.json"
    assert main(["demo", "-o", str(again), "--years", "3", "--seed", "4"]) == 0
    assert len(again.read_bytes()) == len(out.read_bytes())


@pytest.mark.parametrize("years", ["0", "31", "two"])
def test_demo_refuses_silly_years(tmp_path: Path, years: str, capsys: Any) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["demo", "-o", str(tmp_path / "d.json"), "--years", years])
    assert caught.value.code == 2
    assert "--years" in capsys.readouterr().err


def test_demo_sizes_people_and_notes_a_day(tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "big.json"
    args = ["demo", "-o", str(out), "--years", "1", "--people", "90", "--notes-per-day", "8"]
    assert main(args) == 0
    assert "(90 people, 4 audits, " in capsys.readouterr().out
    doc = parse(out.read_bytes())
    assert len(doc.people) == 90 and 8 * 360 <= len(doc.notes) <= 8 * 370


def test_the_demo_cast_size_the_cli_names_is_the_story_s() -> None:
    from cxjournal.cli.exchange_cmd import DEMO_CAST_SIZE
    from cxjournal.exchange.demo import CAST_SIZE

    assert DEMO_CAST_SIZE == CAST_SIZE


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--people", "39"),
        ("--people", "501"),
        ("--people", "many"),
        ("--notes-per-day", "0"),
        ("--notes-per-day", "nan"),
        ("--notes-per-day", "101"),
        ("--notes-per-day", "lots"),
    ],
)
def test_demo_refuses_silly_sizes(tmp_path: Path, option: str, value: str, capsys: Any) -> None:
    out = tmp_path / "d.json"
    with pytest.raises(SystemExit) as caught:
        main(["demo", "-o", str(out), option, value])
    assert caught.value.code == 2
    assert option in capsys.readouterr().err
    assert not out.exists()


# --- audit export -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("pdf", b"%PDF-"), ("md", b"# Power audit"), ("csv", b"audit_date,person"), ("json", b"{")],
)
def test_audit_export_in_every_format(
    db: Path, tmp_path: Path, capsys: Any, fmt: str, start: bytes
) -> None:
    out = tmp_path / f"snap.{fmt}"
    assert run(db, "audit", "export", "latest", "--format", fmt, "-o", str(out)) == 0
    assert out.read_bytes().startswith(start)
    assert "not encrypted" in capsys.readouterr().out


def test_audit_export_by_id_with_hidden_names(db: Path, tmp_path: Path) -> None:
    with Journal.open(db) as journal:
        audit_id = journal.audits.summaries()[0].id
    out = tmp_path / "snap.json"
    assert run(db, "audit", "export", str(audit_id), "-o", str(out), "--hide-names") == 0
    data = json.loads(out.read_text())
    assert [c["person"]["name"] for c in data["contacts"]] == ["Person A", "Person B"]
    assert "Ana" not in out.read_text() and "Okafor" not in out.read_text()


def test_audit_export_replaces_the_named_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "snap.md"
    out.write_text("old")
    assert run(db, "audit", "export", "latest", "-o", str(out)) == 0
    assert out.read_text().startswith("# Power audit snapshot")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["latest", "-o", "snap.txt"], "cannot tell the format from"),
        (["999", "-o", "snap.md"], "there is no audit with id 999"),
        (["first", "-o", "snap.md"], "'first' is not an audit id"),
    ],
)
def test_audit_export_bad_input(
    db: Path, tmp_path: Path, monkeypatch: Any, capsys: Any, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(db, "audit", "export", *args) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("snap.*"))


def test_audit_export_of_an_empty_journal(journal_path: Path, tmp_path: Path, capsys: Any) -> None:
    Journal.open(journal_path).close()
    assert run(journal_path, "audit", "export", "latest", "-o", str(tmp_path / "s.md")) == 2
    assert "no audit yet" in capsys.readouterr().err


def test_text_exports_load_no_qt(db: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from cxjournal.cli import main\n"
        f"db, out = {str(db)!r}, {str(tmp_path)!r}\n"
        "assert main(['--db', db, 'audit', 'export', 'latest', '-o', out + '/a.md']) == 0\n"
        "assert main(['--db', db, 'export', '-o', out + '/e.json']) == 0\n"
        "assert main(['--db', db, 'backup']) == 0\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'cxjournal.ui'))]\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip().splitlines()[-1] == "LOADED:"


def test_pdf_export_needs_no_display(db: Path, tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        "os.environ.pop('QT_QPA_PLATFORM', None); os.environ.pop('DISPLAY', None)\n"
        "from cxjournal.cli import main\n"
        f"sys.exit(main(['--db', {str(db)!r}, 'audit', 'export', 'latest', '-o', "
        f"{str(tmp_path / 'a.pdf')!r}]))\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2]
    )
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-")
