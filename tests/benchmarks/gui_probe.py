"""Runs inside its own process for the benchmark: page visits, Trends render, search, memory.

    python gui_probe.py JOURNAL.db SETTINGS.ini [--visits | --search | --immediate | --idle]
                                                [--cold]

Prints one JSON object on standard output. ``--visits`` measures the page visits only
(first, second, and a refresh after a note is added), for the costs against size;
``--search`` the search alone and through the dialog. An encrypted journal opens with
the passphrase in ``$CXJOURNAL_PASSPHRASE`` (its key derived once, as the app unlocks it).
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


_PAINTS = [0]


def _count_paints(app: object) -> None:
    """Count paint events app-wide, so a step can tell whether the event loop painted."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                _PAINTS[0] += 1
            return False

    counter = Counter()
    app.installEventFilter(counter)  # type: ignore[attr-defined]
    app._paint_counter = counter  # type: ignore[attr-defined]  # keep it alive


def _paint(app: object, widget: object) -> None:
    """Let the event loop lay out and paint once, as the app would; paint if it did not."""
    before = _PAINTS[0]
    app.processEvents()  # type: ignore[attr-defined]
    if _PAINTS[0] == before:
        widget.repaint()  # type: ignore[attr-defined]


def _settle(app: object, seconds: float = 0.4) -> None:
    """Let work a page deferred to the event loop finish before the next measured step
    (a person does not switch pages within milliseconds)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main() -> None:
    db, ini = Path(sys.argv[1]), Path(sys.argv[2])
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cxjournal.journal import Journal
    from cxjournal.ui.gc_policy import collect_between_events
    from cxjournal.ui.main_window import MainWindow
    from cxjournal.ui.pages import PAGES

    app = QApplication([])
    collect_between_events(app)  # as the app collects garbage (cxjournal/app.py run_app)
    _count_paints(app)
    journal = Journal.open(db, os.environ.get("CXJOURNAL_PASSPHRASE") or None)
    as_app = "--immediate" in sys.argv or "--idle" in sys.argv
    window = MainWindow(
        journal, settings=QSettings(str(ini), QSettings.Format.IniFormat), warm_up=as_app
    )
    window.resize(1280, 800)
    window.show()
    _paint(app, window)
    if "--idle" in sys.argv:
        _idle(app)
        return
    if "--immediate" in sys.argv:
        keys = [spec.key for spec in PAGES]
        if "--page" in sys.argv:
            _first_click(app, window, keys, sys.argv[sys.argv.index("--page") + 1])
        else:
            _immediate(app, window, keys)
        return
    if "--cold" not in sys.argv:
        # as in the app: once the window is painted, a background thread loads what
        # later pages need, then the heavy pages are built hidden; a user's first
        # click comes after that (about a second and a half)
        from cxjournal.ui import warm_up

        warm_up.start().join()
        warm_up.prebuild(window)
        _paint(app, window)
    if "--search" in sys.argv:
        search_ms, dialog_ms = _searches(app, window, journal)
        print(
            json.dumps(
                {
                    "encrypted": journal.encrypted,
                    "search_ms": search_ms,
                    "dialog_search_ms": dialog_ms,
                    "typing_pause_ms": _typing_pause_ms(),
                }
            )
        )
        sys.stdout.flush()
        os._exit(0)
    keys = [spec.key for spec in PAGES]
    first, second = _visits(app, window, keys)
    if "--visits" in sys.argv:
        refresh = _refreshes(app, window, journal, keys)
        print(
            json.dumps({"first_visit_ms": first, "second_visit_ms": second, "refresh_ms": refresh})
        )
        sys.stdout.flush()
        os._exit(0)
    _rest(app, window, journal, keys, first, second)


def _visits(
    app: object, window: object, keys: list[str]
) -> tuple[dict[str, float], dict[str, float]]:
    """Each page's first visit, then its second (median of five), in milliseconds."""
    first: dict[str, float] = {}
    second: dict[str, float] = {}
    shown = keys[0]  # the window opens on it: its first visit is its second
    for key in keys:
        if key == shown:
            continue
        _settle(app)
        start = time.perf_counter()
        window.navigate(key)
        _paint(app, window)
        first[key] = (time.perf_counter() - start) * 1000
    window.navigate(keys[-1])
    _paint(app, window)
    _settle(app)
    start = time.perf_counter()
    window.navigate(shown)  # the first time it is opened after another page
    _paint(app, window)
    first[shown] = (time.perf_counter() - start) * 1000
    for key in keys:
        samples = []
        for _ in range(5):
            other = keys[0] if key != keys[0] else keys[-1]
            window.navigate(other)
            _paint(app, window)
            _settle(app, 0.1)
            start = time.perf_counter()
            window.navigate(key)
            _paint(app, window)
            samples.append((time.perf_counter() - start) * 1000)
        second[key] = statistics.median(samples)
    return first, second


def _refreshes(app: object, window: object, journal: object, keys: list[str]) -> dict[str, float]:
    """Each page, showing, redrawn by its ``refresh()`` after a note was added (the write
    itself not counted), to painted: median of three, in milliseconds."""
    import datetime as dt

    from cxjournal.domain.model import Note, NoteKind

    people = journal.people.all()  # type: ignore[attr-defined]
    person_id = people[0].id if people else None
    refresh: dict[str, float] = {}
    for key in keys:
        window.navigate(key)  # type: ignore[attr-defined]
        _paint(app, window)
        _settle(app, 0.1)
        page = window.page(key)  # type: ignore[attr-defined]
        samples = []
        for index in range(3):
            note = Note(
                on=dt.date.today(),
                text=f"Benchmark note {key} {index}",
                kind=NoteKind.ONE_ON_ONE if person_id else NoteKind.OTHER,
                person_id=person_id,
            )
            done = journal.perform(lambda j, note=note: j.notes.add(note))  # type: ignore[attr-defined]
            start = time.perf_counter()
            page.refresh()
            _paint(app, window)
            samples.append((time.perf_counter() - start) * 1000)
            # the other pages learn of the note too (untimed): they redraw when next shown
            window.services.bus.announce(done.changes)  # type: ignore[attr-defined]
            _paint(app, window)
            _settle(app, 0.1)
        refresh[key] = statistics.median(samples)
    return refresh


def _rest(
    app: object,
    window: object,
    journal: object,
    keys: list[str],
    first: dict[str, float],
    second: dict[str, float],
) -> None:
    """Trends' redraw and range switch, search and the dialog, peak memory; prints them with
    the visits."""
    trends: list[float] = []
    range_switch: list[float] = []
    if "trends" in keys:
        page = window.page("trends")
        window.navigate("trends")
        for _ in range(7):
            page.trends = None  # a real redraw: the query and the charts, not the early return
            start = time.perf_counter()
            page.refresh()
            _paint(app, window)
            trends.append((time.perf_counter() - start) * 1000)
        for years in [1, 3, None] * 3:
            start = time.perf_counter()
            page.range_buttons[years].click()
            _paint(app, window)
            range_switch.append((time.perf_counter() - start) * 1000)

    search_ms, dialog_ms = _searches(app, window, journal)
    typing_pause_ms = _typing_pause_ms()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "first_visit_ms": first,
                "second_visit_ms": second,
                "trends_render_ms": statistics.median(trends) if trends else None,
                "trends_range_switch_ms": max(range_switch) if range_switch else None,
                "search_ms": search_ms,
                "dialog_search_ms": dialog_ms,
                "typing_pause_ms": typing_pause_ms if dialog_ms else None,
                "peak_memory_mb": peak_mb,
            }
        )
    )
    window.close()
    journal.close()
    sys.stdout.flush()
    os._exit(0)  # skip Qt/pyqtgraph teardown at interpreter exit (known to crash)


def _searches(app: object, window: object, journal: object) -> tuple[list[float], list[float]]:
    """100 searches of words from the journal: the query alone, then through the dialog
    (the typing pause cut short, the results painted), in milliseconds."""
    search_ms: list[float] = []
    queries: list[str] = []
    search = getattr(journal, "search", None)
    if search is not None:
        words = _vocabulary(journal)
        rng = random.Random(1)
        queries = [" ".join(rng.choices(words, k=rng.randint(1, 3))) for _ in range(100)]
        run = getattr(search, "query", None) or search.search
        for query in queries:
            start = time.perf_counter()
            run(query)
            search_ms.append((time.perf_counter() - start) * 1000)

    dialog_ms: list[float] = []
    if search_ms:
        from cxjournal.ui.search_actions import open_search

        dialog = open_search(window.services)  # type: ignore[attr-defined]
        _paint(app, dialog)
        for query in queries:
            dialog.query.setText(query)  # starts the typing pause, which run_search cuts short
            start = time.perf_counter()
            dialog.run_search()
            _paint(app, dialog)
            dialog_ms.append((time.perf_counter() - start) * 1000)
        dialog.hide()
    return search_ms, dialog_ms


def _typing_pause_ms() -> float:
    from cxjournal.ui.dialogs.search_dialog import TYPING_PAUSE_MS

    return float(TYPING_PAUSE_MS)


def _idle(app: object, seconds: float = 4.0) -> None:
    """As the app runs after its first paint (warm-up thread, hidden pages built) with no
    clicks: how soon a posted event is answered, and the longest stall of the GUI thread."""
    from PySide6.QtCore import QTimer

    painted = time.perf_counter()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    answered: list[float] = []
    QTimer.singleShot(0, lambda: answered.append(time.perf_counter()))
    timer.start()
    end = painted + seconds
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.001)
    gaps = [b - a for a, b in zip([painted, *ticks], ticks, strict=False)]
    print(
        json.dumps(
            {
                "answers_input_ms": (answered[0] - painted) * 1000 if answered else None,
                "longest_stall_ms": max(gaps, default=0.0) * 1000,
                "stalls_over_50ms": sum(1 for g in gaps if g > 0.05),
            }
        )
    )
    sys.stdout.flush()
    os._exit(0)


def _first_click(app: object, window: object, keys: list[str], key: str) -> None:
    """One page's first visit, clicked the moment the window appears (the warm-up thread
    running, as in the app): the first thing this process does after the first paint. The
    page the window opens on is clicked after one other page (the last), which is not timed."""
    if key == keys[0]:
        window.navigate(keys[-1])  # type: ignore[attr-defined]
        _paint(app, window)
    start = time.perf_counter()
    window.navigate(key)  # type: ignore[attr-defined]
    _paint(app, window)
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"immediate_first_visit_ms": {key: ms}}))
    sys.stdout.flush()
    os._exit(0)


def _immediate(app: object, window: object, keys: list[str]) -> None:
    """Every page's first visit in one process, one after another, from the moment the
    window appears (so only the first is "the moment the window appears"; the benchmark
    clicks each page in a process of its own, ``--page``), the page shown first included
    once another was opened."""
    first: dict[str, float] = {}
    for key in [*keys[1:], keys[0]]:
        start = time.perf_counter()
        window.navigate(key)  # type: ignore[attr-defined]
        _paint(app, window)
        first[key] = (time.perf_counter() - start) * 1000
    print(json.dumps({"immediate_first_visit_ms": first}))
    sys.stdout.flush()
    os._exit(0)


def _vocabulary(journal: object) -> list[str]:
    notes = journal.notes.recent(limit=400)  # type: ignore[attr-defined]
    words = sorted(
        {w.strip(".,;:!?()\"'").lower() for n in notes for w in n.text.split() if len(w) > 4}
    )
    return [w for w in words if w.isalpha()] or ["churn"]


if __name__ == "__main__":
    main()
