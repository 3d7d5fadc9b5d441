"""A page switch the moment the window appears: the warm-up thread's imports wait until
the page has painted (at most a short while per switch), so the page is not built at half
speed; the clock is injected, so no wait here depends on the machine's speed."""

from __future__ import annotations

import threading
from typing import Any

from cxjournal.ui import import_pauses
from cxjournal.ui.import_pauses import GiveWay


def _wait_for(condition: Any) -> None:
    done = threading.Event()
    for _ in range(10_000):
        if condition():
            return
        done.wait(0.001)
    raise AssertionError("never happened")


def test_the_warm_up_threads_imports_wait_while_a_page_switch_is_under_way() -> None:
    import_pauses.busy()
    found: list[GiveWay] = []
    returned = threading.Event()

    def warm_up() -> None:
        finder = GiveWay(threading.get_ident(), None, clock=lambda: 0.0)  # never times out
        found.append(finder)
        assert finder.find_spec("some.module") is None  # finds nothing: only waits
        returned.set()

    thread = threading.Thread(target=warm_up)
    try:
        thread.start()
        _wait_for(lambda: found and found[0].waits == 1)
        assert not returned.is_set()  # still waiting: the page switch is under way
    finally:
        import_pauses.idle()  # the page has painted
    thread.join(30)
    assert returned.is_set()


def test_each_page_switch_holds_it_up_for_a_short_while_at_most() -> None:
    ticks = iter(range(1000))
    finder = GiveWay(
        threading.get_ident(), None, clock=lambda: next(ticks) * import_pauses.PAUSE_S / 2
    )
    import_pauses.busy()
    try:
        finder.find_spec("a")  # returns once the clock has passed PAUSE_S
        finder.find_spec("b")  # the same switch: no more waiting
        assert finder.waits == 1
        import_pauses.busy()  # the next switch waits again
        finder.find_spec("c")
        assert finder.waits == 2
    finally:
        import_pauses.idle()


def test_other_threads_and_an_idle_window_never_wait() -> None:
    elsewhere = GiveWay(threading.get_ident() + 1, None, clock=lambda: 0.0)
    import_pauses.busy()
    try:
        elsewhere.find_spec("a")  # not the warm-up thread: on at once
        assert elsewhere.waits == 0
    finally:
        import_pauses.idle()
    here = GiveWay(threading.get_ident(), None, clock=lambda: 0.0)
    here.find_spec("a")  # no page switch under way
    assert here.waits == 0


def test_a_page_switch_is_under_way_until_the_window_has_painted(
    main_window: Any, qtbot: Any
) -> None:
    main_window.show()
    qtbot.waitUntil(lambda: import_pauses._idle.is_set())
    main_window.navigate("journal")
    assert not import_pauses._idle.is_set()  # built, not painted yet
    qtbot.waitUntil(lambda: import_pauses._idle.is_set())  # the paint ends it
    assert main_window.current_key() == "journal"


def test_a_waiting_import_lets_the_import_systems_lock_go() -> None:
    """The import system asks each finder holding its global lock: held while the warm-up
    thread waits, any import by the window's thread (a page's module) waited for the end of
    that wait, up to PAUSE_S."""
    import _imp

    held: list[bool] = []

    def clock() -> float:  # the wait's start, then past its end: one look, no waiting
        held.append(_imp.lock_held())
        return len(held) * 10.0

    finder = GiveWay(threading.get_ident(), None, clock=clock)
    import_pauses.busy()
    try:
        _imp.acquire_lock()  # as the import system does around find_spec
        try:
            finder.find_spec("any_module")
            assert _imp.lock_held()  # held again once done
        finally:
            _imp.release_lock()
    finally:
        import_pauses.idle()
    assert finder.waits == 1 and held and not any(held)


def test_a_step_of_the_windows_own_holds_the_imports_but_never_ends_a_page_switch() -> None:
    assert import_pauses._idle.is_set()
    with import_pauses.holding():
        assert not import_pauses._idle.is_set()  # a chart's turn: the imports wait
    assert import_pauses._idle.is_set()
    import_pauses.busy()  # a page switch, until its paint
    try:
        with import_pauses.holding():
            pass
        assert not import_pauses._idle.is_set()  # still the switch's
    finally:
        import_pauses.idle()


def test_a_pause_ended_for_an_earlier_switch_leaves_a_later_one_under_way() -> None:
    """The window ends a switch's pause a turn after its paint; a switch begun meanwhile
    is not ended by it (its own paint ends it)."""
    import_pauses.busy()
    first = import_pauses.current_switch()
    import_pauses.busy()  # another page clicked before the next turn
    try:
        import_pauses.idle(first)
        assert import_pauses.switching()
        import_pauses.idle(import_pauses.current_switch())
        assert not import_pauses.switching()
    finally:
        import_pauses.idle()


def test_a_switch_paints_before_its_pause_ends(main_window: Any, qtbot: Any) -> None:
    """The pause lasts past the paint, to the event loop's next turn: the events that came
    with the paint are handled before the warm-up thread's next import."""
    from cxjournal.qt.core import QCoreApplication, QEvent

    qtbot.waitUntil(lambda: not import_pauses.switching())
    main_window.navigate("journal")
    assert import_pauses.switching()
    QCoreApplication.sendEvent(main_window, QEvent(QEvent.Type.UpdateRequest))  # the paint
    assert import_pauses.switching()  # still paused right after the switch's paint
    qtbot.waitUntil(lambda: not import_pauses.switching())  # the next turn ends it
    assert main_window.current_key() == "journal"


def test_a_chore_after_a_switch_runs_the_turn_after_its_pause_ends(
    qtbot: Any, monkeypatch: Any
) -> None:
    """A switch's pause ends a turn after its paint: the chore waiting for it looks again
    on the next turn first, not only after its retry interval."""
    from cxjournal.qt.core import QObject, QTimer
    from cxjournal.ui import warm_up

    monkeypatch.setattr(warm_up, "SWITCH_RETRY_MS", 600_000)  # only the first look counts
    owner = QObject()
    ran: list[bool] = []
    import_pauses.busy()
    try:
        warm_up.after_switch(owner, lambda: ran.append(import_pauses.switching()))
        switch = import_pauses.current_switch()
        QTimer.singleShot(0, lambda: import_pauses.idle(switch))  # as the paint's turn does
        qtbot.waitUntil(lambda: ran == [False])
    finally:
        import_pauses.idle()


def test_a_chore_waits_a_few_looks_at_most_for_a_switch_that_never_paints(qtbot: Any) -> None:
    from cxjournal.qt.core import QObject
    from cxjournal.ui import warm_up

    owner = QObject()
    ran: list[bool] = []
    import_pauses.busy()  # never painted (a hidden window)
    try:
        warm_up.after_switch(owner, lambda: ran.append(import_pauses.switching()), tries=3)
        qtbot.waitUntil(lambda: ran == [True])
    finally:
        import_pauses.idle()
