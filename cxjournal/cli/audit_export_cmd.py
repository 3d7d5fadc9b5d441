"""``cxjournal audit export ID|latest --format pdf|md|csv|json -o FILE [--hide-names]``.

Registered under ``audit`` by :mod:`cxjournal.cli.audit_cmd`. A PDF is drawn
with Qt on the offscreen platform, so no display is needed; the other formats
never load Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cxjournal.cli.common import EXIT_OK, EXIT_USAGE, CommandError, open_journal

FORMATS: tuple[str, ...] = ("pdf", "md", "csv", "json")
_SUFFIXES = {".pdf": "pdf", ".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}


def register(audit_subparsers: Any) -> None:
    parser = audit_subparsers.add_parser(
        "export",
        help="a snapshot of one audit to share (pdf, md, csv or json)",
        description="Write a snapshot of one audit to share with a coach or mentor: the "
        "people with their ratings and scores, totals, reach, alarm bells, the balance map "
        "and the trend up to that audit. The file is not encrypted.",
    )
    parser.add_argument("audit", metavar="ID|latest", help="an audit id, or 'latest'")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="the file format (default: from the file name's extension)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    parser.add_argument(
        "--hide-names",
        action="store_true",
        help='people become "Person A"..., teams, functions, units and locations "Team A"...; '
        "the audit note and e-mail addresses are left out",
    )
    parser.set_defaults(func=run)


def chosen_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    found = _SUFFIXES.get(Path(args.output).suffix.lower())
    if found is None:
        raise CommandError(
            f"cannot tell the format from {args.output!r}: give --format ({', '.join(FORMATS)})",
            EXIT_USAGE,
        )
    return found


def run(args: argparse.Namespace) -> int:
    from cxjournal.cli.audit_cmd import resolve_audit_id
    from cxjournal.domain.errors import NotFoundError
    from cxjournal.exchange.snapshot import build_snapshot, write_snapshot

    fmt = chosen_format(args)
    with open_journal(args, only_reads=True) as journal:
        audit_id = resolve_audit_id(journal, args.audit)
        try:
            snapshot = build_snapshot(journal, audit_id, hide_names=args.hide_names)
        except NotFoundError:
            raise CommandError(
                f"there is no audit with id {audit_id}: see 'cxjournal audit list'", EXIT_USAGE
            ) from None
    if fmt == "pdf":
        from cxjournal.exchange.snapshot_pdf import ensure_gui_application

        ensure_gui_application(widgets=False)  # this process shows no window
    try:
        size = write_snapshot(snapshot, fmt, Path(args.output))
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    hidden = ", names hidden" if args.hide_names else ""
    print(f"wrote {args.output} ({fmt}, {size:,} bytes{hidden}; not encrypted)")
    return EXIT_OK
