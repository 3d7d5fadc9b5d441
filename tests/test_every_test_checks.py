"""Every test checks something: a test function with no assert, no ``pytest.raises`` and
no wait on a condition passes whatever the code does (checked on the source, by AST)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent

#: calls that fail the test by themselves (pytest's and pytest-qt's checks)
CHECKING_CALLS = frozenset(
    {
        "raises",
        "warns",
        "deprecated_call",
        "fail",
        "waitUntil",
        "waitSignal",
        "waitSignals",
        "waitCallback",
        "assertNotEmitted",
    }
)


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else ""


def checks_something(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether the body (nested helpers included) asserts, expects an error or waits on a
    condition, directly or through a helper named ``assert_...``."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name in CHECKING_CALLS or name.lstrip("_").startswith("assert"):
                return True
    return False


def unchecked_tests(source: str) -> list[str]:
    tree = ast.parse(source)
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test")
        and not checks_something(node)
    ]


def test_every_test_function_checks_something() -> None:
    found = [
        f"{path.relative_to(TESTS).as_posix()}::{name}"
        for path in sorted(TESTS.rglob("test_*.py"))
        for name in unchecked_tests(path.read_text(encoding="utf-8"))
    ]
    assert not found, "tests that can never fail: " + ", ".join(found)


def test_the_scan_finds_a_test_without_a_check() -> None:
    source = (
        "def test_runs_only():\n    parse('x')\n\n"
        "def test_asserts():\n    assert parse('x')\n\n"
        "def test_expects_an_error():\n    with pytest.raises(ValueError):\n        parse('')\n\n"
        "def test_waits(qtbot):\n    qtbot.waitUntil(lambda: done)\n\n"
        "def test_through_a_helper():\n    _assert_fits(window)\n"
    )
    assert unchecked_tests(source) == ["test_runs_only"]
