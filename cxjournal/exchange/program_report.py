"""Exports of the CX program: a snapshot of the program (Markdown, PDF; names can be
hidden) and the proof point portfolio (Markdown, PDF, CSV).

Both say what the domain decides (the program view, its risks and their
messages, the proof point wording), so an export reads like the app. The PDF is
the same Markdown laid out by Qt (:mod:`cxjournal.exchange.program_pdf`).

Hiding names replaces each person by "Person A", "Person B"... (the audit
snapshot's pseudonyms) and each function by "Function A"..., and leaves out
every free text a name could hide in: the why and measure, plan summaries and
next steps, move plans. The risks are computed again on the hidden records, so
their messages name only pseudonyms.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from cxjournal.domain.model import FollowUp, Note, Person, Plan, PlanMember, Program, ProofPoint
from cxjournal.domain.program_view import Preparation, ProgramView, program_view
from cxjournal.domain.program_wording import (
    PLAN_TITLES,
    QUADRANT_TITLES,
    ROLE_TITLES,
    STATUS_TITLES,
    Quadrant,
    proof_plans_text,
    proof_result_text,
    proof_shared_text,
    proof_value_text,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import long_date
from cxjournal.exchange.snapshot import pseudonym
from cxjournal.exchange.snapshot_markdown import escape

PROGRAM_TITLE = "CX program snapshot"
PORTFOLIO_TITLE = "Proof point portfolio"
WITHHELD = "(withheld: names are hidden)"
FORMATS = {"program": ("md", "pdf"), "portfolio": ("md", "pdf", "csv")}


# --- hiding names -------------------------------------------------------------------------


def hide_names(program: Program, people: Sequence[Person]) -> tuple[Program, list[Person]]:
    """The program and people with pseudonyms and no free text (module docstring).

    People keep their ids (notes still find them), so attitudes and contact
    dates, and with them every risk, stay what they were.
    """
    order: dict[int | None, int] = {}
    for plan in program.plans:
        for member in plan.people:
            order.setdefault(member.person.id, len(order))
    for person in sorted(people, key=lambda p: (p.name.casefold(), p.id or 0)):
        order.setdefault(person.id, len(order))
    functions: dict[str, str] = {}

    def function(value: str) -> str:
        key = value.strip().casefold()
        if not key:
            return ""
        if key not in functions:
            functions[key] = "Function " + pseudonym(len(functions)).removeprefix("Person ")
        return functions[key]

    hidden = {
        p.id: Person(
            name=pseudonym(order[p.id]),
            id=p.id,
            function=function(p.function),
            cx_board=p.cx_board,
            cadence_days=p.cadence_days,
            archived=p.archived,
            desired_attitude=p.desired_attitude,
            desired_by=p.desired_by,
            power=p.power,
            interest=p.interest,
        )
        for p in people
    }

    def hidden_plan(kept: Plan) -> Plan:
        members = tuple(PlanMember(hidden.get(m.person.id, m.person), m.role) for m in kept.people)
        return replace(kept, summary="", next_step="", people=members)

    return (
        Program(why="", kpi="", plans=tuple(hidden_plan(p) for p in program.plans)),
        sorted(hidden.values(), key=lambda p: p.name),
    )


def snapshot_view(
    program: Program,
    people: Sequence[Person],
    notes: Sequence[Note],
    on: dt.date,
    thresholds: Thresholds,
    hidden: bool = False,
) -> ProgramView:
    if hidden:
        program, people = hide_names(program, people)
    return program_view(program, people, notes, on, thresholds)


# --- the program snapshot -----------------------------------------------------------------


def _line(text: str) -> str:
    """Journal text as one Markdown line, shown as written."""
    return escape(text)


def program_markdown(view: ProgramView, hidden: bool = False) -> str:
    """The program as of ``view.on`` in Markdown: why, plans, risks, grid, thresholds."""
    program = view.program
    out = [f"# {PROGRAM_TITLE}", "", f"As of {long_date(view.on)}.", ""]
    if hidden:
        out += ["Names are hidden: people are Person A, B..., functions Function A, B...", ""]
    out += ["## Why", ""]
    why = WITHHELD if hidden else (_line(program.why) or "Not written yet.")
    out.append(why)
    if not hidden and program.kpi.strip():
        out += ["", f"**Measure:** {_line(program.kpi)}"]
    out += ["", "## Plans", ""]
    out += ["| Plan | Status | Owner | People | Next step | Due |", "|---|---|---|---|---|---|"]
    for plan_view in view.plans:
        plan = plan_view.plan
        people = "; ".join(
            f"{_line(m.person.name)} ({ROLE_TITLES[m.role].lower()}: "
            f"{m.attitude.value if m.attitude else 'not noted'}"
            + (f" → {m.desired_attitude.value}" if m.desired_attitude else "")
            + ")"
            for m in plan_view.members
        )
        out.append(
            f"| {PLAN_TITLES[plan.kind]} | {STATUS_TITLES[plan.status]} | "
            f"{_line(plan_view.owner.name) if plan_view.owner else '-'} | {people or '-'} | "
            f"{_line(plan.next_step) or '-'} | {plan.due.isoformat() if plan.due else '-'} |"
        )
    out += ["", "## Risks", ""]
    if not view.risks:
        out.append("No risks for the plans under way.")
    for risk in view.risks:
        out.append(f"- **{risk.title}.** {_line(risk.message)}")
    out += ["", "## Power and interest", ""]
    if not view.grid:
        out.append("Nobody has a power and an interest set yet.")
    for quadrant in Quadrant:
        names = [_line(g.person.name) for g in view.grid if g.quadrant is quadrant]
        if names:
            out.append(f"- **{QUADRANT_TITLES[quadrant]}:** {', '.join(names)}")
    t = view.thresholds
    out += [
        "",
        f"*Thresholds: out of touch after {t.touch_days} days without contact, attitude gaps "
        f"{t.gap_warn_days} days ahead, a format not working after {t.format_streak} updates.*",
        "",
    ]
    return "\n".join(out)


# --- a 1:1 preparation --------------------------------------------------------------------

PREP_TITLE = "1:1 preparation"


def preparation_markdown(prep: Preparation, follow_ups: Sequence[FollowUp]) -> str:
    """What ``cxjournal prep`` shows, as a page to print (``prep --pdf``)."""
    person = prep.person
    out = [f"# Preparing a 1:1 with {_line(person.name)}", "", f"{long_date(prep.on)}.", ""]
    plans = ", ".join(f"{PLAN_TITLES[k]} ({ROLE_TITLES[r].lower()})" for k, r in prep.plans)
    now = prep.attitude.value if prep.attitude else "not noted"
    target = person.desired_attitude.value if person.desired_attitude else "no target set"
    by = f" by {long_date(person.desired_by)}" if person.desired_by else ""
    out += [
        f"- **Plans:** {plans or 'not on any plan'}",
        f"- **Attitude:** {now}; target {target}{by}",
        f"- **How you will move them:** {_line(person.move_plan) or 'not written yet'}",
        f"- **Format:** {_line(prep.format_advice)}",
    ]
    if person.information_needs.strip():
        out.append(f"- **Information needs:** {_line(person.information_needs)}")
    if prep.gap is not None:
        out += ["", f"**{prep.gap.title}.** {_line(prep.gap.message)}"]
    out += ["", "## Open follow-ups", ""]
    out += [
        f"- {_line(f.text)}" + (f" (due {long_date(f.due)})" if f.due else "") for f in follow_ups
    ] or ["None open."]
    out += ["", "## Proof points they have not seen", ""]
    out += [
        f"- {_line(p.title)} ({long_date(p.on)})"
        + (f": {_line(proof_result_text(p))}" if proof_result_text(p) else "")
        for p in prep.unshared
    ] or ["None: they have seen every proof point so far."]
    return "\n".join([*out, ""])


# --- the proof point portfolio -----------------------------------------------------------------

CSV_HEADER = (
    "date", "title", "metric", "baseline", "result", "unit", "value", "currency", "plans",
    "story", "shared_with",
)  # fmt: skip


def portfolio_markdown(points: Sequence[ProofPoint], made_on: dt.date) -> str:
    """Every proof point, newest first, with its figures, story and who has seen it."""
    out = [f"# {PORTFOLIO_TITLE}", "", f"Made on {long_date(made_on)}; {len(points)} results.", ""]
    if not points:
        out.append("No proof points recorded yet.")
    for point in points:
        out += [f"## {_line(point.title)}", "", f"*{long_date(point.on)}*", ""]
        figures = proof_result_text(point)
        if point.metric or figures:
            out.append(f"- **{_line(point.metric) or 'Result'}:** {_line(figures) or '-'}")
        if point.value is not None:
            out.append(f"- **Worth:** {_line(proof_value_text(point))}")
        if point.plans:
            out.append(f"- **Plans:** {proof_plans_text(point)}")
        shared = proof_shared_text(point)
        out.append(f"- **Shared with:** {_line(shared) if shared else 'nobody yet'}")
        if point.story.strip():
            out += ["", _line(point.story)]
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never evaluates."""
    from cxjournal.exchange.snapshot_csv import safe_text

    return safe_text(text)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def portfolio_csv(points: Sequence[ProofPoint]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in points:
        writer.writerow(
            [
                p.on.isoformat(),
                _cell(p.title),
                _cell(p.metric),
                _number(p.baseline),
                _number(p.result),
                _cell(p.unit),
                _number(p.value),
                _cell(p.currency),
                "; ".join(k.value for k in p.plans),
                _cell(p.story),
                _cell(proof_shared_text(p)),
            ]
        )
    return buffer.getvalue()


# --- writing -----------------------------------------------------------------------------------


def render(markdown: str, fmt: str, title: str, csv_text: str | None = None) -> bytes:
    if fmt == "md":
        return markdown.encode("utf-8")
    if fmt == "csv" and csv_text is not None:
        return csv_text.encode("utf-8")
    if fmt == "pdf":
        from cxjournal.exchange.program_pdf import markdown_pdf

        return markdown_pdf(markdown, title)
    raise ValueError(f"unknown format {fmt!r}")


def write(path: Path, data: bytes) -> int:
    from cxjournal.exchange import atomic

    atomic.write_bytes(Path(path), data)
    return len(data)
