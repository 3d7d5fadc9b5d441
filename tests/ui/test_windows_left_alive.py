"""A window a test leaves alive stays asleep in the tests after it: its periodic timers
stop when its test ends (on a busy machine a long run otherwise reached the 15-minute
due-updates recount, which read a journal closed long before)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

_left_alive: list[Any] = []


def test_a_window_runs_its_timers_while_its_test_runs(main_window: Any) -> None:
    _left_alive.append(main_window)  # kept past its test on purpose
    assert any(timer.isActive() for timer in main_window.findChildren(QTimer))


def test_the_window_left_alive_wakes_no_later_test() -> None:
    assert _left_alive, "runs after the test above"
    window = _left_alive.pop()
    assert not any(timer.isActive() for timer in window.findChildren(QTimer))
