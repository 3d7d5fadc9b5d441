"""``cxjournal audit list|show``: power audits and their analysis (spec/power-audit.md).

``audit export`` is added by :mod:`cxjournal.cli.audit_export_cmd` when it exists,
through :func:`_register_export`.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import TYPE_CHECKING, Any

from cxjournal.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_journal
from cxjournal.domain.control_chars import escape_controls

if TYPE_CHECKING:
    from cxjournal.domain.power_audit import Analysis
    from cxjournal.journal import Journal

LATEST = "latest"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="power audits: list them, show one's analysis",
        description="Power audits: list them with their alarm bells, or show the full "
        "analysis of one (scores, totals, reach, alarms).",
    )
    audit_sub = parser.add_subparsers(dest="audit_command", metavar="SUBCOMMAND", required=True)

    list_parser = audit_sub.add_parser(
        "list",
        help="audits, newest first, with their alarm codes",
        description="Every audit, newest first, with how many people it rates and the "
        "codes of the alarms that ring for it.",
    )
    list_parser.add_argument("--json", action="store_true", help="print JSON")
    list_parser.set_defaults(func=run_list)

    show_parser = audit_sub.add_parser(
        "show",
        help="the analysis of one audit",
        description="The analysis of one audit: each person's dependence both ways, "
        "totals, reach and alarm bells, computed with the journal's thresholds.",
    )
    show_parser.add_argument("audit", metavar="ID|latest", help="an audit id, or 'latest'")
    show_parser.add_argument(
        "--json", action="store_true", help="print the analysis JSON (spec/power-audit.md)"
    )
    show_parser.set_defaults(func=run_show)

    _register_export(audit_sub)


def _register_export(audit_sub: Any) -> None:
    try:
        from cxjournal.cli.audit_export_cmd import register as reg
    except ImportError:
        return
    reg(audit_sub)


# -- resolving an audit ------------------------------------------------------------------


def resolve_audit_id(journal: Journal, ref: str) -> int:
    """The id that ``ref`` (an id or ``latest``) names; ``CommandError`` when there is none."""
    if ref.strip().casefold() == LATEST:
        latest = journal.audits.latest()
        if latest is None or latest.id is None:
            raise CommandError(
                "the journal has no audit yet: record one in the app first", EXIT_USAGE
            )
        return latest.id
    try:
        audit_id = int(ref)
    except ValueError:
        raise CommandError(
            f"{ref!r} is not an audit id: give a number from 'cxjournal audit list', or 'latest'",
            EXIT_USAGE,
        ) from None
    return audit_id


# -- list ------------------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    with open_journal(args, only_reads=True) as journal:
        summaries = journal.audits.summaries()
    if args.json:
        rows = [
            {
                "id": str(s.id),
                "taken_on": s.taken_on.isoformat(),
                "people": s.people,
                "blocking_superior": s.blocking_superior,
                "alarms": list(s.alarm_codes),
            }
            for s in summaries
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not summaries:
        print("No audits yet. Record your first power audit in the app.")
        return EXIT_OK
    table = [["ID", "DATE", "PEOPLE", "ALARMS"]]
    for s in summaries:
        alarms = ", ".join(dict.fromkeys(s.alarm_codes)) if s.alarm_codes else "-"
        table.append([str(s.id), s.taken_on.isoformat(), str(s.people), alarms])
    print(_format_table(table, right={0, 2}))
    return EXIT_OK


# -- show ------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    from cxjournal.domain.analysis_json import analysis_to_json
    from cxjournal.domain.errors import NotFoundError

    with open_journal(args, only_reads=True) as journal:
        audit_id = resolve_audit_id(journal, args.audit)
        try:
            analysis = journal.audits.analysis(audit_id)
        except NotFoundError:
            raise CommandError(
                f"there is no audit with id {audit_id}: see 'cxjournal audit list'", EXIT_USAGE
            ) from None
    if args.json:
        print(json.dumps(analysis_to_json(analysis), indent=2, ensure_ascii=False))
    else:
        print(format_analysis(analysis))
    return EXIT_OK


def format_analysis(analysis: Analysis) -> str:
    """The analysis as readable text: header, people, totals, reach, alarm bells.

    Journal text in it (names, the note, reach values) shows control characters
    as escapes, so printing it cannot drive the terminal."""
    from cxjournal.domain.model import REACH_DIMENSIONS
    from cxjournal.domain.power_audit import kind_label
    from cxjournal.domain.wording import DIMENSION_WORDS, alarm_title, measure, percent

    audit = analysis.audit
    count = len(analysis.contacts)
    lines = [
        f"Power audit {audit.id} of {audit.taken_on.isoformat()}: "
        f"{count} {'person' if count == 1 else 'people'}"
    ]
    if audit.blocking_superior:
        who = audit.blocking_superior_person
        lines.append(
            "A superior is actively blocking you"
            + (f": {escape_controls(who.name)}" if who is not None else " (not named)")
        )
    if audit.note.strip():
        lines.append(f"Note: {escape_controls(audit.note.strip(), keep_newlines=True)}")
    lines.append("")

    if analysis.contacts:
        table = [
            ["PERSON", "VALUE", "IRREPL.", "MY VALUE", "MY IRREPL.",
             measure("dependence_on_them").upper(), measure("their_dependence_on_me").upper(),
             "BALANCE", "KIND"]
        ]  # fmt: skip
        for c in analysis.contacts:
            r = c.rating
            table.append(
                [
                    escape_controls(r.person.name),
                    str(r.value),
                    str(r.irreplaceability),
                    str(r.my_value),
                    str(r.my_irreplaceability),
                    f"{c.dependence_on_them:.2f}",
                    f"{c.their_dependence_on_me:.2f}",
                    f"{c.balance:+.2f}" if round(c.balance, 2) else "0.00",
                    kind_label(c.kind),
                ]
            )
        lines.append(_format_table(table, right=set(range(1, 8))))
        lines.append("")
    else:
        lines += ["No one is rated in this audit.", ""]

    totals = analysis.totals
    if totals is not None:
        lines.append("Totals")
        for key, text in (
            ("reliance", f"{totals.reliance:.2f}"),
            ("influence", f"{totals.influence:.2f}"),
            ("net_balance", f"{totals.net_balance:+.2f}"),
            ("influence_ratio", f"{totals.influence_ratio:.2f}"),
            ("top2_share", percent(totals.top2_share)),
        ):
            lines.append(f"  {measure(key).lower() + ':':<23}{text}")
        lines.append("")
        lines.append("Reach")
        for dim in REACH_DIMENSIONS:
            fig = analysis.reach[dim]
            label = DIMENSION_WORDS[dim][0]
            if fig.dominant is None or fig.dominant_share is None:
                lines.append(f"  {label:<13} not filled in")
            else:
                lines.append(
                    f"  {label:<13} {fig.distinct} different in {fig.filled} filled; "
                    f"most common {escape_controls(fig.dominant)} ({percent(fig.dominant_share)})"
                )
        lines.append("")

    if analysis.network is not None:
        from cxjournal.domain.network import cluster_names, figures_sentences

        lines.append("Network")
        lines += [f"  {sentence}" for sentence in figures_sentences(analysis.network)]
        groups = cluster_names(audit, analysis.network)
        lines.append("  groups: " + " | ".join(", ".join(group) for group in groups))
        lines.append("")
    elif len(analysis.contacts) >= 2:
        lines += ["Network: no ties recorded (who of them know each other).", ""]

    if analysis.alarms:
        lines.append("Alarm bells")
        for alarm in analysis.alarms:
            wrapped = textwrap.fill(
                escape_controls(alarm.message),
                width=88,
                initial_indent="    ",
                subsequent_indent="    ",
            )
            lines.append(f"  ! {alarm_title(alarm.code)} ({alarm.code.value})")
            lines.append(wrapped)
    else:
        lines.append("No alarm bells ring for this audit.")
    return "\n".join(lines)


def _format_table(rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right or set()
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)
