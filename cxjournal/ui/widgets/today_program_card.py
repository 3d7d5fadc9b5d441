"""Today's CX program card: the top program risks and the attitude gaps coming due.

Filled from the domain's program view (``journal.program.view``), the same risks
the Program page and ``cxjournal program show`` list; hidden while the program
is empty. The view is worked out off the GUI thread (``ui/program_views.py``):
meanwhile the card keeps the rows of the same day it lists (after a note, say: most
notes move no risk, and the card neither empties nor jumps), and otherwise says it
is working (:meth:`ProgramCard.working`): rows of another day are not left standing
as if they were today's.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.domain.model import Program
from cxjournal.qt.core import Signal
from cxjournal.qt.widgets import QWidget
from cxjournal.ui.icons import icon
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.widgets.today_cards import Card, LinkRow

if TYPE_CHECKING:
    from cxjournal.domain.program_view import ProgramView

#: At most this many risks and this many gaps are listed; the rest are counted.
TOP_RISKS = 3
TOP_GAPS = 3

WORKING_TEXT = "Working out the program's risks…"
FAILED_TEXT = "The program's risks could not be worked out. The Program page lists them."


class ProgramCard(Card):
    #: open the Program page
    open_program = Signal()
    #: prepare a 1:1 with this person id
    prepare = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("CX program", parent)
        self.setObjectName("today-program")
        self.rows: list[LinkRow] = []
        #: the view the card lists (None while it says it is working, or failed)
        self.view: ProgramView | None = None

    def working(self, day: dt.date) -> None:
        """While the view of ``day`` is worked out: the rows of a view of that day stay (the
        new view replaces them, or leaves them when it lists the same); otherwise the card
        (when it showed, or has never been filled) says so instead of listing another day's."""
        if self.view is not None and self.view.on == day:
            return
        self.view = None
        self.clear()
        self.rows = []
        self.add_text(WORKING_TEXT, "today-program-working")

    def failed(self) -> None:
        self.view = None
        self.clear()
        self.rows = []
        self.add_text(FAILED_TEXT, "today-program-failed")

    def fill(self, view: ProgramView) -> None:
        if view == self.view:
            return  # the rows listed are the view's (a note that moved no risk)
        self.view = view
        # the program's rules: the view was worked out with them, after the first paint
        from cxjournal.domain.program_view import gaps_due, top_risks

        # hidden while its rows are added: a row shown in a card on screen lays out the
        # whole page again (seven rows took the GUI thread 40 ms and more), in a hidden
        # card it does not; the card then shows once, laid out once
        self.hide()
        self.clear()
        self.rows = []
        risks = top_risks(view, TOP_RISKS)
        gaps = gaps_due(view)
        shows = view.program != Program() or bool(gaps)
        if not risks and not gaps:
            self.add_text("No program risk today.", "today-program-clear")
        for risk in risks:
            row = LinkRow(risk.title, risk.message, icon("alarm"), "Open the Program page")
            row.setObjectName("today-program-risk")
            row.activated.connect(self.open_program.emit)
            self.add(row)
            self.rows.append(row)
        others = len(view.risks) - len(gaps) - len(risks)
        if others > 0:
            more = LinkRow(f"{others} more risks", "On the Program page", tooltip="Open it")
            more.setObjectName("today-more")
            more.activated.connect(self.open_program.emit)
            self.add(more)
        for gap in gaps[:TOP_GAPS]:
            person = gap.person
            if person is None or person.id is None:
                continue
            row = LinkRow(f"Attitude gap: {person.name}", gap.problem, icon("people"))
            row.setObjectName("today-program-gap")
            tip = as_written(f"Prepare your next 1:1 with {person.name}", wrap=False)
            prepare = row.add_button("Prepare 1:1", tip)
            for signal in (row.activated, prepare.clicked):
                signal.connect(lambda _=False, pid=person.id: self.prepare.emit(pid))
            self.add(row)
            self.rows.append(row)
        self.setVisible(shows)
