"""The resilience summary Today and the Resilience page show, read in one place (no SQLAlchemy).

Today's check-in, the last two weeks, the early warning (unless dismissed) and
how regular the check-ins are. Reads only the weeks the warning rule can look
at; the regularity reads every date only when the current run of check-ins
reaches back beyond them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxjournal.domain.early_warning import EarlyWarning, WarningRule
from cxjournal.domain.early_warning import early_warning as find_early_warning
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import Consistency, consistency
from cxjournal.store.reads import Connection
from cxjournal.store.reads import resilience as reads

#: Days of check-ins a summary carries (the sparkline).
SUMMARY_DAYS = 14
#: How far back the early warning may look for the start of a shift (see
#: ``domain.early_warning.early_warning``), plus a little margin.
WARNING_LOOKBACK_DAYS = 366 + 7


@dataclass(frozen=True, slots=True)
class ResilienceSummary:
    """What a Today page needs to know about the resilience log, in one call.

    ``recent`` holds the check-ins of the last ``SUMMARY_DAYS`` days (today
    included), oldest first. ``warning`` is the early warning unless the user
    dismissed it; ``latest`` is the newest check-in on or before ``today``.
    """

    today: dt.date
    today_entry: ResilienceEntry | None
    latest: ResilienceEntry | None
    recent: tuple[ResilienceEntry, ...]
    warning: EarlyWarning | None
    consistency: Consistency
    total: int


def reach_start(today: dt.date, rule: WarningRule) -> dt.date:
    """The first day ``early_warning`` can look at for ``today`` under ``rule``."""
    return today - dt.timedelta(days=WARNING_LOOKBACK_DAYS + rule.recent_days + rule.earlier_days)


def early_warning(conn: Connection, today: dt.date, rule: WarningRule) -> EarlyWarning | None:
    """The early warning for ``today``, reading only the weeks ``rule`` looks at."""
    return find_early_warning(reads.between(conn, reach_start(today, rule), today), today, rule)


def summary(
    conn: Connection,
    today: dt.date,
    rule: WarningRule,
    dismissed: str | None,
    total: int | None = None,
) -> ResilienceSummary:
    """The summary for ``today``; ``total`` is the number of check-ins when already known."""
    total = reads.count(conn) if total is None else total
    if not total:
        return ResilienceSummary(today, None, None, (), None, consistency([], today), 0)
    entries = reads.between(conn, reach_start(today, rule), today)
    dates = [e.on for e in entries]
    regularity = consistency(dates, today)
    if dates and regularity.current_run == len(dates):  # the run may go on further back
        regularity = consistency(reads.dates_until(conn, today), today)
    latest = entries[-1] if entries else reads.latest_before(conn, today)
    warning = find_early_warning(entries, today, rule)
    if warning is not None and warning.key == dismissed:
        warning = None
    first_recent = today - dt.timedelta(days=SUMMARY_DAYS - 1)
    return ResilienceSummary(
        today=today,
        today_entry=entries[-1] if entries and entries[-1].on == today else None,
        latest=latest,
        recent=tuple(e for e in entries if e.on >= first_recent),
        warning=warning,
        consistency=regularity,
        total=total,
    )
