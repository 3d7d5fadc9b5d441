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
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    "pyqtgraph",
)

log = logging.getLogger(__name__)


def _import_all(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # a page imports it again when needed, and reports then
            log.debug("warm-up could not import %s", name, exc_info=True)


def start(modules: tuple[str, ...] = MODULES) -> threading.Thread:
    """Begin importing ``modules`` on a daemon thread; returns it (join to wait)."""
    thread = threading.Thread(target=_import_all, args=(modules,), name="warm-up", daemon=True)
    thread.start()
    return thread


#: Pages whose first build is slow (several pyqtgraph plots, every audit analysed, the
#: program's risks over every note):
#: built and filled, hidden, once the imports are done, so their first visit only paints.
HEAVY_PAGES: tuple[str, ...] = ("trends", "program")


def prebuild(window: MainWindow, keys: tuple[str, ...] = HEAVY_PAGES) -> None:
    """Build and fill ``keys`` while hidden (pages already built are left alone)."""
    for key in keys:
        if key in window.pages:
            continue
        try:
            page = window.page(key)
            page.refresh_if_stale()
            # lay it out and render it once at its real size, off screen, so the
            # charts' axis and item caches are ready when it is first shown
            page.resize(window.stack.size())
            page.grab()
        except KeyError:
            continue  # no such page in this build
        except Exception:  # the page builds again, and reports, when visited
            log.debug("could not prebuild %s", key, exc_info=True)


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


def after_first_paint(window: MainWindow) -> threading.Thread:
    """Import in the background, then prebuild the heavy pages in the GUI thread."""
    from cxjournal.qt.core import QTimer

    thread = start()
    timer = QTimer(window)
    timer.setInterval(100)

    def check() -> None:
        if not thread.is_alive():
            timer.stop()
            timer.deleteLater()
            purge_trash(window)
            prebuild(window)
            start_calendar_watch(window)
            start_reminders(window)

    timer.timeout.connect(check)
    timer.start()
    return thread
