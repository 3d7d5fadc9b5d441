"""``cxjournal --version``, ``check`` and clear messages with exit codes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cxjournal import __version__
from cxjournal.cli import main
from cxjournal.journal import Journal


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_check_a_sound_journal(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Journal.open(journal_path).close()
    assert main(["--db", str(journal_path), "check"]) == 0
    assert "sound" in capsys.readouterr().out


def test_check_uses_the_environment_variable(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal.open(journal_path).close()
    monkeypatch.setenv("CXJOURNAL_DB", str(journal_path))
    assert main(["check"]) == 0
    assert str(journal_path) in capsys.readouterr().out


def test_check_an_encrypted_journal_with_a_passphrase_file(
    journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal.open(journal_path, 'pässwörd "x"').close()
    secret = tmp_path / "pass.txt"
    secret.write_text('pässwörd "x"\n', encoding="utf-8")
    assert main(["--db", str(journal_path), "--passphrase-file", str(secret), "check"]) == 0
    assert "encrypted" in capsys.readouterr().out
    secret.write_text("wrong\n", encoding="utf-8")
    assert main(["--db", str(journal_path), "--passphrase-file", str(secret), "check"]) == 1
    err = capsys.readouterr().err
    assert "passphrase does not open" in err and "Traceback" not in err


def test_check_reports_problems_with_exit_1(
    journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal.open(journal_path).close()
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO notes (person_id, on_date, kind, text, tags, created_at) "
        "VALUES (999, '2026-01-01', 'call', 'x', '[]', '2026-01-01')"
    )
    conn.commit()
    conn.close()
    assert main(["--db", str(journal_path), "check"]) == 1
    assert "foreign key" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content", [b"not a database at all" * 20, b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_check_on_a_damaged_file_is_one_clear_line(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    code = main(["--db", str(bad), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert bad.read_bytes() == content


def test_check_without_a_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "check"]) == 1
    assert "no journal" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
