"""The building blocks of the Today page: a titled card and a clickable row.

A :class:`LinkRow` behaves like a button (focus with Tab, activate with a click,
Enter or Space) but wraps long text, so an alarm message or a follow-up reads in
full. Colours come from the palette only.
"""

from __future__ import annotations

from cxjournal.qt.core import QEvent, QSize, Qt, Signal
from cxjournal.qt.gui import QEnterEvent, QFocusEvent, QIcon, QKeyEvent, QMouseEvent, QPalette
from cxjournal.qt.widgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import as_written, escape, plain_label


class Card(QFrame):
    """A framed block with a bold title, an optional header button and a body."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(6)
        header = QHBoxLayout()
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        header.addWidget(self.title)
        header.addStretch(1)
        self.header = header
        outer.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        outer.addLayout(self.body)
        self.setAccessibleName(title)

    def add_header_button(self, text: str, tooltip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(as_written(tooltip, wrap=False))
        self.header.addWidget(button)
        return button

    def clear(self) -> None:
        """Remove everything from the body."""
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
            elif item is not None and item.layout() is not None:
                _delete_layout(item.layout())

    def add(self, widget: QWidget) -> QWidget:
        """Append ``widget`` to the body, shown at once (not only after the next event loop)."""
        self.body.addWidget(widget)
        widget.show()
        return widget

    def add_text(self, text: str, object_name: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        if object_name:
            label.setObjectName(object_name)
        self.add(label)
        return label


def _delete_layout(layout: object) -> None:
    from cxjournal.qt.widgets import QLayout

    if not isinstance(layout, QLayout):
        return
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item is not None and item.layout() is not None:
            _delete_layout(item.layout())
    layout.deleteLater()


class LinkRow(QFrame):
    """A row that opens something: a bold title, wrapped detail text, optional buttons.

    Emits ``activated`` on a click, Enter or Space.
    """

    activated = Signal()

    def __init__(
        self,
        title: str,
        detail: str = "",
        icon: QIcon | None = None,
        tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setToolTip(as_written(tooltip, wrap=False))
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(8)
        if icon is not None and not icon.isNull():
            badge = QLabel()
            badge.setPixmap(icon.pixmap(QSize(18, 18)))
            badge.setAlignment(Qt.AlignmentFlag.AlignTop)
            layout.addWidget(badge)
        text = QVBoxLayout()
        text.setSpacing(1)
        self.title_label = QLabel(f"<b>{escape(title)}</b>")
        self.title_label.setWordWrap(True)
        text.addWidget(self.title_label)
        self.detail_label = plain_label(detail)
        self.detail_label.setWordWrap(True)
        self.detail_label.setVisible(bool(detail))
        text.addWidget(self.detail_label)
        layout.addLayout(text, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)

    def title(self) -> str:
        return self.accessibleName()

    def detail(self) -> str:
        return self.accessibleDescription()

    def add_leading(self, widget: QWidget) -> None:
        """Put ``widget`` (a tick box, say) before the title, aligned with its first line."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(0, widget, 0, Qt.AlignmentFlag.AlignTop)

    def add_button(self, text: str, tooltip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(as_written(tooltip, wrap=False))
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return button

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _highlight(self, on: bool) -> None:
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase if on else QPalette.ColorRole.Base)
        self.setFrameShape(QFrame.Shape.Box if self.hasFocus() else QFrame.Shape.NoFrame)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._highlight(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._highlight(self.hasFocus())
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._highlight(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._highlight(self.underMouse())
