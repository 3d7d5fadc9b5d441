"""What every command shares: resolving the journal, the passphrase, errors and exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal import paths
from cxjournal.domain.errors import (
    CxJournalError,
    PassphraseRequiredError,
    ValidationError,
)

if TYPE_CHECKING:
    from cxjournal.journal import Journal

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Ends a command: every line goes to standard error, then exit ``code``."""

    def __init__(self, lines: list[str] | str, code: int = EXIT_FAILURE) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        self.code = code
        super().__init__("; ".join(self.lines))


def run_command(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except ValidationError as exc:
        raise CommandError(exc.problems, EXIT_USAGE) from exc
    except CxJournalError as exc:
        raise CommandError(str(exc), EXIT_FAILURE) from exc
    except OSError as exc:
        raise CommandError(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc
    except Exception as exc:  # SQLite under the journal: damaged, read-only, full, busy
        from cxjournal.journal.failures import explain

        trouble = explain(journal_path(args), exc)
        if trouble is None:
            raise
        raise CommandError(str(trouble), EXIT_FAILURE) from exc


def journal_path(args: argparse.Namespace) -> Path:
    return paths.journal_path(getattr(args, "db", None))


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from ``--passphrase-file`` or ``CXJOURNAL_PASSPHRASE``, if any."""
    return passphrase_from(getattr(args, "passphrase_file", None), paths.PASSPHRASE_ENV)


def passphrase_from(file: str | None, env_name: str) -> str | None:
    """A passphrase from a file (UTF-8, no NUL) or else the environment variable, if set."""
    from cxjournal.domain import passphrase

    if file:
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read the passphrase file {file}: {exc.strerror}") from exc
        try:
            return passphrase.from_file_bytes(data, file)
        except ValueError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
    env = os.environ.get(env_name)
    return env if env else None


#: the commands that never open the journal
OPENS_NO_JOURNAL = frozenset({"demo"})


def derive_key_ahead(argv: list[str]) -> None:
    """Start deriving the key of an encrypted journal (with the passphrase given, if any)
    in the background as the command line is read: most of a short command on an
    encrypted journal is that one derivation, which then overlaps loading the command
    (``store.key_ahead``, which loads next to nothing: neither the journal nor SQLCipher,
    whose loading it overlaps). Only the options before the command are read here;
    anything odd is left to the real parser, which says what is wrong."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return
    early = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    early.add_argument("--db")
    early.add_argument("--passphrase-file")
    early.add_argument("command", nargs="?")
    try:
        args, _rest = early.parse_known_args(argv)
        if args.command in OPENS_NO_JOURNAL:
            return
        passphrase = given_passphrase(args)
        path = journal_path(args)
    except (argparse.ArgumentError, CommandError, OSError, ValueError):
        return
    if passphrase:
        from cxjournal.store.key_ahead import derive_ahead

        derive_ahead(path, passphrase)


def ask_passphrase(path: Path) -> str:
    if not sys.stdin.isatty():
        raise CommandError(
            f"{path} is encrypted: give its passphrase with --passphrase-file "
            f"or ${paths.PASSPHRASE_ENV}"
        )
    import getpass

    return getpass.getpass(f"Passphrase for {path}: ")


def open_journal(
    args: argparse.Namespace, create: bool = False, only_reads: bool = False
) -> Journal:
    """Open the journal named by the arguments; ask for a passphrase on a terminal if needed.

    A command that ``only_reads`` reads through the journal's own connection
    (``Journal.read_on_own_connection``): it loads no SQLAlchemy."""
    from cxjournal.journal import Journal

    path = journal_path(args)
    Journal.refuse_odd_file(path)
    if not Journal.exists(path) and not create:
        raise CommandError(
            f"there is no journal at {path}: start the app once, or name one with --db"
        )
    passphrase = given_passphrase(args)
    try:
        journal = Journal.open(path, passphrase, create=create)
    except PassphraseRequiredError:
        journal = Journal.open(path, ask_passphrase(path), create=create)
    if only_reads:
        journal.read_on_own_connection()
    return journal


@contextmanager
def holding_lock(args: argparse.Namespace, what: str) -> Iterator[Path]:
    """The journal's path, its lock held for the whole block: every command that writes to
    the journal runs inside this, so the app cannot open it meanwhile, nor can a second
    writing command. Refused on a read-only journal (``what`` completes the message)."""
    from cxjournal.journal import Journal
    from cxjournal.journal.failures import read_only_error
    from cxjournal.lockfile import hold

    path = journal_path(args)
    Journal.refuse_odd_file(path)
    if Journal.is_read_only(path):
        raise read_only_error(path, what)
    with hold(path):
        yield path


@contextmanager
def writing_journal(args: argparse.Namespace, create: bool = False) -> Iterator[Journal]:
    """The journal opened for a command that writes to it, its lock held throughout
    (:func:`holding_lock`)."""
    with holding_lock(args, f"the {args.command}"), open_journal(args, create=create) as journal:
        yield journal


def iso_date(text: str) -> dt.date:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
