"""The Qt bindings must not leak references to None.

PySide6 6.12.0 drops a reference to None on every call of a Qt method that
returns nothing; on Python 3.11 None is then freed after a few thousand calls
and the app aborts ("deallocating None"). pyproject.toml excludes it, cxjournal.qt
refuses it with a message saying what to install, and this test keeps a future
upgrade honest. (On Python 3.12+ None is immortal and the count
does not move either way.)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QLabel

from cxjournal.qt import KNOWN_CRASHING, UnsupportedQtError, check_bindings, version_tuple

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize("version", ["6.12.0", "6.12.0rc1", "6.12"])
def test_the_release_known_to_crash_is_refused_with_what_to_install(version: str) -> None:
    with pytest.raises(UnsupportedQtError) as refused:
        check_bindings(version)
    message = str(refused.value)
    assert f"PySide6 {version}" in message
    assert 'pip install "PySide6-Essentials>=6.8,<6.12"' in message


@pytest.mark.parametrize("version", ["6.8.0", "6.11.3", "6.12.1", "7.0.0.dev1"])
def test_other_releases_are_accepted(version: str) -> None:
    assert version_tuple(version) not in KNOWN_CRASHING
    check_bindings(version)  # raises for a refused release


def test_the_installed_bindings_passed_the_check() -> None:
    import PySide6

    import cxjournal.qt

    assert cxjournal.qt.version_tuple(PySide6.__version__) not in cxjournal.qt.KNOWN_CRASHING
    assert 'PySide6-Essentials>=6.8,<6.12"' in (ROOT / "pyproject.toml").read_text()


def test_the_app_refuses_to_start_on_a_release_known_to_crash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import PySide6

    from cxjournal.cli import main

    monkeypatch.setattr(PySide6, "__version__", "6.12.0")
    monkeypatch.delitem(sys.modules, "cxjournal.qt")  # imported afresh, so checked again
    assert main(["--db", str(tmp_path / "j.db"), "gui"]) == 1
    assert "cxjournal cannot run with PySide6 6.12.0" in capsys.readouterr().err
    assert not (tmp_path / "j.db").exists()
