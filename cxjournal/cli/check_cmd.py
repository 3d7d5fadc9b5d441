"""``cxjournal check``: integrity, encryption, foreign keys and schema version."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cxjournal.cli.common import EXIT_FAILURE, EXIT_OK, open_journal
from cxjournal.domain.control_chars import escape_controls


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check the journal's integrity",
        description="Check the journal's "
        "integrity (SQLite and encryption checks, foreign keys, schema version).",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        problems = journal.check()
        if problems:
            found = [p for p in problems if p.startswith(("integrity:", "encryption:"))]
            for problem in problems:
                if problem not in found:
                    print(f"cxjournal: {escape_controls(problem)}", file=sys.stderr)
            if found:  # one message: what SQLite found, the latest backup, how to restore it
                from cxjournal.journal.failures import damaged

                more = f"; {len(found) - 1} more problems" if len(found) > 1 else ""
                print(f"cxjournal: {damaged(journal.path, found[0] + more)}", file=sys.stderr)
            return EXIT_FAILURE
        kind = "encrypted" if journal.encrypted else "not encrypted"
        if journal.read_only:
            kind += ", read-only"
        print(f"{journal.path}: sound ({kind})")
        return EXIT_OK
