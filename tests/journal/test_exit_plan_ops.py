"""Exit-plan operations by hand: start, done, and editing the checklist."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Audit, ExitItem, ExitStatus
from cxjournal.journal import Journal
from cxjournal.journal.exit_plan import template_steps


def texts(journal: Journal) -> list[str]:
    return [item.text for item in journal.exit_plan.get().items]


def test_a_new_journal_has_an_inactive_empty_plan(journal: Journal) -> None:
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.INACTIVE
    assert plan.items == ()
    assert journal.exit_plan.status() is ExitStatus.INACTIVE


def test_starting_by_hand_creates_the_template_once(journal: Journal) -> None:
    plan = journal.exit_plan.start()
    assert plan.status is ExitStatus.ACTIVE
    assert [i.text for i in plan.items] == list(template_steps())
    journal.exit_plan.mark_done()
    again = journal.exit_plan.start()
    assert again.status is ExitStatus.ACTIVE
    assert len(again.items) == len(template_steps())


def test_mark_done_keeps_the_items(journal: Journal) -> None:
    journal.exit_plan.start()
    plan = journal.exit_plan.mark_done()
    assert plan.status is ExitStatus.DONE
    assert len(plan.items) == len(template_steps())


def test_add_edit_tick_and_due(journal: Journal) -> None:
    first = journal.exit_plan.add_item("  Update my CV  ")
    second = journal.exit_plan.add_item("Call a recruiter", due=dt.date(2026, 5, 1))
    assert (first.text, first.position, second.position) == ("Update my CV", 0, 1)
    assert second.due == dt.date(2026, 5, 1)
    ticked = journal.exit_plan.update_item(replace(first, done=True))
    assert ticked.done
    due = journal.exit_plan.set_item_due(first.id or 0, dt.date(2026, 4, 1))
    assert due.due == dt.date(2026, 4, 1) and due.done
    edited = journal.exit_plan.update_item(
        ExitItem(text="Update CV and profile", done=False, due=None, id=first.id)
    )
    assert (edited.text, edited.done, edited.due, edited.position) == (
        "Update CV and profile",
        False,
        None,
        0,
    )
    assert texts(journal) == ["Update CV and profile", "Call a recruiter"]


def test_blank_text_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        journal.exit_plan.add_item("   ")
    item = journal.exit_plan.add_item("Keep")
    with pytest.raises(ValidationError):
        journal.exit_plan.update_item(ExitItem(text=" ", id=item.id))
    assert texts(journal) == ["Keep"]


def test_move_item_reorders_and_clamps(journal: Journal) -> None:
    a, b, c = (journal.exit_plan.add_item(t) for t in ("A", "B", "C"))
    journal.exit_plan.move_item(c.id or 0, 0)
    assert texts(journal) == ["C", "A", "B"]
    plan = journal.exit_plan.move_item(c.id or 0, 99)
    assert [i.text for i in plan.items] == ["A", "B", "C"]
    assert [i.position for i in plan.items] == [0, 1, 2]
    journal.exit_plan.move_item(a.id or 0, 1)
    assert texts(journal) == ["B", "A", "C"]
    del b


def test_delete_item(journal: Journal) -> None:
    keep = journal.exit_plan.add_item("Keep")
    gone = journal.exit_plan.add_item("Gone")
    journal.exit_plan.delete_item(gone.id or 0)
    assert texts(journal) == ["Keep"]
    with pytest.raises(NotFoundError):
        journal.exit_plan.delete_item(gone.id or 0)
    with pytest.raises(NotFoundError):
        journal.exit_plan.update_item(replace(gone, done=True))
    del keep


def test_items_added_before_the_first_activation_stop_the_template(journal: Journal) -> None:
    journal.exit_plan.add_item("My own first step")
    journal.audits.save(Audit(taken_on=dt.date(2026, 1, 1), blocking_superior=True))
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE
    assert [i.text for i in plan.items] == ["My own first step"]


def test_the_shipped_template_is_found() -> None:
    assert len(template_steps()) >= 10
