"""Pages and extensions are handed one typed services object; nothing is patched onto the
window."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from cxjournal.journal.changes import Area
from cxjournal.ui.services import Services

UI = Path(__file__).resolve().parents[2] / "cxjournal" / "ui"
#: ``window: Any``, or an attribute set on a window from outside its class
UNTYPED = re.compile(r"\bwindow\w*: Any\b")
PATCHED = re.compile(r"^\s*(?!self\.)[\w.]*window\w*\.\w+\s*(: [^=]+)?=[^=]", re.MULTILINE)
SETATTR = re.compile(r"setattr\(\s*[\w.]*window")


def test_no_window_is_untyped_or_patched() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in (UNTYPED, PATCHED, SETATTR):
            found += [
                f"{path.relative_to(UI)}: {m.group(0).strip()}" for m in pattern.finditer(text)
            ]
    assert found == []


def test_the_patterns_catch_what_they_are_for() -> None:
    assert UNTYPED.search("def install(window: Any) -> None:")
    assert PATCHED.search("    window.due_counter = DueCounter(window)\n")
    assert not PATCHED.search("    self.window = window\n")
    assert not PATCHED.search("    if window.current_key() == key:\n")
    assert SETATTR.search("setattr(window, 'tray', tray)")


def test_pages_and_extensions_share_the_window_s_services(main_window: Any) -> None:
    services = main_window.services
    assert isinstance(services, Services)
    assert services.journal is main_window.journal and services.bus is main_window.bus
    assert services.window is main_window and services.extensions is main_window.extensions
    for key in ("today", "people", "program"):
        assert main_window.page(key).context is services
    extensions = main_window.extensions
    assert extensions.exchange_actions is not None and extensions.lock_controller is not None
    assert extensions.due_counter is not None and extensions.exit_plan_indicator is not None


def test_services_run_an_operation_and_announce_it(main_window: Any) -> None:
    from cxjournal.domain.model import Person

    heard: list[Area] = []
    main_window.bus.changed.connect(heard.append)
    done = main_window.services.run("add the person", lambda j: j.people.add(Person(name="Ana")))
    assert done is not None and done.value.name == "Ana" and heard == [Area.PEOPLE]


def test_the_due_count_stops_while_the_window_is_closed(main_window: Any, qtbot: Any) -> None:
    counter = main_window.extensions.due_counter
    assert counter is not None and counter.timer.isActive()
    main_window.close()
    qtbot.waitUntil(lambda: not counter.timer.isActive())
    main_window.show()
    qtbot.waitUntil(counter.timer.isActive)
