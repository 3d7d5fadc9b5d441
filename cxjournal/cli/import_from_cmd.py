"""``cxjournal import-from KIND FILE``: contacts, mood history and journals from other tools.

The file is read and checked completely before the journal is opened; any
problem and nothing is written (exit 2, one problem per line). See
spec/imports.md and :mod:`cxjournal.exchange.imports`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    open_journal,
    writing_journal,
)

if TYPE_CHECKING:
    from cxjournal.exchange.imports import ImportReport

KIND_NAMES = ("vcard", "contacts-csv", "daylio", "jrnl", "dayone")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import-from",
        help="bring in contacts, mood history or journals from other tools",
        description="Read a file from another tool and add it to the journal in one step: "
        "vCard or Outlook/Google CSV contacts become people (merged with yours by e-mail "
        "address, then by name), a Daylio export becomes mood-only check-ins, a jrnl or "
        "Day One export becomes journal notes. Any problem in the file and nothing is "
        "written; importing the same file again changes nothing.",
    )
    parser.add_argument("kind", choices=KIND_NAMES, metavar="KIND", help=" | ".join(KIND_NAMES))
    parser.add_argument("file", metavar="FILE", help="the file the other tool exported")
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be imported; write nothing"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print the report as {"added", "merged", "skipped", "problems"}',
    )
    parser.add_argument(
        "--mood",
        action="append",
        default=[],
        type=_mood,
        metavar="NAME=N",
        help="daylio: the value (1-10) of a mood; the defaults are rad=9, good=7, meh=5, "
        "bad=3, awful=1 (repeatable)",
    )
    parser.add_argument(
        "--drain",
        action="append",
        default=[],
        metavar="NAME",
        help="daylio: an activity that drains you (repeatable)",
    )
    parser.add_argument(
        "--restorer",
        action="append",
        default=[],
        metavar="NAME",
        help="daylio: an activity that restores you (repeatable)",
    )
    parser.set_defaults(func=run_import_from)


def _mood(text: str) -> tuple[str, int]:
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=N")
    try:
        return name.strip(), int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: {value!r} is not a whole number") from None


def run_import_from(args: argparse.Namespace) -> int:
    from cxjournal.exchange import imports
    from cxjournal.exchange.imports.merge import apply

    if args.kind != "daylio" and (args.mood or args.drain or args.restorer):
        raise CommandError(
            "--mood, --drain and --restorer are for a daylio import only", EXIT_USAGE
        )
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror or exc}", EXIT_USAGE) from exc
    options = imports.DaylioOptions(
        moods=dict(args.mood),
        drains=frozenset(args.drain),
        restorers=frozenset(args.restorer),
    )
    plan = imports.read(args.kind, data, options)
    from cxjournal.cli.common import journal_path
    from cxjournal.journal import Journal

    if plan.problems and not (args.dry_run and Journal.exists(journal_path(args))):
        report = imports.ImportReport.refused(plan)
    else:
        opened = open_journal(args) if args.dry_run else writing_journal(args, create=True)
        with opened as journal:
            report = apply(journal, plan, dt.date.today(), dry_run=args.dry_run)
    _print(args, report)
    if report.problems:
        raise CommandError([*report.problems, f"nothing was imported from {args.file}"], EXIT_USAGE)
    return EXIT_OK


def _print(args: argparse.Namespace, report: ImportReport) -> None:
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if report.problems:
        return
    if args.dry_run:
        print(f"{args.file}: a dry run, nothing was written; importing it would give")
    elif any(report.added.values()):
        print(f"imported {args.file}:")
    else:
        print(f"{args.file}: everything in it is already in the journal; nothing changed")
    for line in report.lines():
        print(f"  {line}")
    from cxjournal.domain.control_chars import escape_controls

    for match in report.matches:
        if match.name_in_file != match.person.name:
            print(
                f"  {escape_controls(match.name_in_file)} merged with "
                f"{escape_controls(match.person.name)} (by {match.by})"
            )
