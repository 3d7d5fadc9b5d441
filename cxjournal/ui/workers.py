"""Background work with progress: long tasks run on a thread pool, never freezing the window.

    task = run_task(window, "Importing", "Reading the file…", work, on_done, on_error)

``work(progress)`` runs on a worker thread and must not touch widgets; it may
call ``progress(done, total, what)`` as often as it likes. ``on_done(result)``
or ``on_error(exception)`` then run on the GUI thread. A window-modal progress
dialog appears when the work takes more than a moment, so nothing else is
changed while it runs.

Database work in ``work`` must use its own journal handle (see
``cxjournal.journal.backup_ops.reopen``): connections belong to the thread
that made them.

A quick read with nothing to show meanwhile but what its receiver shows (a card
saying it is working) has no dialog:

    read_in_background(card, lambda: journal.program.view(day), card.fill, on_error)

``work()`` runs on a worker thread (reads through ``Journal.reading()`` or
``Journal.session()``, which are safe on any thread); ``on_done`` or
``on_error`` run on the GUI thread, unless ``card`` is gone by then.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from cxjournal.qt.core import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from cxjournal.qt.widgets import QProgressDialog, QWidget

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress], Any]
T = TypeVar("T")

#: Milliseconds before the progress dialog shows; quicker work shows none.
SHOW_AFTER_MS = 400


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except BaseException as exc:  # reported to the GUI thread, never lost
            outcome, value = self.signals.failed, exc
        else:
            outcome, value = self.signals.finished, result
        with contextlib.suppress(RuntimeError):  # the app is tearing down: no one to tell
            outcome.emit(value)


class Task(QObject):
    """One piece of background work and its progress dialog."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget, title: str, label: str, work: Work) -> None:
        super().__init__(parent)
        self.title = title
        self.running = True
        self.result: Any = None
        self.exception: BaseException | None = None
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)  # all-or-nothing work: there is nothing to cancel
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setAccessibleName(title)
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.dialog.setValue(0)
        QThreadPool.globalInstance().start(_Runnable(work, self._signals))

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if what:
            self.dialog.setLabelText(what)

    def _finish(self) -> None:
        self.running = False
        self.dialog.close()
        self.dialog.deleteLater()

    def _on_finished(self, result: Any) -> None:
        self.result = result
        self._finish()
        self.done.emit(result)
        self.deleteLater()

    def _on_failed(self, exc: BaseException) -> None:
        self.exception = exc
        self._finish()
        self.error.emit(exc)
        self.deleteLater()


def run_task(
    parent: QWidget,
    title: str,
    label: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Task:
    """Start ``work`` in the background; see the module documentation."""
    task = Task(parent, title, label, work)
    task.done.connect(on_done)
    task.error.connect(on_error)
    return task


class _Relay(QObject):
    """Hands one background read's outcome to its receiver on the GUI thread. A child of
    the receiver, so a read that ends after the receiver is gone is dropped with it."""

    def __init__(
        self,
        receiver: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(receiver)
        self._on_done = on_done
        self._on_error = on_error

    @Slot(object)
    def deliver(self, result: Any) -> None:
        self.deleteLater()
        self._on_done(result)

    @Slot(object)
    def report(self, exc: Any) -> None:
        self.deleteLater()
        self._on_error(exc)


#: the signals of the reads under way (kept alive until their outcome is handed over)
_UNDER_WAY: set[_Signals] = set()


def reads_under_way() -> int:
    """How many :func:`read_in_background` reads have not yet handed over their outcome."""
    return len(_UNDER_WAY)


def read_in_background(
    receiver: QObject,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``work()`` on a worker thread, then ``on_done(result)`` (or ``on_error``) on the
    GUI thread while ``receiver`` lives; see the module documentation."""
    signals = _Signals()
    relay = _Relay(receiver, on_done, on_error)
    signals.finished.connect(relay.deliver)
    signals.failed.connect(relay.report)
    _UNDER_WAY.add(signals)
    signals.finished.connect(lambda _result: _UNDER_WAY.discard(signals))
    signals.failed.connect(lambda _exc: _UNDER_WAY.discard(signals))
    QThreadPool.globalInstance().start(_Runnable(lambda _progress: work(), signals))
