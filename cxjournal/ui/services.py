"""What pages, dialogs and main-window extensions are handed: one small typed object.

    class PeoplePage(Page):
        def __init__(self, services: Services) -> None: ...

    def install(services: Services) -> None:       # a module of pages.EXTENSIONS
        services.menu("file").addAction(...)
        services.extensions.due_counter = DueCounter(services)

Everything a page or an extension needs of the main window is here, typed: the
journal, the bus, the read-only guard, the clock, the window's settings, going
to a page, the status bar, the menus, and running the journal's operations
(:mod:`cxjournal.ui.ops`). What an extension builds for others to reach (the
lock controller, the exchange actions...) goes in :class:`Extensions`, never as
an attribute patched onto the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from cxjournal.journal import Journal
from cxjournal.journal.changes import Area, OpChanges
from cxjournal.qt.core import QSettings
from cxjournal.qt.widgets import QDialog, QMenu, QWidget
from cxjournal.ui import ops
from cxjournal.ui.bus import JournalBus
from cxjournal.ui.write_guard import KEPT

if TYPE_CHECKING:
    from cxjournal.journal.undo import Reversible
    from cxjournal.ui.audit_actions import ExitPlanIndicator
    from cxjournal.ui.calendar_watch import CalendarWatch
    from cxjournal.ui.dialogs.search_dialog import SearchDialog
    from cxjournal.ui.draft_resume import ResumeOffer
    from cxjournal.ui.exchange_actions import ExchangeActions
    from cxjournal.ui.lock.lock_controller import LockController
    from cxjournal.ui.main_window import MainWindow
    from cxjournal.ui.page import Page
    from cxjournal.ui.people_actions import DueCounter
    from cxjournal.ui.program_views import ProgramViews
    from cxjournal.ui.read_only import ReadOnlyGuard
    from cxjournal.ui.reminder_driver import ReminderDriver
    from cxjournal.ui.tray import Tray
    from cxjournal.ui.undo_stack import JournalUndo
    from cxjournal.ui.workers import Progress, Task

T = TypeVar("T")


@dataclass
class Extensions:
    """What the main window's extensions built, for one another and for tests to reach."""

    exchange_actions: ExchangeActions | None = None
    lock_controller: LockController | None = None
    lock_action: Any = None  # the File > Lock QAction
    due_counter: DueCounter | None = None
    search_dialog: SearchDialog | None = None
    exit_plan_indicator: ExitPlanIndicator | None = None
    calendar_watch: CalendarWatch | None = None
    tray: Tray | None = None
    reminders: ReminderDriver | None = None
    undo: JournalUndo | None = None
    resume_offer: ResumeOffer | None = None  # the drafts left from last time, offered back
    program_views: ProgramViews | None = None  # the program's risks, worked out off the GUI


def _now() -> dt.datetime:
    return dt.datetime.now()


@dataclass(frozen=True)
class Services:
    journal: Journal
    bus: JournalBus
    #: the main window, as the parent of dialogs (and for the few who arrange it: the lock)
    window: MainWindow
    #: the window's own settings (geometry, last folders), not the journal's
    settings: QSettings
    #: go to a page by key, with optional arguments for ``Page.open_item``
    navigate: Callable[..., None]
    #: show a short message in the status bar
    show_status: Callable[[str], None]
    #: the page of a key, built on first use
    page: Callable[[str], Page]
    #: the key of the page showing, if any
    current_key: Callable[[], str | None]
    #: a menu of the window by name: "file", "edit", "view", "help"
    menu: Callable[[str], QMenu]
    #: put a widget in the status bar, on the right
    add_status_widget: Callable[[QWidget], None]
    #: what keeps writing controls disabled when the journal is read-only (None otherwise)
    read_only_guard: ReadOnlyGuard | None = None
    #: the time now (replaced in tests)
    clock: Callable[[], dt.datetime] = _now
    extensions: Extensions = field(default_factory=Extensions)

    def today(self) -> dt.date:
        return self.clock().date()

    def run(
        self,
        what: str,
        op: Callable[[Journal], T],
        after: str = KEPT,
        on_failure: Area = Area.NONE,
        parent: QWidget | None = None,
    ) -> OpChanges[T] | None:
        """Run a journal operation, show a failure, announce what changed (ui/ops.py)."""
        return ops.run_op(
            self.journal, self.bus.announce, parent or self.window, what, op, after, on_failure
        )

    def run_undoable(
        self,
        name: str,
        what: str,
        change: Callable[[Journal], Reversible[T]],
        after: str = KEPT,
        parent: QWidget | None = None,
    ) -> OpChanges[T] | None:
        """Run a change that can be undone (``journal/undo.py``) and put it on Edit > Undo
        as ``name`` ("Delete note"); see ``ops.run_undoable``."""
        return ops.run_undoable(
            self.journal, self.bus.announce, parent or self.window, name, what, change, after
        )

    def run_dialog(self, dialog: QDialog) -> int:
        """Show a dialog that saves by itself, then announce what it changed."""
        return ops.run_dialog(self.journal, self.bus.announce, dialog)

    def run_in_background(
        self,
        what: str,
        op: Callable[[Journal, Progress], T],
        on_done: Callable[[T], None],
        title: str,
        label: str,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run long work on its own journal handle, with progress; see ``ops.run_in_background``."""
        return ops.run_in_background(
            self.journal,
            self.bus.announce,
            self.window,
            what,
            op,
            on_done,
            title,
            label,
            on_error,
        )
