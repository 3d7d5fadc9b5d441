"""A read-only journal: every control that writes, in every page and dialog, is disabled and
says why; reading, search, exports and navigation stay enabled (issue #11, follow-up)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from cxjournal.cli import main
from cxjournal.domain.model import PlanKind
from cxjournal.journal import Journal
from cxjournal.ui.read_only import READ_ONLY_TIP, writes
from tests.store.conftest import small_disk

__all__ = ["small_disk"]  # as root, the read-only journal is on a small disk mounted read-only

#: the enabled buttons a read-only journal keeps: each reads, exports or navigates
READING_BUTTONS = {
    "Export…",
    "Export chart…",
    "Clear",
    "Show archived",
    "Prepare 1:1…",
    "Prepare 1:1",
    "Prepare",
    "Compare with previous…",
    "Proof points…",
    "Proof points as evidence…",
    "How this works…",
    "Early warning rule…",
    "Show older notes",
    "Show fewer",
    "Print…",
    "Save as PDF…",
    "Close",
    "Cancel",
    "Browse…",
}


SAVING_ROLES = {
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.ApplyRole,
    QDialogButtonBox.ButtonRole.ResetRole,
    QDialogButtonBox.ButtonRole.YesRole,
}


def _text(button: QAbstractButton) -> str:
    return button.text().replace("&", "")


@pytest.fixture
def read_only_db(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A full demo journal that cannot be written: a 0444 file in a 0555 folder, or (as root,
    who ignores file modes) a read-only mount."""
    demo = tmp_path / "demo.json"
    assert main(["demo", "-o", str(demo), "--years", "1", "--seed", "1"]) == 0
    if os.geteuid() == 0:
        folder: Path = request.getfixturevalue("small_disk")
    else:
        folder = tmp_path / "journal"
        folder.mkdir()
    path = folder / "journal.db"
    assert main(["--db", str(path), "import", str(demo)]) == 0
    with Journal.open(path) as journal:  # a check-in today, so Today offers to edit it
        from cxjournal.domain.model import ResilienceEntry

        journal.resilience.save(ResilienceEntry(dt.date.today(), 6, 4, 7))
    if os.geteuid() == 0:
        from tests.store.conftest import remount_read_only

        remount_read_only(folder)
    else:
        path.chmod(0o444)
        folder.chmod(0o555)
    yield path
    if os.geteuid() != 0:
        folder.chmod(0o755)


@pytest.fixture
def window(read_only_db: Path, qtbot: Any) -> Iterator[Any]:
    from cxjournal.ui import startup
    from cxjournal.ui.main_window import MainWindow

    journal = startup.open_journal(read_only_db, None, interactive=False)
    assert journal.read_only
    try:
        win = MainWindow(journal)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        yield win
        win.close()  # its timers stop before the journal closes and the disk goes
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        journal.close()


def _refused(widget: QWidget) -> bool:
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget.isReadOnly()
    if isinstance(widget, QAbstractItemView):
        return widget.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    return not widget.isEnabled()


def problems_in(root: QWidget, every_button: bool = True) -> list[str]:
    """What in ``root`` could still write: a marked control left enabled or without the
    reason, or an enabled button that is not one of the known reading ones."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if writes(widget):
            if not _refused(widget):
                found.append(f"enabled: {type(widget).__name__} {widget.accessibleName()!r}")
            elif widget.toolTip() != READ_ONLY_TIP:
                found.append(f"no reason given: {type(widget).__name__}")
        elif (
            every_button
            and isinstance(widget, QAbstractButton)
            and widget.isVisibleTo(root)
            and widget.isEnabled()
            and _text(widget)
            and _text(widget) not in READING_BUTTONS
            and not _text(widget).startswith("Show all ")
            and not widget.inherits("QTabBar")
            and type(widget).__name__ != "QToolButton"  # range and step buttons of charts
        ):
            found.append(f"unmarked button: {_text(widget)!r}")
        for action in QWidget.actions(widget):
            if writes(action) and action.isEnabled():
                found.append(f"enabled action: {action.text()!r}")
    return found


def test_every_page_disables_what_writes(window: Any, qtbot: Any) -> None:
    found: dict[str, list[str]] = {}
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        QApplication.processEvents()
        found[window.sidebar.item(row).text()] = problems_in(window.stack.currentWidget())
    assert {"Today", "Resilience", "Program", "Proof points"} <= set(found)
    assert len(found) >= 9, list(found)
    assert {page: found for page, found in found.items() if found} == {}
    writing = [a for a in window.findChildren(QAction) if writes(a)]
    assert writing and not any(a.isEnabled() for a in writing)


def test_what_code_enables_again_stays_disabled(window: Any) -> None:
    window.sidebar.setCurrentRow(0)
    QApplication.processEvents()
    marked = [
        w
        for w in window.findChildren(QWidget)
        if writes(w) and isinstance(w, (QAbstractButton, QAbstractSlider, QAbstractSpinBox))
    ]
    assert marked
    for widget in marked:
        widget.setEnabled(True)
        widget.setToolTip("something else")
    assert not any(w.isEnabled() for w in marked)
    assert all(w.toolTip() == READ_ONLY_TIP for w in marked)


def _dialogs(journal: Journal, parent: QWidget) -> Iterator[QDialog]:
    from cxjournal.store.backup import list_backups
    from cxjournal.ui.audit_editor import AuditEditor
    from cxjournal.ui.dialogs.note_dialog import NoteDialog
    from cxjournal.ui.dialogs.plan_dialog import PlanDialog
    from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog
    from cxjournal.ui.dialogs.proof_point_dialog import ProofPointDialog
    from cxjournal.ui.dialogs.restore_dialog import RestoreDialog
    from cxjournal.ui.person_profile import PersonProfileDialog

    person = journal.people.all()[0]
    assert person.id is not None
    note = next(n for n in journal.notes.recent() if n.follow_ups)
    audit = journal.audits.latest()
    point = journal.program.proof_points()[0]
    yield NoteDialog(journal, parent, note=note)
    yield NoteDialog(journal, parent, person_id=person.id)
    yield PersonProfileDialog(journal, parent, person)
    yield AuditEditor(journal, audit, parent)
    yield PlanDialog(journal, journal.program.plan(PlanKind.GOVERNANCE), parent)
    yield ProofPointDialog(journal, point, parent)
    yield PrepareDialog(journal, person.id, lambda _what: None, parent)
    yield RestoreDialog(list_backups(journal.path), parent)


def test_every_editor_dialog_disables_what_saves(window: Any, qtbot: Any) -> None:
    opened = 0
    for dialog in _dialogs(window.journal, window):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        name = type(dialog).__name__
        assert problems_in(dialog, every_button=False) == [], name
        saving = [
            button
            for box in dialog.findChildren(QDialogButtonBox)
            for button in box.buttons()
            if box.buttonRole(button) in SAVING_ROLES
        ] + [b for b in dialog.findChildren(QPushButton) if _text(b).startswith("Done: save")]
        assert saving, name
        assert not any(button.isEnabled() for button in saving), name
        closing = [
            b for b in dialog.findChildren(QAbstractButton) if _text(b) in {"Cancel", "Close"}
        ]
        assert closing and all(b.isEnabled() for b in closing), name
        dialog.done(0)
        opened += 1
    assert opened == 8  # the thresholds and the early warning are Preferences tabs now
