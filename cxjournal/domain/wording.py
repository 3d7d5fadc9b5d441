"""The words and numbers the user reads, in one place for the app, the exports and the CLI.

- **Alarm bells**: each code's title (one spelling everywhere), its short legend name,
  its marker on the trends chart and the message that names who is involved and the next
  step (:data:`ALARMS`, :func:`alarm_title`, and the ``*_message`` writers the rules call).
- **Numbers**: halves round up, away from zero (:func:`round_half_up`), so a share of
  66.5% reads ``67%`` in every window, report and terminal (:func:`percent`).
- **Dates**: one long form (``3 November 2026``) and one short form (``3 Nov 2026``),
  day first, with English month and day names like the rest of the app's words, whatever
  the system's locale (:func:`long_date`, :func:`short_date`).
- **Labels**: the reach dimensions, the rating aspects, the audit's measures (each with a
  sentence explaining it) and the alarm thresholds, so no setting key reaches the user.

Plain strings only: no Qt, no markup; the screens escape what they show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cxjournal.domain.model import Person
from cxjournal.domain.power_audit_alarms import AlarmCode, FactValue

# --- numbers ------------------------------------------------------------------------------


def round_half_up(number: float, places: int = 2) -> float:
    """``number`` rounded to ``places`` decimals, halves away from zero.

    Rounds the shortest decimal form of the float (``repr``), so 0.665 gives 0.67
    and -3.5999999999999996 gives -3.6, as a person reading the figures expects.
    """
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(share: float) -> str:
    """A share (0..1) as a whole percentage, halves up: 0.835 -> ``"84%"``, 0.665 -> ``"67%"``."""
    return f"{round_half_up(share * 100, 0):.0f}%"


# --- dates --------------------------------------------------------------------------------

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: dt.date, *, weekday: bool = False) -> str:
    """``3 November 2026``; ``Tuesday 3 November 2026`` with the weekday."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def short_date(day: dt.date, *, weekday: bool = False, today: dt.date | None = None) -> str:
    """``3 Nov 2026``; ``Tue 3 Nov 2026`` with the weekday; the year is left out when
    ``today`` is given and falls in the same year (``Tue 3 Nov``)."""
    text = f"{day.day} {MONTHS[day.month - 1][:3]}"
    if today is None or today.year != day.year:
        text = f"{text} {day.year}"
    return f"{WEEKDAYS[day.weekday()][:3]} {text}" if weekday else text


# --- labels -------------------------------------------------------------------------------

#: The reach dimensions as a label or column header.
DIMENSION_LABELS: dict[str, str] = {
    "team": "Team",
    "function": "Function",
    "product_unit": "Product unit",
    "location": "Location",
}

#: How each reach dimension reads in a sentence: (one, several).
DIMENSION_WORDS: dict[str, tuple[str, str]] = {
    "team": ("team", "teams"),
    "function": ("function", "functions"),
    "product_unit": ("product unit", "product units"),
    "location": ("location", "locations"),
}

#: The optional aspects of a rating, in form order.
ASPECT_LABELS: dict[str, str] = {
    "career_guidance": "Career guidance",
    "emotional_support": "Emotional support",
    "daily_assistance": "Daily assistance",
    "information_sharing": "Information sharing",
    "resource_access": "Resource access",
}


@dataclass(frozen=True, slots=True)
class Measure:
    label: str
    #: one sentence saying what the figure measures (tooltips, report legends)
    explains: str


#: The audit's measures, per person and in total, keyed as in the analysis.
MEASURES: dict[str, Measure] = {
    "count": Measure("People rated", "How many people this audit rates."),
    "dependence_on_them": Measure(
        "You rely on them",
        "How much you depend on this person: their value to you × how hard they are to "
        "replace ÷ 10.",
    ),
    "their_dependence_on_me": Measure(
        "They rely on you",
        "How much this person depends on you: your value to them × how hard you are to "
        "replace ÷ 10.",
    ),
    "balance": Measure(
        "Balance",
        "They rely on you minus you rely on them: below zero, you need them more than "
        "they need you.",
    ),
    "kind": Measure("Kind", "The shape of the relationship, from the two dependences."),
    "reliance": Measure(
        "You rely on them", "The sum of how much you depend on each person you rate."
    ),
    "influence": Measure(
        "They rely on you", "The sum of how much each person you rate depends on you."
    ),
    "net_balance": Measure("Net balance", "They rely on you minus you rely on them, in total."),
    "influence_ratio": Measure(
        "Influence ratio",
        "They rely on you divided by you rely on them: 1.0 is an even give-and-take.",
    ),
    "top2_share": Measure(
        "Share on your top two",
        "How much of what you rely on rests on the two people you rely on most.",
    ),
}


def measure(key: str) -> str:
    return MEASURES[key].label


@dataclass(frozen=True, slots=True)
class ThresholdWords:
    label: str
    explains: str


#: Each alarm threshold (:class:`~cxjournal.domain.thresholds.Thresholds` field) in words.
THRESHOLDS: dict[str, ThresholdWords] = {
    "reach_share": ThresholdWords(
        "Narrow reach: share",
        "Narrow reach rings when at least this share of the people you rate sit in one "
        "team, function, product unit or location.",
    ),
    "reach_min_filled": ThresholdWords(
        "Narrow reach: minimum people",
        "…and at least this many people have that field filled in.",
    ),
    "imbalance_ratio": ThresholdWords(
        "Power imbalance below",
        "Power imbalance rings when what others depend on you, divided by what you depend "
        "on them, is below this ratio (1.0 is an even give-and-take).",
    ),
    "vulnerability_share": ThresholdWords(
        "High vulnerability above",
        "High vulnerability rings when the two people you depend on most hold more than "
        "this share of your total dependence.",
    ),
    "lean_gap": ThresholdWords(
        "One-sided from a gap of",
        "A relationship is one-sided (you rely on them, or they rely on you, more) when the "
        "two dependences differ by at least this much (on the 0-10 scale).",
    ),
    "deep_min": ThresholdWords(
        "Deep from", "A relationship is deep when both dependences are at least this high."
    ),
    "transactional_max": ThresholdWords(
        "Transactional up to",
        "A relationship is transactional when both dependences are at most this high.",
    ),
    "transactional_min_count": ThresholdWords(
        "Transactional network: minimum people",
        "Transactional network rings when every relationship is transactional and the "
        "audit rates at least this many people.",
    ),
    "closed_min_count": ThresholdWords(
        "Closed network: minimum people",
        "Closed network rings when the audit rates at least this many people…",
    ),
    "closed_density": ThresholdWords(
        "Closed network: density from",
        "…and at least this share of the pairs among them already know each other.",
    ),
    "touch_days": ThresholdWords(
        "Program: plan owner out of touch after (days)",
        "A plan owner with no update cadence is out of touch when you have had no contact "
        "with them for this many days.",
    ),
    "gap_warn_days": ThresholdWords(
        "Program: attitude gap warning (days ahead)",
        "An attitude gap is raised this many days before the date you want to have moved "
        "the person by.",
    ),
    "format_streak": ThresholdWords(
        "Program: format not working after (updates)",
        "Format not working is raised when this many updates with a goal, all in the same "
        "format, achieved nothing and the person's attitude did not move.",
    ),
}


def thresholds_sentence(values: Mapping[str, float | int]) -> str:
    """``Narrow reach: share 0.8, …`` for a report's footnote (labels, never keys)."""
    return ", ".join(
        f"{THRESHOLDS[key].label if key in THRESHOLDS else key} {value:g}"
        for key, value in values.items()
    )


# --- alarm messages -----------------------------------------------------------------------


def join_names(people: Sequence[Person]) -> str:
    """``"Ana"``, ``"Ana and Ben"``, ``"Ana, Ben and Chen"``."""
    names = [p.name for p in people]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def limited_reach_message(dimension: str, value: str, share: float) -> str:
    one, several = DIMENSION_WORDS.get(dimension, (dimension, dimension))
    return (
        f"{percent(share)} of the people you rely on share one {one}: {value}. "
        f"Meet people in other {several} so your influence does not hang on a single "
        "corner of the organisation."
    )


def closed_network_message(density: float, clusters: int) -> str:
    groups = "one circle" if clusters == 1 else f"{clusters} circles"
    return (
        f"{percent(density)} of the pairs among the people you rely on already know each "
        f"other ({groups}): they hear the same things and add little reach through you. "
        "Build ties outside this circle: ask each of them for one person in another part "
        "of the organisation you should meet."
    )


def power_imbalance_message(ratio: float, people: Sequence[Person]) -> str:
    opening = f"Others depend on you at only {percent(ratio)} of the level you depend on them."
    whom = join_names(people) if people else "the people you rely on most"
    return (
        f"{opening} Find ways to help {whom} beyond your role, "
        "for example with customer insight they can use in their own work."
    )


def high_vulnerability_message(share: float, people: Sequence[Person]) -> str:
    single = len(people) == 1
    holders = f"{people[0].name} alone holds" if single else f"{join_names(people)} hold"
    return (
        f"{holders} {percent(share)} of what you depend on. Build a second relationship "
        "wherever they are today your only source, so one departure cannot stall your work."
    )


def transactional_network_message(count: int) -> str:
    return (
        f"All {count} relationships in this audit are transactional. Choose two or three "
        "of them and invest in going deeper: regular time together, help with their "
        "priorities, an honest conversation about what each of you needs."
    )


def blocking_superior_message(person: Person | None) -> str:
    who = person.name if person is not None else "a superior"
    return (
        f"You noted that {who} actively blocks you. Your exit plan checklist is now active: "
        "start on its first step this week, so that you have options whatever happens next."
    )


def _people(value: FactValue) -> tuple[Person, ...]:
    return value if isinstance(value, tuple) else ()


def _number(value: FactValue) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


@dataclass(frozen=True, slots=True)
class AlarmWords:
    #: the alarm's name wherever it is shown: app, snapshots, CLI
    title: str
    #: the marker of its row on the trends chart's alarm strip (a pyqtgraph symbol name)
    symbol: str
    #: the message, written from the alarm's facts (``Alarm.facts``)
    message: Callable[[Mapping[str, FactValue]], str]
    #: a shorter name for a narrow chart legend
    legend: str = ""


#: Every alarm code's words, in the order alarms are reported.
ALARMS: dict[AlarmCode, AlarmWords] = {
    AlarmCode.LIMITED_REACH: AlarmWords(
        "Narrow reach",
        "d",
        lambda f: limited_reach_message(
            str(f.get("dimension")), str(f.get("value")), _number(f.get("share"))
        ),
    ),
    AlarmCode.CLOSED_NETWORK: AlarmWords(
        "Closed network",
        "+",
        lambda f: closed_network_message(
            _number(f.get("density")), int(_number(f.get("clusters")))
        ),
    ),
    AlarmCode.POWER_IMBALANCE: AlarmWords(
        "Power imbalance",
        "t1",
        lambda f: power_imbalance_message(_number(f.get("ratio")), _people(f.get("people"))),
    ),
    AlarmCode.HIGH_VULNERABILITY: AlarmWords(
        "High vulnerability",
        "s",
        lambda f: high_vulnerability_message(_number(f.get("share")), _people(f.get("people"))),
    ),
    AlarmCode.TRANSACTIONAL_NETWORK: AlarmWords(
        "Transactional network",
        "h",
        lambda f: transactional_network_message(int(_number(f.get("count")))),
        legend="Transactional",
    ),
    AlarmCode.BLOCKING_SUPERIOR: AlarmWords(
        "Blocking superior",
        "star",
        lambda f: blocking_superior_message(
            p if isinstance(p := f.get("person"), Person) else None
        ),
    ),
}


def alarm_title(code: str) -> str:
    """The title of an alarm code (a code this version does not know reads as words)."""
    try:
        return ALARMS[AlarmCode(code)].title
    except ValueError:
        return code.replace("_", " ").capitalize()


def alarm_titles(codes: Sequence[str]) -> list[str]:
    """Titles of ``codes`` in order, each once (reach may ring for several dimensions)."""
    return [alarm_title(code) for code in dict.fromkeys(codes)]


def alarm_message(code: AlarmCode, facts: Mapping[str, FactValue]) -> str:
    return ALARMS[code].message(facts)
