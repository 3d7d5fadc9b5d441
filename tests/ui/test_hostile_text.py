"""Journal text is data: a journal full of markup is shown as written, everywhere.

The journal below holds HTML in every kind of text a user types: names, roles,
groupings, needs, motivations, notes, tags, follow-ups, audit notes, exit-plan
steps, check-in notes, drains and restorers. Every page, dialog and chart is
shown with it, each list row selected, each tab opened, and then every label,
tooltip, item model, message box, text view and chart item is read back as Qt
would draw it. Whatever shows journal text must show the markup itself: the
characters ``<b>B</b>`` right after the word ``HOSTILE``. The journal also
points an ``<img>`` at a file watched with inotify: drawing any of that text as
HTML anywhere (even somewhere this walk misses) opens the file, and fails.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsItem,
    QGraphicsTextItem,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from cxjournal.domain.model import (
    Aspects,
    Attitude,
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.journal import Journal
from cxjournal.ui.dialogs.search_dialog import HTML_ROLE

TODAY = dt.date.today()
SENTINEL = "HOSTILE"
MARKUP = "<b>B</b>"

PLAIN, RICH = Qt.TextFormat.PlainText, Qt.TextFormat.RichText
IN_OPEN, IN_ACCESS = 0x20, 0x01


class FileWatch:
    """inotify on one file: was it opened or read since the watch began?"""

    def __init__(self, path: Path) -> None:
        """Without inotify (not Linux) nothing is watched; the walk still judges every text."""
        self.fd = -1
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            self.fd = libc.inotify_init1(os.O_NONBLOCK)
            if (
                self.fd >= 0
                and libc.inotify_add_watch(self.fd, bytes(path), IN_OPEN | IN_ACCESS) < 0
            ):
                os.close(self.fd)
                self.fd = -1
        except (OSError, AttributeError):
            self.fd = -1

    def events(self) -> int:
        if self.fd < 0:
            return 0
        count = 0
        while True:
            try:
                data = os.read(self.fd, 4096)
            except BlockingIOError:
                return count
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, size = struct.unpack_from("iIII", data, offset)
                offset += 16 + size
                count += 1

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)


def hostile(what: str, canary: Path) -> str:
    return (
        f'{what} {SENTINEL}{MARKUP} <img src="file://{canary}"> &amp; '
        f'<a href="https://example.com/">link</a> <i>{what}</i>'
    )


def fill(journal: Journal, canary: Path) -> dict[str, Any]:
    def h(what: str) -> str:
        return hostile(what, canary)

    def person(name: str, relationship: Relationship) -> Person:
        return journal.people.add(
            Person(
                name=h(name),
                role=h("role"),
                organisation=h("org"),
                relationship=relationship,
                team=h("team"),
                function=h("function"),
                product_unit=h("unit"),
                location=h("place"),
                key_stakeholder=True,
                cadence_days=7,
                information_needs=h("needs"),
                motivations=h("motives"),
            )
        )

    zed = person("Zed", Relationship.SUPERIOR)
    amy = person("Amy", Relationship.PEER)
    ben = person("Ben", Relationship.EXTERNAL)
    for days, who in ((30, zed), (3, amy)):
        journal.notes.add(
            Note(
                on=TODAY - dt.timedelta(days=days),
                text=h("note") + "\n" + h("second line"),
                kind=NoteKind.ONE_ON_ONE,
                person_id=who.id,
                attitude=Attitude.RESISTOR,
                tags=(h("tag"),),
                follow_ups=(FollowUp(h("follow-up"), due=TODAY - dt.timedelta(days=1)),),
            )
        )
    journal.notes.add(Note(on=TODAY, text=h("win"), kind=NoteKind.WIN, tags=(h("tag"),)))

    def rate(who: Person, v: int, i: int, mv: int, mi: int) -> Rating:
        aspects = Aspects(career_guidance=v, information_sharing=mv)
        return Rating(
            person=who, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi,
            aspects=aspects,
        )  # fmt: skip

    journal.audits.save(
        Audit(
            taken_on=TODAY - dt.timedelta(days=120),
            ratings=(rate(zed, 9, 9, 3, 2), rate(amy, 4, 4, 4, 4)),
            note=h("first audit note"),
        )
    )
    journal.audits.save(
        Audit(
            taken_on=TODAY - dt.timedelta(days=10),
            ratings=(rate(zed, 9, 9, 2, 2), rate(amy, 7, 3, 5, 6), rate(ben, 2, 2, 2, 2)),
            note=h("audit note"),
            blocking_superior=True,
            blocking_superior_person=zed,
            ties=((0, 1),),  # Zed knows Amy, Ben knows neither: the network view draws names
            ties_recorded=True,
        )
    )
    zed_id = zed.id or 0
    journal.agenda.add(zed_id, h("talking point"), TODAY)
    if journal.exit_plan.get().status.value == "inactive":
        journal.exit_plan.start()
    journal.exit_plan.add_item(h("exit step"), due=TODAY + dt.timedelta(days=3))
    for days in range(0, 21):
        journal.resilience.save(
            ResilienceEntry(
                on=TODAY - dt.timedelta(days=days),
                energy=2 + days % 3,
                stress=8 - days % 2,
                mood=3,
                sleep_hours=6.5,
                drains=(h("drain"),),
                restorers=(h("restorer"),),
                note=h("check-in note"),
            )
        )
    return {"people": [zed, amy, ben]}


# -- reading back what Qt draws --------------------------------------------------------


def drawn(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt draws for ``text`` in a widget of text format ``fmt``."""
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if fmt == Qt.TextFormat.MarkdownText:
        return QTextDocumentFragment.fromMarkdown(text).toPlainText()
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


def interpreted(shown: str) -> bool:
    """Whether journal text was drawn as markup: its ``<b>B</b>`` is gone."""
    return any(not as_written(part) for part in shown.split(SENTINEL)[1:])


def as_written(rest: str) -> bool:
    """Whether what follows the sentinel is its markup, whole or cut short by an ellipsis."""
    return rest.startswith(MARKUP) or (rest.endswith("…") and MARKUP.startswith(rest[:-1]))


def columns_of(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private
        return 1


class Walk:
    def __init__(self) -> None:
        self.problems: dict[str, str] = {}
        self.seen = 0

    def check(self, where: str, text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> None:
        if not text or (SENTINEL not in text and "HOSTILE" not in text.upper()):
            return
        shown = drawn(text, fmt)
        self.seen += 1
        if interpreted(shown):
            self.problems.setdefault(f"{where}: {text[:40]}", text)

    def model(
        self, where: str, model: QAbstractItemModel, parent: QModelIndex, depth: int = 0
    ) -> None:
        columns = columns_of(model, parent)
        for row in range(min(model.rowCount(parent), 60)):
            for column in range(columns):
                index = model.index(row, column, parent)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    self.check(f"{where} tooltip of ({row}, {column})", tip)
                if column == 0 and depth < 3 and model.rowCount(index) > 0:
                    self.model(where, model, index, depth + 1)
        orientations = (Qt.Orientation.Horizontal, Qt.Orientation.Vertical)
        for orientation in orientations:
            count = columns if orientation == Qt.Orientation.Horizontal else 0
            for section in range(count):
                tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    self.check(f"{where} header tooltip {section}", tip)

    def widget(self, w: QWidget) -> None:
        where = f"{type(w).__name__} {w.objectName()} in {type(w.window()).__name__}".replace(
            "  ", " "
        )
        parent = w.parentWidget()
        if parent is not None and not w.objectName():
            where = f"{where} (under {type(parent).__name__})"
        self.check(f"{where} tooltip", w.toolTip())
        self.check(f"{where} window title", w.windowTitle(), Qt.TextFormat.PlainText)
        if isinstance(w, QLabel):
            self.check(f"{where} text", w.text(), w.textFormat())
        elif isinstance(w, QMessageBox):
            self.check(f"{where} text", w.text(), w.textFormat())
            self.check(f"{where} informative text", w.informativeText(), w.textFormat())
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            self.check(f"{where} text", w.toPlainText(), Qt.TextFormat.PlainText)
        elif isinstance(w, QHeaderView):
            pass  # its model is its view's, walked there
        elif isinstance(w, (QAbstractItemView, QComboBox)) and w.model() is not None:
            self.model(where, w.model(), QModelIndex())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                self.check(f"{where} tab tooltip {i}", w.tabToolTip(i))
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                self.graphics_item(where, item)

    def graphics_item(self, where: str, item: QGraphicsItem) -> None:
        name = type(item).__name__
        self.check(f"{where} chart item {name} tooltip", item.toolTip())
        if isinstance(item, QGraphicsTextItem):
            self.check(f"{where} chart text {name}", item.toPlainText(), PLAIN)
        tip = getattr(item, "opts", {}).get("tip") if isinstance(item, pg.ScatterPlotItem) else None
        if callable(tip):  # a scatter's hover text, shown as the item's tooltip
            for spot in item.points():
                x, y = spot.pos().x(), spot.pos().y()
                self.check(f"{where} {name} hover", tip(x=x, y=y, data=spot.data()))

    def hover(self, chart: QWidget) -> None:
        """Point at every audit or day a chart shows, reading its readout each time."""
        name = type(chart).__name__
        xs = [float(x) for key in ("_x", "_audit_x") for x in getattr(chart, key, [])]
        for x in xs:
            chart.hover_at(x)  # type: ignore[attr-defined]
            for label in chart.findChildren(QLabel):
                self.check(f"{name} readout", label.text(), label.textFormat())
                self.check(f"{name} readout tooltip", label.toolTip())

    def everything(self) -> None:
        QApplication.processEvents()
        for w in QApplication.allWidgets():
            self.widget(w)
            if hasattr(w, "hover_at") and w.isVisible():
                self.hover(w)


# -- the test --------------------------------------------------------------------------


@pytest.fixture
def canary(tmp_path: Path) -> Iterator[tuple[Path, FileWatch]]:
    path = tmp_path / "canary.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    watch = FileWatch(path)
    yield path, watch
    watch.close()


def test_journal_text_is_never_run_as_markup(
    qtbot: Any,
    journal: Journal,
    ui_settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    canary: tuple[Path, FileWatch],
    tmp_path: Path,
) -> None:
    from cxjournal.ui.main_window import MainWindow
    from cxjournal.ui.search_actions import open_search

    path, watch = canary
    data = fill(journal, path)
    walk = Walk()
    messages: list[tuple[str, str]] = []

    def message(kind: str, answer: QMessageBox.StandardButton) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            messages.append((title, text))
            walk.check(f"QMessageBox.{kind} {title!r}", text)
            return answer

        return staticmethod(show)

    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", message("question", no))
    monkeypatch.setattr(QMessageBox, "information", message("information", no))
    monkeypatch.setattr(QMessageBox, "warning", message("warning", no))
    monkeypatch.setattr(QMessageBox, "critical", message("critical", no))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))

    def exec_(dialog: QDialog) -> int:
        """A modal dialog: shown, walked, then cancelled."""
        dialog.show()
        qtbot.waitExposed(dialog)
        walk.everything()
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", exec_)

    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)

    def visit(key: str) -> Any:
        window.navigate(key)
        page = window.page(key)
        walk.everything()
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                walk.everything()
        for view in page.findChildren(QAbstractItemView):
            if not view.isVisible() or view.model() is None:
                continue
            for row in range(min(view.model().rowCount(), 4)):
                view.setCurrentIndex(view.model().index(row, 0))
                walk.everything()
        return page

    for key in ("today", "audits", "journal", "resilience", "exit_plan"):
        visit(key)

    trends = window.page("trends")
    window.navigate("trends")
    trends.choose_people([p.id for p in data["people"]])
    visit("trends")

    people = visit("people")
    for who in data["people"]:
        assert people.select_person(who.id)
        walk.everything()
        people.prepare()
        qtbot.waitExposed(people.prepare_dialog)
        walk.everything()
        printed = QTextDocument()  # what Print and Save as PDF lay out
        printed.setHtml(people.prepare_dialog.printed_page_html())
        printed.size()
        walk.check("the 1:1 preparation's printed page", printed.toPlainText(), PLAIN)
        people.edit_person()  # the profile dialog, walked by exec_
        people.add_note()  # the note dialog
        people.delete_person()  # "Delete person", naming them and what goes along (No)
    assert any(title == "Delete person" for title, _ in messages)

    journal_page = visit("journal")
    journal_page._edit_current()  # the note dialog on a hostile note

    audits = visit("audits")
    audits.select_row(0)
    compare = audits.compare_selected()
    if compare is not None:
        qtbot.waitExposed(compare)
        walk.everything()
    audits.edit_selected()  # the audit editor, with hostile names in its rows
    walk.everything()

    search = open_search(window.services, SENTINEL.lower())
    qtbot.waitExposed(search)
    search.run_search()
    walk.everything()
    hits = search.findChild(QAbstractItemView).model()
    assert hits.rowCount() > 5
    for row in range(hits.rowCount()):
        walk.check(f"search hit {row}", hits.index(row, 0).data(HTML_ROLE), RICH)

    for action in window.findChildren(type(window.menu("edit").actions()[0])):
        if action.objectName() in ("action-warning-rule",):
            action.trigger()
            walk.everything()

    from cxjournal.exchange.snapshot import build_snapshot, render

    latest = journal.audits.latest()
    assert latest is not None and latest.id is not None
    assert render(build_snapshot(journal, latest.id, hide_names=False), "pdf")  # laid out by Qt

    assert walk.seen > 50, "the walk found too little journal text to judge"
    shown = sorted(walk.problems)
    assert shown == [], "journal text drawn as markup:\n" + "\n".join(shown)
    assert watch.events() == 0, "journal text made the app open a file named in it"
