"""Idle time, from the app's own input events, against an injected clock.

While a timeout is set, an application-wide event filter notes the time of every
key press, click, wheel turn, mouse move and touch; :meth:`IdleMonitor.check` (run
by a timer in the app, called directly by tests) emits ``idle`` once when the idle
time reaches the timeout. Time comes from the clock passed in, never waited for.

Without a timeout (a plain journal's default) no filter is installed: every event
of the app, a chart's layout and paint events included, would otherwise pass
through Python on its way (about a fifth of the window thread's time while the
hidden pages are built).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from cxjournal.qt.core import QCoreApplication, QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
CHECK_EVERY_MS = 5000


class IdleMonitor(QObject):
    """Emits ``idle`` once when no input came for ``timeout`` seconds (None: never)."""

    idle = Signal()

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        run_timer: bool = True,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout: float | None = None
        self._last = clock()
        self._fired = False
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._run_timer = run_timer
        self._filtering = False

    @property
    def timeout(self) -> float | None:
        return self._timeout

    def set_timeout(self, seconds: float | None) -> None:
        self._timeout = seconds if seconds and seconds > 0 else None
        self.reset()
        self._filter(self._timeout is not None)
        if self._timeout is not None and self._run_timer:
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def watching(self) -> bool:
        """Whether the app's input events are being watched (only while a timeout is set)."""
        return self._filtering

    def _filter(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def idle_for(self) -> float:
        return max(0.0, self._clock() - self._last)

    def reset(self) -> None:
        self._last = self._clock()
        self._fired = False

    def pause(self) -> None:
        """While locked: no idle signal (the lock is already on)."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False
        self.reset()

    def check(self) -> bool:
        """Emit ``idle`` if the timeout has been reached; True when it fired now."""
        if self._paused or self._fired or self._timeout is None:
            return False
        if self.idle_for() >= self._timeout:
            self._fired = True
            self.idle.emit()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last = self._clock()
            self._fired = False
        return False

    def stop(self) -> None:
        self._timer.stop()
        self._filter(False)
