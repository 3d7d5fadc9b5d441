"""Small reads for the status bar and sidebar, on the start-up path (no SQLAlchemy).

The main window shows the exit plan's state and how many stakeholder updates
are due from its first paint, so these read through the journal's plain
connection, with the same functions the Today page uses.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.journal import stakeholders
from cxjournal.journal.today import ExitPlanProgress
from cxjournal.journal.today import exit_plan_progress as read_exit_plan

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


def exit_plan_progress(journal: Journal) -> ExitPlanProgress:
    """The plan's state and how many of its steps are done."""
    return read_exit_plan(journal.raw())


def due_count(journal: Journal, today: dt.date) -> int:
    """How many stakeholders' updates are due or overdue on ``today``."""
    return len(stakeholders.due(journal.raw(), today))
