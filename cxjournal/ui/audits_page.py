"""The Audits page: every power audit with its alarm bells, and the selected one's results.

New audit, new from the latest (a quarterly re-audit in minutes), edit, delete,
compare with the previous audit. The balance map and the network picture are built
only when their tab is first shown, so opening the page never imports pyqtgraph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import Audit
from cxjournal.domain.power_audit import METHOD_NOTE, Analysis
from cxjournal.domain.trash import GOES_TO_TRASH
from cxjournal.domain.wording import long_date, short_date
from cxjournal.journal.changes import Area
from cxjournal.journal.drafts import UnratedRow
from cxjournal.journal.undo import undoable_delete
from cxjournal.qt.core import QItemSelectionModel, QModelIndex, Qt
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui import sort_arrows
from cxjournal.ui.audit_results_panel import AuditResultsPanel
from cxjournal.ui.icons import icon
from cxjournal.ui.models.audit_list_model import ALARMS, DATE, PEOPLE, AuditListModel
from cxjournal.ui.page import Page
from cxjournal.ui.plain_text import as_written, escape
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.widgets.empty_state import EmptyState
from cxjournal.ui.widgets.lazy_balance_map import LazyBalanceMap
from cxjournal.ui.widgets.lazy_network_view import LazyNetworkView
from cxjournal.ui.widgets.wrapped_rows import WrappedRows
from cxjournal.ui.write_guard import UNCHANGED

if TYPE_CHECKING:
    from cxjournal.ui.audit_editor import AuditEditor

EMPTY_TEXT = (
    "<h2>No power audit yet</h2>"
    "<p>A power audit lists the people you most depend on to get your work done, up "
    "to ten. For each one you rate what they give you and how hard they would be to "
    "replace, then flip the view: what you give them, and how replaceable you are to "
    "them. cxjournal then shows where your influence is narrow, lopsided or resting "
    "on one or two people, and what to do about it.</p>"
    "<p>It takes about fifteen minutes the first time. Re-audit every month or quarter "
    "to see how your network moves.</p>"
)


class AuditsPage(Page):
    #: audits, the people in them, talking points in the network, and the thresholds
    shows = Area.AUDITS | Area.PEOPLE | Area.AGENDA | Area.SETTINGS

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.editor: AuditEditor | None = None  # the open form, if any
        self.analysis: Analysis | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)

        toolbar = QHBoxLayout()
        title = QLabel("<h2>Power audits</h2>")
        toolbar.addWidget(title)
        toolbar.addStretch(1)
        self.new_button = writes_journal(QPushButton(icon("audit"), "&New audit"))
        self.new_button.setToolTip("Start an empty audit (Ctrl+Shift+N)")
        self.new_button.clicked.connect(self.new_audit)
        self.from_latest_button = writes_journal(QPushButton("New from &latest"))
        self.from_latest_button.setToolTip(
            "Start a re-audit with the people and ratings of your latest audit, then change "
            "what moved (Ctrl+Shift+L)"
        )
        self.from_latest_button.clicked.connect(self.new_from_latest)
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.from_latest_button)
        layout.addLayout(toolbar)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_content())

    # -- building -------------------------------------------------------------------------------

    def _build_empty(self) -> QWidget:
        self.start_button = writes_journal(QPushButton(icon("audit"), "&Start your first audit"))
        self.start_button.clicked.connect(self.new_audit)
        return EmptyState(EMPTY_TEXT + f"<p><small>{METHOD_NOTE}</small></p>", self.start_button)

    def _build_content(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = AuditListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Audits")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # widths from the font, not from every row's contents: a long list opens fast
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DATE, metrics.horizontalAdvance("00 Mmm 0000") + 24)
        header.resizeSection(PEOPLE, metrics.horizontalAdvance("People") + 24)
        header.setStretchLastSection(True)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        header.setToolTip("Click a column's title to sort by it")
        self.table.setSortingEnabled(True)
        sort_arrows.use_for(self.table)
        # the alarm bells wrap onto as many lines as they need rather than being cut off;
        # the rows are measured when the list or the bells' width changes, not on each visit
        self.rows = WrappedRows(self.table, wrapping=(ALARMS,))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.edit_selected())
        delete_action = writes_journal(QAction("Delete audit", self.table))
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)
        left_layout.addWidget(self.table)
        # room for the date, the count and an alarm bell's longest word, without scrolling
        bells = metrics.horizontalAdvance("Power imbalance,") + 36
        left.setMinimumWidth(
            header.sectionSize(DATE)
            + header.sectionSize(PEOPLE)
            + bells
            + self.table.verticalScrollBar().sizeHint().width()
            + 2 * self.table.frameWidth()
        )
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        # the title on a line of its own and the buttons under it: in a narrow window the
        # title keeps its width and the list beside it keeps room for its alarm bells
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        right_layout.addWidget(self.detail_title)
        head = QHBoxLayout()
        self.edit_button = writes_journal(QPushButton("Ed&it…"))
        self.edit_button.setToolTip("Change this audit's date, people or ratings (Enter)")
        self.edit_button.clicked.connect(self.edit_selected)
        self.compare_button = QPushButton("&Compare with previous…")
        self.compare_button.clicked.connect(self.compare_selected)
        self.delete_button = writes_journal(QPushButton("&Delete…"))
        self.delete_button.setToolTip("Delete this audit (Del)")
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.edit_button, self.compare_button, self.delete_button):
            head.addWidget(button)
        head.addStretch(1)
        right_layout.addLayout(head)
        self.tabs = QTabWidget()
        self.results = AuditResultsPanel()
        self.map = LazyBalanceMap()
        self.network = LazyNetworkView(self.journal)
        self.tabs.addTab(self.results, "Results")
        self.tabs.addTab(self.map, "Balance map")
        self.tabs.addTab(self.network, "Network")
        right_layout.addWidget(self.tabs, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 640])
        return splitter

    # -- redraw ----------------------------------------------------------------------------------

    def primary_widget(self) -> QWidget | None:
        return self.start_button if self.stack.currentIndex() == 0 else self.new_button

    def refresh(self) -> None:
        keep = self.selected_id()
        summaries = self.journal.audits.summaries()
        self.model.set_summaries(summaries)
        self.stack.setCurrentIndex(1 if summaries else 0)
        self.from_latest_button.setEnabled(bool(summaries))
        if not summaries:
            self._show(None)
            return
        row = self.model.row_of(keep) if keep is not None else -1
        self.select_row(max(row, 0))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        moves = self.table.currentIndex().row() != row
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not moves:  # no currentRowChanged signal: show it here
            self._show(self.model.summary(row).id)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(index.row()).id

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.summary(current.row()).id)

    def _show(self, audit_id: int | None) -> None:
        self.analysis = None
        if audit_id is not None:
            try:
                self.analysis = self.journal.audits.analysis(audit_id)
            except NotFoundError:
                self.analysis = None
        analysis = self.analysis
        self.results.set_analysis(analysis)
        self.map.set_contacts(
            analysis.contacts if analysis else (),
            analysis.thresholds if analysis else self.journal.settings.thresholds(),
        )
        self.network.set_analysis(analysis)
        has = analysis is not None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(has)
        is_first = has and self.model.row_of(audit_id or -1) == self.model.rowCount() - 1
        self.compare_button.setEnabled(has and not is_first)
        self.compare_button.setToolTip(
            "This is your first audit: there is nothing to compare it with yet"
            if is_first
            else "Who joined or left your top ten since the audit before, and how each "
            "person's dependences moved"
        )
        if analysis is None:
            self.detail_title.setText("")
            return
        audit = analysis.audit
        count = len(audit.ratings)
        text = (
            f"<h3>Audit of {long_date(audit.taken_on)}</h3>"
            f"{count} {'person' if count == 1 else 'people'} · "
            f"{len(analysis.alarms) or 'no'} alarm bell{'s' if len(analysis.alarms) != 1 else ''}"
        )
        if audit.note.strip():
            text += f"<br><i>{escape(audit.note.strip())}</i>"
        self.detail_title.setText(text)

    def open_item(self, **kwargs: Any) -> None:
        """Select ``audit_id``; with ``new=True`` open the form for a new audit."""
        audit_id = kwargs.get("audit_id")
        self.refresh_if_stale()
        if kwargs.get("new"):
            self.new_audit()
            return
        if isinstance(audit_id, int):
            row = self.model.row_of(audit_id)
            if row >= 0:
                self.select_row(row)

    # -- actions ---------------------------------------------------------------------------------

    def new_audit(self) -> None:
        self.open_editor(Audit(taken_on=dt.date.today()))

    def new_from_latest(self) -> None:
        draft = self.journal.audits.new_from_latest(dt.date.today())
        if draft is None:
            self.new_audit()
            return
        self.open_editor(draft)

    def edit_selected(self) -> None:
        audit_id = self.selected_id()
        if audit_id is None:
            return
        self.open_editor(self.journal.audits.get(audit_id))

    def open_editor(self, audit: Audit, unrated: Sequence[UnratedRow] = ()) -> AuditEditor:
        """Open the audit form (window-modal, not blocking) and return it; ``unrated`` are
        the people of a resumed draft not fully rated yet."""
        from cxjournal.ui.audit_editor import AuditEditor

        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        editor = AuditEditor(self.journal, audit, self.context.window, unrated)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._editor_saved(editor))
        editor.finished.connect(lambda _result: self._editor_closed())
        self.editor = editor
        editor.open()
        return editor

    def _editor_closed(self) -> None:
        self.editor = None

    def _editor_saved(self, editor: AuditEditor) -> None:
        saved: Audit | None = editor.saved_audit
        self.announce(editor.saved_changes)
        if saved is not None and saved.id is not None:
            self.open_item(audit_id=saved.id)
            self.context.show_status(f"Audit of {short_date(saved.taken_on)} saved")

    def delete_selected(self) -> None:
        audit_id = self.selected_id()
        if audit_id is None:
            return
        summary = self.model.summary(self.model.row_of(audit_id))
        when = long_date(summary.taken_on)
        people = f"{summary.people} {'rating' if summary.people == 1 else 'ratings'}"
        answer = QMessageBox.question(
            self,
            "Delete audit?",
            as_written(
                f"Delete the audit of {when} and its {people}? The people stay in your "
                f"directory.\n\n{GOES_TO_TRASH}"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleting = undoable_delete("audit", audit_id)
        if self.run_undoable("Delete audit", "delete the audit", deleting, UNCHANGED) is None:
            return
        self.context.show_status(f"Audit of {when} deleted")

    def compare_selected(self) -> Any:
        audit_id = self.selected_id()
        if audit_id is None:
            return None
        comparison = self.journal.audits.compare_with_previous(audit_id)
        if comparison is None:
            self.context.show_status("This is your first audit: nothing to compare it with yet")
            return None
        from cxjournal.ui.dialogs.audit_compare_dialog import AuditCompareDialog

        dialog = AuditCompareDialog(comparison, self.context.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
