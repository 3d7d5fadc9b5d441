"""A signal that journal content changed, so pages redraw from the journal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class JournalBus(QObject):
    #: emitted after a write; the argument names the area: "people", "notes", "audits",
    #: "resilience", "exit_plan", "settings", or "all" (after an import or restore)
    changed = Signal(str)
