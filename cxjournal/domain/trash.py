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


def days_left(deleted_at: dt.datetime, now: dt.datetime) -> int:
    """Whole days until an item put in the trash at ``deleted_at`` is deleted for good
    (0 on its last day). Both in UTC; naive times are taken as UTC."""
    deleted_at = _naive_utc(deleted_at)
    left = deleted_at + dt.timedelta(days=KEEP_DAYS) - _naive_utc(now)
    return max(0, left.days)


def _naive_utc(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
