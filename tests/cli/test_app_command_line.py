"""Opening the app is parsed without the other commands' parsers, and answers the same.

``parse_command_line`` parses a command line that opens the app with the global options
and ``gui`` alone (tests/ui/test_cold_start.py checks the other commands stay unloaded);
every command line here must come out as the whole parser has it: the same namespace, or
the same help, error and exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Callable, Sequence

import pytest

from cxjournal.cli import build_parser, parse_command_line


def _whole_parser(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    return args


def _answer(parse: Callable[[Sequence[str]], argparse.Namespace], argv: list[str]) -> object:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            return vars(parse(argv))
        except SystemExit as exited:
            return ("exit", exited.code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["gui"],
        ["--db", "j.db"],
        ["--db", "j.db", "gui", "--quit-after-paint"],
        ["gui", "--db", "j.db"],
        ["--passphrase-file", "p.txt", "gui", "--background", "--ready-file", "r"],
        ["--pass", "p.txt", "gui", "--visit"],
        ["check"],
        ["--db", "j.db", "search", "ana"],
        ["--help"],
        ["-h"],
        ["gui", "--help"],
        ["--version"],
        ["gui", "--bogus"],
        ["--db"],
        ["bogus"],
        ["check", "--bogus"],
        ["--db", "j.db", "--bogus"],
    ],
)
def test_the_command_line_is_parsed_as_the_whole_parser_does(argv: list[str]) -> None:
    assert _answer(parse_command_line, argv) == _answer(_whole_parser, argv)


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_command_line(["--help"])
    shown = capsys.readouterr().out
    for command in ("gui", "check", "audit", "export", "import", "search", "calendar"):
        assert f"    {command}" in shown
