"""The proof point ledger, its dialog, and goal/format/outcome in the note dialog."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cxjournal.domain.model import (
    FormatUsed,
    Note,
    NoteGoal,
    NoteOutcome,
    Person,
    PlanKind,
    ProofPoint,
    ProofShare,
)
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs.note_dialog import NoteDialog
from cxjournal.ui.dialogs.proof_point_dialog import ProofPointDialog

D = dt.date(2026, 6, 15)


def ledger(main_window: Any) -> Any:
    main_window.navigate("proof_points")
    page = main_window.page("proof_points")
    page.today = lambda: D
    page.refresh()
    return page


def test_empty_ledger_explains_proof_points(main_window: Any) -> None:
    page = ledger(main_window)
    assert page.stack.currentWidget() is page.empty
    assert not page.edit_button.isEnabled()


def test_add_filter_and_delete(
    main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    ana = journal.people.add(Person("Ana Silva"))

    def fill(dialog: ProofPointDialog) -> int:
        qtbot.keyClicks(dialog.title, "Callbacks kept")
        qtbot.keyClicks(dialog.figures["baseline"], "61")
        qtbot.keyClicks(dialog.figures["result"], "88")
        qtbot.keyClicks(dialog.unit, "%")
        dialog.plan_boxes[PlanKind.OPERATIONS].setChecked(True)
        dialog.add_share()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ProofPointDialog, "exec", fill)
    page = ledger(main_window)
    page.add_button.click()
    journal.program.save_proof_point(ProofPoint(D, "Letters rewritten", plans=(PlanKind.VOC,)))
    main_window.bus.announce(Area.PROGRAM)
    page.refresh_if_stale()
    assert [p.title for p in page.points] == ["Callbacks kept", "Letters rewritten"]
    (callbacks,) = [p for p in page.points if p.title == "Callbacks kept"]
    assert callbacks.shared == (ProofShare(ana, D),)
    page.select(callbacks.id)
    assert "61 → 88 %" in page.detail.text() and "Ana Silva (15 Jun 2026)" in page.detail.text()
    page.plan_filter.setCurrentIndex(page.plan_filter.findData("voc"))
    assert [p.title for p in page.points] == ["Letters rewritten"]
    page.plan_filter.setCurrentIndex(page.plan_filter.findData("training"))
    assert page.stack.currentWidget() is page.filtered_empty
    page.plan_filter.setCurrentIndex(0)
    page.select(callbacks.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    assert [p.title for p in journal.program.proof_points()] == ["Letters rewritten"]


def test_a_figure_that_is_not_a_number_is_named_and_nothing_is_saved(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog = ProofPointDialog(journal, today=D)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.title, "Churn down")
    qtbot.keyClicks(dialog.figures["value"], "lots")
    dialog.accept()
    assert "Value: 'lots' is not a number" in warnings[0]
    assert journal.program.proof_points() == []
    assert dialog.title.text() == "Churn down"


def test_the_note_dialog_records_goal_format_and_outcome(journal: Journal, qtbot: Any) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    dialog = NoteDialog(journal, person_id=ana.id, today=D)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Walked her through the numbers")
    for combo, text in ((dialog.goal, "Dec"), (dialog.format_used, "Spr"), (dialog.outcome, "Pa")):
        combo.setFocus()
        qtbot.keyClicks(combo, text)
    dialog.accept()
    saved = journal.notes.for_person(ana.id or 0)[0]
    assert (saved.goal, saved.format_used, saved.outcome) == (
        NoteGoal.DECISION,
        FormatUsed.SPREADSHEET,
        NoteOutcome.PARTLY,
    )
    again = NoteDialog(journal, note=saved, today=D)
    qtbot.addWidget(again)
    assert again.value().goal is NoteGoal.DECISION
    skipped = NoteDialog(journal, person_id=ana.id, today=D)
    qtbot.addWidget(skipped)
    qtbot.keyClicks(skipped.text, "Quick hello")
    skipped.accept()
    latest = next(n for n in journal.notes.for_person(ana.id or 0) if n.text == "Quick hello")
    assert latest == Note(latest.on, "Quick hello", latest.kind, ana.id, id=latest.id)
