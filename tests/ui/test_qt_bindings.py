"""The Qt bindings must not leak references to None.

PySide6 6.12.0 drops a reference to None on every call of a Qt method that
returns nothing; on Python 3.11 None is then freed after a few thousand calls
and the app aborts ("deallocating None"). pyproject.toml excludes it; this test
keeps a future upgrade honest. (On Python 3.12+ None is immortal and the count
does not move either way.)
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    pen = QPen()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    painter = QPainter(image)
    for _ in range(2000):
        label.setText("x")
        pen.setWidth(2)
        painter.drawLine(0, 0, 5, 5)
    painter.end()
    assert sys.getrefcount(None) - before > -100
