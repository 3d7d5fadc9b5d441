"""The demo journal's daily check-ins: energy, stress, mood and sleep over the years.

Most days have a check-in; stress drifts from day to day, rises in the budget and
renewal seasons and through the story's hard stretch, and eases at weekends;
energy and mood follow it, with the drains and restorers such days bring and now
and then a line of note. Part of :mod:`cxjournal.exchange.demo`'s story, drawn
from its random generator.
"""

from __future__ import annotations

import datetime as dt
import random

from cxjournal.domain.model import ResilienceEntry
from cxjournal.exchange import demo_text as text

_DAY = dt.timedelta(days=1)


def checkins(
    rng: random.Random,
    start: dt.date,
    today: dt.date,
    hard_stretch: tuple[dt.date, dt.date],
) -> list[ResilienceEntry]:
    """A check-in on most days from ``start`` to ``today``, harder within ``hard_stretch``."""
    entries: list[ResilienceEntry] = []
    drift = 0.0
    day = start
    while day <= today:
        drift = 0.7 * drift + rng.gauss(0, 0.7)
        if rng.random() < 0.15:
            day += _DAY
            continue
        hard = hard_stretch[0] <= day < hard_stretch[1]
        weekend = day.weekday() >= 5
        pressure = 4.2 + drift + (3.2 if hard else 0) - (1.2 if weekend else 0)
        pressure += 0.8 if day.month in (1, 11) else 0  # budget and renewal seasons
        stress = _checkin(pressure + rng.gauss(0, 0.6))
        energy = _checkin(7.4 - 0.6 * (stress - 4) + rng.gauss(0, 0.9))
        mood = _checkin(0.55 * energy + 0.35 * (10 - stress) + 1.0 + rng.gauss(0, 0.8))
        sleep = None
        if rng.random() > 0.05:
            sleep = round((7.4 - 0.3 * (stress - 4) + rng.gauss(0, 0.6)) * 4) / 4
            sleep = max(3.0, min(10.0, sleep))
        pool = text.HARD_TIME_DRAINS if hard else text.DRAINS
        drains = rng.sample(pool, k=min(len(pool), max(0, stress - 3 - rng.randint(0, 3)) // 2))
        restorers = rng.sample(text.RESTORERS, k=rng.choice((0, 1, 1, 2)) if energy > 4 else 1)
        note = ""
        if rng.random() < 0.12:
            band = "low" if mood <= 4 else "high" if mood >= 7 else "mid"
            note = rng.choice(text.CHECKIN_NOTES[band])
        entries.append(
            ResilienceEntry(day, energy, stress, mood, sleep, tuple(drains), tuple(restorers), note)
        )
        day += _DAY
    return entries


def _checkin(value: float) -> int:
    return max(1, min(10, round(value)))
