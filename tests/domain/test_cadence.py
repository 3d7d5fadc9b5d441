"""Tests for cxjournal.domain.cadence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxjournal.domain.cadence import (
    CONTACT_KINDS,
    days_label,
    due_status,
    is_overdue,
    last_contact,
    next_due,
)
from cxjournal.domain.model import Note, NoteKind

TODAY = dt.date(2026, 3, 31)
DAY = dt.timedelta(days=1)


def test_contact_kinds_are_every_kind_but_observation() -> None:
    assert NoteKind.OBSERVATION not in CONTACT_KINDS
    assert {k.value for k in CONTACT_KINDS} == {
        "one_on_one",
        "meeting",
        "email",
        "call",
        "informal",
        "win",
        "other",
    }
    assert isinstance(CONTACT_KINDS, frozenset)


def test_last_contact_skips_observations() -> None:
    notes = [
        Note(on=TODAY - 10 * DAY, text="1:1", kind=NoteKind.ONE_ON_ONE),
        Note(on=TODAY - 2 * DAY, text="seen in all-hands", kind=NoteKind.OBSERVATION),
        Note(on=TODAY - 5 * DAY, text="mail", kind=NoteKind.EMAIL),
    ]
    assert last_contact(notes) == TODAY - 5 * DAY
    assert last_contact(notes[1:2]) is None
    assert last_contact([]) is None


@pytest.mark.parametrize("kind", sorted(CONTACT_KINDS))
def test_every_contact_kind_counts(kind: NoteKind) -> None:
    assert last_contact([Note(on=TODAY, text="", kind=kind)]) == TODAY


def test_next_due() -> None:
    assert next_due(None, TODAY - DAY, TODAY) is None
    assert next_due(None, None, TODAY) is None
    assert next_due(14, None, TODAY) == TODAY
    assert next_due(14, TODAY - 20 * DAY, TODAY) == TODAY - 6 * DAY
    assert next_due(1, TODAY, TODAY) == TODAY + DAY
    with pytest.raises(ValueError):
        next_due(0, TODAY, TODAY)


def test_due_edges() -> None:
    last = TODAY - 14 * DAY
    # 13-day cadence: due yesterday -> overdue; 14: due today; 15: due tomorrow.
    assert due_status(next_due(13, last, TODAY), TODAY) == "overdue"
    assert due_status(next_due(14, last, TODAY), TODAY) == "due"
    assert due_status(next_due(15, last, TODAY), TODAY) == "later"
    assert is_overdue(TODAY - DAY, TODAY)
    assert not is_overdue(TODAY, TODAY)
    assert not is_overdue(TODAY + DAY, TODAY)
    assert not is_overdue(None, TODAY)


def test_never_contacted_is_due_now_not_overdue() -> None:
    due = next_due(30, None, TODAY)
    assert due_status(due, TODAY) == "due"
    assert not is_overdue(due, TODAY)


def test_no_cadence_status_none() -> None:
    assert due_status(None, TODAY) == "none"
    assert due_status(next_due(None, None, TODAY), TODAY) == "none"


@pytest.mark.parametrize(
    ("offset", "label"),
    [
        (-3, "3 days overdue"),
        (-1, "1 day overdue"),
        (0, "due today"),
        (1, "in 1 day"),
        (5, "in 5 days"),
    ],
)
def test_days_label(offset: int, label: str) -> None:
    assert days_label(TODAY + offset * DAY, TODAY) == label


@given(st.dates(), st.dates())
def test_status_agrees_with_overdue_and_label(due: dt.date, today: dt.date) -> None:
    status = due_status(due, today)
    assert (status == "overdue") == is_overdue(due, today)
    assert (status == "due") == (days_label(due, today) == "due today")
    assert (status == "later") == days_label(due, today).startswith("in ")
