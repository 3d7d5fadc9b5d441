"""Schema versions: a cheap check on every open, Alembic only when an upgrade is due.

``REVISIONS`` lists every migration this app knows, oldest first; a test checks
it against the Alembic scripts. When the journal is at ``HEAD`` nothing of
Alembic is imported.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NewerSchemaError, NotAJournalError, UpgradeFailedError
from cxjournal.store import durable, rawdb

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_search",
    "0003_v2",
    "0004_calendar",
    "0005_snooze",
    "0006_trash",
    "0007_contact_index",
    "0008_rule_indexes",
    "0009_revisions",
)
HEAD = REVISIONS[-1]


def current_revision(conn: Connection) -> str | None:
    """The journal's revision; ``None`` for an empty file (``rawdb.current_revision`` on the
    connection's own DB-API connection).

    Raises ``NotAJournalError`` for an SQLite file that holds tables but no
    cxjournal revision.
    """
    driver = conn.connection.driver_connection
    if driver is None:  # pragma: no cover - an open connection always has one
        raise NotAJournalError("the journal's connection is closed")
    return rawdb.current_revision(driver)


def backup_before_upgrade(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the journal beside itself before a migration; the copy stays encrypted if it was.

    When a copy made before an earlier try of the same upgrade still holds exactly
    what the journal holds, that copy is named again: retries do not pile up copies.
    Raises :class:`DiskFullError` (nothing left half-made) when the disk is full.
    """
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    earlier = sorted(path.parent.glob(f"{path.stem}.before-upgrade-{revision}-*{path.suffix}"))
    import filecmp  # only before an upgrade

    for copy in reversed(earlier):
        with contextlib.suppress(OSError):
            if filecmp.cmp(copy, path, shallow=False):
                return copy
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    return durable.copy_file(path, target)


def ensure_current(engine: Engine, path: Path) -> Path | None:
    """Bring the journal to ``HEAD``. Returns the backup made, if any.

    A journal written by a newer app is refused untouched. The whole upgrade is
    one transaction (:func:`upgrade`): if it fails, the journal is as it was and
    :class:`UpgradeFailedError` says so and names the copy made before it.
    """
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD:
        return None
    if revision is not None and revision not in REVISIONS:
        raise NewerSchemaError(
            f"{path.name} was written by a newer version of cxjournal (schema {revision}); "
            "update cxjournal to open it"
        )
    backup = None
    if revision is not None:
        try:
            backup = backup_before_upgrade(engine, path, revision)
        except (OSError, durable.DiskFullError) as exc:
            raise UpgradeFailedError(
                f"{path} needs an upgrade to this version of cxjournal, but the copy made "
                f"before upgrading could not be written ({_reason(exc)}); nothing was changed"
            ) from exc
    try:
        upgrade(engine)
    except Exception as exc:
        if revision is None:
            raise UpgradeFailedError(
                f"the new journal {path} could not be set up ({_reason(exc)}); "
                "nothing was written to it"
            ) from exc
        raise UpgradeFailedError(
            f"the upgrade of {path} to this version of cxjournal failed ({_reason(exc)}); "
            f"the journal was left as it was, and a copy made before the upgrade is at {backup}"
        ) from exc
    return backup


def _reason(exc: BaseException) -> str:
    """A short reason for a failed write, without any journal text."""
    if durable.is_disk_full(exc):
        return "the disk is full"
    if "database is locked" in str(exc):
        return "another program is using the journal; try again when it is done"
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).splitlines()[0][:200] or type(exc).__name__


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to ``target`` in ONE explicit transaction.

    SQLite's DDL is transactional, but the DB-API driver begins transactions
    only before data changes, so on its own every CREATE or ALTER would commit
    by itself and a crash would leave half a schema. Here the driver begins
    nothing, ``BEGIN IMMEDIATE`` takes the write lock before the revision is
    read (so a second process waits, then finds the work done), and one COMMIT
    ends it: a crash or an error at any point leaves the old schema or the new
    one, never a mix. Every migration, present and future, runs this way.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "cxjournal.store:migrations")
    with engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        saved = driver.isolation_level
        driver.isolation_level = None  # the driver begins and commits nothing by itself
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            config.attributes["connection"] = conn
            command.upgrade(config, target)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            driver.isolation_level = saved
