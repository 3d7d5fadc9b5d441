"""Schema versions: a cheap check on every open, Alembic only when an upgrade is due.

``REVISIONS`` lists every migration this app knows, oldest first; a test checks
it against the Alembic scripts. When the journal is at ``HEAD`` nothing of
Alembic is imported.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NewerSchemaError, NotAJournalError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

REVISIONS: tuple[str, ...] = ("0001_initial", "0002_search", "0003_v2")
HEAD = REVISIONS[-1]


def current_revision(conn: Connection) -> str | None:
    """The journal's revision; ``None`` for an empty file.

    Raises ``NotAJournalError`` for an SQLite file that holds tables but no
    cxjournal revision.
    """
    from sqlalchemy import text

    tables = {
        row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    }
    if "alembic_version" not in tables:
        if tables:
            raise NotAJournalError("this SQLite file is not a cxjournal journal")
        return None
    version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(version) if version else None


def backup_before_upgrade(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the journal beside itself before a migration; the copy stays encrypted if it was."""
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    shutil.copy2(path, target)
    return target


def ensure_current(engine: Engine, path: Path) -> Path | None:
    """Bring the journal to ``HEAD``. Returns the backup made, if any.

    A journal written by a newer app is refused untouched.
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
        backup = backup_before_upgrade(engine, path, revision)
    upgrade(engine)
    return backup


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "cxjournal.store:migrations")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
