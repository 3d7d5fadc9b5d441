"""Locking and unlocking the main window's journal.

Locked means: other windows and dialogs are hidden (what they held is saved
first as a draft in the journal, see ``_keep_draft``), the window shows only the unlock
prompt, its actions are off, the journal's connections are closed and its key
dropped. Wrong passphrases get a clear message, and after a few of them each
further try waits longer (``retry_delay``), measured on the injected clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import JournalOpenError, WrongPassphraseError
from cxjournal.journal.changes import Area
from cxjournal.journal.lock_ops import derive_unlock_key, is_locked, lock_journal, unlock_journal
from cxjournal.journal.lock_prefs import LockPreferences, lock_preferences
from cxjournal.qt.core import QEventLoop, QObject, Qt, QTimer, Signal
from cxjournal.qt.gui import QAction
from cxjournal.qt.widgets import QApplication, QMessageBox, QWidget
from cxjournal.ui.lock.idle_monitor import IdleMonitor
from cxjournal.ui.lock.lock_screen import LockScreen

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

log = logging.getLogger(__name__)
DRAFT_NAMES = {"note": "a note", "audit": "a power audit", "prepare": "a 1:1 preparation"}

#: wrong tries allowed before each further try has to wait
FREE_TRIES = 3
MAX_DELAY_SECONDS = 60.0


def retry_delay(failures: int) -> float:
    """Seconds to wait before the next try: none for the first few, then 2, 4, 8... up to 60."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_SECONDS, 2.0 ** (failures - FREE_TRIES + 1))


class LockController(QObject):
    """One per main window (``extensions.lock_controller``)."""

    locked_changed = Signal(bool)

    def __init__(self, services: Services, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(services.window)
        self.services = services
        window = self.window = services.window
        self.clock = clock
        self.idle = IdleMonitor(lambda: self.clock(), self)
        self.idle.idle.connect(lambda: self.lock("you were away"))
        self.screen: LockScreen | None = None
        #: (kind, key, resume function, payload kept in memory or None) of each dialog a
        #: lock ended; the payload itself is in the journal, encrypted with it
        self.pending_drafts: list[tuple[str, str, Callable[[Any, Any], Any], Any]] = []
        #: (kind, key) of the drafts of windows that come back after unlock
        self._shown_drafts: list[tuple[str, str]] = []
        self.session_watcher: QObject | None = None
        self.failures = 0
        self.not_before = 0.0
        self.preferences = LockPreferences.default(window.journal.encrypted)
        self._content: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self._title = ""
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.refresh)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def apply_preferences(self, prefs: LockPreferences | None = None) -> None:
        """Use ``prefs`` (default: the journal's own) for the idle lock."""
        if prefs is None and is_locked(self.window.journal):
            return  # read again once it is open
        self.preferences = prefs or lock_preferences(self.window.journal)
        minutes = self.preferences.idle_minutes
        self.idle.set_timeout(minutes * 60 if minutes else None)

    def on_session_lock(self, reason: str) -> None:
        if self.preferences.on_session_lock:
            self.lock(reason)

    # -- locking -----------------------------------------------------------------------

    def lock(self, reason: str = "") -> bool:
        if self.locked or is_locked(self.window.journal):
            return False  # already locked, or closed while its passphrase is changed
        window = self.window
        self._hidden = []
        for widget in QApplication.topLevelWidgets():
            if widget is window or not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                widget.hide()  # a menu or tooltip: simply gone
                continue
            # an open() or show() window comes back after unlock, as it was; a dialog run
            # with exec() ends when hidden, and what it held is offered back as a draft
            comes_back = widget.windowModality() != Qt.WindowModality.ApplicationModal
            self._keep_draft(widget, comes_back)
            if comes_back:
                self._hidden.append(widget)
            widget.hide()
        self._disabled = [a for a in window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        window.menuBar().setVisible(False)
        window.statusBar().setVisible(False)
        self._content = window.takeCentralWidget()
        if self._content is not None:
            self._content.setParent(window)
            self._content.hide()
        lock_journal(window.journal)
        screen = LockScreen(window.journal.path.name, window.journal.encrypted)
        screen.unlock_requested.connect(self.try_unlock)
        screen.show_reason(reason)
        window.setCentralWidget(screen)
        self.screen = screen
        self._title = window.windowTitle()
        window.setWindowTitle("Locked")  # the app adds " — cxjournal"
        self.idle.pause()
        self.refresh()
        screen.focus()
        self.locked_changed.emit(True)
        return True

    def _keep_draft(self, widget: QWidget, comes_back: bool) -> None:
        """Save what ``widget`` holds as a draft in the journal, before the journal closes.

        A window that ``comes_back`` after unlock holds it again then (and its draft
        goes); a dialog run with ``exec()`` ends when hidden, so its draft is offered.
        Should the journal refuse the draft, it is kept here instead: never lost.
        """
        payload_of = getattr(widget, "draft_payload", None)
        key_of = getattr(widget, "draft_key", None)
        if payload_of is None or key_of is None:
            return
        payload = payload_of()
        if payload is None:
            return
        kind, key = str(getattr(widget, "draft_kind", "")), str(key_of())
        kept: Any = None
        try:
            self.window.journal.drafts.save(kind, key, payload)
        except Exception as exc:  # the lock must happen; the draft stays in memory
            log.warning("draft kept in memory only: %s", type(exc).__name__)
            kept = payload
        if comes_back:
            self._shown_drafts.append((kind, key))
            return
        resume = getattr(type(widget), "resume_draft", None)
        if resume is not None:
            self.pending_drafts.append((kind, key, resume, kept))

    def _offer_drafts(self) -> None:
        drafts, self.pending_drafts = self.pending_drafts, []
        journal = self.window.journal
        for kind, key, resume, kept in drafts:
            payload = kept if kept is not None else journal.drafts.load(kind, key)
            if payload is None:
                continue
            answer = QMessageBox.question(
                self.window,
                "Carry on writing?",
                f"You were writing {DRAFT_NAMES.get(kind, 'something')} when the journal "
                "locked. Open it again to finish it? (No throws the draft away.)",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            journal.drafts.discard(kind, key)
            if answer == QMessageBox.StandardButton.Yes:
                resume(self.services, payload)

    # -- unlocking ---------------------------------------------------------------------

    def wait_left(self) -> float:
        return max(0.0, self.not_before - self.clock())

    def refresh(self) -> None:
        """Enable the prompt again once the wait after wrong tries is over."""
        if self.screen is None:
            return
        left = self.wait_left()
        self.screen.set_waiting(left > 0)
        if left > 0:
            self.screen.show_problem(
                f"That passphrase does not open the journal. After {self.failures} wrong "
                f"tries, wait {left:.0f} seconds before the next."
            )
            self._retry_timer.start(int(left * 1000) + 50)

    def try_unlock(self, passphrase: str) -> bool:
        if self.screen is None:
            return False
        if self.wait_left() > 0:
            self.refresh()
            return False
        journal = self.window.journal
        try:
            if journal.encrypted and passphrase:
                self._paint_while(derive_unlock_key(journal, passphrase))
            unlock_journal(journal, passphrase if journal.encrypted else None)
        except WrongPassphraseError:
            self.failures += 1
            self.not_before = self.clock() + retry_delay(self.failures)
            self.screen.show_problem("That passphrase does not open the journal. Try again.")
            self.refresh()
            self.screen.focus()
            return False
        except JournalOpenError as exc:
            self.screen.show_problem(str(exc))
            return False
        finally:
            del passphrase
        self._restore()
        return True

    def _paint_while(self, done: Callable[[float], bool] | None) -> None:
        """Until ``done`` says so, go on painting the window in short turns (the key is
        derived on another thread), the prompt off and no input taken: unlocking never
        freezes the window for the length of the derivation."""
        if done is None or done(0.0) or self.screen is None:
            return
        self.screen.set_waiting(True)
        while not done(0.01):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if self.screen is not None:
            self.screen.set_waiting(False)

    def _restore(self) -> None:
        window = self.window
        assert not is_locked(window.journal)
        self.failures, self.not_before = 0, 0.0
        screen, self.screen = self.screen, None
        if self._content is not None:
            window.setCentralWidget(self._content)
            self._content.show()
            self._content = None
        if screen is not None:
            screen.deleteLater()
        window.menuBar().setVisible(True)
        window.statusBar().setVisible(True)
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        window.setWindowTitle(self._title)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        for kind, key in self._shown_drafts:
            window.journal.drafts.discard(kind, key)  # the window holds it again
        self._shown_drafts = []
        self.apply_preferences()
        self.idle.resume()
        window.bus.announce(Area.ALL)
        self.locked_changed.emit(False)
        if self.pending_drafts:
            QTimer.singleShot(0, self._offer_drafts)
