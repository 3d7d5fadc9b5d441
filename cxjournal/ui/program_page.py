"""The Program page: the program's why and measure, its risks with a next step each,
the eight plans with who runs them, and the power/interest grid.

Everything comes from ``journal.program.view(today)``, the domain's view that the
command line and the exports show too. The why and measure are saved as soon as
focus leaves them; a plan is edited in its dialog; a risk opens what fixes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import Person, PlanKind, Program
from cxjournal.domain.wording import long_date
from cxjournal.journal.changes import Area
from cxjournal.qt.core import QEvent, QObject
from cxjournal.qt.widgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.icons import icon
from cxjournal.ui.page import Page
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.program_exports import snapshot_button
from cxjournal.ui.program_views import program_views
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.widgets.chart_loading import (
    WAIT,
    ChartSlot,
    ChartTurns,
    PaintedLabel,
    modules_ready,
    shown_unpainted,
)
from cxjournal.ui.widgets.empty_state import EmptyState
from cxjournal.ui.widgets.today_cards import Card, LinkRow
from cxjournal.ui.widgets.today_program_card import WORKING_TEXT

if TYPE_CHECKING:
    # what only the page filled needs: loaded then, not to paint its frame
    from cxjournal.domain.program import Risk
    from cxjournal.domain.program_view import ProgramView
    from cxjournal.ui.charts.power_interest_chart import PowerInterestChart
    from cxjournal.ui.widgets.plan_card import PlanCard

EMPTY_TEXT = (
    "<h2>Your CX program</h2>"
    "<p>A customer-experience program runs through leaders who do not report to you. "
    "Here you keep its <b>why</b> (the reason anyone should care, in a sentence or two), "
    "the measure it moves, and its eight plans: governance, communications, voice of the "
    "customer, operations, integration, training, improvement and technology.</p>"
    "<p>For each plan, note who owns it and who helps; set where you want each of them to "
    "stand. cxjournal then tells you which plans have no owner, whose owner is opposed or "
    "out of touch, where you have no champion, and what to do next.</p>"
    "<p>Start with the why.</p>"
)

#: Risks listed before "Show all"; the rest wait behind that button.
RISKS_SHOWN = 5

#: What working out the view needs, and what the grid's chart needs too (both loaded by the
#: warm-up thread after the first paint)
VIEW_MODULES = ("cxjournal.journal.program",)
CHART_MODULES = ("cxjournal.qt.graphs", "cxjournal.ui.charts.power_interest_chart")

#: The grid chart's height (its place keeps it while the chart is drawn)
CHART_HEIGHT = 340

#: Plan cards per row: as many as fit at this width each, up to four.
CARD_WIDTH = 330
MAX_COLUMNS = 4


class _FocusOut(QObject):
    """Calls ``save`` when the watched editor loses focus."""

    def __init__(self, save: Any, parent: QObject) -> None:
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._save()
        return False


class ProgramPage(Page):
    #: the program, its people, the notes its risks read, and the thresholds
    shows = Area.PROGRAM | Area.PEOPLE | Area.NOTES | Area.SETTINGS

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.today = dt.date.today  # replaced in tests
        self.view: ProgramView | None = None
        self.started = False
        self.all_risks = False
        self.plan_dialog: Any = None
        self.cards: list[PlanCard] = []
        #: what the risks and the plans list (a refresh that would list the same
        #: leaves them as they are: most notes move no risk and no plan)
        self._listed: dict[str, object] = {}
        self.risk_rows: list[LinkRow] = []
        self.chart: PowerInterestChart | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.start_button = writes_journal(QPushButton(icon("today"), "&Write the program's why"))
        self.start_button.clicked.connect(self.start)
        self.empty = EmptyState(EMPTY_TEXT, self.start_button, text_width=640)
        self.stack.addWidget(self.empty)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stack.addWidget(self.scroll_area)
        content = QWidget()
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)

        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>CX program</h2>"))
        self.date_label = QLabel()
        header.addWidget(self.date_label)
        header.addStretch(1)
        self.proof_button = QPushButton("&Proof points…")
        self.proof_button.setToolTip("The early wins and results that show the program works")
        self.proof_button.clicked.connect(lambda: self.context.navigate("proof_points"))
        header.addWidget(self.proof_button)
        self.export_button = snapshot_button(self.journal, self, self.today_value, self._saved)
        header.addWidget(self.export_button)
        layout.addLayout(header)

        self.why_card = Card("Why it matters")
        self.why = writes_journal(QPlainTextEdit())
        self.why.setAccessibleName("Why")
        self.why.setPlaceholderText(
            "The program's compelling why, in one or two sentences anyone can repeat"
        )
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(64)
        self.kpi = writes_journal(QLineEdit())
        self.kpi.setAccessibleName("Measure")
        self.kpi.setPlaceholderText("The measure it moves, e.g. relationship NPS")
        form = QFormLayout()
        why_label = QLabel("Wh&y:")
        why_label.setBuddy(self.why)
        kpi_label = QLabel("&Measure:")
        kpi_label.setBuddy(self.kpi)
        form.addRow(why_label, self.why)
        form.addRow(kpi_label, self.kpi)
        self.why_card.body.addLayout(form)
        self.why.installEventFilter(_FocusOut(self.save_why, self))
        self.kpi.editingFinished.connect(self.save_why)
        layout.addWidget(self.why_card)

        self.risk_card = Card("Risks")
        layout.addWidget(self.risk_card)

        self.plans_card = Card("The eight plans")
        self.plans_grid = QGridLayout()
        self.plans_grid.setSpacing(8)
        self.plans_card.body.addLayout(self.plans_grid)
        layout.addWidget(self.plans_card)

        self.grid_card = Card("Power and interest")
        self.grid_hint = self.grid_card.add_text("", "program-grid-hint")
        #: the chart's place: a line until it is drawn (``_draw_in_turns``), then the chart
        self.chart_slot = ChartSlot()
        self.chart_slot.setMinimumHeight(CHART_HEIGHT)
        self.chart_slot.hide()
        self.grid_card.body.addWidget(self.chart_slot)
        layout.addWidget(self.grid_card)
        layout.addStretch(1)
        self.drawing = ChartTurns(self)

    # -- states -------------------------------------------------------------------------

    def today_value(self) -> dt.date:
        return self.today()

    def _saved(self, path: object) -> None:
        if path is not None:
            self.context.show_status(f"Saved {path}")

    def start(self) -> None:
        self.started = True
        self.stack.setCurrentWidget(self.scroll_area)
        self.why.setFocus()

    def prepare(self, ready: Callable[[], None]) -> None:
        """Work out, off the GUI thread, what the next refresh shows (the hidden page built
        after the first paint, ``ui/warm_up.py``); then ``ready()``, on the GUI thread."""
        program_views(self.context).ask(self.today(), lambda _view: ready(), lambda _exc: ready())

    def build_steps(self) -> Iterator[None]:
        """The grid's chart, built in a turn of its own before the page is filled (the
        hidden page built after the first paint, ``ui/warm_up.py``): filling then only
        places the people. Only when the view worked out by ``prepare`` has people to
        place; otherwise filling shows the hint and no chart is made."""
        view = program_views(self.context).kept(self.today())
        if view is not None and view.grid:
            chart = self._ensure_chart(in_steps=True)
            yield  # the plot, then its quadrants, in turns of their own
            chart.finish()
            yield

    def refresh(self) -> None:
        for _part in self.refresh_parts():
            pass

    def refresh_parts(self) -> Iterator[None]:
        """The refresh: the risks, the plans, then the grid (a part per turn of the event
        loop when the hidden page is filled after the first paint: ``ui/warm_up.py``).
        Shown before what it needs is loaded or while its view is being worked out (a click
        the moment the window appears): the frame at once, the rest in turns after it."""
        today = self.today()
        views = program_views(self.context)
        if (
            self.drawing.under_way
            or (self.chart is None and not modules_ready(CHART_MODULES))
            or (
                views.kept(today) is None
                and (views.under_way(today) or not modules_ready(VIEW_MODULES))
            )
        ):
            self._draw_in_turns(today)
            return
        # worked out once for this page and Today's card, and kept until the journal changes
        yield from self._fill(views.now(today), today)

    def _fill(self, view: ProgramView, today: dt.date, drawn: bool = True) -> Iterator[None]:
        """Fill the page from ``view``: a part per step; the grid too when ``drawn``."""
        self.view = view
        empty = view.program == Program() and not self.started
        self.stack.setCurrentWidget(self.empty if empty else self.scroll_area)
        self.date_label.setText(f"as of {long_date(today)}")
        if not self.why.hasFocus():
            self.why.setPlainText(view.program.why)
        if not self.kpi.hasFocus():
            self.kpi.setText(view.program.kpi)
        self._fill_risks(view)
        yield
        self._fill_plans(view, today)
        if drawn:
            yield
            self._fill_grid(view)

    def _draw_in_turns(self, today: dt.date) -> None:
        """The frame now, with a line where the risks, the plans and the chart will be; its
        view worked out off the GUI thread (shared with Today's card); then filled a part
        per turn, the chart built once its modules are loaded, rendered hidden, and shown."""
        self.stack.setCurrentWidget(self.scroll_area)
        self.date_label.setText(f"as of {long_date(today)}")
        self.why_card.setEnabled(False)  # nothing typed before the view comes is lost
        self.risk_card.clear()
        self._listed.pop("risks", None)  # the line replaces them: listed again when it comes
        self.risk_card.title.setText("Risks")
        working = PaintedLabel(WORKING_TEXT)
        working.setObjectName("program-risks-loading")
        self.risk_card.add(working)
        self.grid_hint.hide()
        self.chart_slot.show()
        came: list[ProgramView | None] = []

        def steps() -> Iterator[object]:
            while shown_unpainted(working):
                yield WAIT  # no thread competes with the frame's paint
            program_views(self.context).ask(today, came.append, lambda _exc: came.append(None))
            while not came:
                yield WAIT
            # failed: worked out here, as a refresh would (and reported if it fails again)
            view = came[0] or program_views(self.context).now(today)
            self.why_card.setEnabled(True)
            parts = self._fill(view, today, drawn=False)
            for _part in parts:
                yield None
            if not view.grid:
                self._fill_grid(view)  # says how to place people; no chart
                return
            while not modules_ready(CHART_MODULES) or shown_unpainted(self.chart_slot.loading):
                yield WAIT
            if self.chart is None:
                yield from self.build_steps()
            self._fill_grid(view, reveal=False)
            yield None
            yield from self.chart_slot.reveal_steps()

        self.drawing.start(steps)

    # -- why and measure ---------------------------------------------------------------------

    def save_why(self) -> None:
        if self.view is None:
            return
        why, kpi = self.why.toPlainText().strip(), self.kpi.text().strip()
        program = self.view.program
        if (why, kpi) == (program.why, program.kpi):
            return
        if self.run_op("save the program's why", lambda j: j.program.set_why(why, kpi)) is None:
            return
        self.started = True
        self.context.show_status("Saved the program's why and measure.")

    # -- risks --------------------------------------------------------------------------------

    def _fill_risks(self, view: ProgramView) -> None:
        live = any(p.plan.status.value in ("in_progress", "at_risk") for p in view.plans)
        listed = (view.risks, live, self.all_risks)
        if self._listed.get("risks") == listed:
            return
        self._listed["risks"] = listed
        card = self.risk_card
        card.clear()
        card.title.setText("Risks")
        self.risk_rows = []
        if not view.risks:
            card.add_text(
                "No risks for the plans under way."
                if live
                else "Risks appear here once a plan is in progress: set a plan's status "
                "and its people with its Edit button below.",
                "program-no-risks",
            )
            return
        card.title.setText(f"Risks ({len(view.risks)})")
        shown = view.risks if self.all_risks else view.risks[:RISKS_SHOWN]
        for risk in shown:
            row = LinkRow(
                risk.title, risk.message, icon("alarm"), as_written(_risk_tip(risk), wrap=False)
            )
            row.setObjectName(f"risk-{risk.code.value}")
            row.activated.connect(lambda r=risk: self.open_risk(r))
            card.add(row)
            self.risk_rows.append(row)
        hidden = len(view.risks) - len(shown)
        if hidden > 0 or (self.all_risks and len(view.risks) > RISKS_SHOWN):
            more = QPushButton(f"Show all {len(view.risks)} risks" if hidden else "Show fewer")
            more.setObjectName("program-more-risks")
            more.clicked.connect(self.toggle_risks)
            card.add(more)

    def toggle_risks(self) -> None:
        self.all_risks = not self.all_risks
        if self.view is not None:
            self._fill_risks(self.view)

    def open_risk(self, risk: Risk) -> None:
        """Open what fixes a risk: the person's profile, the plan, or the People page."""
        person = risk.person
        if person is not None and risk.plan is None:
            self.edit_person(person)
        elif risk.plan is not None:
            self.edit_plan(risk.plan)
        else:
            self.context.navigate("people")

    def edit_person(self, person: Person) -> None:
        from cxjournal.ui.person_profile import PersonProfileDialog

        dialog = PersonProfileDialog(self.journal, self.context.window, person)
        self.run_dialog(dialog)

    # -- plans ----------------------------------------------------------------------------------

    def _fill_plans(self, view: ProgramView, today: dt.date) -> None:
        from cxjournal.ui.widgets import plan_card  # loaded with the page's view

        listed = (view.plans, today)
        if self._listed.get("plans") == listed:
            return
        self._listed["plans"] = listed
        for card in self.cards:
            self.plans_grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for plan_view in view.plans:
            card = plan_card.PlanCard(plan_view, today)
            card.activated.connect(lambda k=plan_view.kind: self.edit_plan(k))
            self.cards.append(card)
        self._lay_out_cards()

    def _lay_out_cards(self) -> None:
        width = max(1, self.scroll_area.viewport().width() - 60)
        columns = max(1, min(MAX_COLUMNS, width // CARD_WIDTH))
        for index, card in enumerate(self.cards):
            self.plans_grid.addWidget(card, index // columns, index % columns)
        for column in range(MAX_COLUMNS):
            self.plans_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.cards:
            self._lay_out_cards()

    def card(self, kind: PlanKind) -> PlanCard:
        return next(c for c in self.cards if c.view.kind is kind)

    def edit_plan(self, kind: PlanKind) -> None:
        from cxjournal.ui.dialogs.plan_dialog import PlanDialog

        plan = self.journal.program.plan(kind)
        self.plan_dialog = PlanDialog(self.journal, plan, self.context.window, self.today())
        self.run_dialog(self.plan_dialog)

    # -- grid -------------------------------------------------------------------------------------

    def _fill_grid(self, view: ProgramView, reveal: bool = True) -> None:
        """Place the people of ``view`` on the chart (shown at once unless not ``reveal``),
        or say how to place them."""
        entries = list(view.grid)
        if not entries:
            self.grid_hint.setText(
                "Give people a power and an interest (1 to 5) in their profile to place them "
                "here: who to manage closely, keep satisfied, keep informed or monitor."
            )
            self.grid_hint.show()
            self.chart_slot.hide()
            return
        self.grid_hint.hide()
        chart = self._ensure_chart()
        self.chart_slot.show()
        if reveal:
            self.chart_slot.setCurrentWidget(chart)
        chart.set_entries(entries)

    def _ensure_chart(self, in_steps: bool = False) -> PowerInterestChart:
        if self.chart is None:
            from cxjournal.ui.charts.power_interest_chart import PowerInterestChart

            self.chart = PowerInterestChart(in_steps=in_steps)
            self.chart.setMinimumHeight(CHART_HEIGHT)
        if self.chart_slot.chart is not self.chart:
            self.chart_slot.put(self.chart)
        return self.chart

    def open_item(self, **kwargs: Any) -> None:
        kind = kwargs.get("plan")
        if isinstance(kind, PlanKind):
            self.edit_plan(kind)


def _risk_tip(risk: Risk) -> str:
    if risk.person is not None and risk.plan is None:
        return f"Open {risk.person.name}'s profile"
    if risk.plan is not None:
        return "Open the plan"
    return "Open the People page"
