"""PySide6.QtSvg, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from PySide6.QtSvg import *  # noqa: F403
