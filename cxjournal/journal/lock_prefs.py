"""When the app locks the journal: a journal setting (so it is encrypted with the journal)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

SETTING_KEY = "lock"
#: idle minutes before an encrypted journal locks, unless the user chose otherwise
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class LockPreferences:
    #: lock after this many minutes without input; 0: never
    idle_minutes: int
    #: lock when the desktop session locks or the computer goes to sleep
    on_session_lock: bool

    @classmethod
    def default(cls, encrypted: bool) -> LockPreferences:
        """10 minutes and on the session's lock for an encrypted journal; off for a plain one."""
        return cls(DEFAULT_IDLE_MINUTES if encrypted else 0, encrypted)

    @classmethod
    def from_setting(cls, value: Any, encrypted: bool) -> LockPreferences:
        default = cls.default(encrypted)
        if not isinstance(value, Mapping):
            return default
        minutes = value.get("idle_minutes")
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            minutes = default.idle_minutes
        minutes = min(max(minutes, 0), MAX_IDLE_MINUTES)
        session = value.get("on_session_lock")
        return cls(minutes, session if isinstance(session, bool) else default.on_session_lock)

    def as_setting(self) -> dict[str, Any]:
        return {"idle_minutes": self.idle_minutes, "on_session_lock": self.on_session_lock}


def lock_preferences(journal: Journal) -> LockPreferences:
    return LockPreferences.from_setting(journal.settings.get(SETTING_KEY), journal.encrypted)


def set_lock_preferences(journal: Journal, prefs: LockPreferences) -> None:
    if not 0 <= prefs.idle_minutes <= MAX_IDLE_MINUTES:
        from cxjournal.domain.errors import ValidationError

        raise ValidationError([f"idle minutes must be 0 to {MAX_IDLE_MINUTES}"])
    journal.settings.set(SETTING_KEY, prefs.as_setting())
