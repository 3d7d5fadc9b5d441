"""The typing rules of the package: mypy checks all of it, strictly, and every
``# type: ignore`` names its error code and says why."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cxjournal"

IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")


def unexplained_ignores(source: str) -> list[tuple[int, str]]:
    """The lines of ``source`` whose ``type: ignore`` lacks an error code, or a reason
    (a comment after it on the line, or a comment line just above)."""
    found = []
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        match = IGNORE.search(line)
        if match is None:
            continue
        codes = match.group("codes")
        after = match.group("rest").strip()
        above = lines[number - 2].strip() if number > 1 else ""
        reasoned = after.startswith("#") or above.startswith("#")
        if not codes or codes == "[]" or not reasoned:
            found.append((number, line.strip()))
    return found


def test_every_type_ignore_names_its_code_and_says_why() -> None:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in unexplained_ignores(path.read_text(encoding="utf-8")):
            bad.append(f"{path.relative_to(ROOT)}:{number}: {line}")
    assert bad == []


def test_the_check_finds_bare_and_unexplained_ignores() -> None:
    source = "\n".join(
        [
            "a = f()  # type: ignore",
            "b = f()  # type: ignore[arg-type]",
            "c = f()  # type: ignore[arg-type]  # the stubs say bytes",
            "# the library leaves this unannotated",
            "d = f()  # type: ignore[no-untyped-call]",
            "e = f()  # type: ignore[]  # no code",
        ]
    )
    assert [number for number, _ in unexplained_ignores(source)] == [1, 2, 6]


def test_mypy_checks_the_whole_package_strictly() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["cxjournal"]
    assert config["strict"] is True
    # overrides may only say that a third-party package ships no types
    for override in config.get("overrides", []):
        modules = override["module"]
        modules = [modules] if isinstance(modules, str) else modules
        assert not [m for m in modules if m.split(".")[0] == "cxjournal"], override
        assert set(override) <= {"module", "ignore_missing_imports"}, override
