"""The desktop says the session locks or the machine suspends: on Linux, D-Bus signals.

Watched (with QtDBus): on the system bus, logind's ``org.freedesktop.login1.Session``
``Lock`` of this session (from ``$XDG_SESSION_ID``; any session when unknown)
and ``org.freedesktop.login1.Manager`` ``PrepareForSleep(true)``; on the
session bus, ``ActiveChanged(true)`` of ``org.freedesktop.ScreenSaver`` and
``org.gnome.ScreenSaver``. Each emits ``lock_requested``. Elsewhere, or
without a bus, nothing is watched and nothing fails. Only signals are
received: the app calls nothing and sends nothing on either bus.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from cxjournal.qt.core import QObject, Signal, Slot

if TYPE_CHECKING:
    from cxjournal.qt.dbus import QDBusConnection, QDBusMessage

LOGIN1_SESSION = "org.freedesktop.login1.Session"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
SCREENSAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


def session_object_path(session_id: str) -> str:
    """logind's object path of a session id (its bus-label escaping: ``"2"`` -> ``_32``)."""
    label = ""
    for index, char in enumerate(session_id):
        if char.isascii() and (char.isalpha() or (char.isdigit() and index > 0)):
            label += char
        else:
            label += "_" + "".join(f"{byte:02x}" for byte in char.encode("utf-8"))
    return f"/org/freedesktop/login1/session/{label}"


class SessionLockWatcher(QObject):
    """Emits ``lock_requested(reason)`` when the session locks or the machine goes to sleep."""

    lock_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watching: list[str] = []
        self._own_session: str | None = None

    def start(
        self,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        session_id: str | None = None,
    ) -> list[str]:
        """Connect to the signals; the buses default to the user's session and system bus.

        Returns what is watched (empty where the platform offers none).
        """
        if not sys.platform.startswith("linux") and session_bus is None:
            return []
        try:
            from cxjournal.qt.dbus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus: nothing to watch
            return []
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        sid = session_id if session_id is not None else os.environ.get("XDG_SESSION_ID", "")
        self._own_session = session_object_path(sid) if sid else None
        wanted = [
            (system, LOGIN1_SESSION, "Lock", "1on_session_lock(QDBusMessage)"),
            (system, LOGIN1_MANAGER, "PrepareForSleep", "1on_prepare_for_sleep(bool)"),
            *((session, name, "ActiveChanged", "1on_screensaver(bool)") for name in SCREENSAVERS),
        ]
        for bus, interface, member, slot in wanted:
            if not bus.isConnected():
                continue
            # PySide6 takes the slot's signature as a str, where its stubs expect bytes
            if bus.connect("", "", interface, member, self, slot):  # type: ignore[call-overload]
                self.watching.append(f"{interface}.{member}")
        return list(self.watching)

    @Slot("QDBusMessage")
    def on_session_lock(self, message: QDBusMessage) -> None:
        path = message.path()
        if self._own_session is None or path == self._own_session:
            self.lock_requested.emit("the session was locked")

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit("the computer is going to sleep")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit("the screen was locked")
