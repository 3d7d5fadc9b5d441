"""The power audit's analysis as the spec's "Analysis JSON" shape.

What ``cxjournal audit show --json`` prints and the JSON snapshot holds: the
figures of :func:`~cxjournal.domain.power_audit.analyse`, rounded to two
decimals (the network's to three), with each person as ``{"id", "name"}``.
"""

from __future__ import annotations

from typing import Any

from cxjournal.domain.model import Person
from cxjournal.domain.network import network_json
from cxjournal.domain.power_audit import Analysis
from cxjournal.domain.power_audit_alarms import Alarm, FactValue
from cxjournal.domain.wording import round_half_up


def person_json(person: Person | None) -> dict[str, Any] | None:
    """``{"id": "12", "name": "Ana Silva"}``; id null for an unsaved person."""
    if person is None:
        return None
    return {"id": str(person.id) if person.id is not None else None, "name": person.name}


def _fact_json(value: FactValue) -> Any:
    if isinstance(value, Person):
        return person_json(value)
    if isinstance(value, tuple):
        return [person_json(p) for p in value]
    if isinstance(value, float):
        return round_half_up(value)
    return value


def _alarm_json(alarm: Alarm) -> dict[str, Any]:
    out: dict[str, Any] = {"code": alarm.code.value}
    for key, value in alarm.facts.items():
        out[key] = _fact_json(value)
    out["message"] = alarm.message
    return out


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The spec's "Analysis JSON" shape, figures rounded to two decimals."""
    audit = analysis.audit
    totals = analysis.totals
    return {
        "audit": {
            "id": str(audit.id) if audit.id is not None else None,
            "taken_on": audit.taken_on.isoformat(),
            "blocking_superior": audit.blocking_superior,
            "blocking_superior_person": person_json(audit.blocking_superior_person),
        },
        "thresholds": analysis.thresholds.as_dict(),
        "contacts": [
            {
                "person": person_json(c.rating.person),
                "value": c.rating.value,
                "irreplaceability": c.rating.irreplaceability,
                "my_value": c.rating.my_value,
                "my_irreplaceability": c.rating.my_irreplaceability,
                "aspects": c.rating.aspects.as_dict(),
                "dependence_on_them": round_half_up(c.dependence_on_them),
                "their_dependence_on_me": round_half_up(c.their_dependence_on_me),
                "balance": round_half_up(c.balance),
                "kind": c.kind.value,
            }
            for c in analysis.contacts
        ],
        "totals": None
        if totals is None
        else {
            "count": totals.count,
            "reliance": round_half_up(totals.reliance),
            "influence": round_half_up(totals.influence),
            "net_balance": round_half_up(totals.net_balance),
            "influence_ratio": round_half_up(totals.influence_ratio),
            "top2_share": round_half_up(totals.top2_share),
        },
        "reach": {
            dim: {
                "filled": fig.filled,
                "distinct": fig.distinct,
                "dominant": fig.dominant,
                "dominant_share": None
                if fig.dominant_share is None
                else round_half_up(fig.dominant_share),
            }
            for dim, fig in analysis.reach.items()
        },
        "alarms": [_alarm_json(a) for a in analysis.alarms],
        "network": network_json(audit, analysis.network),
    }
