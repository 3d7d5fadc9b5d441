"""More colleagues for a bigger demo journal: ``cxjournal demo --people N``.

The story's own cast (:data:`~cxjournal.exchange.demo_cast.CAST`) stays as it
is; :func:`crowd` invents the colleagues beyond it, people the journal's owner
works with now and then (low weights, so the top ten stays the story's). Each
one sits in a team of the cast, so the notes about them read like the others.
Deterministic for a seed, and drawn on its own generator so the rest of the
story does not change with the number of people.
"""

from __future__ import annotations

import random

from cxjournal.domain.model import Attitude, Relationship
from cxjournal.exchange.demo_cast import CAST, CastMember

__all__ = ["crowd"]

_FIRST = (
    "Aisha", "Ben", "Carmen", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Kira", "Luca", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
    "Umar", "Vera", "Wes", "Xenia", "Yusuf", "Zoe", "Amir", "Bianca", "Callum", "Dana",
)  # fmt: skip
_LAST = (
    "Abbott", "Baker", "Castro", "Dalton", "Ekwueme", "Fischer", "Gupta", "Hughes", "Ivanova",
    "Jaramillo", "Kowalski", "Lambert", "Moreau", "Novak", "Okafor", "Petrov", "Quigley",
    "Rossi", "Santos", "Tanaka", "Usman", "Vance", "Walsh", "Yilmaz", "Zhou", "Brennan",
    "Costa", "Doyle", "Egan", "Falk",
)  # fmt: skip
_ROLES = ("Manager", "Lead", "Analyst", "Specialist", "Senior Manager", "Coordinator")
_TEAMS = tuple(
    dict.fromkeys(
        (c.team, c.function, c.unit, c.location, c.profile)
        for c in CAST
        if c.organisation == CAST[0].organisation and c.profile in ("peer", "expert", "report")
    )
)
_STANCES = (Attitude.CHAMPION, Attitude.SUPPORTER, Attitude.NEUTRAL, Attitude.SKEPTIC)


def crowd(count: int, seed: int) -> tuple[CastMember, ...]:
    """``count`` invented colleagues beyond the story's cast (distinct names, none of the cast's).

    Raises ValueError when ``count`` is negative or more names are asked than exist.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    taken = {member.name for member in CAST}
    names = [f"{first} {last}" for last in _LAST for first in _FIRST]
    names = [name for name in names if name not in taken]
    if count > len(names):
        raise ValueError(f"at most {len(names)} extra people can be invented")
    rng = random.Random(f"crowd-{seed}")
    rng.shuffle(names)
    members: list[CastMember] = []
    for name in names[:count]:
        team, function, unit, location, profile = rng.choice(_TEAMS)
        start = rng.choice(_STANCES)
        arc: tuple[tuple[float, Attitude], ...] = ((0, start),)
        if rng.random() < 0.4:
            arc += ((round(rng.uniform(0.2, 0.9), 2), rng.choice(_STANCES)),)
        joins = round(rng.uniform(0.0, 0.7), 2) if rng.random() < 0.5 else 0.0
        leaves = min(1.0, round(joins + rng.uniform(0.3, 0.6), 2)) if rng.random() < 0.15 else 2.0
        members.append(
            CastMember(
                name,
                f"{team} {rng.choice(_ROLES)}",
                Relationship.REPORT if profile == "report" else Relationship.PEER,
                team,
                function,
                unit,
                location,
                round(rng.uniform(0.8, 3.0), 2),
                (rng.randint(3, 7), rng.randint(3, 7), rng.randint(3, 7), rng.randint(3, 7)),
                profile,
                arc,
                joins=joins,
                leaves=leaves,
                cadence_days=rng.choice((None, None, 30, 60, 90)),
            )
        )
    return tuple(members)
