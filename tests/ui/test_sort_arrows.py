"""Table headers' sort arrows are drawn solid in the header's text colour, clearly
visible (WCAG AA for text) in the light and the dark palette, pointing as before."""

from __future__ import annotations

from typing import Any

import pytest

from cxjournal.qt.core import QRectF, Qt
from cxjournal.qt.gui import QColor, QImage, QPalette
from cxjournal.qt.widgets import QApplication, QTableWidget
from cxjournal.ui import sort_arrows, theme


def _header_image(qtbot: Any, palette: QPalette, order: Qt.SortOrder) -> tuple[QImage, int]:
    table = QTableWidget(3, 2)
    qtbot.addWidget(table)
    table.setPalette(palette)
    table.setHorizontalHeaderLabels(["Name", "Key"])
    table.resize(320, 120)
    table.setSortingEnabled(True)
    sort_arrows.use_for(table)
    table.horizontalHeader().setSortIndicator(0, order)
    header = table.horizontalHeader()
    return header.grab().toImage(), header.sectionSize(0)


def _arrow_rows(image: QImage, width: int, colour: QColor) -> list[int]:
    """How many pixels of ``colour`` each row has in the right end of the first section."""
    return [
        sum(QColor(image.pixel(x, y)) == colour for x in range(width - 24, width - 1))
        for y in range(image.height())
    ]


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_sort_arrow_is_solid_and_readable(qtbot: Any, name: str) -> None:
    palette = theme.readable(theme.palette_for(name))
    image, width = _header_image(qtbot, palette, Qt.SortOrder.AscendingOrder)
    ink = palette.color(QPalette.ColorRole.ButtonText)
    rows = _arrow_rows(image, width, ink)
    assert sum(rows) >= 12, [r for r in rows if r]  # a solid arrow, not a faint translucent one
    background = QColor(image.pixel(width // 2, 1))
    assert theme.contrast_ratio(ink, background) >= theme.AA_TEXT, (name, background.name())
    drawn = [count for count in rows if count]
    assert drawn[0] > drawn[-1]  # ascending (A to Z) points down, as the platform draws it

    image, width = _header_image(qtbot, palette, Qt.SortOrder.DescendingOrder)
    drawn = [count for count in _arrow_rows(image, width, ink) if count]
    assert drawn[0] < drawn[-1]  # descending points up


def test_the_arrow_fits_its_place() -> None:
    small = sort_arrows.arrow_points(QRectF(0, 0, 6, 20), pointing_up=True).boundingRect()
    assert small.width() <= 6
    large = sort_arrows.arrow_points(QRectF(0, 0, 40, 40), pointing_up=False).boundingRect()
    assert large.width() == sort_arrows.ARROW_WIDTH
    assert QRectF(0, 0, 40, 40).contains(large)


def test_the_sortable_tables_headers_share_the_style_and_nothing_else_uses_it(
    main_window: Any,
) -> None:
    style = sort_arrows.header_style()
    tables = [
        main_window.page("people").table,
        main_window.page("audits").table,
        main_window.page("resilience").history_view,
    ]
    for table in tables:
        assert table.isSortingEnabled()
        assert table.horizontalHeader().style() is style
        assert table.style() is not style  # the cells are drawn by the platform style
    assert not isinstance(QApplication.style(), sort_arrows.SortArrowStyle)
    assert sort_arrows.header_style() is style
