"""The network view beside the balance map: the picture, the figures in plain words,
and the suggested introductions between clusters.

The picture (and pyqtgraph) is built only when the view is first shown. Each
introduction can be added as a talking point to either person's next 1:1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from cxjournal.domain.model import Audit, Person
from cxjournal.domain.network import Introduction, figures_sentences, introductions
from cxjournal.domain.power_audit import Analysis
from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QShowEvent
from cxjournal.qt.widgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.ui.charts.network_chart import NetworkChart

NOT_RECORDED = (
    "Who of these people know each other is not recorded yet: tick them under "
    "\u201cWho knows whom\u201d in the audit form, or confirm that none of them do."
)
TOO_FEW = "Rate at least two people to see who of them know each other."


def talking_point(person: Person, other: Person) -> str:
    """The talking point added to ``person``'s next 1:1 for an introduction."""
    return f"Offer to introduce {other.name}: the two of them don't know each other yet."


def first_name(person: Person) -> str:
    return person.name.split()[0] if person.name.split() else person.name


class LazyNetworkView(QWidget):
    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._today = today
        self.chart: NetworkChart | None = None
        self._audit: Audit | None = None
        self.analysis: Analysis | None = None
        self.intro_buttons: list[tuple[Introduction, Person, QPushButton]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.chart_holder = QWidget()
        self._chart_layout = QVBoxLayout(self.chart_holder)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.chart_holder)

        words = QScrollArea()
        words.setWidgetResizable(True)
        words.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        words.setWidget(body)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(8, 6, 8, 6)
        self.figures_text = QLabel()
        self.figures_text.setWordWrap(True)
        self.figures_text.setTextFormat(Qt.TextFormat.PlainText)
        self.figures_text.setAccessibleName("Network figures")
        self.figures_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body_layout.addWidget(self.figures_text)
        self.intro_heading = QLabel(
            "<b>Introductions that would join your groups</b><br>"
            "Add one as a talking point for either person's next 1:1."
        )
        self.intro_heading.setWordWrap(True)
        body_layout.addWidget(self.intro_heading)
        self.intro_grid = QGridLayout()
        self.intro_grid.setColumnStretch(0, 1)
        self.intro_grid.setColumnStretch(1, 1)
        body_layout.addLayout(self.intro_grid)
        body_layout.addStretch(1)
        self.splitter.addWidget(words)
        self.chart_holder.setMinimumHeight(240)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([3000, 2000])  # three fifths for the picture, at any size
        self.set_analysis(None)

    # -- content ----------------------------------------------------------------------------

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        self._audit = analysis.audit if analysis is not None else None
        figures = analysis.network if analysis is not None else None
        count = len(self._audit.ratings) if self._audit is not None else 0
        if figures is not None:
            text = " ".join(figures_sentences(figures))
        elif count >= 2:
            text = NOT_RECORDED
        else:
            text = TOO_FEW
        self.figures_text.setText(text)
        self.chart_holder.setVisible(count > 0)
        if self.chart is not None:
            self.chart.set_network(self._audit, figures)
        found = introductions(self._audit, figures) if self._audit and figures else ()
        self._show_introductions(found)

    def _show_introductions(self, found: tuple[Introduction, ...]) -> None:
        while self.intro_grid.count():
            taken = self.intro_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.intro_buttons = []
        self.intro_heading.setVisible(bool(found))
        if not found:
            return
        open_points = self._open_points({p.id for i in found for p in (i.first, i.second)})
        for number, intro in enumerate(found):
            row = 2 * number
            pair = QLabel(f"{intro.first.name} \u2194 {intro.second.name}")
            pair.setTextFormat(Qt.TextFormat.PlainText)
            pair.setWordWrap(True)
            self.intro_grid.addWidget(pair, row, 0, 1, 2)
            for column, (person, other) in enumerate(
                ((intro.first, intro.second), (intro.second, intro.first))
            ):
                button = writes_journal(QPushButton(f"+ {first_name(person)}'s 1:1"))
                button.setAccessibleName(
                    f"Add the introduction to {other.name} to {person.name}'s next 1:1"
                )
                text = talking_point(person, other)
                if person.id is None:
                    button.setEnabled(False)
                    button.setToolTip("Save the audit first: this person is new")
                elif text in open_points.get(person.id, set()):
                    self._mark_added(button, person)
                else:
                    button.setToolTip(as_written(f"Talking point for {person.name}: {text}"))
                button.clicked.connect(
                    lambda _c=False, p=person, o=other, b=button: self.add_point(p, o, b)
                )
                self.intro_grid.addWidget(button, row + 1, column)
                self.intro_buttons.append((intro, person, button))

    def _open_points(self, ids: set[int | None]) -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        for person_id in ids:
            if person_id is not None:
                found[person_id] = {i.text for i in self.journal.agenda.open_for(person_id)}
        return found

    def add_point(self, person: Person, other: Person, button: QPushButton) -> None:
        if person.id is None:
            return
        with guarded_write(self, "add the talking point", UNCHANGED) as attempt:
            self.journal.agenda.add(person.id, talking_point(person, other), self._today())
        if attempt.failed:
            return
        self._mark_added(button, person)

    def _mark_added(self, button: QPushButton, person: Person) -> None:
        button.setText("Added \u2713")
        button.setEnabled(False)
        button.setToolTip(
            as_written(f"On {person.name}'s list of talking points for your next 1:1")
        )

    # -- the picture ------------------------------------------------------------------------

    def ensure_chart(self) -> NetworkChart:
        if self.chart is None:
            from cxjournal.ui.charts.network_chart import NetworkChart

            self.chart = NetworkChart(self.chart_holder)
            self._chart_layout.addWidget(self.chart, 1)
            self.chart.set_network(
                self._audit, self.analysis.network if self.analysis is not None else None
            )
        return self.chart

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_chart()
        super().showEvent(event)
