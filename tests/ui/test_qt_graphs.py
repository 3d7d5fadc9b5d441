"""pyqtgraph is loaded without making every class of QtCore, QtGui and QtWidgets at once
(cxjournal/qt/graphs.py), and works with the same classes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: run in a fresh process: what importing pyqtgraph one way or the other makes
_PROBE = """
import enum, gc, json, sys
from PySide6 import QtCore, QtGui, QtWidgets
app = QtWidgets.QApplication([])
own = [vars(m).get("__dir__") for m in (QtCore, QtGui, QtWidgets)]
listed = [set(dir(m)) for m in (QtCore, QtGui, QtWidgets)]
def qt_enums():
    return sum(1 for o in gc.get_objects()
               if isinstance(o, enum.EnumType) and o.__module__.startswith("PySide6"))
before = qt_enums()
if sys.argv[1] == "plain":
    import pyqtgraph as pg
else:
    from cxjournal.qt.graphs import pg
widget = pg.PlotWidget()
widget.plot([1, 2, 3], [3, 1, 2])
widget.resize(240, 160)
image = widget.grab().toImage()
print(json.dumps({
    "enums": qt_enums() - before,
    "listed_again": [set(dir(m)) for m in (QtCore, QtGui, QtWidgets)] == listed
        and [vars(m).get("__dir__") for m in (QtCore, QtGui, QtWidgets)] == own,
    "same_classes": pg.Qt.QtWidgets.QWidget is QtWidgets.QWidget
        and pg.Qt.QtCore.QPointF is QtCore.QPointF and pg.Qt.QtGui.QColor is QtGui.QColor,
    "drawn": image.width() == 240 and len({image.pixel(x, 80) for x in range(240)}) > 1,
}))
"""


def _probe(way: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, way],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_pyqtgraph_loaded_through_the_views_makes_far_fewer_qt_classes_and_still_draws() -> None:
    plain, viewed = _probe("plain"), _probe("viewed")
    assert plain["drawn"] and viewed["drawn"]
    assert viewed["same_classes"]
    assert viewed["listed_again"]  # PySide6's modules list every name again afterwards
    assert isinstance(plain["enums"], int) and isinstance(viewed["enums"], int)
    assert viewed["enums"] * 2 < plain["enums"], (viewed["enums"], plain["enums"])


def test_a_pyqtgraph_imported_before_is_the_one_given() -> None:
    import pyqtgraph

    from cxjournal.qt import graphs

    assert graphs.load() is pyqtgraph
    assert graphs.pg is pyqtgraph
