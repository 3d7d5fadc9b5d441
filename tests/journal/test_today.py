"""Today's overview: alarms of the latest audit, due stakeholders and follow-ups, resilience,
the exit plan, in a handful of queries."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    Audit,
    ExitStatus,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.power_audit import analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal
from cxjournal.journal.today import (
    AUDIT_DUE_DAYS_KEY,
    DEFAULT_AUDIT_DUE_DAYS,
    FOLLOW_UPS_LISTED,
    TodayOps,
    TodayOverview,
    week_end,
)

D = dt.date
TODAY = D(2026, 3, 11)  # a Wednesday


@contextmanager
def counted(journal: Journal) -> Iterator[list[str]]:
    """Every statement sent on the journal's plain connection (the start-up path)."""
    statements: list[str] = []
    journal.raw().set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        journal.raw().set_trace_callback(None)


def test_one_note_alone_makes_a_journal_not_new_without_counting_the_notes(
    journal: Journal,
) -> None:
    journal.notes.add(Note(on=TODAY, text="First thought", kind=NoteKind.OTHER))
    with counted(journal) as statements:
        overview = journal.today.overview(TODAY)
    assert not overview.is_new and overview.counts.has_notes
    # a count of the notes grows with the journal: Today, painted first, only asks if any
    counting = [s for s in statements if re.search(r"count\(\*\)\s+FROM\s+notes\b", s, re.I)]
    assert counting == []


def test_today_lists_the_first_follow_ups_of_each_part_and_counts_them_all(
    journal: Journal,
) -> None:
    overdue = [TODAY - dt.timedelta(days=d) for d in range(1, FOLLOW_UPS_LISTED + 6)]
    coming = [TODAY + dt.timedelta(days=d % 8) for d in range(FOLLOW_UPS_LISTED + 3)]
    journal.notes.add(
        Note(
            on=TODAY - dt.timedelta(days=30),
            text="Long list",
            kind=NoteKind.OTHER,
            follow_ups=tuple(FollowUp(f"due {day}", day) for day in overdue + coming),
        )
    )
    with counted(journal) as statements:
        overview = journal.today.overview(TODAY)
    assert (overview.overdue_count, overview.upcoming_count) == (len(overdue), len(coming))
    listed = [f.due for f in overview.overdue_follow_ups]
    assert listed == overdue[:FOLLOW_UPS_LISTED]  # the most recently due first
    assert [f.due for f in overview.upcoming_follow_ups] == sorted(coming)[:FOLLOW_UPS_LISTED]
    # a read of the follow-ups is bounded: the counts, and one LIMIT per part
    rows = [s for s in statements if "FROM follow_ups" in s and "count(*)" not in s]
    assert len(rows) == 2 and all("LIMIT" in s for s in rows), statements


def test_the_journal_hands_out_one_today_area(journal: Journal) -> None:
    assert isinstance(journal.today, TodayOps)
    assert journal.today is journal.today


def test_a_new_journal_is_new(journal: Journal) -> None:
    overview = journal.today.overview(TODAY)
    assert overview.is_new
    assert overview.latest_audit is None
    assert overview.audit_due
    assert overview.stakeholders == ()
    assert overview.follow_ups == ()
    assert overview.resilience.total == 0
    assert overview.resilience.today_entry is None
    assert overview.exit_plan.status is ExitStatus.INACTIVE
    assert not overview.exit_plan.shown
    assert overview.audit_due_days == DEFAULT_AUDIT_DUE_DAYS


def test_week_end_is_the_coming_sunday() -> None:
    assert week_end(D(2026, 3, 9)) == D(2026, 3, 15)  # Monday
    assert week_end(TODAY) == D(2026, 3, 15)
    assert week_end(D(2026, 3, 15)) == D(2026, 3, 15)  # Sunday itself


def test_latest_audit_alarms_and_age(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva", team="Ops"))
    ben = journal.people.add(Person("Ben Okafor", team="Ops"))
    chen = journal.people.add(Person("Chen Wei", team="Ops"))
    journal.audits.save(Audit(D(2025, 6, 1), (Rating(ana, 5, 5, 5, 5),)))
    latest = journal.audits.save(
        Audit(
            D(2026, 1, 15),
            (Rating(ana, 9, 9, 2, 2), Rating(ben, 8, 8, 3, 3), Rating(chen, 2, 2, 2, 2)),
        )
    )
    overview = journal.today.overview(TODAY)
    assert not overview.is_new
    found = overview.latest_audit
    assert found is not None
    assert found.audit_id == latest.id
    assert found.taken_on == D(2026, 1, 15)
    assert found.age_days == 55
    assert not found.due and not overview.audit_due
    expected = analyse(latest)
    assert [a.code for a in found.analysis.alarms] == [a.code for a in expected.alarms]
    assert [a.message for a in found.analysis.alarms] == [a.message for a in expected.alarms]
    assert "Ana Silva" in " ".join(a.message for a in found.analysis.alarms)
    # 55 days old: due once the setting says 30 days
    journal.today.set_audit_due_days(30)
    assert journal.today.overview(TODAY).audit_due
    # ... and with the default 90 days, 91 days later
    journal.today.set_audit_due_days(DEFAULT_AUDIT_DUE_DAYS)
    assert journal.settings.get(AUDIT_DUE_DAYS_KEY) is None
    assert not journal.today.overview(D(2026, 4, 15)).audit_due  # 90 days: not yet
    assert journal.today.overview(D(2026, 4, 16)).audit_due


def test_latest_audit_uses_the_journal_thresholds(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    journal.audits.save(Audit(D(2026, 3, 1), (Rating(ana, 9, 9, 2, 2),)))
    assert journal.today.overview(TODAY).latest_audit.analysis.alarms  # type: ignore[union-attr]
    journal.settings.set_thresholds(
        Thresholds(imbalance_ratio=0, vulnerability_share=1, reach_min_filled=99)
    )
    assert journal.today.overview(TODAY).latest_audit.analysis.alarms == ()  # type: ignore[union-attr]


def test_audit_due_days_refuses_nonsense(journal: Journal) -> None:
    for bad in (0, 6, 367, True, 30.5):
        with pytest.raises(ValidationError):
            journal.today.set_audit_due_days(bad)  # type: ignore[arg-type]
    journal.today.set_audit_due_days(120)
    assert journal.today.audit_due_days() == 120
    journal.settings.set(AUDIT_DUE_DAYS_KEY, "soon")  # damaged: the default applies
    assert journal.today.audit_due_days() == DEFAULT_AUDIT_DUE_DAYS


def test_due_stakeholders(journal: Journal) -> None:
    add = journal.people.add
    overdue = add(Person("Olga Overdue", cadence_days=14))
    later = add(Person("Larry Later", cadence_days=30))
    add(Person("Nina Never", cadence_days=7))
    archived = add(Person("Arch Ived", cadence_days=7))
    journal.people.set_archived(archived.id or -1, True)
    seen = add(Person("Sam Seen", cadence_days=10))
    add(Person("No Cadence"))
    journal.notes.add(Note(D(2026, 2, 20), "1:1", person_id=overdue.id))
    journal.notes.add(Note(D(2026, 3, 1), "call", kind=NoteKind.CALL, person_id=later.id))
    journal.notes.add(Note(D(2026, 2, 1), "1:1", person_id=seen.id))
    # an observation is not contact
    journal.notes.add(Note(D(2026, 3, 10), "saw", kind=NoteKind.OBSERVATION, person_id=seen.id))
    overview = journal.today.overview(TODAY)
    names = [(s.person.name, s.status) for s in overview.stakeholders]
    assert names == [
        ("Sam Seen", "overdue"),  # due 11 Feb
        ("Olga Overdue", "overdue"),  # due 6 Mar
        ("Nina Never", "due"),  # never contacted: due today
    ]
    assert overview.stakeholders[1].last_contact == D(2026, 2, 20)


def test_follow_ups_overdue_then_the_next_seven_days_nearest_first(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    journal.notes.add(
        Note(
            D(2020, 3, 2),
            "1:1 with Ana",
            person_id=ana.id,
            follow_ups=(
                FollowUp("Years overdue", TODAY - dt.timedelta(days=2000)),
                FollowUp("Send the churn numbers", D(2026, 3, 10)),
                FollowUp("Book the QBR", D(2026, 3, 15)),
                FollowUp("In seven days", D(2026, 3, 18)),
                FollowUp("In eight days", D(2026, 3, 19)),
                FollowUp("Already done", D(2026, 3, 9), done=True),
                FollowUp("Some day"),
            ),
        )
    )
    journal.notes.add(
        Note(
            D(2026, 3, 5),
            "thinking",
            kind=NoteKind.OTHER,
            follow_ups=(FollowUp("Draft the VoC deck", D(2026, 3, 11)),),
        )
    )
    overview = journal.today.overview(TODAY)
    assert overview.horizon == D(2026, 3, 18)
    got = [(f.text, f.due, f.overdue, f.person_name) for f in overview.follow_ups]
    assert got == [
        # overdue, the most recently due first: years-old ones do not sit on top
        ("Send the churn numbers", D(2026, 3, 10), True, "Ana Silva"),
        ("Years overdue", TODAY - dt.timedelta(days=2000), True, "Ana Silva"),
        # then today and the next seven days, soonest first; beyond Sunday too
        ("Draft the VoC deck", D(2026, 3, 11), False, None),
        ("Book the QBR", D(2026, 3, 15), False, "Ana Silva"),
        ("In seven days", D(2026, 3, 18), False, "Ana Silva"),
    ]
    assert [f.text for f in overview.overdue_follow_ups] == [
        "Send the churn numbers",
        "Years overdue",
    ]
    assert [f.text for f in overview.upcoming_follow_ups] == [
        "Draft the VoC deck",
        "Book the QBR",
        "In seven days",
    ]
    assert overview.follow_ups[0].note_on == D(2020, 3, 2)
    assert overview.follow_ups[0].person_id == ana.id
    journal.notes.set_follow_up_done(overview.follow_ups[0].follow_up_id, True)
    assert len(journal.today.overview(TODAY).follow_ups) == 4


def _follow_up(journal: Journal, text: str, due: dt.date | None) -> int:
    note = journal.notes.add(Note(D(2026, 3, 1), "1:1", follow_ups=(FollowUp(text, due),)))
    follow_up_id = note.follow_ups[0].id
    assert follow_up_id is not None
    return follow_up_id


def _listed(journal: Journal, today: dt.date = TODAY) -> list[str]:
    return [f.text for f in journal.today.overview(today).follow_ups]


def test_a_snoozed_follow_up_comes_back_on_its_day_still_overdue(journal: Journal) -> None:
    old = _follow_up(journal, "Years overdue", TODAY - dt.timedelta(days=2000))
    _follow_up(journal, "Due tomorrow", TODAY + dt.timedelta(days=1))
    journal.notes.snooze_follow_up(old, TODAY + dt.timedelta(days=1))
    overview = journal.today.overview(TODAY)
    assert [f.text for f in overview.follow_ups] == ["Due tomorrow"]
    assert overview.snoozed_follow_ups == 1
    back = journal.today.overview(TODAY + dt.timedelta(days=1))
    assert [f.text for f in back.follow_ups] == ["Years overdue", "Due tomorrow"]
    assert back.follow_ups[0].overdue and back.snoozed_follow_ups == 0
    stored = journal.notes.open_follow_ups()
    assert stored[0][0].due == TODAY - dt.timedelta(days=2000)  # due kept


def test_reschedule_moves_the_due_date_and_ends_a_snooze(journal: Journal) -> None:
    item = _follow_up(journal, "Send deck", TODAY - dt.timedelta(days=30))
    journal.notes.snooze_follow_up(item, TODAY + dt.timedelta(days=3))
    assert _listed(journal) == []
    moved = journal.notes.reschedule_follow_up(item, TODAY + dt.timedelta(days=2))
    assert moved.due == TODAY + dt.timedelta(days=2)
    overview = journal.today.overview(TODAY)
    assert [(f.text, f.overdue) for f in overview.follow_ups] == [("Send deck", False)]
    assert overview.snoozed_follow_ups == 0


def test_dismiss_takes_it_off_today_but_keeps_it_open_in_its_note(journal: Journal) -> None:
    item = _follow_up(journal, "Old promise", TODAY - dt.timedelta(days=400))
    journal.notes.dismiss_follow_up(item)
    assert _listed(journal) == []
    assert [(f.text, f.due, f.done) for f, _n in journal.notes.open_follow_ups()] == [
        ("Old promise", None, False)
    ]
    journal.notes.reschedule_follow_up(item, TODAY)
    assert _listed(journal) == ["Old promise"]


def test_triage_refuses_what_is_not_a_date_and_writes_nothing(journal: Journal) -> None:
    item = _follow_up(journal, "Send deck", TODAY)
    for bad in ("2026-03-12", None, dt.datetime(2026, 3, 12, 9, 0)):
        with pytest.raises(ValidationError, match="is not a date"):
            journal.notes.snooze_follow_up(item, bad)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="is not a date"):
            journal.notes.reschedule_follow_up(item, bad)  # type: ignore[arg-type]
    assert _listed(journal) == ["Send deck"]


def test_resilience_part_is_the_resilience_summary(journal: Journal) -> None:
    journal.resilience.save_many(
        ResilienceEntry(TODAY - dt.timedelta(days=n), 6, 4, 7) for n in range(20)
    )
    overview = journal.today.overview(TODAY)
    assert overview.resilience.today_entry is not None
    assert overview.resilience.today_entry.on == TODAY
    assert len(overview.resilience.recent) == 14
    assert overview.resilience.total == 20
    assert overview.resilience.warning is None


def test_exit_plan_progress(journal: Journal) -> None:
    boss = journal.people.add(Person("Dana Boss"))
    journal.audits.save(Audit(D(2026, 3, 1), blocking_superior=True, blocking_superior_person=boss))
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE and plan.items
    progress = journal.today.overview(TODAY).exit_plan
    assert progress.shown
    assert (progress.done, progress.total) == (0, len(plan.items))
    assert progress.next_step == plan.items[0].text
    journal.exit_plan.update_item(replace(plan.items[0], done=True))
    progress = journal.today.overview(TODAY).exit_plan
    assert progress.done == 1
    assert progress.next_step == plan.items[1].text
    journal.audits.save(Audit(D(2026, 3, 5)))  # the latest audit no longer flags it
    assert journal.today.overview(TODAY).exit_plan.status is ExitStatus.PAUSED
    journal.exit_plan.mark_done()
    assert not journal.today.overview(TODAY).exit_plan.shown


def test_ten_years_in_a_handful_of_queries(tmp_path: Path) -> None:
    from cxjournal.exchange.demo import generate
    from cxjournal.exchange.importer import import_text

    today = D(2026, 11, 20)
    with Journal.open(tmp_path / "demo.db") as journal:
        import_text(journal, json.dumps(generate(years=10, seed=1, today=today)))
        journal.today.overview(today)  # warm up statement caches
        with counted(journal) as statements:
            overview = journal.today.overview(today)
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) <= 10, selects
        assert overview.latest_audit is not None
        assert overview.latest_audit.analysis == journal.audits.latest_analysis()
        assert not overview.is_new
        _agrees_with_the_other_areas(journal, overview, today)


def _agrees_with_the_other_areas(journal: Journal, overview: object, today: dt.date) -> None:
    """What the start-up path reads itself (the exit plan, the follow-ups) equals what the
    areas' own operations say."""
    assert isinstance(overview, TodayOverview)
    plan = journal.exit_plan.get()
    assert overview.exit_plan.status is plan.status
    assert overview.exit_plan.total == len(plan.items)
    assert overview.exit_plan.done == sum(i.done for i in plan.items)
    opened = [f for f, _note in journal.notes.open_follow_ups(due_by=overview.horizon)]
    assert {f.follow_up_id for f in overview.follow_ups} <= {f.id for f in opened}
    counts = overview.overdue_count, overview.upcoming_count, overview.snoozed_follow_ups
    assert sum(counts) == len(opened)
    assert len(overview.overdue_follow_ups) == min(overview.overdue_count, FOLLOW_UPS_LISTED)
    assert len(overview.upcoming_follow_ups) == min(overview.upcoming_count, FOLLOW_UPS_LISTED)


def test_a_busy_journal_agrees_with_the_other_areas(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva", cadence_days=7, team="Ops"))
    ben = journal.people.add(Person("Ben Okafor", cadence_days=30, team="Sales"))
    journal.people.add(Person("Chen Wei", cadence_days=3))
    journal.notes.add(Note(D(2026, 2, 1), "1:1", person_id=ana.id))
    journal.notes.add(
        Note(
            D(2026, 3, 1),
            "call",
            kind=NoteKind.CALL,
            person_id=ben.id,
            follow_ups=(FollowUp("Send deck", D(2026, 3, 12)),),
        )
    )
    journal.audits.save(
        Audit(
            D(2026, 1, 10),
            (Rating(ana, 9, 8, 2, 3), Rating(ben, 4, 4, 6, 6)),
            blocking_superior=True,
            blocking_superior_person=ben,
        )
    )
    entries = [
        ResilienceEntry(TODAY - dt.timedelta(days=n), 8, 3, 7, drains=("email",))
        for n in range(14, 44)
    ]
    entries += [
        ResilienceEntry(TODAY - dt.timedelta(days=n), 4, 7, 5, restorers=("walk",))
        for n in range(1, 14)
    ]
    journal.resilience.save_many(entries)
    overview = journal.today.overview(TODAY)
    assert overview.resilience.warning is not None
    assert overview.resilience.today_entry is None
    _agrees_with_the_other_areas(journal, overview, TODAY)
    assert overview.latest_audit is not None
    assert overview.latest_audit.analysis == journal.audits.latest_analysis()
    journal.resilience.dismiss_warning(overview.resilience.warning.key)
    dismissed = journal.today.overview(TODAY)
    assert dismissed.resilience.warning is None
    _agrees_with_the_other_areas(journal, dismissed, TODAY)


def test_the_overview_needs_no_sqlalchemy(tmp_path: Path) -> None:
    """Opening a journal and reading Today's overview never imports SQLAlchemy."""
    with Journal.open(tmp_path / "j.db") as journal:
        ana = journal.people.add(Person("Ana Silva", cadence_days=7))
        journal.audits.save(Audit(D(2026, 1, 10), (Rating(ana, 9, 8, 2, 3),)))
    script = (
        "import sys, datetime\n"
        "from cxjournal.journal import Journal\n"
        f"j = Journal.open({str(tmp_path / 'j.db')!r})\n"
        "o = j.today.overview(datetime.date(2026, 3, 11))\n"
        "print(len(o.stakeholders), o.latest_audit is not None, 'sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    )
    assert done.stdout.split() == ["1", "True", "False"], done.stdout + done.stderr
