"""``cxjournal calendar add|list|remove|refresh`` and ``cxjournal meetings`` (spec/calendar.md).

Never imports Qt. Calendars are .ics files on this machine, never a server.
Text output escapes control characters; ``--json`` prints what the spec shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from cxjournal.cli.common import EXIT_OK, open_journal, writing_journal
from cxjournal.domain.control_chars import escape_controls

DEFAULT_DAYS = 7


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(subparsers: Any) -> None:
    calendar = subparsers.add_parser(
        "calendar",
        help="the calendar files (.ics) your meetings are read from",
        description="Register .ics files your calendar program exports or keeps current. "
        "They are read from disk only, never from a server.",
    )
    actions = calendar.add_subparsers(dest="calendar_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="register an .ics file and read it")
    add.add_argument("file", metavar="FILE")
    add.set_defaults(func=run_add)
    listing = actions.add_parser("list", help="the registered calendar files")
    listing.add_argument("--json", action="store_true", help="print the sources as JSON")
    listing.set_defaults(func=run_list)
    remove = actions.add_parser("remove", help="forget a calendar file and its meetings")
    remove.add_argument("file", metavar="FILE")
    remove.set_defaults(func=run_remove)
    refresh = actions.add_parser("refresh", help="read every calendar file again")
    refresh.set_defaults(func=run_refresh)

    meetings = subparsers.add_parser(
        "meetings",
        help="meetings from your calendar files",
        description="Meetings that start from --from 00:00 to --to 24:00 local time "
        f"(default: today and {DEFAULT_DAYS} days on), with the people they are with. "
        "Each read of a calendar keeps its meetings from two months before to 400 days after.",
    )
    meetings.add_argument("--from", dest="first", type=iso_date, metavar="DATE")
    meetings.add_argument("--to", dest="last", type=iso_date, metavar="DATE")
    meetings.add_argument("--json", action="store_true", help="print the meetings as JSON")
    meetings.set_defaults(func=run_meetings)


def run_add(args: argparse.Namespace) -> int:
    with writing_journal(args) as journal:
        print(escape_controls(journal.calendar.add(args.file).describe()))
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        sources = journal.calendar.sources()
    if args.json:
        _dump([source.to_json() for source in sources])
        return EXIT_OK
    if not sources:
        print("no calendars yet: add one with 'cxjournal calendar add FILE.ics'", file=sys.stderr)
    for source in sources:
        state = "missing, meetings kept" if source.missing else f"read {source.read_at} UTC"
        print(f"{escape_controls(source.path)}  {source.meeting_count} meetings  ({state})")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    with writing_journal(args) as journal:
        journal.calendar.remove(args.file)
    return EXIT_OK


def run_refresh(args: argparse.Namespace) -> int:
    with writing_journal(args) as journal:
        for result in journal.calendar.refresh():
            print(escape_controls(result.describe()))
    return EXIT_OK


def run_meetings(args: argparse.Namespace) -> int:
    first = args.first or dt.date.today()
    last = args.last or first + dt.timedelta(days=DEFAULT_DAYS)
    if last < first:
        from cxjournal.domain.errors import ValidationError

        raise ValidationError([f"--to {last} is before --from {first}"])
    with open_journal(args) as journal:
        meetings = journal.calendar.meetings(first, last)
    if args.json:
        _dump([meeting.to_json() for meeting in meetings])
        return EXIT_OK
    if not meetings:
        print("no meetings in these days", file=sys.stderr)
    for m in meetings:
        who = ", ".join(p.name for p in m.people)
        kind = "1:1" if m.one_on_one else "   "
        line = f"{m.start:%Y-%m-%d %H:%M}-{m.end:%H:%M}  {kind}  {m.summary}"
        print(escape_controls(f"{line}  ({who})" if who else line))
    return EXIT_OK


def _dump(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
