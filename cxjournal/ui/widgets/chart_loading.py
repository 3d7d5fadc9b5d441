"""A chart that appears when it is ready: a plain line where it will be, then the chart.

A page shown the moment the window appears (the warm-up thread still loading pyqtgraph,
``ui/warm_up.py``) paints its frame at once with :class:`ChartLoading` where each chart
will be, and builds its charts after that paint with :class:`ChartTurns`: a step per turn
of the event loop, once the chart modules are loaded to their end and the line painted,
each chart rendered hidden (a band per turn) before it takes the line's place. The
window's thread never imports pyqtgraph half-way through the thread's import of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from cxjournal.qt.core import QObject, Qt, QTimer
from cxjournal.qt.gui import QPaintEvent
from cxjournal.qt.widgets import QLabel, QStackedWidget, QWidget
from cxjournal.ui import import_pauses, warm_up

LOADING_TEXT = "Drawing the chart…"

#: How often drawing that waits (for the modules, a read, the line's paint) looks again, ms
RETRY_MS = 50

#: What a step yields to wait (:data:`RETRY_MS`) before the next one; any other value: the
#: next step, next turn
WAIT = "wait"


class PaintedLabel(QLabel):
    """A label that knows whether it was painted (a page's drawing in turns begins once
    its frame is on screen)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted = True


class ChartLoading(PaintedLabel):
    """The line shown where a chart will be, until it is built."""

    def __init__(self, text: str = LOADING_TEXT, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("chart-loading")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


def modules_ready(modules: tuple[str, ...]) -> bool:
    """True when none of ``modules`` is being loaded by the warm-up thread (each is loaded
    to its end, or no import thread runs: the page imports it itself). While one is, the
    thread is asked to load them before the rest."""
    if any(warm_up.still_importing(module) for module in modules):
        warm_up.want(modules)
        return False
    return True


def shown_unpainted(label: PaintedLabel) -> bool:
    """True while ``label`` is on show, in view, and has not been painted yet (scrolled out
    of view, it is not painted: nothing waits for it)."""
    return label.isVisible() and not label.painted and not label.visibleRegion().isEmpty()


def rendered_then_shown(stack: QStackedWidget, widget: QWidget) -> Iterator[None]:
    """``widget``, a hidden page of ``stack``, laid out at the stack's size and rendered a
    part per step (its first paint then only copies what is cached); then shown."""
    warm_up.lay_out_hidden(widget, stack.size())
    yield
    yield from warm_up.render_in_bands(widget)
    yield
    stack.setCurrentWidget(widget)


class ChartSlot(QStackedWidget):
    """Where one chart goes: :class:`ChartLoading` until :meth:`put` and
    :meth:`reveal_steps`. As tall as the chart will be (a stack is as big as its largest
    page), so nothing moves when it appears."""

    def __init__(self, text: str = LOADING_TEXT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loading = ChartLoading(text)
        self.addWidget(self.loading)
        self.chart: QWidget | None = None

    def put(self, chart: QWidget) -> None:
        """Hold ``chart``, hidden behind the line until :meth:`reveal_steps`."""
        self.chart = chart
        self.addWidget(chart)

    def reveal_steps(self) -> Iterator[None]:
        """The chart rendered, hidden, a part per step; then it takes the line's place."""
        if self.chart is not None:
            yield from rendered_then_shown(self, self.chart)

    @property
    def waiting(self) -> bool:
        """True while the line is what the slot shows."""
        return self.currentWidget() is self.loading


class ChartTurns(QObject):
    """Runs a page's drawing a step per turn of the event loop: each step is taken in a turn
    of its own, after a step that yields :data:`WAIT` only :data:`RETRY_MS` later; while a
    step runs, the warm-up thread's imports give way (``ui/import_pauses.py``). Starting
    it again drops the drawing under way (it was of what the page showed before)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._steps: Iterator[object] | None = None
        self._runs = 0

    @property
    def under_way(self) -> bool:
        """True while a drawing has steps left."""
        return self._steps is not None

    def start(self, steps: Callable[[], Iterator[object]]) -> None:
        self._runs += 1
        self._steps = steps()
        run = self._runs
        QTimer.singleShot(0, self, lambda: self._turn(run))

    def _turn(self, run: int) -> None:
        if run != self._runs or self._steps is None:
            return  # dropped, or started again
        try:
            with import_pauses.holding():  # the warm-up thread's next import waits for it
                step = next(self._steps, StopIteration)
        except Exception:
            if run == self._runs:
                self._steps = None  # a step failed: the next refresh starts again
            raise
        if step is StopIteration:
            if run == self._runs:  # a last step may have started another drawing
                self._steps = None
            return
        if run != self._runs:
            return  # the step started another drawing
        QTimer.singleShot(RETRY_MS if step == WAIT else 0, self, lambda: self._turn(run))
