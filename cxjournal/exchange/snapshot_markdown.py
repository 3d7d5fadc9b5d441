"""An audit snapshot as Markdown: the PDF's content as text and tables."""

from __future__ import annotations

import re

from cxjournal.domain.control_chars import escape_controls
from cxjournal.domain.model import ASPECTS, REACH_DIMENSIONS
from cxjournal.domain.power_audit import METHOD_NOTE, kind_label
from cxjournal.domain.wording import (
    ASPECT_LABELS,
    DIMENSION_LABELS,
    MEASURES,
    alarm_title,
    long_date,
    measure,
    thresholds_sentence,
)
from cxjournal.exchange.snapshot import (
    HIDDEN_NAMES_NOTE,
    TITLE,
    WITHHELD_NOTE,
    Snapshot,
    figure,
    share,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!])")
#: What starts a block at the beginning of a line: a list item, a setext underline.
_LINE_START = re.compile(r"^(\d+(?=[.)])|(?=[-+=]))")


def escape(text: str) -> str:
    """Inline text that Markdown shows as written (one line): no structure, no HTML,
    no control characters."""
    shown = _SPECIAL.sub(r"\\\1", escape_controls(" ".join(text.split())))
    return _LINE_START.sub(r"\1\\", shown, count=1)


def _table(header: list[str], rows: list[list[str]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(snapshot: Snapshot) -> str:
    audit = snapshot.audit
    out = [f"# {TITLE}: {long_date(audit.taken_on)}", ""]
    out.append(f"Made with cxjournal on {long_date(snapshot.made_on)}.")
    if snapshot.names_hidden:
        out += ["", f"_{HIDDEN_NAMES_NOTE}_"]
    out.append("")

    out += ["## People", ""]
    if snapshot.contacts:
        out += _table(
            [
                "Person",
                "Value",
                "Irreplaceability",
                "My value",
                "My irreplaceability",
                measure("dependence_on_them"),
                measure("their_dependence_on_me"),
                "Balance",
                "Kind",
            ],
            [
                [
                    escape(c.person.name),
                    str(c.rating.value),
                    str(c.rating.irreplaceability),
                    str(c.rating.my_value),
                    str(c.rating.my_irreplaceability),
                    figure(c.dependence_on_them),
                    figure(c.their_dependence_on_me),
                    figure(c.balance),
                    kind_label(c.kind),
                ]
                for c in snapshot.contacts
            ],
        )
        out += ["", "### What each gives", ""]
        out += _table(
            ["Person", *(ASPECT_LABELS[a] for a in ASPECTS)],
            [
                [escape(c.person.name), *(_aspect(getattr(c.rating.aspects, a)) for a in ASPECTS)]
                for c in snapshot.contacts
            ],
        )
        out += ["", "### Where they sit", ""]
        out += _table(
            ["Person", "Relationship", *(DIMENSION_LABELS[d] for d in REACH_DIMENSIONS)],
            [
                [
                    escape(c.person.name),
                    c.person.relationship.value.capitalize(),
                    *(escape(getattr(c.person, d)) or "-" for d in REACH_DIMENSIONS),
                ]
                for c in snapshot.contacts
            ],
            right_from=99,
        )
    else:
        out.append("This audit rates no one.")
    out.append("")

    totals = snapshot.totals
    if totals is not None:
        out += ["## Totals", ""]
        out += [
            f"- {measure(key)}: {text} ({escape(MEASURES[key].explains)})"
            for key, text in (
                ("count", str(totals.count)),
                ("reliance", figure(totals.reliance)),
                ("influence", figure(totals.influence)),
                ("net_balance", figure(totals.net_balance)),
                ("influence_ratio", figure(totals.influence_ratio)),
                ("top2_share", share(totals.top2_share)),
            )
        ]
        out.append("")
        out += ["## Reach", ""]
        out += _table(
            ["Dimension", "Filled in", "Different values", "Most common", "Its share"],
            [
                [
                    DIMENSION_LABELS[d],
                    str(f.filled),
                    str(f.distinct),
                    escape(f.dominant) if f.dominant else "-",
                    share(f.dominant_share),
                ]
                for d, f in snapshot.reach.items()
            ],
        )
        out.append("")

    network = snapshot.network_text()
    if network:
        out += ["## Network: who knows whom", ""]
        out += [f"- {escape(line)}" for line in network]
        out.append("")

    out += ["## Alarm bells", ""]
    if snapshot.alarms:
        out += [f"- **{alarm_title(a.code)}**: {escape(a.message)}" for a in snapshot.alarms]
    else:
        out.append("No alarm bell rings for this audit.")
    out.append("")

    if snapshot.trend:
        out += ["## Trend up to this audit", ""]
        out += _table(
            ["Audit", measure("influence"), measure("reliance")],
            [
                [
                    f"**{p.taken_on.isoformat()}**" if p.current else p.taken_on.isoformat(),
                    figure(p.influence),
                    figure(p.reliance),
                ]
                for p in snapshot.trend
            ],
        )
        out.append("")

    if snapshot.note or snapshot.note_withheld:
        out += ["## Note", ""]
        out += [f"_{WITHHELD_NOTE}_"] if snapshot.note_withheld else _paragraphs(snapshot.note)
        out.append("")

    out += ["---", "", f"_{escape(METHOD_NOTE)}_", ""]
    thresholds = thresholds_sentence(snapshot.thresholds.as_dict())
    out += [f"Thresholds used: {escape(thresholds)}.", ""]
    return "\n".join(out)


def _aspect(value: int | None) -> str:
    return "-" if value is None else str(value)


def _paragraphs(text: str) -> list[str]:
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    lines: list[str] = []
    for block in blocks:
        lines += ["  \n".join(escape(line) for line in block.splitlines() if line.strip()), ""]
    return lines[:-1]
