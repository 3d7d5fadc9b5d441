"""The power audit's alarm codes and ``Alarm`` record, the method note and the guidance
shown beside the audit form's fields.

The rules that decide *when* an alarm fires live in :mod:`cxjournal.domain.power_audit`;
each alarm's title, chart marker and message are in :mod:`cxjournal.domain.wording`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
