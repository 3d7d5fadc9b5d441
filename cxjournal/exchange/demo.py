"""A realistic, invented journal in exchange format v1, for demos, tests and benchmarks.

:func:`generate` tells the story of a CX director at a fictional insurer over
``years``: about forty colleagues and outside contacts, a power audit each
quarter whose top ten and ratings drift, a new boss who blocks for a few
quarters (the exit plan starts, then pauses when the blocking stops),
who of the rated people know each other (recorded from the third audit on,
growing and fading quarter by quarter), stakeholders whose attitude moves
over time, notes of 1:1s and meetings with follow-ups, a daily check-in with a
hard stretch in it (:mod:`cxjournal.exchange.demo_checkins`), and a CX program
whose plan owners come round over the years (:mod:`cxjournal.exchange.demo_program`).
:func:`generate_heavy` is the same story with many notes a day, for search
benchmarks. Both are deterministic for a seed and a ``today``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from cxjournal.domain.exit_plan import TEMPLATE_FILE, TEMPLATE_PACKAGE, load_template
from cxjournal.domain.model import (
    ASPECTS,
    Aspects,
    Attitude,
    Audit,
    ExitItem,
    ExitPlan,
    ExitStatus,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import demo_text as text
from cxjournal.exchange.demo_cast import (
    ASPECT_PROFILES,
    BLOCKING_BOSS,
    CAST,
    FORMER_BOSS,
    ORGANISATION,
    PRODUCT_UNITS,
    CastMember,
)
from cxjournal.exchange.demo_checkins import checkins
from cxjournal.exchange.demo_crowd import crowd
from cxjournal.exchange.demo_program import add_program
from cxjournal.exchange.format_write import dump

__all__ = ["CAST_SIZE", "generate", "generate_heavy"]

#: The story's own cast: the fewest people a demo journal has.
CAST_SIZE = len(CAST)

_DAY = dt.timedelta(days=1)
#: Ties are recorded from this audit on (the earlier ones show "not recorded").
TIES_FROM_AUDIT = 2
#: The chance per quarter that two people who know each other lose touch.
TIE_FADES = 0.06
_ATTITUDE_ORDER = tuple(Attitude)  # champion .. resistor
_KIND_WEIGHTS = {
    NoteKind.ONE_ON_ONE: 40,
    NoteKind.MEETING: 20,
    NoteKind.EMAIL: 8,
    NoteKind.CALL: 8,
    NoteKind.INFORMAL: 9,
    NoteKind.OBSERVATION: 6,
    NoteKind.WIN: 6,
    NoteKind.OTHER: 3,
}
_ATTITUDE_SHIFT = {  # how a stance colours the flip side of a rating
    Attitude.CHAMPION: 1,
    Attitude.SUPPORTER: 1,
    Attitude.NEUTRAL: 0,
    Attitude.SKEPTIC: -1,
    Attitude.RESISTOR: -2,
}


def generate(
    years: int = 2, seed: int = 1, today: dt.date | None = None, people: int | None = None
) -> dict[str, Any]:
    """A demo journal over the ``years`` before ``today`` (default: the real today).

    About one or two notes a week and a check-in on most days. ``people`` (at
    least :data:`CAST_SIZE`) adds invented colleagues beyond the story's cast
    (:mod:`cxjournal.exchange.demo_crowd`); None keeps the cast alone. Returns a
    format v2 document, ready for ``json.dumps`` or ``format_write.to_json_text``.
    """
    return _Story(years, seed, today, notes_per_day=None, people=people).document()


def generate_heavy(
    years: int = 10,
    seed: int = 1,
    notes_per_day: float = 5.5,
    today: dt.date | None = None,
    people: int | None = None,
) -> dict[str, Any]:
    """Like :func:`generate` with ``notes_per_day`` notes a day on average (every day).

    With the defaults: about 20,000 notes over ten years, for search benchmarks.
    """
    if notes_per_day <= 0:
        raise ValueError("notes_per_day must be positive")
    return _Story(years, seed, today, notes_per_day=notes_per_day, people=people).document()


@dataclass
class _Member:
    """A cast member placed in time, with the state that drifts between audits."""

    cast: CastMember
    person: Person
    joins: dt.date
    leaves: dt.date | None
    arc: list[tuple[dt.date, Attitude]]
    walk: float = 0.0
    offsets: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

    @property
    def first(self) -> str:
        return self.cast.called or self.cast.name.split()[0]

    def active(self, day: dt.date) -> bool:
        return self.joins <= day and (self.leaves is None or day < self.leaves)

    def attitude(self, day: dt.date) -> Attitude:
        current = self.arc[0][1]
        for since, attitude in self.arc:
            if since <= day:
                current = attitude
        return current


class _Story:
    def __init__(
        self,
        years: int,
        seed: int,
        today: dt.date | None,
        notes_per_day: float | None,
        people: int | None = None,
    ) -> None:
        if years < 1:
            raise ValueError("years must be at least 1")
        if people is not None and people < CAST_SIZE:
            raise ValueError(f"people must be at least {CAST_SIZE} (the story's cast)")
        self.extra = crowd(people - CAST_SIZE, seed) if people is not None else ()
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today or dt.date.today()
        self.start = self.today - dt.timedelta(days=round(365.25 * years))
        self.notes_per_day = notes_per_day
        self.audit_dates = self._audit_dates(4 * years)
        count = len(self.audit_dates)
        block_stop = count - 1 - min(4, count // 8)  # the latest audits are not blocking
        self.blocking = range(block_stop - (3 if count >= 8 else 2), block_stop)
        self.block_begins = self.audit_dates[self.blocking.start] - dt.timedelta(days=40)
        self.block_ends = self.audit_dates[self.blocking.stop] - dt.timedelta(days=35)
        self.hard_stretch = (
            self.block_begins + dt.timedelta(days=20),
            self.block_begins + dt.timedelta(days=20 + 7 * self.rng.randint(5, 8)),
        )
        self.members = self._cast()
        self.boss = next(m for m in self.members if m.cast.name == BLOCKING_BOSS)
        # who knows whom grows on its own generator, so the rest of the story stays the same
        self.tie_rng = random.Random(f"ties-{seed}")
        self.known: set[tuple[int, int]] = set()  # pairs of person ids who know each other

    # --- people ---------------------------------------------------------------

    def _date_at(self, fraction: float) -> dt.date:
        return self.start + dt.timedelta(days=round(fraction * (self.today - self.start).days))

    def _cast(self) -> list[_Member]:
        boss_arrives = max(self.start, self.block_begins - dt.timedelta(days=150))
        members: list[_Member] = []
        for number, cast in enumerate(CAST + self.extra, start=1):
            joins = self._date_at(cast.joins)
            leaves = self._date_at(cast.leaves) if cast.leaves <= 1 else None
            arc = [(self._date_at(since), attitude) for since, attitude in cast.arc]
            if cast.name == FORMER_BOSS:
                leaves = boss_arrives - dt.timedelta(days=7)
            elif cast.name == BLOCKING_BOSS:
                joins = boss_arrives
                arc = [
                    (boss_arrives, Attitude.NEUTRAL),
                    (self.block_begins - dt.timedelta(days=60), Attitude.SKEPTIC),
                    (self.block_begins, Attitude.RESISTOR),
                    (self.block_ends, Attitude.SKEPTIC),
                    (self.block_ends + dt.timedelta(days=100), Attitude.NEUTRAL),
                ]
            person = Person(
                name=cast.name,
                id=number,
                role=cast.role,
                organisation=cast.organisation,
                internal=cast.organisation == CAST[0].organisation,
                relationship=cast.relationship,
                team=cast.team,
                function=cast.function,
                product_unit=cast.unit,
                location=cast.location,
                key_stakeholder=cast.key,
                cx_board=cast.cx_board,
                cadence_days=cast.cadence_days,
                information_needs=cast.information_needs,
                preferred_format=cast.preferred_format,
                motivations=cast.motivations,
                archived=leaves is not None and leaves <= self.today,
                emails=(demo_email(cast.name, cast.organisation),),
            )
            members.append(_Member(cast, person, joins, leaves, arc))
        return members

    # --- audits ---------------------------------------------------------------

    def _audit_dates(self, count: int) -> list[dt.date]:
        latest = self.today - dt.timedelta(days=self.rng.randint(3, 20))
        dates = [
            latest - dt.timedelta(days=91 * back + self.rng.randint(-6, 6)) for back in range(count)
        ]
        dates[0] = latest
        return sorted(dates)

    def _audits(self) -> list[Audit]:
        audits: list[Audit] = []
        for index, day in enumerate(self.audit_dates):
            for member in self.members:
                member.walk = 0.8 * member.walk + self.rng.gauss(0, 0.8)
                member.offsets = [
                    max(-2, min(2, o + self.rng.choice((-1, 0, 0, 0, 1)))) for o in member.offsets
                ]
            blocking = index in self.blocking
            settled = [m for m in self.members if m.active(day - dt.timedelta(days=45))]
            settled = [m for m in settled if m.active(day)]
            ranked = sorted(settled, key=lambda m: m.cast.weight + m.walk, reverse=True)[:10]
            ratings = tuple(self._rating(m, day, first_audit=index == 0) for m in ranked)
            ties = self._ties(ranked)
            recorded = index >= TIES_FROM_AUDIT  # the first audits predate the ties question
            if blocking:
                quarter = min(index - self.blocking.start, len(text.BLOCKING_AUDIT_NOTES) - 1)
                note = text.BLOCKING_AUDIT_NOTES[quarter]
            elif index > 0 and index - 1 in self.blocking:
                note = self.rng.choice(text.AFTER_BLOCKING_NOTES)
            else:
                note = self.rng.choice(text.AUDIT_CONTEXTS)
            audits.append(
                Audit(
                    taken_on=day,
                    ratings=ratings,
                    note=note.format(boss=self.boss.first),
                    blocking_superior=blocking,
                    blocking_superior_person=self.boss.person if blocking else None,
                    id=index + 1,
                    ties=ties if recorded else (),
                    ties_recorded=recorded,
                )
            )
        return audits

    def _ties(self, ranked: list[_Member]) -> tuple[tuple[int, int], ...]:
        """Who of the rated people know each other this quarter, as rating index pairs.

        Colleagues who share a team, function, unit or place get to know each other
        over the quarters (and now and then drift apart); outsiders seldom meet the
        others. Every pair keeps its state between audits, so the network moves slowly.
        """
        found: list[tuple[int, int]] = []
        for i, j in itertools.combinations(range(len(ranked)), 2):
            a, b = ranked[i], ranked[j]
            key = (min(a.person.id or 0, b.person.id or 0), max(a.person.id or 0, b.person.id or 0))
            if key in self.known:
                if self.tie_rng.random() < TIE_FADES:
                    self.known.discard(key)
            elif self.tie_rng.random() < _affinity(a.cast, b.cast):
                self.known.add(key)
            if key in self.known:
                found.append((i, j))
        return tuple(found)

    def _rating(self, member: _Member, day: dt.date, first_audit: bool) -> Rating:
        shift = _ATTITUDE_SHIFT[member.attitude(day)]
        base = member.cast.scores
        adjust = (0, 0, shift, shift)
        if member is self.boss and self.block_begins <= day < self.block_ends:
            adjust = (-3, 0, -3, -2)
        values = [
            max(1, min(10, b + o + a)) for b, o, a in zip(base, member.offsets, adjust, strict=True)
        ]
        if first_audit:  # the first audit was taken before the aspects were tracked
            aspects = Aspects()
        else:
            means = ASPECT_PROFILES[member.cast.profile]
            aspects = Aspects(
                **{
                    name: None
                    if self.rng.random() < 0.08
                    else max(0, min(10, round(mean + self.rng.gauss(0, 1.3))))
                    for name, mean in zip(ASPECTS, means, strict=True)
                }
            )
        return Rating(member.person, values[0], values[1], values[2], values[3], aspects)

    # --- notes ----------------------------------------------------------------

    def _note_days(self) -> list[dt.date]:
        days: list[dt.date] = []
        if self.notes_per_day is not None:
            whole, part = divmod(self.notes_per_day, 1)
            day = self.start
            while day <= self.today:
                days.extend([day] * (int(whole) + (self.rng.random() < part)))
                day += _DAY
            return days
        monday = self.start - dt.timedelta(days=self.start.weekday())
        while monday <= self.today:
            quiet = (monday.month == 12 and monday.day > 18) or (monday.month == 8)
            count = self.rng.choices((0, 1, 2, 3), (45, 45, 10, 0) if quiet else (4, 50, 40, 6))[0]
            for _ in range(count):
                day = monday + dt.timedelta(days=self.rng.randint(0, 4))
                if self.start <= day <= self.today:
                    days.append(day)
            monday += dt.timedelta(days=7)
        return sorted(days)

    def _notes(self) -> list[Note]:
        notes: list[Note] = []
        kinds, kind_weights = list(_KIND_WEIGHTS), list(_KIND_WEIGHTS.values())
        for number, day in enumerate(self._note_days(), start=1):
            kind = self.rng.choices(kinds, kind_weights)[0]
            solo = kind in (NoteKind.WIN, NoteKind.OBSERVATION, NoteKind.OTHER)
            if solo and self.rng.random() < 0.4:
                notes.append(self._solo_note(kind, day, number))
            else:
                notes.append(self._person_note(kind, day, number))
        return notes

    def _pick(self, day: dt.date) -> _Member:
        active = [m for m in self.members if m.active(day)]
        weights = [m.cast.weight**2 for m in active]
        if self.block_begins <= day < self.block_ends and self.boss in active:
            weights[active.index(self.boss)] *= 2
        return self.rng.choices(active, weights)[0]

    def _fill(self, template: str, member: _Member | None = None, **extra: str) -> str:
        unit = member.cast.unit if member and member.cast.unit in PRODUCT_UNITS else None
        return template.format(
            first=member.first if member else "",
            unit=unit or self.rng.choice(PRODUCT_UNITS),
            n=str(self.rng.randint(2, 9)),
            meeting=self.rng.choice(text.MEETINGS),
            **extra,
        )

    def _person_note(self, kind: NoteKind, day: dt.date, number: int) -> Note:
        rng = self.rng
        member = self._pick(day)
        stance = member.attitude(day)
        if rng.random() < 0.12:  # an off day, or a good one
            position = _ATTITUDE_ORDER.index(stance) + rng.choice((-1, 1))
            stance = _ATTITUDE_ORDER[max(0, min(len(_ATTITUDE_ORDER) - 1, position))]
        recorded = stance if rng.random() < 0.65 else None
        topics = text.TOPICS.get(member.cast.function, ()) + text.GENERAL_TOPICS
        phrase, tags = rng.choice(topics)
        topic = self._fill(phrase, member)
        parts = [self._fill(rng.choice(text.OPENERS[kind]), member)]
        if kind is NoteKind.WIN:
            parts.append(self._fill(rng.choice(text.WINS), member) + ".")
        else:
            parts.append(self._fill(rng.choice(text.TOPIC_FRAMES[kind]), member, topic=topic))
            parts.append(self._fill(rng.choice(text.REACTIONS[recorded or stance]), member))
        if rng.random() < 0.35:
            good = stance in (Attitude.CHAMPION, Attitude.SUPPORTER) and rng.random() < 0.4
            reflections = text.GOOD_REFLECTIONS if good else text.REFLECTIONS
            parts.append(self._fill(rng.choice(reflections), member))
        follow_ups: list[FollowUp] = []
        if rng.random() < 0.4:
            for _ in range(1 if rng.random() < 0.85 else 2):
                follow_ups.append(self._follow_up(member, day))
        note_tags = list(tags[: rng.randint(1, len(tags))])
        if kind is NoteKind.WIN:
            note_tags.append("quick-win")
        if "CX board" in parts[0]:
            note_tags.append("cx-board")
        return Note(
            on=day,
            text=" ".join(part[0].upper() + part[1:] for part in parts),
            kind=kind,
            person_id=member.person.id,
            attitude=recorded,
            tags=tuple(dict.fromkeys(note_tags)),
            follow_ups=tuple(follow_ups),
            id=number,
        )

    def _solo_note(self, kind: NoteKind, day: dt.date, number: int) -> Note:
        if kind is NoteKind.WIN:
            body, tags = "Win: " + self._fill(self.rng.choice(text.WINS)) + ".", ("quick-win",)
        else:
            body, tags = self._fill(self.rng.choice(text.OBSERVATIONS)), ("culture",)
        return Note(on=day, text=body, kind=kind, tags=tags, id=number)

    def _follow_up(self, member: _Member, day: dt.date) -> FollowUp:
        artifact = self._fill(self.rng.choice(text.ARTIFACTS), member)
        wording = self._fill(self.rng.choice(text.FOLLOW_UPS), member, artifact=artifact)
        due = day + dt.timedelta(days=self.rng.randint(2, 21))
        age = (self.today - due).days
        done_chance = 0.94 if age > 10 else 0.5 if age > 0 else 0.1
        return FollowUp(wording, due, self.rng.random() < done_chance)

    # --- exit plan and the whole ----------------------------------------------

    def _exit_plan(self) -> ExitPlan:
        template = resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE)
        steps = load_template(template.read_text("utf-8"))
        # started when the blocking began: the early steps done, the later ones not yet
        span = max(1, (self.block_ends - self.block_begins).days)
        items = []
        for position, step in enumerate(steps):
            third = 3 * position // len(steps)
            done = third == 0 or (third == 1 and self.rng.random() < 0.5)
            due = None
            if self.rng.random() < 0.7:
                due = self.block_begins + dt.timedelta(days=(position + 1) * span // len(steps))
            items.append(ExitItem(step, done, due, position))
        return ExitPlan(ExitStatus.PAUSED, tuple(items))

    def document(self) -> dict[str, Any]:
        audits = self._audits()
        notes = self._notes()
        resilience = checkins(self.rng, self.start, self.today, self.hard_stretch)
        people = [m.person for m in self.members]
        program = add_program(people, notes, self.today, self.start, self.seed)
        return dump(
            people=program.people,
            audits=audits,
            notes=program.notes,
            resilience=resilience,
            exit_plan=self._exit_plan(),
            thresholds=Thresholds(),
            settings={"my_emails": [demo_email("You", ORGANISATION)]},
            exported_at=dt.datetime.combine(self.today, dt.time(18, 0), tzinfo=dt.UTC),
            program=program.program,
            proof_points=program.proof_points,
        )


def _affinity(a: CastMember, b: CastMember) -> float:
    """The chance per quarter that two people who do not know each other yet meet."""
    if a.organisation != b.organisation:
        return 0.01
    chance = 0.01
    chance += 0.30 if a.team == b.team else 0.0
    chance += 0.12 if a.function == b.function else 0.0
    chance += 0.08 if a.unit == b.unit else 0.0
    chance += 0.06 if a.location == b.location else 0.0
    return chance


def demo_email(name: str, organisation: str) -> str:
    """An invented work address: ``first.last@organisation.example`` (a reserved domain)."""
    local = ".".join(_ascii_word(part) for part in name.split())
    domain = "".join(_ascii_word(part) for part in organisation.split())
    return f"{local}@{domain}.example"


def _ascii_word(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum()) or "x"
