"""The program's view of a day, worked out once for Today's program card and the Program page.

``journal.program.view(day)`` weighs the program's risks over every note (about
a second of CPU on a journal of 100,000 notes), so the window never waits for it:
:meth:`ProgramViews.ask` works it out on a worker thread and hands it over on the
GUI thread, and both pages share the one result until the journal changes in an
area the view reads. A result worked out before such a change is dropped, never
shown or kept: whoever asked asks again when they redraw.

Installed as a main-window extension (``ui/pages.py``), so it hears of every change
before any page does.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from cxjournal.journal.changes import Area
from cxjournal.qt.core import QObject
from cxjournal.ui.services import Services
from cxjournal.ui.workers import read_in_background

if TYPE_CHECKING:
    from cxjournal.domain.program_view import ProgramView

log = logging.getLogger(__name__)

#: what the program's view reads: the program, its people, their notes, the thresholds
READS = Area.PROGRAM | Area.PEOPLE | Area.NOTES | Area.SETTINGS

Ready = Callable[["ProgramView"], None]
Failed = Callable[[BaseException], None]


#: the longest a page shown waits for the view being worked out before working it out itself
UNDER_WAY_WAIT_S = 60.0


class _UnderWay:
    """The view being worked out on a worker thread: set, then ``ended``, by that thread."""

    def __init__(self, generation: int, day: dt.date) -> None:
        self.key = (generation, day)
        self.view: ProgramView | None = None
        self.ended = threading.Event()


class ProgramViews(QObject):
    def __init__(self, services: Services) -> None:
        super().__init__(services.window)
        self.journal = services.journal
        #: counts the changes to what the view reads; a result of an older one is dropped
        self.generation = 0
        self._kept: tuple[int, dt.date, ProgramView] | None = None
        self._waiting: dict[dt.date, list[tuple[Ready, Failed]]] = {}
        self._under_way: _UnderWay | None = None
        #: how many views were asked to be worked out, for tests and the benchmark
        self.worked_out = 0
        services.bus.changed.connect(self._changed)

    def _changed(self, changes: Area) -> None:
        if changes & READS:
            self.generation += 1
            self._kept = None
            self._waiting.clear()  # what they wait for is out of date; they ask again

    def kept(self, day: dt.date) -> ProgramView | None:
        """The view of ``day`` if it was worked out since the last change, else None."""
        if self._kept is not None and self._kept[:2] == (self.generation, day):
            return self._kept[2]
        return None

    def ask(self, day: dt.date, ready: Ready, failed: Failed) -> None:
        """``ready(view)`` on the GUI thread: at once when kept, else once it is worked out
        off the GUI thread (never if the journal changes meanwhile); ``failed(exc)`` when
        it cannot be."""
        view = self.kept(day)
        if view is not None:
            ready(view)
            return
        waiting = self._waiting.get(day)
        if waiting is not None:  # already being worked out
            waiting.append((ready, failed))
            return
        self._waiting[day] = [(ready, failed)]
        generation = self.generation
        self.worked_out += 1
        under_way = _UnderWay(generation, day)
        self._under_way = under_way

        def work() -> ProgramView:
            try:
                under_way.view = self._work_out(day)
                return under_way.view
            finally:
                under_way.ended.set()

        read_in_background(
            self,
            work,
            lambda view: self._ready(generation, day, view),
            lambda exc: self._failed(generation, day, exc),
        )

    def under_way(self, day: dt.date) -> bool:
        """True while the view of ``day`` is being worked out off the GUI thread (and is
        still current): :meth:`now` would wait for it."""
        under_way = self._under_way
        return (
            under_way is not None
            and under_way.key == (self.generation, day)
            and not under_way.ended.is_set()
        )

    def now(self, day: dt.date) -> ProgramView:
        """The view of ``day`` on this thread (for a page the user is looking at): the kept
        one, or worked out here and kept."""
        view = self.kept(day)
        under_way = self._under_way
        if view is None and under_way is not None and under_way.key == (self.generation, day):
            # being worked out already (for Today): its end is waited for, not done twice
            under_way.ended.wait(UNDER_WAY_WAIT_S)
            view = under_way.view
            if view is not None:
                self._kept = (self.generation, day, view)
        if view is None:
            self.worked_out += 1
            view = self._work_out(day)
            self._kept = (self.generation, day, view)
        return view

    def _work_out(self, day: dt.date) -> ProgramView:
        return self.journal.program.view(day)

    def _ready(self, generation: int, day: dt.date, view: ProgramView) -> None:
        if generation != self.generation:
            return  # the journal changed while it was worked out
        self._kept = (generation, day, view)
        for ready, _failed in self._waiting.pop(day, []):
            ready(view)

    def _failed(self, generation: int, day: dt.date, exc: BaseException) -> None:
        log.warning("could not work out the program's risks: %s", type(exc).__name__)
        if generation != self.generation:
            return
        for _ready, failed in self._waiting.pop(day, []):
            failed(exc)


def install(services: Services) -> None:
    services.extensions.program_views = ProgramViews(services)


def program_views(services: Services) -> ProgramViews:
    """The window's shared :class:`ProgramViews` (made here if the window has none)."""
    views = services.extensions.program_views
    if views is None:
        views = ProgramViews(services)
        services.extensions.program_views = views
    return views
