"""Short labels the power-audit screens share: alarm titles, field and dimension names.

The long guidance and the alarm messages come from the domain
(``FIELD_GUIDANCE``, ``METHOD_NOTE``, ``Alarm.message``); these are only the
few words a column header, a list cell or a tooltip needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

ALARM_TITLES: dict[str, str] = {
    "limited_reach": "Narrow reach",
    "closed_network": "Closed network",
    "power_imbalance": "Power imbalance",
    "high_vulnerability": "High vulnerability",
    "transactional_network": "Transactional network",
    "blocking_superior": "Blocking superior",
}

#: Rating inputs in form order: (field, short header, accessible description).
CORE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("value", "Value\nto me", "value this person gives you, 1 to 10"),
    ("irreplaceability", "Hard to\nreplace", "how hard they would be to replace, 1 to 10"),
    ("my_value", "My value\nto them", "value you give them, 1 to 10"),
    ("my_irreplaceability", "I'm hard\nto replace", "how hard you would be to replace, 1 to 10"),
)

ASPECT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("career_guidance", "Career", "career guidance, 0 to 10, optional"),
    ("emotional_support", "Support", "emotional support, 0 to 10, optional"),
    ("daily_assistance", "Daily\nhelp", "daily assistance, 0 to 10, optional"),
    ("information_sharing", "Info", "information sharing, 0 to 10, optional"),
    ("resource_access", "Re-\nsources", "access to resources, 0 to 10, optional"),
)

DIMENSION_LABELS: dict[str, str] = {
    "team": "Team",
    "function": "Function",
    "product_unit": "Product unit",
    "location": "Location",
}

RELATIONSHIP_LABELS: dict[str, str] = {
    "superior": "Superior",
    "peer": "Peer",
    "report": "Reports to me",
    "external": "External",
    "other": "Other",
}


def alarm_title(code: str) -> str:
    return ALARM_TITLES.get(code, code.replace("_", " ").capitalize())


def alarm_titles(codes: Iterable[str]) -> list[str]:
    """Titles of ``codes`` in order, each once (reach may ring for several dimensions)."""
    return [alarm_title(code) for code in dict.fromkeys(codes)]


def score(number: float) -> str:
    """A dependence or total as shown: one decimal (scores are tenths)."""
    return f"{number:.1f}"


def signed(number: float) -> str:
    """A balance or delta with its sign; zero without one."""
    rounded = round(number, 1)
    return "0.0" if rounded == 0 else f"{rounded:+.1f}"


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def short_date(on: dt.date) -> str:
    """``1 Dec 2025``."""
    return f"{on.day} {on:%b %Y}"


def long_date(on: dt.date) -> str:
    """``1 December 2025``."""
    return f"{on.day} {on:%B %Y}"


#: the title of each field's guidance beside the audit form
FIELD_TITLES: dict[str, str] = {
    "top_ten": "Who to list",
    "value": "Value to you",
    "irreplaceability": "Hard to replace",
    "my_value": "The flip: your value to them",
    "my_irreplaceability": "The flip: how replaceable you are",
    "career_guidance": "Career guidance",
    "emotional_support": "Emotional support",
    "daily_assistance": "Daily assistance",
    "information_sharing": "Information sharing",
    "resource_access": "Access to resources",
    "grouping": "Team, function, product unit, location",
    "ties": "Who knows whom",
    "blocking_superior": "A superior blocking you",
}
