"""After a crash or a power cut: the drafts nobody saved, offered back at the next start.

Dialogs keep a draft in the journal as the user types (:mod:`cxjournal.ui.unsaved_changes`).
Once the main window has first painted (after unlock, when it starts locked), drafts that no
open dialog holds are listed in one small window that blocks nothing: "Note about Dana
Reyes, last typed 2 Dec 2026, 14:05", with Resume and Discard for each and Discard all. Resume opens
the same dialog filled in from the draft, through the ``resume_draft`` of its dialog class
(the one the lock uses to give back what a locked dialog held); it stays a draft until
saved. Closing the list keeps the drafts for the next start.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import CxJournalError
from cxjournal.domain.wording import short_date
from cxjournal.journal.drafts import AUDIT, NOTE, PREPARE, Draft
from cxjournal.qt.core import QEvent, QObject, Qt, QTimer
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.theme import secondary
from cxjournal.ui.unsaved_changes import owned_drafts

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.ui.services import Services

log = logging.getLogger(__name__)

#: how much of a draft's text the list shows
PREVIEW_CHARS = 70


#: the kinds of draft :func:`resumer` opens again
RESUMABLE = (NOTE, AUDIT, PREPARE)


def resumer(kind: str) -> Callable[[Services, Any, str], Any] | None:
    """The function that opens the dialog of a draft of ``kind`` again, filled in (and
    keeping the draft under its key)."""
    if kind == NOTE:
        from cxjournal.ui.dialogs.note_dialog import NoteDialog

        return NoteDialog.resume_draft
    if kind == AUDIT:
        from cxjournal.ui.audit_editor import AuditEditor

        return AuditEditor.resume_draft
    if kind == PREPARE:
        from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog

        return PrepareDialog.resume_draft
    return None


def when(draft: Draft) -> str:
    """When the draft was last written, in local time: ``2 Dec 2026, 14:05``."""
    local = draft.updated_at.astimezone()
    return f"{short_date(local.date())}, {local:%H:%M}"


def describe(journal: Journal, draft: Draft) -> str:
    """What the draft is of, in words: "Note about Dana Reyes", "Power audit of 3 people"."""
    payload: dict[str, Any] = draft.payload if isinstance(draft.payload, dict) else {}
    if draft.kind == NOTE:
        name = _name(journal, payload.get("person_id"))
        what = f"note about {name}" if name else "journal entry"
        return (
            f"Changes to a {what}" if payload.get("id") is not None else what[0].upper() + what[1:]
        )
    if draft.kind == AUDIT:
        count = len(payload.get("ratings", ())) + len(payload.get("unrated", ()))
        people = f"{count} {'person' if count == 1 else 'people'}"
        if payload.get("id") is not None:
            on = dt.date.fromisoformat(str(payload.get("taken_on")))
            return f"Changes to the power audit of {short_date(on)} ({people})"
        return f"Power audit of {people}"
    if draft.kind == PREPARE:
        name = _name(journal, payload.get("person_id")) or "someone"
        return f"Talking points for the 1:1 with {name}"
    return "Unsaved work"


def preview(draft: Draft) -> str:
    """The start of what was typed (a note's text, talking points, an audit's note)."""
    payload = draft.payload if isinstance(draft.payload, dict) else {}
    text = str(payload.get("text") or payload.get("talking_points") or payload.get("note") or "")
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _name(journal: Journal, person_id: Any) -> str:
    if person_id is None:
        return ""
    try:
        return journal.people.get(int(person_id)).name
    except CxJournalError:
        return ""


def unowned_drafts(journal: Journal) -> list[Draft]:
    """The drafts kept in the journal that no open dialog holds and that can be resumed."""
    owned = owned_drafts(journal)
    return [d for d in journal.drafts.all() if (d.kind, d.key) not in owned and d.kind in RESUMABLE]


class ResumeOffer(QDialog):
    """The list of drafts left from last time: Resume or Discard each, or Discard all."""

    def __init__(self, services: Services, drafts: list[Draft]) -> None:
        super().__init__(services.window)
        self.services = services
        self.setWindowTitle("Unsaved work from last time")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.rows: dict[tuple[str, str], QWidget] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            "cxjournal closed before this was saved. Resume opens it again as you left it; "
            "Discard throws it away."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list_layout = QVBoxLayout()
        layout.addLayout(self.list_layout)
        for draft in drafts:
            self.list_layout.addWidget(self._row(draft))
        buttons = QDialogButtonBox()
        self.discard_all_button = buttons.addButton(
            "Discard &all", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = buttons.addButton("&Later", QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setToolTip("Keep the drafts: they are offered again at the next start")
        self.discard_all_button.clicked.connect(self.discard_all)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _row(self, draft: Draft) -> QWidget:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        line = QHBoxLayout(row)
        words = QVBoxLayout()
        title = plain_label(describe(self.services.journal, draft))
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        words.addWidget(title)
        stamp = plain_label(f"Last typed {when(draft)}")
        secondary(stamp)
        words.addWidget(stamp)
        text = preview(draft)
        if text:
            shown = plain_label(text)
            shown.setWordWrap(True)
            words.addWidget(shown)
        line.addLayout(words, 1)
        resume = QPushButton("&Resume")
        resume.setAccessibleName(f"Resume: {describe(self.services.journal, draft)}")
        discard = QPushButton("&Discard")
        discard.setAccessibleName(f"Discard: {describe(self.services.journal, draft)}")
        resume.clicked.connect(lambda: self.resume(draft))
        discard.clicked.connect(lambda: self.discard(draft))
        line.addWidget(resume)
        line.addWidget(discard)
        row.setProperty("resume_button", resume)
        self.rows[(draft.kind, draft.key)] = row
        if len(self.rows) == 1:
            resume.setDefault(True)
            resume.setFocus()
        return row

    def keys(self) -> list[tuple[str, str]]:
        return list(self.rows)

    def resume_button(self, kind: str, key: str) -> QPushButton:
        button = self.rows[(kind, key)].property("resume_button")
        assert isinstance(button, QPushButton)
        return button

    def resume(self, draft: Draft) -> None:
        """Open the draft's dialog again, filled in; the draft stays until it is saved."""
        self._drop(draft)
        resume = resumer(draft.kind)
        if resume is not None:
            resume(self.services, draft.payload, draft.key)

    def discard(self, draft: Draft) -> None:
        try:
            self.services.journal.drafts.discard(draft.kind, draft.key)
        except Exception as exc:  # it is offered again next time
            log.warning("could not discard a draft: %s", type(exc).__name__)
        self._drop(draft)

    def discard_all(self) -> None:
        for kind, key in list(self.rows):
            try:
                self.services.journal.drafts.discard(kind, key)
            except Exception as exc:
                log.warning("could not discard a draft: %s", type(exc).__name__)
        self.rows.clear()
        self.accept()

    def _drop(self, draft: Draft) -> None:
        row = self.rows.pop((draft.kind, draft.key), None)
        if row is not None:
            row.hide()
            row.deleteLater()
        if not self.rows:
            self.accept()
        else:
            self.adjustSize()


class _FirstShow(QObject):
    """Offers the drafts once, after the window's first paint (after unlock if locked): the
    list comes over a window already drawn, and its reads do not delay that drawing."""

    def __init__(self, services: Services) -> None:
        super().__init__(services.window)
        self.services = services
        self.done = False
        services.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and watched is self.services.window and event.type() == QEvent.Type.Paint:
            self.done = True
            self.services.window.removeEventFilter(self)
            QTimer.singleShot(0, self.offer)
        return False

    def offer(self) -> None:
        services = self.services
        lock = services.extensions.lock_controller
        if lock is not None and lock.locked:
            lock.locked_changed.connect(self._after_unlock)
            return
        offer_drafts(services)

    def _after_unlock(self, locked: bool) -> None:
        lock = self.services.extensions.lock_controller
        if not locked and lock is not None:
            lock.locked_changed.disconnect(self._after_unlock)
            QTimer.singleShot(0, lambda: offer_drafts(self.services))


def offer_drafts(services: Services) -> ResumeOffer | None:
    """Show the drafts left from last time, if any (the list blocks nothing)."""
    journal = services.journal
    try:
        drafts = unowned_drafts(journal)
    except Exception as exc:  # a journal that cannot be read now: offered next time
        log.warning("could not read the drafts: %s", type(exc).__name__)
        return None
    if not drafts:
        return None
    offer = ResumeOffer(services, drafts)
    services.extensions.resume_offer = offer
    offer.show()
    return offer


def install(services: Services) -> None:
    _FirstShow(services)
