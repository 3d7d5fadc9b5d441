"""``cxjournal gui --visit-pages``: open every page once, as a click on each would, then quit.

A self-test of an installed copy (CI runs it on the frozen bundle, where a module,
data file or Qt plugin left out of the build only shows when the page needing it is
built): each sidebar entry is selected and painted, the charts on it are written to
PNG and SVG in a temporary folder, and Qt's locale services that rest on ICU data
(sorting, time-zone names) are tried. Anything raised, directly or in a Qt callback,
makes the exit code 1 with the traceback on stderr. Nothing is written to the journal.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from cxjournal.qt.widgets import QApplication

if TYPE_CHECKING:
    from cxjournal.ui.main_window import MainWindow


def visit_pages(window: MainWindow, app: QApplication) -> int:
    """Select and paint each page of ``window``, export its charts; 0 when all went well."""
    errors: list[str] = []
    previous = sys.excepthook

    def record(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        errors.append("".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = record
    visited: list[str] = []
    charts = 0
    try:
        with tempfile.TemporaryDirectory(prefix="cxjournal-visit-") as folder:
            for row in range(window.sidebar.count()):
                window.sidebar.setCurrentRow(row)
                app.processEvents()
                window.grab()
                visited.append(window.sidebar.item(row).text())
                charts += _export_charts(window.stack.currentWidget(), Path(folder), row)
                app.processEvents()
        errors.extend(text_service_problems())
    except Exception:
        errors.append(traceback.format_exc())
    finally:
        sys.excepthook = previous
    for error in errors:
        print(error, file=sys.stderr, end="")
    print(
        f"visited {len(visited)} pages ({', '.join(visited)}), exported {charts} charts: "
        f"{len(errors)} error(s)"
    )
    return 1 if errors else 0


def text_service_problems() -> list[str]:
    """What is wrong with locale-aware sorting and time-zone names (Qt asks ICU for both)."""
    from cxjournal.qt.core import QCollator, QLocale, QTimeZone

    problems = []
    if QCollator(QLocale("en_US")).compare("\u00e9", "f") >= 0:  # é sorts before f
        problems.append("locale-aware sorting does not work (ICU collation data)\n")
    zone = QTimeZone(b"Europe/Paris")
    name = zone.displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("en_US")
    )
    if not name or name.startswith(("GMT", "UTC")):
        problems.append(f"time-zone names are missing (ICU zone data): got {name!r}\n")
    return problems


def _export_charts(page: Any, folder: Path, row: int) -> int:
    import pyqtgraph as pg

    from cxjournal.ui.charts.chart_export import export_chart

    exported = 0
    for number, view in enumerate(page.findChildren(pg.GraphicsView)):
        if not view.isVisible():
            continue
        for fmt in ("png", "svg"):
            path = folder / f"page{row}-chart{number}.{fmt}"
            export_chart(view, path, fmt)
            if not path.is_file() or path.stat().st_size == 0:
                raise RuntimeError(f"exporting chart {number} of page {row} wrote nothing")
        exported += 1
    return exported
