"""A busy calendar for the size tests: years of recurring series and one-off meetings.

``python -m tests.journal.busy_calendar OUT.ics [YEARS]`` writes one, for
measuring ``cxjournal calendar add`` as a whole process.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

#: Weekly series (each about 50 occurrences a year) and one-off meetings a year.
SERIES, ONE_OFFS_PER_YEAR = 40, 3000


def busy_calendar(years: int, last: dt.date = dt.date(2026, 12, 31)) -> tuple[str, int]:
    """The .ics text of ``years`` up to ``last`` and how many occurrences it holds."""
    first = last - dt.timedelta(days=years * 364)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//cxjournal tests//EN"]
    weeks = years * 52
    total = 0

    def add(uid: str, start: dt.datetime, summary: str, *extra: str) -> None:
        stamp = start.strftime("%Y%m%dT%H%M%SZ")
        end = (start + dt.timedelta(minutes=30)).strftime("%Y%m%dT%H%M%SZ")
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                f"DTSTAMP:{stamp}",
                f"DTSTART:{stamp}",
                f"DTEND:{end}",
                f"SUMMARY:{summary}",
                "ORGANIZER:mailto:me@example.com",
                f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:p{len(lines) % 97}@example.com",
                *extra,
                "END:VEVENT",
            ]
        )

    for series in range(SERIES):
        start = dt.datetime.combine(first, dt.time(8 + series % 9), dt.UTC) + dt.timedelta(
            days=series % 5
        )
        add(f"series-{series}@busy", start, f"Series {series}", f"RRULE:FREQ=WEEKLY;COUNT={weeks}")
        total += weeks
    for n in range(years * ONE_OFFS_PER_YEAR):
        day = first + dt.timedelta(days=n * 364 // ONE_OFFS_PER_YEAR)
        start = dt.datetime.combine(day, dt.time(9 + n % 8, 30), dt.UTC)
        add(f"one-{n}@busy", start, f"Meeting {n}")
        total += 1
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n", total


if __name__ == "__main__":
    text, count = busy_calendar(int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    Path(sys.argv[1]).write_text(text, encoding="utf-8", newline="")
    print(f"{count} occurrences")
