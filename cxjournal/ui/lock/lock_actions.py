"""File > Lock, Edit > Preferences, the idle lock and the desktop's lock signals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxjournal.qt.core import QEvent, QObject, Qt, QTimer
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.ui import warm_up
from cxjournal.ui.lock.lock_controller import LockController

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

LOCK_SHORTCUT = "Ctrl+Alt+L"
#: ticks of 250 ms after which the preferences are read even if nothing loaded them yet
SETTLE_TICKS = 40
PREFERENCES_SHORTCUT = "Ctrl+,"


def install(services: Services) -> None:
    window = services.window
    controller = LockController(services)
    services.extensions.lock_controller = controller

    lock = QAction("Loc&k", window)
    lock.setShortcut(QKeySequence(LOCK_SHORTCUT))
    lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    lock.setStatusTip("Lock the journal now: it closes until you unlock it")
    lock.triggered.connect(lambda: controller.lock(""))
    services.menu("file").addSeparator()
    services.menu("file").addAction(lock)
    services.extensions.lock_action = lock

    preferences = QAction("&Preferences…", window)
    preferences.setShortcut(QKeySequence(PREFERENCES_SHORTCUT))
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    preferences.setStatusTip("Passphrase and locking")
    preferences.triggered.connect(lambda: open_preferences(services))
    window.add_edit_action(preferences, "settings")

    window.installEventFilter(_AfterFirstPaint(window, controller))


def open_preferences(services: Services, tab: str | None = None) -> Any:
    from cxjournal.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(services)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if tab:
        dialog.show_tab(tab)
    dialog.open()
    return dialog


class _AfterFirstPaint(QObject):
    """Reads the lock preferences and watches the desktop once the window has painted,
    so start-up pays for neither."""

    def __init__(self, window: QObject, controller: LockController) -> None:
        super().__init__(window)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            warm_up.after_switch(self, self._start)  # a page clicked at once paints first
        return False

    def _start(self) -> None:
        from cxjournal.journal.lock_prefs import LockPreferences
        from cxjournal.ui.lock.session_watcher import SessionLockWatcher

        controller = self._controller
        # the defaults at once; the journal's own choice once the journal's settings are
        # loaded (by the warm-up, in the background), so reading it costs start-up nothing
        controller.apply_preferences(LockPreferences.default(controller.window.journal.encrypted))
        self._ticks = 0
        self._poll = QTimer(self)
        self._poll.setInterval(250)
        self._poll.timeout.connect(self._read_preferences)
        self._poll.start()
        watcher = SessionLockWatcher(controller)
        watcher.lock_requested.connect(controller.on_session_lock)
        watcher.start()
        controller.session_watcher = watcher

    def _read_preferences(self) -> None:
        self._ticks += 1
        # loaded to its end: half-way, reading it here would wait for the warm-up's import
        if not warm_up.loaded("cxjournal.journal.settings") and self._ticks < SETTLE_TICKS:
            return
        self._poll.stop()
        self._controller.apply_preferences()
