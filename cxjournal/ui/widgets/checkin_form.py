"""The ten-second check-in: energy, stress and mood, sleep, drains, restorers, a note.

The form holds no journal: it shows what it is given (:meth:`CheckinForm.show_date`)
and emits :attr:`CheckinForm.submitted` with the entry to save, and
:attr:`CheckinForm.date_picked` when the user picks another date. Enter or
Ctrl+Enter anywhere in the form saves (except while a tag suggestion list is open).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

from cxjournal.domain.model import CHECKIN_MAX, CHECKIN_MIN, SLEEP_MAX, ResilienceEntry
from cxjournal.domain.resilience import checkin_value
from cxjournal.domain.wording import short_date
from cxjournal.qt.core import QDate, Qt, Signal
from cxjournal.qt.gui import QKeyEvent, QPalette
from cxjournal.qt.widgets import (
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.widgets.tag_input import TagInput

#: Slider values of a first check-in, before there is a last one to start from.
FIRST_VALUES = {"energy": 6, "stress": 5, "mood": 6}
_NO_SLEEP = -0.5  # the sleep box's "not noted" value


@dataclass(frozen=True)
class _Scale:
    name: str
    label: str
    low: str
    high: str


SCALES = (
    _Scale("energy", "E&nergy", "drained", "full of energy"),
    _Scale("stress", "&Stress", "calm", "overwhelmed"),
    _Scale("mood", "&Mood", "low", "very good"),
)


class ScoreSlider(QSlider):
    """A 1-10 slider; the digit keys set it directly (0 means 10)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(CHECKIN_MIN, CHECKIN_MAX)
        self.setSingleStep(1)
        self.setPageStep(2)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(140)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if (
            len(text) == 1
            and text.isdigit()
            and not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier)
        ):
            self.setValue(int(text) or CHECKIN_MAX)
            event.accept()
            return
        super().keyPressEvent(event)


class CheckinForm(QGroupBox):
    submitted = Signal(object)  # ResilienceEntry to save
    date_picked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Check-in", parent)
        self._today = dt.date.today()
        self._entry_id: int | None = None
        self._baseline: ResilienceEntry | None = None
        self._start_from: ResilienceEntry | None = None
        self._loading = False
        # Scores the edited check-in does not record (a mood-only one): they stay
        # unrecorded until the user moves their slider. Its activity tags are kept too.
        self._unrecorded: set[str] = set()
        self._activity_tags: tuple[str, ...] = ()

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.setAccessibleName("Date of the check-in")
        self.date_edit.setToolTip("Pick an earlier day to fill it in or change it")
        self.date_edit.dateChanged.connect(self._on_date_changed)

        self.sliders: dict[str, ScoreSlider] = {}
        self.value_labels: dict[str, QLabel] = {}
        scales = QGridLayout()
        scales.setHorizontalSpacing(10)
        for column, scale in enumerate(SCALES):
            slider = ScoreSlider()
            slider.setAccessibleName(
                f"{scale.name.capitalize()}, 1 ({scale.low}) to 10 ({scale.high})"
            )
            slider.setToolTip(
                f"{scale.name.capitalize()} today: 1 is {scale.low}, 10 is {scale.high}.\n"
                "Arrow keys or a digit (0 for 10) change it; Enter saves."
            )
            value = QLabel()
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("10") + 4)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            slider.valueChanged.connect(lambda v, label=value: label.setText(str(v)))
            slider.valueChanged.connect(lambda _v, name=scale.name: self._recorded(name))
            slider.valueChanged.connect(self._update_state)
            label = QLabel(scale.label)
            label.setBuddy(slider)
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(value)
            ends = QHBoxLayout()
            for text, align in (
                (scale.low, Qt.AlignmentFlag.AlignLeft),
                (scale.high, Qt.AlignmentFlag.AlignRight),
            ):
                end = QLabel(text)
                end.setAlignment(align)
                end.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, any theme
                ends.addWidget(end)
            ends.addSpacing(value.minimumWidth() + row.spacing())
            scales.addWidget(label, 0, column)
            scales.addLayout(row, 1, column)
            scales.addLayout(ends, 2, column)
            scales.setColumnStretch(column, 1)
            self.sliders[scale.name] = writes_journal(slider)
            self.value_labels[scale.name] = value

        self.sleep = writes_journal(QDoubleSpinBox())
        self.sleep.setRange(_NO_SLEEP, SLEEP_MAX)
        self.sleep.setSingleStep(0.5)
        self.sleep.setDecimals(1)
        self.sleep.setSuffix(" h")
        self.sleep.setSpecialValueText("not noted")
        self.sleep.setAccessibleName("Hours of sleep (optional)")
        self.sleep.setToolTip("Hours slept last night, if you want to note it")
        self.sleep.valueChanged.connect(self._update_state)

        self.drains = writes_journal(TagInput())
        self.drains.setAccessibleName("What drained you (tags, separated by commas)")
        self.drains.setToolTip("What took energy today, as short tags separated by commas")
        self.drains.textChanged.connect(self._update_state)
        self.restorers = writes_journal(TagInput())
        self.restorers.setAccessibleName("What restored you (tags, separated by commas)")
        self.restorers.setToolTip("What gave energy back today, as short tags separated by commas")
        self.restorers.textChanged.connect(self._update_state)
        self.note = writes_journal(QLineEdit())
        self.note.setAccessibleName("Note (optional)")
        self.note.setPlaceholderText("Optional: a line about the day")
        self.note.textChanged.connect(self._update_state)

        self.save_button = writes_journal(QPushButton("Save check-in"))
        self.save_button.setToolTip("Save this check-in (Enter or Ctrl+Enter)")
        self.save_button.setAccessibleName("Save check-in")
        self.save_button.clicked.connect(self.submit)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName("Check-in state")
        self.state_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        top = QHBoxLayout()
        date_label = QLabel("D&ate")
        date_label.setBuddy(self.date_edit)
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addSpacing(12)
        top.addWidget(self.state_label, 1)

        details = QHBoxLayout()
        for text, field, stretch in (
            ("S&leep", self.sleep, 0),
            ("&Drained by", self.drains, 1),
            ("&Restored by", self.restorers, 1),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            details.addWidget(label)
            details.addWidget(field, stretch)
            details.addSpacing(8)

        bottom = QHBoxLayout()
        note_label = QLabel("N&ote")
        note_label.setBuddy(self.note)
        bottom.addWidget(note_label)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(scales)
        layout.addLayout(details)
        layout.addLayout(bottom)

        order = [
            self.date_edit,
            *self.sliders.values(),
            self.sleep,
            self.drains,
            self.restorers,
            self.note,
            self.save_button,
        ]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.show_date(self._today, None, None)

    # -- what the form shows ----------

    def set_today(self, today: dt.date) -> None:
        """The latest date that may be picked (check-ins are not made ahead)."""
        self._today = today
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))

    def current_date(self) -> dt.date:
        qdate = self.date_edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def show_date(
        self, on: dt.date, entry: ResilienceEntry | None, start_from: ResilienceEntry | None
    ) -> None:
        """Show the check-in of ``on``: ``entry`` to edit, or a new one.

        A new check-in's sliders start at ``start_from`` (the last check-in
        before it), so an unchanged day takes one keystroke; sleep, tags and
        note start empty.
        """
        self._loading = True
        try:
            self.date_edit.setDate(QDate(on.year, on.month, on.day))
            source = entry or start_from
            self._unrecorded = set()
            for name, slider in self.sliders.items():
                value = getattr(source, name) if source else None
                slider.setValue(FIRST_VALUES[name] if value is None else value)
                if entry is not None and value is None:
                    self._unrecorded.add(name)
                    self.value_labels[name].setText(checkin_value(None))
            self._activity_tags = entry.tags if entry else ()
            sleep = entry.sleep_hours if entry else None
            self.sleep.setValue(_NO_SLEEP if sleep is None else sleep)
            self.drains.set_tags(entry.drains if entry else ())
            self.restorers.set_tags(entry.restorers if entry else ())
            self.note.setText(entry.note if entry else "")
        finally:
            self._loading = False
        self._entry_id = entry.id if entry else None
        self._baseline = self.entry() if entry else None
        self._start_from = start_from
        self._update_state()

    def set_vocabulary(self, drains: list[str], restorers: list[str]) -> None:
        self.drains.set_vocabulary(drains)
        self.restorers.set_vocabulary(restorers)
        self.drains.setPlaceholderText(_example(drains, "e.g. back-to-back meetings"))
        self.restorers.setPlaceholderText(_example(restorers, "e.g. a walk at lunch"))

    def entry(self) -> ResilienceEntry:
        """The check-in as the form shows it now."""
        sleep = self.sleep.value()
        return ResilienceEntry(
            id=self._entry_id,
            on=self.current_date(),
            energy=self._score("energy"),
            stress=self._score("stress"),
            mood=self.sliders["mood"].value(),
            sleep_hours=None if sleep <= _NO_SLEEP else sleep,
            drains=self.drains.tags(),
            restorers=self.restorers.tags(),
            note=self.note.text().strip(),
            tags=self._activity_tags,
        )

    def _score(self, name: str) -> int | None:
        return None if name in self._unrecorded else self.sliders[name].value()

    def _recorded(self, name: str) -> None:
        """The user moved a slider: its score is recorded from now on."""
        if not self._loading:
            self._unrecorded.discard(name)

    def is_saved(self) -> bool:
        """True when the date has a check-in and the form shows it unchanged."""
        return self._baseline is not None and self.entry() == self._baseline

    def is_dirty(self) -> bool:
        """True when the user changed something that is not saved yet."""
        if self._baseline is not None:
            return self.entry() != self._baseline
        return self._changed_from_start()

    def focus_first(self) -> None:
        self.sliders["energy"].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- saving ----------

    def submit(self) -> None:
        self.submitted.emit(self.entry())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter and Ctrl+Enter from any field reach here: line edits, spin boxes and
        # sliders pass them on (an open tag suggestion list takes them first).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)

    # -- state ----------

    def _on_date_changed(self, qdate: QDate) -> None:
        if not self._loading:
            self.date_picked.emit(dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _changed_from_start(self) -> bool:
        current = self.entry()
        start = self._start_from
        values = {n: getattr(start, n) if start else FIRST_VALUES[n] for n in FIRST_VALUES}
        return (
            any(getattr(current, n) != v for n, v in values.items())
            or current.sleep_hours is not None
            or bool(current.drains or current.restorers or current.note)
        )

    def _update_state(self, *_args: object) -> None:
        if self._loading:
            return
        on = self.current_date()
        day = "today" if on == self._today else short_date(on, weekday=True)
        if self._baseline is None:
            if self._start_from is None:
                text = (
                    f"No check-in for {day} yet. Move the sliders to how the day feels and "
                    "press Enter: it takes about ten seconds."
                )
            else:
                text = (
                    f"No check-in for {day} yet. The sliders start where your check-in of "
                    f"{short_date(self._start_from.on, weekday=True)} left them: "
                    "change what differs, then press Enter."
                )
        elif self.is_dirty():
            text = f"Changed: press Enter to save the check-in for {day}."
        else:
            text = f"Saved: the check-in for {day}. Change anything and press Enter to update it."
        self.state_label.setText(text)
        self.save_button.setText("Save check-in" if self._baseline is None else "Update check-in")


def _example(tags: list[str], fallback: str) -> str:
    return f"e.g. {', '.join(tags[:3])}" if tags else fallback
