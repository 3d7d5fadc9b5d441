"""Windows and dialogs sized from the screen they open on, never past its edges.

Every window asks for a roomy size and gets at most what the screen it opens
on has free (``QScreen.availableGeometry()``: the screen less its panels and
docks), less the window manager's frame. What does not fit scrolls inside.
"""

from __future__ import annotations

from cxjournal.qt.core import QRect, QSize
from cxjournal.qt.gui import QGuiApplication
from cxjournal.qt.widgets import QWidget

#: what a window manager's frame takes (title bar, borders), until the window is shown
#: and its real frame is known
FRAME_ALLOWANCE = QSize(8, 32)
#: the smallest free area cxjournal is laid out for: a 1024x640 laptop screen less a panel
SMALLEST_SCREEN = QSize(1024, 600)


def available_area(widget: QWidget | None = None) -> QRect:
    """The free area of the screen ``widget`` (or its parent window) is on, or of the
    primary screen."""
    screen = None
    here = widget
    while here is not None and screen is None:
        # a dialog not shown yet opens on the screen of the window it belongs to
        window = here.window()
        if window.isVisible() or window.parentWidget() is None:
            screen = window.screen()
        here = window.parentWidget()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height())
    return screen.availableGeometry()


def frame_allowance(window: QWidget) -> QSize:
    """What the frame adds to ``window``: measured once shown, else the usual allowance."""
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame.size() != inner.size():
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return FRAME_ALLOWANCE


def room_for(window: QWidget, area: QRect | None = None) -> QSize:
    """The largest size ``window`` can have, frame included, inside ``area`` (by default
    the free area of its screen)."""
    area = area if area is not None else available_area(window)
    frame = frame_allowance(window)
    return QSize(max(200, area.width() - frame.width()), max(150, area.height() - frame.height()))


def fit_to_screen(window: QWidget, wanted: QSize, area: QRect | None = None) -> QSize:
    """Resize ``window`` to ``wanted``, or less where the screen has less room, and
    keep its minimum inside the screen too. Returns the size given."""
    room = room_for(window, area)
    minimum = window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        window.setMinimumSize(
            min(minimum.width(), room.width()), min(minimum.height(), room.height())
        )
    size = QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))
    window.resize(size)
    return size


def keep_on_screen(window: QWidget, area: QRect | None = None) -> None:
    """Move ``window`` (already sized) so that its frame lies inside ``area``."""
    area = area if area is not None else available_area(window)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.x()), max(y, area.y()))
