"""Menu actions of the resilience log: Ctrl+L to check in, and the warning rule (Help
explains it in Edit > Preferences > Early warning)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.ui.icons import icon

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

PAGE_KEY = "resilience"


def install(services: Services) -> None:
    window = services.window
    log = QAction(icon("resilience"), "&Log today's check-in", window)
    log.setObjectName("action-log-checkin")
    log.setShortcut(QKeySequence("Ctrl+L"))
    log.setStatusTip("Open the Resilience page at today's check-in, ready to type")
    log.triggered.connect(lambda: log_today(services))
    from cxjournal.ui.main_window import writes_journal

    services.menu("file").addAction(writes_journal(log))

    rule = QAction("Resilience &early warning…", window)
    rule.setObjectName("action-warning-rule")
    rule.setStatusTip("When the resilience early warning appears, and its numbers")
    rule.triggered.connect(lambda: show_warning_rule(services))
    services.menu("help").addAction(rule)


def log_today(services: Services) -> None:
    services.navigate(PAGE_KEY, on=services.today())


def show_warning_rule(services: Services) -> object:
    """Open Preferences at the early-warning rule and return the dialog."""
    from cxjournal.ui.lock.lock_actions import open_preferences

    return open_preferences(services, "WarningRuleTab")
