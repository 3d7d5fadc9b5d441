"""``cxjournal gui``: open the app (the default when no command is given)."""

from __future__ import annotations

import argparse
from pathlib import Path
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
    parser.add_argument(
        "--visit-pages",
        action="store_true",
        help="after the first paint, open every page and export its charts to a temporary "
        "folder, then quit: exit 1, with the error, if any failed (a self-test of an "
        "installed copy); never waits on a dialog, writes nothing to the journal",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="start without showing the window (as at login): reminders and the tray icon "
        "only; the tray's menu, or a reminder, opens the window",
    )
    parser.add_argument(
        "--ready-file",
        metavar="FILE",
        type=Path,
        help="create FILE once the main window has been painted (for scripts that wait for "
        "the window to be up)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cxjournal.cli.common import CommandError, given_passphrase, journal_path

    try:
        import cxjournal.qt  # noqa: F401  (refuses Qt bindings known to crash)
    except ImportError as exc:  # a refused release, or PySide6 missing or broken
        raise CommandError(str(exc)) from exc
    from cxjournal.app import run_app

    code = run_app(
        journal_path(args),
        passphrase=given_passphrase(args),
        quit_after_paint=args.quit_after_paint,
        visit_pages=args.visit_pages,
        background=args.background,
        ready_file=args.ready_file,
    )
    # By now the journal is closed, its backup made and the lock released. Skip the
    # interpreter's final garbage collection, where PySide6 and pyqtgraph objects can
    # be torn down in an order that crashes (a known shutdown problem of Qt bindings).
    import os
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
