"""A line edit for comma-separated tags that completes each tag from past use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cxjournal.qt.core import QStringListModel, Qt
from cxjournal.qt.gui import QKeyEvent
from cxjournal.qt.widgets import QCompleter, QLineEdit, QWidget

SEPARATOR = ","


def split_tags(text: str) -> tuple[str, ...]:
    """The tags in ``text``: split at commas, spaces tidied, empty and repeated ones dropped."""
    tags: list[str] = []
    seen: set[str] = set()
    for part in text.split(SEPARATOR):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


def join_tags(tags: Iterable[str]) -> str:
    return f"{SEPARATOR} ".join(tags)


class TagInput(QLineEdit):
    """Tags typed as ``walk, good 1:1``; the tag under the cursor is completed.

    Suggestions come from :meth:`set_vocabulary` (most used first) and match
    anywhere in a tag, ignoring case; tags already in the field are not offered.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocabulary: list[str] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setMaxVisibleItems(8)
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._offer_completions)
        self.setClearButtonEnabled(True)

    # -- public ----------

    def tags(self) -> tuple[str, ...]:
        return split_tags(self.text())

    def set_tags(self, tags: Sequence[str]) -> None:
        self.setText(join_tags(tags))
        self.setCursorPosition(0)  # show the first tags, not the end of the line

    def set_vocabulary(self, tags: Sequence[str]) -> None:
        """Tags to suggest, in the order to suggest them (most used first)."""
        self._vocabulary = list(tags)
        self._model.setStringList(self._vocabulary)

    def vocabulary(self) -> list[str]:
        return list(self._vocabulary)

    def completer_popup_visible(self) -> bool:
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    # -- completion ----------

    def _current_token(self) -> tuple[int, int]:
        """Start and end (exclusive) of the tag under the cursor."""
        text, cursor = self.text(), self.cursorPosition()
        start = text.rfind(SEPARATOR, 0, cursor) + 1
        end = text.find(SEPARATOR, cursor)
        return start, len(text) if end < 0 else end

    def _offer_completions(self, _text: str = "") -> None:
        start, end = self._current_token()
        prefix = self.text()[start:end].strip()
        if not prefix:
            self._hide_popup()
            return
        taken = {t.casefold() for t in self.tags()} - {prefix.casefold()}
        self._model.setStringList([t for t in self._vocabulary if t.casefold() not in taken])
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount() == 0:
            self._hide_popup()
            return
        self._completer.complete()
        popup = self._completer.popup()
        if popup is not None:  # the best match is picked by Enter
            popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _insert_completion(self, completion: str) -> None:
        start, end = self._current_token()
        text = self.text()
        before = text[:start].rstrip()
        after = text[end:].lstrip(SEPARATOR + " ")
        lead = f"{before} " if before else ""
        new_text = f"{lead}{completion}{SEPARATOR} "
        self.setText(new_text + after)
        self.setCursorPosition(len(new_text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.completer_popup_visible() and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            event.ignore()  # the completer's popup handles these
            return
        super().keyPressEvent(event)
