"""Garbage collection only between events, in the GUI thread.

Python's automatic collector runs whenever enough objects were allocated, which
can be in the middle of a chart's paint: collecting a cycle there may destroy a
Qt object (a plot item, a scene) that the paint in progress still uses, and the
process dies of a segmentation fault. So the automatic collector is turned off
and the same generational thresholds are checked from a timer of the event loop,
where nothing is being painted. Reference counting still frees everything that
is not in a cycle at once.

What the warm-up makes after the first paint (the modules it imports, the hidden
pages it builds) lives as long as the app: a collection that looks through it
finds nothing to free, and through every module of SQLAlchemy, numpy and
pyqtgraph it took the GUI thread 80 ms and more. So while that is made the check
collects nothing, and afterwards it is set aside for good (``gc.freeze``): later
collections look only at what was made since (:func:`lasting`, :func:`set_aside`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cxjournal.qt.core import QObject, QTimer

#: How often the thresholds are looked at; a collection of generation 0 takes
#: well under a millisecond.
CHECK_INTERVAL_MS = 500

#: how many :func:`lasting` blocks are under way (on any thread): while any is, the
#: check collects nothing
_lasting = [0]
_lock = threading.Lock()


def collect_due(thresholds: tuple[int, int, int]) -> int:
    """Collect the generations whose counts passed their thresholds; the objects freed.
    Nothing while a :func:`lasting` block is under way."""
    if _lasting[0]:
        return 0
    count0, count1, count2 = gc.get_count()
    freed = 0
    if count0 > thresholds[0]:
        freed += gc.collect(0)
        if count1 > thresholds[1]:
            freed += gc.collect(1)
            if count2 > thresholds[2]:
                freed += gc.collect(2)
    return freed


@contextmanager
def lasting() -> Iterator[None]:
    """Around making what lives as long as the app: no collection by :func:`collect_due`
    meanwhile, and every object alive at the end is left out of later collections
    (the little garbage made meanwhile with them; it is never freed)."""
    with _lock:
        _lasting[0] += 1
    try:
        yield
    finally:
        with _lock:
            _lasting[0] -= 1
        set_aside()


def set_aside() -> None:
    """Leave every object alive now out of later collections (``gc.freeze``: it takes no
    time), for what was just made to live as long as the app (the hidden pages)."""
    gc.freeze()


def collect_between_events(parent: QObject) -> QTimer:
    """Turn the automatic collector off and collect from ``parent``'s event loop instead."""
    thresholds = gc.get_threshold()
    gc.disable()
    timer = QTimer(parent)
    timer.setInterval(CHECK_INTERVAL_MS)
    timer.timeout.connect(lambda: collect_due(thresholds))
    timer.start()
    return timer
