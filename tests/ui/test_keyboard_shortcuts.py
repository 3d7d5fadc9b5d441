"""Help > Keyboard shortcuts lists every shortcut, and no page takes a menu's Alt key."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from cxjournal.domain.model import Audit, Person, Rating, ResilienceEntry
from cxjournal.journal.changes import Area
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.qt.widgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from cxjournal.ui.pages import PAGES

MNEMONIC = re.compile(r"&([^&\s])")


def _listed(main_window: Any, qtbot: Any) -> Any:
    dialog = main_window.show_shortcuts()
    qtbot.addWidget(dialog)
    return dialog


def test_every_action_with_a_shortcut_is_listed(main_window: Any, qtbot: Any) -> None:
    dialog = _listed(main_window, qtbot)
    listed = {(entry.name, entry.keys) for entry in dialog.entries}
    native = QKeySequence.SequenceFormat.NativeText
    actions = [a for a in main_window.findChildren(QAction) if a.shortcuts() and a.text()]
    assert len(actions) >= 15  # the pages, the menus' commands and the pages' own keys
    for action in actions:
        keys = ", ".join(dict.fromkeys(s.toString(native) for s in action.shortcuts()))
        name = action.text().replace("&", "").rstrip("…").strip()
        assert (name, keys) in listed, (name, keys)
    # the pages' own keys were built to be listed, and the menus come first, in order
    assert {spec.key for spec in PAGES} <= set(main_window.pages)
    groups = list(dict.fromkeys(entry.group for entry in dialog.entries))
    assert groups[:5] == ["Menus", "File", "Edit", "View", "Help"]
    assert ("Keyboard shortcuts", "Ctrl+/") in listed
    assert ("Open the Edit menu", "Alt+E") in listed
    assert dialog.tree.topLevelItemCount() == len(groups)


def test_a_new_shortcut_appears_without_editing_the_list(main_window: Any, qtbot: Any) -> None:
    extra = QAction("Brand-new &thing", main_window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+Y"))
    main_window.menu("view").addAction(extra)
    dialog = _listed(main_window, qtbot)
    assert any(
        e.name == "Brand-new thing" and e.keys == "Ctrl+Alt+Y" and e.group == "View"
        for e in dialog.entries
    )


def _mnemonics(widget: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for button in widget.findChildren(QAbstractButton):
        found += [(m.lower(), button.text()) for m in MNEMONIC.findall(button.text())]
    for label in widget.findChildren(QLabel):
        if label.buddy() is not None:
            found += [(m.lower(), label.text()) for m in MNEMONIC.findall(label.text())]
    for box in widget.findChildren(QGroupBox):
        found += [(m.lower(), box.title()) for m in MNEMONIC.findall(box.title())]
    for bar in widget.findChildren(QTabBar):
        for index in range(bar.count()):
            text = bar.tabText(index)
            found += [(m.lower(), text) for m in MNEMONIC.findall(text)]
    return found


def test_alt_e_opens_the_edit_menu_on_every_page(main_window: Any, qtbot: Any) -> None:
    """No page takes Alt+E (or a menu's other Alt key) for a button or a tab of its own."""
    assert main_window.menu("edit").title() == "&Edit"
    assert main_window.menu("edit").menuAction().isVisible()
    menu_keys = {
        MNEMONIC.findall(main_window.menu(name).title())[0].lower()
        for name in ("file", "edit", "view", "help")
    }
    assert menu_keys == {"f", "e", "v", "h"}
    # with a check-in and an audit, every page shows its full set of controls
    journal = main_window.journal
    journal.resilience.save(ResilienceEntry(on=dt.date.today(), energy=6, stress=4, mood=7))
    person = journal.people.add(Person(name="Ada"))
    journal.audits.save(
        Audit(
            taken_on=dt.date.today(),
            ratings=[
                Rating(
                    person=person, value=5, irreplaceability=5, my_value=5, my_irreplaceability=5
                )
            ],
        )
    )
    main_window.bus.announce(Area.ALL)
    taken: list[str] = []
    for spec in PAGES:
        main_window.navigate(spec.key)
        page = main_window.page(spec.key)
        if page.stale:
            page.refresh()
        taken += [f"{spec.key}: {text!r}" for key, text in _mnemonics(page) if key in menu_keys]
    assert not taken, taken


def test_the_edit_menu_is_built_in_groups(main_window: Any) -> None:
    """Undo and redo go first, then the rest, Preferences last, with separators between."""

    def shown() -> list[str]:
        return [
            "---" if a.isSeparator() else a.text().replace("&", "")
            for a in main_window.menu("edit").actions()
        ]

    assert shown() == [
        "Undo",
        "Redo",
        "---",
        "Trash…",
        "---",
        "Find in journal…",
        "---",
        "Alarm thresholds…",
        "Preferences…",
    ]
    main_window.add_edit_action(QAction("&Copy", main_window), "clipboard")
    main_window.add_edit_action(QAction("Empty trash", main_window), "trash")
    assert shown() == [
        "Undo",
        "Redo",
        "---",
        "Copy",
        "---",
        "Trash…",
        "Empty trash",
        "---",
        "Find in journal…",
        "---",
        "Alarm thresholds…",
        "Preferences…",
    ]
    with pytest.raises(ValueError, match="no Edit menu group"):
        main_window.add_edit_action(QAction("Odd", main_window), "elsewhere")
