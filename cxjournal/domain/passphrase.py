"""Passphrases as text: one normal form, the forms older journals may use, and what is refused.

A passphrase is keyed in Unicode NFC, so "café" typed on macOS (which may
send the decomposed NFD form) opens a journal made on Linux. Journals made
before this rule were keyed with the passphrase exactly as typed; opening tries
the forms in :func:`key_forms` order, so those keep opening.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

#: the shortest passphrase the app accepts when one is chosen
MIN_PASSPHRASE = 8


def normalise(passphrase: str) -> str:
    """The form a passphrase is keyed in from now on (Unicode NFC)."""
    return unicodedata.normalize("NFC", passphrase)


def key_forms(passphrase: str) -> list[str]:
    """The keys to try, in order: NFC first, then as typed, then NFD (each once)."""
    forms: list[str] = []
    for form in (normalise(passphrase), passphrase, unicodedata.normalize("NFD", passphrase)):
        if form not in forms:
            forms.append(form)
    return forms


def problem(passphrase: str) -> str | None:
    """Why a passphrase cannot be used at all, or None (NUL cannot be keyed)."""
    if "\x00" in passphrase:
        return "the passphrase holds a NUL character, which cannot be part of a passphrase"
    return None


def from_file_bytes(data: bytes, source: str) -> str:
    """The passphrase held by a passphrase file's bytes (trailing line ends dropped).

    Raises ``ValueError`` with a clear message for a file that is not UTF-8
    text, holds a NUL, or is empty.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"the passphrase file {source} is not UTF-8 text (byte {exc.start + 1} "
            "cannot be read): save it as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff").rstrip("\r\n")
    found = problem(text)
    if found is not None:
        raise ValueError(f"{found} (in {source})")
    if not text:
        raise ValueError(f"the passphrase file {source} is empty")
    return text


#: a word for each zxcvbn score, 0 (guessed at once) to 4 (very hard to guess)
STRENGTH_LABELS: tuple[str, ...] = ("very weak", "weak", "fair", "strong", "very strong")
#: the score the app recommends at least (it recommends; the user decides)
RECOMMENDED_SCORE = 3


class Strength(NamedTuple):
    """How hard a passphrase is to guess, and what would make it harder (a named tuple,
    not a dataclass: this module is loaded before an encrypted journal's key derivation
    starts, and the dataclasses module alone would delay it by several milliseconds)."""

    score: int
    label: str
    advice: str
    #: how long an offline attacker with a slow hash would need, in words ("3 years")
    crack_time: str

    @property
    def recommended(self) -> bool:
        return self.score >= RECOMMENDED_SCORE


def strength(passphrase: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    """zxcvbn's estimate (at most the first 100 characters are looked at, so it stays fast)."""
    from zxcvbn import zxcvbn

    result = zxcvbn(normalise(passphrase)[:100], user_inputs=list(user_inputs))
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    parts = [str(feedback.get("warning") or ""), *map(str, feedback.get("suggestions") or [])]
    advice = " ".join(p for p in parts if p)
    if not advice and score < RECOMMENDED_SCORE:
        advice = "Add another word or two; uncommon words are better."
    crack = str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"])
    return Strength(score, STRENGTH_LABELS[score], advice, crack)
