"""File > Lock, Edit > Preferences, the idle lock and the desktop's lock signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from cxjournal.ui.lock.lock_controller import LockController

LOCK_SHORTCUT = "Ctrl+Alt+L"
PREFERENCES_SHORTCUT = "Ctrl+,"


def install(window: Any) -> None:
    controller = LockController(window)
    window.lock_controller = controller

    lock = QAction("Loc&k", window)
    lock.setShortcut(QKeySequence(LOCK_SHORTCUT))
    lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    lock.setStatusTip("Lock the journal now: it closes until you unlock it")
    lock.triggered.connect(lambda: controller.lock(""))
    window.menu("file").addSeparator()
    window.menu("file").addAction(lock)
    window.lock_action = lock

    preferences = QAction("&Preferences…", window)
    preferences.setShortcut(QKeySequence(PREFERENCES_SHORTCUT))
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    preferences.setStatusTip("Passphrase and locking")
    preferences.triggered.connect(lambda: open_preferences(window))
    window.menu("edit").addSeparator()
    window.menu("edit").addAction(preferences)

    window.installEventFilter(_AfterFirstPaint(window, controller))


def open_preferences(window: Any, tab: str | None = None) -> Any:
    from cxjournal.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if tab:
        dialog.show_tab(tab)
    dialog.open()
    return dialog


class _AfterFirstPaint(QObject):
    """Reads the lock preferences and watches the desktop once the window has painted,
    so start-up pays for neither."""

    def __init__(self, window: Any, controller: LockController) -> None:
        super().__init__(window)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._start)
        return False

    def _start(self) -> None:
        from cxjournal.ui.lock.session_watcher import SessionLockWatcher

        controller = self._controller
        if not controller.locked:
            controller.apply_preferences()
        watcher = SessionLockWatcher(controller)
        watcher.lock_requested.connect(controller.on_session_lock)
        watcher.start()
        controller.session_watcher = watcher
