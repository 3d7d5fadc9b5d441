"""Who knows whom in the audit form: ticking ties by keyboard, "none of them" as an
answer, people removed taking their ties, and the live network results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.journal import Journal
from cxjournal.ui.audit_editor import AuditEditor

NAMES = ["Ana Silva", "Ben Okafor", "Chen Wu", "Dana Roy", "Eva Lind"]


def draft_audit(names: list[str], ties: tuple[tuple[int, int], ...] = (), **kw: Any) -> Audit:
    ratings = tuple(Rating(Person(name=n), 6, 6, 5, 5) for n in names)
    return Audit(taken_on=dt.date(2026, 3, 1), ratings=ratings, ties=ties, **kw)


def open_editor(qtbot: Any, journal: Journal, audit: Audit) -> AuditEditor:
    editor = AuditEditor(journal, audit)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.form_tabs.setCurrentWidget(editor.ties_editor)
    return editor


def tick(qtbot: Any, editor: AuditEditor, person_row: int, other_name: str) -> None:
    """Choose a person with the arrow keys, then tick ``other_name`` with Space."""
    ties = editor.ties_editor
    ties.person_list.setFocus()
    qtbot.waitUntil(ties.person_list.hasFocus)
    ties.person_list.setCurrentRow(0)
    for _ in range(person_row):
        qtbot.keyClick(ties.person_list, Qt.Key.Key_Down)
    assert ties.person_list.currentRow() == person_row
    qtbot.keyClick(ties.person_list, Qt.Key.Key_Tab)
    assert ties.knows_list.hasFocus()
    names = [ties.knows_list.item(i).text() for i in range(ties.knows_list.count())]
    ties.knows_list.setCurrentRow(0)
    for _ in range(names.index(other_name)):
        qtbot.keyClick(ties.knows_list, Qt.Key.Key_Down)
    qtbot.keyClick(ties.knows_list, Qt.Key.Key_Space)


def test_ties_ticked_by_keyboard_reach_the_audit_and_the_live_results(
    qtbot: Any, journal: Journal
) -> None:
    editor = open_editor(qtbot, journal, draft_audit(NAMES[:4]))
    assert editor.draft().ties_recorded is False
    assert editor.analysis is not None and editor.analysis.network is None
    tick(qtbot, editor, 0, "Ben Okafor")
    editor.recompute()
    assert editor.draft().ties == ((0, 1),)
    assert editor.draft().ties_recorded is True
    # the same pair from the other side is one tie, shown ticked there too
    ties = editor.ties_editor
    ties.person_list.setCurrentRow(1)
    ben_knows = {ties.knows_list.item(i).text(): ties.knows_list.item(i).checkState()
                 for i in range(ties.knows_list.count())}  # fmt: skip
    assert ben_knows["Ana Silva"] == Qt.CheckState.Checked
    assert "Ben Okafor" not in ben_knows  # nobody can be tied to themselves
    assert "closed_network" not in editor.results.alarm_codes()
    for person_row, other in ((0, "Chen Wu"), (0, "Dana Roy"), (1, "Chen Wu")):
        tick(qtbot, editor, person_row, other)
    editor.recompute()
    assert editor.draft().ties == ((0, 1), (0, 2), (0, 3), (1, 2))
    assert "closed_network" in editor.results.alarm_codes()  # 4 of 6 pairs
    assert "4 of 6 pairs already know each other" in editor.network.figures_text.text()
    tick(qtbot, editor, 1, "Chen Wu")  # untick
    editor.recompute()
    assert "closed_network" not in editor.results.alarm_codes()


def test_none_of_them_know_each_other_is_an_explicit_answer(qtbot: Any, journal: Journal) -> None:
    editor = open_editor(qtbot, journal, draft_audit(NAMES[:3]))
    assert "Not recorded yet" in editor.ties_editor.status.text()
    editor.ties_editor.none_box.setChecked(True)
    editor.recompute()
    draft = editor.draft()
    assert draft.ties == () and draft.ties_recorded is True
    assert editor.analysis is not None and editor.analysis.network is not None
    assert "only link between all 3 pairs" in editor.network.figures_text.text()
    # a tie and "none" cannot both be the answer
    editor.ties_editor.set_tie(0, 2, True)
    assert not editor.ties_editor.none_box.isChecked()
    assert not editor.ties_editor.none_box.isEnabled()


def test_removing_a_person_takes_their_ties_and_keeps_the_others_right(
    qtbot: Any, journal: Journal
) -> None:
    audit = draft_audit(NAMES[:4], ties=((0, 1), (1, 2), (2, 3)), ties_recorded=True)
    editor = open_editor(qtbot, journal, audit)
    assert editor.draft().ties == ((0, 1), (1, 2), (2, 3))
    editor.remove_row(editor.rows[1])  # Ben: his two ties go, Chen-Dana stays
    draft = editor.draft()
    assert [r.person.name for r in draft.ratings] == ["Ana Silva", "Chen Wu", "Dana Roy"]
    assert draft.ties == ((1, 2),)
    names = [[draft.ratings[i].person.name for i in pair] for pair in draft.ties]
    assert names == [["Chen Wu", "Dana Roy"]]


def test_a_person_not_yet_rated_is_left_out_with_their_ties(qtbot: Any, journal: Journal) -> None:
    editor = open_editor(qtbot, journal, draft_audit(NAMES[:2], ties=((0, 1),), ties_recorded=True))
    assert editor.add_person(Person(name="Farid Haddad")) is None  # unrated yet
    editor.ties_editor.set_tie(2, 0, True)  # slots: Farid is the third
    editor.ties_editor.set_tie(2, 1, True)
    draft = editor.draft()
    assert len(draft.ratings) == 2 and draft.ties == ((0, 1),)
    for name, number in zip(("value", "irreplaceability", "my_value", "my_irreplaceability"),
                            (5, 5, 5, 5), strict=True):  # fmt: skip
        editor.rows[2].spins[name].setValue(number)
    assert editor.draft().ties == ((0, 1), (0, 2), (1, 2))


def test_the_network_view_draws_ties_and_plain_text_names(qtbot: Any, journal: Journal) -> None:
    names = ["<b>Bold</b>", *NAMES[1:4]]
    editor = open_editor(qtbot, journal, draft_audit(names, ties=((0, 1),), ties_recorded=True))
    editor.tabs.setCurrentWidget(editor.network)
    chart = editor.network.ensure_chart()
    assert chart.labels()[0] == "<b>Bold</b>"
    assert chart.name_labels[0].textItem.toPlainText() == "<b>Bold</b>"
    assert chart.tie_segments() == 1
    intros = [(i.first.name, i.second.name) for i, _p, _b in editor.network.intro_buttons]
    assert ("<b>Bold</b>", "Chen Wu") in intros
    # unsaved people cannot get a talking point yet
    assert all(not b.isEnabled() for _i, _p, b in editor.network.intro_buttons)


def test_a_narrow_picture_shortens_names_to_fit(qtbot: Any) -> None:
    from cxjournal.domain.network import network_figures
    from cxjournal.ui.charts.network_chart import NetworkChart

    audit = draft_audit(NAMES, ties=((0, 1), (2, 3)), ties_recorded=True)
    chart = NetworkChart()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_network(audit, network_figures(audit))
    assert chart.labels() == NAMES
    chart.resize(240, 240)
    qtbot.waitUntil(lambda: chart.labels()[0] == "Ana S.")
    assert chart.tie_segments() == 2


def test_closed_network_thresholds_are_settings_the_form_follows(
    qtbot: Any, main_window: Any, journal: Journal
) -> None:
    from cxjournal.ui.audit_actions import open_settings

    dialog = open_settings(main_window.services).pages["ThresholdsTab"]
    assert dialog.inputs["closed_min_count"].value() == 4
    assert dialog.inputs["closed_density"].value() == 0.6
    three = draft_audit(NAMES[:3], ties=((0, 1), (1, 2)), ties_recorded=True)  # 2 of 3 pairs
    editor = open_editor(qtbot, journal, three)
    assert "closed_network" not in editor.results.alarm_codes()  # only 3 people
    editor.close()
    dialog.inputs["closed_min_count"].setValue(3)
    dialog.save()
    assert journal.settings.thresholds().closed_min_count == 3
    editor = open_editor(qtbot, journal, three)
    assert "closed_network" in editor.results.alarm_codes()
    assert any("Closed network" in v.text.text() for v in editor.results.alarm_views)
