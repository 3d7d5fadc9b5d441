"""PySide6.QtDBus, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from PySide6.QtDBus import *  # noqa: F403
