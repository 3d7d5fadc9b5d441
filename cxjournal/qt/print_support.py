"""PySide6.QtPrintSupport, through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from PySide6.QtPrintSupport import *  # noqa: F403
