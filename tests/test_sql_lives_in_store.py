"""SQL lives under cxjournal/store only: no SQL text elsewhere, and no SQLAlchemy, Alembic or
SQLite driver imported anywhere else (checked on the source, by AST)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cxjournal"
#: the statements a string literal must not start a clause with, outside the store
SQL_TEXT = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)|DROP\s+(TABLE|INDEX)|PRAGMA\s+\w+)\b",
    re.DOTALL,
)
DATABASE_LIBRARIES = ("sqlalchemy", "alembic", "sqlcipher3", "sqlite3")


def outside_the_store() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "store"
    ]


def sql_texts(path: Path) -> list[str]:
    """String literals (f-string parts too) that hold SQL, and ``text(...)``/``execute(...)``
    calls with a literal: what a module would send to SQLite itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_TEXT.search(node.value):
                found.append(node.value[:60])
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0] if node.args else None
            if name in ("text", "execute", "executemany", "exec_driver_sql") and isinstance(
                first, (ast.Constant, ast.JoinedStr)
            ):
                found.append(f"{name}({ast.unparse(first)[:50]})")
    return found


def database_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n for n in names if n.split(".")[0] in DATABASE_LIBRARIES}


def test_no_sql_text_outside_the_store() -> None:
    found = {
        path.relative_to(PACKAGE).as_posix(): texts
        for path in outside_the_store()
        if (texts := sql_texts(path))
    }
    assert not found


def test_nothing_outside_the_store_imports_a_database_library() -> None:
    """journal/, exchange/, cli/ and ui/ pass sessions and connections to the store's
    functions; every query, ORM row class and driver import is the store's."""
    using = {
        path.relative_to(PACKAGE).as_posix(): sorted(names)
        for path in outside_the_store()
        if (names := database_imports(path))
    }
    assert using == {}, "database code outside cxjournal/store: move it into a store function"


def test_the_start_up_path_and_the_reads_use_no_sqlalchemy() -> None:
    """What runs before the first paint, the export and every read helper, is free of SQLAlchemy."""
    lean = [
        "journal/today.py",
        "journal/status.py",
        "journal/stakeholders.py",
        "journal/resilience_summary.py",
        "journal/setting_values.py",
        "journal/trends.py",
        "journal/settings.py",
        "store/rawdb.py",
        "store/export_rows.py",
        "exchange/exporter.py",
        "exchange/format_write.py",
        *(p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "store" / "reads").glob("*.py")),
    ]
    assert {m: database_imports(PACKAGE / m) - {"sqlcipher3"} for m in lean} == {
        m: set() for m in lean
    }


def test_the_scan_sees_sql(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from sqlalchemy import text\n"
        "def f(conn, table):\n"
        "    conn.execute(f'SELECT id FROM {table}')\n"
        "    conn.execute('DELETE FROM notes WHERE id = ?', (1,))\n"
        "    text('UPDATE people SET name = 1')\n"
        "    return 'Select a person from the list'\n",
        encoding="utf-8",
    )
    texts = sql_texts(bad)
    assert len([t for t in texts if t.startswith("execute(")]) == 2
    assert any("DELETE FROM notes" in t for t in texts)
    assert any("UPDATE people SET" in t for t in texts)
    assert not any("Select a person" in t for t in texts)
    assert database_imports(bad) == {"sqlalchemy"}


def test_the_scan_sees_every_database_import(tmp_path: Path) -> None:
    """Imports only for typing, inside functions, and of submodules count too."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from cxjournal.store import note_store\n"
        "if TYPE_CHECKING:\n"
        "    from sqlalchemy.orm import Session\n"
        "def f() -> None:\n"
        "    import alembic.command\n"
        "    from sqlite3 import connect\n",
        encoding="utf-8",
    )
    assert database_imports(bad) == {"sqlalchemy.orm", "alembic.command", "sqlite3"}
    assert outside_the_store(), "the scan found no module outside the store"
