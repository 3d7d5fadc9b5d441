"""Compare an audit with the one before it: who joined or left, how dependences moved."""

from __future__ import annotations

import datetime as dt
import html

from cxjournal.domain.audit_compare import Comparison
from cxjournal.domain.power_audit_alarms import join_names
from cxjournal.qt.core import Qt
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
from cxjournal.ui.audit_wording import percent, score, short_date, signed
from cxjournal.ui.models.comparison_model import ComparisonModel


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
        self.resize(760, 560)

    def _summary_html(self) -> str:
        c = self.comparison
        joined = html.escape(join_names(c.joined)) if c.joined else "no one"
        left = html.escape(join_names(c.left)) if c.left else "no one"
        return f"<p><b>Joined your top ten:</b> {joined}<br><b>Left your top ten:</b> {left}</p>"

    def _totals_html(self) -> str:
        c = self.comparison
        if c.previous_totals is None or c.current_totals is None or c.totals_delta is None:
            return "<p>Totals need people rated in both audits.</p>"
        p, n, d = c.previous_totals, c.current_totals, c.totals_delta
        return (
            "<p><b>Totals</b><br>"
            f"You rely on them: {score(p.reliance)} → {score(n.reliance)} "
            f"({signed(d.reliance)})<br>"
            f"They rely on you: {score(p.influence)} → {score(n.influence)} "
            f"({signed(d.influence)})<br>"
            f"Influence ratio: {p.influence_ratio:.2f} → {n.influence_ratio:.2f}<br>"
            f"Top two hold: {percent(p.top2_share)} → {percent(n.top2_share)}</p>"
        )
