"""Journal text shown exactly as written, never run as markup.

Qt treats text as rich text (HTML) in many places: a QLabel or a QMessageBox
in its default ``AutoText`` format, every tooltip, pyqtgraph's legends, titles
and axis labels. A name such as ``Zed <img src=file:///etc/hostname>`` would
then be drawn as an image read from disk. Everything that shows journal text
goes through one of these:

- :func:`plain_label` (or :func:`make_plain`) for a label that shows text alone;
- :func:`escape` for journal text put inside the app's own markup;
- :func:`as_written` for a message box or a tooltip: text that Qt's auto-detection
  shows as written (unchanged when Qt would show it plainly anyway);
- :func:`chart_text` for a pyqtgraph legend entry, title or axis label.
"""

from __future__ import annotations

import html

from cxjournal.qt.core import Qt
from cxjournal.qt.gui import Qt as QtGui
from cxjournal.qt.widgets import QLabel, QWidget


def escape(text: str, *, line_breaks: bool = False) -> str:
    """``text`` as HTML that shows it as written; newlines become ``<br>`` when asked."""
    escaped = html.escape(text, quote=True)
    return escaped.replace("\n", "<br>") if line_breaks else escaped


def as_written(text: str, *, wrap: bool = True) -> str:
    """``text`` for a message box or (``wrap=False``) a tooltip: shown as written.

    Qt's auto-detection (``Qt.mightBeRichText``) decides whether such text is
    HTML. Text it would take for plain is returned as it is; other text is
    escaped inside a paragraph that keeps its line breaks, and that wraps long
    lines as a message box does or, for a tooltip, keeps them whole as a plain
    tooltip does.
    """
    if not QtGui.mightBeRichText(text):
        return text
    space = "pre-wrap" if wrap else "pre"
    return f'<p style="white-space:{space}">{escape(text)}</p>'


def make_plain(label: QLabel) -> QLabel:
    """``label``, set to show its text as plain text (no markup, no links)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` (and whatever is set later) as plain text."""
    return make_plain(QLabel(text, parent))


def chart_text(text: str) -> str:
    """``text`` for a pyqtgraph legend entry, plot title or axis label (they take HTML)."""
    return escape(text)
