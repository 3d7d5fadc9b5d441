"""``cxjournal gui``: open the app (the default when no command is given)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gui", help="open the app (the default)", description="Open the app."
    )
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="quit right after the main window's first paint (for start-up benchmarks); "
        "never waits on a dialog",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cxjournal.app import run_app
    from cxjournal.cli.common import given_passphrase, journal_path

    code = run_app(
        journal_path(args),
        passphrase=given_passphrase(args),
        quit_after_paint=args.quit_after_paint,
    )
    # By now the journal is closed, its backup made and the lock released. Skip the
    # interpreter's final garbage collection, where PySide6 and pyqtgraph objects can
    # be torn down in an order that crashes (a known shutdown problem of Qt bindings).
    import os
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
