"""Keeps the journal's meetings current with the user's calendar files.

Started after the first paint (nothing calendar-related happens before it): every
source is read once off the GUI thread, then a ``QFileSystemWatcher`` re-reads a
source when its file changes. Editors and calendar programs often replace a file
by renaming a new one over it, which ends the watch on the file, so the folder
is watched too and the file is added back when it reappears. Reads run on a
worker thread with its own journal handle; the bus then announces ``meetings``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal.journal.changes import Area
from cxjournal.qt.core import QFileSystemWatcher, QObject, QTimer, Signal

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.ui.bus import JournalBus
    from cxjournal.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Milliseconds a change waits for more of the same write before the file is read.
SETTLE_MS = 250
#: Milliseconds between looks at the journal's list of sources (``cxjournal calendar add``
#: in a terminal, or another window, changes it behind the app's back).
SOURCES_POLL_MS = 30_000


class CalendarWatch(QObject):
    #: a read finished: the outcomes ("read", "unchanged", "missing") and the problems
    finished = Signal(list, list)
    _done = Signal(list, list)

    def __init__(
        self,
        journal: Journal,
        bus: JournalBus,
        show_status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.bus = bus
        self.show_status = show_status
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self._pending: set[str] = set()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._read_pending)
        self._sources: list[str] = []
        self._running = False
        self._thread: threading.Thread | None = None
        self._done.connect(self._on_done)
        self._poll = QTimer(self)
        self._poll.setInterval(SOURCES_POLL_MS)
        self._poll.timeout.connect(self.sync)

    def start(self) -> None:
        """Read every source once (off the GUI thread), then watch them."""
        self._sources = [source.path for source in self.journal.calendar.sources()]
        self._watch()
        if self._sources:
            self._read(self._sources)
        self._poll.start()

    def sync(self) -> list[str]:
        """Take up sources added (and drop those removed) since the last look, reading the
        new ones; returns the new ones. Nothing happens while the journal is locked."""
        from cxjournal.domain.errors import CxJournalError
        from cxjournal.journal.lock_ops import is_locked

        if is_locked(self.journal):
            return []
        try:
            paths = [source.path for source in self.journal.calendar.sources()]
        except CxJournalError:
            return []
        new = [p for p in paths if p not in self._sources]
        if paths == self._sources:
            return []
        self._sources = paths
        self._pending &= set(paths)
        self._watch()
        if new:
            self._pending.update(new)
            self._settle.start()
        return new

    def _watch(self) -> None:
        files = [p for p in self._sources if Path(p).exists()]
        folders = sorted({str(Path(p).parent) for p in self._sources if Path(p).parent.is_dir()})
        stale = [p for p in self.watcher.files() if p not in files]
        stale += [d for d in self.watcher.directories() if d not in folders]
        if stale:
            self.watcher.removePaths(stale)
        watched = (self.watcher.files(), self.watcher.directories())
        for paths, already in zip((files, folders), watched, strict=True):
            new = [p for p in paths if p not in already]
            if new:
                self.watcher.addPaths(new)

    def _file_changed(self, path: str) -> None:
        if path in self._sources:
            self._pending.add(path)
            self._settle.start()

    def _folder_changed(self, folder: str) -> None:
        for path in self._sources:
            if str(Path(path).parent) == folder and path not in self.watcher.files():
                self._pending.add(path)  # replaced by a rename, or gone
        if self._pending:
            self._settle.start()

    def _read_pending(self) -> None:
        if self._running:
            self._settle.start()  # one read at a time; try again shortly
            return
        paths, self._pending = sorted(self._pending), set()
        if paths:
            self._read(paths)

    def _read(self, paths: Iterable[str]) -> None:
        self._running = True
        wanted = list(paths)
        journal = self.journal

        def work() -> None:
            from cxjournal.domain.errors import CxJournalError
            from cxjournal.journal.backup_ops import reopen

            outcomes: list[str] = []
            problems: list[str] = []
            try:
                with reopen(journal) as own:
                    for path in wanted:
                        try:
                            outcomes.append(own.calendar.read(path).outcome)
                        except CxJournalError as exc:
                            problems.append(str(exc))
            except Exception as exc:  # reported, never lost; the meetings stay as they were
                log.warning("calendar read failed: %s", type(exc).__name__)
                problems.append(f"the calendars could not be read ({type(exc).__name__})")
            self._done.emit(outcomes, problems)

        self._thread = threading.Thread(target=work, name="calendar-read", daemon=True)
        self._thread.start()

    def finish(self) -> None:
        """Wait until a read under way has stored its meetings (at quit, so that every
        write is committed before the journal's lock is released)."""
        if self._thread is not None:
            self._thread.join()

    def _on_done(self, outcomes: list[str], problems: list[str]) -> None:
        self._running = False
        self._watch()
        if any(outcome in ("read", "missing") for outcome in outcomes):
            self.bus.announce(Area.MEETINGS)
        if problems:
            self.show_status("Calendar: " + "; ".join(problems))
        elif "missing" in outcomes:
            self.show_status("A calendar file is gone; its meetings are kept until it is back.")
        self.finished.emit(outcomes, problems)
        if self._pending and not self._settle.isActive():
            self._settle.start()


def start_watch(window: MainWindow) -> CalendarWatch:
    """Start keeping ``window``'s journal in step with its calendar files."""
    existing = window.extensions.calendar_watch
    if existing is not None:
        return existing  # started in the background, then the window was shown
    watch = CalendarWatch(window.journal, window.bus, window.show_status, window)
    window.extensions.calendar_watch = watch
    watch.start()
    return watch
