"""Opening a journal file and handing out transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal import paths
from cxjournal.domain.errors import JournalOpenError, WrongPassphraseError
from cxjournal.store import rawdb, schema

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from cxjournal.journal.audits import AuditOps
    from cxjournal.journal.drafts import DraftOps
    from cxjournal.journal.exit_plan import ExitPlanOps
    from cxjournal.journal.notes import NoteOps
    from cxjournal.journal.people import PeopleOps
    from cxjournal.journal.resilience import ResilienceOps
    from cxjournal.journal.search import SearchOps
    from cxjournal.journal.settings import SettingsOps
    from cxjournal.journal.today import TodayOps


class Journal:
    """One open journal file. Use :meth:`open`; close it when done."""

    def __init__(
        self, path: Path, raw: rawdb.Connection, passphrase: str | None, encrypted: bool
    ) -> None:
        self.path = path
        self.encrypted = encrypted
        self.upgrade_backup: Path | None = None
        self._raw = raw
        self._passphrase = passphrase if encrypted else None

    # -- opening -----------------------------------------------------------------

    @staticmethod
    def exists(path: Path) -> bool:
        return not rawdb.file_is_empty(path)

    @staticmethod
    def needs_passphrase(path: Path) -> bool:
        """True for an existing file that is not plain SQLite (encrypted, or not a journal)."""
        return not rawdb.file_is_empty(path) and not rawdb.is_plain_sqlite(path)

    @classmethod
    def open(cls, path: Path, passphrase: str | None = None, create: bool = True) -> Journal:
        """Open (or, with ``create``, create) the journal at ``path`` and bring its schema current.

        A new journal is created encrypted when a passphrase is given (keyed in
        Unicode NFC; an older journal keyed as typed still opens). Raises the
        ``JournalOpenError`` family; an existing file is never changed before it
        is known to be a journal this app can open. When the schema is current,
        neither Alembic nor SQLAlchemy is imported here.
        """
        path = Path(path)
        is_new = rawdb.file_is_empty(path)
        if is_new and not create:
            raise JournalOpenError(f"there is no journal at {path}")
        if is_new:
            paths.ensure_private_dir(path.parent)
        recovered = None
        if paths.rekey_marker(path).exists():
            from cxjournal.store.rekey import recover

            recovered = recover(path)  # a change of passphrase was interrupted: finish or undo it
        try:
            raw, key = rawdb.connect_keyed(path, passphrase)
        except WrongPassphraseError:
            if recovered == "finished":
                raise WrongPassphraseError(
                    "an interrupted change of passphrase has now been finished: the journal "
                    "opens with the new passphrase"
                ) from None
            raise
        journal = cls(path, raw, key, bool(key) if is_new else not rawdb.is_plain_sqlite(path))
        try:
            revision = rawdb.current_revision(raw, schema.REVISIONS)
            rawdb.use_write_ahead_log(raw)  # known to be ours (or empty) from here on
            if revision != schema.HEAD:
                journal.upgrade_backup = schema.ensure_current(journal.engine, path)
        except BaseException:
            journal.close()
            raise
        paths.make_file_private(path)
        return journal

    @cached_property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        from cxjournal.store.engine import make_engine

        return make_engine(self.path, self._passphrase)

    def raw(self) -> Any:
        """The plain DB-API connection for fast reads on the start-up path (Today).

        Read-only by convention and from the GUI thread only; every write goes
        through :meth:`session`.
        """
        return self._raw

    def close(self) -> None:
        self._raw.close()
        if "engine" in self.__dict__:
            self.engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A write SQLite refuses (disk full, journal busy or read-only, a CHECK
        constraint) raises :class:`JournalWriteError`, saying why in plain words.
        """
        from sqlalchemy.exc import IntegrityError, OperationalError
        from sqlalchemy.orm import Session

        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (OperationalError, IntegrityError) as exc:
            from cxjournal.store.write_errors import write_failure

            raise write_failure(exc) from exc

    # -- operations by area (imported on first use, to keep start-up light) -------------

    @cached_property
    def people(self) -> PeopleOps:
        from cxjournal.journal.people import PeopleOps

        return PeopleOps(self)

    @cached_property
    def audits(self) -> AuditOps:
        from cxjournal.journal.audits import AuditOps

        return AuditOps(self)

    @cached_property
    def notes(self) -> NoteOps:
        from cxjournal.journal.notes import NoteOps

        return NoteOps(self)

    @cached_property
    def resilience(self) -> ResilienceOps:
        from cxjournal.journal.resilience import ResilienceOps

        return ResilienceOps(self)

    @cached_property
    def exit_plan(self) -> ExitPlanOps:
        from cxjournal.journal.exit_plan import ExitPlanOps

        return ExitPlanOps(self)

    @cached_property
    def search(self) -> SearchOps:
        from cxjournal.journal.search import SearchOps

        return SearchOps(self)

    @cached_property
    def settings(self) -> SettingsOps:
        from cxjournal.journal.settings import SettingsOps

        return SettingsOps(self)

    @cached_property
    def drafts(self) -> DraftOps:
        from cxjournal.journal.drafts import DraftOps

        return DraftOps(self)

    @cached_property
    def today(self) -> TodayOps:
        from cxjournal.journal.today import TodayOps

        return TodayOps(self)

    # -- health ------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity checks and the schema check; empty when sound."""
        problems = rawdb.health_problems(self._raw, self.encrypted)
        revision = rawdb.current_revision(self._raw, schema.REVISIONS)
        if revision != schema.HEAD:
            problems.append(f"schema: at {revision}, expected {schema.HEAD}")
        return problems
