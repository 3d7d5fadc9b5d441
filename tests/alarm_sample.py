"""An audit on which every alarm bell rings, for the tests of the alarms' words."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.model import Audit, Person, Rating


def every_alarm_audit() -> Audit:
    """Four people in one team who all know each other, all transactional and leaning on
    you, with a blocking superior: every alarm rings."""
    people = [Person(name=n, id=i, team="Ops") for i, n in enumerate(("Ana", "Ben", "Cy", "Di"))]
    ratings = tuple(Rating(p, 3 if i < 2 else 2, 1, 1, 1) for i, p in enumerate(people))
    ties = tuple((i, j) for i in range(4) for j in range(i + 1, 4))
    return Audit(
        dt.date(2026, 3, 2),
        ratings,
        blocking_superior=True,
        blocking_superior_person=people[0],
        ties=ties,
        ties_recorded=True,
    )
