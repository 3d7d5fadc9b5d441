"""Journal rows read with SQL text into domain objects: people and check-ins.

The reads of :mod:`cxjournal.store.reads` go through a plain DB-API connection,
without SQLAlchemy; these helpers turn its rows into the same domain objects the
store's mapping gives.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from cxjournal.domain.model import (
    Attitude,
    Person,
    PreferredFormat,
    Relationship,
    ResilienceEntry,
)

PERSON_COLUMNS = (
    "id, name, relationship, preferred_format, role, organisation, internal, team, "
    "function, product_unit, location, key_stakeholder, cx_board, cadence_days, "
    "information_needs, motivations, archived, desired_attitude, desired_by, move_plan, "
    "power, interest"
)
#: A person's addresses in order, as a JSON list, read with the person's row.
_EMAILS = (
    "(SELECT json_group_array(email) FROM (SELECT email FROM person_emails "
    "WHERE person_id = {alias}.id ORDER BY position, id))"
)


def day(value: Any) -> dt.date:
    """A date stored as ISO text (SQLite keeps dates as "YYYY-MM-DD")."""
    return dt.date.fromisoformat(str(value)[:10])


def person(values: Sequence[Any]) -> Person:
    """A person from the columns of :data:`PERSON_COLUMNS`, in that order."""
    (
        person_id,
        name,
        relationship,
        preferred_format,
        role,
        organisation,
        internal,
        team,
        function,
        product_unit,
        location,
        key_stakeholder,
        cx_board,
        cadence_days,
        information_needs,
        motivations,
        archived,
        desired_attitude,
        desired_by,
        move_plan,
        power,
        interest,
        emails,
    ) = values
    return Person(
        id=person_id,
        name=name,
        relationship=Relationship(relationship),
        preferred_format=PreferredFormat(preferred_format) if preferred_format else None,
        role=role or "",
        organisation=organisation or "",
        internal=bool(internal),
        team=team or "",
        function=function or "",
        product_unit=product_unit or "",
        location=location or "",
        key_stakeholder=bool(key_stakeholder),
        cx_board=bool(cx_board),
        cadence_days=cadence_days,
        information_needs=information_needs or "",
        motivations=motivations or "",
        archived=bool(archived),
        desired_attitude=Attitude(desired_attitude) if desired_attitude else None,
        desired_by=day(desired_by) if desired_by else None,
        move_plan=move_plan or "",
        power=power,
        interest=interest,
        emails=tags(emails),
    )


def person_columns(alias: str) -> str:
    """The columns :func:`person` reads, of the people table under ``alias``."""
    plain = ", ".join(f"{alias}.{column.strip()}" for column in PERSON_COLUMNS.split(","))
    return f"{plain}, {_EMAILS.format(alias=alias)}"


PERSON_WIDTH = len(PERSON_COLUMNS.split(",")) + 1


ENTRY_COLUMNS = "id, on_date, energy, stress, mood, sleep_hours, drains, restorers, note, tags"


def entry(row: Sequence[Any]) -> ResilienceEntry:
    entry_id, on, energy, stress, mood, sleep, drains, restorers, note, activity = row
    return ResilienceEntry(
        id=entry_id,
        on=day(on),
        energy=energy,
        stress=stress,
        mood=mood,
        sleep_hours=sleep,
        drains=tags(drains),
        restorers=tags(restorers),
        note=note or "",
        tags=tags(activity),
    )


def tags(stored: str | None) -> tuple[str, ...]:
    if not stored or stored == "[]":
        return ()
    return tuple(str(tag) for tag in json.loads(stored))
