"""``cxjournal search QUERY [--json] [--limit N] [--offset N] [--person NAME] [--kind KIND]
[--since DATE] [--until DATE]``: full-text search over the journal.

Never imports Qt. People whose name matches come first, then the other hits best
first, as in the app's search. Text output is one hit per line: date, kind, title
and the snippet with matches in [brackets], control characters shown as escapes;
``--json`` prints a list of hit objects. The filters are the app's: about one
person, of some kinds, dated within a period; ``--offset`` pages past the first hits.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cxjournal.cli.common import EXIT_OK, EXIT_USAGE, CommandError, iso_date, open_journal
from cxjournal.domain.control_chars import escape_controls
from cxjournal.journal.search import KIND_LABELS, SearchFilter

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000


def offset_value(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below 0")
    return value


def positive_limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{value} is not between 1 and {MAX_LIMIT}")
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full-text search over the journal",
        description="Search notes, follow-ups, people, audit notes and check-in notes. "
        "Words are matched whatever their accents or case; the last word may be the start "
        "of a word. Quotes and operators are searched as plain words.",
    )
    parser.add_argument("query", metavar="QUERY", help="the words to look for")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.add_argument(
        "--limit",
        type=positive_limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N hits, best first (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--offset", type=offset_value, default=0, metavar="N", help="skip the first N hits"
    )
    parser.add_argument(
        "--person", metavar="NAME", help="only what is about this person (and their own entry)"
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=list(KIND_LABELS),
        help="only hits of this kind (repeat for several)",
    )
    parser.add_argument("--since", type=iso_date, metavar="DATE", help="dated on or after DATE")
    parser.add_argument("--until", type=iso_date, metavar="DATE", help="dated on or before DATE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        person_id = None
        if args.person is not None:
            person = journal.people.find_by_name(args.person)
            if person is None:
                problem = f"person: no one named {args.person!r} in the journal"
                raise CommandError(problem, EXIT_USAGE)
            person_id = person.id
        only = SearchFilter(person_id, tuple(args.kind or ()), args.since, args.until)
        hits = journal.search.query(args.query, limit=args.limit, offset=args.offset, only=only)
    if args.json:
        json.dump([hit.to_json() for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not hits:
        print("no matches", file=sys.stderr)
        return EXIT_OK
    for hit in hits:
        on = hit.on.isoformat() if hit.on else " " * 10
        snippet = escape_controls(" ".join(hit.snippet_text("[", "]").split()))
        print(f"{on}  {hit.kind:<10}  {escape_controls(hit.title)}: {snippet}")
    return EXIT_OK
