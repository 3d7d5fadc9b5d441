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
from typing import NoReturn

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
#: the command that opens the app, the default
APP_COMMAND = "cxjournal.cli.gui_cmd"


def build_parser(
    commands: Sequence[str] = COMMANDS,
    parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    parser = parser_class(
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
    for name in commands:
        importlib.import_module(name).register(subparsers)
    return parser


class _NotTheApp(Exception):
    """The command line is not one that opens the app (or is wrong): the whole parser answers."""


class _AppParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheApp(message)


def parse_command_line(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line; with no command, ``gui``.

    Opening the app (no command, or ``gui``) is parsed by a parser of the global options
    and ``gui`` alone: importing and registering every command's module costs the app's
    start-up about a tenth of a second. Any other command, ``--help`` and every mistake go
    to the whole parser, so what it prints and exits with is unchanged."""
    if not any(arg.startswith(("-h", "--h")) for arg in argv):
        try:
            return _with_default_command(build_parser((APP_COMMAND,), _AppParser), argv)
        except _NotTheApp:
            pass
    return _with_default_command(build_parser(), argv)


def _with_default_command(
    parser: argparse.ArgumentParser, argv: Sequence[str]
) -> argparse.Namespace:
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from cxjournal.cli.common import CommandError, derive_key_ahead, run_command

    given = list(argv if argv is not None else sys.argv[1:])
    derive_key_ahead(given)  # first: see there
    from cxjournal.domain.control_chars import escape_controls

    args = parse_command_line(given)
    try:
        return run_command(args)
    except CommandError as exc:
        for line in exc.lines:
            print(f"cxjournal: {escape_controls(line)}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("cxjournal: interrupted", file=sys.stderr)
        return 1
