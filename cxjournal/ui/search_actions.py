"""Edit > Find (Ctrl+F) from anywhere in the main window: full-text search of the journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.ui.icons import icon

if TYPE_CHECKING:
    from cxjournal.ui.dialogs.search_dialog import SearchDialog
    from cxjournal.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    find = QAction(icon("search"), "&Find in journal…", window)
    find.setObjectName("action-find")
    find.setShortcut(QKeySequence.StandardKey.Find)
    find.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    find.setStatusTip("Search notes, follow-ups, people, audit notes and check-ins")
    find.triggered.connect(lambda: open_search(window))
    window.add_edit_action(find, "find")
    window.addAction(find)


def open_search(window: MainWindow, text: str = "") -> SearchDialog:
    """Show the window's search dialog (one per window), focused and ready to type."""
    dialog: SearchDialog | None = getattr(window, "search_dialog", None)
    if dialog is None:
        from cxjournal.ui.dialogs.search_dialog import SearchDialog

        dialog = SearchDialog(window.journal, window.navigate, window)
        window.search_dialog = dialog  # type: ignore[attr-defined]
    dialog.start(text)
    return dialog
