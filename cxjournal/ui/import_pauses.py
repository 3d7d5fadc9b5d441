"""While the window switches pages, the warm-up thread's imports wait their turn.

Right after the first paint a background thread imports SQLAlchemy and pyqtgraph
(``ui/warm_up.py``). Python runs one thread's code at a time, so a page clicked
meanwhile was built at about half speed. A page switch marks the window busy until
the event loop next runs its timers (the page built, filled and painted); before
each module it loads, the warm-up thread waits while the window is busy.

It waits at most :data:`PAUSE_S` per page switch, and not at all while the window's
thread is itself waiting for a module the warm-up thread is half-way through
loading (that page needs the thread to finish it). While it waits it lets go of the
import system's global lock (held while finders are asked), so the window's thread
can import meanwhile.
"""

from __future__ import annotations

import _imp
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import ModuleType

#: the longest the warm-up thread waits for one page switch, in seconds
PAUSE_S = 0.25
#: how often a waiting thread looks again, in seconds
_SLICE_S = 0.005

_idle = threading.Event()
_idle.set()
_switches = [0]


def busy() -> None:
    """The window's thread starts switching pages (call :func:`idle` once it is done)."""
    _switches[0] += 1
    _idle.clear()


def idle(switch: int | None = None) -> None:
    """The window's thread is done with the page switch (with ``switch``, only if no later
    switch began since :func:`current_switch` said it: that one ends at its own paint)."""
    if switch is None or switch == _switches[0]:
        _idle.set()


def current_switch() -> int:
    """Which page switch is the latest (for :func:`idle`)."""
    return _switches[0]


def switching() -> bool:
    """True while a page switch (or a step :func:`holding` the imports) is under way."""
    return not _idle.is_set()


@contextmanager
def holding() -> Iterator[None]:
    """The window's thread runs a step of its own (a chart drawn in turns): busy while it
    runs, unless a page switch already is (which stays busy until its paint)."""
    if not _idle.is_set():
        yield
        return
    busy()
    try:
        yield
    finally:
        idle()


def _waiting_for_a_module(thread_id: int | None) -> bool:
    """True while ``thread_id`` waits for a module another thread is loading."""
    bootstrap = sys.modules.get("importlib._bootstrap")
    blocked = getattr(bootstrap, "_blocking_on", None)
    return thread_id is not None and isinstance(blocked, dict) and thread_id in blocked


class GiveWay:
    """A finder that finds nothing: on ``thread_id``'s imports it waits while the window is
    busy switching pages (on the window's thread ``window_thread_id``)."""

    def __init__(
        self,
        thread_id: int,
        window_thread_id: int | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.thread_id = thread_id
        self.window_thread_id = window_thread_id
        self.clock = clock
        #: how many times it waited (each for one page switch at most)
        self.waits = 0
        self._waited_for = -1

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if threading.get_ident() == self.thread_id and not _idle.is_set():
            # the import system asks each finder holding its global lock: it goes while this
            # waits, or the window's thread, importing anything new, would wait for it
            released = _release_import_lock()
            try:
                self.wait()
            finally:
                if released:
                    _imp.acquire_lock()
        return None

    def wait(self) -> None:
        switch = _switches[0]
        if switch == self._waited_for:
            return  # waited its most for this switch already
        self._waited_for = switch
        self.waits += 1
        until = self.clock() + PAUSE_S
        while not _idle.is_set() and self.clock() < until:
            if _waiting_for_a_module(self.window_thread_id):
                return
            _idle.wait(_SLICE_S)


def _release_import_lock() -> bool:
    """Let go of the import system's global lock if this thread holds it; True if it did."""
    try:
        _imp.release_lock()
    except RuntimeError:  # not held by this thread
        return False
    return True


@contextmanager
def giving_way(window_thread_id: int | None) -> Iterator[GiveWay]:
    """While the block runs, this thread's imports give way to page switches."""
    finder = GiveWay(threading.get_ident(), window_thread_id)
    sys.meta_path.insert(0, finder)
    try:
        yield finder
    finally:
        sys.meta_path.remove(finder)
