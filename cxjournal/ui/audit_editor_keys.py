"""The audit form's keyboard: its Tab order, and Ctrl+Z reaching the form's own Undo.

Tab (and Enter) walk the form top to bottom: date, note, each person's ratings and
remove button, the add-person controls, the ties, the blocking flag, the results tabs,
Save and Cancel. Enter after a person's last rating goes to the next person, never to
their remove button (:class:`~cxjournal.ui.widgets.rating_row.RatingRow`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.qt.core import QEvent, Qt
from cxjournal.qt.gui import QKeyEvent, QKeySequence
from cxjournal.qt.widgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

if TYPE_CHECKING:
    from cxjournal.ui.audit_editor import AuditEditor


def tab_chain(editor: AuditEditor) -> list[QWidget]:
    """The form's inputs in Tab order."""
    chain: list[QWidget] = [editor.date_edit, editor.note_edit]
    for row in editor.rows:
        chain += row.focus_widgets()
    adder = editor.adder
    return [
        *chain,
        adder.name_edit,
        adder.add_button,
        adder.new_button,
        adder.new_name,
        *adder.fields.values(),
        adder.relationship,
        adder.internal,
        adder.cancel_new_button,
        adder.add_new_button,
        editor.undo_bar.undo_button,
        editor.ties_editor.person_list,
        editor.ties_editor.knows_list,
        editor.ties_editor.none_box,
        editor.blocking,
        editor.blocker,
        editor.tabs,
        editor.save_button,
        editor.buttons.button(QDialogButtonBox.StandardButton.Cancel),
    ]


def lets_undo_through(watched: object, event: QEvent) -> bool:
    """For a line edit's event filter: True when ``event`` is Ctrl+Z and the line has no
    typing of its own to undo, so the form's Undo gets it (the event is then ignored)."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.matches(QKeySequence.StandardKey.Undo)
        and isinstance(watched, QLineEdit)
        and not watched.isUndoAvailable()
    ):
        event.ignore()
        return True
    return False


def enter_moves_on(editor: AuditEditor, event: QKeyEvent) -> bool:
    """Enter never closes the form by accident: it moves on, or presses a focused button.
    True when ``event`` was Enter and is handled (Ctrl+Enter saves).

    (Enter in a rating moves to the next field in :class:`RatingRow`; Enter in the
    add-person line adds the person and moves to their first rating.)
    """
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        editor.save()
        return True
    focus = editor.focusWidget()
    if focus is editor.date_edit or isinstance(focus, (QCheckBox, QComboBox)):
        editor.focusNextChild()
    elif isinstance(focus, QAbstractButton):
        focus.click()
    return True
