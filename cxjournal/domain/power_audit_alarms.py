"""The power audit's words: alarm codes, the ``Alarm`` record and its messages,
the method note and the guidance shown beside the audit form's fields.

The rules that decide *when* an alarm fires live in :mod:`cxjournal.domain.power_audit`
(which re-exports everything public here); this module only says things to the user:
plain language that names the people or group involved and gives one concrete next step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from cxjournal.domain.model import Person

METHOD_NOTE = (
    "This power audit is inspired by the one Maxim Sytch described in Harvard Business "
    "Review (2019): list the people you depend on most to get your work done, judge how "
    "much you need each of them, then look at the same tie from their side. Splitting "
    "dependence into value and irreplaceability, the formulas and the alarm thresholds "
    "are cxjournal's own design, not his."
)

#: Guidance shown beside each input of the audit form, keyed by field name.
FIELD_GUIDANCE: dict[str, str] = {
    "top_ten": (
        "List the people you most depend on to get your work done, up to ten. Think of who "
        "you would call when a customer issue needs another team to move, not only of who "
        "ranks highest."
    ),
    "value": (
        "How much does this person give you: decisions, resources, information, cover? "
        "1 is very little, 10 is work you could not do without them."
    ),
    "irreplaceability": (
        "If they left tomorrow, how hard would it be to get the same from someone else? "
        "1 means many could step in, 10 means nobody could."
    ),
    "my_value": (
        "Now look from their side: how much do you give them? Count customer insight, "
        "help with their goals and problems you take off their plate."
    ),
    "my_irreplaceability": (
        "How hard would it be for them to find someone else who gives them what you do? "
        "Be honest; a low score here is something to work on, not a verdict."
    ),
    "career_guidance": (
        "Advice on your path, sponsorship, a word for you where decisions are made. "
        "0 means none; leave it empty if you are not sure."
    ),
    "emotional_support": (
        "Someone you can be candid with on a hard day, who steadies you. "
        "0 means none; leave it empty if you are not sure."
    ),
    "daily_assistance": (
        "Practical help to get today's work done: answers, hands, quick favours. "
        "0 means none; leave it empty if you are not sure."
    ),
    "information_sharing": (
        "What they tell you early: plans, numbers, what is said in rooms you are not in. "
        "0 means none; leave it empty if you are not sure."
    ),
    "resource_access": (
        "Budget, people, data or tools they can open up for you. "
        "0 means none; leave it empty if you are not sure."
    ),
    "grouping": (
        "Team, function, product unit and location show how wide your reach is. Fill in "
        "what you know; spelling and capitals do not matter for the comparison."
    ),
    "ties": (
        "Who of these people know each other well enough to work together without you? "
        "Where they all do, you hear the same things ten times; where they don't, you are "
        "the bridge, and an introduction can widen your reach."
    ),
    "blocking_superior": (
        "Tick this only when a superior actively works against you, not when you merely "
        "disagree. It starts your exit plan checklist, so that you have options."
    ),
}


class AlarmCode(StrEnum):
    """Stable alarm codes, in the order alarms are reported."""

    LIMITED_REACH = "limited_reach"
    CLOSED_NETWORK = "closed_network"
    POWER_IMBALANCE = "power_imbalance"
    HIGH_VULNERABILITY = "high_vulnerability"
    TRANSACTIONAL_NETWORK = "transactional_network"
    BLOCKING_SUPERIOR = "blocking_superior"


#: A fact an alarm carries: a dimension or value name, a share or ratio, a count,
#: one person (or none) or several people.
FactValue = str | int | float | Person | tuple[Person, ...] | None


@dataclass(frozen=True)
class Alarm:
    """One alarm bell: its code, a short message and the facts that fired it.

    ``facts`` holds exactly the spec's facts for the code, unrounded:

    - ``limited_reach``: ``dimension`` (str), ``value`` (str), ``share`` (float)
    - ``closed_network``: ``density`` (float), ``clusters`` (int, how many)
    - ``power_imbalance``: ``ratio`` (float), ``people`` (tuple of Person)
    - ``high_vulnerability``: ``share`` (float), ``people`` (tuple of Person)
    - ``transactional_network``: ``count`` (int)
    - ``blocking_superior``: ``person`` (Person or None)
    """

    code: AlarmCode
    message: str
    facts: dict[str, FactValue] = field(default_factory=dict)


#: How each reach dimension reads in a sentence: (one, several).
DIMENSION_WORDS: dict[str, tuple[str, str]] = {
    "team": ("team", "teams"),
    "function": ("function", "functions"),
    "product_unit": ("product unit", "product units"),
    "location": ("location", "locations"),
}


def round_half_up(number: float, places: int = 2) -> float:
    """``number`` rounded to ``places`` decimals, halves away from zero.

    Rounds the shortest decimal form of the float (``repr``), so 0.665 gives 0.67
    and -3.5999999999999996 gives -3.6, as a person reading the figures expects.
    """
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(share: float) -> str:
    """A share (0..1) as a whole percentage: 0.835 -> ``"84%"``."""
    return f"{round_half_up(share * 100, 0):.0f}%"


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
    if people:
        return (
            f"{opening} Find ways to help {join_names(people)} beyond your role, "
            "for example with customer insight they can use in their own work."
        )
    return (
        f"{opening} Find ways to help the people you rely on most beyond your role, "
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
