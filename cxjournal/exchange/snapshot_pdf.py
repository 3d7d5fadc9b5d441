"""An audit snapshot as a PDF report, rendered with Qt alone (QTextDocument + QPdfWriter).

Imported only when a PDF is asked for. The balance map and the trend are drawn
with QPainter into QImages (no chart library), so a report renders in well
under a second, also from the command line: without a running application a
QGuiApplication is made on the "offscreen" platform, so no display is needed.
A report is printed on white paper, so its colours are fixed rather than
taken from the desktop palette.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from cxjournal.domain.network_layout import label_anchor, ring_positions
from cxjournal.domain.power_audit import ContactKind, kind_label
from cxjournal.domain.wording import MONTHS, measure
from cxjournal.exchange.snapshot import TITLE, Snapshot, TrendPoint, figure
from cxjournal.exchange.snapshot_html import KIND_COLOURS as KIND_HEX
from cxjournal.exchange.snapshot_html import NETWORK_IMAGE, STYLE, report_html
from cxjournal.qt.core import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from cxjournal.qt.gui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Helvetica", "Arial"]
INK = QColor("#1f2933")
MUTED = QColor("#6b7c93")
GRID = QColor("#e3e8ee")
KIND_COLOURS: dict[ContactKind, QColor] = {k: QColor(v) for k, v in KIND_HEX.items()}
INFLUENCE_COLOUR = QColor("#2f6db5")
RELIANCE_COLOUR = QColor("#d9622b")
FOOTER = 18  # pixels at the bottom of each page for the page number
SCALE = 2  # images are drawn at twice their size, for sharp print
_app: QGuiApplication | None = None  # kept alive for the process


def ensure_gui_application(widgets: bool = True) -> None:
    """Qt's text layout needs an application object; make an offscreen one if there is none.

    A QApplication (not just a QGuiApplication), so that a process which later shows
    widgets, such as a test run, can still do so; a command that only writes a file
    and ends asks for no ``widgets``, and QtWidgets is not loaded at all.
    """
    global _app
    if QGuiApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    argv = [sys.argv[0] if sys.argv and sys.argv[0] else "cxjournal"]
    if not widgets:
        _app = QGuiApplication(argv)
        return
    from cxjournal.qt.widgets import QApplication

    _app = QApplication(argv)


def set_a4_page(device: QPagedPaintDevice) -> None:
    """An A4 portrait page with the reports' margins, laid out in CSS pixels (96 dpi;
    images keep their full resolution). Every PDF and printed page of the app uses it."""
    set_resolution = getattr(device, "setResolution", None)  # a PDF writer or a printer
    if set_resolution is not None:
        set_resolution(96)
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 14, 16, 14),
            QPageLayout.Unit.Millimeter,
        )
    )


def render_pdf(snapshot: Snapshot) -> bytes:
    """The report as PDF bytes (A4)."""
    ensure_gui_application()
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(8.5)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(STYLE)
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("cx:balance"), balance_map(snapshot)
    )
    if len(snapshot.trend) > 0:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl("cx:trend"), trend_chart(snapshot.trend)
        )
    if snapshot.network is not None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(NETWORK_IMAGE), network_picture(snapshot)
        )
    document.setHtml(report_html(snapshot))

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"{TITLE}: {snapshot.audit.taken_on.isoformat()}")
    writer.setCreator("cxjournal")
    set_a4_page(writer)
    document.documentLayout().setPaintDevice(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    body_height = page.height() - FOOTER
    document.setPageSize(QSizeF(page.width(), body_height))
    _paint_pages(document, writer, page.width(), body_height)
    buffer.close()
    return bytes(data.data())


def _paint_pages(document: QTextDocument, writer: QPdfWriter, width: int, height: int) -> None:
    """Each page of the laid-out document, with a small footer."""
    painter = QPainter(writer)
    pages = document.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * height)
        document.drawContents(painter, QRectF(0, index * height, width, height))
        painter.restore()
        footer = QRectF(0, height, width, FOOTER)
        painter.setPen(MUTED)
        painter.drawText(footer, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                         f"{TITLE} · cxjournal")  # fmt: skip
        painter.drawText(footer, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight,
                         f"{index + 1} / {pages}")  # fmt: skip
    painter.end()


# --- the pictures -----------------------------------------------------------------------


CENTRE = Qt.AlignmentFlag.AlignCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
X_TITLE = "How much you depend on them"
Y_TITLE = "How much they depend on you"


def _text(
    p: QPainter, rect: QRectF, text: str, align: Qt.AlignmentFlag, colour: QColor = INK
) -> None:
    p.setPen(colour)
    p.drawText(rect, align, text)


def _canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(13)
    painter.setFont(font)
    return image, painter


def balance_map(snapshot: Snapshot, width: int = 800, height: int = 560) -> QImage:
    """Each person placed by how much you depend on them (x) and they on you (y), 0-10.

    The background shows where each kind of relationship lies for the audit's
    thresholds: the diagonal is a perfect balance.
    """
    image, p = _canvas(width, height)
    t = snapshot.thresholds
    plot = QRectF(64, 16, width - 64 - 150, height - 16 - 56)

    def at(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + plot.width() * x / 10, plot.bottom() - plot.height() * y / 10)

    p.save()
    p.setClipRect(plot)
    p.setPen(Qt.PenStyle.NoPen)
    lean = float(t.lean_gap)
    p.setBrush(_tint(ContactKind.THEY_LEAN_ON_YOU))
    p.drawPolygon([at(0, lean), at(10 - lean, 10), at(0, 10)])
    p.setBrush(_tint(ContactKind.YOU_LEAN_ON_THEM))
    p.drawPolygon([at(lean, 0), at(10, 0), at(10, 10 - lean)])
    low, high = float(t.transactional_max), float(t.deep_min)
    p.setBrush(_tint(ContactKind.TRANSACTIONAL))
    p.drawRect(QRectF(at(0, low), at(low, 0)))
    p.setBrush(_tint(ContactKind.DEEP))
    p.drawRect(QRectF(at(high, 10), at(10, high)))
    p.restore()

    _grid(p, plot, at)
    p.setPen(QPen(MUTED, 1, Qt.PenStyle.DashLine))
    p.drawLine(at(0, 0), at(10, 10))
    _region_labels(p, plot)

    _text(p, QRectF(plot.left(), plot.bottom() + 26, plot.width(), 20), X_TITLE, CENTRE)
    p.save()
    p.translate(16, plot.center().y())
    p.rotate(-90)
    _text(p, QRectF(-plot.height() / 2, -8, plot.height(), 20), Y_TITLE, CENTRE)
    p.restore()

    taken: list[QRectF] = []
    for contact in snapshot.contacts:
        point = at(contact.dependence_on_them, contact.their_dependence_on_me)
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(KIND_COLOURS[contact.kind])
        p.drawEllipse(point, 6, 6)
        taken.append(QRectF(point.x() - 6, point.y() - 6, 12, 12))
    for contact in snapshot.contacts:
        point = at(contact.dependence_on_them, contact.their_dependence_on_me)
        _place_label(p, point, _short(contact.person.name), taken, plot)
    _legend(p, QPointF(plot.right() + 18, plot.top() + 4))
    p.end()
    return image


def _tint(kind: ContactKind) -> QColor:
    colour = QColor(KIND_COLOURS[kind])
    colour.setAlpha(34)
    return colour


def _grid(p: QPainter, plot: QRectF, at: Any) -> None:
    for step in range(11):
        p.setPen(QPen(GRID, 1))
        p.drawLine(at(step, 0), at(step, 10))
        p.drawLine(at(0, step), at(10, step))
        if step % 2 == 0:
            x, y = at(step, 0).x(), at(0, step).y()
            _text(p, QRectF(x - 15, plot.bottom() + 4, 30, 16), str(step), CENTRE, MUTED)
            _text(p, QRectF(plot.left() - 34, y - 8, 28, 16), str(step), RIGHT, MUTED)
    p.setPen(QPen(MUTED, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)


def _region_labels(p: QPainter, plot: QRectF) -> None:
    """Name the four corner regions of the map, in their kind's colour."""
    font = p.font()
    small = QFont(font)
    small.setPixelSize(11)
    p.setFont(small)
    inner = plot.adjusted(6, 4, -6, -4)
    flag = Qt.AlignmentFlag
    for kind, align in (
        (ContactKind.THEY_LEAN_ON_YOU, flag.AlignTop | flag.AlignLeft),
        (ContactKind.DEEP, flag.AlignTop | flag.AlignRight),
        (ContactKind.YOU_LEAN_ON_THEM, flag.AlignBottom | flag.AlignRight),
        (ContactKind.TRANSACTIONAL, flag.AlignBottom | flag.AlignLeft),
    ):
        p.setPen(QColor(KIND_COLOURS[kind]).darker(130))
        p.drawText(inner, align, kind_label(kind))
    p.setFont(font)


def _legend(p: QPainter, origin: QPointF) -> None:
    y = origin.y()
    for kind in ContactKind:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(KIND_COLOURS[kind])
        p.drawEllipse(QPointF(origin.x() + 6, y + 8), 6, 6)
        _text(p, QRectF(origin.x() + 18, y, 130, 16), kind_label(kind), LEFT)
        y += 22


def _short(name: str, limit: int = 22) -> str:
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _place_label(p: QPainter, point: QPointF, text: str, taken: list[QRectF], plot: QRectF) -> None:
    """Draw ``text`` beside ``point`` where it overlaps no other label or point."""
    metrics = p.fontMetrics()
    w, h = metrics.horizontalAdvance(text) + 4, metrics.height()
    candidates = []
    for dy in (0, -1, 1, -2, 2, -3, 3):
        candidates.append(QRectF(point.x() + 9, point.y() - h / 2 + dy * h, w, h))
        candidates.append(QRectF(point.x() - 9 - w, point.y() - h / 2 + dy * h, w, h))
    bounds = plot.adjusted(0, 0, 140, 0)
    chosen = next(
        (r for r in candidates if bounds.contains(r) and not any(r.intersects(t) for t in taken)),
        candidates[0],
    )
    taken.append(chosen)
    _text(p, chosen, text, CENTRE)


#: Colours of the groups of two or more people in the network picture, in turn.
GROUP_COLOURS = ("#2f6db5", "#d9622b", "#2e8540", "#8a6fc0", "#b5487a")


def network_picture(snapshot: Snapshot, width: int = 560, height: int = 400) -> QImage:
    """Me in the middle, the rated people around, groups apart, a line per tie.

    The same layout as the app's network view; people who know no one else in the
    list are grey.
    """
    image, p = _canvas(width, height)
    figures, audit = snapshot.network, snapshot.audit
    clusters = figures.clusters if figures is not None else ()
    positions = ring_positions(clusters, len(audit.ratings))
    centre = QPointF(width / 2, height / 2)
    radius = min(width / 2 - 150, height / 2 - 40)

    def at(index: int) -> QPointF:
        x, y = positions[index]
        return QPointF(centre.x() + radius * x, centre.y() - radius * y)

    colour_of: dict[int, QColor] = {}
    colours = iter(GROUP_COLOURS)
    for group in clusters:
        colour = QColor(next(colours, "#6b7c93")) if len(group) > 1 else QColor(MUTED)
        for index in group:
            colour_of[index] = colour
    p.setPen(QPen(GRID, 1))
    for index in range(len(positions)):
        p.drawLine(centre, at(index))
    p.setPen(QPen(INK, 1.6))
    for a, b in audit.ties:
        p.drawLine(at(a), at(b))
    p.setPen(QPen(QColor("white"), 1.5))
    p.setBrush(INFLUENCE_COLOUR)
    p.drawRect(QRectF(centre.x() - 8, centre.y() - 8, 16, 16))
    _text(p, QRectF(centre.x() - 30, centre.y() + 10, 60, 16), "Me", CENTRE)
    metrics = p.fontMetrics()
    for index, rating in enumerate(audit.ratings):
        point = at(index)
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(colour_of.get(index, MUTED))
        p.drawEllipse(point, 6, 6)
        name = _short(rating.person.name)
        w, h = metrics.horizontalAdvance(name) + 4, metrics.height()
        ax, ay = label_anchor(*positions[index])
        left = point.x() - ax * w + {0.0: 10.0, 1.0: -10.0}.get(ax, 0.0)
        top = point.y() - ay * h + {0.0: 6.0, 1.0: -6.0}.get(ay, 0.0)
        _text(p, QRectF(left, top, w, h), name, CENTRE)
    p.end()
    return image


def trend_chart(points: tuple[TrendPoint, ...], width: int = 800, height: int = 300) -> QImage:
    """Influence and reliance of each audit up to the snapshot's, on a time axis."""
    image, p = _canvas(width, height)
    plot = QRectF(48, 30, width - 48 - 20, height - 30 - 40)
    top = max([*(max(pt.influence, pt.reliance) for pt in points), 1.0])
    step = _nice_step(top / 4)
    top = step * (int(top / step) + 1)
    first, last = points[0].taken_on.toordinal(), points[-1].taken_on.toordinal()
    span = max(last - first, 1)

    def at(day: int, value: float) -> QPointF:
        x = plot.left() + plot.width() * (day - first) / span if last > first else plot.center().x()
        return QPointF(x, plot.bottom() - plot.height() * value / top)

    value = 0.0
    while value <= top + 1e-9:
        y = at(first, value).y()
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        _text(p, QRectF(0, y - 8, plot.left() - 6, 16), figure(value), RIGHT, MUTED)
        value += step
    for pt in _date_ticks(points):
        x = at(pt.taken_on.toordinal(), 0).x()
        day = pt.taken_on
        label = f"{MONTHS[day.month - 1][:3]} {day.year}" if len(points) > 6 else day.isoformat()
        box = QRectF(x - 50, plot.bottom() + 6, 100, 16)
        box.moveLeft(min(max(box.left(), 0), width - box.width()))
        _text(p, box, label, CENTRE, MUTED)
    current = next((pt for pt in points if pt.current), None)
    if current is not None:
        x = at(current.taken_on.toordinal(), 0).x()
        p.setPen(QPen(MUTED, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    for colour, values in (
        (RELIANCE_COLOUR, [pt.reliance for pt in points]),
        (INFLUENCE_COLOUR, [pt.influence for pt in points]),
    ):
        spots = [at(pt.taken_on.toordinal(), v) for pt, v in zip(points, values, strict=True)]
        p.setPen(QPen(colour, 2.2))
        p.drawPolyline(spots)
        p.setBrush(colour)
        p.setPen(QPen(QColor("white"), 1))
        for spot in spots:
            p.drawEllipse(spot, 3.5, 3.5)
    x = plot.left()
    for colour, label in (
        (INFLUENCE_COLOUR, measure("influence")),
        (RELIANCE_COLOUR, measure("reliance")),
    ):
        p.setPen(QPen(colour, 3))
        p.drawLine(QPointF(x, 12), QPointF(x + 18, 12))
        _text(p, QRectF(x + 24, 4, 100, 16), label, LEFT)
        x += 110
    p.setPen(QPen(MUTED, 1))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.end()
    return image


def _nice_step(raw: float) -> float:
    for step in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50):
        if raw <= step:
            return float(step)
    return 100.0


def _date_ticks(points: tuple[TrendPoint, ...], most: int = 6) -> list[TrendPoint]:
    if len(points) <= most:
        return list(points)
    stride = (len(points) - 1) / (most - 1)
    return [points[round(i * stride)] for i in range(most)]
