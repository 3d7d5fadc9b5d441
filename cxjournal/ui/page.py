"""The base of every page, and what a page is handed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from cxjournal.journal import Journal
from cxjournal.ui.bus import JournalBus


@dataclass(frozen=True)
class PageContext:
    journal: Journal
    bus: JournalBus
    #: go to a page by key, with optional arguments for ``Page.open_item``
    navigate: Callable[..., None]
    #: show a short message in the status bar
    show_status: Callable[[str], None]
    #: the main window, as the parent of dialogs
    window: QWidget


class Page(QWidget):
    """A page built on first visit; ``refresh`` redraws it from the journal.

    After any change announced on the bus the page is marked stale and redraws
    when next shown (at once if it is showing).
    """

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.journal = context.journal
        self._stale = True
        context.bus.changed.connect(self._on_changed)

    def refresh(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def open_item(self, **kwargs: Any) -> None:
        """Show a particular thing on this page (a person, an audit...). Default: nothing."""

    def announce(self, area: str) -> None:
        """Tell every page that ``area`` changed (this one included)."""
        self.context.bus.changed.emit(area)

    def _on_changed(self, _area: str) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_if_stale()
        super().showEvent(event)
