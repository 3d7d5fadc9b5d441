"""The 1:1 preparation as a one-page PDF, as carefully laid out as the audit snapshot.

Talking points and open follow-ups come first (what the meeting is for), then a
chart of the two dependences across power audits with the attitude noted over
the same time, then the essentials and the last notes. The page is laid out
with QTextDocument and painted with QPdfWriter like the snapshot
(``exchange/snapshot_pdf.py``), in its fonts and colours on white paper; when
the content is longer than a page it is set smaller until it fits (never below
:data:`MIN_SCALE`), and the last notes are shortened first.

After saving, :func:`confirm_saved` says where the file went and offers to open it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal.domain.model import Attitude
from cxjournal.domain.wording import long_date, measure
from cxjournal.exchange.snapshot_pdf import FONT_FAMILIES, GRID, INK, MUTED, set_a4_page
from cxjournal.qt.core import QPointF, QRectF, QSizeF, Qt, QUrl
from cxjournal.qt.gui import (
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from cxjournal.qt.widgets import QMessageBox, QWidget
from cxjournal.ui.models.people_model import ATTITUDE_LABELS
from cxjournal.ui.person_timeline import follow_up_label, note_heading
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.widgets.attitude_strip import ATTITUDE_COLOURS, trend_words

if TYPE_CHECKING:
    from cxjournal.ui.dialogs.prepare_dialog import Preparation

#: The two dependences as the app names them, and their colours (the snapshot's).
RELY_ON_THEM = measure("dependence_on_them")
RELY_ON_YOU = measure("their_dependence_on_me")
ON_THEM_COLOUR = QColor("#d9622b")
ON_YOU_COLOUR = QColor("#2f6db5")
CHART_URL = "cx:prep-chart"
CHART_SIZE = (660, 300)
SCALE = 2  # the chart is drawn at twice its size, for sharp print
FOOTER = 18
#: The page is set at most this much smaller to fit on one page.
MIN_SCALE = 0.55
#: Longest text of a note on the page; the rest is on screen.
NOTE_CHARS = 420
#: At most this many follow-ups are listed; the rest are counted.
FOLLOW_UPS = 14

STYLE = """
h1 { font-size: 17pt; margin: 0; color: #1f2933; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 3px; color: #1f2933; }
p { margin: 0 0 3px 0; }
.muted { color: #6b7c93; }
.points { font-size: 10.5pt; }
td { padding: 1px 6px 1px 0; vertical-align: top; }
td.label { color: #6b7c93; }
"""


def page_html(prep: Preparation, talking_points: str, program_html: str = "") -> str:
    """The page: talking points and follow-ups first, the chart, essentials, last notes."""
    from cxjournal.ui.dialogs.prepare_dialog import essentials

    e = html.escape
    person = prep.cadence.person
    role = " · ".join(part for part in (person.role, person.organisation, person.team) if part)
    prepared = long_date(prep.today, weekday=True)
    parts = [
        f"<h1>1:1 with {e(person.name)}</h1>",
        f"<p class='muted'>{e(role) + ' · ' if role else ''}prepared {prepared}</p>",
        "<h2>Talking points</h2>",
    ]
    typed = [line.strip() for line in talking_points.splitlines() if line.strip()]
    saved = [item.text for item in prep.agenda]
    if typed or saved:
        parts.append("<ul class='points'>")
        parts += [f"<li>{e(line)}</li>" for line in typed + saved]
        parts.append("</ul>")
    else:
        parts.append("<p class='muted'>None written yet.</p>")
    parts.append("<h2>Open follow-ups</h2>")
    if prep.follow_ups:
        parts.append("<ul>")
        shown = prep.follow_ups[:FOLLOW_UPS]
        parts += [f"<li>{e(follow_up_label(f, prep.today))}</li>" for f, _note in shown]
        parts.append("</ul>")
        if len(prep.follow_ups) > FOLLOW_UPS:
            parts.append(f"<p class='muted'>and {len(prep.follow_ups) - FOLLOW_UPS} more</p>")
    else:
        parts.append("<p class='muted'>None open.</p>")
    parts.append("<h2>Dependence and attitude</h2>")
    if prep.dependence or prep.attitudes:
        width, height = CHART_SIZE
        parts.append(f"<p><img src='{CHART_URL}' width='{width}' height='{height}'></p>")
    parts.append(
        f"<p class='muted'>Attitude: {e(trend_words(prep.attitudes))}. "
        + (
            f"Latest audit: {e(RELY_ON_THEM.lower())} "
            f"{prep.dependence[-1].dependence_on_them:.1f}, {e(RELY_ON_YOU.lower())} "
            f"{prep.dependence[-1].their_dependence_on_me:.1f} (of 10).</p>"
            if prep.dependence
            else "Not rated in any power audit yet.</p>"
        )
    )
    parts.append("<h2>Essentials</h2><table>")
    parts += [
        f"<tr><td class='label'>{e(label)}</td><td>{e(value)}</td></tr>"
        for label, value in essentials(prep)
    ]
    parts.append("</table>")
    parts.append("<h2>Last notes</h2>")
    for note in prep.notes:
        text = " ".join(note.text.split())
        if len(text) > NOTE_CHARS:
            text = text[: NOTE_CHARS - 1] + "…"
        parts.append(f"<p><b>{e(note_heading(note))}</b><br>{e(text)}</p>")
    if not prep.notes:
        parts.append("<p class='muted'>No notes yet.</p>")
    parts.append(program_html)
    return "".join(parts)


# --------------------------------------------------------------------------- the chart


def chart(prep: Preparation, width: int = CHART_SIZE[0], height: int = CHART_SIZE[1]) -> QImage:
    """The two dependences at each audit (0-10, lines) above the attitude noted over the
    same months (a band with a dot per note), on one time axis."""
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(SCALE, SCALE)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(11)
    p.setFont(font)
    dates = [d.taken_on for d in prep.dependence] + [on for on, _a in prep.attitudes]
    first = min(dates) if dates else prep.today
    last = max([*dates, prep.today])
    span = max((last - first).days, 1)
    left, right = 84.0, width - 150.0
    top, plot_bottom = 10.0, height - 140.0
    band_top, band_bottom = plot_bottom + 32, height - 22.0

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    def y_of(value: float) -> float:
        return plot_bottom - (plot_bottom - top) * max(0.0, min(10.0, value)) / 10

    # the dependence plot: grid, axis, the two lines
    for value in (0, 5, 10):
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(left, y_of(value)), QPointF(right, y_of(value)))
        p.setPen(MUTED)
        p.drawText(QRectF(left - 30, y_of(value) - 8, 24, 16), _RIGHT, str(value))
    p.save()
    p.translate(14, (top + plot_bottom) / 2)
    p.rotate(-90)
    p.drawText(QRectF(-60, -8, 120, 16), Qt.AlignmentFlag.AlignCenter, "Dependence (0-10)")
    p.restore()
    series = (
        (RELY_ON_THEM, ON_THEM_COLOUR, [d.dependence_on_them for d in prep.dependence]),
        (RELY_ON_YOU, ON_YOU_COLOUR, [d.their_dependence_on_me for d in prep.dependence]),
    )
    for _name, colour, values in series:
        points = [
            QPointF(x_of(d.taken_on), y_of(v)) for d, v in zip(prep.dependence, values, strict=True)
        ]
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            p.setPen(QPen(colour, 2.2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        for point in points:
            p.drawEllipse(point, 3.5, 3.5)
    if not prep.dependence:
        p.setPen(MUTED)
        p.drawText(QRectF(left, top, right - left, plot_bottom - top), Qt.AlignmentFlag.AlignCenter,
                   "Not rated in any power audit yet")  # fmt: skip
    # the legend, beside the plot (never over a line)
    y = top + 4
    for name, colour, _values in series:
        p.setPen(QPen(colour, 2.2))
        p.drawLine(QPointF(right + 14, y + 7), QPointF(right + 34, y + 7))
        p.setPen(INK)
        p.drawText(QRectF(right + 40, y, 110, 16), _LEFT, name)
        y += 20
    # the attitude band: five levels, a dot per note
    levels = list(Attitude)
    p.setPen(MUTED)
    p.save()
    p.translate(14, (band_top + band_bottom) / 2)
    p.rotate(-90)
    p.drawText(QRectF(-50, -8, 100, 16), Qt.AlignmentFlag.AlignCenter, "Attitude")
    p.restore()
    row = (band_bottom - band_top) / len(levels)
    for index, level in enumerate(levels):
        y = band_top + row * (index + 0.5)
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(left, y), QPointF(right, y))
        p.setPen(MUTED)
        p.drawText(QRectF(22, y - 7, left - 28, 14), _RIGHT, ATTITUDE_LABELS[level])
    for on, attitude in prep.attitudes:
        y = band_top + row * (levels.index(attitude) + 0.5)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(ATTITUDE_COLOURS[attitude]))
        p.drawEllipse(QPointF(x_of(on), y), 3.5, 3.5)
    if not prep.attitudes:
        p.setPen(MUTED)
        p.drawText(QRectF(left, band_top, right - left, band_bottom - band_top),
                   Qt.AlignmentFlag.AlignCenter, "No attitude noted yet")  # fmt: skip
    # the time axis
    p.setPen(MUTED)
    p.drawText(QRectF(left - 40, band_bottom + 4, 80, 16), Qt.AlignmentFlag.AlignCenter,
               f"{first:%b %Y}")  # fmt: skip
    p.drawText(QRectF(right - 40, band_bottom + 4, 80, 16), Qt.AlignmentFlag.AlignCenter,
               f"{last:%b %Y}")  # fmt: skip
    p.end()
    return image


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# --------------------------------------------------------------------------- the PDF


def write_pdf(prep: Preparation, talking_points: str, program_html: str, target: Path) -> None:
    """Write the one-page PDF to ``target`` atomically (temp file beside it, then rename)."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    try:
        _render(prep, talking_points, program_html, temp_name)
        if os.path.getsize(temp_name) == 0:
            raise OSError("the PDF came out empty")
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _render(prep: Preparation, talking_points: str, program_html: str, path: str) -> None:
    writer = QPdfWriter(path)
    writer.setTitle(f"1:1 with {prep.cadence.person.name}")
    writer.setCreator("cxjournal")
    paint_page(prep, talking_points, program_html, writer)


def paint_page(
    prep: Preparation, talking_points: str, program_html: str, device: QPagedPaintDevice
) -> None:
    """Lay the preparation out on one A4 page of ``device`` (a PDF writer or a printer).

    The PDF and the printed page are the same page: both come from here.
    """
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(STYLE)
    if prep.dependence or prep.attitudes:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), chart(prep))
    document.setHtml(page_html(prep, talking_points, program_html))
    set_a4_page(device)
    document.documentLayout().setPaintDevice(device)
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    height = page.height() - FOOTER
    scale = 1.0
    while True:  # set smaller until the whole page fits
        document.setPageSize(QSizeF(page.width() / scale, 1e7))
        needed = document.documentLayout().documentSize().height() * scale
        if needed <= height or scale <= MIN_SCALE:
            break
        scale = max(MIN_SCALE, scale * min(0.95, (height / needed) ** 0.5))
    painter = QPainter(device)
    painter.save()
    painter.scale(scale, scale)
    document.drawContents(painter, QRectF(0, 0, page.width() / scale, height / scale))
    painter.restore()
    painter.setPen(MUTED)
    footer = QRectF(0, height, page.width(), FOOTER)
    painter.drawText(footer, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                     f"1:1 preparation · {prep.cadence.person.name} · cxjournal")  # fmt: skip
    painter.end()


def confirm_saved(parent: QWidget | None, target: Path) -> bool:
    """Say where the PDF was saved and offer to open it; True when it was opened."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Saved")
    box.setText(as_written(f"Saved: {target}"))
    open_button = box.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open-saved")
    close_button = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    box.setEscapeButton(close_button)
    box.exec()
    if box.clickedButton() is not open_button:
        return False
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return True
