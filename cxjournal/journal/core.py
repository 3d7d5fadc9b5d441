"""Opening a journal file and handing out transactions."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from cxjournal import paths
from cxjournal.domain.errors import (
    JournalOpenError,
    NotAJournalError,
    ReadOnlyJournalError,
    WrongPassphraseError,
)
from cxjournal.journal.changes import Area, OpChanges
from cxjournal.journal.failures import damaged, explain, read_only_error
from cxjournal.store import durable, key_ahead, rawdb, schema

if TYPE_CHECKING:
    from cxjournal.journal.agenda import AgendaOps
    from cxjournal.journal.audits import AuditOps
    from cxjournal.journal.calendar import CalendarOps
    from cxjournal.journal.drafts import DraftOps
    from cxjournal.journal.exit_plan import ExitPlanOps
    from cxjournal.journal.notes import NoteOps
    from cxjournal.journal.people import PeopleOps
    from cxjournal.journal.program import ProgramOps
    from cxjournal.journal.resilience import ResilienceOps
    from cxjournal.journal.search import SearchOps
    from cxjournal.journal.settings import SettingsOps
    from cxjournal.journal.today import TodayOps
    from cxjournal.journal.trash import TrashOps
    from cxjournal.store.reads import Connection
    from cxjournal.store.session import Engine, Session

T = TypeVar("T")


class Journal:
    """One open journal file. Use :meth:`open`; close it when done."""

    def __init__(
        self,
        path: Path,
        raw: rawdb.Connection,
        passphrase: str | None,
        encrypted: bool,
        key: str | None = None,
    ) -> None:
        self.path = path
        self.encrypted = encrypted
        #: True for a journal on read-only media or in a read-only folder: reads work, writes
        #: raise ``ReadOnlyJournalError``
        self.read_only = False
        self.upgrade_backup: Path | None = None
        self._raw = raw
        #: the passphrase (the form of it that opened the journal), for restores and changes
        self._passphrase = passphrase if encrypted else None
        #: the key every connection is made with: the raw key derived once at opening
        #: (``rawdb.connect_derived``), so no connection derives it again
        self._key = (key or passphrase) if encrypted else None
        #: the areas changed by the operation :meth:`perform` is running (None outside one)
        self._changes: Area | None = None
        #: the transactions open, by thread: closing waits for those of other threads
        self._open: dict[int, int] = {}
        self._open_changed = threading.Condition()
        #: the thread whose reads go through the journal's own connection
        #: (:meth:`read_on_own_connection`); None: every read uses the engine's
        self._own_reads_thread: int | None = None
        #: True once :meth:`close` closed the own connection (until :meth:`reopen_in_place`):
        #: that thread's reads go through the engine then, as every thread's did before
        self._own_closed = False

    # -- opening -----------------------------------------------------------------

    @staticmethod
    def exists(path: Path) -> bool:
        return not rawdb.file_is_empty(path)

    @staticmethod
    def needs_passphrase(path: Path) -> bool:
        """True for an existing file that is not plain SQLite (encrypted, or not a journal)."""
        return not rawdb.file_is_empty(path) and not rawdb.is_plain_sqlite(path)

    @staticmethod
    def refuse_odd_file(path: Path) -> None:
        """Raise ``JournalOpenError`` for a path that cannot be a journal file: a symlink to
        nothing, a folder, a device such as ``/dev/null``."""
        path = Path(path)
        if path.is_symlink() and not path.exists():
            raise JournalOpenError(
                f"{path} is a link to {os.readlink(path)}, which does not exist: put the "
                "journal back where the link points, or name another one with --db"
            )
        if path.exists() and not path.is_file():
            kind = "a folder" if path.is_dir() else "not a regular file (a device or a pipe)"
            raise JournalOpenError(
                f"{path} is {kind}, so it cannot be a journal: name a journal file with --db"
            )

    @staticmethod
    def derive_key_ahead(path: Path, passphrase: str) -> Callable[[float], bool] | None:
        """Start deriving the key of the encrypted journal at ``path`` in the background, to
        be ready when :meth:`open` is called with this passphrase (which then derives
        nothing itself). Returns a function that waits for it up to the seconds given and
        says whether it is done; None for a plain or missing file (nothing to derive)."""
        return key_ahead.derive_ahead(Path(path), passphrase)

    @staticmethod
    def is_read_only(path: Path) -> bool:
        """True for an existing journal that can be read but not written (read-only media,
        a read-only folder or file)."""
        return not rawdb.file_is_empty(path) and rawdb.is_read_only(Path(path))

    @classmethod
    def open(cls, path: Path, passphrase: str | None = None, create: bool = True) -> Journal:
        """Open (or, with ``create``, create) the journal at ``path`` and bring its schema current.

        A new journal is created encrypted when a passphrase is given (keyed in
        Unicode NFC; an older journal keyed as typed still opens), private from
        its first byte (and so are its ``-wal`` and ``-shm``). A journal that cannot
        be written opens read-only. Raises the ``JournalOpenError`` family; an
        existing file is never changed before it is known to be a journal this app
        can open, and without ``create`` no schema is made in an empty database.
        When the schema is current, neither Alembic nor SQLAlchemy is imported here.
        """
        path = Path(path)
        cls.refuse_odd_file(path)
        is_new = rawdb.file_is_empty(path)
        if is_new and not create:
            raise JournalOpenError(f"there is no journal at {path}")
        if is_new and path.exists() and rawdb.is_read_only(path):
            raise ReadOnlyJournalError(
                f"{path} is empty and read-only: no journal can be made in it"
            )
        read_only = not is_new and rawdb.is_read_only(path)
        if is_new:
            paths.ensure_private_dir(path.parent)
        recovered = None
        if paths.rekey_marker(path).exists() and not read_only:
            from cxjournal.store.rekey import recover

            recovered = recover(path)  # a change of passphrase was interrupted: finish or undo it
        with durable.private_files() if is_new else contextlib.nullcontext():
            try:
                raw, key, form = rawdb.connect_derived(path, passphrase, read_only=read_only)
            except rawdb.DamagedFileError as exc:
                raise damaged(path, str(exc)) from exc
            except WrongPassphraseError:
                if recovered == "finished":
                    raise WrongPassphraseError(
                        "an interrupted change of passphrase has now been finished: the "
                        "journal opens with the new passphrase"
                    ) from None
                raise
            encrypted = bool(key) if is_new else not rawdb.is_plain_sqlite(path)
            journal = cls(path, raw, form, encrypted, key)
            journal.read_only = read_only
            try:
                journal._bring_current(create)
            except BaseException as exc:
                journal.close()
                trouble = explain(path, exc)
                if trouble is not None and trouble is not exc:
                    raise trouble from exc
                raise
        if not read_only:
            for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
                paths.make_file_private(path.with_name(name))
        return journal

    def _bring_current(self, create: bool) -> None:
        revision = rawdb.current_revision(self._raw, schema.REVISIONS)
        if revision == schema.HEAD:
            if not self.read_only:
                rawdb.use_write_ahead_log(self._raw)
            return
        if revision is None and not create:
            raise NotAJournalError(
                f"{self.path} holds no journal (an empty database): nothing was written to it"
            )
        if self.read_only:
            raise ReadOnlyJournalError(
                f"{self.path} is read-only and needs an upgrade to this version of cxjournal: "
                "copy it to a folder you can write to, then open the copy"
            )
        rawdb.use_write_ahead_log(self._raw)  # known to be ours (or empty) from here on
        self.upgrade_backup = schema.ensure_current(self.engine, self.path)

    @cached_property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        from cxjournal.store.engine import make_engine

        return make_engine(self.path, self._key, self.read_only)

    @property
    def passphrase(self) -> str | None:
        """The passphrase (the form of it that opened the journal); None when plain or locked."""
        return self.__dict__.get("_passphrase")

    @property
    def key(self) -> str | None:
        """The key connections are made with (the derived raw key when the file has one);
        None when plain or locked."""
        return self.__dict__.get("_key")

    def raw(self) -> Any:
        """The plain DB-API connection for fast reads on the start-up path (Today).

        Read-only by convention and from the GUI thread only; every write goes
        through :meth:`session`.
        """
        return self._raw

    def close(self) -> None:
        """Close the connections, once the transactions other threads have open (a page's
        read in the background) have ended."""
        self._wait_for_other_threads()
        self._raw.close()
        self._own_closed = True
        engine = vars(self).get("engine")
        if engine is not None:
            engine.dispose()

    def reopen_in_place(self, passphrase: str | None) -> None:
        """Open this journal's file again on this same object (after a restore replaced the
        file, or to unlock it): everyone holding it carries on with the new connections.

        Raises like :meth:`open` (``WrongPassphraseError`` for a wrong passphrase), and then
        this object is left as it was.
        """
        fresh = Journal.open(self.path, passphrase, create=False)
        self._forget()
        self.encrypted = fresh.encrypted
        self.read_only = fresh.read_only
        self.upgrade_backup = fresh.upgrade_backup
        self._raw = fresh._raw
        self._own_closed = False
        self._passphrase = fresh._passphrase
        self._key = fresh._key
        engine = vars(fresh).get("engine")
        if engine is not None:  # made while bringing the file's schema current
            vars(self)["engine"] = engine

    def close_in_place(self, stand_in: Any) -> None:
        """Close every connection, drop the key and everything opened or cached since; until
        :meth:`reopen_in_place`, the plain connection and the engine are ``stand_in``, which
        says why the journal cannot be used (see ``journal/lock_ops.py``)."""
        self._forget()
        self._raw = stand_in
        self._passphrase = None
        self._key = None
        vars(self)["engine"] = stand_in

    def is_closed_in_place(self, kind: type) -> bool:
        """True while :meth:`close_in_place` left a stand-in of ``kind`` in charge."""
        return isinstance(self._raw, kind)

    def _forget(self) -> None:
        """Close the connections and drop what was opened or cached on first use."""
        with contextlib.suppress(Exception):  # closed already, or a stand-in
            self.close()
        for name, member in vars(Journal).items():
            if isinstance(member, cached_property):
                vars(self).pop(name, None)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------

    def perform(self, op: Callable[[Journal], T]) -> OpChanges[T]:
        """Run ``op(journal)``: what it returns, with the areas its writes changed.

        Operations nest: an inner one's changes count for the outer one too. If ``op``
        raises, the exception goes on (whatever it committed before is still noted by an
        enclosing operation).
        """
        outer = self._changes
        self._changes = Area.NONE
        try:
            value = op(self)
            changed = self._changes
        finally:
            inner = self._changes or Area.NONE
            self._changes = None if outer is None else outer | inner
        return OpChanges(value, changed)

    @contextmanager
    def session(self, changes: Area = Area.NONE) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A write names the areas it ``changes`` (``session(Area.NOTES)``); once committed
        they count for the operation :meth:`perform` runs. A transaction that wrote rows
        without naming an area counts as :attr:`Area.ALL`.

        A write SQLite refuses (disk full, journal busy, a CHECK constraint) raises
        :class:`JournalWriteError`, saying why in plain words; a damaged journal
        raises :class:`DamagedJournalError` (naming the latest backup) and a
        read-only one :class:`ReadOnlyJournalError`.
        """
        from cxjournal.store.session import WRITE_FAILURES, transaction

        with self._counted(), self._transaction(changes, transaction, WRITE_FAILURES) as session:
            yield session

    @contextmanager
    def _transaction(
        self, changes: Area, transaction: Any, write_failures: Any
    ) -> Iterator[Session]:
        try:
            with transaction(self.engine) as session:
                watch = self._changes is not None and not changes
                before = _total_changes(session) if watch else 0
                session.info[_CHANGES] = changes
                yield session
                changes = session.info[_CHANGES]
                if watch and not changes:
                    session.flush()  # what commit would write, counted first
                    if _total_changes(session) != before:
                        changes = Area.ALL  # a write that did not say what it changed
        except write_failures as exc:
            from cxjournal.store.write_errors import write_failure

            raise (explain(self.path, exc, self.read_only) or write_failure(exc)) from exc
        if changes and self._changes is not None:
            # a read (on a worker thread too, while the GUI thread performs) leaves it alone
            self._changes |= changes

    @contextmanager
    def _counted(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._open_changed:
            self._open[me] = self._open.get(me, 0) + 1
        try:
            yield
        finally:
            with self._open_changed:
                self._open[me] -= 1
                if not self._open[me]:
                    del self._open[me]
                self._open_changed.notify_all()

    def _wait_for_other_threads(self, timeout: float = 120.0) -> bool:
        """True once no other thread has a transaction open (False after ``timeout``)."""
        me = threading.get_ident()
        with self._open_changed:
            return self._open_changed.wait_for(lambda: not set(self._open) - {me}, timeout)

    def read_on_own_connection(self) -> None:
        """From now on the reads of this thread (:meth:`reading`) go through the journal's
        own connection, so a command that only reads loads no SQLAlchemy; the reads of
        other threads, and every write, still use the engine's."""
        self._own_reads_thread = threading.get_ident()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A DB-API connection of the engine for the reads of ``store.reads``, in one
        transaction (from any thread, unlike :meth:`raw`); the journal's own connection
        on the thread :meth:`read_on_own_connection` names."""
        if self._own_reads_thread == threading.get_ident() and not self._own_closed:
            from cxjournal.store.reads import snapshot

            if self._raw.in_transaction:  # a read inside another: the same transaction
                yield self._raw
            else:
                with snapshot(self._raw) as own:
                    yield own
            return
        with self.session() as session:
            conn = session.connection().connection.driver_connection
            if conn is None:  # pragma: no cover - a pooled connection always has one
                raise RuntimeError("the journal's connection is closed")
            yield conn

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
    def calendar(self) -> CalendarOps:
        from cxjournal.journal.calendar import CalendarOps

        return CalendarOps(self)

    @cached_property
    def notes(self) -> NoteOps:
        from cxjournal.journal.notes import NoteOps

        return NoteOps(self)

    @cached_property
    def program(self) -> ProgramOps:
        from cxjournal.journal.program import ProgramOps

        return ProgramOps(self)

    @cached_property
    def resilience(self) -> ResilienceOps:
        from cxjournal.journal.resilience import ResilienceOps

        return ResilienceOps(self)

    @cached_property
    def agenda(self) -> AgendaOps:
        from cxjournal.journal.agenda import AgendaOps

        return AgendaOps(self)

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
    def trash(self) -> TrashOps:
        from cxjournal.journal.trash import TrashOps

        return TrashOps(self)

    @cached_property
    def today(self) -> TodayOps:
        from cxjournal.journal.today import TodayOps

        return TodayOps(self)

    # -- health ------------------------------------------------------------------------

    def refuse_if_read_only(self, what: str) -> None:
        """Raise ``ReadOnlyJournalError`` saying ``what`` cannot be written, when read-only."""
        if self.read_only:
            raise read_only_error(self.path, what)

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity checks and the schema check; empty when sound."""
        problems = rawdb.health_problems(self._raw, self.encrypted)
        revision = rawdb.current_revision(self._raw, schema.REVISIONS)
        if revision != schema.HEAD:
            problems.append(f"schema: at {revision}, expected {schema.HEAD}")
        return problems


_CHANGES = "cxjournal.changes"


def also_changes(session: Session, areas: Area) -> None:
    """Count ``areas`` too for the transaction of ``session`` (when it commits): for a write
    that knows only as it goes what it touches (an audit that adds people)."""
    session.info[_CHANGES] = session.info.get(_CHANGES, Area.NONE) | areas


def _total_changes(session: Session) -> int:
    """The rows SQLite has inserted, updated or deleted on the session's connection so far."""
    driver = session.connection().connection.driver_connection
    return int(getattr(driver, "total_changes", 0))
