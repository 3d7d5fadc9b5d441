"""What fills Today's program card: the program's view, worked out off the GUI thread.

Until the view comes the card keeps the rows of the same day, or says it is working; a view
asked for before the latest ask (another day, or the journal changed since) is never shown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.qt.core import QTimer
from cxjournal.ui import import_pauses, warm_up
from cxjournal.ui.program_views import program_views
from cxjournal.ui.services import Services
from cxjournal.ui.widgets.today_program_card import ProgramCard

if TYPE_CHECKING:
    from cxjournal.domain.program_view import ProgramView

#: Checks, 100 ms apart, for the warm-up's imports before the view is asked for anyway.
PROGRAM_TRIES = 50


class ProgramCardFeed:
    """Asks for the program's view of a day and fills ``card`` with the latest answer."""

    def __init__(self, services: Services, card: ProgramCard) -> None:
        self.services = services
        self.card = card
        #: counts the asks: a view asked for before the latest is dropped
        self.asked = 0
        self._tries = 0

    def ask(self, today: dt.date) -> None:
        self.asked += 1
        asked = self.asked
        view = program_views(self.services).kept(today)
        if view is not None:
            self.card.fill(view)
            return
        self.card.working(today)
        if asked == 1:
            self.card.show()  # the first time, until the view says whether it shows
        self._tries = 0
        # not before the first paint, and not before the warm-up thread has imported the
        # journal's program module to its end (two threads importing it contend)
        QTimer.singleShot(0, self.card, lambda: self._start(today, asked))

    def _start(self, today: dt.date, asked: int) -> None:
        if asked != self.asked:
            return  # asked again since
        self._tries += 1
        if not warm_up.loaded("cxjournal.journal.program") and self._tries < PROGRAM_TRIES:
            QTimer.singleShot(100, self.card, lambda: self._start(today, asked))
            return

        def ready(view: ProgramView) -> None:
            if asked == self.asked:
                # it comes while the warm-up thread imports: its next import waits for the
                # card's rows, which would otherwise be made at half speed
                with import_pauses.holding():
                    self.card.fill(view)

        def failed(_exc: BaseException) -> None:
            if asked == self.asked:
                self.card.failed()

        program_views(self.services).ask(today, ready, failed)
