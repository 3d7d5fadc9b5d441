"""Every page and dialog fits a 1024x640 laptop screen and a 1366x768 one.

The offscreen platform reads the size of its screen from a configuration file at
start-up, so each size runs the checks of ``screen_fit_checks.py`` in a fresh
process with that screen (the test fails with their report).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cxjournal.qt.core import QRect, QSize
from cxjournal.qt.widgets import QDialog
from cxjournal.ui.screen_fit import FRAME_ALLOWANCE, fit_to_screen, room_for

ROOT = Path(__file__).resolve().parents[2]
CHECKS = Path(__file__).with_name("screen_fit_checks.py")


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1024, 640), (1366, 768)], ids=["1024x640", "1366x768"])
def test_every_page_and_dialog_fits(tmp_path: Path, size: tuple[int, int]) -> None:
    width, height = size
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", str(CHECKS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_a_big_request_gets_the_room_the_screen_has(qtbot: object) -> None:
    dialog = QDialog()
    area = QRect(0, 0, 1024, 600)
    given = fit_to_screen(dialog, QSize(1260, 760), area)
    assert given == QSize(1024 - FRAME_ALLOWANCE.width(), 600 - FRAME_ALLOWANCE.height())
    assert dialog.size() == given
    assert fit_to_screen(dialog, QSize(640, 480), area) == QSize(640, 480)


def test_a_minimum_larger_than_the_screen_gives_way(qtbot: object) -> None:
    dialog = QDialog()
    dialog.setMinimumSize(1200, 700)
    area = QRect(0, 0, 1024, 600)
    fit_to_screen(dialog, QSize(1300, 800), area)
    room = room_for(dialog, area)
    assert dialog.minimumSize().width() <= room.width()
    assert dialog.minimumSize().height() <= room.height()
