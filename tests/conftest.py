"""Shared fixtures: real journal files in tmp_path, an offscreen main window."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# pyqtgraph as the app loads it (cxjournal/qt/graphs.py), before a test module imports it
import cxjournal.qt.graphs  # noqa: F401

if TYPE_CHECKING:
    from cxjournal.journal import Journal


#: The collector's thresholds; as in the app (ui/gc_policy.py), automatic collection is
#: off, so it never runs in the middle of a chart's paint, and garbage is collected
#: between tests instead.
_GC_THRESHOLDS = gc.get_threshold()
gc.disable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    _stop_timers_left_running()
    from cxjournal.ui.gc_policy import collect_due

    collect_due(_GC_THRESHOLDS)


def _stop_timers_left_running() -> None:
    """A window still alive after its test must not wake up in a later one: its timers
    (the due-updates recount every 15 minutes, the calendar poll) would read a journal
    closed long before, whenever a busy machine makes the run long enough."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    for window in QApplication.topLevelWidgets():
        for timer in window.findChildren(QTimer):
            timer.stop()


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real data and config folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("CXJOURNAL_DB", raising=False)
    monkeypatch.delenv("CXJOURNAL_PASSPHRASE", raising=False)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.db"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    from cxjournal.journal import Journal

    opened = Journal.open(journal_path)
    yield opened
    opened.close()


def _build_demo_journal(
    path: Path,
    *,
    years: int,
    seed: int,
    today: dt.date | None = None,
    passphrase: str | None = None,
) -> Path:
    from cxjournal.exchange.demo import generate
    from cxjournal.exchange.importer import import_text
    from cxjournal.journal import Journal

    journal = Journal.open(path, passphrase)
    try:
        import_text(journal, json.dumps(generate(years=years, seed=seed, today=today)))
    finally:
        journal.close()
    return path


@pytest.fixture(scope="session")
def build_demo_journal() -> Callable[..., Path]:
    """Builds the demo journal (``exchange/demo.py generate``) in a new journal file at
    ``path`` through the importer, closes it and returns ``path``:
    ``build_demo_journal(path, years=3, seed=1, today=TODAY)`` (``passphrase=`` for an
    encrypted one). Session-scoped, so a module-scoped fixture can build with it too."""
    return _build_demo_journal


@pytest.fixture
def ui_settings(tmp_path: Path) -> Any:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot: Any, journal: Journal, ui_settings: Any) -> Any:
    """The main window on a fresh journal, shown offscreen."""
    from cxjournal.ui.main_window import MainWindow

    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


class UnsavedAnswers:
    """The answers the "Unsaved changes" question gets, in order, and what it asked."""

    def __init__(self) -> None:
        self.answers: list[Any] = []
        self.asked: list[str] = []

    def __call__(self, _parent: Any, what: str) -> Any:
        from cxjournal.ui.unsaved_changes import Choice

        self.asked.append(what)
        return self.answers.pop(0) if self.answers else Choice.DISCARD


@pytest.fixture(autouse=True)
def answer_unsaved(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """GUI tests never block on the "Save / Discard / Keep editing" question: a test puts
    the answers it expects in ``answer_unsaved.answers`` (``Choice`` values) and checks
    ``answer_unsaved.asked``; with no answer left it is Discard (as when the window a test
    left open closes at its end)."""
    answers = UnsavedAnswers()
    if "ui" in request.node.path.parts:
        monkeypatch.setattr("cxjournal.ui.unsaved_changes.ask_unsaved", answers)
    return answers
