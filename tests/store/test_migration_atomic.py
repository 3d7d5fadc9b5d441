"""Creating a journal and every migration is one transaction: a failure at ANY statement of
any upgrade leaves the old schema (and the data), the next open finishes the job, and the
message names the copy made before the upgrade. Retries do not pile up copies."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import Engine, event, text

from cxjournal.domain.errors import UpgradeFailedError
from cxjournal.journal import Journal
from cxjournal.store import schema
from cxjournal.store.engine import create_journal_engine

STARTS: list[str | None] = [None, *schema.REVISIONS[:-1]]


def _journal_at(path: Path, revision: str | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if revision is None:
        return
    engine = create_journal_engine(path, None)
    try:
        schema.upgrade(engine, revision)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO people (id, name, role, organisation, internal, relationship, "
                    "team, function, product_unit, location, key_stakeholder, cx_board, "
                    "information_needs, motivations, archived) VALUES "
                    "(1, 'Ana Silva', '', '', 1, 'peer', '', '', '', '', 0, 0, '', '', 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO notes (id, person_id, on_date, kind, text, tags) VALUES "
                    "(1, 1, '2026-02-01', 'one_on_one', 'Walked her through it', '[]')"
                )
            )
    finally:
        engine.dispose()


def _schema_of(path: Path) -> set[tuple[str, str]]:
    if not path.exists():
        return set()
    conn = sqlcipher3.connect(str(path))
    try:
        return {
            (row[0], row[1])
            for row in conn.execute(
                "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        conn.close()


@contextmanager
def _failing_statement(at: int | None) -> Iterator[list[str]]:
    """Count the statements run inside a migration's transaction; fail the ``at``-th one
    (as a full disk would)."""
    seen: list[str] = []
    state = {"inside": False}

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            state["inside"] = True
            return
        if not state["inside"]:
            return
        seen.append(statement)
        if at is not None and len(seen) == at:
            raise sqlcipher3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", before)


@pytest.mark.parametrize("start", STARTS, ids=lambda r: str(r or "new journal"))
def test_a_failure_at_every_statement_of_every_upgrade_leaves_the_old_schema(
    tmp_path: Path, start: str | None
) -> None:
    reference = tmp_path / "reference" / "journal.db"
    _journal_at(reference, start)
    with _failing_statement(None) as statements:
        Journal.open(reference).close()
    total = len(statements)
    assert total > 3  # the upgrade really ran statements inside the transaction

    for at in range(1, total + 1):
        path = tmp_path / f"at-{at}" / "journal.db"
        _journal_at(path, start)
        before = _schema_of(path)
        with _failing_statement(at), pytest.raises(UpgradeFailedError) as failure:
            Journal.open(path)
        assert "the disk is full" in str(failure.value)
        assert _schema_of(path) == before, f"statement {at} of {total} left a half-made schema"
        if start is not None:
            copies = list(path.parent.glob("journal.before-upgrade-*.db"))
            assert len(copies) == 1
            assert str(copies[0]) in str(failure.value)
            assert "left as it was" in str(failure.value)
        with Journal.open(path) as journal:  # the next open finishes the job
            assert journal.check() == []
            if start is not None:
                assert [p.name for p in journal.people.all()] == ["Ana Silva"]


def test_retries_of_a_failing_upgrade_name_the_same_copy(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    _journal_at(path, schema.REVISIONS[0])
    messages = []
    for _ in range(3):
        with _failing_statement(2), pytest.raises(UpgradeFailedError) as failure:
            Journal.open(path)
        messages.append(str(failure.value))
    copies = list(tmp_path.glob("journal.before-upgrade-*.db"))
    assert len(copies) == 1
    assert all(str(copies[0]) in message for message in messages)


def test_a_second_opener_waits_for_the_first_upgrade_then_finds_it_done(tmp_path: Path) -> None:
    """Two openers of a new journal at once: the second's transaction begins only after the
    first committed, and then it has nothing left to create (no 'table already exists')."""
    path = tmp_path / "journal.db"
    first = create_journal_engine(path, None)
    second = create_journal_engine(path, None)
    try:
        with first.connect() as holder:
            holder.exec_driver_sql("PRAGMA journal_mode = WAL")
        schema.upgrade(first)
        schema.upgrade(second)  # a late second opener: its revision is read inside its own lock
        with second.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
    finally:
        first.dispose()
        second.dispose()
