"""Saving the program snapshot and the proof point portfolio from the app.

A file dialog picks where (and, by its filter, the format); the report is the
exchange module's, written atomically, and a failure says why and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from cxjournal.journal import Journal
from cxjournal.qt.widgets import QFileDialog, QMenu, QPushButton, QWidget
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

FILTERS = {"md": "Markdown (*.md)", "pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)"}


def _target(
    parent: QWidget, title: str, stem: str, formats: tuple[str, ...]
) -> tuple[Path, str] | None:
    filters = ";;".join(FILTERS[f] for f in formats)
    chosen, picked = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / f"{stem}.{formats[0]}"), filters
    )
    if not chosen:
        return None
    fmt = next((f for f in formats if FILTERS[f] == picked), formats[0])
    suffix = Path(chosen).suffix.lower().lstrip(".")
    if suffix in formats:
        fmt = suffix
    path = Path(chosen)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(f"{path.name}.{fmt}")
    return path, fmt


def export_snapshot(journal: Journal, parent: QWidget, on: dt.date, hidden: bool) -> Path | None:
    from cxjournal.exchange import program_report as report

    stem = f"CX program {on.isoformat()}" + (" (names hidden)" if hidden else "")
    found = _target(parent, "Save the program snapshot", stem, report.FORMATS["program"])
    if found is None:
        return None
    path, fmt = found
    with guarded_write(parent, "save the program snapshot", UNCHANGED) as attempt:
        inputs = journal.program.inputs()
        view = report.snapshot_view(
            inputs.program, inputs.people, inputs.notes, on, inputs.thresholds, hidden
        )
        markdown = report.program_markdown(view, hidden)
        report.write(path, report.render(markdown, fmt, report.PROGRAM_TITLE))
    return None if attempt.failed else path


def export_portfolio(journal: Journal, parent: QWidget, today: dt.date) -> Path | None:
    from cxjournal.exchange import program_report as report

    stem = f"Proof points {today.isoformat()}"
    found = _target(parent, "Save the proof point portfolio", stem, ("pdf", "md", "csv"))
    if found is None:
        return None
    path, fmt = found
    with guarded_write(parent, "save the proof point portfolio", UNCHANGED) as attempt:
        points = journal.program.proof_points()
        markdown = report.portfolio_markdown(points, today)
        data = report.render(markdown, fmt, report.PORTFOLIO_TITLE, report.portfolio_csv(points))
        report.write(path, data)
    return None if attempt.failed else path


def snapshot_button(
    journal: Journal,
    parent: QWidget,
    today: Callable[[], dt.date],
    done: Callable[[Path | None], None],
) -> QPushButton:
    """ "Export…" with a menu: the snapshot as written, or with names hidden."""
    button = QPushButton("E&xport…")
    button.setToolTip("Save a snapshot of the program to share, as Markdown or PDF")
    menu = QMenu(button)
    for label, hidden in (("Program snapshot…", False), ("Program snapshot, names hidden…", True)):
        action = menu.addAction(label)
        action.triggered.connect(
            lambda _=False, h=hidden: done(export_snapshot(journal, parent, today(), h))
        )
    button.setMenu(menu)
    return button
