"""Edit > Find (Ctrl+F) from anywhere in the main window: full-text search of the journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.ui.icons import icon

if TYPE_CHECKING:
    from cxjournal.ui.dialogs.search_dialog import SearchDialog
    from cxjournal.ui.services import Services


def install(services: Services) -> None:
    window = services.window
    find = QAction(icon("search"), "&Find in journal…", window)
    find.setObjectName("action-find")
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    find.setStatusTip("Search notes, follow-ups, people, audit notes and check-ins")
    find.triggered.connect(lambda: open_search(services))
    window.add_edit_action(find, "find")
    window.addAction(find)


def open_search(services: Services, text: str = "") -> SearchDialog:
    """Show the window's search dialog (one per window), focused and ready to type."""
    dialog = services.extensions.search_dialog
    if dialog is None:
        from cxjournal.ui.dialogs.search_dialog import SearchDialog

        dialog = SearchDialog(services.journal, services.navigate, services.window)
        services.extensions.search_dialog = dialog
    dialog.start(text)
    return dialog
