"""An audit snapshot as HTML for Qt's rich text (QTextDocument), which the PDF report prints.

Plain strings, no Qt: the PDF module adds the pictures (``cx:balance``,
``cx:trend`` and ``cx:network``) and lays the document out on A4 pages.
"""

from __future__ import annotations

import html

from cxjournal.domain.model import ASPECTS, REACH_DIMENSIONS, Person
from cxjournal.domain.power_audit import METHOD_NOTE, ContactKind, kind_label
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

#: The colour of each kind of relationship, in the map and beside the table.
KIND_COLOURS: dict[ContactKind, str] = {
    ContactKind.DEEP: "#2e8540",
    ContactKind.TRANSACTIONAL: "#7b8794",
    ContactKind.YOU_LEAN_ON_THEM: "#d9622b",
    ContactKind.THEY_LEAN_ON_YOU: "#2f6db5",
    ContactKind.BALANCED: "#8a6fc0",
}

#: The resource name of the network picture the PDF module adds.
NETWORK_IMAGE = "cx:network"

STYLE = """
h1 { font-size: 15pt; font-weight: 600; margin: 0 0 2px 0; }
h2 { font-size: 11pt; font-weight: 600; margin: 10px 0 4px 0; }
p { margin: 0 0 4px 0; }
.muted { color: #6b7c93; }
.small { color: #6b7c93; font-size: 7pt; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: #eef2f6; font-weight: 600; padding: 3px 4px;
                border-bottom: 1px solid #c5ced8; text-align: left; font-size: 7.5pt; }
table.grid th.g { text-align: center; border-bottom: 0; padding-bottom: 0; }
table.grid td { padding: 2px 5px; border-bottom: 1px solid #e3e8ee; }
table.grid th.n, table.grid td.n { text-align: right; }
table.grid th.c, table.grid td.c { text-align: center; }
"""


def e(text: str) -> str:
    return html.escape(text, quote=True)


def _table(
    header: list[str],
    rows: list[list[str]],
    text_columns: set[int] | None,
    widths: list[int] | None = None,
) -> str:
    """A ruled table; columns not in ``text_columns`` are right-aligned numbers.

    ``text_columns`` None centres every column.
    """

    def cell(tag: str, index: int, value: str) -> str:
        if text_columns is None:
            css = ' class="c"'
        else:
            css = "" if index in text_columns else ' class="n"'
        width = f' width="{widths[index]}%"' if widths and tag == "th" else ""
        return f"<{tag}{css}{width}>{value}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    return f'<table class="grid" width="100%"><tr>{head}</tr>{body}</table>'


def report_html(snapshot: Snapshot) -> str:
    audit = snapshot.audit
    parts = [f"<h1>{e(TITLE)}: {e(long_date(audit.taken_on))}</h1>"]
    made = f"Made with cxjournal on {e(long_date(snapshot.made_on))}."
    if snapshot.names_hidden:
        made += " " + e(HIDDEN_NAMES_NOTE)
    parts.append(f'<p class="muted">{made}</p>')
    totals = snapshot.totals
    if totals is not None:
        figures = [
            (measure("count"), str(totals.count)),
            (measure("reliance"), figure(totals.reliance)),
            (measure("influence"), figure(totals.influence)),
            (measure("net_balance"), figure(totals.net_balance)),
            (measure("influence_ratio"), figure(totals.influence_ratio)),
            (measure("top2_share"), share(totals.top2_share)),
        ]
        parts.append(_table([k for k, _ in figures], [[v for _, v in figures]], None))
        legend = " ".join(
            f"{MEASURES[key].label}: {MEASURES[key].explains}"
            for key in ("reliance", "influence", "top2_share")
        )
        parts.append(f'<p class="muted">{e(legend)}</p>')
    parts.append("<h2>Alarm bells</h2>")
    if snapshot.alarms:
        parts += [
            f"<p><b>{e(alarm_title(a.code))}.</b> {e(a.message)}</p>" for a in snapshot.alarms
        ]
    else:
        parts.append("<p>No alarm bell rings for this audit.</p>")
    parts.append("<h2>People</h2>")
    if not snapshot.contacts:
        parts.append("<p>This audit rates no one.</p>")
    else:
        parts.append(_people_table(snapshot))
        parts.append("<h2>What each gives, and where they sit</h2>")
        parts.append(
            _table(
                ["Person", *(ASPECT_LABELS[a] for a in ASPECTS), "Team · function · unit · place"],
                [
                    [
                        e(c.person.name),
                        *(_aspect(getattr(c.rating.aspects, a)) for a in ASPECTS),
                        f'<span class="small">{e(_where(c.person))}</span>',
                    ]
                    for c in snapshot.contacts
                ],
                {0, 6},
                [15, 10, 10, 11, 12, 10, 32],
            )
        )
        breaking = ' style="page-break-before: always"'  # the pictures share page 2
        parts.append(_figure("Balance map", "cx:balance", 500, breaking))
    if snapshot.trend:
        parts.append(_figure("Influence and reliance up to this audit", "cx:trend", 600))
    if snapshot.contacts:
        parts.append("<h2>Reach</h2>")
        parts.append(
            _table(
                ["Dimension", "Filled in", "Different values", "Most common", "Its share"],
                [
                    [
                        DIMENSION_LABELS[d],
                        str(f.filled),
                        str(f.distinct),
                        e(f.dominant) if f.dominant else "-",
                        share(f.dominant_share),
                    ]
                    for d, f in snapshot.reach.items()
                ],
                {0, 3},
                [20, 12, 16, 40, 12],
            )
        )
    network = snapshot.network_text()
    if network:
        parts.append("<h2>Network: who knows whom</h2>")
        parts += [f"<p>{e(line)}</p>" for line in network]
        if snapshot.network is not None:
            parts.append(f'<p align="center"><img src="{NETWORK_IMAGE}" width="420"></p>')
    if snapshot.note or snapshot.note_withheld:
        parts.append("<h2>Note</h2>")
        if snapshot.note_withheld:
            parts.append(f'<p class="muted">{e(WITHHELD_NOTE)}</p>')
        else:
            parts.append("<p>" + e(snapshot.note).replace("\n", "<br>") + "</p>")
    thresholds = thresholds_sentence(snapshot.thresholds.as_dict())
    parts.append(
        f'<p class="muted" style="margin-top: 12px">{e(METHOD_NOTE)} '
        f"Thresholds used: {e(thresholds)}.</p>"
    )
    return "<html><body>" + "".join(parts) + "</body></html>"


def _figure(title: str, source: str, width: int, style: str = "") -> str:
    return f'<h2{style}>{e(title)}</h2><p align="center"><img src="{source}" width="{width}"></p>'


def _people_table(snapshot: Snapshot) -> str:
    rows = []
    for c in snapshot.contacts:
        name = e(c.person.name)
        swatch = KIND_COLOURS[c.kind]
        rows.append(
            [
                name,
                str(c.rating.value),
                str(c.rating.irreplaceability),
                str(c.rating.my_value),
                str(c.rating.my_irreplaceability),
                figure(c.dependence_on_them),
                figure(c.their_dependence_on_me),
                figure(c.balance),
                f'<span style="color: {swatch}">●</span> {e(kind_label(c.kind))}',
            ]
        )
    groups = (
        '<tr><th class="g"></th><th class="g" colspan="2">They give me</th>'
        '<th class="g" colspan="2">I give them</th><th class="g" colspan="3">Dependence</th>'
        '<th class="g"></th></tr>'
    )
    header = [
        "Person",
        "Value",
        "Irreplaceability",
        "Value",
        "Irreplaceability",
        measure("dependence_on_them"),
        measure("their_dependence_on_me"),
        "Balance",
        "Kind",
    ]
    table = _table(header, rows, {0, 8}, [14, 7, 14, 7, 14, 9, 9, 8, 18])
    return table.replace(
        '<table class="grid" width="100%">', '<table class="grid" width="100%">' + groups, 1
    )


def _where(person: Person) -> str:
    return " · ".join(
        v.strip() for v in (getattr(person, d) for d in REACH_DIMENSIONS) if v.strip()
    )


def _aspect(value: int | None) -> str:
    return "-" if value is None else str(value)
