"""Main-window additions for power audits: File > New power audit, Edit > Settings
(the thresholds), and the exit plan's state in the status bar and the sidebar.

Kept light at start-up: one small query for the plan's state; dialogs and pages are
imported when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxjournal.journal.changes import Area
from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.qt.widgets import QToolButton
from cxjournal.ui.icons import icon

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

EXIT_PAGE = "exit_plan"
AUDITS_PAGE = "audits"


class ExitPlanIndicator(QToolButton):
    """ "Exit plan: active · 3 of 12 done" in the status bar; hidden while not started."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.setObjectName("exit-plan-indicator")
        self.setAutoRaise(True)
        self.setIcon(icon("exit"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(lambda: services.navigate(EXIT_PAGE))
        self.update_state()

    def update_state(self) -> None:
        from cxjournal.domain.exit_plan import status_title
        from cxjournal.domain.model import ExitStatus
        from cxjournal.journal.status import exit_plan_progress

        plan = exit_plan_progress(self.services.journal)
        done, total = plan.done, plan.total
        state = status_title(plan.status)
        self.setVisible(plan.status is not ExitStatus.INACTIVE)
        steps = f" · {done} of {total} done" if total else ""
        self.setText(f"Exit plan: {state}{steps}")
        tip = f"Your exit plan is {state}{steps}. Click to open it."
        self.setToolTip(tip)
        self.setAccessibleName(f"Exit plan {state}")
        _update_sidebar(self.services, plan.status, state, tip)


def _update_sidebar(services: Services, status: Any, state: str, tip: str) -> None:
    from cxjournal.domain.model import ExitStatus

    sidebar = services.window.sidebar
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != EXIT_PAGE:
            continue
        base = item.data(Qt.ItemDataRole.UserRole + 1) or item.text()
        item.setData(Qt.ItemDataRole.UserRole + 1, base)
        item.setText(base if status is ExitStatus.INACTIVE else f"{base} · {state}")
        item.setToolTip(
            tip
            if status is not ExitStatus.INACTIVE
            else "Your exit plan: starts when an audit records a superior blocking you"
        )


def install(services: Services) -> None:
    window = services.window
    new_audit = QAction(icon("audit"), "New power &audit…", window)
    new_audit.setShortcut(QKeySequence("Ctrl+Shift+N"))
    new_audit.setStatusTip("Start an empty power audit")
    new_audit.triggered.connect(lambda: _on_audits(services, "new_audit"))
    from_latest = QAction("New audit from &latest…", window)
    from_latest.setShortcut(QKeySequence("Ctrl+Shift+L"))
    from_latest.setStatusTip("Start a re-audit with the people and ratings of your latest audit")
    from_latest.triggered.connect(lambda: _on_audits(services, "new_from_latest"))
    file_menu = services.menu("file")
    from cxjournal.ui.main_window import writes_journal

    file_menu.addAction(writes_journal(new_audit))
    file_menu.addAction(writes_journal(from_latest))

    # the thresholds live in Edit > Preferences > Alarm bells; this entry opens that tab
    settings = QAction("Alarm &thresholds…", window)
    settings.setMenuRole(QAction.MenuRole.NoRole)
    settings.setStatusTip("Power audit thresholds: when alarm bells ring")
    settings.triggered.connect(lambda: open_settings(services))
    window.add_edit_action(writes_journal(settings), "settings")

    indicator = ExitPlanIndicator(services)
    services.add_status_widget(indicator)
    services.extensions.exit_plan_indicator = indicator
    services.bus.changed.connect(
        lambda changes: indicator.update_state() if changes & Area.EXIT_PLAN else None
    )


def _on_audits(services: Services, method: str) -> None:
    services.navigate(AUDITS_PAGE)
    getattr(services.page(AUDITS_PAGE), method)()


def open_settings(services: Services) -> Any:
    """Open Preferences at the thresholds (window-modal) and return the dialog."""
    from cxjournal.ui.lock.lock_actions import open_preferences

    return open_preferences(services, "ThresholdsTab")
