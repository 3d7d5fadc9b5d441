"""An app session on an encrypted journal derives the key exactly once, when it opens.

The window, every page, the warm-up's background handles and the quit backup all
connect with the raw key derived at the opening: SQLCipher derives nothing. Each
session runs in its own process, as a user starts it.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cxjournal.store.backup import list_backups
from tests.key_derivations import ROOT, child_env, command, read_log, run_counted

SECRET = "one derivation, please"
HANG_GUARD_S = 120


@pytest.fixture
def encrypted(journal_path: Path, build_demo_journal: Callable[..., Path]) -> Path:
    return build_demo_journal(journal_path, years=1, seed=5, passphrase=SECRET)


def test_visiting_every_page_derives_the_key_once(encrypted: Path, tmp_path: Path) -> None:
    result, seen = run_counted(
        ["--db", str(encrypted), "gui", "--visit-pages"], tmp_path / "keys.log", SECRET
    )

    assert result.returncode == 0, result.stderr
    assert ": 0 error(s)" in result.stdout
    assert (seen.derived, seen.ahead, seen.by_sqlcipher) == (1, 1, 0)
    assert seen.raw_keyed >= 2  # the start-up connection and the engine's


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_a_session_to_its_quit_backup_derives_the_key_once(encrypted: Path, tmp_path: Path) -> None:
    log = tmp_path / "keys.log"
    ready = tmp_path / "painted"
    os.mkfifo(ready)  # the app writes a line into it after its first paint
    ready_fd = os.open(ready, os.O_RDWR | os.O_NONBLOCK)  # read-write: opening never blocks
    extra = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    args = ["--db", str(encrypted), "gui", "--ready-file", str(ready)]
    app = subprocess.Popen(
        command(args),
        cwd=ROOT,
        env=child_env(log, SECRET, extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert app.stdout is not None
        awake, _, _ = select.select([ready_fd, app.stdout], [], [], HANG_GUARD_S)
        assert ready_fd in awake, app.communicate()
        assert os.read(ready_fd, 64) == b"painted\n"
        app.send_signal(signal.SIGTERM)  # as at logout: closes as Quit does
        _out, err = app.communicate(timeout=HANG_GUARD_S)
    finally:
        os.close(ready_fd)
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err.decode()
    assert len(list_backups(encrypted)) == 1  # the quit backup, through the engine
    seen = read_log(log)
    assert (seen.derived, seen.ahead, seen.by_sqlcipher) == (1, 1, 0)
    assert seen.raw_keyed >= 2
