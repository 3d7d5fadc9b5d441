"""``cxjournal export|import|backup|restore|demo``: getting whole journals in and out.

Heavy modules (the importer, the demo generator) are imported inside the
handlers; nothing here needs Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cxjournal.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    ask_passphrase,
    given_passphrase,
    journal_path,
    open_journal,
    writing_journal,
)
from cxjournal.domain.control_chars import escape_controls

MAX_DEMO_YEARS = 30
#: The story's own cast (cxjournal.exchange.demo.CAST_SIZE, which a test keeps equal).
DEMO_CAST_SIZE = 40
MAX_DEMO_PEOPLE = 500
MAX_NOTES_PER_DAY = 100.0


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help="write the whole journal to a file (exchange format v2, JSON)",
        description="Write the whole journal to one JSON file in exchange format v2: your way "
        "out, readable by any tool. The file is not encrypted.",
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    export.set_defaults(func=run_export)

    imp = subparsers.add_parser(
        "import",
        help="add a journal file (exchange format v1 or v2) to the journal, all or nothing",
        description="Check the file completely, then add it to the journal in one step: any "
        "problem and nothing is written. People are matched by name; records already in the "
        "journal are skipped, so importing a file twice changes nothing.",
    )
    imp.add_argument("file", metavar="FILE", help="a JSON file in exchange format v1 or v2")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="overwrite check-ins on dates that already have a different one "
        "(and take the file's thresholds)",
    )
    imp.set_defaults(func=run_import)

    backup = subparsers.add_parser(
        "backup",
        help="make a consistent copy of the journal now",
        description="Make a consistent copy of the journal, by default in the backups folder "
        "beside it, where the newest backup of each of the last 7 days and of 4 weeks before "
        "those are kept (journal settings). With -o the copy is yours to keep. An encrypted "
        "journal's backup stays encrypted with the same passphrase.",
    )
    backup.add_argument(
        "-o", "--output", metavar="FILE", help="where to write the copy (replaced if it exists)"
    )
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the journal with a backup, keeping a copy of the current one",
        description="Replace the journal with a backup. The backup is checked first (it must "
        "open and pass the integrity checks); the journal it replaces is kept in the backups "
        "folder.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(func=run_restore)

    demo = subparsers.add_parser(
        "demo",
        help="write a realistic invented journal (exchange format v2)",
        description="Write a realistic, invented journal in exchange format v2, to try the app "
        "or to test with: cxjournal --db demo.db import FILE.",
    )
    demo.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    demo.add_argument(
        "--years", type=_years, default=2, metavar="N", help="years of history (default 2)"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--people",
        type=_people,
        metavar="N",
        help=f"people in the journal, at least {DEMO_CAST_SIZE} (default: the story's "
        f"{DEMO_CAST_SIZE}); the others are colleagues met now and then",
    )
    demo.add_argument(
        "--notes-per-day",
        type=_notes_per_day,
        metavar="X",
        help="notes a day on average, every day, instead of one or two a week "
        "(for big journals: --years 10 --notes-per-day 27 writes about 100,000 notes)",
    )
    demo.set_defaults(func=run_demo)


def _years(text: str) -> int:
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= years <= MAX_DEMO_YEARS:
        raise argparse.ArgumentTypeError(f"{years} is not between 1 and {MAX_DEMO_YEARS}")
    return years


def _people(text: str) -> int:
    try:
        people = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not DEMO_CAST_SIZE <= people <= MAX_DEMO_PEOPLE:
        raise argparse.ArgumentTypeError(
            f"{people} is not between {DEMO_CAST_SIZE} and {MAX_DEMO_PEOPLE}"
        )
    return people


def _notes_per_day(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < rate <= MAX_NOTES_PER_DAY:  # also refuses nan
        raise argparse.ArgumentTypeError(
            f"{text} is not more than 0 and at most {MAX_NOTES_PER_DAY:g}"
        )
    return rate


def _read_input(name: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {name}: {exc.strerror or exc}", EXIT_USAGE) from exc


def _write_output(name: str, data: bytes) -> None:
    from cxjournal.exchange import atomic

    if name == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        atomic.write_bytes(Path(name), data)
    except OSError as exc:
        raise CommandError(f"cannot write {name}: {exc.strerror or exc}") from exc


# --- export / import ---------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from cxjournal.exchange import atomic
    from cxjournal.exchange.exporter import write_export

    with open_journal(args, only_reads=True) as journal:
        if args.output == "-":
            write_export(journal, sys.stdout.buffer)
            sys.stdout.flush()
            return EXIT_OK
        try:
            with atomic.atomic_output(Path(args.output)) as handle:
                write_export(journal, handle)
        except OSError as exc:
            raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    if args.output != "-":
        print(f"exported the journal to {args.output} (not encrypted)")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from cxjournal.exchange.format_read import parse
    from cxjournal.exchange.format_stream import read_file
    from cxjournal.exchange.importer import ImportConflictError, import_document

    # every problem, before the journal is touched; a file is read as a stream
    if args.file == "-":
        document = parse(_read_input(args.file))
    else:
        try:
            document = read_file(Path(args.file))
        except OSError as exc:
            raise CommandError(
                f"cannot read {args.file}: {exc.strerror or exc}", EXIT_USAGE
            ) from exc
    with writing_journal(args, create=True) as journal:
        try:
            summary = import_document(journal, document, replace=args.replace)
        except ImportConflictError as exc:
            raise CommandError(
                [
                    *exc.problems,
                    "nothing was imported: use --replace to overwrite those check-ins "
                    "with the file's",
                ],
                EXIT_USAGE,
            ) from exc
    if summary.changed:
        print(f"imported {args.file}:")
    else:
        print(f"{args.file}: everything in it is already in the journal; nothing changed")
    for line in summary.lines():
        print(f"  {escape_controls(line)}")
    return EXIT_OK


# --- backup / restore ---------------------------------------------------------------------


def run_backup(args: argparse.Namespace) -> int:
    from cxjournal.journal.backup_ops import backup_now
    from cxjournal.store.backup import human_size

    target = Path(args.output) if args.output else None
    with open_journal(args) as journal:
        made = backup_now(journal, target)
        kind = "encrypted" if journal.encrypted else "not encrypted"
    print(f"backed up to {made} ({human_size(made.stat().st_size)}, {kind})")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from cxjournal.journal import Journal
    from cxjournal.journal.failures import read_only_error
    from cxjournal.lockfile import hold
    from cxjournal.store import backup as store_backup

    source = Path(args.file).expanduser().absolute()
    if not source.is_file():
        raise CommandError(f"there is no backup at {source}", EXIT_USAGE)
    target = journal_path(args)
    Journal.refuse_odd_file(target)
    if Journal.is_read_only(target):
        raise read_only_error(target, "the restore")
    with hold(target):  # from the first question to the rename: no app opens it meanwhile
        if not args.yes:
            _confirm_restore(source, target)
        passphrase = given_passphrase(args)
        if passphrase is None and Journal.needs_passphrase(source):
            passphrase = ask_passphrase(source)
        result = store_backup.restore(source, target, passphrase)
    print(f"restored {target} from {source}")
    if result.kept_copy is not None:
        print(f"the journal it replaced is kept at {result.kept_copy}")
    return EXIT_OK


def _confirm_restore(source: Path, target: Path) -> None:
    if not sys.stdin.isatty():
        raise CommandError(
            f"restoring replaces the journal at {target}: confirm with --yes", EXIT_USAGE
        )
    answer = input(f"Replace the journal at {target} with {source}? [y/N] ")
    if answer.strip().casefold() not in ("y", "yes"):
        raise CommandError("nothing was restored", EXIT_OK)


# --- demo ----------------------------------------------------------------------------------


def run_demo(args: argparse.Namespace) -> int:
    from cxjournal.exchange.demo import generate, generate_heavy
    from cxjournal.exchange.format_write import to_json_text

    if args.notes_per_day is None:
        document = generate(years=args.years, seed=args.seed, people=args.people)
    else:
        document = generate_heavy(
            years=args.years, seed=args.seed, notes_per_day=args.notes_per_day, people=args.people
        )
    _write_output(args.output, to_json_text(document).encode("utf-8"))
    if args.output != "-":
        counts = ", ".join(
            f"{len(document.get(key, []))} {key}" for key in ("people", "audits", "notes")
        )
        print(f"wrote a demo journal of {args.years} years to {args.output} ({counts})")
    return EXIT_OK
