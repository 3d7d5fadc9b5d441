"""Edit > Preferences: one tab per area; a tab is added by one line in ``TABS``.

A tab is a ``QWidget`` subclass built as ``Tab(services)`` (``ui/services.py``) with a class
attribute ``title``; it applies each change as it is made (there is no OK to
forget), reading and writing through the journal's operations.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from cxjournal.qt.core import QSize, Qt
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

#: "module:Class" of each tab, in order
TABS: tuple[str, ...] = (
    "cxjournal.ui.preferences.security_tab:SecurityTab",
    "cxjournal.ui.preferences.lock_tab:LockTab",
    "cxjournal.ui.preferences.calendar_tab:CalendarTab",
    "cxjournal.ui.preferences.reminders_tab:RemindersTab",
    "cxjournal.ui.preferences.thresholds_tab:ThresholdsTab",
    "cxjournal.ui.preferences.warning_rule_tab:WarningRuleTab",
    "cxjournal.ui.preferences.backups_tab:BackupsTab",
    "cxjournal.ui.preferences.appearance_tab:AppearanceTab",
)


class PreferencesDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent or services.window)
        self.setWindowTitle("Preferences")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, QWidget] = {}
        self._scrollers: dict[str, QScrollArea] = {}  # each page's tab
        for target in TABS:
            module_name, class_name = target.split(":")
            tab_class = getattr(importlib.import_module(module_name), class_name)
            tab: QWidget = tab_class(services)
            self.pages[class_name] = tab
            self._scrollers[class_name] = _scrolling(tab)
            self.tabs.addTab(self._scrollers[class_name], tab_class.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        # every tab's title in view, as tall as the tallest tab, as far as the screen
        # allows; a tab scrolls past that
        bar = self.tabs.tabBar()
        wanted = QSize(sum(bar.tabSizeHint(i).width() for i in range(bar.count())), 0)
        for page in self.pages.values():
            wanted = wanted.expandedTo(page.sizeHint())
        chrome = buttons.sizeHint().height() + self.tabs.tabBar().sizeHint().height() + 48
        fit_to_screen(self, QSize(wanted.width() + 40, wanted.height() + chrome))

    def show_tab(self, class_name: str) -> QWidget:
        page = self.pages[class_name]
        self.tabs.setCurrentWidget(self._scrollers[class_name])
        return page


def _scrolling(tab: QWidget) -> QScrollArea:
    """``tab`` in a scroll area: on a short screen its last settings stay reachable."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(tab)
    return scroll
