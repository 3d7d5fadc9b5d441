"""``cxjournal passphrase set [--new-passphrase-file F]`` and ``cxjournal passphrase remove --yes``.

The journal and every copy in its folder follow (store/rekey.py); the change
is crash-safe, and holds the journal's lock: refused while the app has it open.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cxjournal import paths
from cxjournal.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    ask_passphrase,
    given_passphrase,
    holding_lock,
    journal_path,
    passphrase_from,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "passphrase",
        help="protect the journal with a passphrase, change it, or remove it",
        description="Set, change or remove the journal's passphrase. Every backup and copy "
        "in the journal's folder follows, so one passphrase opens them all. Interrupted at "
        "any moment, the journal opens with the old or the new passphrase.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_parser = actions.add_parser(
        "set",
        help="protect a plain journal with a passphrase, or change it",
        description="The new passphrase comes from --new-passphrase-file, "
        f"${paths.NEW_PASSPHRASE_ENV}, or is asked twice on the terminal; the current one "
        "as usual (--passphrase-file, $CXJOURNAL_PASSPHRASE, or asked).",
    )
    set_parser.add_argument(
        "--new-passphrase-file", metavar="FILE", help="read the new passphrase from this file"
    )
    set_parser.set_defaults(func=run_set)
    remove_parser = actions.add_parser(
        "remove",
        help="make the journal and its backups plain (readable without a passphrase)",
    )
    remove_parser.add_argument(
        "--yes", action="store_true", help="confirm: anyone who gets the files can read them"
    )
    remove_parser.set_defaults(func=run_remove)


def _journal_and_old(args: argparse.Namespace) -> tuple[Any, str | None]:
    from cxjournal.journal import Journal
    from cxjournal.journal.failures import read_only_error

    path = journal_path(args)
    Journal.refuse_odd_file(path)
    if not Journal.exists(path):
        raise CommandError(
            f"there is no journal at {path}: start the app once, or name one with --db"
        )
    if Journal.is_read_only(path):
        raise read_only_error(path, "a new passphrase")
    old = given_passphrase(args)
    if Journal.needs_passphrase(path) and old is None:
        old = ask_passphrase(path)
    return path, old


def _new_passphrase(args: argparse.Namespace) -> str:
    from cxjournal.domain.passphrase import MIN_PASSPHRASE

    new = passphrase_from(args.new_passphrase_file, paths.NEW_PASSPHRASE_ENV)
    if new is None:
        if not sys.stdin.isatty():
            raise CommandError(
                "give the new passphrase with --new-passphrase-file or "
                f"${paths.NEW_PASSPHRASE_ENV}",
                EXIT_USAGE,
            )
        import getpass

        new = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat the new passphrase: ") != new:
            raise CommandError("the two passphrases differ: nothing was changed", EXIT_USAGE)
    if len(new) < MIN_PASSPHRASE:
        raise CommandError(
            f"the new passphrase needs at least {MIN_PASSPHRASE} characters", EXIT_USAGE
        )
    return new


def _followers(count: int) -> str:
    copies = count - 1
    return "" if copies == 0 else f" and its {copies} backup{'s' if copies != 1 else ''}"


def run_set(args: argparse.Namespace) -> int:
    from cxjournal.domain.passphrase import strength
    from cxjournal.store.rekey import rekey

    path, old = _journal_and_old(args)
    new = _new_passphrase(args)
    rated = strength(new)
    if not rated.recommended:
        print(
            f"cxjournal: note: this passphrase is {rated.label} (guessed in {rated.crack_time} "
            f"offline). {rated.advice}".rstrip(),
            file=sys.stderr,
        )
    with holding_lock(args, "a new passphrase"):  # no app nor command opens it meanwhile
        result = rekey(path, old, new)
    print(f"{path.name}{_followers(len(result.files))} now open with the new passphrase")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from cxjournal.journal import Journal
    from cxjournal.store.rekey import rekey

    if not args.yes:
        raise CommandError(
            "removing the passphrase lets anyone who gets the journal or its backups read "
            "them: add --yes to do it",
            EXIT_USAGE,
        )
    path, old = _journal_and_old(args)
    if not Journal.needs_passphrase(path):
        print(f"{path.name} has no passphrase: nothing to remove")
        return EXIT_OK
    with holding_lock(args, "a new passphrase"):
        result = rekey(path, old, None)
    print(f"{path.name}{_followers(len(result.files))} are now plain, with no passphrase")
    return EXIT_OK
