"""A write redraws only the pages that show what it changed, counted page by page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from cxjournal.domain.model import Note, Person, ResilienceEntry
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui import ops
from cxjournal.ui.pages import PAGES

DAY = dt.date.today()
KEYS = tuple(spec.key for spec in PAGES)


@pytest.fixture
def refreshes(main_window: Any, qtbot: Any) -> Callable[[], Counter[str]]:
    """Every page built and drawn once; then ``refreshes()`` visits every page and says how
    many times each redrew since."""
    for key in KEYS:
        main_window.navigate(key)
    main_window.navigate("today")
    counts: Counter[str] = Counter()
    for key in KEYS:
        page = main_window.page(key)
        assert not page.stale, key

        def counting(page: Any = page, key: str = key, draw: Any = page.refresh) -> None:
            counts[key] += 1
            draw()

        page.refresh = counting

    def visit_all() -> Counter[str]:
        for key in KEYS:
            main_window.navigate(key)
        return Counter({key: counts[key] for key in KEYS})

    return visit_all


def only(*keys: str) -> Counter[str]:
    return Counter({key: int(key in keys) for key in KEYS})


def test_a_check_in_redraws_today_resilience_and_trends_only(
    main_window: Any, refreshes: Callable[[], Counter[str]]
) -> None:
    page = main_window.page("resilience")
    saved = page.save_checkin(ResilienceEntry(on=DAY, energy=4, stress=2, mood=4))
    assert saved is not None
    assert refreshes() == only("today", "resilience", "trends")


def test_a_note_redraws_what_shows_notes(
    main_window: Any, journal: Journal, refreshes: Callable[[], Counter[str]]
) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    main_window.bus.announce(Area.NONE)  # says nothing: no page redraws for it
    note = Note(on=DAY, text="Budget talk", person_id=ana.id)
    done = ops.run_op(journal, main_window.bus.announce, main_window, "save the note",
                      lambda j: j.notes.add(note))  # fmt: skip
    assert done is not None and done.changes == Area.NOTES
    assert refreshes() == only("today", "people", "journal", "program")


def test_thresholds_redraw_what_rings_alarms(
    main_window: Any, journal: Journal, refreshes: Callable[[], Counter[str]]
) -> None:
    done = ops.run_op(journal, main_window.bus.announce, main_window, "save the thresholds",
                      lambda j: j.settings.set_thresholds(Thresholds(reach_share=0.4)))  # fmt: skip
    assert done is not None
    assert refreshes() == only("today", "audits", "resilience", "trends", "program")


def test_the_program_s_why_redraws_the_program_and_its_proof_points(
    main_window: Any, refreshes: Callable[[], Counter[str]]
) -> None:
    page = main_window.page("program")
    page.why.setPlainText("Customers stay when we keep promises")
    page.save_why()
    assert refreshes() == only("today", "program", "proof_points")


def test_a_failed_write_shows_why_and_redraws_nothing(
    main_window: Any,
    journal: Journal,
    refreshes: Callable[[], Counter[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _text: shown.append(title))
    done = ops.run_op(journal, main_window.bus.announce, main_window, "add the person",
                      lambda j: j.people.add(Person(name="")))  # fmt: skip
    assert done is None and shown == ["Could not add the person"]
    assert refreshes() == only()
    put_back = ops.run_op(journal, main_window.bus.announce, main_window, "add the person",
                          lambda j: j.people.add(Person(name="")),
                          on_failure=Area.PEOPLE)  # fmt: skip
    assert put_back is None
    assert refreshes() == Counter({k: int(k in ("today", "people", "journal", "audits",
                                                "trends", "program", "proof_points"))
                                   for k in KEYS})  # fmt: skip


def test_a_dialog_that_saves_announces_what_it_wrote(
    main_window: Any, journal: Journal, refreshes: Callable[[], Counter[str]]
) -> None:
    dialog = QDialog(main_window)

    def save_and_accept() -> int:
        journal.resilience.save(ResilienceEntry(on=DAY, energy=3, stress=3, mood=3))
        return QDialog.DialogCode.Accepted.value

    dialog.exec = save_and_accept  # type: ignore[method-assign]
    assert ops.run_dialog(journal, main_window.bus.announce, dialog)
    assert refreshes() == only("today", "resilience", "trends")
    cancelled = QDialog(main_window)
    cancelled.exec = lambda: 0  # type: ignore[method-assign]
    assert not ops.run_dialog(journal, main_window.bus.announce, cancelled)
    assert refreshes() == only("today", "resilience", "trends")  # no more than before


def test_background_work_announces_what_it_changed(
    main_window: Any, journal: Journal, qtbot: Any, refreshes: Callable[[], Counter[str]]
) -> None:
    results: list[int] = []

    def work(j: Journal, progress: Any) -> int:
        progress(0, 1, "Saving")
        saved = j.resilience.save(ResilienceEntry(on=DAY, energy=2, stress=4, mood=2))
        assert saved.id is not None
        return saved.id

    task = ops.run_in_background(journal, main_window.bus.announce, main_window,
                                 "save the check-in", work, results.append,
                                 "Check-in", "Saving…")  # fmt: skip
    qtbot.waitUntil(lambda: not task.running and bool(results), timeout=20000)
    assert journal.resilience.get(DAY) is not None
    assert refreshes() == only("today", "resilience", "trends")


def test_the_bus_refuses_strings(main_window: Any) -> None:
    with pytest.raises(TypeError):
        main_window.bus.announce("all")
