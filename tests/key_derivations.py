"""Counting key derivations in a whole ``cxjournal`` process, for the encryption tests.

An encrypted journal's key costs one PBKDF2 derivation (256,000 rounds of
HMAC-SHA512): done in Python by ``key_ahead.derived_key``, or by SQLCipher itself
when a passphrase rather than a raw key (``x'...'``) reaches ``PRAGMA key``.
:func:`run_counted` runs ``python -m cxjournal ARGS`` with both spied on
(``rawdb.apply_key`` is the one place a key reaches SQLCipher) and says what
happened. The log holds the kind of each event, never a key or a passphrase.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: what loads slowly: none of it is needed to start the derivation, all of it is loaded
#: while the derivation runs (SQLCipher, the journal, SQLAlchemy, Qt, the charts)
HEAVY = ("sqlcipher3", "cxjournal.store.rawdb", "cxjournal.journal", "sqlalchemy", "PySide6")

#: what runs in the child before ``cxjournal.cli.main``: the spies, writing one line per
#: event. ``rawdb`` is spied on as it is imported, not imported here: the log also says
#: which of ``HEAVY`` the process had loaded when it started the derivation.
PRELUDE = f"""\
import importlib.abc, importlib.util, os, sys, threading
from cxjournal.store import key_ahead
_log = open(os.environ["CXJOURNAL_TEST_KEY_LOG"], "a", buffering=1, encoding="utf-8")
_derive, _ahead = key_ahead.derived_key, key_ahead.derive_ahead
def _derived_key(path, passphrase):
    ahead = threading.current_thread() is not threading.main_thread()
    _log.write("derive ahead\\n" if ahead else "derive\\n")
    return _derive(path, passphrase)
def _derive_ahead(path, passphrase):
    loaded = [name for name in {HEAVY!r} if name in sys.modules]
    _log.write(f"started with {{' '.join(loaded) or 'none'}} loaded\\n")
    return _ahead(path, passphrase)
key_ahead.derived_key, key_ahead.derive_ahead = _derived_key, _derive_ahead
def _spy_on(rawdb):
    apply = rawdb.apply_key
    def _apply_key(conn, key):
        _log.write("raw key\\n" if rawdb.is_raw_key(key) else "passphrase key\\n")
        return apply(conn, key)
    rawdb.apply_key = _apply_key
class _WhenImported(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "cxjournal.store.rawdb":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            _spy_on(module)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _WhenImported())
"""


@dataclass(frozen=True)
class Derivations:
    """What one process did with the key."""

    #: derivations in Python (``key_ahead.derived_key``)
    derived: int
    #: of which on another thread, begun as the command started (``key_ahead.derive_ahead``)
    ahead: int
    #: connections keyed with a passphrase: SQLCipher derives the key for each
    by_sqlcipher: int
    #: connections keyed with the raw key: nothing derived
    raw_keyed: int
    #: for each derivation begun ahead, which of ``HEAVY`` were loaded when it began
    loaded_at_start: tuple[tuple[str, ...], ...] = ()

    @property
    def total(self) -> int:
        return self.derived + self.by_sqlcipher


def command(args: list[str]) -> list[str]:
    """The child's command line: ``python -c`` with the spies, then ``cxjournal ARGS``."""
    code = f"{PRELUDE}import sys\nfrom cxjournal.cli import main\nsys.exit(main({args!r}))\n"
    return [sys.executable, "-c", code]


def child_env(
    log: Path, passphrase: str | None, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env["CXJOURNAL_TEST_KEY_LOG"] = str(log)
    env.pop("CXJOURNAL_PASSPHRASE", None)
    if passphrase is not None:
        env["CXJOURNAL_PASSPHRASE"] = passphrase
    env.update(extra or {})
    return env


def read_log(log: Path) -> Derivations:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    ahead = lines.count("derive ahead")
    derived = lines.count("derive") + ahead
    starts = tuple(
        tuple(n for n in line.split()[2:-1] if n != "none")
        for line in lines
        if line.startswith("started with ")
    )
    return Derivations(
        derived, ahead, lines.count("passphrase key"), lines.count("raw key"), starts
    )


def run_counted(
    args: list[str], log: Path, passphrase: str | None, extra_env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], Derivations]:
    """Run ``cxjournal ARGS`` in its own process; its result and what it derived."""
    log.unlink(missing_ok=True)
    result = subprocess.run(
        command(args),
        cwd=ROOT,
        env=child_env(log, passphrase, extra_env),
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    return result, read_log(log)
