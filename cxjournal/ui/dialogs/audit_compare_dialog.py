"""Compare an audit with the one before it: who joined or left, how dependences moved."""

from __future__ import annotations

import datetime as dt
import html

from cxjournal.domain.audit_compare import Comparison
from cxjournal.domain.wording import alarm_titles, join_names, measure, percent, short_date
from cxjournal.qt.core import QSize, Qt
from cxjournal.qt.gui import QColor
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.audit_wording import score, signed
from cxjournal.ui.models.comparison_model import ComparisonModel
from cxjournal.ui.screen_fit import fit_to_screen
from cxjournal.ui.theme import move_colour


def _date(on: dt.date) -> str:
    return short_date(on)


class AuditCompareDialog(QDialog):
    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        before, after = _date(comparison.previous.taken_on), _date(comparison.current.taken_on)
        self.setWindowTitle(f"Audit of {after} compared with {before}")
        layout = QVBoxLayout(self)

        self.summary = QLabel(self._summary_html())
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("Who joined and who left")
        layout.addWidget(self.summary)

        self.alarms = QLabel(self._alarms_html())
        self.alarms.setWordWrap(True)
        self.alarms.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alarms.setAccessibleName("Alarm bells that came and went")
        layout.addWidget(self.alarms)

        self.model = ComparisonModel(self)
        self.model.set_changes(comparison.stayed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("People in both audits")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if comparison.stayed:
            caption = QLabel(f"<b>In both audits</b> ({before} → {after})")
            layout.addWidget(caption)
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
            layout.addWidget(QLabel("No one is in both audits."))

        self.totals = QLabel(self._totals_html())
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName("How the totals moved")
        layout.addWidget(self.totals)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(760, 600))

    def _summary_html(self) -> str:
        c = self.comparison
        joined = html.escape(join_names(c.joined)) if c.joined else "no one"
        left = html.escape(join_names(c.left)) if c.left else "no one"
        return f"<p><b>Joined your top ten:</b> {joined}<br><b>Left your top ten:</b> {left}</p>"

    def _move(self, change: float, good_when_up: bool) -> str:
        """A signed change, green for the better and red for the worse."""
        colour = move_colour(change, good_when_up, self.palette())
        text = html.escape(signed(change))
        return f'<span style="color:{colour.name()}">{text}</span>' if colour else text

    def _alarms_html(self) -> str:
        """Which alarm bells started ringing, stopped, or still ring; the moves in colour."""
        c = self.comparison
        palette = self.palette()
        worse = move_colour(1, False, palette)
        better = move_colour(1, True, palette)

        def names(codes: tuple[str, ...]) -> str:
            return html.escape(", ".join(alarm_titles(codes))) if codes else "none"

        def coloured(text: str, colour: QColor | None, codes: tuple[str, ...]) -> str:
            if not codes or colour is None:
                return text
            return f'<span style="color:{colour.name()}">{text}</span>'

        came = coloured(f"<b>Started ringing:</b> {names(c.alarms_came)}", worse, c.alarms_came)
        went = coloured(f"<b>Stopped ringing:</b> {names(c.alarms_went)}", better, c.alarms_went)
        still = f"<b>Still ringing:</b> {names(c.alarms_stayed)}"
        return f"<p><b>Alarm bells</b><br>{came}<br>{went}<br>{still}</p>"

    def _totals_html(self) -> str:
        c = self.comparison
        if c.previous_totals is None or c.current_totals is None or c.totals_delta is None:
            return "<p>Totals need people rated in both audits.</p>"
        p, n, d = c.previous_totals, c.current_totals, c.totals_delta
        return (
            "<p><b>Totals</b><br>"
            f"{measure('reliance')}: {score(p.reliance)} → {score(n.reliance)} "
            f"({self._move(d.reliance, good_when_up=False)})<br>"
            f"{measure('influence')}: {score(p.influence)} → {score(n.influence)} "
            f"({self._move(d.influence, good_when_up=True)})<br>"
            f"{measure('influence_ratio')}: {p.influence_ratio:.2f} → {n.influence_ratio:.2f}<br>"
            f"{measure('top2_share')}: {percent(p.top2_share)} → {percent(n.top2_share)}</p>"
        )
