"""After the first paint, load in the background what later pages need.

Start-up imports neither SQLAlchemy nor pyqtgraph (together about a second on a
modest laptop). Once the window is on screen, a background thread imports them,
so that the first visit to any page is quick; the window stays responsive while
it runs (measured: no gap over ~35 ms between 10 ms timer ticks). Then the
heavy pages are built, hidden, in the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxjournal.qt.core import QObject, QSize
    from cxjournal.qt.widgets import QTabWidget, QWidget
    from cxjournal.ui.main_window import MainWindow

#: In the order a user is likely to need them.
MODULES: tuple[str, ...] = (
    "sqlalchemy.orm",
    "cxjournal.store.models",
    "cxjournal.store.engine",
    "cxjournal.journal.people",
    "cxjournal.journal.notes",
    "cxjournal.journal.audits",
    "cxjournal.journal.resilience",
    "cxjournal.journal.exit_plan",
    "cxjournal.journal.settings",
    "cxjournal.journal.search",
    "cxjournal.journal.trends",
    "cxjournal.journal.program",
    "cxjournal.journal.calendar",
    "cxjournal.journal.trash",
    "cxjournal.qt.graphs",  # pyqtgraph, without making every Qt class at once
    # the charts' own modules (the influence chart's takes ~80 ms more of pyqtgraph's)
    "cxjournal.ui.charts.influence_chart",
    "cxjournal.ui.charts.person_trend_chart",
    "cxjournal.ui.charts.power_interest_chart",
)

log = logging.getLogger(__name__)


def _import_all(modules: tuple[str, ...], window_thread_id: int | None = None) -> None:
    from cxjournal.ui.gc_policy import lasting
    from cxjournal.ui.import_pauses import giving_way

    # modules live as long as the app: no collection looks at them; and a page switch on
    # the window's thread goes first
    pending = list(modules)
    with lasting(), giving_way(window_thread_id):
        while pending:
            name = _next(pending)
            try:
                importlib.import_module(name)
            except Exception:  # a page imports it again when needed, and reports then
                log.debug("warm-up could not import %s", name, exc_info=True)


#: modules a page on show waits for (:func:`want`): imported before the rest
_WANTED: list[str] = []


def want(modules: tuple[str, ...]) -> None:
    """A page on show waits for ``modules``: the import thread loads them next (after the
    module it is loading), then the rest."""
    _WANTED.extend(module for module in modules if module not in _WANTED)


def _next(pending: list[str]) -> str:
    """The next of ``pending`` to import (and no longer pending): the first wanted, else the
    first in order."""
    for name in list(_WANTED):
        if name in pending:
            pending.remove(name)
            return name
    return pending.pop(0)


#: the import threads started, so that quitting can wait for them (:func:`finish_imports`)
_STARTED: list[threading.Thread] = []


def start(modules: tuple[str, ...] = MODULES) -> threading.Thread:
    """Begin importing ``modules`` on a daemon thread; returns it (join to wait)."""
    window = threading.get_ident()  # started by the window's thread
    thread = threading.Thread(
        target=_import_all, args=(modules, window), name="warm-up", daemon=True
    )
    thread.start()
    _STARTED.append(thread)
    _COMING[0] = max(0, _COMING[0] - 1)
    return thread


#: import threads asked for (by the window, before its first paint) and not started yet
_COMING = [0]


def coming() -> None:
    """An import thread will be started soon (after the first paint): until it is, and
    while it runs, :func:`still_importing` says so."""
    _COMING[0] += 1


def loaded(module: str) -> bool:
    """True once ``module`` is loaded to its end. A module is in ``sys.modules`` from the
    moment its import begins; until it ends, its spec says it is initializing (and an import
    of it on another thread would wait for the one under way)."""
    found = sys.modules.get(module)
    if found is None:
        return False
    return not getattr(getattr(found, "__spec__", None), "_initializing", False)


def still_importing(module: str) -> bool:
    """True while ``module`` is not loaded to its end and an import thread is still running,
    or about to start (it loads it, or fails and leaves it to the page that needs it)."""
    if loaded(module):
        return False
    return _COMING[0] > 0 or any(thread.is_alive() for thread in _STARTED)


def finish_imports() -> None:
    """Wait for the import threads still running: the interpreter never shuts down while
    one is half-way through loading a compiled module."""
    while _STARTED:
        _STARTED.pop().join()


#: Pages whose first build is slow (several pyqtgraph plots, every audit analysed, the
#: program's risks over every note):
#: built and filled, hidden, once the imports are done, so their first visit only paints.
HEAVY_PAGES: tuple[str, ...] = ("trends", "program")


def warm_reads(window: MainWindow) -> tuple[Callable[[], object], ...]:
    """What a page shows that takes long to work out on a long journal, and that the journal
    keeps until what it rests on changes: worked out off the GUI thread once the heavy pages
    are built, so that page's first visit only checks that it is still current. The list of
    audits: every audit analysed for its alarm bells (most of a 30-year Audits page's first
    visit)."""
    return (window.journal.audits.summaries,)


#: A hidden page's first render: this many horizontal bands, one per turn
RENDER_BANDS = 5

#: While a background read runs, the next widget-building step waits this many ms, and
#: at most this many times (a read that never ends does not stop the prebuild)
WAIT_MS = 50
MAX_WAITS = 400


class _Waits:
    """A step that starts work off the GUI thread (a page's ``prepare``) and lets the next
    step run only once that work is done."""

    def __init__(self, start: Callable[[Callable[[], None]], None]) -> None:
        self.start = start


class _Repeats:
    """A step taken again, a turn at a time, until it is done (a page's ``build_steps``)."""

    def __init__(self, steps: Callable[[], Iterator[None]]) -> None:
        self.steps = steps
        self.under_way: Iterator[None] | None = None

    def take(self) -> bool:
        """One more; False once done."""
        if self.under_way is None:
            self.under_way = self.steps()
        return next(self.under_way, _DONE) is None

    def all(self) -> None:
        while self.take():
            pass


_DONE = object()

Step = Callable[[], None] | _Waits | _Repeats


def _page_steps(window: MainWindow, key: str) -> list[Step]:
    """Building ``key`` hidden, in steps: make it, work out off the GUI thread what it
    shows (when the page can: its ``prepare``), build its heavy widgets a part at a time
    (its ``build_steps``), fill it, lay it out, render it once (a band at a time)."""

    def make() -> None:
        window.page(key)

    def prepare(ready: Callable[[], None]) -> None:
        page = window.pages[key]
        start = getattr(page, "prepare", None)
        if start is None:
            ready()
        else:
            start(ready)

    def build() -> Iterator[None]:
        steps = getattr(window.pages[key], "build_steps", None)
        if steps is not None:
            yield from steps()

    def fill() -> Iterator[None]:
        yield from window.pages[key].refresh_steps()  # a part per turn (its refresh_parts)

    def lay_out() -> None:
        lay_out_hidden(window.pages[key], window.stack.size())

    def render() -> Iterator[None]:
        yield from render_in_bands(window.pages[key])

    return [make, _Waits(prepare), _Repeats(build), _Repeats(fill), lay_out, _Repeats(render)]


def render_in_bands(widget: QWidget) -> Iterator[None]:
    """Render ``widget``, hidden, at its size, a part per step, so that the charts' axis and
    item caches are ready when it is first shown: a point first (what any paint needs
    first), then a band per step, then whole (quick by then); at once it took 50 ms and
    more."""
    from cxjournal.qt.core import QRect

    widget.grab(QRect(0, 0, 1, 1))
    yield
    width, height = widget.width(), widget.height()
    for band in range(RENDER_BANDS):
        top = band * height // RENDER_BANDS
        widget.grab(QRect(0, top, width, (band + 1) * height // RENDER_BANDS - top))
        yield
    widget.grab()


def lay_out_hidden(page: QWidget, size: QSize) -> None:
    """Lay ``page`` out, hidden, at the ``size`` it will be shown at in the window's stack,
    so that rendering it now readies what its first showing paints (at another size, a
    chart's axes and lines are all made again). Its holder there too: a hidden holder
    keeps a never-shown widget's size, and showing it would lay the page out at that size
    first. Each tab widget's panel is put where the tab widget will put it: Qt leaves a
    hidden tab widget's panel at its first, tiny, size (Trends' chart was rendered 86
    pixels wide, and its first visit laid out and drew it all again)."""
    from cxjournal.qt.widgets import QTabWidget, QWidget

    holder = page.parentWidget()
    for widget in (page,) if holder is None else (holder, page):
        widget.resize(size)
    # parents before their children, each laid out in the room its parent just gave it
    for widget in [*([] if holder is None else [holder]), page, *page.findChildren(QWidget)]:
        if isinstance(widget, QTabWidget):
            _place_panel(widget)
        layout = widget.layout()
        if layout is not None:
            layout.activate()


def _place_panel(tabs: QTabWidget) -> None:
    """Where ``tabs`` puts its tab bar and its panel when it is shown."""
    from cxjournal.qt.core import Qt
    from cxjournal.qt.widgets import QStackedWidget, QStyle, QStyleOptionTabWidgetFrame

    panel = tabs.findChild(QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if panel is None:
        return
    option = QStyleOptionTabWidgetFrame()
    tabs.initStyleOption(option)
    style = tabs.style()
    tabs.tabBar().setGeometry(
        style.subElementRect(QStyle.SubElement.SE_TabWidgetTabBar, option, tabs)
    )
    panel.setGeometry(style.subElementRect(QStyle.SubElement.SE_TabWidgetTabContents, option, tabs))


def _run_step(key: str, step: Callable[[], object]) -> bool:
    """Run one step; False when the page cannot be built (its later steps are skipped)."""
    try:
        step()
    except KeyError:
        return False  # no such page in this build
    except Exception:  # the page builds again, and reports, when visited
        log.debug("could not prebuild %s", key, exc_info=True)
        return False
    return True


def _read_steps(window: MainWindow) -> list[tuple[str, Step]]:
    """Each of :func:`warm_reads`, as a step that reads off the GUI thread."""
    from cxjournal.ui.workers import read_in_background

    def reading(work: Callable[[], object]) -> _Waits:
        def start(ready: Callable[[], None]) -> None:
            # a read that fails is made again, and reported, by the page that needs it
            read_in_background(window, work, lambda _done: ready(), lambda _exc: ready())

        return _Waits(start)

    return [("read", reading(work)) for work in warm_reads(window)]


def prebuild(window: MainWindow, keys: tuple[str, ...] = HEAVY_PAGES, reads: bool = True) -> None:
    """Build and fill ``keys`` while hidden, all at once (pages already built are left alone);
    then, with ``reads``, work out :func:`warm_reads` (here, on this thread)."""
    for key in keys:
        if key in window.pages:
            continue
        for step in _page_steps(window, key):
            if isinstance(step, _Waits):
                continue  # filling works it out here
            if not _run_step(key, step.all if isinstance(step, _Repeats) else step):
                break
    if reads:
        for work in warm_reads(window):
            _run_step("read", work)


def prebuild_in_turns(
    window: MainWindow,
    keys: tuple[str, ...] = HEAVY_PAGES,
    then: Callable[[], None] | None = None,
    reads: bool = True,
) -> None:
    """As :func:`prebuild`, one step per turn of the event loop, so a click or a quit is
    handled between steps, and a page's heavy reads and :func:`warm_reads` off the GUI
    thread (the turn after them waits for them); nothing more is built once the window is
    closing. ``then`` runs after the last step (not when closing)."""
    from cxjournal.qt.core import QTimer

    pending = [
        (key, step) for key in keys if key not in window.pages for step in _page_steps(window, key)
    ]
    if reads:
        pending += _read_steps(window)

    from cxjournal.ui.workers import reads_under_way

    waits = [0]

    def later() -> None:
        QTimer.singleShot(0, window, next_turn)

    def next_turn() -> None:
        if window.close_policy.closing:
            return
        if not pending:
            from cxjournal.ui.gc_policy import set_aside

            set_aside()  # the pages live as long as the window: no collection looks at them
            if then is not None:
                then()
            return
        if reads_under_way() and waits[0] < MAX_WAITS and not isinstance(pending[0][1], _Waits):
            # a read on a worker thread (Today's program card) holds the interpreter half
            # the time: a widget step now would take twice as long, so it waits its turn
            waits[0] += 1
            QTimer.singleShot(WAIT_MS, window, next_turn)
            return
        key, step = pending.pop(0)
        shown = key in window.pages and window.pages[key].isVisible()  # the user opened it
        if shown:
            pending[:] = [(k, s) for k, s in pending if k != key]
        elif isinstance(step, _Waits):
            waited = [False]

            def ready() -> None:
                if not waited[0]:
                    waited[0] = True
                    later()

            if _run_step(key, lambda: step.start(ready)):
                return  # ready() takes the next turn
            pending[:] = [(k, s) for k, s in pending if k != key]
        elif isinstance(step, _Repeats):
            more = [False]
            if not _run_step(key, lambda: more.__setitem__(0, step.take())):
                pending[:] = [(k, s) for k, s in pending if k != key]
            elif more[0]:
                pending.insert(0, (key, step))  # the next part, next turn
        elif not _run_step(key, step):
            pending[:] = [(k, s) for k, s in pending if k != key]
        later()

    later()


def purge_trash(window: MainWindow) -> None:
    """Delete for good what has been in the trash for more than 30 days."""
    from cxjournal.ui.trash_actions import purge_expired

    purge_expired(window.services)


def start_calendar_watch(window: MainWindow) -> None:
    """Read the calendar files once and watch them (cxjournal.ui.calendar_watch)."""
    try:
        from cxjournal.ui.calendar_watch import start_watch

        start_watch(window)
    except Exception:  # the meetings stay as last read; the next start tries again
        log.warning("could not start watching the calendar files", exc_info=False)


def start_reminders(window: MainWindow, started_in_background: bool = False) -> None:
    """The tray icon and the reminders (cxjournal.ui.reminder_driver)."""
    try:
        from cxjournal.ui.reminder_driver import start_reminders as start

        start(window, started_in_background)
    except Exception:  # the app works without them; the next start tries again
        log.warning("could not start the reminders", exc_info=False)


#: A start-up chore put off by a page switch looks again this often, ms, and at most this
#: many times (a switch whose paint never comes does not hold it for good)
SWITCH_RETRY_MS = 10
SWITCH_TRIES = 25


def after_switch(owner: QObject, action: Callable[[], object], tries: int = SWITCH_TRIES) -> None:
    """Run ``action`` in a later turn of the event loop, once no page switch is under way
    (``ui/import_pauses.py``): a page clicked the moment the window appears is built and
    painted before the chores that follow the first paint (the warm-up thread, the lock's
    watcher) start. It looks again on the very next turn first (a switch's pause ends the
    turn after its paint: the window's own first page is one), then every
    :data:`SWITCH_RETRY_MS`. Nothing runs once ``owner`` is gone."""
    from cxjournal.qt.core import QTimer
    from cxjournal.ui import import_pauses

    def turn(left: int) -> None:
        if import_pauses.switching() and left > 0:
            wait = 0 if left == tries else SWITCH_RETRY_MS
            QTimer.singleShot(wait, owner, lambda: turn(left - 1))
            return
        action()

    QTimer.singleShot(0, owner, lambda: turn(tries))


def after_first_paint(window: MainWindow) -> threading.Thread:
    """Import in the background, then prebuild the heavy pages in the GUI thread."""
    from cxjournal.qt.core import QTimer

    thread = start()
    timer = QTimer(window)
    timer.setInterval(100)

    def rest() -> None:
        start_calendar_watch(window)
        start_reminders(window)

    def check() -> None:
        if not thread.is_alive():
            timer.stop()
            timer.deleteLater()
            if not window.close_policy.closing:
                purge_trash(window)
                prebuild_in_turns(window, then=rest)

    timer.timeout.connect(check)
    timer.start()
    return thread
