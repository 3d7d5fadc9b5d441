"""Running the journal's operations from the GUI: one way to write, fail and announce.

    done = run_op(journal, bus.announce, parent, "save the check-in",
                  lambda j: j.resilience.save(entry))
    if done is None:
        return  # the failure was shown; the form keeps what was typed
    saved = done.value

An operation is a function of the journal (``op(journal)``). It runs through
:meth:`Journal.perform`, which says which areas its writes changed; a failure
is shown by :mod:`cxjournal.ui.write_guard` (the one message for a failed
write) and the change is announced on the bus (:mod:`cxjournal.ui.bus`), so
only the pages showing those areas redraw. :func:`run_dialog` does the same for
a dialog that saves by itself, and :func:`run_in_background` for long work on
a worker thread (its own journal handle; see :mod:`cxjournal.ui.workers`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from cxjournal.journal import Journal
from cxjournal.journal.changes import Area, OpChanges
from cxjournal.qt.widgets import QDialog, QWidget
from cxjournal.ui.workers import Progress, Task, run_task
from cxjournal.ui.write_guard import KEPT, WriteAttempt, guarded_write

if TYPE_CHECKING:
    from cxjournal.journal.undo import Reversible

T = TypeVar("T")
Op = Callable[[Journal], T]
#: tells what changed: ``JournalBus.announce``, or ``Page.announce``
Announce = Callable[[Area], None]


def run_op(
    journal: Journal,
    announce: Announce,
    parent: QWidget | None,
    what: str,
    op: Op[T],
    after: str = KEPT,
    on_failure: Area = Area.NONE,
) -> OpChanges[T] | None:
    """Run ``op`` on the GUI thread; its value and changes, or None when it failed (shown).

    ``what`` completes "Could not ..."; ``after`` says what became of the input;
    ``on_failure`` names areas to redraw from the journal after a failure too
    (a tick the user set, put back).
    """
    done: OpChanges[T] | None = None
    with guarded_write(parent, what, after) as attempt:
        done = journal.perform(op)
    if attempt.failed or done is None:
        announce(on_failure)
        return None
    announce(done.changes)
    return done


def run_undoable(
    journal: Journal,
    announce: Announce,
    parent: QWidget | None,
    name: str,
    what: str,
    change: Op[Reversible[T]],
    after: str = KEPT,
    on_failure: Area = Area.NONE,
) -> OpChanges[T] | None:
    """:func:`run_op` for a change that can be undone (``journal/undo.py``): on success it
    goes on the window's Edit > Undo as ``name`` ("Delete note"); the change's own value."""
    from cxjournal.ui import undo_stack

    done = run_op(journal, announce, parent, what, change, after, on_failure)
    if done is None:
        return None
    undo_stack.push(journal, name, done.value)
    return OpChanges(done.value.value, done.changes)


def run_dialog(journal: Journal, announce: Announce, dialog: QDialog) -> int:
    """``dialog.exec()``, then announce what the dialog's own writes changed (nothing when
    it was cancelled); the dialog's result code."""
    done = journal.perform(lambda _journal: dialog.exec())
    announce(done.changes)
    return done.value


def run_in_background(
    journal: Journal,
    announce: Announce,
    parent: QWidget,
    what: str,
    op: Callable[[Journal, Progress], T],
    on_done: Callable[[T], None],
    title: str,
    label: str,
    on_error: Callable[[BaseException], None] | None = None,
    after: str = KEPT,
) -> Task:
    """Run ``op(journal, progress)`` on a worker thread, on its own handle of the journal, with
    a progress dialog; then, on the GUI thread, announce what it changed and call
    ``on_done(value)``. A failure is shown as any failed write is, or handed to ``on_error``
    when the caller says more (an import's conflicts)."""
    from cxjournal.journal.backup_ops import reopen

    def work(progress: Progress) -> OpChanges[T]:
        with reopen(journal) as twin:
            return twin.perform(lambda j: op(j, progress))

    def done(result: OpChanges[T]) -> None:
        announce(result.changes)
        on_done(result.value)

    def failed(exc: BaseException) -> None:
        if on_error is not None:
            on_error(exc)
        elif isinstance(exc, Exception):
            WriteAttempt(parent, what, after).report(exc)

    return run_task(parent, title, label, work, done, failed)
