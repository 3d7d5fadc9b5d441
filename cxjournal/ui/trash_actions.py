"""Edit > Trash…: the deleted items, restorable for 30 days; the old ones go at start."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cxjournal.qt.gui import QAction
from cxjournal.ui.icons import icon

if TYPE_CHECKING:
    from cxjournal.ui.dialogs.trash_dialog import TrashDialog
    from cxjournal.ui.services import Services

log = logging.getLogger(__name__)


def install(services: Services) -> None:
    window = services.window
    trash = QAction(icon("trash"), "Tr&ash…", window)
    trash.setObjectName("action-trash")
    trash.setStatusTip("What you deleted: restore it, or delete it for good")
    trash.triggered.connect(lambda: show_trash(services).exec())
    window.add_edit_action(trash, "trash")


def show_trash(services: Services) -> TrashDialog:
    """The trash dialog (not yet shown: ``exec()`` it, or ``show()`` it in a test)."""
    from cxjournal.ui.dialogs.trash_dialog import TrashDialog

    return TrashDialog(services)


def purge_expired(services: Services) -> int:
    """Delete for good what has been in the trash for more than 30 days (once, at start).
    Nothing on a read-only journal; a failure waits for the next start."""
    if services.journal.read_only:
        return 0
    try:
        done = services.journal.perform(lambda j: j.trash.purge_expired())
    except Exception:  # the items stay one more session; nothing else depends on it
        log.warning("could not empty the trash of old items", exc_info=False)
        return 0
    services.bus.announce(done.changes)
    return done.value
