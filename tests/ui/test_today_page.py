"""The Today page, driven like a user: welcome, one audit, due items, resilience, ten years."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from cxjournal.domain.model import (
    Audit,
    FollowUp,
    Note,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.power_audit import analyse
from cxjournal.journal import Journal
from cxjournal.journal.today import week_end

TODAY = dt.date.today()
ROOT = Path(__file__).resolve().parents[2]


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def settle() -> None:
    """Let Qt lay out what a refresh built (as the event loop does before a paint)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def today_page(window: Any) -> Any:
    window.navigate("today")
    page = window.page("today")
    page.refresh()
    settle()
    return page


def rows(page: Any, name: str) -> list[Any]:
    from cxjournal.ui.widgets.today_cards import LinkRow

    settle()
    return [w for w in page.findChildren(LinkRow, name) if w.isVisibleTo(page)]


def label(page: Any, name: str) -> QLabel | None:
    found = [w for w in page.findChildren(QLabel, name) if w.isVisibleTo(page)]
    return found[0] if found else None


# --------------------------------------------------------------------------- welcome


def test_today_is_the_first_page_and_welcomes_a_new_journal(main_window: Any, qtbot: Any) -> None:
    assert main_window.current_key() == "today"
    page = main_window.page("today")
    assert page.welcome.isVisible()
    assert not page.cards.isVisible()
    text = label(page, "today-welcome")
    assert text is not None
    for habit in ("every quarter", "Note every 1:1", "Check in daily"):
        assert habit in text.text()
    qtbot.mouseClick(page.first_audit_button, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "audits"
    main_window.navigate("today")
    qtbot.mouseClick(page.welcome_check_in, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "resilience"


def test_start_up_paints_today_without_pyqtgraph(tmp_path: Path) -> None:
    """In a fresh process: no pyqtgraph at the first paint; the warm-up loads it afterwards."""
    script = f"""
import sys
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cxjournal.journal import Journal
from cxjournal.ui import warm_up
from cxjournal.ui.main_window import MainWindow
threads = []
start = warm_up.start
warm_up.start = lambda *args: threads.append(start(*args)) or threads[-1]
journal = Journal.open({str(tmp_path / "j.db")!r})
ini = {str(tmp_path / "ui.ini")!r}
window = MainWindow(journal, settings=QSettings(ini, QSettings.Format.IniFormat), warm_up=True)
window.show()
app.processEvents()
window.repaint()
print("at first paint:", "pyqtgraph" in sys.modules, window.current_key())
while not threads:  # the warm-up starts from an event posted by the first paint
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
threads[0].join()
print("after warm-up:", hasattr(sys.modules.get("pyqtgraph"), "PlotItem"))
window.close()
journal.close()
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
        timeout=120,
    )
    assert "at first paint: False today" in done.stdout, done.stdout + done.stderr
    assert "after warm-up: True" in done.stdout, done.stdout + done.stderr


# --------------------------------------------------------------------------- the audit card


@pytest.fixture
def audited(journal: Journal) -> Audit:
    people = [
        journal.people.add(Person(name, team="Ops"))
        for name in ("Ana Silva", "Ben Okafor", "Chen Wei")
    ]
    return journal.audits.save(
        Audit(
            days_ago(20),
            (
                Rating(people[0], 9, 9, 2, 2),
                Rating(people[1], 8, 8, 3, 3),
                Rating(people[2], 2, 2, 2, 2),
            ),
        )
    )


def test_latest_audit_alarms_open_the_audit(main_window: Any, audited: Audit, qtbot: Any) -> None:
    page = today_page(main_window)
    assert not page.welcome.isVisible()
    (latest,) = rows(page, "today-latest-audit")
    assert "20 days ago · 3 people" in latest.detail()
    alarms = rows(page, "today-alarm")
    expected = analyse(audited).alarms
    assert [row.detail() for row in alarms] == [a.message for a in expected]
    assert "Power imbalance" in [row.title() for row in alarms]
    assert label(page, "today-audit-due") is None
    qtbot.mouseClick(alarms[0], Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "audits"
    assert main_window.page("audits").selected_id() == audited.id


def test_an_old_audit_is_due_and_the_delay_is_a_setting(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    journal.audits.save(Audit(days_ago(120), (Rating(ana, 5, 5, 5, 5),)))
    page = today_page(main_window)
    due = label(page, "today-audit-due")
    assert due is not None and "120 days old" in due.text()
    assert page.due_days.value() == 90
    page.due_days.setValue(150)  # commits at once
    assert journal.today.audit_due_days() == 150
    assert label(page, "today-audit-due") is None
    assert [r.title() for r in rows(page, "today-alarm")] == ["High vulnerability"]
    qtbot.mouseClick(page.new_audit_button, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "audits"


def test_no_audit_yet_but_other_content(main_window: Any, journal: Journal) -> None:
    journal.people.add(Person("Ana Silva"))
    page = today_page(main_window)
    assert not page.welcome.isVisible()
    assert page.audit_card.title.text() == "Power audit"
    assert rows(page, "today-latest-audit") == []
    texts = " ".join(w.text() for w in page.audit_card.findChildren(QLabel))
    assert "No power audit yet" in texts


# ------------------------------------------------------------------- stakeholders, follow-ups


def test_due_stakeholders_lead_to_their_1_1_preparation(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    ana = journal.people.add(Person("Ana Silva", cadence_days=14))
    ben = journal.people.add(Person("Ben Okafor", cadence_days=30))
    journal.notes.add(Note(days_ago(20), "1:1", person_id=ana.id))
    journal.notes.add(Note(days_ago(2), "1:1", person_id=ben.id))
    page = today_page(main_window)
    found = rows(page, "today-stakeholder")
    assert [r.title() for r in found] == ["Ana Silva"]
    assert "6 days overdue · every 14 days" in found[0].detail()
    button = found[0].findChild(type(page.new_audit_button))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # the People page's 1:1 preparation opens for that person, over Today
    assert page.prepare_dialog is not None and page.prepare_dialog.isVisible()
    assert page.prepare_dialog.person_id == ana.id
    assert "Ana Silva" in page.prepare_dialog.windowTitle()
    assert main_window.current_key() == "today"
    page.prepare_dialog.close()
    # a click on the row itself does the same
    qtbot.mouseClick(rows(page, "today-stakeholder")[0], Qt.MouseButton.LeftButton)
    assert page.prepare_dialog.isVisible()
    page.prepare_dialog.close()


def test_no_stakeholder_due_says_how_to_get_reminders(main_window: Any, journal: Journal) -> None:
    journal.people.add(Person("Ana Silva"))
    page = today_page(main_window)
    assert rows(page, "today-stakeholder") == []
    hint = label(page, "today-no-stakeholders")
    assert hint is not None and "cadence" in hint.text()


def test_follow_ups_overdue_and_next_7_days_tick_off_and_open_their_note(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    note = journal.notes.add(
        Note(
            days_ago(10),
            "1:1 with Ana",
            person_id=ana.id,
            follow_ups=(
                FollowUp("Send the churn numbers", days_ago(1)),
                FollowUp("Book the QBR", week_end(TODAY)),
                FollowUp("In a week", TODAY + dt.timedelta(days=7)),
                FollowUp("Later", TODAY + dt.timedelta(days=8)),
                FollowUp("Years ago", days_ago(2000)),
            ),
        )
    )
    page = today_page(main_window)
    overdue = rows(page, "today-follow-up-overdue")
    this_week = rows(page, "today-follow-up")
    assert [r.title() for r in overdue] == ["Send the churn numbers", "Years ago"]
    assert "1 day overdue · Ana Silva" in overdue[0].detail()
    assert [r.title() for r in this_week] == ["Book the QBR", "In a week"]
    overdue_title = label(page, "today-follow-ups-overdue")
    next_title = label(page, "today-follow-ups-next")
    assert overdue_title is not None and "Overdue (2)" in overdue_title.text()
    assert next_title is not None and "Next 7 days (2)" in next_title.text()
    boxes = [b for b in page.follow_up_card.findChildren(QCheckBox) if b.isVisibleTo(page)]
    boxes[0].click()  # done, committed at once
    stored = journal.notes.get(note.id or -1)
    assert [f.done for f in stored.follow_ups] == [True, False, False, False, False]
    assert [r.title() for r in rows(page, "today-follow-up-overdue")] == ["Years ago"]
    qtbot.mouseClick(rows(page, "today-follow-up")[0], Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "journal"
    assert main_window.page("journal").current_note_id() == note.id


def _later(page: Any, title: str, action: str) -> None:
    """Choose ``action`` in the Later menu of the follow-up row titled ``title``."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolButton

    from cxjournal.ui.widgets.today_cards import LinkRow

    for line in page.follow_up_card.findChildren(LinkRow):
        if line.property("follow-up-line") and line.title() == title and line.isVisibleTo(page):
            button = line.findChild(QToolButton, "today-follow-up-later")
            menu_action = button.menu().findChild(QAction, f"follow-up-{action}")
            assert button.isEnabled() and menu_action is not None
            menu_action.trigger()
            settle()
            return
    raise AssertionError(f"no follow-up row {title!r}")


def test_snooze_reschedule_and_dismiss_from_today(
    main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui.dialogs import pick_date_dialog

    journal.notes.add(
        Note(
            days_ago(2100),
            "1:1",
            follow_ups=(
                FollowUp("Ancient", days_ago(2000)),
                FollowUp("Stale", days_ago(900)),
                FollowUp("Moved", days_ago(30)),
                FollowUp("Picked", days_ago(20)),
                FollowUp("Dropped", days_ago(10)),
            ),
        )
    )
    page = today_page(main_window)
    page.today = lambda: TODAY
    page.refresh()

    def overdue() -> list[str]:
        return [r.title() for r in rows(page, "today-follow-up-overdue")]

    assert overdue() == ["Dropped", "Picked", "Moved", "Stale", "Ancient"]
    _later(page, "Ancient", "snooze-tomorrow")
    _later(page, "Stale", "snooze-next-week")
    asked: list[tuple[str, dt.date, dt.date]] = []

    def ask(_parent: Any, title: str, _about: str, _field: str, initial: dt.date,
            minimum: dt.date) -> dt.date:  # fmt: skip
        asked.append((title, initial, minimum))
        return TODAY + dt.timedelta(days=3)

    monkeypatch.setattr(pick_date_dialog, "ask_date", ask)
    _later(page, "Picked", "snooze-date")
    _later(page, "Moved", "reschedule")
    _later(page, "Dropped", "dismiss")
    assert [a[0] for a in asked] == ["Snooze follow-up", "Reschedule follow-up"]
    assert asked[0][2] == TODAY + dt.timedelta(days=1)  # a snooze ends tomorrow at the soonest
    assert overdue() == []
    assert [r.title() for r in rows(page, "today-follow-up")] == ["Moved"]
    snoozed = label(page, "today-follow-ups-snoozed")
    assert snoozed is not None and "3 snoozed follow-ups" in snoozed.text()
    stored = {f.text: f for f, _n in journal.notes.open_follow_ups()}
    assert stored["Moved"].due == TODAY + dt.timedelta(days=3)
    assert stored["Dropped"].due is None and not stored["Dropped"].done  # kept, undated
    assert stored["Ancient"].due == days_ago(2000)  # a snooze keeps the due date
    monday = TODAY + dt.timedelta(days=7 - TODAY.weekday())
    week_later = journal.today.overview(monday)
    assert "Stale" in [f.text for f in week_later.overdue_follow_ups]
    tomorrow = [f.text for f in journal.today.overview(TODAY + dt.timedelta(days=1)).follow_ups]
    assert "Ancient" in tomorrow and "Picked" not in tomorrow


# ------------------------------------------------------------------- resilience, exit plan


def test_resilience_card_check_in_sparkline_and_warning(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    page = today_page(main_window)
    journal.people.add(Person("Ana Silva"))
    page.refresh()
    assert "No check-in yet today" in page.resilience_card.today_checkin.text()
    assert not page.resilience_card.sparkline.isVisibleTo(page)
    # four good weeks, then two weeks of low energy and high stress: the warning fires
    entries = [ResilienceEntry(days_ago(n), 8, 3, 7) for n in range(14, 42)]
    entries += [ResilienceEntry(days_ago(n), 4, 7, 5) for n in range(0, 14) if n != 3]
    journal.resilience.save_many(entries)
    page.refresh()
    assert "energy <b>4</b> · stress <b>7</b>" in page.resilience_card.today_checkin.text()
    assert page.check_in_button.text().replace("&", "") == "Edit today's check-in"
    series = page.resilience_card.sparkline.series()
    assert len(series["energy"]) == 14
    assert series["energy"][-1] == 4 and series["energy"][-4] is None  # a missed day
    assert page.resilience_card.sparkline.isVisibleTo(page)
    assert page.resilience_card.warning_banner.isVisibleTo(page)
    key = page.resilience_card.warning_banner.key()
    qtbot.mouseClick(page.resilience_card.warning_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert journal.resilience.dismissed_warning() == key
    assert not page.resilience_card.warning_banner.isVisibleTo(page)
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "resilience"


def test_exit_plan_card_while_active(main_window: Any, journal: Journal, qtbot: Any) -> None:
    boss = journal.people.add(Person("Dana Boss"))
    journal.audits.save(Audit(days_ago(3), blocking_superior=True, blocking_superior_person=boss))
    plan = journal.exit_plan.get()
    page = today_page(main_window)
    assert page.exit_card.isVisibleTo(page)
    assert page.exit_card.title.text() == "Exit plan · active"
    (row,) = rows(page, "today-exit-plan")
    assert plan.items[0].text in row.detail()
    assert [r.title() for r in rows(page, "today-alarm")] == ["Blocking superior"]
    assert label(page, "today-exit-paused") is None
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "exit_plan"
    journal.audits.save(Audit(days_ago(1)))  # no longer flagged: the plan pauses
    page = today_page(main_window)
    assert page.exit_card.title.text() == "Exit plan · paused"
    paused = label(page, "today-exit-paused")
    assert paused is not None and "Every step is kept" in paused.text()


def test_exit_plan_card_hidden_when_inactive(main_window: Any, audited: Audit) -> None:
    page = today_page(main_window)
    assert not page.exit_card.isVisibleTo(page)


def test_keyboard_opens_a_row(main_window: Any, audited: Audit, qtbot: Any) -> None:
    page = today_page(main_window)
    (latest,) = rows(page, "today-latest-audit")
    latest.setFocus()
    qtbot.keyClick(latest, Qt.Key.Key_Return)
    assert main_window.current_key() == "audits"


# --------------------------------------------------------------------------- ten years


def test_ten_year_journal(qtbot: Any, tmp_path: Path) -> None:
    from cxjournal.exchange.demo import generate
    from cxjournal.exchange.importer import import_text
    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(tmp_path / "demo.db")
    import_text(journal, json.dumps(generate(years=10, seed=1, today=TODAY)))
    window = MainWindow(
        journal, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        page = window.page("today")
        page.refresh()
        window.repaint()
        latest = journal.audits.latest()
        assert latest is not None
        (row,) = rows(page, "today-latest-audit")
        assert f"{len(latest.ratings)} people" in row.detail()
        assert len(rows(page, "today-alarm")) == len(analyse(latest).alarms)
        assert len(rows(page, "today-stakeholder")) <= 8
        assert len(page.resilience_card.sparkline.series()["mood"]) == 14
    finally:
        window.close()
        journal.close()


# --------------------------------------------------------------------------- widgets


def test_sparkline_points_and_words(qtbot: Any) -> None:
    from cxjournal.ui.widgets.sparkline import Sparkline

    spark = Sparkline()
    qtbot.addWidget(spark)
    spark.resize(200, 56)
    days = [dt.date(2026, 3, 1) + dt.timedelta(days=n) for n in range(3)]
    with pytest.raises(ValueError):
        spark.set_series(days, {"energy": [1, 2]})
    spark.set_series(days, {"energy": [1, None, 10]})
    first, gap, last = spark.points("energy")
    assert gap is None and first is not None and last is not None
    assert first.y() > last.y()  # 10 is drawn higher than 1
    assert first.x() < last.x()
    assert spark.describe() == "1 Mar to 3 Mar: energy 10 (average 5.5)"
    spark.show()
    spark.grab()  # paints without error


def test_a_refresh_after_a_note_fills_again_only_the_cards_it_changed(
    main_window: Any, journal: Journal, audited: Audit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note about someone without a cadence changes no follow-up, audit, stakeholder or
    exit plan: a refresh makes no row in those cards (they keep theirs, ticks and all)."""
    from cxjournal.ui import today_page as today_module
    from cxjournal.ui.widgets import today_follow_ups, today_program_card
    from cxjournal.ui.widgets.today_cards import LinkRow

    ana = journal.people.add(Person("Ana Silva"))
    journal.notes.add(
        Note(
            days_ago(3),
            "1:1 with Ana",
            person_id=ana.id,
            follow_ups=(FollowUp("Send the churn numbers", days_ago(1)),),
        )
    )
    page = today_page(main_window)
    before = rows(page, "today-follow-up-overdue") + rows(page, "today-alarm")
    assert before
    made: list[str] = []

    def counted(title: str, *args: Any, **kwargs: Any) -> LinkRow:
        made.append(title)
        return LinkRow(title, *args, **kwargs)

    for module in (today_module, today_follow_ups, today_program_card):
        monkeypatch.setattr(module, "LinkRow", counted)
    journal.notes.add(Note(TODAY, "a quick word", person_id=ana.id))
    page.refresh()
    settle()
    assert made == []
    assert rows(page, "today-follow-up-overdue") + rows(page, "today-alarm") == before
    # a new follow-up is a change of that card: it is filled again, and only it
    journal.notes.add(
        Note(TODAY, "again", person_id=ana.id, follow_ups=(FollowUp("Call", days_ago(2)),))
    )
    page.refresh()
    settle()
    assert sorted(made) == ["Call", "Send the churn numbers"]
