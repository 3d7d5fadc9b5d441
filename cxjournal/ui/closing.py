"""Closing the main window safely: background work is never cut off, and logout quits cleanly.

Closing while a background task runs (an import, an export, a backup) asks
whether to quit when it has finished; the window then closes by itself once
the last task is done (its result still shown). When the session ends (SIGTERM,
sent at logout or shutdown) nothing is asked: the window waits for running
tasks, saves its geometry and the app quits, so the quit backup is made as on
any quit (``cxjournal.app.run_app``).

SIGTERM reaches Python through a wake-up socket watched by the event loop
(``signal.set_wakeup_fd``), so a signal is handled at once, with no polling timer.
Nothing more is built after the first paint once SIGTERM has arrived (its Python handler
runs at once, even in the middle of building a hidden page, and marks the window closing).
"""

from __future__ import annotations

import signal
import socket
from typing import TYPE_CHECKING

from cxjournal.qt.core import QObject, QSocketNotifier, QThreadPool, QTimer
from cxjournal.qt.widgets import QApplication, QMessageBox, QWidget
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.workers import Task

if TYPE_CHECKING:
    from cxjournal.ui.main_window import MainWindow


def running_tasks(window: QWidget) -> list[Task]:
    """The background tasks started for ``window`` or its dialogs that have not finished."""
    return [task for task in window.findChildren(Task) if task.running]


class ClosePolicy(QObject):
    """Decides whether the main window may close now (see the module documentation)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: True once the session ends: nothing is asked, running work is waited for
        self.ending = False
        #: True while the window waits for running tasks to finish before it closes
        self.waiting = False
        #: True once the window is closing for good: no more hidden pages are built
        self.closing = False

    def may_close(self) -> bool:
        running = running_tasks(self.window)
        if not running:
            self.closing = True
            return True
        if self.ending:
            QThreadPool.globalInstance().waitForDone()  # the work finishes and closes its handle
            self.closing = True
            return True
        if not self.waiting and ask_to_wait(self.window, _titles(running)):
            self.waiting = True
            self.window.show_status(f"cxjournal will quit when {_titles(running)} has finished")
            for task in running:
                task.done.connect(self._retry)
                task.error.connect(self._retry)
        return False

    def _retry(self, _result: object = None) -> None:
        if running_tasks(self.window):
            return
        self.waiting = False
        QTimer.singleShot(0, self.window.close)

    def end_session(self) -> None:
        """Close without asking (the session is ending), then quit the app."""
        self.ending = True
        self.closing = True
        tray = self.window.extensions.tray
        if tray is not None:
            tray.quitting = True  # closing must not just hide the window in the tray
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def finish_writes(window: MainWindow) -> None:
    """Wait for the background writes that are not tasks (a calendar read under way); at
    quit, before the journal's lock is released. Tasks were waited for on closing."""
    watch = window.extensions.calendar_watch
    if watch is not None:
        watch.finish()


def finish_reads() -> None:
    """Wait for what still runs in the background and only reads (or imports); at quit,
    after the journal's lock is released and before the journal is closed."""
    from cxjournal.ui import warm_up

    QThreadPool.globalInstance().waitForDone()
    warm_up.finish_imports()


def ask_to_wait(parent: QWidget, what: str) -> bool:
    """Ask whether to quit once ``what`` has finished (True) or to keep working (False)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Quit cxjournal?")
    box.setText(as_written(f"{what} is still running."))
    box.setInformativeText(
        as_written("Quit when it has finished, or keep working? Nothing is cut off halfway.")
    )
    wait = box.addButton("Quit when finished", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep working", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(wait)
    box.exec()
    return box.clickedButton() is wait


def _titles(tasks: list[Task]) -> str:
    return ", ".join(dict.fromkeys(task.title for task in tasks))


class _SignalWatch(QObject):
    """Turns SIGTERM into :meth:`ClosePolicy.end_session` on the GUI thread."""

    def __init__(self, policy: ClosePolicy) -> None:
        super().__init__(policy)
        self.policy = policy
        self.reader, writer = socket.socketpair()
        self.reader.setblocking(False)
        writer.setblocking(False)
        self._writer = writer  # kept open for as long as the watch lives
        self._old_fd = signal.set_wakeup_fd(writer.fileno())
        # the wake-up fd reports it to the event loop; the Python-level handler runs at
        # once, between two lines of whatever Python code the GUI thread is running
        self._old_handler = signal.signal(signal.SIGTERM, self._note_the_end)
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._woken)

    def _note_the_end(self, _number: int, _frame: object) -> None:
        # only a flag: raising into the step under way could cut a chart's paint short
        # in the middle, which crashes
        self.policy.closing = True  # nothing more is built: the window is about to close

    def _woken(self) -> None:
        try:
            numbers = self.reader.recv(64)
        except BlockingIOError:
            return
        if signal.SIGTERM.value in numbers:
            self.policy.end_session()

    def stop(self) -> None:
        """Hand SIGTERM back to what handled it before."""
        self.notifier.setEnabled(False)
        signal.signal(signal.SIGTERM, self._old_handler)
        signal.set_wakeup_fd(self._old_fd)
        self.reader.close()
        self._writer.close()


def end_session_on_sigterm(policy: ClosePolicy) -> _SignalWatch:
    """From now on SIGTERM (logout, shutdown) closes the window cleanly and quits; ``stop()``
    the returned watch to hand the signal back."""
    return _SignalWatch(policy)
