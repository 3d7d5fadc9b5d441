"""The balance map: points where the scores put them, names, hover text, the diagonal,
named regions drawn from the thresholds, and the lazy stand-in that builds it on show."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtGui import QPalette

from cxjournal.domain.model import Person, Rating
from cxjournal.domain.power_audit import ContactScore, score_rating
from cxjournal.domain.thresholds import Thresholds


def contact(name: str, v: int, i: int, mv: int, mi: int) -> ContactScore:
    return score_rating(Rating(Person(name=name, id=hash(name) % 1000), v, i, mv, mi))


@pytest.fixture
def contacts() -> list[ContactScore]:
    return [
        contact("Ana Silva", 8, 7, 5, 4),  # 5.6, 2.0: you lean on them
        contact("Ben Okafor", 3, 4, 6, 5),  # 1.2, 3.0
        contact("Chen Wu", 9, 9, 8, 8),  # 8.1, 6.4: deep
        contact("Dana Roy", 2, 5, 9, 9),  # 1.0, 8.1: they lean on you
    ]


@pytest.fixture
def chart(qtbot: Any) -> Any:
    from cxjournal.ui.charts.balance_map import BalanceMap

    widget = BalanceMap()
    qtbot.addWidget(widget)
    widget.resize(480, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_points_sit_at_both_dependences(chart: Any, contacts: list[ContactScore]) -> None:
    chart.set_contacts(contacts, Thresholds())
    assert chart.points() == [(5.6, 2.0), (1.2, 3.0), (8.1, 6.4), (1.0, 8.1)]
    assert [label.toPlainText() for label in chart.name_labels] == [
        "Ana Silva",
        "Ben Okafor",
        "Chen Wu",
        "Dana Roy",
    ]
    chart.set_contacts(contacts[:1], Thresholds())
    assert chart.points() == [(5.6, 2.0)]
    assert len(chart.name_labels) == 1


def test_hover_text_names_the_person_and_both_values(
    chart: Any, contacts: list[ContactScore]
) -> None:
    chart.set_contacts(contacts, Thresholds())
    text = chart.tip_text(5.6, 2.0, 0)
    assert text.splitlines() == [
        "Ana Silva",
        "You depend on them: 5.6",
        "They depend on you: 2.0",
        "Balance: -3.6 (You lean on them)",
    ]
    assert chart.scatter.opts["hoverable"] is True
    assert chart.scatter.opts["tip"] == chart.tip_text


def test_diagonal_regions_and_axes(chart: Any, contacts: list[ContactScore]) -> None:
    chart.set_contacts(contacts, Thresholds())
    xs, ys = chart.diagonal.getData()
    assert list(xs) == list(ys) == [0.0, 10.0]
    assert [label.toPlainText() for label in chart.region_labels] == [
        "Deep",
        "Transactional",
        "You lean on them",
        "They lean on you",
    ]
    item = chart.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "Your dependence on them"
    assert item.getAxis("left").labelText == "Their dependence on you"
    base = chart.palette().color(QPalette.ColorRole.Base)
    assert chart.plot.backgroundBrush().color() == base


def test_region_boundaries_follow_the_thresholds(chart: Any, contacts: list[ContactScore]) -> None:
    chart.set_contacts(contacts, Thresholds())
    lines = [tuple(map(list, line.getData())) for line in chart.boundaries]
    assert ([6.0, 6.0, 10.0], [10.0, 6.0, 6.0]) in lines  # deep: both >= 6
    assert ([0.0, 3.0, 3.0], [3.0, 3.0, 0.0]) in lines  # transactional: both <= 3
    assert ([3.0, 10.0], [0.0, 7.0]) in lines  # you lean on them: 3 or more below
    chart.set_contacts(contacts, Thresholds(deep_min=8, transactional_max=2, lean_gap=4))
    lines = [tuple(map(list, line.getData())) for line in chart.boundaries]
    assert ([8.0, 8.0, 10.0], [10.0, 8.0, 8.0]) in lines
    assert ([4.0, 10.0], [0.0, 6.0]) in lines
    assert len(lines) == 4


def test_people_on_the_same_spot_share_a_label(chart: Any) -> None:
    same = [contact("Ana", 5, 5, 5, 5), contact("Ben", 5, 5, 5, 5), contact("Cy", 2, 2, 9, 9)]
    chart.set_contacts(same, Thresholds())
    assert [label.toPlainText() for label in chart.name_labels] == ["Ana, Ben", "Cy"]


def test_names_beside_close_points_do_not_cover_each_other(qtbot: Any, chart: Any) -> None:
    close = [contact(name, 4, 4, 4, 4 + k) for k, name in enumerate(("Ana Silva", "Ben Okafor"))]
    close += [contact("Chen Wu", 5, 4, 4, 4), contact("Dana Roy", 4, 5, 4, 5)]
    chart.set_contacts(close, Thresholds())

    def apart() -> None:  # labels are placed again once the view has its final size
        for a, b in itertools.combinations(chart.label_rects(), 2):
            assert not a.intersects(b), (a, b)

    qtbot.waitUntil(apart)


def test_the_map_is_square(chart: Any) -> None:
    chart.resize(600, 400)
    legend = chart.legend.geometry()
    assert chart.plot.width() == chart.plot.height() == 400 - legend.height() - 4
    assert chart.plot.geometry().bottom() < legend.top()  # the legend covers no point


def test_points_are_coloured_by_kind_with_a_legend(chart: Any) -> None:
    from cxjournal.domain.power_audit import ContactKind, kind_label
    from cxjournal.qt.gui import QPalette
    from cxjournal.ui import theme

    people = [contact("Deep", 9, 9, 9, 9), contact("Thin", 1, 1, 1, 1), contact("Lean", 9, 9, 1, 1)]
    chart.set_contacts(people, Thresholds())
    brushes = [spot.brush().color().name() for spot in chart.scatter.points()]
    kinds = [c.kind for c in chart.contacts()]
    assert brushes == [chart.kind_colour(kind).name() for kind in kinds]
    assert len(set(brushes)) == 3
    text = chart.legend.text()
    for kind in ContactKind:
        assert kind_label(kind) in text and chart.kind_colour(kind).name() in text
    dark = theme.readable(theme.dark_palette())
    chart.setPalette(dark)
    base = dark.color(QPalette.ColorRole.Base)
    for kind in ContactKind:
        assert theme.contrast_ratio(chart.kind_colour(kind), base) >= theme.AA_GRAPHICS


def test_lazy_map_builds_the_chart_only_when_shown(
    qtbot: Any, contacts: list[ContactScore]
) -> None:
    from cxjournal.ui.widgets.lazy_balance_map import LazyBalanceMap

    holder = LazyBalanceMap()
    qtbot.addWidget(holder)
    holder.set_contacts(contacts, Thresholds())
    assert holder.chart is None
    holder.show()
    qtbot.waitExposed(holder)
    assert holder.chart is not None
    assert len(holder.chart.points()) == 4
    holder.set_contacts([], Thresholds())
    assert holder.empty.isVisible() and not holder.chart.isVisible()
