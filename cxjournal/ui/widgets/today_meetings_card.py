"""Today's meetings card: the next 1:1s (today and tomorrow) and meetings with key
stakeholders, from the user's calendar files.

A 1:1 still to come offers "Prepare 1:1"; once it has ended, "Log the 1:1"
opens a note with the person, the meeting's day and its kind filled in (the
meeting alone never counts as a contact). Hidden while no calendar is set up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cxjournal.domain.meetings import Meeting, meeting_time, todays_meetings
from cxjournal.domain.model import NoteKind
from cxjournal.qt.core import Signal
from cxjournal.qt.widgets import QWidget
from cxjournal.ui.icons import icon
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.widgets.today_cards import Card, LinkRow


class MeetingsCard(Card):
    #: prepare a 1:1 with this person id
    prepare = Signal(int)
    #: log a meeting that took place: person id, its day, the note kind (a NoteKind value)
    log = Signal(int, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Meetings today and tomorrow", parent)
        self.setObjectName("today-meetings")
        self.rows: list[LinkRow] = []

    def fill(self, meetings: Sequence[Meeting], now: dt.datetime, has_calendar: bool) -> None:
        self.clear()
        self.rows = []
        self.setVisible(has_calendar)
        today = now.date()
        one_on_ones, with_key = todays_meetings(meetings, today)
        if not one_on_ones and not with_key:
            self.add_text(
                "No 1:1 and no meeting with a key stakeholder today or tomorrow.",
                "today-no-meetings",
            )
        for meeting in one_on_ones:
            self._row(meeting, now, today, NoteKind.ONE_ON_ONE)
        for meeting in with_key:
            self._row(meeting, now, today, NoteKind.MEETING)

    def _row(self, meeting: Meeting, now: dt.datetime, today: dt.date, kind: NoteKind) -> None:
        person = meeting.people[0]
        assert person.id is not None
        names = ", ".join(p.name for p in meeting.people)
        title = f"1:1 with {person.name}" if kind is NoteKind.ONE_ON_ONE else meeting.summary
        detail = meeting_time(meeting, today)
        if kind is NoteKind.MEETING:
            detail += f" · with {names}"
        row = LinkRow(title, detail, icon("people"), meeting.summary)
        row.setObjectName("today-meeting")
        if meeting.end <= now:
            button = row.add_button(
                "&Log the 1:1" if kind is NoteKind.ONE_ON_ONE else "Log it",
                f"Write the note of this meeting with {person.name}",
            )
            writes_journal(button)
            day = meeting.start.date()
            for signal in (row.activated, button.clicked):
                signal.connect(
                    lambda _=False, p=person.id, d=day, k=kind.value: self.log.emit(p, d, k)
                )
        else:
            text = "&Prepare 1:1" if kind is NoteKind.ONE_ON_ONE else "P&repare"
            button = row.add_button(text, f"Prepare what to raise with {person.name}")
            for signal in (row.activated, button.clicked):
                signal.connect(lambda _=False, p=person.id: self.prepare.emit(p))
        self.add(row)
        self.rows.append(row)
