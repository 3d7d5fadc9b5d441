"""SVG icons shipped in ``resources/icons``, read through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if it is missing."""
    entry = resources.files("resources").joinpath("icons").joinpath(f"{name}.svg")
    if not entry.is_file():
        return QIcon()
    with resources.as_file(entry) as path:
        return QIcon(str(path))


def app_icon() -> QIcon:
    return icon("cxjournal")
