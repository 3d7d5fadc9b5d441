"""Garbage is collected between events, never by the automatic collector mid-paint."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from cxjournal.ui.gc_policy import collect_between_events, collect_due


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_cycle_waits_for_the_check_and_is_freed_by_it() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle
        assert alive() is not None  # only a collection frees a cycle
        assert collect_due((10**9, 10, 10)) == 0  # under the threshold: nothing collected
        assert alive() is not None
        assert collect_due((-1, 10**9, 10**9)) >= 1  # over it: generation 0 is collected
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()


def test_the_app_turns_the_automatic_collector_off_and_checks_on_a_timer(qapp: Any) -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        timer = collect_between_events(qapp)
        assert not gc.isenabled()
        assert timer.isActive() and timer.interval() > 0
        timer.stop()
        timer.deleteLater()
    finally:
        if not was_enabled:
            gc.disable()


def test_nothing_is_collected_while_lasting_objects_are_made_then_they_are_set_aside() -> None:
    from cxjournal.ui.gc_policy import lasting

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        frozen = gc.get_freeze_count()
        with lasting():
            cycle = _Cycle()
            alive = weakref.ref(cycle)
            del cycle
            assert collect_due((-1, -1, -1)) == 0  # every threshold passed, yet nothing
            assert alive() is not None
        assert gc.get_freeze_count() > frozen  # all alive now is out of later collections
        assert collect_due((-1, -1, -1)) == 0 and alive() is not None  # set aside, kept
        assert collect_due((10**9, 10, 10)) == 0
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def test_the_warm_ups_imports_are_set_aside_from_collections() -> None:
    from cxjournal.ui import warm_up

    gc.unfreeze()
    try:
        warm_up._import_all(("json",))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
