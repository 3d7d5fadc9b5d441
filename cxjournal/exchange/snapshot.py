"""An audit snapshot to share: the content every format renders (PDF, Markdown, CSV, JSON).

A snapshot is one audit's analysis (spec/power-audit.md) with the trend of
influence and reliance up to that audit. With ``hide_names`` (spec/cli.md v2)
the audit is pseudonymised once, before anything is rendered: people become
"Person A", "Person B"... consistently throughout the snapshot, alarm messages
included; team, function, product unit and location values become "Team A",
"Function B", "Unit C", "Location D"; the audit note is left out; roles and
organisations are not shown at all. Every format renders that same data.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal.domain.analysis_json import analysis_to_json
from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import Audit, Person
from cxjournal.domain.network import NetworkFigures, cluster_names, figures_sentences
from cxjournal.domain.power_audit import (
    Alarm,
    Analysis,
    ContactScore,
    ReachFigure,
    Totals,
    analyse,
    group_key,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import percent, round_half_up

if TYPE_CHECKING:
    from cxjournal.journal import Journal

FORMATS: tuple[str, ...] = ("pdf", "md", "csv", "json")

TITLE = "Power audit snapshot"
HIDDEN_NAMES_NOTE = (
    "Names are hidden: people appear as Person A, Person B and so on, teams, functions, "
    "units and locations as Team A, Function A and so on, and the audit's note is left out."
)
WITHHELD_NOTE = "The audit note is left out because names are hidden."
NETWORK_NOT_RECORDED = "Who of these people know each other is not recorded in this audit."


@dataclass(frozen=True, slots=True)
class TrendPoint:
    taken_on: dt.date
    influence: float
    reliance: float
    #: True for the audit of the snapshot
    current: bool = False


@dataclass(frozen=True)
class Snapshot:
    """What a shared audit report shows; names already hidden when ``names_hidden``."""

    analysis: Analysis
    trend: tuple[TrendPoint, ...]
    names_hidden: bool
    made_on: dt.date
    #: the audit note, or "" when it is empty or was left out
    note: str = ""
    #: True when hiding names left a non-empty note out
    note_withheld: bool = False

    @property
    def audit(self) -> Audit:
        return self.analysis.audit

    @property
    def contacts(self) -> tuple[ContactScore, ...]:
        return self.analysis.contacts

    @property
    def totals(self) -> Totals | None:
        return self.analysis.totals

    @property
    def reach(self) -> dict[str, ReachFigure]:
        return self.analysis.reach

    @property
    def alarms(self) -> tuple[Alarm, ...]:
        return self.analysis.alarms

    @property
    def thresholds(self) -> Thresholds:
        return self.analysis.thresholds

    @property
    def network(self) -> NetworkFigures | None:
        return self.analysis.network

    def network_text(self) -> list[str]:
        """The network in plain words, and its groups (names already hidden if asked)."""
        figures = self.network
        if figures is None:
            if len(self.audit.ratings) < 2:
                return []
            return [NETWORK_NOT_RECORDED]
        groups = cluster_names(self.audit, figures)
        return [
            *figures_sentences(figures),
            "Groups: " + "; ".join(", ".join(group) for group in groups) + ".",
        ]

    @property
    def blocker(self) -> Person | None:
        audit = self.audit
        return audit.blocking_superior_person if audit.blocking_superior else None


# --- building ---------------------------------------------------------------------------


def build_snapshot(
    journal: Journal,
    audit_id: int | None = None,
    hide_names: bool = False,
    today: dt.date | None = None,
) -> Snapshot:
    """The snapshot of audit ``audit_id`` (None: the latest). Raises NotFoundError."""
    from cxjournal.journal.trends import TrendOps

    if audit_id is None:
        audit = journal.audits.latest()
        if audit is None:
            raise NotFoundError("the journal has no audit yet: record one first")
    else:
        audit = journal.audits.get(audit_id)
    points = TrendOps(journal).audits()
    trend = [
        (p.taken_on, p.audit_id, p.totals.influence, p.totals.reliance)
        for p in points
        if p.totals is not None
    ]
    return make_snapshot(
        audit,
        journal.settings.thresholds(),
        trend,
        hide_names=hide_names,
        made_on=today or dt.date.today(),
    )


def make_snapshot(
    audit: Audit,
    thresholds: Thresholds,
    history: Sequence[tuple[dt.date, int, float, float]],
    *,
    hide_names: bool = False,
    made_on: dt.date,
) -> Snapshot:
    """A snapshot from plain values.

    ``history`` holds ``(taken_on, audit_id, influence, reliance)`` of audits
    oldest first (same order as the journal: date, then id); the trend keeps
    those up to ``audit`` itself. With ``hide_names`` the audit is
    :func:`pseudonymise`-d once, and every format renders that.
    """
    note, withheld = audit.note.strip(), False
    if hide_names:
        note, withheld = "", bool(note)
        audit = pseudonymise(audit)
    trend = _trend_until(history, audit)
    return Snapshot(
        analysis=analyse(audit, thresholds),
        trend=trend,
        names_hidden=hide_names,
        made_on=made_on,
        note=note,
        note_withheld=withheld,
    )


def _trend_until(
    history: Sequence[tuple[dt.date, int, float, float]], audit: Audit
) -> tuple[TrendPoint, ...]:
    """The history up to ``audit`` in journal order (date, then id)."""
    last = (audit.taken_on, audit.id if audit.id is not None else math.inf)
    return tuple(
        TrendPoint(taken_on, influence, reliance, audit_id == audit.id)
        for taken_on, audit_id, influence, reliance in history
        if (taken_on, audit_id) <= last
    )


# --- hiding names ---------------------------------------------------------------------------

#: how a grouping value is labelled when names are hidden: "Team A", "Unit C"...
GROUP_LABELS: dict[str, str] = {
    "team": "Team",
    "function": "Function",
    "product_unit": "Unit",
    "location": "Location",
}


def letters(index: int) -> str:
    """``0`` -> ``"A"``, ``25`` -> ``"Z"``, ``26`` -> ``"AA"``."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def pseudonym(index: int) -> str:
    """``0`` -> ``"Person A"``, ``25`` -> ``"Person Z"``, ``26`` -> ``"Person AA"``."""
    return f"Person {letters(index)}"


def pseudonymise(audit: Audit) -> Audit:
    """The audit as it may be shared with names hidden: the one place that decides it.

    People become "Person A", "Person B"... in rating order (a blocking superior
    who is not rated comes next); every grouping value becomes a label of its
    dimension ("Team A", "Function B", "Unit A", "Location C"), the same value
    (as reach counts it: :func:`group_key`) the same label within the snapshot, so reach is
    computed exactly as before; the audit note, roles, organisations, ids and
    every other free text are left out. Nothing of the original text remains,
    so e-mail addresses written anywhere go too.
    """
    people: dict[Any, Person] = {}
    labels: dict[str, dict[str, str]] = {dim: {} for dim in GROUP_LABELS}

    def group(dim: str, value: str) -> str:
        key = group_key(value)
        if not key:
            return ""
        seen = labels[dim]
        if key not in seen:
            seen[key] = f"{GROUP_LABELS[dim]} {letters(len(seen))}"
        return seen[key]

    def hidden(person: Person) -> Person:
        key = person.id if person.id is not None else ("new", person.name)
        if key not in people:
            # Keyword names come from GROUP_LABELS, so mypy cannot match them to fields.
            groups: dict[str, Any] = {dim: group(dim, getattr(person, dim)) for dim in GROUP_LABELS}
            people[key] = Person(
                name=pseudonym(len(people)),
                relationship=person.relationship,
                internal=person.internal,
                key_stakeholder=person.key_stakeholder,
                **groups,
            )
        return people[key]

    ratings = tuple(replace(r, person=hidden(r.person), id=None) for r in audit.ratings)
    blocker = audit.blocking_superior_person
    return replace(
        audit,
        ratings=ratings,
        note="",
        blocking_superior_person=hidden(blocker) if blocker is not None else None,
    )


# --- shared by the renderers ------------------------------------------------------------


def figure(value: float | None) -> str:
    """A score as shown in reports: at most two decimals (``5.6``, ``10``), ``-`` for none."""
    if value is None:
        return "-"
    text = f"{round_half_up(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def share(value: float | None) -> str:
    """A share as a whole percentage (halves up), ``-`` for none."""
    return "-" if value is None else percent(value)


def snapshot_json(snapshot: Snapshot) -> dict[str, Any]:
    """The analysis JSON of spec/power-audit.md, plus a ``snapshot`` key with the trend."""
    data = analysis_to_json(snapshot.analysis)
    data["snapshot"] = {
        "names_hidden": snapshot.names_hidden,
        "made_on": snapshot.made_on.isoformat(),
        "note": snapshot.note,
        "note_withheld": snapshot.note_withheld,
        "trend": [
            {
                "taken_on": p.taken_on.isoformat(),
                "influence": round_half_up(p.influence),
                "reliance": round_half_up(p.reliance),
                "current": p.current,
            }
            for p in snapshot.trend
        ],
    }
    return data


# --- writing -------------------------------------------------------------------------------


def render(snapshot: Snapshot, fmt: str) -> bytes:
    """The snapshot in ``fmt`` (one of ``FORMATS``) as the bytes of a file."""
    if fmt == "md":
        from cxjournal.exchange.snapshot_markdown import render_markdown

        return render_markdown(snapshot).encode("utf-8")
    if fmt == "csv":
        from cxjournal.exchange.snapshot_csv import render_csv

        return render_csv(snapshot).encode("utf-8")
    if fmt == "json":
        text = json.dumps(snapshot_json(snapshot), indent=2, ensure_ascii=False) + "\n"
        return text.encode("utf-8")
    if fmt == "pdf":
        from cxjournal.exchange.snapshot_pdf import render_pdf

        return render_pdf(snapshot)
    raise ValueError(f"unknown snapshot format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_snapshot(snapshot: Snapshot, fmt: str, path: Path) -> int:
    """Write the snapshot to ``path`` atomically; returns the size in bytes."""
    from cxjournal.exchange import atomic

    data = render(snapshot, fmt)
    atomic.write_bytes(Path(path), data)
    return len(data)
