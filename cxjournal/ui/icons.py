"""SVG icons shipped in ``resources/icons``, read through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

from cxjournal.qt.gui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if it is missing."""
    entry = resources.files("resources").joinpath("icons").joinpath(f"{name}.svg")
    if not entry.is_file():
        return QIcon()
    with resources.as_file(entry) as path:
        return QIcon(str(path))


def app_icon() -> QIcon:
    return icon("cxjournal")


#: the grey the page icons are drawn in (resources/icons/*.svg)
ICON_GREY = "#6b7c93"
SELECTED_SIZES = (16, 20, 24, 32, 40, 48)


@cache
def selectable_icon(name: str, selected: str) -> QIcon:
    """``name``'s icon, drawn in the colour ``selected`` (the palette's selected text)
    where its row is selected: grey on the highlight would all but vanish."""
    from cxjournal.qt.core import QByteArray, Qt
    from cxjournal.qt.gui import QPainter, QPixmap
    from cxjournal.qt.svg import QSvgRenderer

    entry = resources.files("resources").joinpath("icons").joinpath(f"{name}.svg")
    if not entry.is_file():
        return QIcon()
    result = QIcon(icon(name))
    text = entry.read_text(encoding="utf-8").replace(ICON_GREY, selected)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    for size in SELECTED_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap, QIcon.Mode.Selected)
    return result
