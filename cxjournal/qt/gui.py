"""PySide6.QtGui, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from PySide6.QtGui import *  # noqa: F403
