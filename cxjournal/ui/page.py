"""The base of every page; a page is handed the window's services (``ui/services.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from cxjournal.journal import Journal
from cxjournal.journal.changes import Area, OpChanges
from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QShowEvent
from cxjournal.qt.widgets import QDialog, QWidget
from cxjournal.ui import ops
from cxjournal.ui.write_guard import KEPT

if TYPE_CHECKING:
    from cxjournal.journal.undo import Reversible
    from cxjournal.ui.services import Services

T = TypeVar("T")
PageType = TypeVar("PageType", bound="Page")


class Page(QWidget):
    """A page built on first visit; ``refresh`` redraws it from the journal.

    After a change announced on the bus to an area the page ``shows``, it is
    marked stale and redraws when next shown (at once if it is showing); changes
    to other areas leave it alone.
    """

    #: the areas of the journal this page shows
    shows: ClassVar[Area] = Area.ALL

    def __init__(self, context: Services) -> None:
        super().__init__()
        #: the window's services: journal, bus, navigation, status bar, dialogs' parent
        self.context = context
        self.journal = context.journal
        self._stale = True
        #: the changes to what it shows seen so far (a refresh in steps checks for one meanwhile)
        self._changes = 0
        context.bus.changed.connect(self._on_changed)

    def refresh(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def refresh_parts(self) -> Iterator[None]:
        """The refresh, pausing between its parts (a page whose refresh is long splits it);
        by default all at once."""
        self.refresh()
        yield from ()

    def refresh_steps(self) -> Iterator[None]:
        """:meth:`refresh_if_stale`, a part of :meth:`refresh_parts` per step (a hidden page
        filled in turns of the event loop, ``ui/warm_up.py``): stopped before its end, or
        with a change to what it shows meanwhile, the page is still stale."""
        if not self._stale:
            return
        changes = self._changes
        yield from self.refresh_parts()
        if self._changes == changes:
            self._stale = False

    def primary_widget(self) -> QWidget | None:
        """The control of the page's main action (New note, Add person...), or None."""
        return None

    def focus_primary(self) -> None:
        """Give the page's main action the keyboard focus (when it can take it)."""
        widget = self.primary_widget()
        if widget is not None and widget.isVisibleTo(self) and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_item(self, **kwargs: Any) -> None:
        """Show a particular thing on this page (a person, an audit...). Default: nothing."""

    def announce(self, changes: Area) -> None:
        """Tell every page that ``changes`` changed (this one included)."""
        self.context.bus.announce(changes)

    def run_op(
        self,
        what: str,
        op: Callable[[Journal], T],
        after: str = KEPT,
        on_failure: Area = Area.NONE,
    ) -> OpChanges[T] | None:
        """Run a journal operation and announce what it changed; None when it failed (the
        failure was shown). See :func:`cxjournal.ui.ops.run_op`."""
        return ops.run_op(
            self.journal, self.announce, self.context.window, what, op, after, on_failure
        )

    def run_undoable(
        self,
        name: str,
        what: str,
        change: Callable[[Journal], Reversible[T]],
        after: str = KEPT,
        on_failure: Area = Area.NONE,
    ) -> OpChanges[T] | None:
        """Run a change that can be undone; it goes on Edit > Undo as ``name``. See
        :func:`cxjournal.ui.ops.run_undoable`."""
        return ops.run_undoable(
            self.journal, self.announce, self.context.window, name, what, change, after, on_failure
        )

    def run_dialog(self, dialog: QDialog) -> int:
        """Show a dialog that saves by itself, then announce what it changed."""
        return ops.run_dialog(self.journal, self.announce, dialog)

    @property
    def stale(self) -> bool:
        """True when the page must redraw before it is next seen."""
        return self._stale

    def _on_changed(self, changes: Area) -> None:
        if not changes & self.shows:
            return
        self._changes += 1
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


def page_of(get: Callable[[str], Page], key: str, kind: type[PageType]) -> PageType:
    """The page ``key`` from ``get`` (``Services.page``, ``MainWindow.page``), typed as
    the class it is, for calling what only that page has."""
    page = get(key)
    if not isinstance(page, kind):
        raise TypeError(f"page {key!r} is a {type(page).__name__}, not a {kind.__name__}")
    return page


class ListDetailPage(Page):
    """A page with a list and the detail of its current row. A refresh reloads the list
    (putting the selection back moves the current row, maybe more than once) and shows the
    detail once, at its end; a current row the user moves shows its detail at once."""

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self._refreshing = False

    def refresh(self) -> None:
        self._refreshing = True
        try:
            self._reload()
        finally:
            self._refreshing = False
        self._show_current()

    def current_moved(self, *_args: Any) -> None:
        """Connected to the list's current-row signal."""
        if not self._refreshing:
            self._show_current()

    def _reload(self) -> None:  # pragma: no cover - every such page overrides it
        raise NotImplementedError

    def _show_current(self) -> None:  # pragma: no cover - every such page overrides it
        raise NotImplementedError
