"""Today's resilience card: today's check-in (or that there is none yet), the last two
weeks as a sparkline, how regularly the user checks in, and the early warning."""

from __future__ import annotations

import datetime as dt
import html

from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import MEASURES, checkin_value
from cxjournal.journal.resilience_summary import ResilienceSummary
from cxjournal.qt.core import Signal
from cxjournal.qt.widgets import QWidget
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.widgets.resilience_warning import WarningBanner
from cxjournal.ui.widgets.sparkline import SERIES_COLOURS, Sparkline
from cxjournal.ui.widgets.today_cards import Card

#: how many days the sparkline shows, today the last
SPARKLINE_DAYS = 14


class ResilienceCard(Card):
    #: the user asks to check in (or to edit today's check-in)
    check_in = Signal()
    #: the user dismisses the early warning with this key
    dismiss_warning = Signal(str)
    #: the user asks why the early warning shows (the Resilience page explains)
    explain_warning = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Resilience", parent)
        self.check_in_button = writes_journal(
            self.add_header_button(
                "&Check in now", "Record today's energy, stress and mood (about ten seconds)"
            )
        )
        self.check_in_button.clicked.connect(self.check_in.emit)
        self.today_checkin = self.add_text("", "today-checkin")
        self.sparkline = Sparkline()
        self.add(self.sparkline)
        legend = " ".join(
            f'<span style="color:{colour}">●</span> {name}'
            for name, colour in SERIES_COLOURS.items()
        )
        self.sparkline_legend = self.add_text(
            f"<small>Last {SPARKLINE_DAYS} days: {legend}</small>", "today-legend"
        )
        self.consistency_label = self.add_text("", "today-consistency")
        self.warning_banner = WarningBanner()
        self.warning_banner.dismissed.connect(self.dismiss_warning.emit)
        self.warning_banner.explain_requested.connect(self.explain_warning.emit)
        self.add(self.warning_banner)

    def fill(self, summary: ResilienceSummary, today: dt.date) -> None:
        """Show ``summary`` as of ``today``."""
        entry = summary.today_entry
        if entry is not None:
            self.today_checkin.setText(
                f"Today: energy <b>{checkin_value(entry.energy)}</b> · "
                f"stress <b>{checkin_value(entry.stress)}</b> · mood <b>{entry.mood}</b>"
            )
            self.check_in_button.setText("Edit today's &check-in")
        else:
            self.today_checkin.setText("No check-in yet today.")
            self.check_in_button.setText("&Check in now")
        days = [today - dt.timedelta(days=SPARKLINE_DAYS - 1 - n) for n in range(SPARKLINE_DAYS)]
        by_day = {e.on: e for e in summary.recent}
        series: dict[str, list[float | None]] = {
            metric: [_value(by_day.get(d), metric) for d in days] for metric in MEASURES
        }
        self.sparkline.set_series(days, series)
        has_recent = bool(summary.recent)
        self.sparkline.setVisible(has_recent)
        self.sparkline_legend.setVisible(has_recent)
        self.consistency_label.setText(html.escape(summary.consistency.message))
        self.warning_banner.show_warning(summary.warning)


def _value(entry: ResilienceEntry | None, measure: str) -> float | None:
    """A day's value of one measure for the sparkline; None (a gap) when not recorded."""
    value = getattr(entry, measure) if entry is not None else None
    return None if value is None else float(value)
