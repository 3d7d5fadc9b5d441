"""Exit-plan state rules, the template parser and the shipped template."""

from __future__ import annotations

from importlib.resources import files

import pytest

from cxjournal.domain.exit_plan import (
    TEMPLATE_FILE,
    TEMPLATE_PACKAGE,
    load_template,
    mark_done,
    next_status,
    progress,
    start_by_hand,
)
from cxjournal.domain.model import ExitItem, ExitStatus

INACTIVE, ACTIVE, PAUSED, DONE = (
    ExitStatus.INACTIVE,
    ExitStatus.ACTIVE,
    ExitStatus.PAUSED,
    ExitStatus.DONE,
)


@pytest.mark.parametrize(
    ("current", "blocking", "has_items", "expected"),
    [
        # no audit at all: nothing changes
        (INACTIVE, None, False, (INACTIVE, False)),
        (ACTIVE, None, True, (ACTIVE, False)),
        (PAUSED, None, True, (PAUSED, False)),
        (DONE, None, True, (DONE, False)),
        # latest audit flagged: active; items created only the first time
        (INACTIVE, True, False, (ACTIVE, True)),
        (INACTIVE, True, True, (ACTIVE, False)),
        (ACTIVE, True, True, (ACTIVE, False)),
        (PAUSED, True, True, (ACTIVE, False)),
        (DONE, True, True, (ACTIVE, False)),
        (PAUSED, True, False, (ACTIVE, True)),  # every item deleted by hand: recreate
        # latest audit not flagged: only active pauses
        (INACTIVE, False, False, (INACTIVE, False)),
        (ACTIVE, False, True, (PAUSED, False)),
        (PAUSED, False, True, (PAUSED, False)),
        (DONE, False, True, (DONE, False)),
    ],
)
def test_next_status_table(
    current: ExitStatus,
    blocking: bool | None,
    has_items: bool,
    expected: tuple[ExitStatus, bool],
) -> None:
    assert next_status(current, blocking, has_items) == expected


def test_a_lifecycle_creates_items_once() -> None:
    status, created = INACTIVE, 0
    for blocking in (False, True, True, False, True, False, None, True):
        status, create = next_status(status, blocking, has_items=created > 0)
        created += create
    assert (status, created) == (ACTIVE, 1)


@pytest.mark.parametrize("current", list(ExitStatus))
def test_start_by_hand(current: ExitStatus) -> None:
    assert start_by_hand(current, has_items=False) == (ACTIVE, True)
    assert start_by_hand(current, has_items=True) == (ACTIVE, False)


@pytest.mark.parametrize("current", list(ExitStatus))
def test_mark_done(current: ExitStatus) -> None:
    assert mark_done(current) is DONE


def test_load_template_skips_comments_and_blanks() -> None:
    text = "# heading\n\n  Save your results  \n\t\n   # indented comment\nSet a date\r\n"
    assert load_template(text) == ["Save your results", "Set a date"]
    assert load_template("") == []


def test_progress() -> None:
    assert progress([]) == (0, 0)
    items = [ExitItem("a", done=True), ExitItem("b"), ExitItem("c", done=True)]
    assert progress(items) == (2, 3)
    assert progress(iter(items)) == (2, 3)


def test_shipped_template_loads_with_ten_to_fifteen_steps() -> None:
    text = files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE).read_text(encoding="utf-8")
    steps = load_template(text)
    assert 10 <= len(steps) <= 15
    assert len(set(steps)) == len(steps)
    assert all(len(step) <= 120 for step in steps)
    assert any("notice period" in step for step in steps)
    assert any("decision date" in step for step in steps)
