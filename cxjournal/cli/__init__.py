"""The ``cxjournal`` command (spec/cli.md): argparse subcommands, thin over the journal.

Each command lives in its own module listed in ``COMMANDS``; a module provides
``register(subparsers)`` and sets ``func`` on its parser. Command modules keep
their imports light; heavy ones (Qt, exports) happen inside the handler, so a
command that needs no GUI never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from cxjournal import __version__

COMMANDS: tuple[str, ...] = (
    "cxjournal.cli.gui_cmd",
    "cxjournal.cli.check_cmd",
    "cxjournal.cli.audit_cmd",
    "cxjournal.cli.exchange_cmd",
    "cxjournal.cli.import_from_cmd",
    "cxjournal.cli.search_cmd",
    "cxjournal.cli.passphrase_cmd",
    "cxjournal.cli.calendar_cmd",
    "cxjournal.cli.program_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxjournal",
        description="A private journal of the influence you work through. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"cxjournal {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="the journal file (default: $CXJOURNAL_DB or your data folder)"
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        help="read the passphrase of an encrypted journal from this file "
        "($CXJOURNAL_PASSPHRASE also works)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from cxjournal.cli.common import CommandError, derive_key_ahead, run_command

    derive_key_ahead(list(argv if argv is not None else sys.argv[1:]))  # first: see there
    from cxjournal.domain.control_chars import escape_controls

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return run_command(args)
    except CommandError as exc:
        for line in exc.lines:
            print(f"cxjournal: {escape_controls(line)}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("cxjournal: interrupted", file=sys.stderr)
        return 1
