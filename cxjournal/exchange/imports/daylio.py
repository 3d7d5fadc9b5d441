"""Daylio's CSV export into mood-only check-ins, one per date.

Columns ``full_date,date,weekday,time,mood,activities,note_title,note``;
activities are separated by ``|``. Moods map rad=9, good=7, meh=5, bad=3,
awful=1 unless the options say otherwise (names compared case-insensitively);
a mood with no value is a problem that names it. Several entries on one date
become one check-in: the mean mood rounded half up, every activity once (a
drain, a restorer or a plain tag, as the options classify it) and the notes
joined in the order of their times. Energy and stress are left unrecorded.

:func:`parse` reads the file once; :func:`plan` turns it into an import plan
for given options, so a preview can re-plan as the user edits the mapping.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cxjournal.domain.model import CHECKIN_MAX, CHECKIN_MIN
from cxjournal.exchange.imports.csv_rows import CsvProblem, rows
from cxjournal.exchange.imports.plan import ImportPlan, PlannedCheckin, counted
from cxjournal.exchange.imports.text import NotText, decode, tidy

KIND = "daylio"

COLUMNS = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
DEFAULT_MOODS: Mapping[str, int] = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}

ActivityKind = Literal["drain", "restorer", "tag"]

_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*([ap]\.?\s*m\.?)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DaylioEntry:
    line: int
    on: dt.date
    #: minutes after midnight, for ordering a day's entries (None when unreadable)
    minutes: int | None
    mood: str
    activities: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class DaylioFile:
    entries: tuple[DaylioEntry, ...] = ()
    problems: tuple[str, ...] = ()

    def moods(self) -> dict[str, int]:
        """Each mood name (as first spelt in the file) and how many entries have it."""
        return _counted(e.mood for e in self.entries)

    def activities(self) -> dict[str, int]:
        """Each activity (as first spelt) and how many entries have it, most used first."""
        uses = _counted(a for e in self.entries for a in e.activities)
        return dict(sorted(uses.items(), key=lambda item: (-item[1], item[0].casefold())))


@dataclass(frozen=True, slots=True)
class DaylioOptions:
    """How moods become values and activities drains, restorers or plain tags."""

    moods: Mapping[str, int] = field(default_factory=dict)
    drains: frozenset[str] = frozenset()
    restorers: frozenset[str] = frozenset()

    def mood_value(self, name: str) -> int | None:
        wanted = name.casefold()
        for table in (self.moods, DEFAULT_MOODS):
            for key, value in table.items():
                if key.casefold() == wanted:
                    return value
        return None

    def activity_kind(self, name: str) -> ActivityKind:
        wanted = name.casefold()
        if wanted in {d.casefold() for d in self.drains}:
            return "drain"
        if wanted in {r.casefold() for r in self.restorers}:
            return "restorer"
        return "tag"

    def problems(self, known_activities: Iterable[str] = ()) -> list[str]:
        found: list[str] = []
        for name, value in self.moods.items():
            if isinstance(value, bool) or not CHECKIN_MIN <= value <= CHECKIN_MAX:
                found.append(
                    f"--mood {name}={value}: a mood's value is between "
                    f"{CHECKIN_MIN} and {CHECKIN_MAX}"
                )
        both = {d.casefold() for d in self.drains} & {r.casefold() for r in self.restorers}
        found += [f"--drain/--restorer {name}: an activity is one or the other" for name in both]
        known = {a.casefold() for a in known_activities}
        for flag, names in (("--drain", self.drains), ("--restorer", self.restorers)):
            found += [
                f"{flag} {name}: the file has no such activity"
                for name in sorted(names)
                if name.casefold() not in known
            ]
        return found


def parse(data: bytes) -> DaylioFile:
    try:
        records = list(rows(decode(data)))
    except (NotText, CsvProblem) as exc:
        return DaylioFile(problems=(str(exc),))
    if not records:
        return DaylioFile(problems=("line 1: the file is empty",))
    header_line, header = records[0]
    names = tuple(h.strip().lstrip("\ufeff").lower() for h in header)
    if names[: len(COLUMNS)] != COLUMNS:
        return DaylioFile(
            problems=(
                f"line {header_line}: not a Daylio export: its first line should be "
                f"{','.join(COLUMNS)}",
            )
        )
    entries: list[DaylioEntry] = []
    problems: list[str] = []
    for line, fields in records[1:]:
        if len(fields) != len(header):
            problems.append(
                f"line {line}: {len(fields)} fields instead of {len(header)} "
                "(the file may be cut short)"
            )
            continue
        values = dict(zip(COLUMNS, fields, strict=False))
        try:
            on = dt.date.fromisoformat(values["full_date"].strip())
        except ValueError:
            problems.append(f"line {line}: full_date {values['full_date']!r} is not a date")
            continue
        mood = tidy(values["mood"])
        if not mood:
            problems.append(f"line {line}: the entry has no mood")
            continue
        activities = tuple(a for a in (tidy(p) for p in values["activities"].split("|")) if a)
        note = "\n".join(
            part for part in (values["note_title"].strip(), _plain(values["note"]).strip()) if part
        )
        entries.append(DaylioEntry(line, on, _minutes(values["time"]), mood, activities, note))
    return DaylioFile(tuple(entries), tuple(problems))


def plan(file: DaylioFile, options: DaylioOptions | None = None) -> ImportPlan:
    options = options or DaylioOptions()
    problems = list(file.problems)
    problems += options.problems(file.activities())
    for mood, count in file.moods().items():
        if options.mood_value(mood) is None:
            first = next(e.line for e in file.entries if e.mood.casefold() == mood.casefold())
            problems.append(
                f"line {first}: the mood {mood!r} ({counted(count, 'entries')}) has no value "
                f"yet: give it one from 1 to 10 (--mood {mood}=N)"
            )
    days: dict[dt.date, list[DaylioEntry]] = {}
    for entry in file.entries:
        days.setdefault(entry.on, []).append(entry)
    # days whose moods all have a value, so a preview can count them while moods are edited
    checkins = [
        _checkin(on, days[on], options)
        for on in sorted(days)
        if all(options.mood_value(e.mood) is not None for e in days[on])
    ]
    return ImportPlan(KIND, checkins=tuple(checkins), problems=tuple(problems))


def read(data: bytes, options: DaylioOptions | None = None) -> ImportPlan:
    return plan(parse(data), options)


def mean_half_up(values: list[int]) -> int:
    """The mean of whole numbers, rounded half up (exactly, without floating point)."""
    return (2 * sum(values) + len(values)) // (2 * len(values))


def _checkin(on: dt.date, entries: list[DaylioEntry], options: DaylioOptions) -> PlannedCheckin:
    ordered = sorted(entries, key=lambda e: (e.minutes if e.minutes is not None else -1, e.line))
    moods = [options.mood_value(e.mood) or 0 for e in ordered]
    sorted_out: dict[ActivityKind, list[str]] = {"drain": [], "restorer": [], "tag": []}
    seen: set[str] = set()
    for activity in (a for e in ordered for a in e.activities):
        if activity.casefold() not in seen:
            seen.add(activity.casefold())
            sorted_out[options.activity_kind(activity)].append(activity)
    return PlannedCheckin(
        on=on,
        mood=mean_half_up(moods),
        drains=tuple(sorted_out["drain"]),
        restorers=tuple(sorted_out["restorer"]),
        tags=tuple(sorted_out["tag"]),
        note="\n\n".join(e.note for e in ordered if e.note),
    )


def _minutes(value: str) -> int | None:
    found = _TIME.match(value)
    if not found:
        return None
    hours, minutes = int(found[1]), int(found[2])
    if found[3]:
        hours = hours % 12 + (12 if found[3].lower().startswith("p") else 0)
    return hours * 60 + minutes


def _plain(note: str) -> str:
    """Daylio writes line breaks inside notes as ``<br>``; they become new lines."""
    return re.sub(r"<br\s*/?>", "\n", note.replace("\r\n", "\n"), flags=re.IGNORECASE)


def _counted(names: Iterable[str]) -> dict[str, int]:
    spelling: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for name in names:
        key = name.casefold()
        spelling.setdefault(key, name)
        counts[key] += 1
    return {spelling[key]: counts[key] for key in spelling}
