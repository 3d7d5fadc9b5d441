"""The reminder schedule on an injected clock: DST, midnight, late starts, no duplicates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cxjournal.domain.reminders import (
    CHECK_IN,
    DIGEST,
    ONE_ON_ONE,
    RE_AUDIT,
    REMEMBER_SENT,
    Plan,
    ReminderInputs,
    ReminderPreferences,
    UpcomingOneOnOne,
    local_at,
    plan,
    remember,
)

LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")
ALL_ON = ReminderPreferences(
    one_on_one=True,
    minutes_before=15,
    check_in=True,
    check_in_at=dt.time(17, 30),
    digest=True,
    re_audit=True,
    morning_at=dt.time(8, 30),
)


def at(zone: ZoneInfo, *parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=zone)  # type: ignore[misc]


def ana_at(start: dt.datetime, uid: str = "w@x") -> UpcomingOneOnOne:
    return UpcomingOneOnOne(7, "Ana  Silva", start, uid)


def keys(p: Plan) -> list[str]:
    return [r.key for r in p.due]


def test_everything_is_off_by_default() -> None:
    prefs = ReminderPreferences()
    assert not prefs.any_reminder and not prefs.tray and not prefs.background
    assert not prefs.start_at_login and prefs.minutes_before == 15
    now = at(LISBON, 2026, 12, 2, 9, 0)
    inputs = ReminderInputs(
        one_on_ones=(ana_at(at(LISBON, 2026, 12, 2, 9, 10)),),
        updates_due=("Jo",),
        audit_due=True,
    )
    assert plan(now, prefs, inputs, zone=LISBON) == Plan((), None, ())


def test_a_one_on_one_is_due_from_n_minutes_before_until_it_starts() -> None:
    start = at(LISBON, 2026, 12, 2, 10, 0)
    inputs = ReminderInputs(one_on_ones=(ana_at(start),))
    prefs = ReminderPreferences(one_on_one=True, minutes_before=15)
    early = plan(at(LISBON, 2026, 12, 2, 9, 44, 59), prefs, inputs, zone=LISBON)
    assert early.due == () and early.next_at == at(LISBON, 2026, 12, 2, 9, 45)
    exactly = plan(at(LISBON, 2026, 12, 2, 9, 45), prefs, inputs, zone=LISBON)
    (reminder,) = exactly.due
    assert reminder.kind == ONE_ON_ONE and reminder.person_id == 7
    assert reminder.summary == "1:1 with Ana Silva at 10:00"
    assert "Ana Silva" in reminder.body and "10:00" in reminder.body
    assert reminder.meeting_start == start.astimezone(dt.UTC)
    # the app started after the reminder's time but before the meeting: still sent
    late = plan(at(LISBON, 2026, 12, 2, 9, 59), prefs, inputs, zone=LISBON)
    assert keys(late) == [reminder.key]
    # once the meeting has started it is of no use
    assert plan(at(LISBON, 2026, 12, 2, 10, 0), prefs, inputs, zone=LISBON).due == ()


def test_minutes_before_is_honoured_and_range_checked() -> None:
    start = at(LISBON, 2026, 12, 2, 10, 0)
    prefs = ReminderPreferences(one_on_one=True, minutes_before=45)
    got = plan(at(LISBON, 2026, 12, 2, 9, 0), prefs, ReminderInputs((ana_at(start),)), zone=LISBON)
    assert got.next_at == at(LISBON, 2026, 12, 2, 9, 15)
    assert ReminderPreferences(minutes_before=0).problems()
    assert ReminderPreferences(minutes_before=241).problems()
    assert ReminderPreferences(minutes_before=240).problems() == []


def test_what_was_sent_is_never_due_again_after_a_restart() -> None:
    start = at(LISBON, 2026, 12, 2, 10, 0)
    inputs = ReminderInputs(one_on_ones=(ana_at(start),), updates_due=("Jo Park",))
    now = at(LISBON, 2026, 12, 2, 9, 50)
    first = plan(now, ALL_ON, inputs, zone=LISBON)
    assert [r.kind for r in first.due] == [DIGEST, ONE_ON_ONE]
    sent = remember({}, first.due, now)
    again = plan(now + dt.timedelta(minutes=1), ALL_ON, inputs, sent, zone=LISBON)
    assert again.due == ()
    # a sent key is forgotten only long after it could be due again
    later = now + REMEMBER_SENT + dt.timedelta(minutes=1)
    assert remember(sent, (), later) == {}
    assert remember(sent, (), now + dt.timedelta(days=2)) == sent
    assert remember({"odd": "not a time", "naive": "2026-12-01T00:00:00"}, (), now) == {}


def test_two_occurrences_of_a_series_are_two_reminders() -> None:
    first, second = at(LISBON, 2026, 12, 2, 10, 0), at(LISBON, 2026, 12, 3, 10, 0)
    inputs = ReminderInputs(one_on_ones=(ana_at(first), ana_at(second)))
    prefs = ReminderPreferences(one_on_one=True)
    today = plan(at(LISBON, 2026, 12, 2, 9, 50), prefs, inputs, zone=LISBON)
    sent = remember({}, today.due, at(LISBON, 2026, 12, 2, 9, 50))
    tomorrow = plan(at(LISBON, 2026, 12, 3, 9, 46), prefs, inputs, sent, zone=LISBON)
    assert len(tomorrow.due) == 1 and tomorrow.due[0].key != today.due[0].key


def test_check_in_is_due_at_its_time_until_midnight_unless_done() -> None:
    prefs = ReminderPreferences(check_in=True, check_in_at=dt.time(17, 30))
    none = ReminderInputs()
    before = plan(at(LISBON, 2026, 12, 2, 17, 29), prefs, none, zone=LISBON)
    assert before.due == () and before.next_at == at(LISBON, 2026, 12, 2, 17, 30)
    (due,) = plan(at(LISBON, 2026, 12, 2, 17, 30), prefs, none, zone=LISBON).due
    assert due.kind == CHECK_IN and due.key == "check_in:2026-12-02"
    started_late = plan(at(LISBON, 2026, 12, 2, 23, 59), prefs, none, zone=LISBON)
    assert keys(started_late) == ["check_in:2026-12-02"]
    # after midnight yesterday's is gone, today's comes at its time
    next_day = plan(at(LISBON, 2026, 12, 3, 0, 0), prefs, none, zone=LISBON)
    assert next_day.due == () and next_day.next_at == at(LISBON, 2026, 12, 3, 17, 30)
    done = ReminderInputs(checked_in_on=frozenset({dt.date(2026, 12, 2)}))
    assert plan(at(LISBON, 2026, 12, 2, 18, 0), prefs, done, zone=LISBON).due == ()


def test_the_next_time_is_at_least_midnight_when_the_days_reminders_are_on() -> None:
    prefs = ReminderPreferences(digest=True, morning_at=dt.time(8, 30))
    # nothing due today: the plan looks again at midnight (the digest depends on the day)
    got = plan(at(LISBON, 2026, 12, 2, 12, 0), prefs, ReminderInputs(), zone=LISBON)
    assert got.due == () and got.next_at == at(LISBON, 2026, 12, 3, 0, 0)
    one = ReminderPreferences(one_on_one=True)
    assert plan(at(LISBON, 2026, 12, 2, 12, 0), one, ReminderInputs(), zone=LISBON).next_at is None


def test_digest_names_a_few_people_and_counts_the_rest_and_needs_something_due() -> None:
    prefs = ReminderPreferences(digest=True)
    names = ("Ana Silva", "Jo Park", "Li Wei", "Sam Roe", "Kim Lee")
    (digest,) = plan(
        at(LISBON, 2026, 12, 2, 8, 30), prefs, ReminderInputs(updates_due=names), zone=LISBON
    ).due
    assert digest.summary == "5 stakeholder updates due"
    assert digest.body == "Due: Ana Silva, Jo Park, Li Wei and 2 more."
    (one,) = plan(
        at(LISBON, 2026, 12, 2, 9, 0), prefs, ReminderInputs(updates_due=names[:1]), zone=LISBON
    ).due
    assert one.summary == "1 stakeholder update due"
    assert plan(at(LISBON, 2026, 12, 2, 9, 0), prefs, ReminderInputs(), zone=LISBON).due == ()


def test_re_audit_is_weekly_until_an_audit_is_taken() -> None:
    prefs = ReminderPreferences(re_audit=True, morning_at=dt.time(8, 30))
    due = ReminderInputs(audit_due=True, latest_audit_id=3)
    wed = at(LISBON, 2026, 12, 2, 9, 0)
    (first,) = plan(wed, prefs, due, zone=LISBON).due
    assert first.kind == RE_AUDIT and first.key == "re_audit:3:2026-W49"
    sent = remember({}, [first], wed)
    assert plan(at(LISBON, 2026, 12, 6, 9, 0), prefs, due, sent, zone=LISBON).due == ()
    (next_week,) = plan(at(LISBON, 2026, 12, 7, 9, 0), prefs, due, sent, zone=LISBON).due
    assert next_week.key == "re_audit:3:2026-W50"
    assert plan(wed, prefs, ReminderInputs(audit_due=False), zone=LISBON).due == ()
    (never,) = plan(wed, prefs, ReminderInputs(audit_due=True), zone=LISBON).due
    assert never.key.startswith("re_audit:none:")


def test_spring_forward_a_skipped_time_comes_as_much_later() -> None:
    # Lisbon, 2026-03-29: 01:00 WET jumps to 02:00 WEST; 01:30 does not exist
    prefs = ReminderPreferences(check_in=True, check_in_at=dt.time(1, 30))
    got = plan(at(LISBON, 2026, 3, 29, 0, 30), prefs, ReminderInputs(), zone=LISBON)
    assert got.next_at is not None
    assert got.next_at.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
    assert got.next_at.astimezone(LISBON).strftime("%H:%M") == "02:30"
    at_it = plan(got.next_at, prefs, ReminderInputs(), zone=LISBON)
    assert keys(at_it) == ["check_in:2026-03-29"]


def test_fall_back_a_time_that_happens_twice_comes_once() -> None:
    # New York, 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice
    prefs = ReminderPreferences(check_in=True, check_in_at=dt.time(1, 30))
    first = dt.datetime(2026, 11, 1, 5, 30, tzinfo=dt.UTC)  # 01:30 EDT
    second = dt.datetime(2026, 11, 1, 6, 30, tzinfo=dt.UTC)  # 01:30 EST
    got = plan(first - dt.timedelta(minutes=1), prefs, ReminderInputs(), zone=NEW_YORK)
    assert got.next_at == first
    sent = remember({}, plan(first, prefs, ReminderInputs(), zone=NEW_YORK).due, first)
    assert list(sent) == ["check_in:2026-11-01"]
    assert plan(second, prefs, ReminderInputs(), sent, zone=NEW_YORK).due == ()


def test_midnight_in_another_zone_and_a_day_of_25_hours() -> None:
    prefs = ReminderPreferences(check_in=True, check_in_at=dt.time(23, 50))
    # 23:55 on the day the clocks went back: still that day's reminder
    now = at(NEW_YORK, 2026, 11, 1, 23, 55)
    assert keys(plan(now, prefs, ReminderInputs(), zone=NEW_YORK)) == ["check_in:2026-11-01"]
    got = plan(at(NEW_YORK, 2026, 11, 1, 12, 0), prefs, ReminderInputs(), zone=NEW_YORK)
    assert got.next_at == at(NEW_YORK, 2026, 11, 1, 23, 50)
    # the same instant is another day in Lisbon
    assert keys(plan(now, prefs, ReminderInputs(), zone=LISBON)) == []


def test_a_one_on_one_tomorrow_morning_is_planned_tonight() -> None:
    prefs = ReminderPreferences(one_on_one=True, minutes_before=15)
    start = at(LISBON, 2026, 12, 3, 0, 10)
    got = plan(at(LISBON, 2026, 12, 2, 23, 0), prefs, ReminderInputs((ana_at(start),)), zone=LISBON)
    assert got.next_at == at(LISBON, 2026, 12, 2, 23, 55)
    (due,) = plan(
        at(LISBON, 2026, 12, 2, 23, 56), prefs, ReminderInputs((ana_at(start),)), zone=LISBON
    ).due
    assert due.summary == "1:1 with Ana Silva at 00:10"


def test_times_are_shown_in_local_time() -> None:
    prefs = ReminderPreferences(one_on_one=True)
    start = dt.datetime(2026, 12, 2, 15, 0, tzinfo=dt.UTC)
    (due,) = plan(
        start - dt.timedelta(minutes=5), prefs, ReminderInputs((ana_at(start),)), zone=NEW_YORK
    ).due
    assert due.summary.endswith("at 10:00")


def test_a_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError):
        plan(dt.datetime(2026, 12, 2, 9, 0), ALL_ON, ReminderInputs())


def test_preferences_round_trip_and_bad_values_take_defaults() -> None:
    prefs = ReminderPreferences(
        one_on_one=True, minutes_before=30, check_in_at=dt.time(18, 5), tray=True
    )
    assert ReminderPreferences.from_setting(prefs.as_setting()) == prefs
    odd = {"one_on_one": "yes", "minutes_before": 9999, "check_in_at": "25:99", "tray": 1}
    got = ReminderPreferences.from_setting(odd)
    assert got.one_on_one is False and got.minutes_before == 240
    assert got.check_in_at == dt.time(17, 30) and got.tray is False
    assert ReminderPreferences.from_setting(None) == ReminderPreferences()


def test_local_at_in_the_systems_zone_is_aware() -> None:
    assert local_at(dt.date(2026, 12, 2), dt.time(8, 0), None).tzinfo is not None
