"""Opening a journal file and handing out transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from cxjournal import paths
from cxjournal.store import schema
from cxjournal.store.engine import (
    create_journal_engine,
    file_is_empty,
    is_plain_sqlite,
    use_write_ahead_log,
)

if TYPE_CHECKING:
    from cxjournal.journal.audits import AuditOps
    from cxjournal.journal.exit_plan import ExitPlanOps
    from cxjournal.journal.notes import NoteOps
    from cxjournal.journal.people import PeopleOps
    from cxjournal.journal.resilience import ResilienceOps
    from cxjournal.journal.settings import SettingsOps


class Journal:
    """One open journal file. Use :meth:`open`; close it when done."""

    def __init__(self, path: Path, engine: Engine, encrypted: bool) -> None:
        self.path = path
        self.engine = engine
        self.encrypted = encrypted
        self.upgrade_backup: Path | None = None

    # -- opening -----------------------------------------------------------------

    @staticmethod
    def exists(path: Path) -> bool:
        return not file_is_empty(path)

    @staticmethod
    def needs_passphrase(path: Path) -> bool:
        """True for an existing file that is not plain SQLite (encrypted, or not a journal)."""
        return not file_is_empty(path) and not is_plain_sqlite(path)

    @classmethod
    def open(cls, path: Path, passphrase: str | None = None, create: bool = True) -> Journal:
        """Open (or, with ``create``, create) the journal at ``path`` and bring its schema current.

        A new journal is created encrypted when a passphrase is given. Raises the
        ``JournalOpenError`` family; an existing file is never changed before it
        is known to be a journal this app can open.
        """
        path = Path(path)
        is_new = file_is_empty(path)
        if is_new and not create:
            from cxjournal.domain.errors import JournalOpenError

            raise JournalOpenError(f"there is no journal at {path}")
        if is_new:
            paths.ensure_private_dir(path.parent)
        engine = create_journal_engine(path, passphrase)
        try:
            backup = schema.ensure_current(engine, path)
            use_write_ahead_log(engine)
        except BaseException:
            engine.dispose()
            raise
        paths.make_file_private(path)
        journal = cls(path, engine, encrypted=not is_plain_sqlite(path))
        journal.upgrade_backup = backup
        return journal

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

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
    def settings(self) -> SettingsOps:
        from cxjournal.journal.settings import SettingsOps

        return SettingsOps(self)

    # -- health ------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity checks and the schema check; empty when sound."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            for (row,) in conn.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(f"integrity: {row}")
            if self.encrypted:
                for row in conn.execute(text("PRAGMA cipher_integrity_check")):
                    problems.append(f"encryption: {row[0]}")
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(
                    f"foreign key: table {row[0]} row {row[1]} points to a missing {row[2]}"
                )
            revision = schema.current_revision(conn)
            if revision != schema.HEAD:
                problems.append(f"schema: at {revision}, expected {schema.HEAD}")
        return problems
