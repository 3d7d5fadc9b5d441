"""The main window: a sidebar of pages, menus, status bar, remembered geometry."""

from __future__ import annotations

import importlib
from typing import Any

from cxjournal.journal import Journal
from cxjournal.qt.core import QEvent, QSettings, QSize, Qt, QTimer, QUrl
from cxjournal.qt.gui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPalette
from cxjournal.qt.widgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui import import_pauses, theme
from cxjournal.ui.bus import JournalBus
from cxjournal.ui.closing import ClosePolicy
from cxjournal.ui.icons import app_icon, icon, selectable_icon
from cxjournal.ui.page import Page
from cxjournal.ui.pages import EXTENSIONS, PAGES, PageSpec
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.read_only import WRITES_JOURNAL, ReadOnlyGuard, refuse, writes, writes_journal
from cxjournal.ui.screen_fit import fit_to_screen, keep_on_screen
from cxjournal.ui.services import Extensions, Services

#: the groups of the Edit menu, top to bottom (see ``MainWindow.add_edit_action``)
EDIT_GROUPS: tuple[str, ...] = ("undo", "clipboard", "trash", "find", "settings")
#: Help > Keyboard shortcuts
SHORTCUTS_KEY = "Ctrl+/"

__all__ = ["WRITES_JOURNAL", "MainWindow", "writes_journal"]


class MainWindow(QMainWindow):
    def __init__(
        self, journal: Journal, settings: QSettings | None = None, warm_up: bool = False
    ) -> None:
        """With ``warm_up``, the first paint starts loading what later pages need
        (see ``cxjournal.ui.warm_up``); the app asks for it, tests mostly do not."""
        super().__init__()
        self._warm_up_pending = warm_up
        #: a page switch waits for its paint (:meth:`_switching`)
        self._switch_painting = False
        self.journal = journal
        # the pages read on this thread through the journal's own connection, as Today
        # does at start-up: a page's first visit needs no SQLAlchemy (writes still do)
        journal.read_on_own_connection()
        self.read_only_guard = ReadOnlyGuard(self) if journal.read_only else None
        self.bus = JournalBus(self)
        #: whether the window may close now: never while background work runs (ui/closing.py)
        self.close_policy = ClosePolicy(self)
        self.settings = settings or QSettings()
        #: what the extensions built (the lock controller, the exchange actions...)
        self.extensions = Extensions()
        #: what pages and extensions are handed
        self.services = Services(
            journal=journal,
            bus=self.bus,
            window=self,
            settings=self.settings,
            navigate=self.navigate,
            show_status=self.show_status,
            page=self.page,
            current_key=self.current_key,
            menu=self.menu,
            add_status_widget=self.add_status_widget,
            read_only_guard=self.read_only_guard,
            extensions=self.extensions,
        )
        theme.apply(theme.saved(self.settings))
        self.pages: dict[str, Page] = {}
        self._specs: list[PageSpec] = list(PAGES)
        read_only = " (read-only)" if journal.read_only else ""
        self.setWindowTitle(f"{journal.path.stem}{read_only} — cxjournal")
        self.setWindowIcon(app_icon())
        # fits a 1024x600 screen with the window manager's frame (see ui/screen_fit.py)
        self.setMinimumSize(QSize(760, 520))

        self.sidebar = _Sidebar()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Page")
        self._holders: list[QHBoxLayout] = []  # one per page, in the stack's order
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setToolTip(spec.tooltip or spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
            holder = QWidget()
            holding = QHBoxLayout(holder)
            holding.setContentsMargins(0, 0, 0, 0)
            self._holders.append(holding)
            self.stack.addWidget(holder)
        self.sidebar.currentRowChanged.connect(self._show_row)
        self._colour_sidebar_icons()

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.read_only_banner: QWidget | None = None
        if journal.read_only:
            central = self._with_read_only_banner(central)
        self.setCentralWidget(central)

        self.journal_label = plain_label()
        self.statusBar().addPermanentWidget(self.journal_label)
        self.update_journal_label()

        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")  # Alt+E on every page
        self._edit_groups: dict[str, list[QAction]] = {}
        self.view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")
        self._build_menus()
        for module in EXTENSIONS:
            importlib.import_module(module).install(self.services)
        self._finish_menus()
        self._restore_geometry()
        if self._specs:
            self.sidebar.setCurrentRow(0)

    # -- pages ----------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page ``key``, built on first use."""
        if key not in self.pages:
            index = self._index(key)
            module_name, class_name = self._specs[index].target.split(":")
            page_class = getattr(importlib.import_module(module_name), class_name)
            page: Page = page_class(self.services)
            page.setObjectName(f"page-{key}")
            self._holders[index].addWidget(page)
            self.pages[key] = page
            self._colour_row_icon(index)
        return self.pages[key]

    def navigate(self, key: str, **kwargs: Any) -> None:
        """Show page ``key``; with arguments, ask it to show that item."""
        self._switching()
        index = self._index(key)
        page = self.page(key)
        if self.sidebar.currentRow() != index:
            self.sidebar.setCurrentRow(index)
        if kwargs:
            page.open_item(**kwargs)
        else:
            page.focus_primary()  # the page's main action, ready for Return or Space

    def current_key(self) -> str | None:
        row = self.sidebar.currentRow()
        return self._specs[row].key if 0 <= row < len(self._specs) else None

    def _index(self, key: str) -> int:
        for index, spec in enumerate(self._specs):
            if spec.key == key:
                return index
        raise KeyError(f"no page {key!r}")

    def _colour_sidebar_icons(self) -> None:
        """The page icons; a built page's is drawn in the selected text's colour."""
        for row, spec in enumerate(self._specs):
            if spec.key in self.pages:
                self._colour_row_icon(row)
            else:
                self.sidebar.item(row).setIcon(icon(spec.icon))

    def _colour_row_icon(self, row: int) -> None:
        """Row ``row``'s icon, drawn in the selected text's colour where it is selected (grey
        on the highlight would all but vanish). Each row gets it as its page is built, which
        is before its row is first selected (after the first paint, the warm-up builds the
        hidden pages): drawing every page's at every size was a few percent of the start."""
        selected = self.palette().color(QPalette.ColorRole.HighlightedText).name()
        self.sidebar.item(row).setIcon(selectable_icon(self._specs[row].icon, selected))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_sidebar_icons()
        super().changeEvent(event)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self._switching()
        self.page(self._specs[row].key)
        self.stack.setCurrentIndex(row)

    def _switching(self) -> None:
        """A page switch: the warm-up thread's imports wait until the page is built and
        painted (the window's next paint, in :meth:`event`), so it is not built and painted
        at half speed (nor each of its table cells kept waiting for the interpreter)."""
        import_pauses.busy()
        self._switch_painting = True

    # -- menus and status -------------------------------------------------------------

    def _build_menus(self) -> None:
        for number, spec in enumerate(self._specs, start=1):
            action = QAction(icon(spec.icon), spec.title, self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.navigate(key))
            self.view_menu.addAction(action)

        about = QAction("&About cxjournal", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)
        folder = QAction("Open &data folder", self)
        folder.triggered.connect(self.open_data_folder)
        self.help_menu.addAction(folder)
        keys = QAction("&Keyboard shortcuts", self)
        keys.setShortcut(QKeySequence(SHORTCUTS_KEY))
        keys.setStatusTip("Every shortcut of the window, from its menus and pages")
        keys.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(keys)

    def _finish_menus(self) -> None:
        self.file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        for menu in (self.edit_menu,):
            menu.menuAction().setVisible(not menu.isEmpty())
        if self.journal.read_only:
            for action in self.findChildren(QAction):
                if writes(action):
                    refuse(action)

    def _with_read_only_banner(self, content: QWidget) -> QWidget:
        """``content`` under a one-line notice that the journal cannot be changed."""
        banner = plain_label(
            "Read-only: this journal is on read-only media or in a folder you cannot write "
            "to. You can read and export it; nothing can be changed."
        )
        banner.setWordWrap(True)
        banner.setObjectName("read-only-banner")
        banner.setAccessibleName("Read-only journal")
        banner.setContentsMargins(12, 6, 12, 6)
        banner.setStyleSheet(
            "QLabel#read-only-banner { background: palette(highlight); "
            "color: palette(highlighted-text); }"
        )
        self.read_only_banner = banner
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        column.addWidget(content, 1)
        return holder

    def menu(self, name: str) -> QMenu:
        return {
            "file": self.file_menu,
            "edit": self.edit_menu,
            "view": self.view_menu,
            "help": self.help_menu,
        }[name]

    def add_edit_action(self, action: QAction, group: str) -> QAction:
        """Put ``action`` in the Edit menu, in its ``group`` (see ``EDIT_GROUPS``: undo
        and redo first, Preferences last), each group set apart by a separator. The one
        way the Edit menu is built; ``action`` is returned."""
        if group not in EDIT_GROUPS:
            raise ValueError(f"no Edit menu group {group!r}: one of {', '.join(EDIT_GROUPS)}")
        members = self._edit_groups.setdefault(group, [])
        following = [
            g for g in EDIT_GROUPS[EDIT_GROUPS.index(group) + 1 :] if self._edit_groups.get(g)
        ]
        before = self._edit_groups[following[0]][0] if following else None
        if not members:
            earlier = any(self._edit_groups.get(g) for g in EDIT_GROUPS[: EDIT_GROUPS.index(group)])
            if earlier:
                separator = QAction(self)
                separator.setSeparator(True)
                members.append(separator)
                self._insert(separator, before)
        members.append(action)
        self._insert(action, before)
        if following and not self._edit_groups[following[0]][0].isSeparator():
            # the next group now follows this one: it starts with a separator
            separator = QAction(self)
            separator.setSeparator(True)
            self._edit_groups[following[0]].insert(0, separator)
            self._insert(separator, self._edit_groups[following[0]][1])
        return action

    def _insert(self, action: QAction, before: QAction | None) -> None:
        if before is None:
            self.edit_menu.addAction(action)
        else:
            self.edit_menu.insertAction(before, action)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().addPermanentWidget(widget)

    def update_journal_label(self) -> None:
        lock = "🔒 encrypted" if self.journal.encrypted else "not encrypted"
        tip = str(self.journal.path)
        if self.journal.read_only:
            lock += " · read-only"
            tip += (
                "\nRead-only: the journal is on read-only media or in a folder you cannot "
                "write to. You can read and export it; nothing can be changed."
            )
        self.journal_label.setText(f"{self.journal.path.name} · {lock}")
        self.journal_label.setToolTip(tip)

    def build_all_pages(self) -> None:
        for spec in self._specs:
            self.page(spec.key)

    def show_shortcuts(self) -> QDialog:
        from cxjournal.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from cxjournal.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.journal, self).exec()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.journal.path.parent)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and self._switch_painting:
            self._switch_painting = False
            painted = super().event(event)  # paints what the page switch changed
            # the warm-up's imports wait until the event loop's next turn: the events that
            # came with the paint are handled first, not each after the thread's import
            switch = import_pauses.current_switch()
            QTimer.singleShot(0, lambda: import_pauses.idle(switch))  # also if the window goes
            return painted
        if event.type() == QEvent.Type.Show and not getattr(self, "_shown_once", False):
            self._shown_once = True  # the first page's main action takes the focus
            QTimer.singleShot(0, self, self._focus_current_page)
        if self._warm_up_pending and event.type() == QEvent.Type.Paint:
            self._warm_up_pending = False
            from cxjournal.ui import warm_up

            warm_up.coming()  # a page clicked before it starts waits for it (still_importing)
            warm_up.after_switch(self, lambda: warm_up.after_first_paint(self))
        return super().event(event)

    def _focus_current_page(self) -> None:
        key = self.current_key()
        if key is not None and key in self.pages:
            self.pages[key].focus_primary()

    # -- geometry ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            # remembered from a larger screen: brought inside this one
            fit_to_screen(self, self.size())
            keep_on_screen(self)
        else:
            # roomy on a large screen, the whole free area of a laptop's
            fit_to_screen(self, QSize(1200, 800))
            keep_on_screen(self)
        state = self.settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        from cxjournal.ui.unsaved_changes import settle_open_dialogs

        # a dialog with unsaved changes asks first (at logout its draft is kept instead)
        if not settle_open_dialogs(self.journal, ask=not self.close_policy.ending):
            event.ignore()
            return
        if not self.close_policy.may_close():
            event.ignore()
            return
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)


class _Sidebar(QListWidget):
    """The list of pages; typing a letter does not jump to a page (Ctrl+1... does)."""

    def keyboardSearch(self, search: str) -> None:
        return
