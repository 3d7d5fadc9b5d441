"""Reminders reach the user through the operating system's notifications.

``desktop-notifier`` speaks to the desktop's notification service: D-Bus
``org.freedesktop.Notifications`` on Linux, Notification Center on macOS (from the
app bundle), toasts on Windows. It is asynchronous (asyncio), so it runs on an
event loop of its own in one daemon thread, started with the first notification;
what the user does with a notification comes back to the GUI thread as the
``activated`` signal, with the reminder's key. Where no service takes the
notification (none running, a platform the library cannot serve) the tray
icon's message is the fallback, and its click activates the same way.

A notification carries what :mod:`cxjournal.domain.reminders` wrote (a name, a
time, a count) and nothing else of the journal; nothing of it is logged.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from cxjournal.domain.reminders import ONE_ON_ONE, Reminder
from cxjournal.qt.core import QObject, Signal

log = logging.getLogger(__name__)

APP_NAME = "cxjournal"
APP_ICON = "io.github.cxjournal"
#: the button of a 1:1 reminder; the other reminders open their page when clicked
PREPARE_BUTTON = "Prepare"
#: how long delivery may take before the fallback is used (a hang guard, not a wait)
DELIVERY_GUARD_S = 10.0


class _Loop:
    """An asyncio loop on a daemon thread, for the notifier library."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="notifications", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def submit(self, coro: Any) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=DELIVERY_GUARD_S)


class Notifier(QObject):
    """Delivers reminders; ``activated(key)`` when the user clicks one or its button."""

    activated = Signal(str)
    #: a reminder was delivered: its key and how ("desktop" or "tray")
    delivered = Signal(str, str)
    _failed = Signal(object)

    def __init__(
        self,
        tray_message: Callable[[Reminder], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray_message = tray_message
        self._loop: _Loop | None = None
        self._library: Any = None
        self._usable: bool | None = None
        self._failed.connect(self._fall_back)

    # -- the library ---------------------------------------------------------------------

    def _notifier(self) -> Any:
        if self._usable is None:
            try:
                from desktop_notifier import DesktopNotifier, Icon
                from desktop_notifier.main import get_backend_class

                backend = get_backend_class()
                self._usable = backend.__name__ != "DummyNotificationCenter"
                if self._usable:
                    self._library = DesktopNotifier(APP_NAME, Icon(name=APP_ICON))
            except Exception:  # not installed for this platform, or no backend at all
                log.info("desktop notifications are not available here; using the tray")
                self._usable = False
        return self._library if self._usable else None

    # -- delivering ----------------------------------------------------------------------

    def notify(self, reminder: Reminder) -> None:
        """Show ``reminder`` (from the GUI thread); returns at once."""
        library = self._notifier()
        if library is None:
            self._fall_back(reminder)
            return
        if self._loop is None:
            self._loop = _Loop()
        future = self._loop.submit(self._send(library, reminder))
        future.add_done_callback(lambda done: self._sent(done, reminder))

    async def _send(self, library: Any, reminder: Reminder) -> bool:
        from desktop_notifier import Button, Urgency

        dispatched: list[bool] = []
        key = reminder.key

        def clicked() -> None:
            self.activated.emit(key)  # from the loop's thread: queued to the GUI thread

        buttons = [Button(title=PREPARE_BUTTON, on_pressed=clicked)] if _prepares(reminder) else []
        await asyncio.wait_for(
            library.send(
                title=reminder.summary,
                message=reminder.body,
                urgency=Urgency.Normal,
                buttons=buttons,
                on_clicked=clicked,
                on_dispatched=lambda: dispatched.append(True),
            ),
            DELIVERY_GUARD_S,
        )
        return bool(dispatched)

    def _sent(self, done: Future[Any], reminder: Reminder) -> None:
        try:
            ok = bool(done.result())
        except Exception as exc:
            log.info("a desktop notification failed (%s); using the tray", type(exc).__name__)
            ok = False
        if ok:
            self.delivered.emit(reminder.key, "desktop")
        else:
            self._failed.emit(reminder)

    def _fall_back(self, reminder: Reminder) -> None:
        if self._tray_message is not None and self._tray_message(reminder):
            self.delivered.emit(reminder.key, "tray")
        else:
            log.info("a reminder could not be shown: no notification service and no tray")

    def close(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None


def _prepares(reminder: Reminder) -> bool:
    return reminder.kind == ONE_ON_ONE and reminder.person_id is not None
