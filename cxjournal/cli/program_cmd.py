"""``cxjournal program show`` and ``cxjournal prep PERSON`` (spec/program.md).

Both print the domain's view of the program as of a date (default today): the
JSON that ``--json`` prints is :func:`cxjournal.domain.program_view.program_json`
and ``preparation_json``. Never imports Qt, except ``prep --pdf`` for the PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    iso_date,
    open_journal,
)
from cxjournal.domain.control_chars import escape_controls

if TYPE_CHECKING:
    from cxjournal.domain.model import FollowUp, Person
    from cxjournal.domain.program_view import Preparation, ProgramView
    from cxjournal.journal import Journal


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "program",
        help="the CX program: its plans, who runs them and the risks",
        description="The CX program as of a date: its why and measure, the eight plans "
        "with their owners and people, the risks with a next step each, and the "
        "power/interest grid.",
    )
    program_sub = parser.add_subparsers(dest="program_command", metavar="SUBCOMMAND", required=True)
    show = program_sub.add_parser(
        "show",
        help="the program and its risks",
        description="The program, its risks and the power/interest grid as of a date.",
    )
    _date_option(show)
    show.add_argument("--json", action="store_true", help="print JSON (spec/program.md)")
    show.set_defaults(func=run_show)

    export = program_sub.add_parser(
        "export",
        help="a program snapshot to share (Markdown or PDF)",
        description="The program, its risks and the grid as of a date, as Markdown or PDF. "
        "With --hide-names people become Person A, B..., functions Function A, B..., and "
        "the free texts (why, measure, summaries, next steps) are left out.",
    )
    _date_option(export)
    _output_options(export, ("md", "pdf"))
    export.add_argument("--hide-names", action="store_true", help="replace people by pseudonyms")
    export.set_defaults(func=run_export)

    portfolio = program_sub.add_parser(
        "portfolio",
        help="the proof point portfolio (Markdown, PDF or CSV)",
        description="Every proof point, newest first: figures, value, story, plans and with "
        "whom it was shared. Evidence of your results, for reviews and for the exit plan.",
    )
    _output_options(portfolio, ("md", "pdf", "csv"))
    portfolio.set_defaults(func=run_portfolio)

    prep = subparsers.add_parser(
        "prep",
        help="prepare a 1:1: plans, attitude gap, proof points to share",
        description="What to have in mind before a 1:1 with a person: the plans they are "
        "on, where they stand and where you want them, open follow-ups, format advice "
        "and up to three proof points they have not seen yet.",
    )
    prep.add_argument("person", metavar="PERSON", help="a name (any case) or a person id")
    _date_option(prep)
    prep.add_argument("--json", action="store_true", help="print JSON")
    prep.add_argument("--pdf", metavar="FILE", help="also save the preparation as a PDF page")
    prep.set_defaults(func=run_prep)


def _date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--on", type=iso_date, metavar="DATE", help="as of this date, YYYY-MM-DD (default today)"
    )


def _output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write")
    parser.add_argument(
        "--format", choices=formats, help="the file's format (default: from its name, else md)"
    )


def _format(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".")
    return suffix if suffix in formats else "md"


def _on(args: argparse.Namespace) -> dt.date:
    return args.on if args.on is not None else dt.date.today()


def resolve_person(journal: Journal, ref: str) -> Person:
    """The person ``ref`` names: an exact name (any case), else an id."""
    from cxjournal.domain.errors import NotFoundError

    found = journal.people.find_by_name(ref)
    if found is not None:
        return found
    if ref.strip().isdigit():
        try:
            return journal.people.get(int(ref))
        except NotFoundError:
            pass
    raise CommandError(
        f"there is nobody called {ref!r} in the journal: give their full name or their id",
        EXIT_USAGE,
    )


# -- program show -------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    from cxjournal.domain.program_view import program_json

    with open_journal(args) as journal:
        view = journal.program.view(_on(args))
    if args.json:
        print(json.dumps(program_json(view), indent=2, ensure_ascii=False))
    else:
        print(format_program(view))
    return EXIT_OK


def _wrapped(text: str, indent: str = "    ") -> str:
    return textwrap.fill(
        escape_controls(text), width=88, initial_indent=indent, subsequent_indent=indent
    )


def format_program(view: ProgramView) -> str:
    from cxjournal.domain.program_wording import (
        PLAN_TITLES,
        QUADRANT_TITLES,
        ROLE_TITLES,
        STATUS_TITLES,
        Quadrant,
    )

    program = view.program
    lines = [f"CX program on {view.on.isoformat()}"]
    lines.append(
        f"Why: {escape_controls(program.why)}" if program.why.strip() else "Why: not written yet"
    )
    if program.kpi.strip():
        lines.append(f"Measure: {escape_controls(program.kpi)}")
    lines.append("")
    for plan_view in view.plans:
        plan = plan_view.plan
        due = f", due {plan.due.isoformat()}" if plan.due else ""
        lines.append(f"{PLAN_TITLES[plan.kind]}: {STATUS_TITLES[plan.status].lower()}{due}")
        if plan.next_step.strip():
            lines.append(f"    next step: {escape_controls(plan.next_step)}")
        for member in plan_view.members:
            now = member.attitude.value if member.attitude else "no attitude noted"
            want = f" (want {member.desired_attitude.value})" if member.desired_attitude else ""
            role = ROLE_TITLES[member.role].lower()
            name = escape_controls(member.person.name)
            lines.append(f"    {role:<11} {name}: {now}{want}")
    lines.append("")
    if view.risks:
        lines.append("Risks")
        for risk in view.risks:
            lines.append(f"  ! {risk.title} ({risk.code.value})")
            lines.append(_wrapped(risk.message))
    else:
        lines.append("No risks for the live plans.")
    if view.grid:
        lines += ["", "Power and interest"]
        for quadrant in Quadrant:
            names = [escape_controls(g.person.name) for g in view.grid if g.quadrant is quadrant]
            if names:
                lines.append(f"  {QUADRANT_TITLES[quadrant]}: {', '.join(names)}")
    return "\n".join(lines)


# -- exports -------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from cxjournal.exchange import program_report as report

    fmt = _format(args, report.FORMATS["program"])
    with open_journal(args) as journal:
        found = journal.program.inputs()
    view = report.snapshot_view(
        found.program, found.people, found.notes, _on(args), found.thresholds, args.hide_names
    )
    data = report.render(report.program_markdown(view, args.hide_names), fmt, report.PROGRAM_TITLE)
    size = report.write(Path(args.output), data)
    print(f"wrote {args.output} ({size} bytes, {fmt})", file=sys.stderr)
    return EXIT_OK


def run_portfolio(args: argparse.Namespace) -> int:
    from cxjournal.exchange import program_report as report

    fmt = _format(args, report.FORMATS["portfolio"])
    with open_journal(args) as journal:
        points = journal.program.proof_points()
    markdown = report.portfolio_markdown(points, dt.date.today())
    data = report.render(markdown, fmt, report.PORTFOLIO_TITLE, report.portfolio_csv(points))
    size = report.write(Path(args.output), data)
    print(f"wrote {args.output} ({size} bytes, {fmt})", file=sys.stderr)
    return EXIT_OK


# -- prep ----------------------------------------------------------------------------------------


def run_prep(args: argparse.Namespace) -> int:
    from cxjournal.domain.program_view import preparation_json

    with open_journal(args) as journal:
        person = resolve_person(journal, args.person)
        assert person.id is not None
        prep, follow_ups = journal.program.preparation(person.id, _on(args))
    if args.pdf:
        from cxjournal.exchange import program_report as report

        markdown = report.preparation_markdown(prep, follow_ups)
        size = report.write(Path(args.pdf), report.render(markdown, "pdf", report.PREP_TITLE))
        print(f"wrote {args.pdf} ({size} bytes, pdf)", file=sys.stderr)
    if args.json:
        print(json.dumps(preparation_json(prep, follow_ups), indent=2, ensure_ascii=False))
    else:
        print(format_preparation(prep, follow_ups))
    return EXIT_OK


def format_preparation(prep: Preparation, follow_ups: list[FollowUp]) -> str:
    from cxjournal.domain.program_wording import PLAN_TITLES, ROLE_TITLES

    person = prep.person
    lines = [f"Preparing a 1:1 with {escape_controls(person.name)} on {prep.on.isoformat()}"]
    if prep.plans:
        on_plans = ", ".join(
            f"{PLAN_TITLES[kind]} ({ROLE_TITLES[role].lower()})" for kind, role in prep.plans
        )
        lines.append(f"Plans: {on_plans}")
    else:
        lines.append("Plans: not on any plan")
    now = prep.attitude.value if prep.attitude else "no attitude noted"
    target = person.desired_attitude.value if person.desired_attitude else "no target set"
    by = f" by {person.desired_by.isoformat()}" if person.desired_by else ""
    lines.append(f"Attitude: {now}; target: {target}{by}")
    if person.move_plan.strip():
        lines.append(f"How you will move them: {escape_controls(person.move_plan)}")
    lines.append(f"Format: {prep.format_advice}")
    if prep.gap is not None:
        lines.append(_wrapped(prep.gap.message, "  ! "))
    lines.append("")
    if follow_ups:
        lines.append("Open follow-ups")
        for f in follow_ups:
            due = f" (due {f.due.isoformat()})" if f.due else ""
            lines.append(f"  - {escape_controls(f.text)}{due}")
        lines.append("")
    if prep.unshared:
        lines.append("Proof points they have not seen")
        for point in prep.unshared:
            lines.append(f"  - {point.on.isoformat()}  {escape_controls(point.title)}")
    else:
        lines.append("No proof point left that they have not seen.")
    return "\n".join(lines)
