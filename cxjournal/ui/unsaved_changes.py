"""Nothing typed is lost: the draft kept while typing, and the question before discarding.

A dialog where the user types builds one :class:`DraftKeeper`::

    self.keeper = DraftKeeper(self, journal, "note", self.draft_key, self.draft_payload,
                              save=self.accept, what="this note")

    def reject(self) -> None:
        if self.keeper.may_close():
            super().reject()

and calls ``self.keeper.edited()`` on each edit (or ``keeper.watch(widget)`` for the
inputs it holds). While the user types, a draft of what the dialog holds is written
into the journal about a second after the last edit, and when the focus moves on;
it goes when the dialog saves or the user discards. After a crash the next start
offers it back (:mod:`cxjournal.ui.draft_resume`).

"Changes" means the dialog holds something other than what it was opened with
(``payload()`` differs from its value at :meth:`DraftKeeper.loaded`). Esc, Cancel and
the window's close button then ask :func:`ask_unsaved` (Save / Discard / Keep editing,
Keep editing the default); with no changes the dialog closes without a question.

A draft is written like any other write of the journal (one transaction, ``Area.DRAFTS``),
but a refusal is never shown: the draft is a safety net, its failure is logged (the kind
of error, never the text) and the next edit tries again.
"""

from __future__ import annotations

import enum
import logging
import weakref
from collections.abc import Callable
from typing import Any

from cxjournal.journal import Journal
from cxjournal.journal.lock_ops import is_locked
from cxjournal.qt.core import QEvent, QObject, QTimer
from cxjournal.qt.widgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

#: how long after the last edit the draft is written
DRAFT_DELAY_MS = 1000

#: a payload that equals nothing: a resumed draft differs from what is saved
_RESUMED = object()


class Choice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    KEEP_EDITING = "keep editing"


def unsaved_question(parent: QWidget, what: str) -> QMessageBox:
    """The question itself: Save, Discard, and Keep editing (the default, and Esc)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save {what} before closing?")
    box.setInformativeText("Discard throws away what you typed here. Keep editing goes back to it.")
    box.addButton(QMessageBox.StandardButton.Save).setText("&Save")
    # some desktops word it "Close without Saving"; the question names it Discard
    box.addButton(QMessageBox.StandardButton.Discard).setText("&Discard")
    keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def ask_unsaved(parent: QWidget, what: str) -> Choice:
    """Ask whether to save ``what`` ("this note"), discard it, or keep editing."""
    box = unsaved_question(parent, what)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.button(QMessageBox.StandardButton.Save):
        return Choice.SAVE
    if clicked is box.button(QMessageBox.StandardButton.Discard):
        return Choice.DISCARD
    return Choice.KEEP_EDITING


#: the keepers of the dialogs open now (a dialog's keeper goes with it)
_open: weakref.WeakSet[DraftKeeper] = weakref.WeakSet()


def open_keepers(journal: Journal) -> list[DraftKeeper]:
    """The keepers of the dialogs open on ``journal`` (this handle of it) now."""
    return [k for k in list(_open) if k.journal is journal and k.is_open()]


def owned_drafts(journal: Journal) -> set[tuple[str, str]]:
    """``(kind, key)`` of the drafts a dialog open on ``journal`` holds."""
    return {(k.kind, k.key()) for k in open_keepers(journal) if k.kind is not None}


def settle_open_dialogs(journal: Journal, ask: bool = True) -> bool:
    """Before the main window closes: each dialog with changes asks (Save / Discard /
    Keep editing); True when every one is done with. Without ``ask`` (the session is
    ending) nothing is asked and every draft is written, to be offered at the next start."""
    for keeper in open_keepers(journal):
        if not ask:
            keeper.flush()
            continue
        if not keeper.dirty():
            continue
        keeper.dialog.raise_()
        keeper.dialog.activateWindow()
        if keeper.may_close():
            keeper.dialog.reject()
        if keeper.is_open():
            return False
    return True


def ask_before_closing(
    dialog: QDialog, journal: Journal, value: Callable[[], Any], save: Callable[[], None], what: str
) -> DraftKeeper:
    """A keeper that only asks (Save / Discard / Keep editing) and keeps no draft: for short
    forms (a plan, a proof point, a profile, a talking point). ``value`` is what the form
    holds, compared with its value now, as the dialog was opened."""

    def snapshot() -> Any:
        try:
            return value()
        except Exception:  # a half-typed figure that is not a number yet: a change
            return _UNREADABLE

    keeper = DraftKeeper(dialog, journal, None, str, snapshot, save, what)
    keeper.loaded()
    return keeper


_UNREADABLE = object()


class DraftKeeper(QObject):
    """Keeps the draft of one dialog and asks before its changes are thrown away
    (``kind`` None: asks only, keeps no draft)."""

    def __init__(
        self,
        dialog: QDialog,
        journal: Journal,
        kind: str | None,
        key: Callable[[], str],
        payload: Callable[[], Any],
        save: Callable[[], None],
        what: str,
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.journal = journal
        self.kind = kind
        self.key = key
        self.payload = payload
        self._save = save
        self.what = what
        self._baseline: Any = None
        self._written: Any = None  # the payload last written as the draft
        #: whether the draft under this dialog's key is this dialog's own (written by it,
        #: or resumed in it); another one, left from before, is set aside, never replaced
        self._owns = False
        self._closing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        dialog.accepted.connect(self._saved)
        dialog.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        _open.add(self)

    # -- what changed -----------------------------------------------------------------

    def loaded(self) -> None:
        """What the dialog holds now is what it was opened with: no changes yet."""
        self._baseline = self.payload()

    def resumed(self, key: str | None = None) -> None:
        """The dialog holds a draft (kept under ``key``, if not its own): it has changes
        until saved or discarded, and the draft is its own."""
        if key is not None:
            self.key = lambda: key
        self._baseline = _RESUMED
        self._owns = True
        self.flush()

    def dirty(self) -> bool:
        return bool(self._baseline is _RESUMED or self.payload() != self._baseline)

    def is_open(self) -> bool:
        try:
            return self.dialog.isVisible()
        except RuntimeError:  # the dialog is gone
            return False

    # -- the draft --------------------------------------------------------------------

    def watch(self, widget: QWidget) -> None:
        """Count each edit in ``widget``'s inputs (and in itself, if an input)."""
        for child in [widget, *widget.findChildren(QWidget)]:
            signal = _edit_signal(child)
            if signal is not None:
                signal.connect(self.edited)

    def edited(self, *_args: object) -> None:
        """Something changed: write the draft once the typing pauses."""
        if not self._closing:
            self.timer.start()

    def flush(self) -> None:
        """Write the draft now (or remove it when nothing differs from what was loaded)."""
        self.timer.stop()
        if self.kind is None or self._closing or self.journal.read_only:
            return
        if is_locked(self.journal):
            return
        payload = self.payload() if self.dirty() else None
        if payload == self._written:
            return
        try:
            if not self._owns:
                self.journal.drafts.set_aside(self.kind, self.key())
                self._owns = True
            if payload is None:
                self.journal.drafts.discard(self.kind, self.key())
            else:
                self.journal.drafts.save(self.kind, self.key(), payload)
        except Exception as exc:  # a safety net must not trip the user: the next edit retries
            log.warning("could not keep the draft: %s", type(exc).__name__)
            return
        self._written = payload

    def discard(self) -> None:
        """Throw the draft away (the user chose to, or the work was saved)."""
        self.timer.stop()
        self._closing = True
        if not self._owns or self.kind is None or self.journal.read_only:
            return  # a draft left from before is not this dialog's to throw away
        if is_locked(self.journal):
            return
        try:
            self.journal.drafts.discard(self.kind, self.key())
        except Exception as exc:
            log.warning("could not remove the draft: %s", type(exc).__name__)
        self._written = None

    def _saved(self) -> None:
        self.discard()
        _open.discard(self)

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.timer.isActive() and old is not None and _inside(old, self.dialog):
            self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dialog and event.type() == QEvent.Type.Show:
            self._closing = False
            self._written = None  # shown again (after a lock): write it again at once
            if self.dirty():
                QTimer.singleShot(0, self.flush)
        return False

    # -- closing ----------------------------------------------------------------------

    def may_close(self) -> bool:
        """Whether the dialog may be rejected now: without changes at once (its draft
        goes); with changes, as the user answers: Discard (the draft goes), Keep editing
        (stays open) or Save (the normal save; it closes the dialog itself when it
        succeeds, and stays open with its message when it does not)."""
        if not self.dirty():
            self.discard()
            return True
        choice = ask_unsaved(self.dialog, self.what)
        if choice is Choice.DISCARD:
            self.discard()
            return True
        if choice is Choice.SAVE:
            self._save()
        return False


def _inside(widget: QWidget, dialog: QDialog) -> bool:
    try:
        return widget is dialog or dialog.isAncestorOf(widget)
    except RuntimeError:
        return False


def _edit_signal(widget: QWidget) -> Any:
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textChanged
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.toggled
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    return None
