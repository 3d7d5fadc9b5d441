"""Garbage collection only between events, in the GUI thread.

Python's automatic collector runs whenever enough objects were allocated, which
can be in the middle of a chart's paint: collecting a cycle there may destroy a
Qt object (a plot item, a scene) that the paint in progress still uses, and the
process dies of a segmentation fault. So the automatic collector is turned off
and the same generational thresholds are checked from a timer of the event loop,
where nothing is being painted. Reference counting still frees everything that
is not in a cycle at once.
"""

from __future__ import annotations

import gc

from cxjournal.qt.core import QObject, QTimer

#: How often the thresholds are looked at; a collection of generation 0 takes
#: well under a millisecond.
CHECK_INTERVAL_MS = 500


def collect_due(thresholds: tuple[int, int, int]) -> int:
    """Collect the generations whose counts passed their thresholds; the objects freed."""
    count0, count1, count2 = gc.get_count()
    freed = 0
    if count0 > thresholds[0]:
        freed += gc.collect(0)
        if count1 > thresholds[1]:
            freed += gc.collect(1)
            if count2 > thresholds[2]:
                freed += gc.collect(2)
    return freed


def collect_between_events(parent: QObject) -> QTimer:
    """Turn the automatic collector off and collect from ``parent``'s event loop instead."""
    thresholds = gc.get_threshold()
    gc.disable()
    timer = QTimer(parent)
    timer.setInterval(CHECK_INTERVAL_MS)
    timer.timeout.connect(lambda: collect_due(thresholds))
    timer.start()
    return timer
