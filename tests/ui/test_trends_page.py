"""The Trends page, driven like a user: empty, one audit, check-ins only, ten years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette

from cxjournal.domain.model import Aspects, Audit, Person, Rating, ResilienceEntry
from cxjournal.domain.power_audit import analyse
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area

D = dt.date
TODAY = D(2026, 11, 20)


def _date_x(day: dt.date) -> float:
    from cxjournal.ui.charts.chart_theme import date_x

    return date_x(day)


@pytest.fixture(scope="module")
def ten_year_path(
    tmp_path_factory: pytest.TempPathFactory, build_demo_journal: Callable[..., Path]
) -> Path:
    """The 10-year demo journal, built once for the module through the importer."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return build_demo_journal(path, years=10, seed=1, today=TODAY)


@pytest.fixture
def demo_window(qtbot: Any, ten_year_path: Path, tmp_path: Path) -> Iterator[Any]:
    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(ten_year_path)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(journal, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    journal.close()


def _open_trends(window: Any) -> Any:
    window.navigate("trends")
    return window.page("trends")


def _ydata(item: Any) -> np.ndarray:
    return np.asarray(item.getOriginalDataset()[1])


# --------------------------------------------------------------------------- empty


def test_empty_journal_explains_itself_without_building_charts(
    main_window: Any, qtbot: Any
) -> None:
    page = _open_trends(main_window)
    assert page.stack.currentIndex() == 0
    assert page.empty_label.isVisible()
    assert "Nothing to chart yet" in page.empty_label.text()
    assert page.influence_chart is None  # no pyqtgraph for an empty journal
    assert not page.export_button.isEnabled()
    assert not page.range_buttons[1].isEnabled()
    qtbot.mouseClick(page.first_audit_button, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "audits"


def test_the_empty_page_redraws_when_an_audit_arrives(main_window: Any, journal: Journal) -> None:
    page = _open_trends(main_window)
    assert page.stack.currentIndex() == 0
    ana = journal.people.add(Person("Ana Silva"))
    journal.audits.save(Audit(D(2026, 3, 1), (Rating(ana, 8, 5, 4, 5),)))
    page.announce(Area.AUDITS)
    assert page.stack.currentIndex() == 1
    assert page.influence_chart is not None
    assert "1 audit, Mar 2026" in page.summary.text()


# --------------------------------------------------------------------------- one audit


@pytest.fixture
def one_audit(journal: Journal) -> Audit:
    ana = journal.people.add(Person("Ana Silva", team="Ops", location="Lisbon"))
    ben = journal.people.add(Person("Ben Okafor", team="Ops", location="Lagos"))
    chen = journal.people.add(Person("Chen Wei", team="Ops", location="Lisbon"))
    return journal.audits.save(
        Audit(
            D(2026, 3, 1),
            (
                Rating(ana, 8, 5, 4, 5, Aspects(information_sharing=6)),
                Rating(ben, 6, 6, 2, 3, Aspects(information_sharing=3, career_guidance=7)),
                Rating(chen, 3, 3, 3, 3),
            ),
        )
    )


def test_one_audit_is_one_point_with_a_note_and_exact_hover_figures(
    main_window: Any, journal: Journal, one_audit: Audit
) -> None:
    page = _open_trends(main_window)
    chart = page.influence_chart
    assert page.stack.currentIndex() == 1
    assert page.note.isVisible() and "One audit so far (1 March 2026)" in page.note.text()
    # by hand: reliance 4.0 + 3.6 + 0.9 = 8.5, influence 2.0 + 0.6 + 0.9 = 3.5
    assert _ydata(chart.reliance) == pytest.approx([8.5])
    assert _ydata(chart.influence) == pytest.approx([3.5])
    assert _ydata(chart.net_balance) == pytest.approx([-5.0])
    assert _ydata(chart.reach["team"]) == pytest.approx([1])
    assert _ydata(chart.reach["location"]) == pytest.approx([2])
    assert chart.imbalance_line.value() == pytest.approx(0.67)
    text = chart.hover_at(_date_x(D(2026, 3, 1)) + 5 * 86400)
    assert "Audit of 1 Mar 2026" in text
    assert "they rely on you 3.5, you rely on them 8.5, net balance \N{MINUS SIGN}5.0" in text
    assert "influence ratio 0.41" in text
    assert "reach 1 teams" in text
    expected = analyse(one_audit)
    titles = chart.alarm_tip_texts()
    assert len(titles) == len({a.code for a in expected.alarms})
    assert any(expected.alarms[0].message[:40] in tip.replace("\n", " ") for tip in titles)
    assert chart.empty_notes[chart.resilience_plot].isVisible()  # no check-ins yet


def test_per_person_tab_preselects_the_people_you_depend_on_most(
    main_window: Any, one_audit: Audit, qtbot: Any
) -> None:
    page = _open_trends(main_window)
    page.tabs.setCurrentIndex(1)
    names = [page.people_list.item(r).text() for r in range(page.people_list.count())]
    assert names == ["Ana Silva", "Ben Okafor", "Chen Wei"]
    assert page.person_chart.shown_people() == ["Ana Silva", "Ben Okafor", "Chen Wei"]
    # untick Ana by keyboard-free toggling of the check state, as a click would
    page.people_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert page.person_chart.shown_people() == ["Ben Okafor", "Chen Wei"]
    text = page.person_chart.hover_at(_date_x(D(2026, 3, 1)))
    assert "Ben Okafor: you on them 3.6, they on you 0.6" in text
    assert "Information sharing 3 (Ben Okafor 3)" in text
    assert "Career guidance 7 (Ben Okafor 7)" in text
    qtbot.keyClicks(page.people_filter, "chen")
    hidden = [page.people_list.item(r).isHidden() for r in range(3)]
    assert hidden == [True, True, False]
    qtbot.mouseClick(page.clear_people, Qt.MouseButton.LeftButton)
    assert page.person_chart.shown_people() == []
    assert "Choose one or more people" in page.person_chart.readout.text()


def test_check_ins_without_audits_still_draw(main_window: Any, journal: Journal) -> None:
    journal.resilience.save_many(
        ResilienceEntry(D(2026, 1, 1) + dt.timedelta(days=n), 5 + n % 3, 4, 6) for n in range(40)
    )
    page = _open_trends(main_window)
    chart = page.influence_chart
    assert page.stack.currentIndex() == 1
    assert "No power audit yet" in page.note.text()
    assert "40 check-ins" in page.summary.text()
    assert len(_ydata(chart.energy)) == 40
    assert chart.empty_notes[chart.balance_plot].isVisible()
    assert not chart.empty_notes[chart.resilience_plot].isVisible()
    text = chart.hover_at(_date_x(D(2026, 1, 10)))
    assert "Check-ins" in text and "to 10 Jan 2026" in text


# --------------------------------------------------------------------------- ten years


def test_ten_years_draw_every_audit_and_every_check_in(demo_window: Any) -> None:
    journal = demo_window.journal
    page = _open_trends(demo_window)
    chart = page.influence_chart
    audits = journal.audits.all()
    assert len(audits) >= 35
    assert f"{len(audits)} audits" in page.summary.text()
    assert f"{journal.resilience.count():,} check-ins" in page.summary.text()
    assert len(_ydata(chart.influence)) == len(audits)
    latest = analyse(audits[-1], journal.settings.thresholds())
    assert latest.totals is not None
    assert _ydata(chart.influence)[-1] == pytest.approx(latest.totals.influence)
    assert _ydata(chart.top2)[-1] == pytest.approx(latest.totals.top2_share)
    marked = sum(len({a.code for a in analyse(x).alarms}) for x in audits)
    assert len(chart.alarm_tip_texts()) == marked
    text = chart.hover_at(_date_x(audits[-1].taken_on))
    assert f"influence ratio {latest.totals.influence_ratio:.2f}" in text
    assert not page.note.isVisible()


def test_the_readout_gives_the_latest_figures_and_the_chart_never_moves(
    demo_window: Any, qtbot: Any
) -> None:
    """The room kept above the chart for the figures at the pointer is never an empty band:
    until the pointer picks an audit it holds the latest audit's and check-ins' figures, in
    as many lines, so the chart stays where it is when the pointer moves onto it."""
    from PySide6.QtWidgets import QApplication

    page = _open_trends(demo_window)
    chart = page.influence_chart
    QApplication.processEvents()
    audits = page.trends.audits
    latest = chart.readout.text()
    assert latest.startswith("Latest: ")
    assert f"Audit of {audits[-1].taken_on.day} " in latest
    assert "30 days to" in latest
    assert "Point at the chart" in chart.readout.toolTip()
    top = chart.scroll_area.geometry().top()
    chart.hover_at(_date_x(audits[-5].taken_on))
    QApplication.processEvents()
    assert chart.readout.text() != latest
    assert chart.scroll_area.geometry().top() == top  # the chart did not move
    page.smoothing.setCurrentIndex(0)  # 7-day means: the latest figures in those
    assert chart.readout.text().startswith("Latest: ")
    assert "7 days to" in chart.readout.text()


def test_range_presets_and_smoothing(demo_window: Any, qtbot: Any) -> None:
    page = _open_trends(demo_window)
    chart = page.influence_chart
    first, last = chart.visible_range()
    assert (last - first).days > 9 * 365
    qtbot.mouseClick(page.range_buttons[1], Qt.MouseButton.LeftButton)
    first, last = chart.visible_range()
    assert 360 <= (last - first).days <= 420
    assert last >= TODAY - dt.timedelta(days=30)
    qtbot.mouseClick(page.range_buttons[3], Qt.MouseButton.LeftButton)
    first, last = chart.visible_range()
    assert 3 * 365 <= (last - first).days <= 3 * 365 + 80
    # the per-person chart follows the same range
    page.tabs.setCurrentIndex(1)
    p_first, p_last = page.person_chart.visible_range()
    assert 2 * 365 < (p_last - p_first).days <= 3 * 365 + 80

    count = demo_window.journal.resilience.count()
    page.smoothing.setCurrentIndex(0)  # 7-day means
    assert len(_ydata(chart.energy)) == count
    assert "7-day means" in chart.resilience_plot.titleLabel.text
    page.smoothing.setCurrentIndex(2)  # weekly
    assert len(_ydata(chart.energy)) == len(page.trends.resilience.weeks)
    assert count / 7 <= len(page.trends.resilience.weeks) <= count / 7 * 1.3 + 2
    assert "weekly averages" in chart.resilience_plot.titleLabel.text


def test_ten_years_redraw_every_chart(demo_window: Any, qtbot: Any) -> None:
    """A full redraw (data changed) and a refresh with nothing changed both leave every audit
    on the chart; how long they take is the benchmark's business (scripts/run-benchmark)."""
    from PySide6.QtWidgets import QApplication

    page = _open_trends(demo_window)
    app = QApplication.instance()
    for force in (True, False):
        if force:
            page.trends = None  # as if the data had changed: every item redrawn
        page.refresh()
        demo_window.repaint()
        app.processEvents()
        assert len(_ydata(page.influence_chart.influence)) == len(page.trends.audits)


def test_charts_follow_the_palette(demo_window: Any) -> None:
    page = _open_trends(demo_window)
    chart = page.influence_chart
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    chart.setPalette(dark)
    assert chart.view.backgroundBrush().color() == QColor("#1e1e1e")
    axis_pen = chart.balance_plot.getAxis("left").textPen()
    assert axis_pen.color() == QColor("#e6e6e6")


def test_open_item_picks_a_range_and_people(demo_window: Any) -> None:
    journal = demo_window.journal
    person = journal.audits.all()[-1].ratings[0].person
    demo_window.navigate("trends", years=1, person_ids=[person.id])
    page = demo_window.page("trends")
    assert page.years == 1 and page.range_buttons[1].isChecked()
    assert page.tabs.currentIndex() == 1
    assert page.person_chart.shown_people() == [person.name]


def test_density_and_effective_size_follow_the_audits_that_record_ties(
    main_window: Any, journal: Journal
) -> None:
    people = [journal.people.add(Person(n)) for n in ("Ana", "Ben", "Chen")]
    ratings = tuple(Rating(p, 6, 6, 5, 5) for p in people)
    journal.audits.save(Audit(D(2025, 1, 1), ratings))  # who knows whom not recorded
    journal.audits.save(Audit(D(2025, 4, 1), ratings, ties=((0, 1),), ties_recorded=True))
    chart = _open_trends(main_window).influence_chart
    density, size = _ydata(chart.density), _ydata(chart.effective_size)
    assert np.isnan(density[0]) and np.isnan(size[0])  # a gap, not a zero
    assert density[1] == pytest.approx(1 / 3) and size[1] == pytest.approx(3 - 2 / 3)
    text = chart.hover_at(_date_x(D(2025, 4, 1)))
    assert "network density 0.33, effective size 2.3" in text


@pytest.mark.parametrize("name", ["dark", "light"])
def test_per_person_lines_stand_out_in_either_theme_and_follow_a_switch(
    main_window: Any, one_audit: Audit, name: str
) -> None:
    import pyqtgraph as pg

    from cxjournal.ui import theme

    page = _open_trends(main_window)
    page.tabs.setCurrentIndex(1)
    chart = page.person_chart

    def colours(palette: QPalette) -> list[str]:
        base = palette.color(QPalette.ColorRole.Base)
        lines = [pg.mkPen(i.opts["pen"]).color() for i in chart.dependence_plot.listDataItems()]
        assert len(lines) == 6  # three people, two lines each
        for colour in lines:
            assert theme.contrast_ratio(colour, base) >= theme.AA_GRAPHICS, colour.name()
        return [c.name() for c in lines]

    chosen = theme.readable(theme.palette_for(name))
    chart.setPalette(chosen)
    # lines drawn after the theme was chosen (a new selection) are in its colours too
    page.people_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    page.people_list.item(0).setCheckState(Qt.CheckState.Checked)
    first = colours(chosen)
    other = theme.readable(theme.palette_for("light" if name == "dark" else "dark"))
    chart.setPalette(other)
    assert colours(other) != first
    chart.setPalette(chosen)
    assert colours(chosen) == first
