"""The announcement that journal content changed, so what shows it redraws from the journal."""

from __future__ import annotations

from cxjournal.journal.changes import Area
from cxjournal.qt.core import QObject, Signal


class JournalBus(QObject):
    #: emitted after a write with the :class:`Area` it changed (``Area.ALL`` after an import,
    #: a restore or an unlock); pages and indicators redraw only for the areas they show
    changed = Signal(object)

    def announce(self, changes: Area) -> None:
        """Tell everyone that ``changes`` changed; nothing is said for ``Area.NONE``."""
        if not isinstance(changes, Area):
            raise TypeError(f"announce an Area, not {type(changes).__name__}")
        if changes:
            self.changed.emit(changes)
