"""From launch to an open journal: the lock, first run, unlocking, clear refusals."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal import paths
from cxjournal.domain.errors import JournalOpenError, WrongPassphraseError
from cxjournal.journal import Journal
from cxjournal.lockfile import owner_pid
from cxjournal.qt.core import QLockFile
from cxjournal.qt.widgets import QDialog, QMessageBox
from cxjournal.ui.plain_text import as_written

if TYPE_CHECKING:
    from cxjournal.ui.main_window import MainWindow


class StartupCancelled(Exception):
    """The user closed a start-up dialog; quit quietly."""


class StartupRefused(Exception):
    """The journal cannot be opened; the message says why. Exit status 1."""


def refuse_odd_file(path: Path) -> None:
    """``StartupRefused`` for a path that cannot be a journal (a dangling link, a folder, a
    device such as /dev/null), before anything is made beside it."""
    try:
        Journal.refuse_odd_file(path)
    except JournalOpenError as exc:
        raise StartupRefused(str(exc)) from exc


def is_read_only(path: Path) -> bool:
    return Journal.is_read_only(path)


def acquire_lock(journal_path: Path) -> QLockFile:
    """Hold the journal's lock while the app runs; a stale lock of a killed app is taken."""
    paths.ensure_private_dir(journal_path.parent)
    lock = QLockFile(str(paths.lock_path(journal_path)))
    lock.setStaleLockTime(0)  # long-lived lock: only a dead owner makes it stale
    if not lock.tryLock(200):
        if lock.error() == QLockFile.LockError.LockFailedError:
            pid = owner_pid(journal_path)
            owner = f" (process {pid})" if pid else ""
            raise StartupRefused(
                f"The journal {journal_path} is already open in another cxjournal window "
                f"or command{owner}. Switch to that window, or close it (or let the command "
                "finish) first."
            )
        raise StartupRefused(
            f"cannot create the lock file beside {journal_path}: check that the folder is writable"
        )
    return lock


def open_journal(path: Path, passphrase: str | None, interactive: bool) -> Journal:
    """Open or create the journal; ask what is needed when ``interactive``.

    Not interactive (``--quit-after-paint``): never waits on a dialog; a new
    journal is created plain unless a passphrase was given, and anything that
    would need a question raises ``StartupRefused`` with the reason.
    """
    if not Journal.exists(path):
        if interactive and passphrase is None:
            from cxjournal.ui.dialogs.first_run_dialog import FirstRunDialog

            dialog = FirstRunDialog(path)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                raise StartupCancelled
            passphrase = dialog.passphrase
        return _open(path, passphrase)

    if Journal.needs_passphrase(path) and passphrase is None:
        if not interactive:
            raise StartupRefused(
                f"{path} is encrypted: a passphrase is needed "
                f"(--passphrase-file or ${paths.PASSPHRASE_ENV})"
            )
        return _ask_until_unlocked(path)
    try:
        return _open(path, passphrase)
    except WrongPassphraseError:
        if not interactive:
            raise StartupRefused(f"the passphrase given does not open {path}") from None
        return _ask_until_unlocked(path, "That passphrase does not open this journal.")


def _ask_until_unlocked(path: Path, problem: str = "") -> Journal:
    from cxjournal.ui.dialogs.passphrase_dialog import PassphraseDialog

    while True:
        dialog = PassphraseDialog(path, problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise StartupCancelled
        try:
            return _open(path, dialog.passphrase())
        except WrongPassphraseError:
            problem = "That passphrase does not open this journal. Try again."


def _open(path: Path, passphrase: str | None) -> Journal:
    try:
        return Journal.open(path, passphrase)
    except WrongPassphraseError:
        raise
    except JournalOpenError as exc:
        raise StartupRefused(str(exc)) from exc


def report_refusal(message: str, interactive: bool) -> None:
    if interactive:
        QMessageBox.critical(None, "cxjournal", as_written(message))
    else:
        print(f"cxjournal: {message}", file=sys.stderr)


def start_in_background(window: MainWindow) -> None:
    """Started at login (``gui --background``): watch the calendars and run the reminders
    with the window hidden, in the tray; where the desktop has no tray, minimised."""
    from cxjournal.ui.tray import tray_available
    from cxjournal.ui.warm_up import purge_trash, start_calendar_watch, start_reminders

    purge_trash(window)
    start_calendar_watch(window)
    start_reminders(window, started_in_background=True)
    if not tray_available():
        window.showMinimized()
