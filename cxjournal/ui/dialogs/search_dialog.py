"""Search the whole journal as you type; Enter opens the hit where it lives.

Results are ranked by relevance (bm25) with the matched words in bold. Whatever
is typed is safe: quotes, operators and emoji find words or nothing.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from cxjournal.journal import Journal
from cxjournal.journal.search import KIND_LABELS, SearchHit

RESULTS = 50
TYPING_PAUSE_MS = 60
HTML_ROLE = Qt.ItemDataRole.UserRole + 1


class HitsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}\n{' '.join(hit.snippet_text().split())}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS[hit.kind]}: {hit.title}. {' '.join(hit.snippet_text().split())}"
        if role == HTML_ROLE:
            return (
                f"<b>{html.escape(hit.title)}</b>"
                f"&nbsp;&nbsp;<small>{KIND_LABELS[hit.kind]}</small><br>{hit.snippet_html()}"
            )
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text: title, then the snippet with matches in bold."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(100, option.rect.width() - 12))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_backup = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text_backup
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 12, option.rect.height() - 4))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 8)


class SearchField(QLineEdit):
    """The query field: Down moves into the results, Enter opens the current hit."""

    def __init__(self, dialog: SearchDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.dialog.model.rowCount():
            self.dialog.results.setFocus()
            if not self.dialog.results.currentIndex().isValid():
                self.dialog.results.setCurrentIndex(self.dialog.model.index(0))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dialog.run_search()
            self.dialog.open_current()
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    def __init__(
        self, journal: Journal, navigate: Callable[..., None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.navigate = navigate
        self.setWindowTitle("Find in journal")
        self.resize(640, 520)
        self.query = SearchField(self)
        self.query.setPlaceholderText("Search notes, follow-ups, people, audits and check-ins")
        self.query.setAccessibleName("Search")
        self.query.setClearButtonEnabled(True)
        self.model = HitsModel(self)
        self.results = QListView()
        self.results.setObjectName("search-results")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel("Type a word or a name. Enter opens the first result.")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.results.activated.connect(lambda index: self.open_hit(index.row()))
        self._last: str | None = None

    def start(self, text: str = "") -> None:
        """Show the dialog with the field focused (and its text selected)."""
        self._last = None
        if text:
            self.query.setText(text)
        if self.query.text():
            self.run_search()  # the journal may have changed since the last search
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.query.text()
        if text == self._last and self.model.rowCount():
            return
        self._last = text
        hits = self.journal.search.query(text, limit=RESULTS)
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
            more = " (best first)" if len(hits) < RESULTS else f" (the best {RESULTS})"
            self.status.setText(f"{len(hits)} result{'s' if len(hits) != 1 else ''}{more}")
        elif text.strip():
            self.status.setText("Nothing found. Try fewer or shorter words.")
        else:
            self.status.setText("Type a word or a name. Enter opens the first result.")

    def open_current(self) -> None:
        index = self.results.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.model.rowCount():
            self.open_hit(row)

    def open_hit(self, row: int) -> bool:
        if not 0 <= row < len(self.model.hits):
            return False
        hit = self.model.hits[row]
        try:
            self.navigate(hit.target, **hit.target_args)
        except KeyError:
            self.status.setText(f"{KIND_LABELS[hit.kind]}s cannot be opened in this version.")
            return False
        self.hide()
        return True
