"""The tabs of Edit > Preferences, one module each (see ``dialogs/preferences_dialog.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cxjournal.journal.changes import Area


def announcer(window: Any) -> Callable[[Area], None]:
    """How a tab tells the pages what its change touched: the window's bus, or nothing
    (a tab shown on its own, in a test)."""
    bus = getattr(window, "bus", None)
    return bus.announce if bus is not None else (lambda _changes: None)
