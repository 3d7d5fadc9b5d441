"""The trash's rule, in one place: how long it keeps what was deleted, and how it says so."""

from __future__ import annotations

import datetime as dt

#: how long the trash keeps an item before it is deleted for good (at the next start)
KEEP_DAYS = 30
#: what the trash says about it, everywhere
KEEP_RULE = f"Items are deleted for good {KEEP_DAYS} days after they were put here."
#: what a confirmation of a delete says becomes of the item
GOES_TO_TRASH = (
    f"It goes to the trash (Edit > Trash…), from which it can be restored for {KEEP_DAYS} days."
)


def purge_cutoff(now: dt.datetime) -> dt.datetime:
    """What was put in the trash before this moment has been there longer than the trash
    keeps it, and goes for good."""
    return now - dt.timedelta(days=KEEP_DAYS)


def days_left(deleted_at: dt.datetime, now: dt.datetime, zone: dt.tzinfo | None = None) -> int:
    """Calendar days until the last day of an item put in the trash at ``deleted_at``:
    ``KEEP_DAYS`` on the day it was deleted, one fewer each day after, 0 on its last day
    (the day it has been there ``KEEP_DAYS`` days, after which the next start deletes it).

    Days are those of ``zone`` (the computer's time zone when None); naive times are UTC."""
    last_day = _day(deleted_at, zone) + dt.timedelta(days=KEEP_DAYS)
    return max(0, (last_day - _day(now, zone)).days)


def _day(when: dt.datetime, zone: dt.tzinfo | None) -> dt.date:
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return aware.astimezone(zone).date()
