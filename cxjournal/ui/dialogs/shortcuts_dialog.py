"""Help > Keyboard shortcuts: every shortcut of the window, read from its actions.

Nothing here is written by hand: each action with a shortcut is listed under
the menu it sits in (or the part of a page it works in), so the list cannot
drift from what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxjournal.qt.core import QSize, Qt
from cxjournal.qt.gui import QAction, QKeySequence, QShortcut
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.screen_fit import fit_to_screen

#: where the menu bar's own keys are listed
MENU_KEYS = "Menus"


@dataclass(frozen=True)
class ShortcutEntry:
    group: str
    name: str
    keys: str


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences: list[QKeySequence]) -> str:
    shown = [
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()
    ]
    return ", ".join(dict.fromkeys(shown))


def _group_of(action: QAction) -> str:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return _plain(owner.title())
    parent = action.parent()
    if isinstance(parent, QWidget):
        place = parent.accessibleName() or parent.window().windowTitle()
        return f"In {place}" if place else "Elsewhere"
    return "Elsewhere"


def shortcut_entries(window: QWidget) -> list[ShortcutEntry]:
    """Every shortcut of ``window``: its actions' (menus first, in menu-bar order), its
    other shortcuts, and the keys that open each menu."""
    entries: list[ShortcutEntry] = []
    menu_bar = getattr(window, "menuBar", None)
    menus: list[str] = []
    if callable(menu_bar):
        for top in menu_bar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and top.isVisible():
                title = menu.title()
                menus.append(_plain(title))
                if "&" in title.replace("&&", ""):
                    key = title[title.index("&") + 1].upper()
                    entries.append(
                        ShortcutEntry(MENU_KEYS, f"Open the {_plain(title)} menu", f"Alt+{key}")
                    )
    for action in window.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if keys and action.text():
            entries.append(ShortcutEntry(_group_of(action), _plain(action.text()), keys))
    for shortcut in window.findChildren(QShortcut):
        keys = _keys([shortcut.key()])
        what = shortcut.whatsThis() or shortcut.objectName()
        if keys and what:
            entries.append(ShortcutEntry("Elsewhere", what, keys))
    order = [MENU_KEYS, *menus]

    def rank(entry: ShortcutEntry) -> tuple[int, str]:
        return (order.index(entry.group) if entry.group in order else len(order), entry.group)

    unique = list(dict.fromkeys(entries))
    return sorted(unique, key=rank)  # stable: each menu keeps its own order


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        build_pages = getattr(window, "build_all_pages", None)
        if callable(build_pages):
            build_pages()  # a page's own keys (Delete in a list) exist once it is built
        self.setWindowTitle("Keyboard shortcuts")
        intro = QLabel("Every shortcut of the main window, by the menu it is in.")
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.entries = shortcut_entries(window)
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in self.entries:
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem([entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[entry.group] = group
            group.addChild(QTreeWidgetItem([entry.name, entry.keys]))
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(520, 640))
