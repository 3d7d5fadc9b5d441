"""The audit form's blocking flag: "A superior is actively blocking my influence", and who.

Who is chosen from the audit's people and the journal's directory (read once, when
first needed), each person once, sorted by name, with "Not named" first. The form
enables the choice while the flag is ticked and shows the flag's guidance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cxjournal.domain.model import Person
from cxjournal.domain.power_audit import FIELD_GUIDANCE
from cxjournal.qt.widgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget
from cxjournal.ui.audit_rows import person_key


class BlockingFlag(QWidget):
    """The flag (``checkbox``) and who is blocking (``combo``); ``directory`` lists the
    journal's people."""

    def __init__(
        self, directory: Callable[[], list[Person]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._read_directory = directory
        self._directory: list[Person] | None = None
        flag = QHBoxLayout(self)
        flag.setContentsMargins(0, 0, 0, 0)
        self.checkbox = QCheckBox("A superior is actively &blocking my influence")
        self.checkbox.setToolTip(FIELD_GUIDANCE["blocking_superior"])
        who_label = QLabel("&Who:")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Who is blocking you (optional)")
        self.combo.setMinimumContentsLength(16)
        who_label.setBuddy(self.combo)
        flag.addWidget(self.checkbox)
        flag.addSpacing(12)
        flag.addWidget(who_label)
        flag.addWidget(self.combo, 1)

    def set_choices(self, people: Sequence[Person], keep: Person | None) -> None:
        """Offer ``people`` (the audit's) and the directory, with ``keep`` chosen."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("Not named", None)
        seen: set[str] = set()
        choices = [*people, *self.journal_people()]
        if keep is not None:
            choices.insert(0, keep)
        ordered: list[Person] = []
        for person in choices:
            key = person_key(person)
            if key not in seen:
                seen.add(key)
                ordered.append(person)
        ordered.sort(key=lambda p: p.name.casefold())
        for person in ordered:
            self.combo.addItem(person.name, person)
        index = 0
        if keep is not None:
            wanted = person_key(keep)
            for i in range(1, self.combo.count()):
                if person_key(self.combo.itemData(i)) == wanted:
                    index = i
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def journal_people(self) -> list[Person]:
        if self._directory is None:
            self._directory = self._read_directory()
        return self._directory

    def person(self) -> Person | None:
        """Who is named as blocking, or None ("Not named")."""
        if self.combo.currentIndex() <= 0:
            return None
        person = self.combo.currentData()
        return person if isinstance(person, Person) else None
