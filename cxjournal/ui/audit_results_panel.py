"""The results of one audit: alarm bells, each person's scores, totals and reach.

Read-only; fed an :class:`~cxjournal.domain.power_audit.Analysis` by the audit
editor (as ratings change) and by the Audits page (for the selected audit).
"""

from __future__ import annotations

from cxjournal.domain.model import REACH_DIMENSIONS
from cxjournal.domain.power_audit import Analysis
from cxjournal.domain.wording import DIMENSION_LABELS, MEASURES, alarm_title, percent
from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QResizeEvent
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.audit_wording import score, signed
from cxjournal.ui.icons import icon
from cxjournal.ui.models.contact_scores_model import ContactScoresModel
from cxjournal.ui.plain_text import escape, plain_label

TOTALS: tuple[tuple[str, str, str], ...] = tuple(
    (key, MEASURES[key].label, MEASURES[key].explains)
    for key in ("count", "reliance", "influence", "net_balance", "influence_ratio", "top2_share")
)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class AlarmView(QFrame):
    """One alarm bell: icon, title, and the message with its next step."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__()
        self.code = code
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        bell = QLabel()
        bell.setPixmap(icon("alarm").pixmap(20, 20))
        bell.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(bell)
        self.text = QLabel(f"<b>{alarm_title(code)}</b><br>{escape(message)}")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(f"Alarm: {alarm_title(code)}")
        self.text.setAccessibleDescription(message)
        layout.addWidget(self.text, 1)


class AuditResultsPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Audit results")
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)

        layout.addWidget(_heading("Alarm bells"))
        self.alarms_box = QVBoxLayout()
        self.alarms_box.setSpacing(6)
        layout.addLayout(self.alarms_box)
        self.no_alarms = QLabel()
        self.no_alarms.setWordWrap(True)
        self.alarms_box.addWidget(self.no_alarms)
        self.alarm_views: list[AlarmView] = []

        layout.addSpacing(8)
        layout.addWidget(_heading("People"))
        self.scores_model = ContactScoresModel(self)
        self.scores = QTableView()
        self.scores.setModel(self.scores_model)
        self.scores.setAccessibleName("Scores per person")
        self.scores.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scores.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scores.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scores.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scores.verticalHeader().hide()
        self.scores.setWordWrap(False)
        header = self.scores.horizontalHeader()
        metrics = self.scores.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, sample in (
            (1, "You rely"),
            (2, "They rely"),
            (3, "Balance"),
            (4, "You lean on them"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 14)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._name_room = metrics.horizontalAdvance("Person name here") + 14
        self.scores.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.scores.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.scores)
        self.no_people = QLabel("Add people and rate them: their scores appear here.")
        self.no_people.setWordWrap(True)
        layout.addWidget(self.no_people)

        layout.addSpacing(8)
        layout.addWidget(_heading("Totals"))
        totals_form = QFormLayout()
        self.totals: dict[str, QLabel] = {}
        for key, label, tip in TOTALS:
            value = QLabel("–")
            value.setToolTip(tip)
            value.setAccessibleName(label)
            caption = QLabel(label)
            caption.setToolTip(tip)
            totals_form.addRow(caption, value)
            self.totals[key] = value
        layout.addLayout(totals_form)

        layout.addSpacing(8)
        layout.addWidget(_heading("Reach"))
        # a grid, not a form: a form layout gives a wrapped value one line's height
        reach_grid = QGridLayout()
        reach_grid.setColumnStretch(1, 1)
        self.reach: dict[str, QLabel] = {}
        for row, dim in enumerate(REACH_DIMENSIONS):
            value = plain_label("–")
            value.setWordWrap(True)
            value.setAccessibleName(f"Reach by {DIMENSION_LABELS[dim].lower()}")
            caption = QLabel(DIMENSION_LABELS[dim])
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            reach_grid.addWidget(caption, row, 0)
            reach_grid.addWidget(value, row, 1)
            self.reach[dim] = value
        layout.addLayout(reach_grid)
        layout.addStretch(1)
        self.set_analysis(None)

    # -- content ---------------------------------------------------------------------

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show ``analysis``; ``None`` shows the panel empty."""
        self._show_alarms(analysis)
        contacts = analysis.contacts if analysis is not None else ()
        self.scores_model.set_contacts(contacts)
        self.scores.setVisible(bool(contacts))
        self.no_people.setVisible(not contacts)
        self._fit_table()
        totals = analysis.totals if analysis is not None else None
        for key, label in self.totals.items():
            if totals is None:
                label.setText("–")
                continue
            number = getattr(totals, key)
            if key == "count":
                label.setText(str(number))
            elif key == "net_balance":
                label.setText(signed(number))
            elif key == "influence_ratio":
                label.setText(f"{number:.2f}")
            elif key == "top2_share":
                label.setText(percent(number))
            else:
                label.setText(score(number))
        for dim, label in self.reach.items():
            figure = analysis.reach.get(dim) if analysis is not None else None
            if figure is None or figure.dominant is None or figure.dominant_share is None:
                label.setText("not filled in")
                continue
            share = percent(figure.dominant_share)
            if figure.filled == 1:
                text = f"1 filled in: {figure.dominant}"
            elif figure.distinct == 1:
                text = f"all {figure.filled} in {figure.dominant}"
            elif figure.distinct == figure.filled:
                text = f"all {figure.filled} different"
            else:
                text = (
                    f"{figure.distinct} different among {figure.filled}; "
                    f"most common: {figure.dominant} ({share})"
                )
            label.setText(text)

    def alarm_codes(self) -> list[str]:
        return [view.code for view in self.alarm_views]

    def _show_alarms(self, analysis: Analysis | None) -> None:
        for view in self.alarm_views:
            self.alarms_box.removeWidget(view)
            view.deleteLater()
        self.alarm_views = []
        alarms = analysis.alarms if analysis is not None else ()
        for alarm in alarms:
            view = AlarmView(alarm.code.value, alarm.message)
            self.alarms_box.addWidget(view)
            self.alarm_views.append(view)
        if analysis is None or (not analysis.contacts and not alarms):
            self.no_alarms.setText("Alarm bells ring here once people are rated.")
        else:
            self.no_alarms.setText("No alarm bell rings for this audit.")
        self.no_alarms.setVisible(not alarms)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """In a narrow panel the last columns (the kind, then the balance) step aside
        rather than squeeze the names or hide behind a scroll bar; the Audits page and
        a wider window show them all."""
        header = self.scores.horizontalHeader()
        room = self.viewport().width() - 16 - 2 * self.scores.frameWidth()
        for column in range(1, self.scores_model.columnCount()):
            header.setSectionHidden(column, False)
        for column in (4, 3):
            shown = sum(
                header.sectionSize(c)
                for c in range(1, self.scores_model.columnCount())
                if not header.isSectionHidden(c)
            )
            if shown + self._name_room <= room:
                break
            header.setSectionHidden(column, True)

    def _fit_table(self) -> None:
        rows = self.scores_model.rowCount()
        height = self.scores.horizontalHeader().sizeHint().height() + 2 * self.scores.frameWidth()
        for row in range(rows):
            height += self.scores.verticalHeader().sectionSize(row)
        self.scores.setFixedHeight(height)
