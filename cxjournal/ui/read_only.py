"""The one way a read-only journal disables what writes: controls marked as writing.

A page or dialog marks every button, field, form or action that writes to the
journal with :func:`writes_journal` when it builds it. When the journal is
read-only, the main window installs a :class:`ReadOnlyGuard` on the
application: every marked widget is disabled (with a tooltip saying why) as it
is first shown, and again whenever code enables it (a selection changes, a row
is rebuilt), and every marked action likewise. Reading, search, exports and
navigation are never marked, so they stay enabled; a new page or dialog gets
this by marking its writing controls, with no check of its own.
"""

from __future__ import annotations

from typing import TypeVar

from cxjournal.qt.core import QEvent, QObject, Qt
from cxjournal.qt.gui import QAction, QActionEvent, QKeyEvent
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: set (True) on every widget or action that writes to the journal
WRITES_JOURNAL = "writesJournal"

READ_ONLY_TIP = (
    "This journal is read-only: it is on read-only media or in a folder you cannot "
    "write to, so nothing can be changed. You can still read, search and export it."
)

Marked = TypeVar("Marked", bound=QWidget | QAction)


def writes_journal(control: Marked) -> Marked:
    """Mark ``control`` (a widget, a whole form, or an action) as one that writes to the
    journal; returns it, so it can wrap the construction."""
    control.setProperty(WRITES_JOURNAL, True)
    return control


def saving_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Mark the buttons of an editor's ``box`` that save (OK, Save, Apply, Reset); Cancel
    and Close stay enabled, so a read-only journal's editor can still be read and closed."""
    saving = {
        QDialogButtonBox.ButtonRole.AcceptRole,
        QDialogButtonBox.ButtonRole.ApplyRole,
        QDialogButtonBox.ButtonRole.ResetRole,
        QDialogButtonBox.ButtonRole.YesRole,
    }
    for button in box.buttons():
        if box.buttonRole(button) in saving:
            writes_journal(button)
    return box


def writes(control: QObject) -> bool:
    return bool(QObject.property(control, WRITES_JOURNAL))


def refuse(control: QWidget | QAction) -> None:
    """Disable one marked control and say why. A text field becomes read-only instead, and
    a list or table whose cells write keeps its rows to select but edits none, so what
    they hold can still be read, selected and copied."""
    if isinstance(control, (QLineEdit, QPlainTextEdit, QTextEdit)):
        if not control.isReadOnly():
            control.setReadOnly(True)
    elif isinstance(control, QAbstractItemView):
        if control.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers:
            control.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    elif control.isEnabled():
        control.setEnabled(False)
    if control.toolTip() != READ_ONLY_TIP:
        control.setToolTip(READ_ONLY_TIP)
    if isinstance(control, QAction):
        control.setStatusTip(READ_ONLY_TIP)


class ReadOnlyGuard(QObject):
    """Keeps every marked control of the application disabled while it lives."""

    _WATCHED = frozenset(
        {
            QEvent.Type.Polish,
            QEvent.Type.Show,
            QEvent.Type.EnabledChange,
            QEvent.Type.ActionAdded,
            QEvent.Type.ActionChanged,
            QEvent.Type.ReadOnlyChange,
            QEvent.Type.ToolTipChange,
            QEvent.Type.ParentChange,
        }
    )
    #: what ticks a cell's box in a list or table without its edit triggers
    _TICKING = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick})

    def __init__(self, window: QWidget) -> None:
        """Guard ``window`` and every widget and dialog under it (their parent chain leads
        to it); other windows of the process are left alone."""
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        for widget in QApplication.allWidgets():
            self._check(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in self._TICKING or kind == QEvent.Type.KeyPress:
            return self._ticks_a_cell(watched, event)
        if kind in self._WATCHED and isinstance(watched, QWidget):
            if isinstance(event, QActionEvent):
                action = event.action()
                if action is not None and writes(action) and self._ours(watched):
                    refuse(action)
            elif kind == QEvent.Type.ParentChange or (
                kind == QEvent.Type.Show and watched.isWindow()
            ):  # a page or rows put into the window, a dialog opened: all of it, hidden too
                if self._ours(watched):
                    for widget in [watched, *watched.findChildren(QWidget)]:
                        self._check(widget)
            else:
                self._check(watched)
        return False

    def _ours(self, widget: QWidget | None) -> bool:
        while widget is not None:
            if widget is self._window:
                return True
            widget = widget.parentWidget()
        return False

    def _ticks_a_cell(self, watched: QObject, event: QEvent) -> bool:
        """Whether ``event`` would tick a box in a writing view's cell (it is then dropped)."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return (
                isinstance(watched, QAbstractItemView)
                and writes(watched)
                and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
                and self._ours(watched)
            )
        view = watched.parent()
        return (
            isinstance(view, QAbstractItemView)
            and writes(view)
            and watched is view.viewport()
            and self._ours(view)
        )

    def _check(self, widget: QWidget) -> None:
        marked: list[QWidget | QAction] = [
            a for a in QWidget.actions(widget) if writes(a)
        ]  # not ``widget.actions``:
        if writes(widget):  # a page may name an attribute so
            marked.append(widget)
        if marked and self._ours(widget):
            for control in marked:
                refuse(control)
