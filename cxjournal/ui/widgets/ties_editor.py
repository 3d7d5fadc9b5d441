"""Who knows whom: the audit form's "knows …" checklist for each rated person.

Pick a person on the left (arrow keys), tick on the right whom they know well
enough to work with without you (Space ticks). A tie is one pair, so ticking
"Ben" for Ana also shows Ana ticked for Ben. "None of them know each other" is
an explicit answer: without it or a tie, the audit records no network at all.

People are known here by a slot number that stays with them while the form is
open, so removing or reordering people can never attach a tie to the wrong one;
the audit editor turns slots into rating indexes when it builds the audit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cxjournal.domain.network import normalise_tie, normalise_ties
from cxjournal.qt.core import Qt, Signal
from cxjournal.qt.widgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

Slot = int
SlotTie = tuple[Slot, Slot]

EXPLAIN = (
    "Tick the people who know each other well enough to work together without you. "
    "If they all do, you add little as a bridge; if they don't, you are the link."
)


class TiesEditor(QWidget):
    """Edits the ties among ``people`` (slot, name); emits ``changed`` on every tick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[tuple[Slot, str]] = []
        self._ties: set[SlotTie] = set()
        self._updating = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        intro = QLabel(EXPLAIN)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        lists = QHBoxLayout()
        left = QVBoxLayout()
        who_label = QLabel("&Choose a person:")
        self.person_list = QListWidget()
        self.person_list.setAccessibleName("Rated people")
        who_label.setBuddy(self.person_list)
        left.addWidget(who_label)
        left.addWidget(self.person_list, 1)
        right = QVBoxLayout()
        self.knows_label = QLabel("Knows (tick wit&h Space):")
        self.knows_list = QListWidget()
        self.knows_list.setAccessibleName("Knows")
        self.knows_label.setTextFormat(Qt.TextFormat.PlainText)
        self.knows_label.setBuddy(self.knows_list)
        right.addWidget(self.knows_label)
        right.addWidget(self.knows_list, 1)
        lists.addLayout(left, 2)
        lists.addLayout(right, 3)
        layout.addLayout(lists, 1)

        self.none_box = QCheckBox("None of them know each other: you are the onl&y link")
        self.none_box.setToolTip(
            "Tick this to record that you are the only link between all of them. Leaving "
            "everything unticked means the ties are not recorded yet."
        )
        layout.addWidget(self.none_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Ties recorded")
        layout.addWidget(self.status)

        self.person_list.currentRowChanged.connect(self._person_changed)
        self.knows_list.itemChanged.connect(self._knows_ticked)
        self.none_box.toggled.connect(self._none_toggled)
        self._refresh_state()

    # -- content ----------------------------------------------------------------------

    def set_people(self, people: Sequence[tuple[Slot, str]]) -> None:
        """The rated people in form order; ties of anyone no longer listed are dropped."""
        keep = self.current_slot()
        self._people = list(people)
        present = {slot for slot, _ in self._people}
        self._ties = {t for t in self._ties if t[0] in present and t[1] in present}
        self._updating = True
        self.person_list.clear()
        for slot, name in self._people:
            item = QListWidgetItem(name)  # plain text, never markup
            item.setData(Qt.ItemDataRole.UserRole, slot)
            self.person_list.addItem(item)
        self._updating = False
        rows = [i for i, (slot, _) in enumerate(self._people) if slot == keep]
        self.person_list.setCurrentRow(rows[0] if rows else (0 if self._people else -1))
        self._fill_knows()
        self._refresh_state()

    def set_ties(self, ties: Iterable[SlotTie], recorded: bool) -> None:
        self._ties = set(normalise_ties(ties))
        self._updating = True
        self.none_box.setChecked(recorded and not self._ties)
        self._updating = False
        self._fill_knows()
        self._refresh_state()

    def ties(self) -> tuple[SlotTie, ...]:
        return tuple(sorted(self._ties))

    def recorded(self) -> bool:
        return bool(self._ties) or self.none_box.isChecked()

    def current_slot(self) -> Slot | None:
        item = self.person_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def set_tie(self, a: Slot, b: Slot, knows: bool) -> None:
        """Record (or remove) that ``a`` and ``b`` know each other."""
        if a == b:
            return
        pair = normalise_tie(a, b)
        if knows:
            self._ties.add(pair)
        else:
            self._ties.discard(pair)
        self._updating = True
        if self._ties:
            self.none_box.setChecked(False)
        self._updating = False
        self._fill_knows()
        self._refresh_state()
        self.changed.emit()

    # -- reacting ---------------------------------------------------------------------

    def _fill_knows(self) -> None:
        me = self.current_slot()
        self._updating = True
        keep_row = self.knows_list.currentRow()
        self.knows_list.clear()
        names = dict(self._people)
        if me not in names:
            me = None
        self.knows_label.setText(
            f"{_mnemonic_safe(names[me])} knows (tick wit&h Space):"
            if me is not None
            else "Knows (tick wit&h Space):"
        )
        for slot, name in self._people:
            if slot == me or me is None:
                continue
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, slot)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            knows = normalise_tie(me, slot) in self._ties
            item.setCheckState(Qt.CheckState.Checked if knows else Qt.CheckState.Unchecked)
            self.knows_list.addItem(item)
        if self.knows_list.count():
            self.knows_list.setCurrentRow(min(max(keep_row, 0), self.knows_list.count() - 1))
        self._updating = False

    def _person_changed(self, _row: int) -> None:
        if not self._updating:
            self._fill_knows()

    def _knows_ticked(self, item: QListWidgetItem) -> None:
        me = self.current_slot()
        if self._updating or me is None:
            return
        other = int(item.data(Qt.ItemDataRole.UserRole))
        self.set_tie(me, other, item.checkState() == Qt.CheckState.Checked)

    def _none_toggled(self, checked: bool) -> None:
        if self._updating:
            return
        self._refresh_state()
        self.changed.emit()

    def _refresh_state(self) -> None:
        enough = len(self._people) >= 2
        self.person_list.setEnabled(enough)
        self.knows_list.setEnabled(enough)
        # "none" contradicts a recorded tie: untick the ties first to say so
        self.none_box.setEnabled(enough and not self._ties)
        count = len(self._ties)
        if not enough:
            text = "Add at least two people to record who of them know each other."
        elif count:
            text = f"{count} {'tie' if count == 1 else 'ties'} recorded."
        elif self.none_box.isChecked():
            text = "Recorded: none of them know each other."
        else:
            text = (
                "Not recorded yet: tick who knows whom, or confirm that none of them know "
                "each other. Until then the audit has no network figures."
            )
        self.status.setText(text)
        self.status.setTextFormat(Qt.TextFormat.PlainText)


def _mnemonic_safe(name: str) -> str:
    """A name inside a label with a shortcut: a literal "&" is doubled."""
    return name.replace("&", "&&")
