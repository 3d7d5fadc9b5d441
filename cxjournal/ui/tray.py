"""The tray icon, and running in the background when the window closes.

The icon is shown when the user asks for it, when the app keeps running after its
window closes, and when it was started in the background (at login); only where
the desktop has a tray. Its menu opens the window or quits; clicking it opens the
window. It is also where a reminder is shown when the desktop's notification
service is not there (``message``).

Keeping running: with the preference on (and a tray to come back from), closing
the window hides it instead; the app goes on with its reminders until Quit.
"""

from __future__ import annotations

from typing import Any

from cxjournal.domain.reminders import Reminder, ReminderPreferences
from cxjournal.qt.core import QEvent, QObject, Signal
from cxjournal.qt.gui import QAction
from cxjournal.qt.widgets import QApplication, QMenu, QSystemTrayIcon
from cxjournal.ui.icons import app_icon

#: how long a tray message stays up, in milliseconds
MESSAGE_MS = 15_000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    """One per main window (``window.tray``)."""

    #: the user clicked the tray message of the reminder with this key
    message_clicked = Signal(str)

    def __init__(self, window: Any, started_in_background: bool = False) -> None:
        super().__init__(window)
        self.window = window
        self.started_in_background = started_in_background
        self.keep_running = False
        self.quitting = False
        #: made when first shown: a tray icon made on a desktop without a tray leaves a
        #: stray window behind on some (X11)
        self._icon: QSystemTrayIcon | None = None
        self.menu = QMenu()
        self.open_action = QAction("&Open cxjournal", self.menu)
        self.open_action.triggered.connect(self.show_window)
        self.quit_action = QAction("&Quit cxjournal", self.menu)
        self.quit_action.triggered.connect(self.quit)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self._last_message: str | None = None
        window.installEventFilter(self)

    @property
    def icon(self) -> QSystemTrayIcon:
        if self._icon is None:
            self._icon = QSystemTrayIcon(app_icon(), self)
            self._icon.setToolTip("cxjournal")
            self._icon.setContextMenu(self.menu)
            self._icon.activated.connect(self._activated)
            self._icon.messageClicked.connect(self._message_clicked)
        return self._icon

    @property
    def shown(self) -> bool:
        return self._icon is not None and self._icon.isVisible()

    # -- preferences ----------------------------------------------------------------------

    def apply(self, prefs: ReminderPreferences) -> None:
        """Show or hide the icon and choose what closing the window does."""
        wanted = prefs.tray or prefs.background or self.started_in_background
        self.keep_running = prefs.background or self.started_in_background
        if wanted and tray_available():
            self.icon.show()
        elif self._icon is not None:
            self._icon.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.runs_hidden)

    @property
    def runs_hidden(self) -> bool:
        """Closing the window keeps the app running (there is a tray icon to come back by)."""
        return self.keep_running and self.shown

    # -- the window -----------------------------------------------------------------------

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def quit(self) -> None:
        self.quitting = True
        was_shown = self.shown
        if self._icon is not None:
            self._icon.hide()
        self.window.close()  # saves the geometry, asks about unsaved work
        if self.window.isVisible():  # the user chose to stay
            self.quitting = False
            if was_shown:
                self.icon.show()
            return
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.runs_hidden
            and not self.quitting
        ):
            self.window.settings.setValue("main_window/geometry", self.window.saveGeometry())
            self.window.hide()
            event.ignore()
            return True
        return False

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    # -- reminders ------------------------------------------------------------------------

    def message(self, reminder: Reminder) -> bool:
        """Show ``reminder`` as the tray's message; False without a tray icon to show it."""
        if not tray_available():
            return False
        if not self.shown:
            self.icon.show()  # shown for the message even if not asked for
        self._last_message = reminder.key
        self.icon.showMessage(
            reminder.summary, reminder.body, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
        )
        return True

    def _message_clicked(self) -> None:
        if self._last_message is not None:
            self.message_clicked.emit(self._last_message)
