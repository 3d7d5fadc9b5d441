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


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def module_level_imports(source: str, module: str, is_package: bool) -> set[str]:
    """The modules ``module`` imports when it is loaded: imports in functions and under
    ``if TYPE_CHECKING:`` do not count; relative imports are resolved."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                names.add(base)
                # ``from cxjournal.ui import page`` imports the submodule ``page`` too
                names.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If):
                if not _is_type_checking(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.With):
                visit(node.body)

    visit(ast.parse(source).body)
    return names


def import_graph() -> dict[str, set[str]]:
    files = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        imported = module_level_imports(
            path.read_text(encoding="utf-8"), module, path.name == "__init__.py"
        )
        graph[module] = {name for name in imported if name in files and name != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (``a -> b -> a``) of the graph, or None."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path.append(start)
        on_path.add(start)
        while stack:
            node, pending = stack[-1]
            if not pending:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                continue
            following = pending.pop(0)
            if following in on_path:
                return [*path[path.index(following) :], following]
            if following not in done:
                stack.append((following, sorted(graph[following])))
                path.append(following)
                on_path.add(following)
    return None


def test_there_are_no_module_level_import_cycles() -> None:
    graph = import_graph()
    assert {"cxjournal.journal", "cxjournal.qt.widgets"} <= graph["cxjournal.ui.main_window"]
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_imports_under_type_checking_and_in_functions_do_not_count() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import sibling\n"
        "from .. import parent_thing\n"
        "if TYPE_CHECKING:\n    import cxjournal.typed_only\n"
        "def f():\n    import cxjournal.late\n"
    )
    found = module_level_imports(source, "cxjournal.ui.page", is_package=False)
    assert {"cxjournal.ui.sibling", "cxjournal.parent_thing"} <= found
    assert not found & {"cxjournal.typed_only", "cxjournal.late"}
