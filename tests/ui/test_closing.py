"""Closing never cuts background work off; SIGTERM (logout) quits cleanly, with the quit backup
and the window's geometry saved."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from cxjournal.journal import Journal
from cxjournal.journal.backup_ops import list_backups
from cxjournal.ui import closing, warm_up
from cxjournal.ui.workers import run_task

ROOT = Path(__file__).resolve().parents[2]
#: only a guard against a hung process; nothing is asserted about how long anything takes
HANG_GUARD_S = 120


def gated_task(window: Any, gate: threading.Event, results: list[Any]) -> Any:
    """A real background task that finishes only once ``gate`` is set."""

    def work(_progress: Any) -> str:
        assert gate.wait(HANG_GUARD_S), "the test never opened the gate"
        return "done"

    return run_task(window, "Import journal", "Importing…", work, results.append, results.append)


def test_closing_while_a_task_runs_asks_then_quits_when_it_is_done(
    main_window: Any, qtbot: Any, ui_settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(closing, "ask_to_wait", lambda _parent, what: asked.append(what) or True)
    gate = threading.Event()
    results: list[Any] = []
    task = gated_task(main_window, gate, results)
    main_window.close()
    assert asked == ["Import journal"]
    assert main_window.isVisible() and task.running  # nothing was cut off
    assert ui_settings.value("main_window/geometry") is None
    main_window.close()  # closing again while it waits asks nothing more
    assert asked == ["Import journal"] and main_window.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=HANG_GUARD_S * 1000)
    assert results == ["done"]  # the task's own result was still delivered
    assert ui_settings.value("main_window/geometry") is not None


def test_keep_working_leaves_the_window_open(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(closing, "ask_to_wait", lambda _parent, _what: False)
    gate = threading.Event()
    results: list[Any] = []
    task = gated_task(main_window, gate, results)
    main_window.close()
    assert main_window.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not task.running, timeout=HANG_GUARD_S * 1000)
    QApplication.processEvents()
    assert main_window.isVisible() and results == ["done"]


def test_with_no_task_running_closing_asks_nothing(
    main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(closing, "ask_to_wait", lambda *_a: pytest.fail("asked"))
    main_window.close()
    assert not main_window.isVisible()


def test_the_end_of_the_session_waits_for_running_work_without_asking(
    main_window: Any, ui_settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(closing, "ask_to_wait", lambda *_a: pytest.fail("asked at logout"))
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_a: quits.append(True))
    gate = threading.Event()
    finished = threading.Event()
    real_pool = QThreadPool.globalInstance()

    class Pool:
        """The real pool; the gate opens only once the window has started waiting on it."""

        @staticmethod
        def globalInstance() -> Pool:
            return Pool()

        def waitForDone(self) -> bool:
            gate.set()
            return real_pool.waitForDone()

    monkeypatch.setattr(closing, "QThreadPool", Pool)

    def work(_progress: Any) -> None:
        assert gate.wait(HANG_GUARD_S)
        finished.set()

    run_task(main_window, "Back up", "Backing up…", work, lambda _r: None, lambda _e: None)
    main_window.close_policy.end_session()
    assert finished.is_set()  # the work ran to its end before the window closed
    assert not main_window.isVisible() and quits == [True]
    assert ui_settings.value("main_window/geometry") is not None


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_during_a_warm_up_step_stops_the_building_then_ends_the_session(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended: list[bool] = []
    monkeypatch.setattr(main_window.close_policy, "end_session", lambda: ended.append(True))
    built: list[str] = []

    def step() -> None:  # building a hidden page, when the session ends
        signal.raise_signal(signal.SIGTERM)
        assert main_window.close_policy.closing  # at once, before the event loop hears of it
        built.append("the step")

    watch = closing.end_session_on_sigterm(main_window.close_policy)
    try:
        assert warm_up._run_step("trends", step)
        assert built == ["the step"]  # never cut off in the middle (a chart may be painting)
        qtbot.waitUntil(lambda: ended == [True], timeout=HANG_GUARD_S * 1000)
    finally:
        watch.stop()
    assert not any(key in main_window.pages for key in ("trends", "program"))
    warm_up.prebuild_in_turns(main_window, then=lambda: built.append("then"))
    for _turn in range(5):  # the turns it would build in
        QApplication.processEvents()
    assert not any(key in main_window.pages for key in ("trends", "program"))
    assert built == ["the step"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_quits_cleanly_with_the_quit_backup_and_the_geometry(tmp_path: Path) -> None:
    path = tmp_path / "journal" / "journal.db"
    Journal.open(path).close()
    ready = tmp_path / "painted"
    os.mkfifo(ready)  # the app writes a line into it after its first paint
    ready_fd = os.open(ready, os.O_RDWR | os.O_NONBLOCK)  # read-write: opening never blocks
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    command = [sys.executable, "-m", "cxjournal", "--db", str(path), "gui"]
    app = subprocess.Popen(
        [*command, "--ready-file", str(ready)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert app.stdout is not None
        # wakes on the painted line, or on the app's end (its stdout closes); the
        # timeout only guards against a hang
        awake, _, _ = select.select([ready_fd, app.stdout], [], [], HANG_GUARD_S)
        assert ready_fd in awake, app.communicate()
        assert os.read(ready_fd, 64) == b"painted\n"
        assert list_backups(path) == []  # none yet: it is made on quitting
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=HANG_GUARD_S)
    finally:
        os.close(ready_fd)
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err.decode()
    assert len(list_backups(path)) == 1
    saved = QSettings(str(tmp_path / "config" / "cxjournal" / "cxjournal.conf"),
                      QSettings.Format.IniFormat)  # fmt: skip
    assert saved.value("main_window/geometry") is not None
