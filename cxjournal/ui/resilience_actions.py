"""Menu actions of the resilience log: Ctrl+L to check in, and the warning rule (Help
explains it in Edit > Preferences > Early warning)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.ui.icons import icon

if TYPE_CHECKING:
    from cxjournal.ui.main_window import MainWindow

PAGE_KEY = "resilience"


def install(window: MainWindow) -> None:
    log = QAction(icon("resilience"), "&Log today's check-in", window)
    log.setObjectName("action-log-checkin")
    log.setShortcut(QKeySequence("Ctrl+L"))
    log.setStatusTip("Open the Resilience page at today's check-in, ready to type")
    log.triggered.connect(lambda: log_today(window))
    from cxjournal.ui.main_window import writes_journal

    window.menu("file").addAction(writes_journal(log))

    rule = QAction("Resilience &early warning…", window)
    rule.setObjectName("action-warning-rule")
    rule.setStatusTip("When the resilience early warning appears, and its numbers")
    rule.triggered.connect(lambda: show_warning_rule(window))
    window.menu("help").addAction(rule)


def log_today(window: MainWindow) -> None:
    window.navigate(PAGE_KEY, on=dt.date.today())


def show_warning_rule(window: MainWindow) -> object:
    """Open Preferences at the early-warning rule and return the dialog."""
    from cxjournal.ui.lock.lock_actions import open_preferences

    return open_preferences(window, "WarningRuleTab")
