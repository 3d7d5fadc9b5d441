"""The one way cxjournal imports Qt: ``from cxjournal.qt.widgets import QLabel``.

Importing any of these modules first checks the installed Qt bindings and refuses,
with a message saying what to install, the PySide6 releases known to crash the app:

- 6.12.0 drops a reference to ``None`` on every Qt call that returns nothing; on
  Python 3.11 ``None`` is then freed after a few thousand calls and the app aborts
  ("deallocating None") within minutes (tests/ui/test_qt_bindings.py).

The submodules (``core``, ``gui``, ``widgets``, ``svg``, ``print_support``, ``dbus``)
each re-export one PySide6 module, so a page still loads only the Qt libraries it uses.
They hand out its classes by name as they are asked for (:func:`forward_names`): PySide6
makes a class's Python type on first use, and a star import would make every one of
them (about a tenth of a second of start-up for QtCore, QtGui and QtWidgets).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, MutableMapping
from types import ModuleType
from typing import Any

import PySide6

#: PySide6 releases that crash cxjournal, with the reason shown to the user.
KNOWN_CRASHING: dict[tuple[int, int, int], str] = {
    (6, 12, 0): (
        "it loses a reference to None on every Qt call that returns nothing, "
        "which crashes a session after a few minutes"
    ),
}

#: What to install instead (pyproject.toml pins the same range).
SUPPORTED = "PySide6-Essentials>=6.8,<6.12"


class UnsupportedQtError(ImportError):
    """The installed PySide6 is one known to crash cxjournal."""


def version_tuple(version: str) -> tuple[int, int, int]:
    """``"6.11.3"`` -> ``(6, 11, 3)``; suffixes such as ``rc1`` or ``.dev0`` are dropped."""
    parts: list[int] = []
    for piece in version.split(".")[:3]:
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(int(digits or 0))
    while len(parts) < 3:
        parts.append(0)
    return parts[0], parts[1], parts[2]


def check_bindings(version: str) -> None:
    """Raise :class:`UnsupportedQtError` when PySide6 ``version`` is known to crash."""
    reason = KNOWN_CRASHING.get(version_tuple(version))
    if reason is not None:
        raise UnsupportedQtError(
            f"cxjournal cannot run with PySide6 {version}: {reason}. "
            f'Install a supported release, for example: pip install "{SUPPORTED}"'
        )


def forward_names(module: ModuleType, namespace: MutableMapping[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that gives ``module``'s attribute of a name, kept in
    ``namespace`` (the re-exporting module's globals) once asked for."""

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):  # the re-exporting module's own, or nothing
            raise AttributeError(name)
        value = getattr(module, name)
        namespace[name] = value
        return value

    return __getattr__


check_bindings(PySide6.__version__)


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` uses PySide6: it holds one of its modules or classes (the app's
    modules hold them as ``cxjournal.qt`` hands them out)."""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            name = value.__name__
        elif isinstance(value, type):
            name = value.__module__
        else:
            continue
        if name.startswith("PySide6"):
            return True
    return False


def skip_source_scans() -> bool:
    """Stop PySide6 from reading the source of every module imported after it.

    For its opt-in ``__feature__`` syntax, PySide6 asks of each module imported once it is
    loaded whether the module uses it, by reading the module's whole source file and
    looking for the word "PySide6": about 0.15 ms a module, 22 ms of start-up before the
    first paint (154 modules) and 150 ms of the warm-up thread's imports (529 modules),
    all of it holding Python's lock. The answer only matters to a module that selects such
    a feature, which no module here does; :func:`uses_pyside` gives it from the module's
    names instead. True when PySide6 asks as expected (otherwise nothing is changed).
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    # a private module of PySide6's, with no types: its one function is replaced
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


skip_source_scans()
