"""pyqtgraph, loaded without making every class of Qt's three main modules at once.

When it is imported, pyqtgraph copies every name of PySide6's ``QtCore``, ``QtGui`` and
``QtWidgets`` into modules of its own (``pyqtgraph.Qt.QtCore`` and so on). PySide6 makes
a class, and the Python enums that go with it, only when the class is first asked for,
so that copy made every class of the three modules: about 600 enum types, and pyqtgraph's
import took twice as long. The warm-up thread held Python's lock for most of it, so the
window's thread could not run for 100 ms and more at a time.

Importing this module imports pyqtgraph with those three modules of its own standing in
as views of PySide6's that fetch a name when it is first asked for (and keep it), while
the copy finds nothing to copy. pyqtgraph then uses the same classes as before, fetched
when it first needs them. Where pyqtgraph was imported already, it is left as it is.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

#: pyqtgraph's copies of these PySide6 modules are views of them (``pyqtgraph.Qt.<name>``)
VIEWED = ("QtCore", "QtGui", "QtWidgets")

#: the names a module has of its own: never fetched from the module it is a view of
_OWN_NAMES = frozenset(
    {
        "__all__",
        "__builtins__",
        "__cached__",
        "__dir__",
        "__file__",
        "__getattr__",
        "__loader__",
        "__path__",
        "__spec__",
    }
)


def view_of(source: ModuleType, name: str) -> ModuleType:
    """A module named ``name`` that gives each attribute of ``source`` when first asked for,
    and keeps it."""
    view = ModuleType(name, source.__doc__)
    kept = vars(view)

    def __getattr__(attribute: str) -> Any:
        if attribute in _OWN_NAMES:
            raise AttributeError(attribute)
        value = getattr(source, attribute)
        kept[attribute] = value
        return value

    kept["__getattr__"] = __getattr__
    return view


def _nothing_to_list() -> list[str]:
    return []


def load() -> ModuleType:
    """pyqtgraph, imported with views of PySide6's modules (see above) unless it was already."""
    found = sys.modules.get("pyqtgraph")
    if found is not None:
        return found
    sources = [importlib.import_module(f"PySide6.{name}") for name in VIEWED]
    for name, source in zip(VIEWED, sources, strict=True):
        sys.modules.setdefault(f"pyqtgraph.Qt.{name}", view_of(source, f"pyqtgraph.Qt.{name}"))
    # pyqtgraph copies what ``dir`` lists of each (PySide6 lists every class it could make,
    # with a module ``__dir__`` of its own, PEP 562); while it is imported, that is nothing
    listing = [(source, vars(source).get("__dir__")) for source in sources]
    for source, _ in listing:
        vars(source)["__dir__"] = _nothing_to_list
    try:
        return importlib.import_module("pyqtgraph")
    finally:
        for source, own in listing:
            if own is None:
                vars(source).pop("__dir__", None)
            else:
                vars(source)["__dir__"] = own


pg = load()

__all__ = ["VIEWED", "load", "pg", "view_of"]
