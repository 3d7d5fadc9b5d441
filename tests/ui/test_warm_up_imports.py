"""The warm-up's imports as a page sees them: a module half-way through its import is still
being imported (it is in ``sys.modules`` from the moment its import begins), and so is
every module once the window has asked for the import thread and before it starts."""

from __future__ import annotations

import sys
import threading
import types
from importlib.machinery import ModuleSpec

import pytest

from cxjournal.ui import warm_up


def _import_thread(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """An import thread running, as the warm-up's does, until the event returned is set."""
    done = threading.Event()
    thread = threading.Thread(target=done.wait, daemon=True)
    thread.start()
    monkeypatch.setattr(warm_up, "_STARTED", [thread])
    return done


def test_a_module_whose_import_has_begun_is_still_being_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = types.ModuleType("half_loaded_for_test")
    module.__spec__ = ModuleSpec("half_loaded_for_test", None)
    module.__spec__._initializing = True  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "half_loaded_for_test", module)
    done = _import_thread(monkeypatch)
    assert not warm_up.loaded("half_loaded_for_test")
    assert warm_up.still_importing("half_loaded_for_test")
    module.__spec__._initializing = False  # type: ignore[attr-defined]
    assert warm_up.loaded("half_loaded_for_test")
    assert not warm_up.still_importing("half_loaded_for_test")
    monkeypatch.delitem(sys.modules, "half_loaded_for_test")
    assert warm_up.still_importing("half_loaded_for_test")  # not begun, the thread runs
    done.set()
    warm_up.finish_imports()
    assert not warm_up.still_importing("half_loaded_for_test")  # the page imports it


def test_an_import_thread_about_to_start_counts_as_importing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(warm_up, "_STARTED", [])
    monkeypatch.setattr(warm_up, "_COMING", [0])
    monkeypatch.delitem(sys.modules, "not_loaded_for_test", raising=False)
    assert not warm_up.still_importing("not_loaded_for_test")
    warm_up.coming()  # the window's first paint: the thread starts on the next turn
    assert warm_up.still_importing("not_loaded_for_test")
    warm_up.start(()).join()
    assert not warm_up.still_importing("not_loaded_for_test")


def test_the_windows_first_paint_says_the_import_thread_is_coming(
    qtbot: object, journal: object, ui_settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui.main_window import MainWindow

    monkeypatch.setattr(warm_up, "_STARTED", [])
    monkeypatch.setattr(warm_up, "_COMING", [0])
    started: list[object] = []
    monkeypatch.setattr(warm_up, "after_first_paint", started.append)
    window = MainWindow(journal, settings=ui_settings, warm_up=True)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitUntil(lambda: warm_up._COMING[0] == 1)  # type: ignore[attr-defined]
    assert warm_up.still_importing("not_loaded_for_test")  # a click now waits for it
    qtbot.waitUntil(lambda: started == [window])  # type: ignore[attr-defined]


def test_what_a_page_waits_for_is_imported_next(monkeypatch: pytest.MonkeyPatch) -> None:
    imported: list[str] = []

    def import_module(name: str) -> None:
        imported.append(name)
        if name == "first":  # a page shown meanwhile waits for "charts"
            warm_up.want(("charts",))

    monkeypatch.setattr(warm_up, "_WANTED", [])
    monkeypatch.setattr(warm_up.importlib, "import_module", import_module)
    warm_up._import_all(("first", "second", "third", "charts"))
    assert imported == ["first", "charts", "second", "third"]


def test_a_page_clicked_as_the_window_appears_paints_before_the_chores_start(
    qtbot: object, journal: object, ui_settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import thread and the lock's watcher, started once the window has painted,
    wait for a page switch under way to paint first."""
    from cxjournal.qt.core import QEvent, QObject, QTimer
    from cxjournal.ui import import_pauses
    from cxjournal.ui.lock import lock_actions
    from cxjournal.ui.main_window import MainWindow

    monkeypatch.setattr(warm_up, "_STARTED", [])
    monkeypatch.setattr(warm_up, "_COMING", [0])
    started: list[tuple[str, bool, str | None]] = []
    window = MainWindow(journal, settings=ui_settings, warm_up=True)  # type: ignore[arg-type]
    qtbot.addWidget(window)  # type: ignore[attr-defined]

    def record(what: str) -> None:
        started.append((what, import_pauses.switching(), window.current_key()))

    monkeypatch.setattr(warm_up, "after_first_paint", lambda _window: record("imports"))
    monkeypatch.setattr(lock_actions._AfterFirstPaint, "_start", lambda _self: record("lock"))

    class ClickAtFirstPaint(QObject):
        """A click the moment the window appears: in the turn right after its first paint,
        ahead of what that paint starts."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, window, lambda: window.navigate("journal"))
            return False

    click = ClickAtFirstPaint()
    window.installEventFilter(click)  # installed last, it sees the paint first
    window.show()
    qtbot.waitUntil(lambda: len(started) == 2)  # type: ignore[attr-defined]
    assert sorted(started) == [("imports", False, "journal"), ("lock", False, "journal")]
