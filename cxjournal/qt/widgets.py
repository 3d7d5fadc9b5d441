"""PySide6.QtWidgets, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from typing import TYPE_CHECKING

from cxjournal.qt import forward_names

if TYPE_CHECKING:
    from PySide6.QtWidgets import *  # noqa: F403
else:
    from PySide6 import QtWidgets

    __getattr__ = forward_names(QtWidgets, globals())
