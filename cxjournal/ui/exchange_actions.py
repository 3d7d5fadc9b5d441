"""File menu: export an audit snapshot (Ctrl+E), export and import the journal, import
from other tools, back up, restore; Help menu: open a demo journal.

Long work (import, export, PDF, backup, building the demo) runs in the background
(:mod:`cxjournal.ui.workers`) on its own journal handle, with a progress dialog.
A restore runs on the GUI thread, after every background task has finished:
it closes the journal's connections, replaces the file and reopens the same
``Journal`` object, so the window carries on with the restored journal.
The demo journal opens in a separate cxjournal process on a temporary file, so
it can never mix with the user's own journal.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal.journal.changes import Area
from cxjournal.qt.core import QObject, Qt
from cxjournal.qt.gui import QAction, QIcon, QKeySequence
from cxjournal.qt.widgets import QApplication, QFileDialog, QMessageBox
from cxjournal.ui.icons import icon
from cxjournal.ui.plain_text import as_written

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.ui.services import Services
    from cxjournal.ui.workers import Progress, Task

AUDITS_PAGE = "audits"
FOLDER_KEY = "exchange/last_folder"
DEMO_YEARS = 3
JSON_FILTER = "cxjournal journal (*.json);;All files (*)"


#: (menu, text, method, tip, shortcut, icon); None draws a separator in the File menu
MENU: tuple[tuple[str, str, str, str, str, str] | None, ...] = (
    None,
    ("file", "&Export audit…", "export_audit",
     "Save a snapshot of a power audit to share: PDF, Markdown, CSV or JSON", "Ctrl+E", "audit"),
    ("file", "Export &journal…", "export_journal",
     "Save the whole journal as one JSON file (exchange format v1)", "", ""),
    ("file", "&Import journal…", "import_journal",
     "Add a journal file (exchange format v1) to this journal, all or nothing", "", ""),
    ("file", "Import &from other tools…", "import_from",
     "Bring in contacts (vCard, Outlook, Google), Daylio moods, jrnl or Day One", "", ""),
    None,
    ("file", "&Back up now", "back_up_now",
     "Make a copy of the journal in the backups folder beside it", "", ""),
    ("file", "&Restore from backup…", "restore_from_backup",
     "Replace the journal with one of its backups, keeping a copy of the current one", "", ""),
    ("help", "Open &demo journal…", "open_demo",
     "Try cxjournal on an invented journal, in a separate window", "", ""),
)  # fmt: skip


#: the menu entries that write to this journal
WRITING = ("import_journal", "back_up_now", "restore_from_backup")


def install(services: Services) -> None:
    actions = ExchangeActions(services)
    services.extensions.exchange_actions = actions
    for entry in MENU:
        if entry is None:
            services.menu("file").addSeparator()
            continue
        menu, text, method, tip, shortcut, icon_name = entry
        action = actions.add_action(text, getattr(actions, method), tip, shortcut, icon_name)
        if method in WRITING:
            from cxjournal.ui.main_window import writes_journal

            writes_journal(action)
        services.menu(menu).addAction(action)


class ExchangeActions(QObject):
    """The menu actions' behaviour; one per main window (``extensions.exchange_actions``)."""

    def __init__(self, services: Services) -> None:
        super().__init__(services.window)
        self.services = services
        #: the parent of dialogs
        self.window = services.window
        self.task: Task | None = None
        self.menu_actions: dict[str, QAction] = {}

    @property
    def journal(self) -> Journal:
        return self.services.journal

    # -- helpers ----------------------------------------------------------------------------

    def add_action(
        self, text: str, slot: Any, tip: str, shortcut: str = "", icon_name: str = ""
    ) -> QAction:
        """A menu action, remembered in ``menu_actions`` by its text without marks."""
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu_actions[text.replace("&", "").rstrip("…")] = action
        return action

    def busy(self) -> bool:
        if self.task is not None and self.task.running:
            self.services.show_status("Please wait: the previous task is still running")
            return True
        return False

    def _start(self, title: str, label: str, work: Any, on_done: Any, on_error: Any) -> Task:
        from cxjournal.ui.workers import run_task

        self.task = run_task(self.window, title, label, work, on_done, on_error)
        return self.task

    def _folder(self) -> str:
        from cxjournal.ui.dialogs.export_audit_dialog import default_folder

        saved = self.services.settings.value(FOLDER_KEY)
        return str(saved) if saved and Path(str(saved)).is_dir() else str(default_folder())

    def _remember_folder(self, path: Path) -> None:
        self.services.settings.setValue(FOLDER_KEY, str(path.parent))

    def _failed(self, title: str, exc: BaseException) -> None:
        from cxjournal.domain.errors import CxJournalError

        if isinstance(exc, CxJournalError | OSError):
            text = str(exc.strerror or exc) if isinstance(exc, OSError) else str(exc)
        else:
            text = f"Something went wrong ({type(exc).__name__}). Your journal was not changed."
        QMessageBox.warning(self.window, title, as_written(text))

    def _replace_ok(self, path: Path) -> bool:
        if not path.exists():
            return True
        answer = QMessageBox.question(
            self.window,
            "Replace the file?",
            as_written(f"{path.name} already exists in {path.parent}. Replace it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- audit snapshot --------------------------------------------------------------------

    def selected_audit(self) -> int | None:
        """The audit selected on the Audits page, if that page was opened and has one."""
        page = self.window.pages.get(AUDITS_PAGE)
        for name in ("selected_audit_id", "selected_id"):
            getter = getattr(page, name, None)
            if callable(getter):
                selected = getter()
                return int(selected) if selected is not None else None
        return None

    def export_audit(self) -> Task | None:
        from cxjournal.ui.dialogs.export_audit_dialog import ExportAuditDialog

        if self.busy():
            return None
        summaries = self.journal.audits.summaries()
        if not summaries:
            QMessageBox.information(
                self.window,
                "Export audit snapshot",
                "There is no power audit to export yet. Record your first audit on the "
                "Power audits page, then export it from here.",
            )
            return None
        dialog = ExportAuditDialog(
            summaries, self.selected_audit(), Path(self._folder()), self.window
        )
        if dialog.exec() != ExportAuditDialog.DialogCode.Accepted or dialog.choice() is None:
            return None
        choice = dialog.choice()
        assert choice is not None
        from cxjournal.exchange.snapshot import build_snapshot
        from cxjournal.ui.dialogs.export_audit_dialog import FORMATS
        from cxjournal.ui.dialogs.snapshot_preview_dialog import SnapshotPreviewDialog

        snap = build_snapshot(self.journal, choice.audit_id, choice.hide_names)
        preview = SnapshotPreviewDialog(snap, FORMATS[choice.fmt][0], self.window)
        if preview.exec() != SnapshotPreviewDialog.DialogCode.Accepted:
            return None

        def work(_progress: Progress) -> int:
            from cxjournal.exchange.snapshot import write_snapshot

            return write_snapshot(snap, choice.fmt, choice.path)

        def done(_size: int) -> None:
            self._remember_folder(choice.path)
            self.services.show_status(f"Exported the snapshot to {choice.path} (not encrypted)")

        return self._start(
            "Export audit snapshot",
            "Writing the snapshot…",
            work,
            done,
            lambda exc: self._failed("Export audit snapshot", exc),
        )

    # -- whole journal -------------------------------------------------------------------------

    def export_journal(self) -> Task | None:
        if self.busy():
            return None
        if self.journal.encrypted:
            answer = QMessageBox.question(
                self.window,
                "Export journal",
                "Your journal is encrypted, but the exported file will not be: anyone who "
                "opens it can read everything in it. Export anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        import datetime as dt

        suggested = Path(self._folder()) / f"cxjournal-{dt.date.today().isoformat()}.json"
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export journal (the file is not encrypted)",
            str(suggested),
            JSON_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".json")
        if not self._replace_ok(path):
            return None

        def work(_progress: Progress) -> int:
            from cxjournal.exchange.exporter import export_to_file
            from cxjournal.journal.backup_ops import reopen

            with reopen(self.journal) as journal:
                return export_to_file(journal, path)

        def done(_size: int) -> None:
            self._remember_folder(path)
            self.services.show_status(f"Exported the journal to {path} (not encrypted)")

        return self._start(
            "Export journal",
            "Writing the journal…",
            work,
            done,
            lambda exc: self._failed("Export journal", exc),
        )

    def import_journal(self, path: Path | None = None, replace: bool = False) -> Task | None:
        if self.busy():
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Import journal", self._folder(), JSON_FILTER
            )
            if not name:
                return None
            path = Path(name)
        chosen = path

        def work(journal: Journal, progress: Progress) -> Any:
            from cxjournal.exchange.importer import import_file

            return import_file(journal, chosen, replace=replace, progress=progress)

        self.task = self.services.run_in_background(
            "import the journal",
            work,
            lambda summary: self._imported(chosen, summary),
            "Import journal",
            "Checking the file…",
            on_error=lambda exc: self._import_failed(chosen, exc),
        )
        return self.task

    def _imported(self, path: Path, summary: Any) -> None:
        self._remember_folder(path)
        heading = (
            f"{path.name} was added to your journal."
            if summary.changed
            else f"Everything in {path.name} is already in your journal; nothing changed."
        )
        QMessageBox.information(
            self.window,
            "Import finished",
            as_written(heading + "\n\n" + "\n".join(summary.lines())),
        )

    def _import_failed(self, path: Path, exc: BaseException) -> None:
        from cxjournal.domain.errors import ValidationError
        from cxjournal.exchange.importer import ImportConflictError

        if isinstance(exc, ImportConflictError):
            count = len(exc.problems)
            answer = QMessageBox.question(
                self.window,
                "Import journal",
                as_written(
                    f"{count} check-in{'s' if count != 1 else ''} in {path.name} differ from the "
                    "ones in your journal on the same dates. Nothing has been imported yet.\n\n"
                    "Replace your check-ins on those dates with the file's, and import?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.import_journal(path, replace=True)
            return
        if isinstance(exc, ValidationError):
            count = len(exc.problems)
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Import journal")
            box.setText(
                f"{path.name} was not imported: "
                f"{'it has a problem' if count == 1 else f'it has {count} problems'}. "
                "Your journal was not changed."
            )
            shown = "\n".join(exc.problems[:5]) + ("\n…" if count > 5 else "")
            box.setInformativeText(as_written(shown))  # problems quote the file's text
            box.setDetailedText("\n".join(exc.problems))
            box.exec()
            return
        self._failed("Import journal", exc)

    def import_from(self, kind: str | None = None, path: Path | None = None) -> Any:
        """Open the Import from other tools dialog (on ``path`` as ``kind`` when given)."""
        from cxjournal.ui.dialogs.import_from_dialog import ImportFromDialog

        if self.busy():
            return None
        dialog = ImportFromDialog(self.journal, self.window, folder=self._folder())
        dialog.imported.connect(lambda _report: self.services.bus.announce(Area.ALL))
        dialog.imported.connect(lambda _report: self._remember_folder(Path(dialog.path.text())))
        if kind is not None:
            dialog.set_kind(kind)
        if path is not None:
            dialog.load(path)
        dialog.open()
        return dialog

    # -- backups --------------------------------------------------------------------------------

    def back_up_now(self) -> Task | None:
        if self.busy():
            return None

        def work(_progress: Progress) -> Path:
            from cxjournal.journal.backup_ops import backup_now, reopen

            with reopen(self.journal) as journal:
                return backup_now(journal)

        def done(path: Path) -> None:
            from cxjournal.journal.backup_ops import human_size

            size = human_size(path.stat().st_size)
            self.services.show_status(f"Backed up to {path} ({size})")

        return self._start(
            "Back up", "Backing up…", work, done, lambda exc: self._failed("Back up", exc)
        )

    def restore_from_backup(self) -> bool:
        from cxjournal.domain.errors import CxJournalError
        from cxjournal.journal.backup_ops import list_backups, restore_in_place
        from cxjournal.ui.dialogs.restore_dialog import RestoreDialog

        if self.busy():
            return False
        dialog = RestoreDialog(list_backups(self.journal.path), self.window)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        backup = dialog.chosen()
        assert backup is not None
        answer = QMessageBox.question(
            self.window,
            "Restore from backup",
            as_written(
                f"Replace your journal with {backup.name}?\n\nEverything written since that "
                "backup will be gone from the journal; a copy of your current journal is kept in "
                "the backups folder."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = restore_in_place(self.journal, backup)
        except (CxJournalError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self.window,
                "Restore from backup",
                as_written(f"The backup was not restored: {exc}\n\nYour journal is unchanged."),
            )
            return False
        QApplication.restoreOverrideCursor()
        self.services.bus.announce(Area.ALL)  # the whole journal was replaced
        kept = (
            f"\n\nThe journal it replaced is kept at {result.kept_copy}."
            if result.kept_copy
            else ""
        )
        QMessageBox.information(
            self.window,
            "Restore from backup",
            as_written(f"Your journal was restored from {backup.name}.{kept}"),
        )
        return True

    # -- demo -----------------------------------------------------------------------------------

    def open_demo(self) -> Task | None:
        if self.busy():
            return None

        def work(progress: Progress) -> Path:
            from cxjournal.exchange.demo import generate
            from cxjournal.exchange.format_read import parse_data
            from cxjournal.exchange.importer import import_document
            from cxjournal.journal import Journal

            progress(0, 2, "Inventing three years of a CX leader's journal…")
            document = parse_data(generate(years=DEMO_YEARS))
            path = Path(tempfile.mkdtemp(prefix="cxjournal-demo-")) / "demo.db"
            progress(1, 2, "Writing the demo journal…")
            with Journal.open(path) as journal:
                import_document(journal, document)
            return path

        def done(path: Path) -> None:
            if launch_journal_window(path):
                self.services.show_status(
                    "The demo journal opens in a new window. It is invented, and separate "
                    "from your own journal."
                )
            else:
                QMessageBox.warning(
                    self.window, "Open demo journal", "The demo window could not be started."
                )

        return self._start(
            "Open demo journal",
            "Preparing the demo journal…",
            work,
            done,
            lambda exc: self._failed("Open demo journal", exc),
        )


def launch_journal_window(path: Path) -> bool:
    """Start another cxjournal process on ``path`` (its own window, its own lock)."""
    if getattr(sys, "frozen", False):  # a packaged app: the executable is cxjournal itself
        program, args = sys.executable, ["--db", str(path), "gui"]
    else:
        program, args = sys.executable, ["-m", "cxjournal", "--db", str(path), "gui"]
    from cxjournal.qt.core import QProcess  # its type and enums only when a window is opened

    started, _pid = QProcess.startDetached(program, args)
    return bool(started)
