"""One person's line in the audit form, and the header above the lines.

The four core ratings run 1 to 10 and start as "?" (not rated yet): an audit is
saved only when every core rating is given. The five aspects run 0 to 10 and may
stay "–" (not rated). Spin boxes cannot go past their ranges.
"""

from __future__ import annotations

import functools

from cxjournal.domain.model import Aspects, Person, Rating
from cxjournal.domain.power_audit import FIELD_GUIDANCE
from cxjournal.qt.core import QEvent, QObject, Qt, Signal
from cxjournal.qt.gui import QFontMetrics, QKeyEvent, QKeySequence
from cxjournal.qt.widgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.audit_wording import ASPECT_FIELDS, CORE_FIELDS
from cxjournal.ui.plain_text import as_written, plain_label
from cxjournal.ui.theme import secondary

NAME_WIDTH = 124
#: the narrowest a rating column gets; wider where a column title needs it
SPIN_WIDTH = 54
GAP_WIDTH = 6
REMOVE_WIDTH = 28
ROW_SPACING = 3
HEADER_SCALE = 0.9

UNRATED = 0  # core spin boxes: shown as "?"
NO_ASPECT = -1  # aspect spin boxes: shown as "–"


@functools.cache
def column_width() -> int:
    """The width of every rating column: ``SPIN_WIDTH``, or the widest line of a column
    title in the header's font, so that no title is cut off."""
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * HEADER_SCALE)
    metrics = QFontMetrics(font)
    lines = [line for _, text, _ in (*CORE_FIELDS, *ASPECT_FIELDS) for line in text.split("\n")]
    return max(SPIN_WIDTH, *(metrics.horizontalAdvance(line) + 4 for line in lines))


class CoreSpin(QSpinBox):
    """1 to 10, with "?" for not rated yet."""

    def __init__(self) -> None:
        super().__init__()
        self.setRange(UNRATED, 10)
        self.setSpecialValueText("?")
        self.setValue(UNRATED)
        self.setFixedWidth(column_width())
        self.setAlignment(Qt.AlignmentFlag.AlignRight)


class AspectSpin(QSpinBox):
    """0 to 10, with "–" for not rated."""

    def __init__(self) -> None:
        super().__init__()
        self.setRange(NO_ASPECT, 10)
        self.setSpecialValueText("–")
        self.setValue(NO_ASPECT)
        self.setFixedWidth(column_width())
        self.setAlignment(Qt.AlignmentFlag.AlignRight)


def _header_label(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setFixedWidth(column_width())
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
    label.setToolTip(f"<p>{tip}</p>")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * HEADER_SCALE)
    label.setFont(font)
    return label


class RatingHeader(QWidget):
    """Column titles lined up with :class:`RatingRow`; each has its guidance as a tooltip."""

    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_SPACING)
        person = QLabel("Person")
        person.setFixedWidth(NAME_WIDTH)
        person.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        person.setToolTip(f"<p>{FIELD_GUIDANCE['top_ten']}</p>")
        layout.addWidget(person)
        self.labels: dict[str, QLabel] = {}
        for name, text, _ in CORE_FIELDS:
            self.labels[name] = _header_label(text, FIELD_GUIDANCE[name])
            layout.addWidget(self.labels[name])
        layout.addSpacing(GAP_WIDTH)
        for name, text, _ in ASPECT_FIELDS:
            self.labels[name] = _header_label(text, FIELD_GUIDANCE[name])
            layout.addWidget(self.labels[name])
        layout.addSpacing(REMOVE_WIDTH)
        layout.addStretch(1)


class RatingRow(QWidget):
    """A person's ratings in the audit being edited."""

    changed = Signal()
    remove_requested = Signal(object)  # this row
    #: Enter in the last rating: the editor moves on to the next person (never to remove)
    entered_past_end = Signal(object)  # this row
    field_focused = Signal(str)  # the field name, for the guidance beside the form

    def __init__(self, person: Person, rating: Rating | None = None) -> None:
        super().__init__()
        self.person = person
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_SPACING)

        names = QVBoxLayout()
        names.setSpacing(0)
        self.name_label = plain_label(person.name)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setFixedWidth(NAME_WIDTH)
        self.name_label.setText(
            QFontMetrics(font).elidedText(person.name, Qt.TextElideMode.ElideRight, NAME_WIDTH)
        )
        names.addWidget(self.name_label)
        grouping = " · ".join(
            part for part in (person.team, person.function, person.location) if part.strip()
        )
        grouping = grouping or ("new person" if person.id is None else "")
        self.grouping_label = plain_label()
        self.grouping_label.setFixedWidth(NAME_WIDTH)
        small = self.grouping_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.grouping_label.setFont(small)
        self.grouping_label.setText(
            QFontMetrics(small).elidedText(grouping, Qt.TextElideMode.ElideRight, NAME_WIDTH)
        )
        self.grouping_label.setToolTip(as_written(grouping, wrap=False))
        secondary(self.grouping_label)  # a quieter line, still readable (AA)
        names.addWidget(self.grouping_label)
        self.name_label.setToolTip(as_written(person.name, wrap=False))
        layout.addLayout(names)

        self.spins: dict[str, QSpinBox] = {}
        for name, _, description in CORE_FIELDS:
            core = CoreSpin()
            self._set_up(core, name, description)
            layout.addWidget(core)
        layout.addSpacing(GAP_WIDTH)
        for name, _, description in ASPECT_FIELDS:
            aspect = AspectSpin()
            self._set_up(aspect, name, description)
            layout.addWidget(aspect)

        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setFixedWidth(REMOVE_WIDTH)
        self.remove_button.setToolTip(
            as_written(f"Remove {person.name} from this audit", wrap=False)
        )
        self.remove_button.setAccessibleName(f"Remove {person.name} from this audit")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(self.remove_button)
        layout.addStretch(1)

        if rating is not None:
            self.set_rating(rating)
        for box in self.spins.values():
            box.valueChanged.connect(self.changed)

    def _set_up(self, spin: QSpinBox, name: str, description: str) -> None:
        spin.setObjectName(name)
        spin.setAccessibleName(f"{self.person.name}: {description}")
        spin.setToolTip(f"<p>{FIELD_GUIDANCE[name]}</p>")
        spin.installEventFilter(self)
        self.spins[name] = spin

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QSpinBox):
            return False
        if event.type() == QEvent.Type.FocusIn:
            self.field_focused.emit(watched.objectName())
        elif (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            watched.interpretText()
            if watched is list(self.spins.values())[-1]:
                self.entered_past_end.emit(self)
            else:
                self.focusNextChild()  # Enter moves on, as Tab does, for quick entry
            return True
        elif (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()  # Ctrl+Z in a rating undoes the form's last removal
            return True
        return False

    # -- values --------------------------------------------------------------------------

    def set_rating(self, rating: Rating) -> None:
        for name, _, _ in CORE_FIELDS:
            self.spins[name].setValue(int(getattr(rating, name)))
        for name, _, _ in ASPECT_FIELDS:
            value = getattr(rating.aspects, name)
            self.spins[name].setValue(NO_ASPECT if value is None else int(value))

    def values(self) -> dict[str, int]:
        """Every spin box's value by field name ("?" and "–" as their special values)."""
        return {name: box.value() for name, box in self.spins.items()}

    def set_values(self, values: dict[str, int]) -> None:
        for name, value in values.items():
            if name in self.spins:
                self.spins[name].setValue(value)

    def missing(self) -> list[str]:
        """The core fields not rated yet, in form order."""
        return [name for name, _, _ in CORE_FIELDS if self.spins[name].value() == UNRATED]

    def rating(self) -> Rating | None:
        """The rating as entered; ``None`` while a core field is still "?"."""
        if self.missing():
            return None
        aspects = {
            name: None if self.spins[name].value() == NO_ASPECT else self.spins[name].value()
            for name, _, _ in ASPECT_FIELDS
        }
        return Rating(
            person=self.person,
            value=self.spins["value"].value(),
            irreplaceability=self.spins["irreplaceability"].value(),
            my_value=self.spins["my_value"].value(),
            my_irreplaceability=self.spins["my_irreplaceability"].value(),
            aspects=Aspects(**aspects),
        )

    def focus_widgets(self) -> list[QWidget]:
        """This row's inputs in tab order."""
        return [*self.spins.values(), self.remove_button]

    def focus_first(self, only_missing: bool = False) -> None:
        names = self.missing() if only_missing else []
        target = self.spins[names[0]] if names else self.spins["value"]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        target.selectAll()
