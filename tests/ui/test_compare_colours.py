"""Compare with previous: which alarm bells came and went, and the moves in colour."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.audit_compare import compare
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.power_audit import analyse
from cxjournal.domain.wording import alarm_title
from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QColor, QPalette
from cxjournal.ui import theme


def rate(person: Person, v: int, i: int, mv: int, mi: int) -> Rating:
    return Rating(person=person, value=v, irreplaceability=i, my_value=mv, my_irreplaceability=mi)


ANA, BEN = Person(name="Ana", id=1), Person(name="Ben", id=2)
#: even give-and-take first; then you need both far more than they need you
BEFORE = Audit(taken_on=dt.date(2026, 1, 5), ratings=(rate(ANA, 5, 5, 5, 5), rate(BEN, 5, 5, 5, 5)))
AFTER = Audit(taken_on=dt.date(2026, 4, 5), ratings=(rate(ANA, 9, 9, 2, 2), rate(BEN, 8, 8, 3, 2)))


def test_the_comparison_names_the_bells_that_came_and_went() -> None:
    comparison = compare(BEFORE, AFTER)
    then = {str(c) for c in analyse(BEFORE).alarm_codes}
    now = {str(c) for c in analyse(AFTER).alarm_codes}
    assert now - then, "the second audit rings a new bell"
    assert set(comparison.alarms_came) == now - then
    assert set(comparison.alarms_went) == then - now
    assert set(comparison.alarms_stayed) == now & then
    back = compare(AFTER, BEFORE)
    assert back.alarms_went == comparison.alarms_came


def test_the_dialog_shows_them_and_colours_the_moves(qtbot: Any) -> None:
    from cxjournal.ui.dialogs.audit_compare_dialog import AuditCompareDialog
    from cxjournal.ui.models.comparison_model import ON_ME_DELTA, ON_THEM_DELTA

    comparison = compare(BEFORE, AFTER)
    dialog = AuditCompareDialog(comparison)
    qtbot.addWidget(dialog)
    text = dialog.alarms.text()
    for code in comparison.alarms_came:
        assert alarm_title(code) in text.split("Started ringing:")[1].split("<br>")[0]
    assert "Stopped ringing:</b> none" in text
    worse = theme.move_colour(1, False, dialog.palette())
    assert worse is not None and worse.name() in text
    base = dialog.palette().color(QPalette.ColorRole.Base)
    # Ana: you need her more (worse, red), she needs you less (worse too)
    on_them = dialog.model.index(0, ON_THEM_DELTA).data(Qt.ItemDataRole.ForegroundRole)
    on_me = dialog.model.index(0, ON_ME_DELTA).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(on_them, QColor) and isinstance(on_me, QColor)
    assert on_them.red() > on_them.green() and on_me.red() > on_me.green()
    for colour in (on_them, on_me):
        assert theme.contrast_ratio(colour, base) >= theme.AA_TEXT
    tip = dialog.model.index(0, ON_THEM_DELTA).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "A move for the worse"
    back = AuditCompareDialog(compare(AFTER, BEFORE))
    qtbot.addWidget(back)
    better = back.model.index(0, ON_ME_DELTA).data(Qt.ItemDataRole.ForegroundRole)
    assert better.green() > better.red()


def test_move_colours_read_on_light_and_dark(qapp: Any) -> None:
    for name in theme.THEMES:
        palette = theme.readable(theme.palette_for(name))
        for change, good_when_up in ((1, True), (1, False), (-2, True)):
            colour = theme.move_colour(change, good_when_up, palette)
            assert colour is not None
            ratio = theme.contrast_ratio(colour, palette.color(QPalette.ColorRole.Base))
            assert ratio >= theme.AA_TEXT, (name, change, ratio)
        assert theme.move_colour(0, True, palette) is None
