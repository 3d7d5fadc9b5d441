"""Edit > Undo / Redo (Ctrl+Z, Ctrl+Shift+Z) for the changes made in this window's session.

Every undoable GUI write runs as a change of :mod:`cxjournal.journal.undo`: it
returns a ``Reversible``, the journal operation that reverses it. One
``QUndoStack`` per journal holds them; undoing runs that operation through
:func:`cxjournal.ui.ops.run_op` (its failure shown like any write's, its areas
announced so the pages redraw) and keeps the operation that reverses it in turn
for the redo. A page pushes through :func:`cxjournal.ui.ops.run_undoable` or,
for a write a dialog makes itself, :func:`push`.

The history lasts for the session and is cleared when the whole journal is
replaced under it (an import, a restore from a backup, locking).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from cxjournal.journal.changes import Area
from cxjournal.qt.gui import QKeySequence, QUndoCommand, QUndoStack
from cxjournal.ui.write_guard import UNCHANGED

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.journal.undo import Reversible
    from cxjournal.ui.services import Services

T = TypeVar("T")

_STACKS: weakref.WeakKeyDictionary[Journal, JournalUndo] = weakref.WeakKeyDictionary()


class JournalUndo:
    """The undo stack of one journal in one window, with its Edit menu actions."""

    def __init__(self, services: Services) -> None:
        self.services = services
        window = services.window
        self.stack = QUndoStack(window)
        self.undo_action = self.stack.createUndoAction(window, "&Undo")
        self.undo_action.setObjectName("action-undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(window, "&Redo")
        self.redo_action.setObjectName("action-redo")
        self.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        for action in (self.undo_action, self.redo_action):
            window.add_edit_action(action, "undo")
        services.bus.changed.connect(self._changed)

    def push(self, name: str, done: Reversible[Any]) -> None:
        """Remember an applied change (``name``: "Delete note") for Edit > Undo."""
        self.stack.push(_Command(self, name, done))

    def _changed(self, changes: Area) -> None:
        if changes == Area.ALL and not self._running:
            self.stack.clear()  # the journal was replaced: nothing recorded still applies

    _running = False

    def run(self, name: str, reverse: Any) -> Reversible[Any] | None:
        """Run one reversing operation (an undo or a redo); what it returned, or None when
        it failed (shown)."""
        from cxjournal.ui import ops

        self._running = True
        try:
            done = ops.run_op(
                self.services.journal,
                self.services.bus.announce,
                self.services.window,
                f"undo or redo “{name}”",
                reverse,
                UNCHANGED,
            )
        finally:
            self._running = False
        return None if done is None else done.value


class _Command(QUndoCommand):
    def __init__(self, owner: JournalUndo, name: str, done: Reversible[Any]) -> None:
        super().__init__(name)
        self._owner = owner
        self._reverse = done.undo
        self._applied = True  # pushed after it ran: the stack's first redo() does nothing

    def redo(self) -> None:
        if not self._applied:
            self._step()

    def undo(self) -> None:
        if self._applied:
            self._step()

    def _step(self) -> None:
        done = self._owner.run(self.text(), self._reverse)
        if done is None:
            self.setObsolete(True)  # it can no longer be applied: the stack drops it
            return
        self._reverse = done.undo
        self._applied = not self._applied


def install(services: Services) -> None:
    undo = JournalUndo(services)
    _STACKS[services.journal] = undo
    services.extensions.undo = undo


def push(journal: Journal, name: str, done: Reversible[Any]) -> None:
    """Remember a change a dialog applied itself, for the window showing ``journal``
    (nothing when no window shows it: a command-line run, a test without one)."""
    undo = _STACKS.get(journal)
    if undo is not None:
        undo.push(name, done)


def apply(journal: Journal, name: str, change: Callable[[Journal], Reversible[T]]) -> T:
    """Run ``change`` now (inside a dialog's guarded write) and put it on Edit > Undo as
    ``name``; its value. Raises as the change does, and then nothing is remembered."""
    done = change(journal)
    push(journal, name, done)
    return done.value
