"""File > Import from other tools: preview, edit, import in the background, copy problems."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from cxjournal.domain.model import Person
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs.import_from_dialog import ImportFromDialog

FIXTURES = Path(__file__).parents[1] / "exchange" / "imports_fixtures"
TODAY = dt.date(2026, 3, 31)


def dialog_for(qtbot: Any, journal: Journal) -> ImportFromDialog:
    dialog = ImportFromDialog(journal, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot: Any, dialog: ImportFromDialog, kind: str, name: str) -> None:
    dialog.set_kind(kind)
    task = dialog.load(FIXTURES / name)
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)


def test_contacts_preview_says_who_is_new_and_who_merges(qtbot: Any, journal: Journal) -> None:
    journal.people.add(Person(name="Ana Silva", role="Mine"))
    dialog = dialog_for(qtbot, journal)
    load(qtbot, dialog, "contacts-csv", "outlook-contacts.csv")
    preview = dialog.people_preview
    assert dialog.previews.currentWidget() is preview
    assert preview.summary.text().startswith(
        "3 people in the file: 2 new, 1 already in your journal"
    )
    rows = preview.rows()
    assert rows[0][0] == "Ana Silva" and rows[0][3] == "Merges with Ana Silva (same name)"
    assert [r[3] for r in rows[1:]] == ["New person", "New person"]
    assert dialog.import_button.isEnabled()
    assert not dialog.problems_box.isVisible()
    assert journal.people.find_by_name("Priya Raman") is None  # a preview writes nothing


def test_import_runs_in_the_background_then_nothing_is_left_to_import(
    qtbot: Any, journal: Journal
) -> None:
    dialog = dialog_for(qtbot, journal)
    load(qtbot, dialog, "jrnl", "jrnl.json")
    assert dialog.previews.currentWidget() is dialog.notes_preview
    assert dialog.notes_preview.summary.text().startswith("3 notes in the file")
    assert dialog.notes_preview.list.topLevelItemCount() == 3
    reports: list[Any] = []
    dialog.imported.connect(reports.append)
    task = dialog.start_import()
    assert task is not None
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    assert reports[0].added["notes"] == 3
    assert not dialog.import_button.isEnabled()
    assert journal.search.count("cost-to-serve") == 1
    load(qtbot, dialog, "jrnl", "jrnl.json")
    assert "already in your journal" in dialog.status.text()
    assert not dialog.import_button.isEnabled()


def test_problems_are_listed_as_plain_text_to_copy(
    qtbot: Any, journal: Journal, tmp_path: Path
) -> None:
    bad = tmp_path / "export.json"
    bad.write_text('{"entries": [{"date": "<b>bold</b>", "title": "x"}, 3]}', encoding="utf-8")
    dialog = dialog_for(qtbot, journal)
    dialog.set_kind("jrnl")
    task = dialog.load(bad)
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert dialog.problems_box.isVisible()
    assert dialog.problems.toPlainText() == (
        "entries[0].date: '<b>bold</b>' is not a date (YYYY-MM-DD)\n"
        "entries[1]: an entry should be an object"
    )
    assert dialog.problems_label.text() == "The file has 2 problems:"
    assert not dialog.import_button.isEnabled()
    dialog.copy_problems()
    assert QGuiApplication.clipboard().text() == dialog.problems.toPlainText()


def test_unreadable_file_is_a_problem_not_a_crash(
    qtbot: Any, journal: Journal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, journal)
    task = dialog.load(tmp_path / "missing.vcf")
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert dialog.problems.toPlainText().startswith("The file cannot be read")
    assert not dialog.import_button.isEnabled()


def test_daylio_moods_and_activities_are_editable(qtbot: Any, journal: Journal) -> None:
    dialog = dialog_for(qtbot, journal)
    load(qtbot, dialog, "daylio", "daylio_export.csv")
    preview = dialog.daylio_preview
    assert dialog.previews.currentWidget() is preview
    assert {m: box.value() for m, box in preview.mood_boxes.items()} == {
        "focused": 0,  # no value yet: "choose…"
        "rad": 9,
        "meh": 5,
        "good": 7,
        "awful": 1,
        "bad": 3,
    }
    assert preview.mood_boxes["focused"].text() == "choose…"
    assert "the mood 'focused'" in dialog.problems.toPlainText()
    assert not dialog.import_button.isEnabled()
    assert "Give focused a value to import" in preview.summary.text()
    preview.mood_boxes["focused"].setValue(8)
    walk = preview.kind_boxes["walk"]
    walk.setCurrentIndex(walk.findData("restorer"))
    escalations = preview.kind_boxes["escalations"]
    escalations.setCurrentIndex(escalations.findData("drain"))
    assert not dialog.problems_box.isVisible()
    assert dialog.import_button.isEnabled()
    assert dialog.plan is not None
    march_2 = next(c for c in dialog.plan.checkins if c.on == dt.date(2024, 3, 2))
    assert (march_2.drains, march_2.restorers, march_2.tags) == (
        ("escalations",),
        ("walk",),
        ("family",),
    )
    assert "4 to add" in preview.summary.text()


def test_file_menu_opens_the_dialog(qtbot: Any, main_window: Any) -> None:
    actions = main_window.exchange_actions
    assert "Import from other tools" in actions.menu_actions
    dialog = actions.import_from("jrnl", FIXTURES / "jrnl.json")
    qtbot.addWidget(dialog)
    assert dialog.current_kind() == "jrnl"
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20000)
    assert dialog.import_button.isEnabled()
    changed: list[Area] = []
    main_window.bus.changed.connect(changed.append)
    dialog.start_import()
    qtbot.waitUntil(lambda: Area.ALL in changed, timeout=20000)
    dialog.close()


def test_markup_in_a_file_is_shown_as_written(qtbot: Any, journal: Journal, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as QtGui

    hostile = "HOSTILE<b>B</b> <img src=file:///etc/hostname>"
    export = tmp_path / "jrnl.json"
    entry = {"date": "2024-01-02", "title": hostile, "body": "", "tags": []}
    export.write_text(json.dumps({"entries": [entry]}), encoding="utf-8")
    dialog = dialog_for(qtbot, journal)
    dialog.set_kind("jrnl")
    task = dialog.load(export)
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    item = dialog.notes_preview.list.topLevelItem(0)
    assert item is not None and item.text(1) == hostile
    tooltip = item.toolTip(1)
    assert "&lt;b&gt;" in tooltip and QtGui.mightBeRichText(tooltip)  # escaped inside markup
    for label in (dialog.status, dialog.notes_preview.summary, dialog.problems_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
