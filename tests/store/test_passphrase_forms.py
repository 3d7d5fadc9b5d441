"""Passphrases keyed in NFC, older journals keyed as typed, bad passphrase files refused."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import sqlcipher3  # type: ignore[import-untyped]

from cxjournal.cli import main
from cxjournal.domain.errors import WrongPassphraseError
from cxjournal.domain.passphrase import from_file_bytes, key_forms
from cxjournal.journal import Journal
from cxjournal.store import rawdb

NFC = unicodedata.normalize("NFC", "café crème brûlée")
NFD = unicodedata.normalize("NFD", NFC)


def test_the_two_forms_differ() -> None:
    assert NFC != NFD and NFC.encode() != NFD.encode()
    assert key_forms(NFD) == [NFC, NFD]
    assert key_forms("plain ascii") == ["plain ascii"]


def opens_with_raw_key(path: Path, key: str) -> bool:
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = {rawdb.quote_key(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


@pytest.mark.parametrize("typed", [NFC, NFD])
def test_a_new_journal_is_keyed_in_nfc_and_opens_with_either_form(
    journal_path: Path, typed: str
) -> None:
    with Journal.open(journal_path, typed) as journal:
        journal.settings.set("probe", 1)
    assert opens_with_raw_key(journal_path, NFC)
    assert not opens_with_raw_key(journal_path, NFD)
    for other in (NFC, NFD):
        with Journal.open(journal_path, other, create=False) as journal:
            assert journal.encrypted and journal.settings.get("probe") == 1


def make_old_nfd_journal(path: Path) -> None:
    """A journal as the code before normalisation made it from a decomposed passphrase."""
    with Journal.open(path, NFC) as journal:
        journal.settings.set("probe", "old")
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = {rawdb.quote_key(NFC)}")
    conn.execute(f"PRAGMA rekey = {rawdb.quote_key(NFD)}")
    conn.close()
    assert opens_with_raw_key(path, NFD) and not opens_with_raw_key(path, NFC)


@pytest.mark.parametrize("typed", [NFC, NFD])
def test_a_journal_made_with_nfd_by_the_old_code_still_opens(
    journal_path: Path, typed: str
) -> None:
    make_old_nfd_journal(journal_path)
    with Journal.open(journal_path, typed, create=False) as journal:
        assert journal.settings.get("probe") == "old"
        journal.settings.set("probe", "written")  # the engine uses the key that opened it
    with Journal.open(journal_path, NFD, create=False) as journal:
        assert journal.settings.get("probe") == "written"
    assert opens_with_raw_key(journal_path, NFD)  # left as it was made


def test_a_wrong_passphrase_is_still_wrong(journal_path: Path) -> None:
    make_old_nfd_journal(journal_path)
    with pytest.raises(WrongPassphraseError, match="does not open"):
        Journal.open(journal_path, "café crème brulée", create=False)
    with pytest.raises(WrongPassphraseError, match="NUL"):
        Journal.open(journal_path, "caf\x00é", create=False)


def test_passphrase_file_bytes() -> None:
    assert from_file_bytes(NFD.encode() + b"\n", "f") == NFD
    assert from_file_bytes(b"\xef\xbb\xbfsecret words\r\n", "f") == "secret words"
    with pytest.raises(ValueError, match=r"not UTF-8 text \(byte 4"):
        from_file_bytes(b"caf\xe9 latin-1", "f")
    with pytest.raises(ValueError, match="NUL"):
        from_file_bytes(b"secret\x00words", "f")
    with pytest.raises(ValueError, match="empty"):
        from_file_bytes(b"\n", "f")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"caf\xe9 au lait", "is not UTF-8 text"), (b"secret\x00words\n", "NUL character")],
)
def test_the_command_line_refuses_a_bad_passphrase_file(
    journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
    message: str,
) -> None:  # fmt: skip
    Journal.open(journal_path, "good passphrase").close()
    secret = tmp_path / "secret.txt"
    secret.write_bytes(content)
    before = journal_path.read_bytes()
    assert main(["--db", str(journal_path), "--passphrase-file", str(secret), "check"]) == 2
    err = capsys.readouterr().err
    assert message in err and str(secret) in err and "Traceback" not in err
    assert journal_path.read_bytes() == before


def test_the_command_line_opens_an_old_nfd_journal_from_an_nfc_file(
    journal_path: Path, tmp_path: Path
) -> None:
    make_old_nfd_journal(journal_path)
    secret = tmp_path / "secret.txt"
    secret.write_bytes(NFC.encode() + b"\n")
    assert main(["--db", str(journal_path), "--passphrase-file", str(secret), "check"]) == 0
