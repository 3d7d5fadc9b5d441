"""PySide6.QtCore, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from PySide6.QtCore import *  # noqa: F403
