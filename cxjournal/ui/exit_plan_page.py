"""The Exit plan page: the plan's state, its progress, and the checklist to work through.

The plan starts by itself when the latest audit records a superior who actively
blocks you (the first time, with the checklist from the shipped template), pauses
when a later audit no longer does, and keeps every step. The user can also start it,
mark it done, and edit, add, reorder, date, tick off and delete steps.
"""

from __future__ import annotations

from typing import Any

from cxjournal.domain.exit_plan import progress
from cxjournal.domain.model import ExitItem, ExitPlan, ExitStatus
from cxjournal.domain.trash import GOES_TO_TRASH
from cxjournal.journal.changes import Area
from cxjournal.journal.undo import exit_step_scope, recorded, undoable_delete
from cxjournal.qt.core import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from cxjournal.qt.gui import QAction, QKeyEvent, QKeySequence
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.icons import icon
from cxjournal.ui.models.exit_items_model import DONE, DUE, STEP, ExitItemsModel
from cxjournal.ui.page import Page
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.widgets.empty_state import EmptyState
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

EMPTY_TEXT = (
    "<h2>No exit plan running</h2>"
    "<p>When a superior actively works against your influence, not merely disagrees, "
    "the healthiest move is to have options. Tick <i>A superior is actively blocking "
    "my influence</i> in a power audit and this plan starts by itself with a checklist: "
    "your results on record, your network outside the blocking line, your finances, "
    "your contract, and a date to decide.</p>"
    "<p>Nothing here is shared with anyone. You can also start the plan now, by hand.</p>"
)

STATUS_TEXT: dict[ExitStatus, str] = {
    ExitStatus.ACTIVE: "<b>Active.</b> Work through the steps below, one at a time.",
    ExitStatus.PAUSED: (
        "<b>Paused.</b> Your latest audit no longer records a superior blocking you. "
        "Every step is kept; the plan resumes if a later audit records one again."
    ),
    ExitStatus.DONE: (
        "<b>Done.</b> You closed this plan. Its steps are kept, and it reopens if a later "
        "audit records a superior blocking you."
    ),
}


class ExitPlanPage(Page):
    #: the exit plan (an audit's change to it is announced as one)
    shows = Area.EXIT_PLAN

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.plan = ExitPlan()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(QLabel("<h2>Exit plan</h2>"))
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_plan())

    # -- building -------------------------------------------------------------------------------

    def export_evidence(self) -> None:
        """Evidence of your results: the proof point portfolio, as the checklist asks."""
        import datetime as dt

        from cxjournal.ui.program_exports import export_portfolio

        path = export_portfolio(self.journal, self.context.window, dt.date.today())
        if path is not None:
            self.context.show_status(f"Saved {path}")

    def _build_empty(self) -> QWidget:
        self.start_empty_button = writes_journal(QPushButton(icon("exit"), "&Start the plan now"))
        self.start_empty_button.clicked.connect(self.start_plan)
        return EmptyState(EMPTY_TEXT, self.start_empty_button, text_width=600)

    def _build_plan(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)

        state = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Plan status")
        state.addWidget(self.status_label, 1)
        self.start_button = writes_journal(QPushButton("&Resume plan"))
        self.start_button.clicked.connect(self.start_plan)
        self.done_button = writes_journal(QPushButton("Mark plan &done"))
        self.done_button.setToolTip("Close the plan; every step is kept")
        self.done_button.clicked.connect(self.mark_done)
        state.addWidget(self.start_button)
        state.addWidget(self.done_button)
        self.evidence_button = QPushButton(icon("proof"), "Proof &points as evidence…")
        self.evidence_button.setToolTip(
            "For the step about your results: save your proof point portfolio (PDF, "
            "Markdown or CSV) with each result's figures, value and story"
        )
        self.evidence_button.clicked.connect(self.export_evidence)
        state.addWidget(self.evidence_button)
        layout.addLayout(state)

        self.progress = QProgressBar()
        self.progress.setAccessibleName("Steps done")
        self.progress.setTextVisible(True)
        layout.addWidget(self.progress)

        self.model = ExitItemsModel(commit=self._commit_item, parent=self)
        self.table = writes_journal(QTableView())
        self.table.setModel(self.model)
        self.table.setAccessibleName("Checklist")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DONE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)

        add = QHBoxLayout()
        add_label = QLabel("&New step:")
        self.new_step = writes_journal(QLineEdit())
        self.new_step.setPlaceholderText("Type a step and press Enter")
        self.new_step.setAccessibleName("New step")
        add_label.setBuddy(self.new_step)
        self.new_step.returnPressed.connect(self.add_step)
        self.add_button = writes_journal(QPushButton("&Add"))
        self.add_button.clicked.connect(self.add_step)
        add.addWidget(add_label)
        add.addWidget(self.new_step, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)

        tools = QHBoxLayout()
        self.up_button = writes_journal(QPushButton("Move &up"))
        self.up_button.setToolTip("Move the selected step up (Ctrl+Up)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = writes_journal(QPushButton("Move do&wn"))
        self.down_button.setToolTip("Move the selected step down (Ctrl+Down)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.edit_button = writes_journal(QPushButton("Ed&it step"))
        self.edit_button.setToolTip("Change the selected step's words (F2)")
        self.edit_button.clicked.connect(lambda: self._edit_column(STEP))
        self.due_button = writes_journal(QPushButton("Set due da&te"))
        self.due_button.setToolTip("Give the selected step a due date")
        self.due_button.clicked.connect(lambda: self._edit_column(DUE))
        self.clear_due_button = writes_journal(QPushButton("&Clear due date"))
        self.clear_due_button.clicked.connect(self.clear_due)
        self.delete_button = writes_journal(QPushButton("De&lete step…"))
        self.delete_button.setToolTip("Delete the selected step (Del)")
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (
            self.up_button,
            self.down_button,
            self.edit_button,
            self.due_button,
            self.clear_due_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.delete_button)
        layout.addLayout(tools)

        for keys, slot in (
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
        ):
            action = writes_journal(QAction(self))
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        delete_action = writes_journal(QAction(self.table))
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)
        return body

    # -- redraw ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected_item()
        self.plan = self.journal.exit_plan.get()
        status = self.plan.status
        showing_plan = status is not ExitStatus.INACTIVE or bool(self.plan.items)
        self.stack.setCurrentIndex(1 if showing_plan else 0)
        self.model.set_items(self.plan.items)
        done, total = progress(self.plan.items)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            f"{done} of {total} steps done" if total else "No steps yet: add your first below"
        )
        self.status_label.setText(
            STATUS_TEXT.get(status, "<b>Not started.</b> Start the plan to work through it.")
        )
        self.start_button.setVisible(status is not ExitStatus.ACTIVE)
        self.start_button.setText(
            "&Reopen plan" if status is ExitStatus.DONE else "&Resume plan"
            if status is ExitStatus.PAUSED else "&Start plan"
        )  # fmt: skip
        self.done_button.setVisible(status is not ExitStatus.DONE)
        row = self.model.row_of(keep.id) if keep is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.select_row(row)
        self._update_buttons()

    def select_row(self, row: int, column: int = STEP) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, column),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_item(self) -> ExitItem | None:
        if not hasattr(self, "model"):
            return None
        row = self.selected_row()
        return self.model.item(row) if 0 <= row < self.model.rowCount() else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        has = row >= 0
        count = self.model.rowCount()
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < count - 1)
        for button in (self.edit_button, self.due_button, self.delete_button):
            button.setEnabled(has)
        item = self.selected_item()
        self.clear_due_button.setEnabled(item is not None and item.due is not None)

    # -- the plan --------------------------------------------------------------------------------

    def start_plan(self) -> None:
        with guarded_write(self, "start the exit plan", UNCHANGED) as attempt:
            self.journal.exit_plan.start()
        if not attempt.failed:
            self._changed("Exit plan started")

    def mark_done(self) -> None:
        with guarded_write(self, "mark the exit plan done", UNCHANGED) as attempt:
            self.journal.exit_plan.mark_done()
        if not attempt.failed:
            self._changed("Exit plan marked done; every step is kept")

    def _changed(self, message: str = "") -> None:
        self.announce(Area.EXIT_PLAN)
        if message:
            self.context.show_status(message)

    # -- the steps -------------------------------------------------------------------------------

    def _commit_item(self, item: ExitItem) -> ExitItem | None:
        row = self.model.row_of(item.id)
        before = self.model.item(row) if row >= 0 else None
        with guarded_write(self, "change the step") as attempt:
            saved = apply(
                self.journal,
                "Change exit-plan step",
                recorded(exit_step_scope(item.id), lambda j: j.exit_plan.update_item(item)),
            )
        if attempt.failed:
            if before is not None and before.text != item.text:
                # the words typed go back into the step's editor, to try again
                QTimer.singleShot(0, lambda: self._edit_again(item))
            return None
        # redraw other pages and the status bar after the view has finished its edit
        QTimer.singleShot(0, lambda: self._changed())
        return saved

    def _edit_again(self, item: ExitItem) -> None:
        row = self.model.row_of(item.id)
        if row < 0:
            return
        index = self.model.index(row, STEP)
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.focusWidget()
        if isinstance(editor, QLineEdit):
            editor.setText(item.text)

    def add_step(self) -> None:
        text = self.new_step.text().strip()
        if not text:
            return
        with guarded_write(self, "add the step") as attempt:
            item = apply(
                self.journal,
                "Add exit-plan step",
                recorded(
                    lambda added: exit_step_scope(added.id), lambda j: j.exit_plan.add_item(text)
                ),
            )
        if attempt.failed:
            return  # the words stay in the box
        self.new_step.clear()
        self._changed("Step added")
        self.refresh_if_stale()
        row = self.model.row_of(item.id)
        if row >= 0:
            self.select_row(row)

    def move_selected(self, offset: int) -> None:
        item = self.selected_item()
        if item is None or item.id is None:
            return
        target = self.selected_row() + offset
        if not 0 <= target < self.model.rowCount():
            return
        step_id = item.id
        with guarded_write(self, "move the step", UNCHANGED) as attempt:
            apply(
                self.journal,
                "Move exit-plan step",
                recorded(exit_step_scope(), lambda j: j.exit_plan.move_item(step_id, target)),
            )
        if attempt.failed:
            return
        self._changed()
        self.refresh_if_stale()
        self.select_row(target)
        self.table.setFocus()

    def toggle_selected(self) -> None:
        item = self.selected_item()
        row = self.selected_row()
        if item is None:
            return
        self.model.setData(
            self.model.index(row, DONE),
            Qt.CheckState.Unchecked if item.done else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def clear_due(self) -> None:
        item = self.selected_item()
        if item is None or item.id is None:
            return
        step_id = item.id
        with guarded_write(self, "clear the due date", UNCHANGED) as attempt:
            apply(
                self.journal,
                "Clear due date",
                recorded(
                    exit_step_scope(step_id), lambda j: j.exit_plan.set_item_due(step_id, None)
                ),
            )
        if not attempt.failed:
            self._changed("Due date cleared")

    def _edit_column(self, column: int) -> None:
        row = self.selected_row()
        if row < 0:
            return
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def delete_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete step?",
            as_written(
                f"Delete this step from your exit plan?\n\n“{item.text}”\n\n{GOES_TO_TRASH}"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.selected_row()
        step_id = item.id
        if (
            self.run_undoable(
                "Delete exit-plan step",
                "delete the step",
                undoable_delete("exit_step", step_id),
                UNCHANGED,
            )
            is None
        ):
            return
        self._changed("Step deleted")
        self.refresh_if_stale()
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.toggle_selected()
            return True
        return super().eventFilter(watched, event)

    def open_item(self, **kwargs: Any) -> None:
        self.refresh_if_stale()
