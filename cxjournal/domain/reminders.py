"""What reminders are due, and when the next one is: pure rules on an injected clock.

Reminders are optional and all off by default: a notification ``minutes_before`` a
1:1 (default 15), the daily check-in at a chosen time, a morning digest of the
stakeholder updates due, and the re-audit when one is due (at the same morning
time, once a week until an audit is taken). Each reminder has a key; a reminder
whose key was sent is never due again, so a restart sends nothing twice (the
keys are kept in the journal's settings). A reminder whose time passed while the
app was not running is still sent when it starts, as long as it is still of use:
a 1:1's until the meeting starts, the day's others until the day ends.

Local times are read in the zone given (the system's when none is): a time
skipped by a clock change comes as much later as the clock jumped, and a time
that happens twice comes once, the first time. Reminders carry no journal text: only people's names,
times and counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DEFAULT_MINUTES_BEFORE = 15
MINUTES_BEFORE_MIN, MINUTES_BEFORE_MAX = 1, 240
DEFAULT_CHECK_IN_AT = dt.time(17, 30)
DEFAULT_MORNING_AT = dt.time(8, 30)
#: how many names a digest lists before "and N more"
DIGEST_NAMES = 3
#: how long a sent key is remembered (longer than any reminder stays due)
REMEMBER_SENT = dt.timedelta(days=8)

ONE_ON_ONE, CHECK_IN, DIGEST, RE_AUDIT = "one_on_one", "check_in", "digest", "re_audit"


@dataclass(frozen=True, slots=True)
class ReminderPreferences:
    one_on_one: bool = False
    minutes_before: int = DEFAULT_MINUTES_BEFORE
    check_in: bool = False
    check_in_at: dt.time = DEFAULT_CHECK_IN_AT
    digest: bool = False
    re_audit: bool = False
    #: the time of the morning digest and of the re-audit reminder
    morning_at: dt.time = DEFAULT_MORNING_AT
    #: an icon in the system tray (where the desktop has one)
    tray: bool = False
    #: closing the window keeps the app running in the tray, reminders and all
    background: bool = False
    #: start (in the background) when the user logs in
    start_at_login: bool = False

    @property
    def any_reminder(self) -> bool:
        return self.one_on_one or self.check_in or self.digest or self.re_audit

    def problems(self) -> list[str]:
        if not MINUTES_BEFORE_MIN <= self.minutes_before <= MINUTES_BEFORE_MAX:
            return [
                f"minutes before a 1:1 must be {MINUTES_BEFORE_MIN} to {MINUTES_BEFORE_MAX}, "
                f"not {self.minutes_before}"
            ]
        return []

    def as_setting(self) -> dict[str, Any]:
        return {
            "one_on_one": self.one_on_one,
            "minutes_before": self.minutes_before,
            "check_in": self.check_in,
            "check_in_at": self.check_in_at.strftime("%H:%M"),
            "digest": self.digest,
            "re_audit": self.re_audit,
            "morning_at": self.morning_at.strftime("%H:%M"),
            "tray": self.tray,
            "background": self.background,
            "start_at_login": self.start_at_login,
        }

    @classmethod
    def from_setting(cls, value: Any) -> ReminderPreferences:
        """The stored preferences; anything missing or mistyped takes its default."""
        if not isinstance(value, Mapping):
            return cls()
        default = cls()

        def flag(key: str) -> bool:
            got = value.get(key)
            return got if isinstance(got, bool) else bool(getattr(default, key))

        def clock(key: str) -> dt.time:
            fallback: dt.time = getattr(default, key)
            got = value.get(key)
            try:
                return dt.time.fromisoformat(got) if isinstance(got, str) else fallback
            except ValueError:
                return fallback

        minutes = value.get("minutes_before")
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            minutes = default.minutes_before
        minutes = min(max(minutes, MINUTES_BEFORE_MIN), MINUTES_BEFORE_MAX)
        return cls(
            one_on_one=flag("one_on_one"),
            minutes_before=minutes,
            check_in=flag("check_in"),
            check_in_at=clock("check_in_at").replace(second=0, microsecond=0),
            digest=flag("digest"),
            re_audit=flag("re_audit"),
            morning_at=clock("morning_at").replace(second=0, microsecond=0),
            tray=flag("tray"),
            background=flag("background"),
            start_at_login=flag("start_at_login"),
        )


@dataclass(frozen=True, slots=True)
class UpcomingOneOnOne:
    """A 1:1 from the calendar: whom with, when (aware), and which occurrence."""

    person_id: int
    name: str
    start: dt.datetime
    uid: str


@dataclass(frozen=True, slots=True)
class ReminderInputs:
    """What the journal says when the reminders are worked out."""

    one_on_ones: Sequence[UpcomingOneOnOne] = ()
    #: the days the user has checked in on (today's is what matters)
    checked_in_on: frozenset[dt.date] = frozenset()
    #: names of the stakeholders whose update is due, most overdue first
    updates_due: Sequence[str] = ()
    #: a new power audit is due
    audit_due: bool = False
    #: the latest audit's id (None: no audit yet), so the reminder is per audit
    latest_audit_id: int | None = None


@dataclass(frozen=True, slots=True)
class Reminder:
    """One notification: what it says (never journal text) and what its action opens."""

    key: str
    kind: str
    at: dt.datetime
    summary: str
    body: str
    person_id: int | None = None
    meeting_start: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The reminders due now (oldest first) and when the next one falls (None: none ahead)."""

    due: tuple[Reminder, ...]
    next_at: dt.datetime | None
    candidates: tuple[Reminder, ...] = field(default=(), repr=False)


def local_at(day: dt.date, at: dt.time, zone: dt.tzinfo | None) -> dt.datetime:
    """``day`` at ``at`` local time, as an aware UTC time (times a clock change makes
    ambiguous compare correctly only in UTC). A time the clock skips (spring forward) comes as
    much later as the clock jumped (02:30 for a 01:30 skipped by an hour); a time it passes
    twice (fall back) is the first of the two."""
    if zone is None:
        return dt.datetime.combine(day, at).astimezone().astimezone(dt.UTC)
    return dt.datetime.combine(day, at, zone).astimezone(dt.UTC)


def local_day(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.date:
    return (moment.astimezone(zone) if zone is not None else moment.astimezone()).date()


def clock_text(moment: dt.datetime, zone: dt.tzinfo | None) -> str:
    """A time as reminders show it: 24-hour ``HH:MM`` local time."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return local.strftime("%H:%M")


def _names(names: Sequence[str]) -> str:
    shown = [" ".join(n.split()) for n in names[:DIGEST_NAMES]]
    rest = len(names) - len(shown)
    return ", ".join(shown) + (f" and {rest} more" if rest else "")


def candidates(
    now: dt.datetime,
    prefs: ReminderPreferences,
    inputs: ReminderInputs,
    zone: dt.tzinfo | None = None,
) -> list[Reminder]:
    """Every reminder of today and tomorrow that the preferences ask for, sent or not,
    with how long each stays of use (see :func:`_stays_until`)."""
    now = now.astimezone(dt.UTC)
    today = local_day(now, zone)
    found: list[Reminder] = []
    if prefs.one_on_one:
        before = dt.timedelta(minutes=prefs.minutes_before)
        for meeting in inputs.one_on_ones:
            start = meeting.start.astimezone(dt.UTC)
            name = " ".join(meeting.name.split())
            shown = clock_text(start, zone)
            found.append(
                Reminder(
                    key=f"{ONE_ON_ONE}:{meeting.uid}:{start.strftime('%Y%m%dT%H%M%SZ')}",
                    kind=ONE_ON_ONE,
                    at=start - before,
                    summary=f"1:1 with {name} at {shown}",
                    body=f"Your 1:1 with {name} starts at {shown}. Open its preparation.",
                    person_id=meeting.person_id,
                    meeting_start=start,
                )
            )
    for day in (today, today + dt.timedelta(days=1)):
        if prefs.check_in and day not in inputs.checked_in_on:
            at = local_at(day, prefs.check_in_at, zone)
            found.append(
                Reminder(
                    key=f"{CHECK_IN}:{day.isoformat()}",
                    kind=CHECK_IN,
                    at=at,
                    summary="Time for your daily check-in",
                    body="How was today? Your check-in takes a minute.",
                )
            )
        if prefs.digest and inputs.updates_due and day == today:
            count = len(inputs.updates_due)
            found.append(
                Reminder(
                    key=f"{DIGEST}:{day.isoformat()}",
                    kind=DIGEST,
                    at=local_at(day, prefs.morning_at, zone),
                    summary=f"{count} stakeholder update{'s' if count != 1 else ''} due",
                    body=f"Due: {_names(inputs.updates_due)}.",
                )
            )
        if prefs.re_audit and inputs.audit_due and day == today:
            year, week, _ = day.isocalendar()
            audit = inputs.latest_audit_id if inputs.latest_audit_id is not None else "none"
            found.append(
                Reminder(
                    key=f"{RE_AUDIT}:{audit}:{year}-W{week:02d}",
                    kind=RE_AUDIT,
                    at=local_at(day, prefs.morning_at, zone),
                    summary="A new power audit is due",
                    body=(
                        "Your latest power audit is getting old; a new one shows who gained "
                        "or lost influence."
                        if inputs.latest_audit_id is not None
                        else "You have not taken a power audit yet."
                    ),
                )
            )
    found.sort(key=lambda r: (r.at, r.key))
    return found


def _stays_until(reminder: Reminder, zone: dt.tzinfo | None) -> dt.datetime:
    """Until when a reminder is still of use: a 1:1's until the meeting starts, the others
    until the end of their local day."""
    if reminder.meeting_start is not None:
        return reminder.meeting_start
    day = local_day(reminder.at, zone)
    return local_at(day + dt.timedelta(days=1), dt.time(), zone)


def plan(
    now: dt.datetime,
    prefs: ReminderPreferences,
    inputs: ReminderInputs,
    sent: Iterable[str] = (),
    zone: dt.tzinfo | None = None,
) -> Plan:
    """The reminders due at ``now`` (not sent, time come, still of use) and the time of the
    next one. ``now`` must be aware."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    now = now.astimezone(dt.UTC)
    everything = candidates(now, prefs, inputs, zone)
    due, next_at = due_among(everything, now, sent, zone)
    if prefs.check_in or prefs.digest or prefs.re_audit:
        # the day's reminders are worked out again after midnight (new day, new keys)
        midnight = local_at(local_day(now, zone) + dt.timedelta(days=1), dt.time(), zone)
        next_at = midnight if next_at is None else min(next_at, midnight)
    return Plan(due, next_at, tuple(everything))


def due_among(
    reminders: Iterable[Reminder],
    now: dt.datetime,
    sent: Iterable[str] = (),
    zone: dt.tzinfo | None = None,
) -> tuple[tuple[Reminder, ...], dt.datetime | None]:
    """Of ``reminders``, those due at ``now`` (not sent, time come, still of use), and the
    time of the first one still ahead (None: none)."""
    done = set(sent)
    due: list[Reminder] = []
    ahead: list[dt.datetime] = []
    for reminder in reminders:
        if reminder.key in done:
            continue
        if reminder.at <= now:
            if now < _stays_until(reminder, zone):
                due.append(reminder)
        else:
            ahead.append(reminder.at)
    return tuple(due), (min(ahead) if ahead else None)


def remember(
    sent: Mapping[str, str], delivered: Iterable[Reminder], now: dt.datetime
) -> dict[str, str]:
    """The sent keys to keep (key -> ISO time sent): ``delivered`` added, old ones dropped."""
    kept: dict[str, str] = {}
    for key, when in sent.items():
        try:
            at = dt.datetime.fromisoformat(when)
        except (TypeError, ValueError):
            continue
        if at.tzinfo is not None and now - at <= REMEMBER_SENT:
            kept[key] = when
    for reminder in delivered:
        kept[reminder.key] = now.astimezone(dt.UTC).isoformat()
    return kept
