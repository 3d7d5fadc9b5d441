"""Every write the GUI makes, guarded: a failure is shown, and nothing typed is lost.

A write can fail for reasons no form can check: the disk is full, another
program holds the journal, the file became read-only, or the journal refuses a
value. Each GUI write runs inside :func:`guarded_write`::

    with guarded_write(self, "save the check-in") as attempt:
        saved = self.journal.resilience.save(entry)
    if attempt.failed:
        return  # the form is still open, with what was typed

On failure a message names what could not be done and why ("Could not save the
check-in: the disk is full..."), and the exception goes no further. The log
gets the kind of error only, never its text (it may quote journal text).
"""

from __future__ import annotations

import logging
from types import TracebackType

from cxjournal.domain.errors import CxJournalError, ValidationError
from cxjournal.qt.widgets import QMessageBox, QWidget
from cxjournal.ui.plain_text import as_written

log = logging.getLogger(__name__)

KEPT = "Nothing was saved; what you entered is still here."
UNCHANGED = "Nothing was changed."


def failure_text(what: str, exc: BaseException, after: str = KEPT) -> str:
    """The message for a write that failed: what, why, and what became of the input."""
    if isinstance(exc, ValidationError):
        reason = "\n".join(exc.problems) or str(exc)
        return f"Could not {what}:\n\n{reason}\n\n{after}"
    if isinstance(exc, CxJournalError):
        reason = str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
    else:
        reason = f"something went wrong ({type(exc).__name__})"
    return f"Could not {what}: {reason.rstrip('.')}.\n\n{after}"


class WriteAttempt:
    """The context of one guarded write; ``failed`` tells whether it was refused."""

    def __init__(self, parent: QWidget | None, what: str, after: str) -> None:
        self.parent = parent
        self.what = what
        self.after = after
        self.failed = False
        self.error: Exception | None = None

    def __enter__(self) -> WriteAttempt:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # success, or an interrupt that must go on
        self.report(exc)
        return True

    def report(self, exc: Exception) -> None:
        """Record ``exc`` as this write's failure and show it (the one way failures show, in
        the foreground or from a background task)."""
        self.failed = True
        self.error = exc
        if not isinstance(exc, CxJournalError):
            log.error("a write failed: %s", type(exc).__name__)
        text = failure_text(self.what, exc, self.after)
        QMessageBox.warning(self.parent, f"Could not {self.what}", as_written(text))


def guarded_write(parent: QWidget | None, what: str, after: str = KEPT) -> WriteAttempt:
    """Guard the writes of a ``with`` block; ``what`` completes "Could not ..." (e.g.
    "save the note"); ``after`` says what became of the input (kept, or unchanged)."""
    return WriteAttempt(parent, what, after)
