"""The program snapshot and the proof point portfolio as PDF: their Markdown, laid out
by Qt's text engine (QTextDocument) onto A4 pages. Imported only when a PDF is asked for.
"""

from __future__ import annotations

from cxjournal.exchange.snapshot_pdf import FONT_FAMILIES, ensure_gui_application, set_a4_page
from cxjournal.qt.core import QBuffer, QByteArray, QIODevice, QSizeF
from cxjournal.qt.gui import QFont, QPdfWriter, QTextDocument


def markdown_pdf(markdown: str, title: str) -> bytes:
    """``markdown`` (already escaped: it holds no HTML) as PDF bytes, titled ``title``."""
    ensure_gui_application()
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    features = QTextDocument.MarkdownFeature
    # GitHub's dialect for the tables; never any HTML, whatever the text holds
    document.setMarkdown(markdown, features.MarkdownDialectGitHub | features.MarkdownNoHTML)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("cxjournal")
    set_a4_page(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(writer)
    buffer.close()
    return bytes(data.data())
