"""PySide6.QtSvg, imported through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from typing import TYPE_CHECKING

from cxjournal.qt import forward_names

if TYPE_CHECKING:
    from PySide6.QtSvg import *  # noqa: F403
else:
    from PySide6 import QtSvg

    __getattr__ = forward_names(QtSvg, globals())
