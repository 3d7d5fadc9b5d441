"""The Proof points page: the ledger of early wins and results, newest first, filtered
by plan, with whom each was shared; add, edit and delete them.

The program's risks and a 1:1's "not shown yet" list read the same records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.model import PLAN_KINDS, PlanKind, ProofPoint
from cxjournal.domain.program_wording import (
    PLAN_TITLES,
    proof_result_text,
    proof_shared_text,
    proof_value_text,
)
from cxjournal.domain.trash import GOES_TO_TRASH
from cxjournal.journal.changes import Area
from cxjournal.journal.undo import undoable_delete
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
)
from cxjournal.ui.icons import icon
from cxjournal.ui.models.proof_points_model import PLANS, SHARED, TITLE, ProofPointsModel
from cxjournal.ui.page import Page
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.widgets.empty_state import EmptyState
from cxjournal.ui.write_guard import UNCHANGED

EMPTY_TEXT = (
    "<h2>No proof points yet</h2>"
    "<p>A proof point is a result that shows the program works: fewer repeat calls, a "
    "complaint journey fixed, renewals kept. Note the metric, where it started and where it "
    "is now, what it is worth and the story behind it.</p>"
    "<p>Leaders who do not report to you move for evidence they care about. cxjournal "
    "reminds you, before each 1:1, which results that person has not seen yet.</p>"
)


def detail_text(point: ProofPoint) -> str:
    """The selected proof point in full: metric and figures, value, story, shares."""
    lines = [point.title]
    figures = proof_result_text(point)
    if point.metric or figures:
        lines.append(": ".join(part for part in (point.metric, figures) if part))
    if point.value is not None:
        lines.append(f"Worth {proof_value_text(point)}")
    if point.story:
        lines.append(point.story)
    shared = proof_shared_text(point)
    lines.append(f"Shared with {shared}" if shared else "Not shared with anyone yet.")
    return "\n".join(lines)


class ProofPointsPage(Page):
    #: proof points and the people they were shared with
    shows = Area.PROGRAM | Area.PEOPLE

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.today = dt.date.today  # replaced in tests
        self.points: list[ProofPoint] = []
        self.dialog: Any = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>Proof points</h2>"))
        header.addStretch(1)
        plan_label = QLabel("&Plan:")
        self.plan_filter = QComboBox()
        self.plan_filter.setAccessibleName("Show proof points of plan")
        self.plan_filter.addItem("All plans", None)
        for kind in PLAN_KINDS:
            self.plan_filter.addItem(PLAN_TITLES[kind], kind.value)
        plan_label.setBuddy(self.plan_filter)
        self.plan_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button = writes_journal(QPushButton(icon("proof"), "&New proof point"))
        self.add_button.setToolTip("Record a result that shows the program works (Alt+N)")
        self.add_button.clicked.connect(self.add_point)
        self.edit_button = writes_journal(QPushButton("Ed&it…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = writes_journal(QPushButton("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip(
            "Save the portfolio as PDF, Markdown or CSV: evidence of your results"
        )
        self.export_button.clicked.connect(self.export)
        for widget in (plan_label, self.plan_filter, self.add_button, self.edit_button,
                       self.delete_button, self.export_button):  # fmt: skip
            header.addWidget(widget)
        layout.addLayout(header)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.empty_button = writes_journal(
            QPushButton(icon("proof"), "Record your first &proof point")
        )
        self.empty_button.clicked.connect(self.add_point)
        self.empty = EmptyState(EMPTY_TEXT, self.empty_button, text_width=600)
        self.stack.addWidget(self.empty)

        self.model = ProofPointsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Proof points")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(SHARED, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(PLANS, QHeaderView.ResizeMode.Interactive)
        header_view.resizeSection(PLANS, 170)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.stack.addWidget(self.table)
        self.filtered_empty = QLabel("No proof point for this plan yet.")
        self.filtered_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.filtered_empty)
        self.detail = QLabel()
        self.detail.setObjectName("proof-detail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("The selected proof point")
        layout.addWidget(self.detail)
        self.summary = QLabel()
        self.summary.setObjectName("proof-summary")
        layout.addWidget(self.summary)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())

    # -- content ---------------------------------------------------------------------------

    def plan(self) -> PlanKind | None:
        value = self.plan_filter.currentData()
        return PlanKind(value) if value else None

    def refresh(self) -> None:
        selected = self.selected()
        everything = self.journal.program.proof_points()
        plan = self.plan()
        self.points = [p for p in everything if plan is None or plan in p.plans]
        self.model.set_points(self.points)
        if not everything:
            self.stack.setCurrentWidget(self.empty)
        elif not self.points:
            self.stack.setCurrentWidget(self.filtered_empty)
        else:
            self.stack.setCurrentWidget(self.table)
            self.table.resizeRowsToContents()
        unshared = sum(1 for p in self.points if not p.shared)
        self.summary.setText(
            f"{len(self.points)} proof point{'s' if len(self.points) != 1 else ''}"
            + (f", {unshared} not shared with anyone yet" if unshared else "")
            if self.points
            else ""
        )
        has = bool(self.points)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if selected is not None and selected.id is not None:
            self.select(selected.id)
        elif has:
            self.table.selectRow(0)
        self._show_detail()

    def _show_detail(self) -> None:
        point = self.selected() if self.points else None
        self.detail.setVisible(point is not None)
        if point is not None:
            self.detail.setText(detail_text(point))

    def selected(self) -> ProofPoint | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.point(rows[0].row()) if rows else None

    def select(self, point_id: int) -> None:
        row = self.model.row_of(point_id)
        if row >= 0:
            self.table.selectRow(row)

    def open_item(self, **kwargs: Any) -> None:
        plan = kwargs.get("plan")
        if isinstance(plan, PlanKind):
            self.plan_filter.setCurrentIndex(self.plan_filter.findData(plan.value))

    # -- actions -------------------------------------------------------------------------------

    def add_point(self) -> None:
        self._edit(None)

    def edit_selected(self) -> None:
        point = self.selected()
        if point is not None:
            self._edit(point)

    def _edit(self, point: ProofPoint | None) -> None:
        from cxjournal.ui.dialogs.proof_point_dialog import ProofPointDialog

        self.dialog = ProofPointDialog(
            self.journal, point, self.context.window, self.today(), plan=self.plan()
        )
        saved = self.dialog.saved_point if self.run_dialog(self.dialog) else None
        if saved is not None and saved.id is not None:
            self.select(saved.id)

    def export(self) -> None:
        from cxjournal.ui.program_exports import export_portfolio

        path = export_portfolio(self.journal, self.context.window, self.today())
        if path is not None:
            self.context.show_status(f"Saved {path}")

    def delete_selected(self) -> None:
        point = self.selected()
        if point is None or point.id is None:
            return
        shared = f" It was shared with {len(point.shared)} people." if point.shared else ""
        answer = QMessageBox.question(
            self,
            "Delete this proof point?",
            as_written(f"Delete “{point.title}”?{shared}\n\n{GOES_TO_TRASH}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        point_id = point.id
        self.run_undoable(
            "Delete proof point",
            "delete the proof point",
            undoable_delete("proof_point", point_id),
            UNCHANGED,
        )
