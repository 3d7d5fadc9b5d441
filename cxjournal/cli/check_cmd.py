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
            for problem in problems:
                print(f"cxjournal: {escape_controls(problem)}", file=sys.stderr)
            return EXIT_FAILURE
        kind = "encrypted" if journal.encrypted else "not encrypted"
        print(f"{journal.path}: sound ({kind})")
        return EXIT_OK
