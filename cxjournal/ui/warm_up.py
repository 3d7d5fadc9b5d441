"""After the first paint, load in the background what later pages need.

Start-up imports neither SQLAlchemy nor pyqtgraph (together about a second on a
modest laptop). Once the window is on screen, a background thread imports them,
so that the first visit to any page is quick; the window stays responsive while
it runs (measured: no gap over ~35 ms between 10 ms timer ticks).
"""

from __future__ import annotations

import importlib
import logging
import threading

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
