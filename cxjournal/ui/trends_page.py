"""The Trends page: how your influence has moved across audits, per person, and your resilience.

Two tabs share one range (1 year, 3 years, everything; the mouse wheel zooms
freely): "Influence" (every audit's totals, ratio and concentration against their
thresholds, reach, alarm bells, and the check-ins below on the same time axis)
and "People" (the chosen people's dependences both ways, and the aspects of value
they give). The charts, and so pyqtgraph, are built on the first refresh only.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterator
from dataclasses import replace
from importlib import import_module
from typing import TYPE_CHECKING, Any

from cxjournal.domain.wording import long_date
from cxjournal.journal.changes import Area
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.page import Page
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.trends_summary import (
    EMPTY_TEXT,
    NO_AUDIT_TEXT,
    ONE_AUDIT_TEXT,
    summary_line,
    top_people,
)
from cxjournal.ui.widgets import chart_loading as drawn

if TYPE_CHECKING:
    from cxjournal.journal.trends import TrendOps, Trends
    from cxjournal.ui.charts.influence_chart import InfluenceChart
    from cxjournal.ui.charts.person_trend_chart import PersonTrendChart

#: What the charts import (loaded by the warm-up thread after the first paint)
CHART_MODULES = ("cxjournal.qt.graphs", "cxjournal.ui.charts.influence_chart")

#: Resilience averaging: (label, (mode, rolling window in days)).
SMOOTHING: tuple[tuple[str, tuple[str, int]], ...] = (
    ("7-day means", ("rolling", 7)),
    ("30-day means", ("rolling", 30)),
    ("Weekly averages", ("weekly", 7)),
)

#: Range presets: (label, years or None for everything).
RANGES: tuple[tuple[str, int | None], ...] = (("1 &year", 1), ("&3 years", 3), ("&All", None))


class TrendsPage(Page):
    #: audits over time, check-ins, the people rated, and the thresholds
    shows = Area.AUDITS | Area.RESILIENCE | Area.PEOPLE | Area.SETTINGS

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self._ops: TrendOps | None = None
        self.trends: Trends | None = None
        self.influence_chart: InfluenceChart | None = None
        self.person_chart: PersonTrendChart | None = None
        self.years: int | None = None
        self._chosen_once = False
        self._people_stale = True
        #: changes seen to what this page shows; what ``prepare`` read, and when
        self._changes_seen = 0
        self._prepared: tuple[int, int, Trends] | None = None
        #: the people to show on the People tab (``open_item``), once the charts are drawn
        self._people_asked: list[int] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>Trends</h2>"))
        self.summary = QLabel()
        self.summary.setObjectName("trends-summary")
        # wraps onto a second line in a narrow window rather than being cut off
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(self.summary.fontMetrics().horizontalAdvance("x" * 18))
        header.addWidget(self.summary, 1)
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_buttons: dict[int | None, QToolButton] = {}
        for label, years in RANGES:
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setAutoRaise(False)
            plain = label.replace("&", "")
            button.setToolTip("Show everything" if years is None else f"Show the last {plain}")
            button.setAccessibleName(f"Range: {plain}")
            button.clicked.connect(lambda _=False, y=years: self.set_range(y))
            self.range_group.addButton(button)
            self.range_buttons[years] = button
            header.addWidget(button)
        self.range_buttons[None].setChecked(True)
        self.smoothing = QComboBox()
        for label, choice in SMOOTHING:
            self.smoothing.addItem(label, choice)
        self.smoothing.setCurrentIndex(1)
        self.smoothing.setToolTip(
            "How the resilience check-ins are averaged on the lowest plot: the mean of the "
            "days before each check-in, or one average per week"
        )
        self.smoothing.setAccessibleName("Resilience averaging")
        self.smoothing.currentIndexChanged.connect(self._smoothing_changed)
        header.addWidget(self.smoothing)
        self.export_button = QPushButton("E&xport chart…")
        self.export_button.setToolTip("Save the chart you are looking at as a PNG image or SVG")
        self.export_button.clicked.connect(self.export_chart)
        header.addWidget(self.export_button)
        layout.addLayout(header)

        self.note = QLabel()
        self.note.setObjectName("trends-note")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout.addWidget(self.note)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_empty())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.tabs)
        #: where the charts will be while they are drawn in turns (:meth:`_draw_in_turns`)
        self.chart_loading = drawn.ChartLoading()
        self.stack.addWidget(self.chart_loading)
        self.drawing = drawn.ChartTurns(self)

    @property
    def ops(self) -> TrendOps:
        """The page's reads, loaded by the first (not by the frame's first paint)."""
        if self._ops is None:
            self._ops = import_module("cxjournal.journal.trends").TrendOps(self.journal)
        return self._ops

    # -- construction --------------------------------------------------------------------

    def _build_empty(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setObjectName("trends-empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setFixedWidth(620)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_label)
        centred.addStretch(1)
        box.addLayout(centred)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.first_audit_button = writes_journal(QPushButton("Take your first &power audit"))
        self.first_audit_button.clicked.connect(self._first_audit)
        self.check_in_button = writes_journal(QPushButton("&Check in today"))
        self.check_in_button.clicked.connect(lambda: self.context.navigate("resilience"))
        buttons.addWidget(self.first_audit_button)
        buttons.addWidget(self.check_in_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addStretch(2)
        return page

    def build_steps(self) -> Iterator[None]:
        """The charts, a panel per step (the hidden page built after the first paint, in
        turns of the event loop; see ``ui/warm_up.py``)."""
        if self.influence_chart is not None:
            return
        from cxjournal.ui.charts.influence_chart import InfluenceChart

        chart = InfluenceChart(in_steps=True)
        yield
        while chart.build_step():
            yield
        self._ensure_charts(chart)

    def prepare(self, ready: Callable[[], None]) -> None:
        """Read, off the GUI thread, what the next refresh shows; then ``ready()``."""
        from cxjournal.ui.workers import read_in_background

        _mode, days = self.smoothing_choice()

        def keep(trends: Trends) -> None:
            self._prepared = (self._changes_seen, days, trends)
            ready()

        read_in_background(
            self, lambda: self.ops.trends(rolling_days=days), keep, lambda _exc: ready()
        )

    def _on_changed(self, changes: Area) -> None:
        if changes & self.shows:
            self._changes_seen += 1  # what was read before is out of date
        super()._on_changed(changes)

    def _read(self, days: int) -> Trends:
        prepared, self._prepared = self._prepared, None
        if prepared is not None and prepared[:2] == (self._changes_seen, days):
            return prepared[2]
        return self.ops.trends(rolling_days=days)

    def _ensure_charts(self, chart: InfluenceChart | None = None) -> None:
        if self.influence_chart is not None:
            return
        if chart is None:
            from cxjournal.ui.charts.influence_chart import InfluenceChart

            chart = InfluenceChart()
        self.influence_chart = chart
        self.tabs.addTab(self.influence_chart, "&Influence")

        people_tab = QSplitter()
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&People in your audits")
        self.people_filter = QLineEdit()
        self.people_filter.setPlaceholderText("Filter by name")
        self.people_filter.setAccessibleName("Filter people")
        self.people_filter.setClearButtonEnabled(True)
        self.people_filter.textChanged.connect(self._filter_people)
        self.people_list = QListWidget()
        self.people_list.setAccessibleName("People to chart")
        self.people_list.setToolTip("Tick the people to chart; Space ticks the selected one")
        self.people_list.itemChanged.connect(lambda _item: self._people_changed())
        label.setBuddy(self.people_list)
        self.clear_people = QPushButton("Clear")
        self.clear_people.setToolTip("Untick everyone")
        self.clear_people.clicked.connect(self._clear_people)
        side_box.addWidget(label)
        side_box.addWidget(self.people_filter)
        side_box.addWidget(self.people_list, 1)
        side_box.addWidget(self.clear_people)
        people_tab.addWidget(side)
        self.people_tab = people_tab
        people_tab.setSizes([200, 800])
        self.tabs.addTab(people_tab, "Pe&ople")

    def _ensure_person_chart(self) -> None:
        """The per-person chart is built when its tab is first opened."""
        if self.person_chart is not None:
            return
        from cxjournal.ui.charts.person_trend_chart import PersonTrendChart

        self.person_chart = PersonTrendChart()
        self.people_tab.addWidget(self.person_chart)
        self.people_tab.setStretchFactor(1, 1)
        self.people_tab.setSizes([200, 800])

    # -- refresh -----------------------------------------------------------------------------

    def smoothing_choice(self) -> tuple[str, int]:
        mode, days = self.smoothing.currentData()
        return str(mode), int(days)

    def refresh(self) -> None:
        if self.drawing.under_way or (
            self.influence_chart is None and not drawn.modules_ready(CHART_MODULES)
        ):
            self._draw_in_turns()
            return
        _mode, days = self.smoothing_choice()
        self._show(self._read(days))

    def _draw_in_turns(self) -> None:
        """Shown before the chart modules are loaded: the frame at once, a line where the
        charts will be; after that paint, the read off the GUI thread, then the charts a part
        per turn, rendered hidden before they take the line's place."""
        self.stack.setCurrentWidget(self.chart_loading)
        self.export_button.setEnabled(False)
        self.smoothing.setEnabled(False)  # the read under way is of its choice
        read: list[bool] = []

        def steps() -> Iterator[object]:
            while drawn.shown_unpainted(loading):
                yield drawn.WAIT  # no thread competes with the frame's paint
            self.prepare(lambda: read.append(True))
            while not read:
                yield drawn.WAIT
            _mode, days = self.smoothing_choice()
            trends = self._read(days)  # the one read above, unless the journal changed since
            self.summary.setText(html.escape(summary_line(trends)))  # words need no chart
            while not drawn.modules_ready(CHART_MODULES):
                yield drawn.WAIT
            if trends.audits or len(trends.resilience):
                yield from self.build_steps()
            yield None
            if self._show(trends, reveal=False):
                if self.years is not None:
                    self._apply_range()  # a range picked while the charts were drawn
                yield None
                yield from drawn.rendered_then_shown(self.stack, self.tabs)
            self._show_people_asked()  # asked for (open_item) while the charts were drawn

        loading = self.chart_loading
        self.drawing.start(steps)

    def _show(self, trends: Trends, reveal: bool = True) -> bool:
        """Show ``trends``; True when it has charts (shown unless not ``reveal``)."""
        mode, _days = self.smoothing_choice()
        if trends == self.trends and self.influence_chart is not None:
            return True  # another area changed: nothing here to redraw
        self.trends = trends
        self.summary.setText(html.escape(summary_line(trends)))
        empty = not trends.audits and not len(trends.resilience)
        if empty:
            self.stack.setCurrentIndex(0)
            self.note.setVisible(False)
            self.export_button.setEnabled(False)
            for button in self.range_buttons.values():
                button.setEnabled(False)
            self.smoothing.setEnabled(False)
            return False
        self._ensure_charts()
        assert self.influence_chart is not None
        if reveal:
            self.stack.setCurrentIndex(1)
        self.export_button.setEnabled(True)
        for button in self.range_buttons.values():
            button.setEnabled(True)
        self.smoothing.setEnabled(True)
        self._set_note(trends)
        self.influence_chart.set_resilience_mode(
            "weekly" if mode == "weekly" else "rolling", redraw=False
        )
        self.influence_chart.set_trends(trends)
        self._fill_people(trends)
        return True

    def _set_note(self, trends: Trends) -> None:
        if not trends.audits:
            text = NO_AUDIT_TEXT
        elif len(trends.audits) == 1:
            when = trends.audits[0].taken_on
            text = ONE_AUDIT_TEXT.format(date=long_date(when))
        else:
            text = ""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- people ------------------------------------------------------------------------------

    def _fill_people(self, trends: Trends) -> None:
        chosen = set(self.chosen_ids())
        if not self._chosen_once and trends.audits:
            chosen = top_people(trends, 3)
            self._chosen_once = True
        self.people_list.blockSignals(True)
        self.people_list.clear()
        for series in trends.people:
            count = len(series.points)
            item = QListWidgetItem(series.person.name)
            item.setData(Qt.ItemDataRole.UserRole, series.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if series.person_id in chosen else Qt.CheckState.Unchecked
            )
            item.setToolTip(f"In {count} audit{'s' if count != 1 else ''}")
            self.people_list.addItem(item)
        self.people_list.blockSignals(False)
        self._filter_people(self.people_filter.text())
        self._people_changed()

    def chosen_ids(self) -> list[int]:
        """The ids of the people ticked in the list (none before the charts exist)."""
        if self.influence_chart is None:
            return []
        ids = []
        for row in range(self.people_list.count()):
            item = self.people_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def choose_people(self, person_ids: list[int]) -> None:
        """Tick exactly these people (others unticked) and redraw the per-person chart."""
        wanted = set(person_ids)
        self.people_list.blockSignals(True)
        for row in range(self.people_list.count()):
            item = self.people_list.item(row)
            ticked = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.people_list.blockSignals(False)
        self._people_changed()

    def _clear_people(self) -> None:
        self.choose_people([])

    def _filter_people(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.people_list.count()):
            item = self.people_list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _people_changed(self) -> None:
        """Redraw the per-person chart now if it is on show, else when its tab is opened."""
        self._people_stale = True
        if self.tabs.currentIndex() == 1:
            self._draw_people()

    def _draw_people(self) -> None:
        if self.trends is None or not self._people_stale:
            return
        self._ensure_person_chart()
        assert self.person_chart is not None
        self._people_stale = False
        self.person_chart.set_people(self.trends, self.chosen_ids())

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._draw_people()
            if self.person_chart is not None:
                self.person_chart.set_range(self.years)

    # -- range, smoothing, export ------------------------------------------------------------

    def set_range(self, years: int | None) -> None:
        """Show the last ``years`` years (``None``: everything) on both tabs."""
        self.years = years
        self.range_buttons[years].setChecked(True)
        self._apply_range()

    def _apply_range(self) -> None:
        if self.influence_chart is not None:
            self.influence_chart.set_range(self.years)
        if self.person_chart is not None:
            self.person_chart.set_range(self.years)

    def _smoothing_changed(self) -> None:
        chart = self.influence_chart
        if chart is None or self.trends is None:
            return
        mode, days = self.smoothing_choice()
        chart.set_resilience_mode("weekly" if mode == "weekly" else "rolling")
        if days != self.trends.resilience.rolling_days:
            resilience = self.ops.resilience(rolling_days=days)
            self.trends = replace(self.trends, resilience=resilience)
            chart.set_resilience(resilience)

    def current_view(self) -> Any:
        """The pyqtgraph view of the tab on show (what an export writes)."""
        if self.tabs.currentIndex() == 1 and self.person_chart is not None:
            return self.person_chart.view
        return self.influence_chart.view if self.influence_chart is not None else None

    def export_chart(self) -> None:
        view = self.current_view()
        if view is None:
            return
        from cxjournal.ui.charts.chart_export import export_with_dialog

        name = "influence" if self.tabs.currentIndex() == 0 else "people"
        path = export_with_dialog(self, view, f"cxjournal-{name}-{dt.date.today().isoformat()}")
        if path is not None:
            self.context.show_status(f"Chart saved to {path}")

    def _first_audit(self) -> None:
        self.context.navigate("audits", new=True)

    def open_item(self, **kwargs: Any) -> None:
        """``years=1|3|None`` picks a range; ``person_ids=[...]`` shows those people."""
        self.refresh_if_stale()
        if "years" in kwargs:
            self.set_range(kwargs["years"])
        if kwargs.get("person_ids") is not None:
            self._people_asked = list(kwargs["person_ids"])
        if not self.drawing.under_way:
            self._show_people_asked()  # else once the charts are drawn

    def _show_people_asked(self) -> None:
        if self._people_asked is not None and self.influence_chart is not None:
            self.tabs.setCurrentIndex(1)
            self.choose_people(self._people_asked)
        self._people_asked = None
