"""PySide6 does not read the source of each module imported after it (cxjournal.qt)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import cxjournal.qt
from cxjournal.qt import uses_pyside


def test_a_module_imported_after_qt_is_not_read_from_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cxjournal.qt.skip_source_scans()
    with_qt = tmp_path / "cx_probe_with_qt.py"
    with_qt.write_text("from cxjournal.qt.widgets import QLabel\nLABEL = QLabel\n")
    without = tmp_path / "cx_probe_without.py"
    without.write_text("import json\nVALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("cx_probe_with_qt", "cx_probe_without"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    linecache.clearcache()
    __import__("cx_probe_with_qt")  # an import statement's way, through PySide6's hook
    __import__("cx_probe_without")
    assert str(with_qt) not in linecache.cache
    assert str(without) not in linecache.cache
    asked = sys.modules["shibokensupport.feature"].pyside_feature_dict
    assert asked["cx_probe_with_qt"] == 0  # uses PySide6
    assert asked["cx_probe_without"] == -1


def test_a_module_uses_pyside_when_it_holds_one_of_its_classes_or_modules() -> None:
    import json

    import PySide6.QtCore

    import cxjournal.ui.sort_arrows as with_classes

    assert uses_pyside(with_classes)
    assert uses_pyside(cxjournal.qt)  # it holds the PySide6 package
    assert not uses_pyside(json)
    holder = type(sys)("holder")
    holder.core = PySide6.QtCore
    assert uses_pyside(holder)
