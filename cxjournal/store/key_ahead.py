"""An encrypted journal's key, derived once per process and as early as the process can.

Most of a short command on an encrypted journal (and a good part of the app's
start-up) is one PBKDF2 derivation of its key. :func:`derive_ahead` starts it on
a thread of its own the moment the command line names the journal and its
passphrase, and the opening (``rawdb.connect_derived``) takes the key from it.
PBKDF2 runs without Python's lock, so the process loads the rest of itself
meanwhile. This module therefore imports next to nothing (no SQLCipher, no
SQLAlchemy, none of the journal): what runs before it starts delays the key.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from pathlib import Path

from cxjournal.domain.passphrase import normalise
from cxjournal.domain.passphrase import problem as passphrase_problem

#: SQLCipher 4's key derivation, which every journal is keyed with (PRAGMA kdf_iter etc.)
KDF_ALGORITHM = "sha512"
KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
SQLITE_HEADER = b"SQLite format 3\x00"
_RAW_KEY = re.compile(r"x'[0-9a-fA-F]{64}'")


def is_raw_key(key: str) -> bool:
    """True for SQLCipher's raw key syntax, ``x'`` and 64 hex digits and ``'``."""
    return _RAW_KEY.fullmatch(key) is not None


def salt_of(path: Path) -> bytes | None:
    """The salt in the first bytes of an encrypted file; None when it is too short or
    cannot be read."""
    try:
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def derived_key(path: Path, passphrase: str) -> str | None:
    """The raw key SQLCipher derives from ``passphrase`` for the file at ``path`` (PBKDF2
    with the salt in its first bytes), in the ``x'...'`` form ``PRAGMA key`` takes; None
    when the file is too short to hold a salt."""
    salt = salt_of(path)
    if salt is None:
        return None
    secret = passphrase.encode("utf-8")
    key = hashlib.pbkdf2_hmac(KDF_ALGORITHM, secret, salt, KDF_ITERATIONS, KEY_BYTES)
    return f"x'{key.hex()}'"


class _Derivation(threading.Thread):
    """:func:`derived_key` of one passphrase form, in the background."""

    def __init__(self, path: Path, salt: bytes, form: str) -> None:
        super().__init__(name="cxjournal key derivation", daemon=True)
        self.path, self.salt = path, salt
        self._form: str | None = form
        self.key: str | None = None

    def run(self) -> None:
        form, self._form = self._form, None
        if form is None:  # pragma: no cover - a thread runs once
            return
        key = derived_key(self.path, form)
        self.key = key if salt_of(self.path) == self.salt else None  # the file was replaced


#: the derivations :func:`derive_ahead` started, by file and passphrase form
_ahead: dict[tuple[str, str], _Derivation] = {}


def derive_ahead(path: Path, passphrase: str) -> Callable[[float], bool] | None:
    """Start deriving the key of ``passphrase`` (its NFC form, the one tried first) for the
    encrypted file at ``path`` on another thread; :func:`take` hands it to the opening, so
    the process still derives it once. Returns a function that waits for it up to the
    seconds given and says whether it is done, or None when there is nothing to derive (a
    plain, missing or short file, a raw key, a passphrase that cannot be keyed)."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return None
    salt = head[:SALT_BYTES]
    if head == SQLITE_HEADER or len(salt) < SALT_BYTES:
        return None
    if is_raw_key(passphrase) or passphrase_problem(passphrase):
        return None  # a raw key is used as it is; a refused one is refused on opening
    form = normalise(passphrase)
    slot = (str(path.absolute()), form)
    derivation = _ahead.get(slot)
    if derivation is None:
        derivation = _ahead[slot] = _Derivation(path, salt, form)
        derivation.start()

    def done(timeout: float) -> bool:
        derivation.join(timeout)
        return not derivation.is_alive()

    return done


def take(path: Path, form: str) -> str | None:
    """The key of ``form`` for ``path``: the one :func:`derive_ahead` derived when it is for
    this very file (same salt), waiting for it to finish, else derived now."""
    derivation = _ahead.pop((str(path.absolute()), form), None)
    if derivation is not None:
        derivation.join()
        if derivation.key is not None and derivation.salt == salt_of(path):
            return derivation.key
    return derived_key(path, form)
