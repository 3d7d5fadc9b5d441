"""File > Import from other tools…: pick the kind and the file, see a preview, import.

Reading the file and working out the preview run in the background (a large
file never freezes the window), on a journal handle of their own; so does the
import itself, with progress. Editing Daylio's moods and activities re-plans
at once from the file already read. Problems are listed as plain text, one per
line, to copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal.exchange.imports import KINDS, DaylioOptions, ImportPlan, ImportReport
from cxjournal.exchange.imports.daylio import DaylioFile
from cxjournal.qt.core import QSize, Signal
from cxjournal.qt.gui import QGuiApplication
from cxjournal.qt.widgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.widgets.daylio_preview import DaylioPreview
from cxjournal.ui.widgets.import_notes_preview import NotesPreview
from cxjournal.ui.widgets.import_people_preview import PeoplePreview

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.ui.workers import Progress, Task

#: File-dialog filters per kind.
FILTERS: dict[str, str] = {
    "vcard": "vCard files (*.vcf *.vcard);;All files (*)",
    "contacts-csv": "CSV files (*.csv);;All files (*)",
    "daylio": "Daylio export (*.csv);;All files (*)",
    "jrnl": "jrnl JSON export (*.json);;All files (*)",
    "dayone": "Day One export (*.zip *.json);;All files (*)",
}
PEOPLE_KINDS = ("vcard", "contacts-csv")


class ImportFromDialog(QDialog):
    """``imported`` carries the report of each import done from here."""

    imported = Signal(object)

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        folder: str = "",
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from other tools")
        self.journal = journal
        self.today = today
        self.folder = folder
        self.task: Task | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.daylio_file: DaylioFile | None = None

        self.kind = QComboBox()
        for kind, label in KINDS.items():
            self.kind.addItem(label, kind)
        self.kind.setAccessibleName("Kind of file")
        self.kind.currentIndexChanged.connect(lambda _i: self._reload())
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("Choose the file the other tool exported")
        self.path.setAccessibleName("File to import")
        browse = QPushButton("&Choose file…")
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Kind:", self.kind)
        form.addRow("File:", file_row)

        intro = QLabel(
            "Contacts become people (merged with yours by e-mail, then by name), Daylio "
            "becomes mood-only check-ins, jrnl and Day One become journal notes. Nothing "
            "is written until you press Import, and importing a file again changes nothing."
        )
        intro.setWordWrap(True)
        self.status = plain_label()
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)

        self.people_preview = PeoplePreview()
        self.notes_preview = NotesPreview()
        self.daylio_preview = DaylioPreview()
        self.daylio_preview.options_changed.connect(self._replan_daylio)
        self.previews = QStackedWidget()
        self.blank = QWidget()
        for page in (self.blank, self.people_preview, self.notes_preview, self.daylio_preview):
            self.previews.addWidget(page)

        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems found in the file")
        lines = self.problems.fontMetrics().lineSpacing()
        self.problems.setMaximumHeight(lines * 5 + 12)  # scrolls beyond five problems
        self.copy_button = QPushButton("Copy &problems")
        self.copy_button.clicked.connect(self.copy_problems)
        self.problems_label = plain_label()
        self.problems_label.setWordWrap(True)
        problems_head = QHBoxLayout()
        problems_head.addWidget(self.problems_label, 1)
        problems_head.addWidget(self.copy_button)
        self.problems_box = QWidget()
        box_layout = QVBoxLayout(self.problems_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addLayout(problems_head)
        box_layout.addWidget(self.problems)
        self.problems_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(self.previews, 1)
        layout.addWidget(self.problems_box)
        layout.addWidget(self.buttons)
        self.resize(_fitting_size(parent))

    # -- choosing --------------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def choose_file(self) -> None:
        kind = self.current_kind()
        name, _ = QFileDialog.getOpenFileName(
            self, f"Import {KINDS[kind]}", self.folder, FILTERS[kind]
        )
        if name:
            self.load(Path(name))

    def _reload(self) -> None:
        if self.path.text():
            self.load(Path(self.path.text()))

    def busy(self) -> bool:
        return self.task is not None and self.task.running

    # -- preview -----------------------------------------------------------------------------

    def load(self, path: Path) -> Task | None:
        """Read ``path`` as the chosen kind and preview it, in the background."""
        if self.busy():
            return None
        self.path.setText(str(path))
        self.folder = str(path.parent)
        kind, today = self.current_kind(), self.today()
        self.plan = self.report = self.daylio_file = None
        self.import_button.setEnabled(False)

        def work(_progress: Progress) -> tuple[DaylioFile | None, ImportPlan, ImportReport]:
            from cxjournal.exchange import imports
            from cxjournal.exchange.imports import daylio
            from cxjournal.exchange.imports.merge import apply
            from cxjournal.journal.backup_ops import reopen

            data = path.read_bytes()
            file = daylio.parse(data) if kind == "daylio" else None
            plan = daylio.plan(file) if file is not None else imports.read(kind, data)
            with reopen(self.journal) as journal:
                return file, plan, apply(journal, plan, today, dry_run=True)

        return self._start("Reading the file…", work, self._previewed)

    def _previewed(self, result: tuple[DaylioFile | None, ImportPlan, ImportReport]) -> None:
        file, plan, report = result
        if file is not None:
            self.daylio_file = file
            self.daylio_preview.set_file(file, DaylioOptions())
        self._show(plan, report)

    def _replan_daylio(self) -> None:
        from cxjournal.exchange.imports import daylio
        from cxjournal.exchange.imports.merge import apply

        if self.daylio_file is None or self.busy():
            return
        plan = daylio.plan(self.daylio_file, self.daylio_preview.options())
        self._show(plan, apply(self.journal, plan, self.today(), dry_run=True))

    def _show(self, plan: ImportPlan, report: ImportReport) -> None:
        self.plan, self.report = plan, report
        if plan.kind in PEOPLE_KINDS:
            self.people_preview.show_preview(plan, report)
            self.previews.setCurrentWidget(self.people_preview)
        elif plan.kind == "daylio" and self.daylio_file is not None:
            self.daylio_preview.show_report(self.daylio_file, report)
            self.previews.setCurrentWidget(self.daylio_preview)
        else:
            self.notes_preview.show_preview(plan, report)
            self.previews.setCurrentWidget(self.notes_preview)
        self._show_problems(list(report.problems))
        new = any(report.added.values())
        self.import_button.setEnabled(not report.problems and new)
        if report.problems:
            self.status.setText("Nothing can be imported until every problem below is solved.")
        elif new:
            self.status.setText("Nothing is written until you press Import.")
        else:
            self.status.setText("Everything in this file is already in your journal.")

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.setPlainText("\n".join(problems))
        count = len(problems)
        self.problems_label.setText(
            "The file has a problem:" if count == 1 else f"The file has {count} problems:"
        )
        self.problems_box.setVisible(bool(problems))

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText(self.problems.toPlainText())

    # -- import ------------------------------------------------------------------------------

    def start_import(self) -> Task | None:
        plan, today = self.plan, self.today()
        if plan is None or plan.problems or self.busy():
            return None

        def work(progress: Progress) -> ImportReport:
            from cxjournal.exchange.imports.merge import apply
            from cxjournal.journal.backup_ops import reopen

            with reopen(self.journal) as journal:
                return apply(journal, plan, today, progress=progress)

        return self._start("Importing…", work, self._imported)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.import_button.setEnabled(False)
        self.status.setText("Imported. " + "; ".join(report.lines()) + ".")
        self.imported.emit(report)

    # -- background work ---------------------------------------------------------------------

    def _start(self, label: str, work: Any, on_done: Callable[[Any], None]) -> Task:
        from cxjournal.ui.workers import run_task

        self.task = run_task(self, "Import from other tools", label, work, on_done, self._failed)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        from cxjournal.domain.errors import CxJournalError

        if isinstance(exc, OSError):
            text = f"The file cannot be read: {exc.strerror or exc}"
        elif isinstance(exc, CxJournalError):
            text = str(exc)
        else:
            text = f"Something went wrong ({type(exc).__name__}). Your journal was not changed."
        self.previews.setCurrentWidget(self.blank)
        self.import_button.setEnabled(False)
        self.status.setText("Nothing was imported.")
        self._show_problems([text])


def _fitting_size(parent: QWidget | None) -> QSize:
    """Roomy, but inside the window it belongs to (or the screen)."""
    wanted = QSize(980, 680)
    area = parent.size() if parent is not None else None
    if area is None:
        screen = QGuiApplication.primaryScreen()
        area = screen.availableSize() if screen is not None else wanted
    return QSize(min(wanted.width(), area.width() - 40), min(wanted.height(), area.height() - 40))
