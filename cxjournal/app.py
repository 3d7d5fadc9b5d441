"""Start the desktop app: QApplication, the journal's lock, unlocking, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cxjournal import __version__

if TYPE_CHECKING:
    from cxjournal.journal import Journal

# the menu entry's name (packaging/io.github.cxjournal.desktop) and the icon's: Wayland and
# the desktop match the running window to its entry by it
DESKTOP_FILE_NAME = "io.github.cxjournal"


def gui_main() -> int:
    """Entry point of the ``cxjournal-gui`` launcher: the same options as ``cxjournal gui``."""
    from cxjournal.cli import main

    return main([*sys.argv[1:], "gui"] if not any(a == "gui" for a in sys.argv[1:]) else None)


def run_app(
    path: Path,
    passphrase: str | None = None,
    quit_after_paint: bool = False,
    visit_pages: bool = False,
    background: bool = False,
    ready_file: Path | None = None,
) -> int:
    """Open the app on ``path``; ``visit_pages`` (which implies ``quit_after_paint``) opens
    every page once after the first paint and quits, 1 if any failed (ui/self_test.py).
    ``background`` starts with the window hidden (at login): the calendar watch, the
    reminders and the tray icon only (minimised instead where the desktop has no tray).
    ``ready_file`` is created after the window's first paint (for scripts that wait for it).
    SIGTERM (logout, shutdown) closes the window as Quit does, without questions
    (ui/closing.py), so the quit backup below is made and the geometry saved."""
    quit_after_paint = quit_after_paint or visit_pages
    from cxjournal.qt.core import QEvent, QObject, QTimer
    from cxjournal.qt.widgets import QApplication
    from cxjournal.ui import startup
    from cxjournal.ui.icons import app_icon

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("cxjournal")
    app.setOrganizationName("cxjournal")
    app.setApplicationDisplayName("cxjournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    from cxjournal.ui.gc_policy import collect_between_events

    collect_between_events(app)  # never in the middle of a chart's paint
    interactive = not quit_after_paint

    try:
        startup.refuse_odd_file(path)
        # nothing can write a journal on read-only media, and no lock can be made beside it
        lock = None if startup.is_read_only(path) else startup.acquire_lock(path)
    except startup.StartupRefused as exc:
        startup.report_refusal(str(exc), interactive)
        return 1
    try:
        try:
            journal = startup.open_journal(path, passphrase, interactive)
        except startup.StartupCancelled:
            return 0
        except startup.StartupRefused as exc:
            startup.report_refusal(str(exc), interactive)
            return 1

        from cxjournal.ui.main_window import MainWindow

        window = MainWindow(journal, warm_up=not quit_after_paint)

        class _AfterPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watched.removeEventFilter(self)
                    if ready_file is not None:  # written, not touched: a FIFO wakes its reader
                        ready_file.write_text("painted\n", encoding="utf-8")
                    if quit_after_paint:
                        QTimer.singleShot(0, visit_then_quit if visit_pages else app.quit)
                return False

        def visit_then_quit() -> None:
            from cxjournal.ui.self_test import visit_pages as visit

            app.exit(visit(window, app))

        if quit_after_paint or ready_file is not None:
            window.installEventFilter(_AfterPaint(window))
        from cxjournal.ui.closing import end_session_on_sigterm, finish_reads, finish_writes

        sigterm = end_session_on_sigterm(window.close_policy)
        if background and not quit_after_paint:
            QTimer.singleShot(0, lambda: startup.start_in_background(window))
        else:
            window.show()
        try:
            return app.exec()
        finally:
            sigterm.stop()
            finish_writes(window)
            end_session(journal, lock, backup=not quit_after_paint, settle=finish_reads)
            lock = None
            window.deleteLater()
    finally:
        if lock is not None:
            lock.unlock()


class _Lock(Protocol):
    def unlock(self) -> None: ...


def end_session(
    journal: Journal,
    lock: _Lock | None,
    backup: bool,
    settle: Callable[[], None] | None = None,
) -> None:
    """Close the journal at the end of a session. Every write is committed by now (the
    window has closed, its tasks and background writes are done), so the lock is released
    first, before anything else, and an app started right after quitting opens. Then,
    reading only: the quit backup (at most one a day, beside the journal; with ``backup``)
    is made from a read snapshot, which that app's writes do not disturb
    (``journal/backup_ops.backup_after_quit``); ``settle`` waits for the background reads
    still running; and the journal is closed. Never raises for the backup."""
    if lock is not None:
        lock.unlock()
    try:
        if backup:  # the backup's modules (SQLAlchemy among them) only when one may be made
            from cxjournal.journal.backup_ops import backup_after_quit, quit_backup_due

            if quit_backup_due(journal):
                backup_after_quit(journal)
    finally:
        try:
            if settle is not None:
                settle()
        finally:
            journal.close()
