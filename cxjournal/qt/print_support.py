"""PySide6.QtPrintSupport, through :mod:`cxjournal.qt` (which refuses crashing releases)."""

from typing import TYPE_CHECKING

from cxjournal.qt import forward_names

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import *  # noqa: F403
else:
    from PySide6 import QtPrintSupport

    __getattr__ = forward_names(QtPrintSupport, globals())
