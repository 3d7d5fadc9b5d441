"""Search the whole journal as you type; Enter opens the hit where it lives.

People whose name matches come first, then every other hit ranked by relevance
(bm25), each with the matched words in bold in its own text. The search can be
narrowed to one person, one kind and a period; results come 50 at a time, with
*Show more* for the next 50. Whatever is typed is safe: quotes, operators and
emoji find words or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from cxjournal.journal import Journal
from cxjournal.journal.search import KIND_LABELS, SearchFilter, SearchHit
from cxjournal.qt.core import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from cxjournal.qt.gui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

RESULTS = 50
#: Counting stops here ("more than 1,000 results").
COUNT_CAP = 1000
#: The kinds offered by the kind filter, as the user reads them.
KIND_CHOICES: tuple[tuple[str, str], ...] = (
    ("Everything", ""),
    ("Notes", "note"),
    ("Follow-ups", "follow_up"),
    ("People", "person"),
    ("Power audits", "audit"),
    ("Check-ins", "resilience"),
)
#: The periods offered by the date filter: label and days back (0: any time).
PERIOD_CHOICES: tuple[tuple[str, int], ...] = (
    ("Any time", 0),
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last 12 months", 365),
)
TYPING_PAUSE_MS = 60
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: Laid-out row texts the results keep: two pages of results at two widths (the
#: vertical scroll bar shown and hidden).
LAID_OUT_KEPT = 4 * RESULTS
#: Results laid out before the first paint (more than a screen holds); the rest are
#: laid out in turns of the event loop right after, so typing goes on meanwhile.
LAYOUT_BATCH = 12


class HitsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        #: Each row's rich text, built from its escaped text once (the view asks often).
        self._html: dict[int, str] = {}

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self._html = {}
        self.endResetModel()

    def add_hits(self, hits: list[SearchHit]) -> None:
        if not hits:
            return
        self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(hits) - 1)
        self.hits.extend(hits)
        self.endInsertRows()

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
            html = self._html.get(index.row())
            if html is None:
                snippet = hit.snippet_html() or "<i>(no text)</i>"
                html = (
                    f"<b>{hit.title_html()}</b>"
                    f"&nbsp;&nbsp;<small>{KIND_LABELS[hit.kind]}</small><br>{snippet}"
                )
                self._html[index.row()] = html
            return html
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text: title, then the snippet with matches in bold.

    Each row's text is laid out once for a width and font and kept (the last
    ``LAID_OUT_KEPT`` of them): the view asks every row's size when the results
    change, then paints the rows in view, then repaints them on hover, selection and
    scrolling; all of these reuse the one layout instead of parsing and wrapping the
    row's text again.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._laid_out: OrderedDict[tuple[str, int, str], tuple[QTextDocument, QSize]] = (
            OrderedDict()
        )
        #: How many row texts were laid out so far (each kept until pushed out).
        self.layouts = 0

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        """The width a row is painted at: the list's. Qt asks some sizes (to scroll, to
        find the current row) with a made-up rectangle; answering those at the list's
        width too gives the height the row will have and needs no layout of its own."""
        view = self.parent()
        if isinstance(view, QListView):
            return view.viewport().width()
        return option.rect.width()

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[QTextDocument, QSize]:
        html = str(index.data(HTML_ROLE) or "")
        width = max(100, self._row_width(option) - 12)
        key = (html, width, option.font.key())
        kept = self._laid_out.get(key)
        if kept is not None:
            self._laid_out.move_to_end(key)
            return kept
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(option.font)
        document.setHtml(html)
        document.setTextWidth(width)
        laid_out = (document, QSize(int(document.idealWidth()), int(document.size().height()) + 8))
        self.layouts += 1
        self._laid_out[key] = laid_out
        if len(self._laid_out) > LAID_OUT_KEPT:
            self._laid_out.popitem(last=False)
        return laid_out

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_backup = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text_backup
        document, _size = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 12, option.rect.height() - 4))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(self._document(option, index)[1])


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
        self,
        journal: Journal,
        navigate: Callable[..., None],
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.navigate = navigate
        self.today = today
        self.total = 0
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
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(LAYOUT_BATCH)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel("Type a word or a name. Enter opens the first result.")
        self.status.setWordWrap(True)
        self.more = QPushButton(f"Show &{RESULTS} more")
        self.more.setToolTip("Show the next results")
        self.more.clicked.connect(self.show_more)
        self.more.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.results, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.more)
        layout.addLayout(footer)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.results.activated.connect(lambda index: self.open_hit(index.row()))
        self._last: str | None = None

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.person_filter = QComboBox()
        self.person_filter.setAccessibleName("Only about this person")
        self.person_filter.setToolTip("Only what is about this person (and their own entry)")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Only this kind")
        for text, kind in KIND_CHOICES:
            self.kind_filter.addItem(text, kind)
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName("Only from this period")
        self.period_filter.setToolTip("Only what is dated in this period (people have no date)")
        for text, days in PERIOD_CHOICES:
            self.period_filter.addItem(text, days)
        for text, box in (
            ("&About:", self.person_filter),
            ("&Kind:", self.kind_filter),
            ("&When:", self.period_filter),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box, 1 if box is self.person_filter else 0)
            box.currentIndexChanged.connect(self._filters_changed)
        return row

    def _fill_people(self) -> None:
        current = self.person_filter.currentData()
        self.person_filter.blockSignals(True)
        self.person_filter.clear()
        self.person_filter.addItem("Anyone", None)
        for person in sorted(self.journal.people.all(), key=lambda p: p.name.casefold()):
            self.person_filter.addItem(person.name, person.id)
        found = self.person_filter.findData(current)
        self.person_filter.setCurrentIndex(max(found, 0))
        self.person_filter.blockSignals(False)

    def search_filter(self) -> SearchFilter:
        """What the filter row asks for."""
        kind = self.kind_filter.currentData()
        days = int(self.period_filter.currentData() or 0)
        since = self.today() - dt.timedelta(days=days - 1) if days else None
        return SearchFilter(
            person_id=self.person_filter.currentData(),
            kinds=(kind,) if kind else (),
            since=since,
        )

    def _filters_changed(self) -> None:
        self._last = None
        self.run_search()

    def start(self, text: str = "") -> None:
        """Show the dialog with the field focused (and its text selected)."""
        self._last = None
        self._fill_people()
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
        only = self.search_filter()
        hits = self.journal.search.query(text, limit=RESULTS, only=only)
        self.total = self.journal.search.count(text, COUNT_CAP + 1, only) if hits else 0
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self._show_status(text, only)

    def show_more(self) -> None:
        """Add the next results after those shown; the first new one becomes current."""
        shown = self.model.rowCount()
        hits = self.journal.search.query(
            self.query.text(), limit=RESULTS, offset=shown, only=self.search_filter()
        )
        self.model.add_hits(hits)
        if hits:
            # the first new result is scrolled to, so every row above it is laid out now
            self.results.setLayoutMode(QListView.LayoutMode.SinglePass)
            self.results.doItemsLayout()
            self.results.setLayoutMode(QListView.LayoutMode.Batched)
            self.results.setCurrentIndex(self.model.index(shown))
            self.results.scrollTo(self.model.index(shown))
            self.results.setFocus()
        self._show_status(self.query.text(), self.search_filter())

    def _show_status(self, text: str, only: SearchFilter) -> None:
        shown = self.model.rowCount()
        narrowed = only != SearchFilter()
        if shown:
            total = f"more than {COUNT_CAP:,}" if self.total > COUNT_CAP else f"{self.total:,}"
            self.status.setText(
                f"{shown:,} result{'s' if shown != 1 else ''}, best first"
                if shown >= self.total
                else f"Showing {shown:,} of {total} results, best first"
            )
        elif text.strip():
            self.status.setText(
                "Nothing found with these filters. Try Anyone, Everything or Any time."
                if narrowed
                else "Nothing found. Try fewer or shorter words."
            )
        else:
            self.status.setText("Type a word or a name. Enter opens the first result.")
        self.more.setVisible(0 < shown < self.total)

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
