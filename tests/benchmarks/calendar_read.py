"""Reading ten years of a busy calendar, as the running app does when the file changes.

    python tests/benchmarks/calendar_read.py WORK_DIR

Writes a 10-year busy calendar (about 5,000 occurrences a year) into WORK_DIR, registers
it in a new journal there, then rewrites it (one meeting renamed, as a re-export would)
and times the journal's read of the changed file: parsing, expanding and storing. Prints
one JSON line: the CPU and wall seconds of that read and how many meetings it kept.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from cxjournal.journal import Journal
    from tests.journal.busy_calendar import busy_calendar

    work = Path(sys.argv[1])
    work.mkdir(parents=True, exist_ok=True)
    text, occurrences = busy_calendar(10)
    path = work / "busy.ics"
    path.write_text(text, encoding="utf-8", newline="")
    now = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    journal = Journal.open(work / "journal.db")
    try:
        journal.calendar.add(path, now=now)
        path.write_text(text.replace("Meeting 29000", "Meeting 29000 moved"), encoding="utf-8")
        cpu, wall = time.process_time(), time.perf_counter()
        read = journal.calendar.read(path, now=now)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        journal.close()
    assert read.outcome == "read", read
    print(
        json.dumps(
            {
                "cpu_s": cpu,
                "wall_s": wall,
                "meetings": read.meeting_count,
                "occurrences_in_file": occurrences,
            }
        )
    )


if __name__ == "__main__":
    main()
