"""The Audits page: empty state, the list with alarm bells, the selected audit's results,
delete with confirmation, compare with previous, the thresholds dialog, and speed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QStyledItemDelegate

from cxjournal.domain.model import Audit, ExitStatus, Note, NoteKind, Person, Rating
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.models.audit_list_model import ALARMS, PEOPLE

JAN, APR, JUL = dt.date(2026, 1, 15), dt.date(2026, 4, 15), dt.date(2026, 7, 15)


def rate(person: Person, v: int, i: int, mv: int, mi: int) -> Rating:
    return Rating(person=person, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi)


@pytest.fixture
def people(journal: Journal) -> list[Person]:
    names = [("Ana Silva", "Ops"), ("Ben Okafor", "Sales"), ("Chen Wu", "Ops"), ("Dana Roy", "")]
    return [journal.people.add(Person(name=n, team=t)) for n, t in names]


@pytest.fixture
def three_audits(journal: Journal, people: list[Person]) -> list[Audit]:
    ana, ben, chen, dana = people
    save = journal.audits.save
    return [
        save(Audit(taken_on=JAN, ratings=(rate(ana, 5, 5, 5, 5), rate(ben, 5, 5, 5, 5)))),
        save(Audit(taken_on=APR, ratings=(rate(ana, 8, 7, 5, 4), rate(chen, 3, 4, 6, 5)))),
        save(
            Audit(
                taken_on=JUL,
                ratings=(rate(ana, 8, 7, 5, 4), rate(chen, 4, 4, 6, 5)),
                blocking_superior=True,
                blocking_superior_person=dana,
            )
        ),
    ]


def show_audits(main_window: Any) -> Any:
    main_window.bus.announce(Area.ALL)  # the journal was written behind the window's back
    main_window.navigate("audits")
    return main_window.page("audits")


def test_empty_state_says_what_to_do_first(qtbot: Any, main_window: Any) -> None:
    page = show_audits(main_window)
    assert page.stack.currentIndex() == 0
    assert not page.from_latest_button.isEnabled()
    assert page.start_button.isVisible()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.editor is not None and page.editor.isVisible()
    page.editor.reject()
    assert page.editor is None


def test_list_is_newest_first_with_alarm_bells(
    qtbot: Any, main_window: Any, three_audits: list[Audit]
) -> None:
    page = show_audits(main_window)
    assert page.stack.currentIndex() == 1
    model = page.model
    assert model.rowCount() == 3
    assert [model.index(r, 0).data() for r in range(3)] == [
        "15 Jul 2026",
        "15 Apr 2026",
        "15 Jan 2026",
    ]
    assert [model.index(r, 1).data() for r in range(3)] == ["2", "2", "2"]
    assert model.index(0, 2).data() == "High vulnerability, Blocking superior"
    assert model.index(0, 2).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(2, 2).data() == "High vulnerability"
    # the newest is selected and shown
    assert page.selected_id() == three_audits[2].id
    assert "15 July 2026" in page.detail_title.text()
    assert "blocking_superior" in page.results.alarm_codes()
    assert page.results.scores_model.rowCount() == 2


def test_selecting_an_audit_shows_its_results(
    qtbot: Any, main_window: Any, three_audits: list[Audit]
) -> None:
    page = show_audits(main_window)
    page.select_row(2)
    assert page.selected_id() == three_audits[0].id
    assert "15 January 2026" in page.detail_title.text()
    assert page.results.alarm_codes() == ["high_vulnerability"]
    assert page.results.totals["reliance"].text() == "5.0"
    assert page.results.reach["team"].text() == "all 2 different"
    assert page.results.reach["location"].text() == "not filled in"
    page.select_row(1)
    assert page.results.reach["team"].text() == "all 2 in Ops"
    page.select_row(2)
    assert not page.compare_button.isEnabled()  # the first audit has nothing before it
    page.select_row(0)
    assert page.compare_button.isEnabled()


def test_open_item_selects_the_audit(
    qtbot: Any, main_window: Any, three_audits: list[Audit]
) -> None:
    show_audits(main_window)
    main_window.navigate("audits", audit_id=three_audits[1].id)
    assert main_window.page("audits").selected_id() == three_audits[1].id


def test_compare_with_previous(qtbot: Any, main_window: Any, three_audits: list[Audit]) -> None:
    page = show_audits(main_window)
    page.select_row(1)  # April against January
    dialog = page.compare_selected()
    assert dialog is not None
    summary = dialog.summary.text()
    assert "Joined your top ten:</b> Chen Wu" in summary
    assert "Left your top ten:</b> Ben Okafor" in summary
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Ana Silva"
    assert dialog.model.index(0, 1).data() == "2.5 → 5.6"
    assert dialog.model.index(0, 2).data() == "+3.1"
    assert dialog.model.index(0, 5).data() == "Transactional → You lean on them"
    assert "You rely on them: 5.0 → 6.8" in dialog.totals.text()
    dialog.close()


def test_delete_asks_first_and_the_plan_follows(
    qtbot: Any, main_window: Any, journal: Journal, three_audits: list[Audit], monkeypatch: Any
) -> None:
    assert journal.exit_plan.get().status is ExitStatus.ACTIVE
    page = show_audits(main_window)
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    page.delete_selected()
    assert "15 July 2026" in asked[0] and "2 ratings" in asked[0]
    assert len(journal.audits.summaries()) == 3
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    main_window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [s.id for s in journal.audits.summaries()] == [three_audits[1].id, three_audits[0].id]
    assert page.model.rowCount() == 2
    assert journal.exit_plan.get().status is ExitStatus.PAUSED  # April is not flagged
    assert main_window.extensions.exit_plan_indicator.text().startswith("Exit plan: paused")


def test_thresholds_tab_edits_resets_and_redraws(
    qtbot: Any, main_window: Any, journal: Journal, three_audits: list[Audit]
) -> None:
    from cxjournal.ui.audit_actions import open_settings

    page = show_audits(main_window)
    assert "High vulnerability" in page.model.index(2, 2).data()
    dialog = open_settings(main_window.services).pages["ThresholdsTab"]
    assert dialog.inputs["vulnerability_share"].value() == 0.5
    assert any(
        "default 0.5" in label.text() for label in dialog.findChildren(type(page.detail_title))
    )
    dialog.inputs["vulnerability_share"].setValue(1.0)
    dialog.inputs["lean_gap"].setValue(4)
    stored = journal.settings.thresholds()
    assert stored.vulnerability_share == 1.0 and stored.lean_gap == 4
    assert journal.settings.get("thresholds")["lean_gap"] == 4  # whole numbers stay whole
    assert page.model.index(2, 2).data() == "None"  # redrawn with the new thresholds

    dialog = open_settings(main_window.services).pages["ThresholdsTab"]
    assert dialog.inputs["vulnerability_share"].value() == 1.0
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.inputs["vulnerability_share"].value() == 0.5
    assert journal.settings.thresholds() == Thresholds()
    assert journal.settings.get("thresholds") is None


def test_settings_action_is_in_the_edit_menu(main_window: Any) -> None:
    titles = [a.text() for a in main_window.menu("edit").actions()]
    assert "Alarm &thresholds…" in titles
    files = [a.text() for a in main_window.menu("file").actions()]
    assert "New power &audit…" in files and "New audit from &latest…" in files


def test_balance_map_tab_draws_the_selected_audit(
    qtbot: Any, main_window: Any, three_audits: list[Audit]
) -> None:
    page = show_audits(main_window)
    assert page.map.chart is None
    page.tabs.setCurrentWidget(page.map)
    qtbot.waitUntil(lambda: page.map.chart is not None)
    assert page.map.chart.points() == [(5.6, 2.0), (1.6, 3.0)]
    page.select_row(2)
    assert page.map.chart.points() == [(2.5, 2.5), (2.5, 2.5)]


def test_models_pass_the_model_tester(
    qtmodeltester: Any, journal: Journal, three_audits: list[Audit]
) -> None:
    from cxjournal.ui.models.audit_list_model import AuditListModel
    from cxjournal.ui.models.comparison_model import ComparisonModel
    from cxjournal.ui.models.contact_scores_model import ContactScoresModel

    audits = AuditListModel()
    audits.set_summaries(journal.audits.summaries())
    qtmodeltester.check(audits)
    scores = ContactScoresModel()
    analysis = journal.audits.latest_analysis()
    assert analysis is not None
    scores.set_contacts(analysis.contacts)
    qtmodeltester.check(scores)
    comparison = journal.audits.compare_with_previous(three_audits[1].id or 0)
    assert comparison is not None
    changes = ComparisonModel()
    changes.set_changes(comparison.stayed)
    qtmodeltester.check(changes)


# --- speed -------------------------------------------------------------------------------


def forty_audits(journal: Journal) -> None:
    people = [journal.people.add(Person(name=f"Person {n}", team=f"T{n % 3}")) for n in range(10)]
    for month in range(40):
        on = dt.date(2023 + month // 12, month % 12 + 1, 1)
        ratings = tuple(
            rate(p, 1 + (n + month) % 10, 1 + n % 10, 1 + (n * 3) % 10, 5)
            for n, p in enumerate(people)
        )
        journal.audits.save(Audit(taken_on=on, ratings=ratings, blocking_superior=month % 7 == 0))


def test_a_page_of_forty_audits_opens_fast(qtbot: Any, journal: Journal, ui_settings: Any) -> None:
    from cxjournal.ui.main_window import MainWindow

    forty_audits(journal)
    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.pages.pop("audits", None)  # measure a first visit, built from nothing
    window.page("audits").refresh_if_stale()
    window.navigate("audits")
    page = window.page("audits")
    assert page.model.rowCount() == 40


def _count_analyses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads audits were analysed on for the list's alarm bells, one entry an audit
    (none remembered from an earlier test)."""
    import threading

    from cxjournal.journal import audits as journal_audits

    journal_audits.alarm_codes.cache_clear()
    threads: list[int] = []
    analyse = journal_audits.analyse

    def counted(audit: Audit, thresholds: Thresholds) -> Any:
        threads.append(threading.get_ident())
        return analyse(audit, thresholds)

    monkeypatch.setattr(journal_audits, "analyse", counted)
    return threads


@pytest.mark.parametrize("in_turns", [True, False])
def test_after_the_warm_up_the_first_visit_analyses_no_audit(
    qtbot: Any, main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch, in_turns: bool
) -> None:
    import threading

    from cxjournal.ui import warm_up

    forty_audits(journal)
    analysed = _count_analyses(monkeypatch)
    if in_turns:  # as the app does it after the first paint
        finished: list[bool] = []
        warm_up.prebuild_in_turns(main_window, then=lambda: finished.append(True))
        qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
        assert len(analysed) == 40 and threading.get_ident() not in analysed  # off the GUI thread
    else:
        warm_up.prebuild(main_window)
        assert len(analysed) == 40
    assert "audits" not in main_window.pages  # the page itself is built when first visited
    del analysed[:]
    main_window.navigate("audits")
    page = main_window.page("audits")
    assert page.model.rowCount() == 40
    # the list's alarm bells were worked out already: only the selected audit's results
    assert len(analysed) == 1
    # a changed audit is analysed again for the list, and only that one
    del analysed[:]
    journal.audits.save(replace(journal.audits.all()[1], taken_on=dt.date(2030, 1, 1)))
    main_window.bus.announce(Area.AUDITS)
    page.refresh_if_stale()
    assert len(analysed) == 2  # the changed one for the list, the selected one's results


def test_opening_the_audits_page_does_not_import_pyqtgraph(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        forty_audits(journal)
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from cxjournal.journal import Journal; from cxjournal.ui.main_window import MainWindow; "
        f"w = MainWindow(Journal.open({str(journal_path)!r})); w.show(); w.navigate('audits'); "
        "app.processEvents(); p = w.page('audits'); assert p.model.rowCount() == 40; "
        "print('PG', 'pyqtgraph' in sys.modules); p.tabs.setCurrentWidget(p.map); "
        "app.processEvents(); print('PG', 'pyqtgraph' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["PG", "False", "PG", "True"]


def test_navigating_with_new_opens_the_form_for_a_new_audit(main_window: Any) -> None:
    main_window.navigate("audits", new=True)
    page = main_window.page("audits")
    assert page.editor is not None and page.editor.isVisible()
    page.editor.reject()


class CountingDelegate(QStyledItemDelegate):
    """Counts the cells measured (a row's height is the tallest of its cells' size hints),
    whoever asks: the table fitting its rows, or a layout pass."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.measured = 0

    def sizeHint(self, option: Any, index: Any) -> Any:
        self.measured += 1
        return super().sizeHint(option, index)


def test_a_second_visit_measures_no_row_again(
    qtbot: Any, main_window: Any, journal: Journal, people: list[Person]
) -> None:
    forty_audits(journal)
    page = show_audits(main_window)
    table = page.table
    counting = CountingDelegate(table)
    table.setItemDelegate(counting)

    def fits() -> bool:
        return all(
            table.rowHeight(row) >= table.sizeHintForRow(row)
            for row in range(page.model.rowCount())
        )

    main_window.navigate("today")
    main_window.navigate("audits")
    QApplication.processEvents()
    assert table.isVisible() and counting.measured == 0  # the same rows at the same width

    # a narrower alarm-bells column: the bells wrap onto more lines, every one still shown
    before = [table.rowHeight(row) for row in range(page.model.rowCount())]
    measured = page.rows.measured
    header = table.horizontalHeader()
    header.resizeSection(PEOPLE, header.sectionSize(PEOPLE) + header.sectionSize(ALARMS) // 2)
    qtbot.waitUntil(fits)
    assert page.rows.measured > measured
    assert [table.rowHeight(row) for row in range(len(before))] != before

    # a new audit: the list's rows are measured again, the new one with them
    ana, ben = people[:2]
    journal.audits.save(
        Audit(taken_on=dt.date(2030, 1, 1), ratings=(rate(ana, 9, 9, 2, 2), rate(ben, 8, 8, 2, 2)))
    )
    measured = page.rows.measured
    main_window.bus.announce(Area.AUDITS)
    QApplication.processEvents()
    assert page.model.rowCount() == 41 and page.rows.measured > measured and fits()

    # a larger font: taller lines, and the rows grow to hold them
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    measured = page.rows.measured
    table.setFont(font)
    qtbot.waitUntil(fits)
    assert page.rows.measured > measured


def test_a_refresh_after_a_note_keeps_the_list_and_measures_no_row(
    main_window: Any, journal: Journal, people: list[Person]
) -> None:
    """A note changes no audit: the list shown is the list read, so the table keeps its
    rows (no reset) and no row of the forty is measured again."""
    forty_audits(journal)
    page = show_audits(main_window)
    QApplication.processEvents()
    counting = CountingDelegate(page.table)
    page.table.setItemDelegate(counting)
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    selected = page.selected_id()
    journal.notes.add(Note(dt.date(2026, 3, 2), "a talk", NoteKind.ONE_ON_ONE, people[0].id))
    page.refresh()
    QApplication.processEvents()
    assert resets == [] and counting.measured == 0
    assert page.selected_id() == selected and page.model.rowCount() == 40


def _cells_measured_at_first_visit(qtbot: Any, tmp_path: Path, audits: int) -> tuple[int, int]:
    """The cells the Audits page's first visit measures before its first paint, and the
    rows it leaves for after it, on a journal of ``audits`` monthly audits."""
    from PySide6.QtCore import QSettings

    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(tmp_path / f"{audits}.db")
    ana = journal.people.add(Person(name="Ana"))
    ben = journal.people.add(Person(name="Ben"))
    for month in range(audits):
        on = dt.date(2000 + month // 12, month % 12 + 1, 1)
        ratings = (rate(ana, 1 + month % 10, 5, 5, 5), rate(ben, 5, 1 + month % 10, 5, 5))
        journal.audits.save(Audit(taken_on=on, ratings=ratings, blocking_superior=month % 3 == 0))
    settings = QSettings(str(tmp_path / f"{audits}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(journal, settings=settings)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("audits")
    counting = CountingDelegate(page.table)
    page.table.setItemDelegate(counting)
    window.navigate("audits")
    found = counting.measured, len(page.rows.unmeasured)
    qtbot.waitUntil(lambda: not page.rows.unmeasured)  # the rest, once painted
    assert all(
        page.table.rowHeight(row) >= page.table.sizeHintForRow(row)
        for row in range(page.model.rowCount())
    )
    window.close()
    journal.close()
    return found


def test_a_first_visit_measures_the_rows_a_screen_shows_however_many_audits(
    qtbot: Any, tmp_path: Path
) -> None:
    few_cells, few_left = _cells_measured_at_first_visit(qtbot, tmp_path, 60)
    many_cells, many_left = _cells_measured_at_first_visit(qtbot, tmp_path, 180)
    assert few_cells == many_cells  # the rows a screen shows, not ten or thirty years of them
    assert many_left == few_left + 120
