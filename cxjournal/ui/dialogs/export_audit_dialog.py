"""File > Export audit…: which audit, which format, hide names, where; exports are not encrypted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cxjournal.journal.audits import AuditSummary
from cxjournal.qt.core import QStandardPaths, Qt
from cxjournal.qt.widgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.theme import secondary

#: format key: (label in the list, file extension, file-dialog filter)
FORMATS: dict[str, tuple[str, str, str]] = {
    "pdf": ("PDF report (to read or print)", ".pdf", "PDF report (*.pdf)"),
    "md": ("Markdown (text with tables)", ".md", "Markdown (*.md)"),
    "csv": ("CSV (one row per person, for spreadsheets)", ".csv", "CSV (*.csv)"),
    "json": ("JSON (the analysis, for other tools)", ".json", "JSON (*.json)"),
}
UNENCRYPTED_REMINDER = (
    "Exported files are not encrypted, even when your journal is. Keep them somewhere "
    "safe and share them only with people you trust, such as your coach or mentor."
)


@dataclass(frozen=True)
class ExportChoice:
    audit_id: int
    fmt: str
    hide_names: bool
    path: Path


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def audit_title(summary: AuditSummary) -> str:
    people = "1 person" if summary.people == 1 else f"{summary.people} people"
    return f"{summary.taken_on.isoformat()} · {people}"


class ExportAuditDialog(QDialog):
    """Asks what to export; ``choice()`` holds the answer once accepted."""

    def __init__(
        self,
        audits: list[AuditSummary],
        selected: int | None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export audit snapshot")
        self._folder = folder or default_folder()
        self._chosen: ExportChoice | None = None

        self.audit_box = QComboBox()
        self.audit_box.setAccessibleName("Audit to export")
        for summary in audits:
            self.audit_box.addItem(audit_title(summary), summary.id)
        index = self.audit_box.findData(selected) if selected is not None else 0
        self.audit_box.setCurrentIndex(max(index, 0))

        self.format_box = QComboBox()
        self.format_box.setAccessibleName("File format")
        for key, (label, _ext, _filter) in FORMATS.items():
            self.format_box.addItem(label, key)

        self.hide_names = QCheckBox("&Hide names")
        self.hide_names.setToolTip(
            'People become "Person A", "Person B"…, teams, functions, units and locations '
            '"Team A", "Function B"…, and the audit note is left out.'
        )
        hide_help = QLabel(
            "People appear as Person A, Person B…, their teams, functions, units and locations "
            "as Team A, Function B…; the audit note is left out. You see the result before "
            "anything is written."
        )
        hide_help.setWordWrap(True)
        secondary(hide_help)

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("Save to")
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose where to save")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        audit_label = QLabel("&Audit:")
        audit_label.setBuddy(self.audit_box)
        format_label = QLabel("&Format:")
        format_label.setBuddy(self.format_box)
        path_label = QLabel("&Save to:")
        path_label.setBuddy(self.path_edit)
        form.addRow(audit_label, self.audit_box)
        form.addRow(format_label, self.format_box)
        form.addRow("", self.hide_names)
        form.addRow("", hide_help)
        form.addRow(path_label, path_row)

        warning_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.reminder = QLabel(UNENCRYPTED_REMINDER)
        self.reminder.setWordWrap(True)
        self.reminder.setObjectName("unencrypted-reminder")
        self.reminder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        reminder_row.addWidget(self.reminder, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addLayout(reminder_row)
        layout.addWidget(buttons)

        self.audit_box.currentIndexChanged.connect(self._suggest_path)
        self.format_box.currentIndexChanged.connect(self._suggest_path)
        self.hide_names.toggled.connect(self._suggest_path)
        self.path_edit.textChanged.connect(self._update_button)
        self._suggest_path()
        self.setMinimumWidth(560)

    # -- state --------------------------------------------------------------------------

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def audit_id(self) -> int:
        return int(self.audit_box.currentData())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def choice(self) -> ExportChoice | None:
        return self._chosen

    def _suggest_path(self) -> None:
        """A file name from the audit's date and the format, in the current folder."""
        current = self.path_edit.text().strip()
        folder = Path(current).expanduser().parent if current else self._folder
        day = self.audit_box.currentText().split(" ")[0] or "audit"
        hidden = "-names-hidden" if self.hide_names.isChecked() else ""
        self.path_edit.setText(str(folder / f"power-audit-{day}{hidden}{FORMATS[self.fmt()][1]}"))

    def _update_button(self) -> None:
        self.export_button.setEnabled(bool(self.path_edit.text().strip()))

    def _browse(self) -> None:
        _label, ext, file_filter = FORMATS[self.fmt()]
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export audit snapshot (not encrypted)",
            str(self.path()),
            file_filter,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            path = Path(name)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(ext)))

    def accept(self) -> None:
        path = self.path()
        if not path.name:
            return
        if not path.parent.is_dir():
            QMessageBox.warning(
                self,
                "Export audit snapshot",
                as_written(f"The folder {path.parent} does not exist."),
            )
            return
        if path.exists():
            answer = QMessageBox.question(
                self,
                "Replace the file?",
                as_written(
                    f"{path.name} already exists in {path.parent}. Replace it with this snapshot?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._chosen = ExportChoice(self.audit_id(), self.fmt(), self.hide_names.isChecked(), path)
        super().accept()
