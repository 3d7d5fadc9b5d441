"""The program's risks are worked out off the GUI thread, once for Today and the Program page,
and a view worked out before a change is never shown."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from typing import Any

import pytest

import cxjournal.journal.program  # noqa: F401  (the warm-up's import, done)
from cxjournal.domain.program_view import ProgramView
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui import warm_up
from cxjournal.ui.program_views import program_views
from cxjournal.ui.widgets.today_program_card import FAILED_TEXT, WORKING_TEXT
from tests.program_scenario import D, store_scenario


class Recorded:
    """Wraps ``journal.program.view``: the thread and day of every call; each call can be
    held until released."""

    def __init__(self, journal: Journal, hold: bool = False) -> None:
        self.real = journal.program.view
        self.threads: list[int] = []
        self.whys: list[str] = []
        self.gates: list[threading.Event] = []
        self.hold = hold
        journal.program.view = self  # type: ignore[method-assign]

    def __call__(self, on: Any) -> ProgramView:
        self.threads.append(threading.get_ident())
        view = self.real(on)
        gate = threading.Event()
        self.gates.append(gate)
        if self.hold:  # read, then held: it ends when the test says
            assert gate.wait(60), "never released"
        self.whys.append(view.program.why)
        return view


def _today(main_window: Any) -> Any:
    main_window.navigate("today")
    page = main_window.page("today")
    page.today = lambda: D
    return page


def _listed_card(main_window: Any, journal: Journal, qtbot: Any) -> tuple[Any, Any]:
    """Today with the scenario's program, once its card lists the view's rows."""
    store_scenario(journal)
    today = _today(main_window)
    today.refresh()
    card = today.program_card
    qtbot.waitUntil(lambda: bool(card.rows))
    return today, card


def _texts(card: Any) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in card.findChildren(QLabel) if label.isVisibleTo(card)]


def test_todays_program_card_is_worked_out_off_the_gui_thread(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    store_scenario(journal)
    recorded = Recorded(journal)
    today = _today(main_window)
    today.refresh()
    card = today.program_card
    assert WORKING_TEXT in _texts(card) and not card.rows  # says so while it works
    qtbot.waitUntil(lambda: bool(card.rows))
    assert recorded.threads and threading.get_ident() not in recorded.threads
    assert WORKING_TEXT not in _texts(card)
    assert [r.title() for r in card.rows][:1] == ["Plan without an owner"]


def test_the_warm_up_imports_wait_while_todays_card_is_filled(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view comes while the warm-up thread imports: its next import waits for the
    card's rows (``ui/import_pauses.py``), and no longer once they are made."""
    from cxjournal.ui import import_pauses
    from cxjournal.ui.widgets.today_program_card import ProgramCard

    store_scenario(journal)
    seen: list[bool] = []
    fill = ProgramCard.fill

    def watched(card: ProgramCard, view: ProgramView) -> None:
        seen.append(import_pauses.switching())
        fill(card, view)

    monkeypatch.setattr(ProgramCard, "fill", watched)
    today = _today(main_window)
    qtbot.waitUntil(lambda: not import_pauses.switching())  # the page switch has painted
    today.refresh()
    qtbot.waitUntil(lambda: bool(today.program_card.rows))
    assert seen and all(seen)
    assert not import_pauses.switching()


def test_the_card_refills_when_the_journal_changes(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    today, card = _listed_card(main_window, journal, qtbot)
    recorded = Recorded(journal)
    shown: list[str] = []
    fill = card.fill
    card.fill = lambda view: (shown.append(view.program.why), fill(view))  # type: ignore[method-assign]
    listed = [(row.title(), row.isVisibleTo(card)) for row in card.rows]
    today.run_op("save the why", lambda j: j.program.set_why("A newer why", ""))
    # while the new view is worked out, the card keeps the same day's rows: it neither
    # empties nor jumps
    assert WORKING_TEXT not in _texts(card)
    assert [(row.title(), row.isVisibleTo(card)) for row in card.rows] == listed
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["A newer why"] and card.rows
    assert recorded.threads and threading.get_ident() not in recorded.threads


def test_on_another_day_the_card_says_it_works_instead_of_the_days_before(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    today, card = _listed_card(main_window, journal, qtbot)
    recorded = Recorded(journal, hold=True)  # the next day's view is being worked out
    today.today = lambda: D + dt.timedelta(days=1)
    today.refresh()
    assert WORKING_TEXT in _texts(card) and not card.rows
    qtbot.waitUntil(lambda: len(recorded.gates) == 1)
    recorded.gates[0].set()
    qtbot.waitUntil(lambda: bool(card.rows))  # then the next day's rows
    assert card.view is not None and card.view.on == D + dt.timedelta(days=1)


def test_a_view_worked_out_before_a_change_is_never_shown(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    store_scenario(journal)
    recorded = Recorded(journal, hold=True)
    today = _today(main_window)
    shown: list[str] = []
    card = today.program_card
    fill = card.fill
    card.fill = lambda view: (shown.append(view.program.why), fill(view))  # type: ignore[method-assign]
    today.refresh()
    qtbot.waitUntil(lambda: len(recorded.gates) == 1)  # the first is being worked out
    why = journal.program.get().why
    today.run_op("save the why", lambda j: j.program.set_why("A newer why", ""))
    qtbot.waitUntil(lambda: len(recorded.gates) == 2)  # Today asked again, for the new one
    recorded.gates[0].set()  # the old one ends first...
    qtbot.waitUntil(lambda: len(recorded.whys) == 1)
    recorded.gates[1].set()
    qtbot.waitUntil(lambda: bool(shown))
    assert recorded.whys[0] == why  # ...it was worked out, and dropped
    assert shown == ["A newer why"]
    assert program_views(main_window.services).kept(D) is not None


def test_a_view_asked_for_another_day_is_dropped(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    import datetime as dt

    store_scenario(journal)
    recorded = Recorded(journal, hold=True)
    today = _today(main_window)
    days: list[Any] = []
    card = today.program_card
    fill = card.fill
    card.fill = lambda view: (days.append(view.on), fill(view))  # type: ignore[method-assign]
    today.refresh()
    qtbot.waitUntil(lambda: len(recorded.gates) == 1)
    later = D + dt.timedelta(days=1)
    today.today = lambda: later  # midnight passed
    today.refresh()
    qtbot.waitUntil(lambda: len(recorded.gates) == 2)
    for gate in recorded.gates:
        gate.set()
    qtbot.waitUntil(lambda: len(recorded.whys) == 2)
    qtbot.waitUntil(lambda: bool(days))
    assert days == [later]


def test_the_card_says_when_the_risks_cannot_be_worked_out(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    store_scenario(journal)

    def broken(on: Any) -> ProgramView:
        raise OSError("disk gone")

    journal.program.view = broken  # type: ignore[method-assign]
    today = _today(main_window)
    today.refresh()
    qtbot.waitUntil(lambda: FAILED_TEXT in _texts(today.program_card))


def test_the_hidden_program_page_shares_todays_view_and_is_filled_in_turns(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    import datetime as dt

    store_scenario(journal)
    recorded = Recorded(journal)
    main_window.navigate("today")
    main_window.page("today").refresh()  # asks for today's view (both pages use the real day)
    views = program_views(main_window.services)
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, keys=("program",), then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    program = main_window.pages["program"]
    assert not program._stale and not program.isVisible()
    assert program.view is views.kept(dt.date.today())  # filled from the shared view
    assert recorded.threads and threading.get_ident() not in recorded.threads
    assert views.worked_out == 1 and len(recorded.threads) == 1  # once, for both pages


def _count_turns(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The prebuild's turns of the event loop, counted (``[n]``)."""
    from PySide6.QtCore import QTimer

    import cxjournal.qt.core

    turn = [0]

    class CountingTimer(QTimer):
        @staticmethod
        def singleShot(ms: int, context: Any, callback: Any) -> None:  # type: ignore[override]
            def run() -> None:
                turn[0] += 1  # one turn of the event loop: one call of the prebuild
                callback()

            QTimer.singleShot(ms, context, run)

    monkeypatch.setattr(cxjournal.qt.core, "QTimer", CountingTimer)
    return turn


def test_prebuild_in_turns_builds_at_most_one_page_per_turn(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    turn = _count_turns(monkeypatch)
    main_window.navigate("today")
    built: list[tuple[int, str]] = []
    page = main_window.page

    def counted(key: str) -> Any:
        if key not in main_window.pages:
            built.append((turn[0], key))
        return page(key)

    main_window.page = counted
    finished: list[bool] = []
    gc.unfreeze()
    try:
        # ``then`` comes once the pages are set aside from later collections
        warm_up.prebuild_in_turns(
            main_window, then=lambda: finished.append(gc.get_freeze_count() > 0)
        )
        qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    finally:
        gc.unfreeze()
    assert finished == [True]
    assert [key for _, key in built] == list(warm_up.HEAVY_PAGES)
    assert len({t for t, _ in built}) == len(built)  # never two pages in one turn
    # each page is made, worked out, filled and rendered in turns of their own
    assert turn[0] >= 4 * len(warm_up.HEAVY_PAGES)


def _record_trends(page: Any) -> list[int]:
    threads: list[int] = []
    real = page.ops.trends

    def trends(**kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(**kwargs)

    page.ops.trends = trends
    return threads


def test_the_hidden_trends_page_builds_a_chart_panel_a_turn(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui.charts import influence_chart

    turn = _count_turns(monkeypatch)
    steps: list[tuple[int, bool]] = []
    real_step = influence_chart.InfluenceChart.build_step

    def step(chart: Any) -> bool:
        more = real_step(chart)
        steps.append((turn[0], more))
        return more

    monkeypatch.setattr(influence_chart.InfluenceChart, "build_step", step)
    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, keys=("trends",), then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    page = main_window.pages["trends"]
    assert page.influence_chart is not None and len(page.influence_chart.plots) == 5
    # five panels in three turns each (the plot, its legend, its lines), the plots linked,
    # the finish
    assert [more for _, more in steps] == [True] * 16 + [False]
    assert len({t for t, _ in steps}) == len(steps)  # each in a turn of its own
    assert not page._stale and not page.isVisible()


def test_no_turn_of_the_prebuild_makes_two_plots_or_renders_more_than_a_band(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes a turn long, counted: a plot or a legend made (each took 10-20 ms and
    more), a render of a page (a whole one took 50 ms and more before its bands)."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QWidget

    turn = _count_turns(monkeypatch)
    made: list[int] = []  # the turn of each plot and legend made
    for cls in (pg.PlotItem, pg.LegendItem):

        def init(self: Any, *args: Any, real: Any = cls.__init__, **kwargs: Any) -> None:
            made.append(turn[0])
            real(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", init)
    grabs: list[tuple[int, bool]] = []  # the turn of each render, and whether it was whole
    real_grab = QWidget.grab

    def grab(self: Any, *args: Any) -> Any:
        grabs.append((turn[0], not args))
        return real_grab(self, *args)

    monkeypatch.setattr(QWidget, "grab", grab)
    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert len(made) >= 10  # the Trends page's five plots and their legends
    assert len(made) == len(set(made))  # never two in a turn
    assert len(grabs) == len({t for t, _ in grabs})  # never two renders in a turn
    wholes = [i for i, (_, whole) in enumerate(grabs) if whole]
    assert len(wholes) == len(warm_up.HEAVY_PAGES)  # each page rendered whole once, last,
    for before, at in zip([-1, *wholes], wholes, strict=False):
        assert at - before - 1 == 1 + warm_up.RENDER_BANDS  # after a point and its bands


def test_trends_read_before_a_change_is_read_again(main_window: Any, qtbot: Any) -> None:
    main_window.navigate("today")
    page = main_window.page("trends")
    threads = _record_trends(page)
    ready: list[bool] = []
    page.prepare(lambda: ready.append(True))
    qtbot.waitUntil(lambda: bool(ready))
    assert threads and threading.get_ident() not in threads  # read on a worker thread
    assert page._prepared is not None
    main_window.bus.announce(Area.AUDITS)  # the journal changed since
    page.refresh()
    assert threads[-1] == threading.get_ident() and len(threads) == 2  # so read again, here


def test_the_prebuild_waits_while_a_background_read_runs(main_window: Any, qtbot: Any) -> None:
    from cxjournal.ui.workers import read_in_background

    main_window.navigate("today")
    gate = threading.Event()
    done: list[bool] = []
    read_in_background(main_window, lambda: gate.wait(60), done.append, lambda _exc: None)
    finished: list[bool] = []
    turn = [0]
    warm_up.prebuild_in_turns(main_window, keys=("trends",), then=lambda: finished.append(True))
    from PySide6.QtCore import QTimer

    def tick() -> None:
        turn[0] += 1
        if turn[0] < 6:
            QTimer.singleShot(warm_up.WAIT_MS, tick)

    tick()
    qtbot.waitUntil(lambda: turn[0] >= 6)  # a few of the prebuild's waits have passed
    assert "trends" not in main_window.pages  # nothing built while the read holds on
    gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert done == [True] and main_window.pages["trends"].influence_chart is not None


def test_the_program_page_shown_during_todays_read_waits_for_it_rather_than_reading_twice(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    import datetime as dt

    store_scenario(journal)
    recorded = Recorded(journal)
    views = program_views(main_window.services)
    day = dt.date.today()
    delivered: list[ProgramView] = []
    views.ask(day, delivered.append, lambda _exc: None)  # as Today's card does
    view = views.now(day)  # the Program page, clicked meanwhile
    assert len(recorded.threads) == 1 and threading.get_ident() not in recorded.threads
    qtbot.waitUntil(lambda: bool(delivered))
    assert delivered == [view] and views.kept(day) is view


def _record_program_turns(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], list[int]]:
    """The turns in which the grid's chart is made and the Program page is filled."""
    from cxjournal.ui import program_page
    from cxjournal.ui.charts import power_interest_chart

    turn = _count_turns(monkeypatch)
    made: list[int] = []
    filled: list[int] = []
    real_init = power_interest_chart.PowerInterestChart.__init__
    real_refresh = program_page.ProgramPage.refresh_parts

    def init(chart: Any, *args: Any, **kwargs: Any) -> None:
        made.append(turn[0])
        real_init(chart, *args, **kwargs)

    def refresh(page: Any) -> Any:
        filled.append(turn[0])  # the fill's first turn
        yield from real_refresh(page)

    monkeypatch.setattr(power_interest_chart.PowerInterestChart, "__init__", init)
    monkeypatch.setattr(program_page.ProgramPage, "refresh_parts", refresh)
    return made, filled


def test_the_hidden_program_page_makes_its_grid_chart_in_a_turn_before_filling(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_scenario(journal)
    made, filled = _record_program_turns(monkeypatch)
    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, keys=("program",), then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    page = main_window.pages["program"]
    assert len(made) == 1 and len(filled) == 1  # one chart, one fill
    assert made[0] < filled[0]  # the chart in a turn of its own, before the fill
    assert page.chart is not None and page.chart.entries  # and the fill placed the people
    assert not page._stale and not page.isVisible()


def test_the_hidden_program_page_makes_no_chart_without_people_to_place(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    made, filled = _record_program_turns(monkeypatch)
    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, keys=("program",), then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert made == [] and len(filled) == 1
    assert main_window.pages["program"].chart is None


def test_the_hidden_program_page_is_filled_a_part_per_turn_and_a_change_meanwhile_keeps_it_stale(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui.program_page import ProgramPage

    store_scenario(journal)
    turn = _count_turns(monkeypatch)
    parts: list[tuple[int, str]] = []
    for name in ("_fill_risks", "_fill_plans", "_fill_grid"):
        real = getattr(ProgramPage, name)

        def part(self: Any, *args: Any, real: Any = real, name: str = name) -> None:
            parts.append((turn[0], name))
            real(self, *args)

        monkeypatch.setattr(ProgramPage, name, part)
    main_window.navigate("today")
    finished: list[bool] = []
    warm_up.prebuild_in_turns(main_window, keys=("program",), then=lambda: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    page = main_window.pages["program"]
    assert [name for _, name in parts] == ["_fill_risks", "_fill_plans", "_fill_grid"]
    assert len({t for t, _ in parts}) == 3  # each in a turn of its own
    assert not page.stale and page.card(page.cards[0].view.kind) is not None
    steps = page.refresh_steps()
    assert not page.stale and next(steps, None) is None  # nothing to do
    page._stale = True
    steps = page.refresh_steps()
    next(steps)  # the risks
    main_window.bus.announce(Area.PROGRAM)  # the journal changed meanwhile
    for _ in steps:
        pass
    assert page.stale  # so it is filled again when next seen
    steps = page.refresh_steps()
    next(steps)  # stopped after the risks (the page was opened)
    assert page.stale
    main_window.navigate("program")
    assert not page.stale
