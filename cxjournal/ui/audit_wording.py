"""Short labels the power-audit screens share: the rating fields' column headers, the
relationship names and how a score is written.

Alarm titles, percentages, dates, dimension and measure labels are the app's and the
exports' alike, in :mod:`cxjournal.domain.wording`; the long guidance comes from the
domain too (``FIELD_GUIDANCE``, ``METHOD_NOTE``, ``Alarm.message``).
"""

from __future__ import annotations


def two_lines(label: str) -> str:
    """A label for a narrow column header, broken at the space nearest its middle:
    ``"You rely on them"`` -> ``"You rely\non them"``."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(len(label) - 2 * i))
    return f"{label[:cut]}\n{label[cut + 1 :]}"


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

RELATIONSHIP_LABELS: dict[str, str] = {
    "superior": "Superior",
    "peer": "Peer",
    "report": "Reports to me",
    "external": "External",
    "other": "Other",
}


def score(number: float) -> str:
    """A dependence or total as shown: one decimal (scores are tenths)."""
    return f"{number:.1f}"


def signed(number: float) -> str:
    """A balance or delta with its sign; zero without one."""
    rounded = round(number, 1)
    return "0.0" if rounded == 0 else f"{rounded:+.1f}"


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
