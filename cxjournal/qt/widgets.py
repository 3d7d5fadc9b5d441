"""PySide6.QtWidgets, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from PySide6.QtWidgets import *  # noqa: F403
