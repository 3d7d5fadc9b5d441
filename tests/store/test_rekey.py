"""Setting, changing and removing the passphrase: the journal and every copy follow, crash-safe.

The crash tests run the re-key in a real subprocess and ``kill -9`` it at
each of its steps; what is left must open with the old or the new passphrase,
lose nothing, and (after the recovery the next open runs) open everywhere with
one passphrase.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cxjournal import paths
from cxjournal.cli import main
from cxjournal.domain.errors import JournalOpenError, WrongPassphraseError
from cxjournal.domain.model import Audit, Note, Person, Rating
from cxjournal.journal import Journal
from cxjournal.journal.passphrase_ops import change_passphrase
from cxjournal.store import backup, rawdb, rekey

OLD, NEW = "old horse battery", "new staple journey"
ROOT = Path(__file__).resolve().parents[2]


def fill(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
    journal.audits.save(Audit(dt.date(2026, 1, 1), (Rating(ana, 5, 6, 7, 8),), "private"))
    journal.notes.add(Note(dt.date(2026, 1, 2), "what I would never say aloud", person_id=ana.id))


def make_folder(journal_path: Path, passphrase: str | None) -> list[Path]:
    """A journal with a rolling backup, a before-restore copy, a before-upgrade copy and an
    extra copy beside it; returns every file, the journal first."""
    with Journal.open(journal_path, passphrase) as journal:
        fill(journal)
        rolling = backup.backup_now(journal.engine, journal_path, dt.datetime(2026, 1, 3, 9))
        journal.notes.add(Note(dt.date(2026, 1, 4), "written after the backup"))
        extra = backup.backup_to(journal.engine, journal_path.with_name("my-copy.db"))
    folder = paths.backups_dir(journal_path)
    restored = folder / f"{journal_path.stem}-before-restore-20260105-100000{journal_path.suffix}"
    shutil.copyfile(rolling, restored)
    upgrade = journal_path.with_name(f"{journal_path.stem}.before-upgrade-0001_initial-x.db")
    shutil.copyfile(rolling, upgrade)
    return [journal_path, upgrade, restored, rolling, extra]


def contents(path: Path, passphrase: str | None) -> rekey.Fingerprint:
    conn = rawdb.connect(path, passphrase)
    try:
        return rekey.fingerprint(conn)
    finally:
        conn.close()


def opens_with(path: Path, passphrase: str | None) -> bool:
    try:
        rawdb.connect(path, passphrase).close()
    except (WrongPassphraseError, JournalOpenError):
        return False
    return rawdb.is_plain_sqlite(path) is (passphrase is None)


def leftovers(journal_path: Path) -> list[str]:
    folders = (journal_path.parent, paths.backups_dir(journal_path))
    return sorted(
        e.name
        for f in folders
        for e in f.iterdir()
        if rekey.NEW_SUFFIX in e.name or e.name == paths.rekey_marker(journal_path).name
    )


# --- in one process ----------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [(OLD, NEW), (None, NEW), (OLD, None)])
def test_every_file_follows_and_keeps_its_content(
    journal_path: Path, old: str | None, new: str | None
) -> None:
    files = make_folder(journal_path, old)
    before = {f: contents(f, old) for f in files}
    result = rekey.rekey(journal_path, old, new)
    assert sorted(result.files) == sorted(files) and result.files[0] == journal_path
    for f in files:
        assert contents(f, new) == before[f]
        assert rawdb.is_plain_sqlite(f) is (new is None)
        if old is not None and new is not None:
            assert not opens_with(f, old)
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert leftovers(journal_path) == []
    with Journal.open(journal_path, new, create=False) as journal:
        assert journal.encrypted is (new is not None) and journal.check() == []
        assert journal.notes.count() == 2


def test_a_wrong_current_passphrase_changes_nothing(journal_path: Path) -> None:
    files = make_folder(journal_path, OLD)
    stamps = {f: f.read_bytes() for f in files}
    with pytest.raises(WrongPassphraseError, match="current passphrase does not open"):
        rekey.rekey(journal_path, "not it at all", NEW)
    assert {f: f.read_bytes() for f in files} == stamps
    assert leftovers(journal_path) == []


def test_a_backup_with_another_passphrase_is_named_and_nothing_changes(
    journal_path: Path,
) -> None:
    files = make_folder(journal_path, OLD)
    stray = files[3]
    conn = rawdb.connect(stray, OLD)
    conn.execute(f"PRAGMA rekey = {rawdb.quote_key('someone else entirely')}")
    conn.close()
    with pytest.raises(WrongPassphraseError, match=stray.name):
        rekey.rekey(journal_path, OLD, NEW)
    assert opens_with(journal_path, OLD) and leftovers(journal_path) == []


def test_a_file_that_is_not_a_copy_stays_as_it_is(journal_path: Path) -> None:
    make_folder(journal_path, OLD)
    other = journal_path.with_name("someone-elses.db")
    other.write_bytes(b"not a database at all, but the same extension" * 100)
    before = other.read_bytes()
    rekey.rekey(journal_path, OLD, NEW)
    assert other.read_bytes() == before


def test_the_open_journal_carries_on_with_the_new_passphrase(journal_path: Path) -> None:
    make_folder(journal_path, OLD)
    journal = Journal.open(journal_path, OLD, create=False)
    try:
        change_passphrase(journal, NEW)
        assert journal.encrypted and journal.notes.count() == 2
        journal.notes.add(Note(dt.date(2026, 2, 1), "after the change"))
    finally:
        journal.close()
    assert opens_with(journal_path, NEW) and not opens_with(journal_path, OLD)
    with Journal.open(journal_path, NEW, create=False) as again:
        assert again.notes.count() == 3


def test_a_refused_change_leaves_the_open_journal_usable(journal_path: Path) -> None:
    files = make_folder(journal_path, OLD)
    conn = rawdb.connect(files[1], OLD)
    conn.execute(f"PRAGMA rekey = {rawdb.quote_key('a stranger key')}")
    conn.close()
    journal = Journal.open(journal_path, OLD, create=False)
    try:
        with pytest.raises(WrongPassphraseError):
            change_passphrase(journal, NEW)
        assert journal.notes.count() == 2  # reopened with the old passphrase
    finally:
        journal.close()


def test_a_second_rekey_waits_its_turn(journal_path: Path) -> None:
    import fcntl

    make_folder(journal_path, OLD)
    rekey.rekey(journal_path, OLD, NEW, step=None)
    fd = os.open(paths.rekey_lock(journal_path), os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        paths.rekey_marker(journal_path).write_text('{"state": "building", "files": []}')
        with pytest.raises(JournalOpenError, match="being changed right now"):
            Journal.open(journal_path, NEW, create=False)
    finally:
        os.close(fd)
    with Journal.open(journal_path, NEW, create=False) as journal:  # the marker is cleared
        assert journal.check() == []
    assert leftovers(journal_path) == []


# --- killed at every step -------------------------------------------------------------------------

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from cxjournal.store import rekey

    path, old, new, stop = sys.argv[1], sys.argv[2] or None, sys.argv[3] or None, sys.argv[4]

    def hook(name):
        if name == stop:
            os.kill(os.getpid(), signal.SIGKILL)

    rekey.rekey(Path(path), old, new, hook)
    """
)


def small_folder(journal_path: Path, passphrase: str | None) -> list[Path]:
    """A journal and one rolling backup (in the backups folder): every step, at less cost."""
    with Journal.open(journal_path, passphrase) as journal:
        fill(journal)
        rolling = backup.backup_now(journal.engine, journal_path, dt.datetime(2026, 1, 3, 9))
        journal.notes.add(Note(dt.date(2026, 1, 4), "written after the backup"))
    return [journal_path, rolling]


def kill_at(journal_path: Path, old: str | None, new: str | None, step: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(journal_path), old or "", new or "", step],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, (step, done.stderr)


def state_after_crash(journal_path: Path, files: list[Path], old: str | None, new: str | None,
                      before: dict[Path, rekey.Fingerprint]) -> str:  # fmt: skip
    """Which passphrase opens the journal once recovered; asserts the rest agrees."""
    assert opens_with(journal_path, old) or opens_with(journal_path, new)  # before recovery
    marker = paths.rekey_marker(journal_path)
    swapping = marker.exists() and '"swapping"' in marker.read_text()
    if swapping and old is not None:  # the recovery finishes the change: old no longer opens
        with pytest.raises(WrongPassphraseError, match="has now been finished"):
            Journal.open(journal_path, old, create=False)
    if swapping:
        given = new
    elif marker.exists():
        given = old
    else:
        given = new if opens_with(journal_path, new) else old
    with Journal.open(journal_path, given, create=False) as journal:
        assert journal.check() == [] and journal.notes.count() == 2
    # Journal.open ran the recovery: one passphrase opens the journal and every copy
    state = "new" if given == new else "old"
    now = given
    for f in files:
        assert contents(f, now) == before[f], f
        assert rawdb.is_plain_sqlite(f) is (now is None)
    assert leftovers(journal_path) == []
    return state


@pytest.mark.parametrize(("old", "new"), [(OLD, NEW), (None, NEW)])
def test_killed_at_any_step_the_journal_opens_and_loses_nothing(
    tmp_path: Path, old: str | None, new: str | None
) -> None:
    template = tmp_path / "template" / "journal.db"
    files = small_folder(template, old)
    before = {f.relative_to(template.parent): contents(f, old) for f in files}
    dry = tmp_path / "dry"
    shutil.copytree(template.parent, dry)
    steps: list[str] = []
    rekey.rekey(dry / "journal.db", old, new, steps.append)
    assert steps == ["checked", "marked-building", "created:0", "built:0", "verified:0",
                     "created:1", "built:1", "verified:1", "marked-swapping", "swapped:0",
                     "swapped:1", "done"]  # fmt: skip
    if old is None:  # every step is killed above; a few for a plain journal
        steps = ["built:1", "marked-swapping", "swapped:0"]
    outcomes: dict[str, str] = {}
    for number, step in enumerate(steps):
        run = tmp_path / f"run{number}"
        shutil.copytree(template.parent, run)
        journal_path = run / "journal.db"
        copies = [run / rel for rel in before]
        kill_at(journal_path, old, new, step)
        if step.startswith(("created", "built", "verified", "marked-", "swapped")):
            assert paths.rekey_marker(journal_path).exists()  # a recovery is due
        outcomes[step] = state_after_crash(
            journal_path, copies, old, new, {run / rel: fp for rel, fp in before.items()}
        )
    swapped = steps.index("marked-swapping")
    assert {outcomes[s] for s in steps[:swapped]} == {"old"}
    assert {outcomes[s] for s in steps[swapped:]} == {"new"}


def test_a_new_file_is_private_from_its_first_byte(tmp_path: Path) -> None:
    journal_path = tmp_path / "j" / "journal.db"
    small_folder(journal_path, OLD)
    os.umask(0o022)
    kill_at(journal_path, OLD, NEW, "created:0")
    temp = journal_path.with_name(f".{journal_path.name}{rekey.NEW_SUFFIX}")
    assert temp.exists() and stat.S_IMODE(temp.stat().st_mode) == 0o600


# --- the command line ---------------------------------------------------------------------------


def test_passphrase_set_and_remove_on_the_command_line(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    files = make_folder(journal_path, None)
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW + "\n", encoding="utf-8")
    db = ["--db", str(journal_path)]
    assert main([*db, "passphrase", "set", "--new-passphrase-file", str(new_file)]) == 0
    assert "and its 4 backups now open with the new passphrase" in capsys.readouterr().out
    assert all(opens_with(f, NEW) and not rawdb.is_plain_sqlite(f) for f in files)

    monkeypatch.setenv("CXJOURNAL_PASSPHRASE", NEW)
    monkeypatch.setenv("CXJOURNAL_NEW_PASSPHRASE", "password")
    assert main([*db, "passphrase", "set"]) == 0
    assert "very weak" in capsys.readouterr().err  # recommended against, not refused
    assert opens_with(journal_path, "password")

    monkeypatch.setenv("CXJOURNAL_PASSPHRASE", "password")
    assert main([*db, "passphrase", "remove"]) == 2
    assert "--yes" in capsys.readouterr().err and opens_with(journal_path, "password")
    assert main([*db, "passphrase", "remove", "--yes"]) == 0
    assert all(rawdb.is_plain_sqlite(f) for f in files)


def test_passphrase_set_refuses_bad_input(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    make_folder(journal_path, OLD)
    before = journal_path.read_bytes()
    db = ["--db", str(journal_path)]
    monkeypatch.setenv("CXJOURNAL_PASSPHRASE", OLD)
    monkeypatch.setenv("CXJOURNAL_NEW_PASSPHRASE", "short")
    assert main([*db, "passphrase", "set"]) == 2
    assert "at least 8 characters" in capsys.readouterr().err
    monkeypatch.setenv("CXJOURNAL_PASSPHRASE", "wrong passphrase")
    monkeypatch.setenv("CXJOURNAL_NEW_PASSPHRASE", NEW)
    assert main([*db, "passphrase", "set"]) == 1
    assert "does not open" in capsys.readouterr().err
    assert journal_path.read_bytes() == before
