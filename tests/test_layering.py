"""The headless core never imports Qt, pyqtgraph or the UI (checked on the source, by AST)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cxjournal"
HEADLESS = ("domain", "store", "journal", "exchange")
FORBIDDEN = ("PySide6", "pyqtgraph", "cxjournal.ui", "cxjournal.qt", "shiboken6")
#: exchange modules that render with Qt on purpose (PDF), imported only when asked
QT_ALLOWED = {"exchange/snapshot_pdf.py", "exchange/program_pdf.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def core_files() -> list[Path]:
    files = [f for part in HEADLESS for f in sorted((PACKAGE / part).rglob("*.py"))]
    return [f for f in files if f.relative_to(PACKAGE).as_posix() not in QT_ALLOWED]


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_imports_no_gui(path: Path) -> None:
    leaks = sorted(
        name
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    )
    assert not leaks, f"{path.name} imports {leaks}"


def test_the_gui_never_imports_the_store_or_sqlalchemy() -> None:
    """Widgets reach data only through the journal's operations."""
    leaks = {
        path.relative_to(PACKAGE).as_posix(): sorted(
            n
            for n in imported_modules(path)
            if n.split(".")[0] == "sqlalchemy" or n.startswith(("cxjournal.store", "alembic"))
        )
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
    }
    assert not {k: v for k, v in leaks.items() if v}


def test_qt_is_imported_only_through_cxjournal_qt() -> None:
    """One module holds the bindings, so it can refuse the releases known to crash."""
    direct = {
        path.relative_to(PACKAGE).as_posix(): sorted(
            n for n in imported_modules(path) if n.split(".")[0] in ("PySide6", "shiboken6")
        )
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.parent.name != "qt"
    }
    assert not {k: v for k, v in direct.items() if v}


def test_domain_imports_nothing_else_of_ours() -> None:
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        ours = {
            n
            for n in imported_modules(path)
            if n.startswith("cxjournal") and not n.startswith("cxjournal.domain")
        }
        assert not ours, f"{path.name} imports {ours}"


def test_the_checker_catches_a_leak(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in imported_modules(bad)


def test_cli_commands_that_need_no_gui_load_no_qt(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    code = (
        "import sys\n"
        "from cxjournal.cli import main\n"
        f"main(['--db', {str(db)!r}, 'check'])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'cxjournal.ui'))]\n"
        "print('LOADED:' + ','.join(bad))\n"
    )
    from cxjournal.journal import Journal

    Journal.open(db).close()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    )
    assert out.stdout.strip().splitlines()[-1] == "LOADED:"


def test_the_exchange_never_imports_sqlalchemy() -> None:
    """The exchange's reads and writes are the store's functions (SQL lives in store/)."""
    leaks = {
        path.relative_to(PACKAGE).as_posix(): sorted(
            n for n in imported_modules(path) if n.split(".")[0] in ("sqlalchemy", "alembic")
        )
        for path in sorted((PACKAGE / "exchange").rglob("*.py"))
    }
    assert not {k: v for k, v in leaks.items() if v}
