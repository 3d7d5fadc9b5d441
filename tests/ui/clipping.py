"""What a user would see cut off in a window: clipped labels and buttons, elided column
titles and tabs, columns out of sight, a window larger than its screen.

Shared by the screen-fit checks (``screen_fit_checks.py``, run on a small virtual
screen by ``test_fits_the_screen.py``).
"""

from __future__ import annotations

from cxjournal.qt.core import QRect, Qt
from cxjournal.qt.widgets import (
    QAbstractButton,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)

#: a pixel of rounding either way is not a clipped glyph
SLACK = 1


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    title = widget.accessibleName() or widget.objectName() or text
    return f"{type(widget).__name__} {title[:60]!r}"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _in_view(widget: QWidget, window: QWidget) -> bool:
    """Whether any of ``widget`` is inside the window's own area (a widget scrolled out
    of a scroll area's view counts as shown: the user can scroll to it)."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(top_left, widget.size()).intersects(window.rect())


def clipped_texts(window: QWidget) -> list[str]:
    """Every text in ``window`` (and its visible children) that does not fully show."""
    problems: list[str] = []
    for label in window.findChildren(QLabel):
        if not _shown(label, window) or not label.text() or not label.pixmap().isNull():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + SLACK:
                problems.append(f"{_name(label)} needs {needed} px of height, has {label.height()}")
        elif label.sizeHint().width() > label.width() + SLACK:
            problems.append(
                f"{_name(label)} needs {label.sizeHint().width()} px, has {label.width()}"
            )
    for button in window.findChildren(QAbstractButton):
        if not _shown(button, window) or not button.text():
            continue
        if button.sizeHint().width() > button.width() + SLACK:
            problems.append(
                f"{_name(button)} needs {button.sizeHint().width()} px, has {button.width()}"
            )
    for table in window.findChildren(QTableView):
        if not _shown(table, window):
            continue
        problems += _table_problems(table)
    for tabs in window.findChildren(QTabWidget):
        if not _shown(tabs, window):
            continue
        bar = tabs.tabBar()
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue
            wanted = bar.tabSizeHint(index).width()
            if bar.tabRect(index).width() + SLACK < wanted:
                problems.append(f"tab {bar.tabText(index)!r} is shortened")
            if not bar.rect().contains(bar.tabRect(index)):
                problems.append(f"tab {bar.tabText(index)!r} is out of sight")
    return problems


def _table_problems(table: QTableView) -> list[str]:
    problems: list[str] = []
    model = table.model()
    if model is None:
        return problems
    header = table.horizontalHeader()
    if header.isHidden():
        return problems
    metrics = header.fontMetrics()
    # the style's margins around a header's text, and room for the sort arrow
    padding = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin, None)
    name = table.accessibleName() or type(table).__name__
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.sectionSize(column)
        needed = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            needed += header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize)
        if needed + padding > width + SLACK:
            problems.append(f"{name}: column title {text!r} needs {needed + padding}, has {width}")
    viewport = table.viewport().width()
    if header.length() > viewport + SLACK and table.horizontalScrollBar().maximum() > 0:
        hidden = [
            str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for column in range(model.columnCount())
            if not header.isSectionHidden(column)
            and header.sectionViewportPosition(column) + header.sectionSize(column) > viewport
        ]
        problems.append(f"{name}: columns out of sight without scrolling: {hidden}")
    return problems


def window_problems(window: QWidget, area: QRect) -> list[str]:
    """A window larger than ``area`` (frame included), or reaching past it."""
    from cxjournal.ui.screen_fit import frame_allowance

    frame = frame_allowance(window)
    outer = QRect(window.pos(), window.size() + frame)
    problems = []
    if outer.width() > area.width() or outer.height() > area.height():
        problems.append(
            f"window {window.windowTitle()!r} is {outer.width()}x{outer.height()} with its frame,"
            f" the screen has {area.width()}x{area.height()}"
        )
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() + frame.width() > area.width() or (
        minimum.height() + frame.height() > area.height()
    ):
        problems.append(
            f"window {window.windowTitle()!r} cannot shrink below "
            f"{minimum.width()}x{minimum.height()}"
        )
    return problems
