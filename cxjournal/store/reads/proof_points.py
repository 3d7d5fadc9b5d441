"""The proof points with their plans and shares, on any DB-API connection: the Proof
points page's first screen reads them on the GUI thread without SQLAlchemy, and the
program's store functions (exports, imports, writes) read them the same way on their
session's connection."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from cxjournal.domain.model import PLAN_KINDS, Person, PlanKind, ProofPoint, ProofShare
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import day, person, person_columns


def people_shown(conn: Connection) -> dict[int, Person]:
    """The people a proof point was shown to, archived too, by id: what the proof points'
    shares name, however many people the journal has."""
    rows = conn.execute(
        f"SELECT {person_columns('p')} FROM people AS p "
        "WHERE p.id IN (SELECT person_id FROM proof_shares)"
    ).fetchall()
    return {row[0]: person(row) for row in rows}


def every(conn: Connection, people: Mapping[int, Person]) -> list[ProofPoint]:
    """Every proof point, oldest first (then by id), with its plans and shares (naming
    ``people``, by id)."""
    plans: dict[int, list[PlanKind]] = defaultdict(list)
    for point_id, kind in conn.execute("SELECT proof_point_id, plan_kind FROM proof_point_plans"):
        plans[point_id].append(PlanKind(kind))
    shares: dict[int, list[ProofShare]] = defaultdict(list)
    for point_id, person_id, on in conn.execute(
        "SELECT proof_point_id, person_id, on_date FROM proof_shares ORDER BY on_date, id"
    ):
        shares[point_id].append(ProofShare(people[person_id], day(on)))
    rows = conn.execute(
        "SELECT id, on_date, title, metric, baseline, result, unit, value, currency, story "
        "FROM proof_points ORDER BY on_date, id"
    )
    return [
        ProofPoint(
            id=point_id,
            on=day(on),
            title=title,
            metric=metric,
            baseline=baseline,
            result=result,
            unit=unit,
            value=value,
            currency=currency,
            story=story,
            plans=tuple(kind for kind in PLAN_KINDS if kind in plans.get(point_id, ())),
            shared=tuple(shares.get(point_id, ())),
        )
        for point_id, on, title, metric, baseline, result, unit, value, currency, story in rows
    ]
