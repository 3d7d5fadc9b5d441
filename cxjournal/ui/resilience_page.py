"""The Resilience page: today's check-in on top, then history, trend chart and tag insights.

The chart module (and with it pyqtgraph, which is slow to import) is loaded just
after the page is first painted, so the first visit shows the check-in at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cxjournal.domain.early_warning import EarlyWarning
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import compare_tags, is_mood_only, recorded_measures
from cxjournal.domain.trash import GOES_TO_TRASH
from cxjournal.domain.wording import short_date
from cxjournal.journal.changes import Area
from cxjournal.journal.undo import check_in_scope, recorded, undoable_delete
from cxjournal.qt.core import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer
from cxjournal.qt.gui import QAction, QKeySequence, QShowEvent
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui import sort_arrows, warm_up
from cxjournal.ui.models import resilience_history_model as history
from cxjournal.ui.page import Page
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.theme import secondary
from cxjournal.ui.widgets.chart_loading import ChartLoading
from cxjournal.ui.widgets.checkin_form import CheckinForm
from cxjournal.ui.widgets.resilience_warning import WarningBanner
from cxjournal.ui.widgets.tag_insights import MIN_USES, TagInsights
from cxjournal.ui.write_guard import UNCHANGED

if TYPE_CHECKING:
    from cxjournal.ui.charts.resilience_chart import ResilienceChart

#: Days shown by each range preset (None: from the first check-in); see the chart module.
PRESET_DAYS: dict[str, int | None] = {"month": 30, "quarter": 91, "year": 365, "all": None}
PRESET_WORDS = {
    "month": "the last month",
    "quarter": "the last 3 months",
    "year": "the last year",
    "all": "your whole log",
}
DEFAULT_PRESET = "quarter"
#: Extra days read before a range so its first 7-day averages are complete.
_ROLLING_LEAD = dt.timedelta(days=6)
#: The chart is built this long after the page is shown, once the page has been painted.
_CHART_DELAY_MS = 30
#: How often a chart that waits (see ``ResiliencePage._chart_waits``) looks again.
_CHART_RETRY_MS = 50


class ResiliencePage(Page):
    #: the check-ins, and the early warning's rule and dismissals
    shows = Area.RESILIENCE | Area.SETTINGS

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        #: what "today" is (tests may replace it)
        self.today: Callable[[], dt.date] = dt.date.today
        self.chart: ResilienceChart | None = None
        self._chart_pending = False
        self._preset = DEFAULT_PRESET
        self._range: tuple[dt.date, dt.date] = (dt.date.today(), dt.date.today())
        self._range_entries: list[ResilienceEntry] = []
        #: "today" when the page was last drawn, and how many check-ins there were
        self._day: dt.date | None = None
        self._total = 0
        self._syncing_selection = False
        self._warning: EarlyWarning | None = None

        title = QLabel("Resilience")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.consistency_label = QLabel()
        self.consistency_label.setWordWrap(True)
        self.consistency_label.setAccessibleName("How regularly you check in")
        self.rule_button = QPushButton("Early warning rule…")
        self.rule_button.setToolTip(
            "When the early warning appears, in plain words, and its numbers"
        )
        self.rule_button.clicked.connect(self.edit_warning_rule)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(16)
        header.addWidget(self.consistency_label, 1)
        header.addWidget(self.rule_button)

        self.banner = WarningBanner()
        self.banner.dismissed.connect(self.dismiss_warning)
        self.banner.explain_requested.connect(self.edit_warning_rule)

        self.form = CheckinForm()
        self.form.submitted.connect(self.save_checkin)
        self.form.date_picked.connect(self._on_date_picked)

        # history
        self.history_model = history.ResilienceHistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName("Check-in history")
        self.history_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.history_view.setSortingEnabled(True)
        sort_arrows.use_for(self.history_view)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(False)
        self.history_view.verticalHeader().setDefaultSectionSize(
            self.history_view.fontMetrics().height() + 8
        )
        header_view = self.history_view.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setStretchLastSection(True)
        metrics = self.history_view.fontMetrics()
        for column, sample in (
            (history.DATE, "Wed 30 Sep 2026"),
            (history.ENERGY, "Energy"),
            (history.STRESS, "Stress"),
            (history.MOOD, "Mood"),
            (history.SLEEP, "10.5 h"),
            (history.DRAINS, "back-to-back meetings, commute"),
            (history.RESTORERS, "a walk at lunch, reading"),
            (history.TAGS, "family, reading"),
        ):
            self.history_view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.history_view.selectionModel().currentRowChanged.connect(self._on_history_row)
        self.history_view.activated.connect(lambda _index: self.form.focus_first())
        delete_action = writes_journal(QAction("Delete check-in…", self.history_view))
        delete_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)]
        )
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.history_view.addAction(delete_action)
        self.history_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.history_empty = QLabel(
            "No check-ins yet. Your first one is above: set the three sliders to how today "
            "feels and press Enter. Each check-in you save is listed here, newest first; "
            "pick one to change it."
        )
        self.history_empty.setWordWrap(True)
        self.history_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history_empty.setMargin(8)
        self.history_stack = QStackedWidget()
        self.history_stack.addWidget(self.history_view)
        self.history_stack.addWidget(self.history_empty)

        self.delete_button = writes_journal(QPushButton("Delete…"))
        self.delete_button.setToolTip("Delete the selected check-in (Delete key)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_hint = QLabel("Pick a check-in to change it in the form above.")
        secondary(self.history_hint)
        history_bottom = QHBoxLayout()
        history_bottom.addWidget(self.history_hint, 1)
        history_bottom.addWidget(self.delete_button)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history_stack, 1)
        history_layout.addLayout(history_bottom)

        # chart (built after the first paint) and insights
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_loading = ChartLoading()
        self.chart_layout.addWidget(self.chart_loading)
        self.insights = TagInsights()
        self.insights.setContentsMargins(9, 9, 9, 9)

        self.tabs = _Tabs()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.chart_holder, "&Trend")
        self.tabs.addTab(self.insights, "Dra&ins and restorers")
        self.tabs.addTab(history_box, "Histor&y")
        self.tabs.setTabToolTip(0, "Energy, stress and mood over time, with 7-day averages")
        self.tabs.setTabToolTip(1, "Which drains and restorers go with better or worse days")
        self.tabs.setTabToolTip(2, "Every check-in, newest first")

        self.tabs.setMinimumHeight(220)

        # in a small window the page scrolls rather than squeezing the check-in
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.setTabOrder(self.form.save_button, self.tabs)

    # -- drawing ----------

    def showEvent(self, event: QShowEvent) -> None:
        if self._day is not None and self.today() != self._day:
            self._stale = True  # a new day: today's check-in is a different one
        super().showEvent(event)

    def primary_widget(self) -> QWidget | None:
        return self.form.sliders["energy"]

    def refresh(self) -> None:
        today = self.today()
        ops = self.journal.resilience
        summary = ops.summary(today)
        self.form.set_today(today)
        vocabulary = ops.tag_vocabulary()
        self.form.set_vocabulary(
            [t.tag for t in vocabulary if t.kind == "drain"],
            [t.tag for t in vocabulary if t.kind == "restorer"],
        )
        dirty = self.form.is_dirty()
        if self._day is None or (
            today != self._day and not dirty and self.form.current_date() == self._day
        ):  # first drawn, or a new day began while the page showed the old one
            self.form.show_date(today, summary.today_entry, summary.latest)
        elif not dirty:
            self._load_form(min(self.form.current_date(), today))
        self._day = today
        self._total = summary.total
        self.consistency_label.setText(summary.consistency.message)
        self._warning = summary.warning
        self.banner.show_warning(self._warning)
        self._reload_history(summary.total)
        self._load_range()
        if self.chart is None and not self._chart_pending:
            self._chart_pending = True
            QTimer.singleShot(_CHART_DELAY_MS, self, self._build_chart)

    def _reload_history(self, total: int) -> None:
        ops = self.journal.resilience
        self.history_model.reset(
            lambda offset, limit, order, descending: ops.newest_first(
                limit, offset, order, descending
            ),
            total,
        )
        self.history_stack.setCurrentWidget(self.history_view if total else self.history_empty)
        self.history_hint.setVisible(bool(total))
        self.delete_button.setVisible(bool(total))
        self.tabs.setTabText(2, f"Histor&y ({total})" if total else "Histor&y")
        self._select_history(self.form.current_date())

    def _load_range(self) -> None:
        today = self.today()
        days = PRESET_DAYS[self._preset]
        if days is None:
            span = self.journal.resilience.span()
            start = min(span[0], today) if span else today
        else:
            start = today - dt.timedelta(days=days - 1)
        self._range = (start, today)
        self._range_entries = self.journal.resilience.between(start - _ROLLING_LEAD, today)
        shown = [e for e in self._range_entries if e.on >= start]
        self.insights.set_effects(
            compare_tags(shown, min_uses=MIN_USES), len(shown), PRESET_WORDS[self._preset]
        )
        if self.chart is not None:
            self._draw_chart()

    def _draw_chart(self) -> None:
        if self.chart is None:
            return
        if self._total:
            self.chart.set_empty_text(
                f"No check-ins in {PRESET_WORDS[self._preset]}. Pick a longer range to see "
                "earlier ones, or check in above."
            )
        else:
            self.chart.set_empty_text(None)
        self.chart.set_entries(self._range_entries, *self._range)

    def _chart_waits(self) -> bool:
        """Whether building the chart now would hold the window: while pyqtgraph is still
        being loaded by the warm-up thread (the build would wait for it on the window's
        thread), or while the page, shown, has not painted yet (a click the moment the
        window appears shows the page first, then its chart)."""
        if warm_up.still_importing("cxjournal.qt.graphs"):
            return True
        return self.chart_loading.isVisible() and not self.chart_loading.painted

    def _build_chart(self) -> None:
        if self.chart is not None:
            return  # built by an earlier turn
        if self._chart_waits():
            QTimer.singleShot(_CHART_RETRY_MS, self, self._build_chart)
            return
        from cxjournal.ui.charts.resilience_chart import ResilienceChart

        self.chart = ResilienceChart(self._preset)
        self.chart.range_changed.connect(self._on_preset)
        self.chart_layout.removeWidget(self.chart_loading)
        self.chart_loading.deleteLater()
        self.chart_layout.addWidget(self.chart)
        self._draw_chart()

    def _on_preset(self, key: str) -> None:
        self._preset = key
        self._load_range()

    # -- the form ----------

    def _load_form(self, on: dt.date) -> None:
        ops = self.journal.resilience
        entry = ops.get(on)
        start_from = None if entry else (ops.latest(before=on) or ops.latest())
        self.form.show_date(on, entry, start_from)

    def _on_date_picked(self, on: dt.date) -> None:
        self._warn_if_discarding()
        self._load_form(on)
        self._select_history(on)

    def _warn_if_discarding(self) -> None:
        if self.form.is_dirty():
            day = short_date(self.form.current_date(), weekday=True)
            self.context.show_status(f"The changes to the check-in of {day} were not saved.")

    def save_checkin(self, entry: ResilienceEntry) -> ResilienceEntry | None:
        done = self.run_undoable(
            "Save check-in",
            "save the check-in",
            recorded(check_in_scope(entry.on), lambda j: j.resilience.save(entry)),
        )
        if done is None:
            return None  # the form keeps what was typed
        saved = done.value
        today = self.today()
        day = "today" if saved.on == today else short_date(saved.on, weekday=True)
        self._load_form(saved.on)
        self.context.show_status(f"Saved the check-in for {day}.")
        return saved

    def open_item(self, **kwargs: Any) -> None:
        """``open_item(on=date)``: show that date's check-in in the form, ready to type."""
        on = kwargs.get("on")
        if isinstance(on, dt.datetime):
            on = on.date()
        if isinstance(on, dt.date):
            self.refresh_if_stale()
            on = min(on, self.today())
            if on != self.form.current_date() or not self.form.is_dirty():
                self._on_date_picked(on)
        self.form.focus_first()

    # -- history ----------

    def _select_history(self, on: dt.date) -> None:
        row = self.history_model.row_of(on)
        selection = self.history_view.selectionModel()
        self._syncing_selection = True
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.history_model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.history_view.scrollTo(index)
        finally:
            self._syncing_selection = False
        self.delete_button.setEnabled(row >= 0)

    def _on_history_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.delete_button.setEnabled(current.isValid())
        if self._syncing_selection or not current.isValid():
            return
        on = self.history_model.entry(current.row()).on
        if on != self.form.current_date():
            self._warn_if_discarding()
            self._load_form(on)

    def selected_entry(self) -> ResilienceEntry | None:
        index = self.history_view.selectionModel().currentIndex()
        return self.history_model.entry(index.row()) if index.isValid() else None

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.id is None:
            return
        answer = QMessageBox.question(
            self.context.window,
            "Delete check-in",
            as_written(
                f"Delete the check-in of {short_date(entry.on, weekday=True)} "
                f"({describe(entry)})?\n\n{GOES_TO_TRASH}"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        entry_id = entry.id
        if (
            self.run_undoable(
                "Delete check-in",
                "delete the check-in",
                undoable_delete("check_in", entry_id),
                UNCHANGED,
            )
            is None
        ):
            return
        if self.form.current_date() == entry.on:
            self._load_form(entry.on)
        self.context.show_status(f"Deleted the check-in of {short_date(entry.on, weekday=True)}.")

    # -- the early warning ----------

    def warning(self) -> EarlyWarning | None:
        """The warning the page shows now (None when there is none or it was dismissed)."""
        return self._warning

    def dismiss_warning(self, key: str) -> None:
        if not key:
            return
        if (
            self.run_op("dismiss the note", lambda j: j.resilience.dismiss_warning(key), UNCHANGED)
            is None
        ):
            return
        self.context.show_status("The note is hidden until a new shift begins.")

    def edit_warning_rule(self) -> Any:
        """Open Preferences at the early-warning rule; each change there redraws this page."""
        from cxjournal.ui.lock.lock_actions import open_preferences

        return open_preferences(self.context, "WarningRuleTab")


class _Tabs(QTabWidget):
    """Tabs content with the height left over: they ask for no more than their minimum,
    so the page scrolls only when the window is too small for the check-in itself."""

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


def describe(entry: ResilienceEntry) -> str:
    """``energy 6, stress 4, mood 7, 2 tags and a note``: what a deletion removes.

    A mood-only check-in reads ``mood 7 (no energy or stress recorded)``.
    """
    parts = [", ".join(f"{name} {value}" for name, value in recorded_measures(entry))]
    if is_mood_only(entry):
        parts[0] += " (no energy or stress recorded)"
    tags = len(entry.drains) + len(entry.restorers) + len(entry.tags)
    if entry.sleep_hours is not None:
        parts.append(f"{entry.sleep_hours:g} h sleep")
    if tags:
        parts.append(f"{tags} tag{'s' if tags != 1 else ''}")
    if entry.note:
        parts.append("a note")
    return ", ".join(parts)
