"""Preparing a 1:1: opened from the People page, shows essentials, last notes, open
follow-ups, attitude trend and dependence across audits; saves talking points; PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from cxjournal.domain.model import (
    Attitude,
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    PreferredFormat,
    Rating,
)
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs import prepare_report
from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog, gather
from cxjournal.ui.dialogs.prepare_report import page_html

TODAY = dt.date.today()


@pytest.fixture
def ana(journal: Journal) -> Person:
    ana = journal.people.add(
        Person(
            name="Ana Silva",
            role="VP Operations",
            cadence_days=14,
            information_needs="Monthly NPS drivers",
            preferred_format=PreferredFormat.SPREADSHEET,
            motivations="Cost-to-serve targets",
        )
    )
    other = journal.people.add(Person(name="Bob"))
    for days, attitude in (
        (60, Attitude.SKEPTIC),
        (40, Attitude.NEUTRAL),
        (20, None),
        (5, Attitude.SUPPORTER),
    ):
        journal.notes.add(
            Note(
                on=TODAY - dt.timedelta(days=days),
                text=f"Talk {days} days ago",
                person_id=ana.id,
                attitude=attitude,
                follow_ups=(FollowUp(f"Promise from {days}", done=days == 60),),
            )
        )
    journal.audits.save(
        Audit(
            taken_on=TODAY - dt.timedelta(days=90),
            ratings=(Rating(ana, 8, 7, 5, 4), Rating(other, 3, 3, 3, 3)),
        )
    )
    journal.audits.save(
        Audit(taken_on=TODAY - dt.timedelta(days=30), ratings=(Rating(ana, 6, 5, 7, 6),))
    )
    return ana


def open_prepare(main_window: Any, person: Person, qtbot: Any) -> PrepareDialog:
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people", person_id=person.id)
    page = main_window.page("people")
    qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    dialog = page.prepare_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    return dialog


def test_the_view_shows_everything_on_one_screen(
    main_window: Any, journal: Journal, ana: Person, qtbot: Any
) -> None:
    dialog = open_prepare(main_window, ana, qtbot)
    assert dialog.windowTitle() == "Prepare 1:1 with Ana Silva"
    essentials = dialog.essentials_box.findChildren(QLabel)
    texts = " | ".join(label.text() for label in essentials)
    assert "Monthly NPS drivers" in texts
    assert "Spreadsheet" in texts
    assert "Cost-to-serve targets" in texts
    assert "Update every 14 days" in texts and "in 9 days" in texts
    assert len(dialog.note_labels) == 3
    assert "Talk 5 days ago" in dialog.note_labels[0].text()
    # undated follow-ups, oldest first
    assert [b.accessibleName() for b in dialog.follow_up_boxes] == [
        "Promise from 40",
        "Promise from 20",
        "Promise from 5",
    ]
    assert [a for _d, a in dialog.attitude.points()] == [
        Attitude.SKEPTIC,
        Attitude.NEUTRAL,
        Attitude.SUPPORTER,
    ]
    points = dialog.chart.points()
    assert [(p.dependence_on_them, p.their_dependence_on_me) for p in points] == [
        (5.6, 2.0),
        (3.0, 4.2),
    ]
    assert "you depend on them 3.0" in dialog.chart.hover_at(1e12)


def test_ticking_a_follow_up_and_saving_talking_points(
    main_window: Any, journal: Journal, ana: Person, qtbot: Any
) -> None:
    dialog = open_prepare(main_window, ana, qtbot)
    box = dialog.follow_up_boxes[0]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert len(journal.notes.open_follow_ups(person_id=ana.id)) == 2
    qtbot.keyClicks(dialog.talking_points, "Ask for the churn budget")
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    latest = journal.notes.for_person(ana.id, limit=1)[0]  # type: ignore[arg-type]
    assert (latest.text, latest.kind, latest.on) == (
        "Ask for the churn budget",
        NoteKind.ONE_ON_ONE,
        TODAY,
    )
    assert latest.tags == ("talking points",)
    page = main_window.page("people")
    assert page.timeline.cards[0].note.id == latest.id
    assert "in 14 days" in page.cadence_label.text()


def test_closing_with_unsaved_talking_points_asks(
    main_window: Any, journal: Journal, ana: Person, qtbot: Any, answer_unsaved: Any
) -> None:
    from cxjournal.ui.unsaved_changes import Choice

    dialog = open_prepare(main_window, ana, qtbot)
    qtbot.keyClicks(dialog.talking_points, "Raise the pilot")
    answer_unsaved.answers += [Choice.KEEP_EDITING, Choice.DISCARD]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert answer_unsaved.asked == ["your talking points as a note"] * 2
    assert journal.notes.count(person_id=ana.id) == 4
    assert journal.drafts.keys() == []


def test_save_as_pdf_writes_the_file_atomically(
    main_window: Any, ana: Person, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = open_prepare(main_window, ana, qtbot)
    qtbot.keyClicks(dialog.talking_points, "Budget")
    target = tmp_path / "out" / "ana"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)  # the "Saved" box, closed
    written = dialog.save_pdf()
    assert written == target.with_name("ana.pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == ["ana.pdf"]  # no temp file left
    dialog.talking_points.clear()  # so closing does not ask


def test_the_printed_page_holds_the_essentials(journal: Journal, ana: Person) -> None:
    prep = gather(journal, ana.id, TODAY)  # type: ignore[arg-type]
    page = page_html(prep, "Point one\n<Point two>")
    for text in ("Ana Silva", "Monthly NPS drivers", "Promise from 5", "Talk 5 days ago"):
        assert text in page
    assert prepare_report.CHART_URL in page  # the dependences are drawn, not tabled
    assert "&lt;Point two&gt;" in page


def test_someone_never_rated_or_noted(main_window: Any, journal: Journal, qtbot: Any) -> None:
    cy = journal.people.add(Person(name="Cy"))
    dialog = open_prepare(main_window, cy, qtbot)
    assert dialog.chart.points() == []
    assert "Not rated" in dialog.chart.readout.text()
    assert dialog.note_labels == [] and dialog.follow_up_boxes == []


def _pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), " ".join(
        " ".join((page.extract_text() or "").split()) for page in reader.pages
    )


def test_the_pdf_is_one_page_talking_points_and_follow_ups_first_then_the_chart(
    main_window: Any,
    journal: Journal,
    ana: Person,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtGui import QDesktopServices

    from cxjournal.ui.dialogs import prepare_report

    dialog = open_prepare(main_window, ana, qtbot)
    qtbot.keyClicks(dialog.talking_points, "Budget for the pilot")
    target = tmp_path / "ana.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    opened: list[Any] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        button = box.findChild(QPushButton, "open-saved")
        assert button is not None and box.defaultButton() is button
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert dialog.save_pdf() == target
    assert asked == [f"Saved: {target}"]
    assert [url.toLocalFile() for url in opened] == [str(target)]
    pages, text = _pdf_text(target)
    assert pages == 1
    order = [
        "1:1 with Ana Silva",
        "Talking points",
        "Budget for the pilot",
        "Open follow-ups",
        "Promise from 5",
        "Dependence and attitude",
        "Essentials",
        "Monthly NPS drivers",
        "Last notes",
        "Talk 5 days ago",
    ]
    places = [text.find(part) for part in order]
    assert -1 not in places, [p for p, at in zip(order, places, strict=True) if at < 0]
    assert places == sorted(places)
    assert "Skeptic → Supporter" in text
    image = prepare_report.chart(dialog.prep)
    assert image.width() == prepare_report.CHART_SIZE[0] * prepare_report.SCALE
    # the two lines are drawn in their colours, the attitude dots in theirs
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3)}  # fmt: skip
    for colour in (prepare_report.ON_THEM_COLOUR.name(), prepare_report.ON_YOU_COLOUR.name()):
        assert colour in colours
    dialog.talking_points.clear()


def test_a_long_preparation_still_fits_one_page_and_close_opens_nothing(
    main_window: Any,
    journal: Journal,
    ana: Person,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtGui import QDesktopServices

    for n in range(30):
        journal.notes.add(
            Note(
                on=TODAY - dt.timedelta(days=n),
                text="A long conversation about the budget. " * 40,
                person_id=ana.id,
                follow_ups=(FollowUp(f"Long promise {n} " + "with detail " * 8),),
            )
        )
    dialog = open_prepare(main_window, ana, qtbot)
    dialog.talking_points.setPlainText("\n".join(f"Point {n}" for n in range(25)))
    target = tmp_path / "long.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    opened: list[Any] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    def close(box: QMessageBox) -> int:
        box.button(QMessageBox.StandardButton.Close).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", close)
    try:
        assert dialog.save_pdf() == target
    finally:
        dialog.talking_points.clear()  # so closing does not ask
    assert opened == []
    pages, text = _pdf_text(target)
    assert pages == 1
    assert text.find("Point 0") < text.find("Open follow-ups") < text.find("Last notes")
    assert "and 19 more" in text  # 33 open follow-ups, 14 listed
    dialog.talking_points.clear()


def test_print_lays_out_the_same_single_page_as_the_pdf(
    main_window: Any,
    journal: Journal,
    ana: Person,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    for n in range(30):  # long enough that the old flowing document took several pages
        journal.notes.add(
            Note(
                on=TODAY - dt.timedelta(days=n),
                text="A long conversation about the budget. " * 40,
                person_id=ana.id,
                follow_ups=(FollowUp(f"Long promise {n}"),),
            )
        )
    dialog = open_prepare(main_window, ana, qtbot)
    printed = tmp_path / "printed.pdf"

    def accept(print_dialog: QPrintDialog) -> int:
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog.print_preparation()
    pages, text = _pdf_text(printed)
    assert pages == 1
    assert text.find("Talking points") < text.find("Open follow-ups") < text.find("Last notes")
    assert "1:1 preparation · Ana Silva" in text
