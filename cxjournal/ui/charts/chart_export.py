"""Save what a chart shows as a PNG or SVG file.

pyqtgraph's own exporters come first: they draw the scene at any resolution
(PNG at twice the on-screen size) and write real vector SVG. They have known
bugs in some versions (sizes passed as floats, items they cannot translate), so
every result is checked: a PNG must load back as an image, an SVG must parse as
XML with an ``<svg>`` root. When the exporter fails, a PNG falls back to a grab
of the widget as it is on screen, and an SVG to Qt's own ``QSvgGenerator``
rendering of the scene.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters

from cxjournal.qt.core import QRectF, QSize, QStandardPaths
from cxjournal.qt.gui import QImage, QPainter
from cxjournal.qt.svg import QSvgGenerator
from cxjournal.qt.widgets import QFileDialog, QGraphicsItem, QGraphicsScene, QMessageBox, QWidget
from cxjournal.ui.plain_text import as_written

log = logging.getLogger(__name__)

Format = Literal["png", "svg"]
#: How the file was written: pyqtgraph's exporter or the fallback.
Method = Literal["exporter", "grab", "svg-generator"]

FILTERS = "PNG image (*.png);;SVG drawing (*.svg)"


class ChartExportError(Exception):
    """The chart could not be written; the message says why in plain words."""


def export_with_dialog(parent: QWidget, view: pg.GraphicsView, name: str) -> Path | None:
    """Ask where to save ``view`` (``name``.png in the Pictures folder suggested), write it
    there; the path written, or None when the user cancelled or it failed (said so)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.PicturesLocation
    ) or str(Path.home())
    chosen, selected_filter = QFileDialog.getSaveFileName(
        parent, "Export chart", str(Path(folder) / f"{name}.png"), FILTERS
    )
    if not chosen:
        return None
    fmt = format_for(Path(chosen), selected_filter)
    path = with_suffix(Path(chosen), fmt)
    try:
        export_chart(view, path, fmt)
    except (ChartExportError, OSError) as error:
        QMessageBox.warning(parent, "Export chart", as_written(f"The chart was not saved: {error}"))
        return None
    return path


def format_for(path: Path, chosen_filter: str = "") -> Format:
    """``"svg"`` for a ``.svg`` path (or the SVG filter with no suffix), else ``"png"``."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return "svg"
    if suffix == ".png":
        return "png"
    return "svg" if "svg" in chosen_filter.lower() else "png"


def with_suffix(path: Path, fmt: Format) -> Path:
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


def export_chart(view: pg.GraphicsView, path: Path, fmt: Format | None = None) -> Method:
    """Write ``view``'s whole scene to ``path``; returns how it was written.

    Raises :class:`ChartExportError` when nothing readable could be written.
    """
    fmt = fmt or format_for(path)
    path = Path(path)
    with uncached(view.scene()):
        if fmt == "svg":
            return _svg(view, path)
        return _png(view, path)


@contextmanager
def uncached(scene: QGraphicsScene) -> Iterator[None]:
    """Draw every item afresh while exporting.

    The charts keep items as screen-sized pixmaps (see ``chart_theme.cache_plot``);
    exported as they are, an SVG would hold bitmaps instead of lines and a PNG at
    twice the size would be blurred.
    """
    kept = [(item, item.cacheMode()) for item in scene.items()]
    for item, _mode in kept:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in kept:
            item.setCacheMode(mode)


# --------------------------------------------------------------------------- PNG


def png_is_readable(path: Path) -> bool:
    image = QImage(str(path))
    return not image.isNull() and image.width() > 0 and image.height() > 0


def _png(view: pg.GraphicsView, path: Path, scale: float = 2.0) -> Method:
    try:
        exporter = pg_exporters.ImageExporter(view.scene())
        width = int(exporter.params["width"])
        if width > 0:
            exporter.params["width"] = int(width * scale)
        exporter.export(str(path))
        if png_is_readable(path):
            return "exporter"
    except Exception as error:  # any exporter bug leads to the fallback
        log.info("pyqtgraph PNG export failed (%s); grabbing the widget instead", error)
    return _grab(view, path)


def _grab(widget: QWidget, path: Path) -> Method:
    if not widget.grab().save(str(path), "PNG") or not png_is_readable(path):
        raise ChartExportError(f"Could not write an image to {path}.")
    return "grab"


# --------------------------------------------------------------------------- SVG


def svg_is_readable(path: Path) -> bool:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return False
    return root.tag.rsplit("}", 1)[-1] == "svg" and len(root) > 0


def _svg(view: pg.GraphicsView, path: Path) -> Method:
    try:
        pg_exporters.SVGExporter(view.scene()).export(str(path))
        if svg_is_readable(path):
            return "exporter"
    except Exception as error:  # any exporter bug leads to the fallback
        log.info("pyqtgraph SVG export failed (%s); using QSvgGenerator instead", error)
    return _svg_generator(view, path)


def _svg_generator(view: pg.GraphicsView, path: Path) -> Method:
    scene = view.scene()
    rect = view.viewport().rect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(rect.width(), rect.height()))
    generator.setViewBox(rect)
    generator.setTitle("cxjournal chart")
    generator.setResolution(view.logicalDpiX())
    painter = QPainter(generator)
    try:
        painter.fillRect(rect, view.backgroundBrush())
        scene.render(painter, QRectF(rect), view.mapToScene(rect).boundingRect())
    finally:
        painter.end()
    if not svg_is_readable(path):
        raise ChartExportError(f"Could not write a drawing to {path}.")
    return "svg-generator"
