"""An audit snapshot as CSV: one row per person with every rating, aspect and score,
and the network: which group of people who know each other they are in (1 is the
largest) and whom of the others they know (empty when the audit records no ties).

RFC 4180: a header row, comma separated, fields quoted when needed, CRLF line
ends, UTF-8. A text cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading
apostrophe, so opening the file never runs anything; control characters and
bidi overrides in journal text are written as visible escapes.
"""

from __future__ import annotations

import csv
import io

from cxjournal.domain.control_chars import escape_controls
from cxjournal.domain.model import ASPECTS, REACH_DIMENSIONS
from cxjournal.exchange.snapshot import Snapshot, figure

HEADER: tuple[str, ...] = (
    "audit_date",
    "person",
    "relationship",
    *REACH_DIMENSIONS,
    "value",
    "irreplaceability",
    "my_value",
    "my_irreplaceability",
    *ASPECTS,
    "dependence_on_them",
    "their_dependence_on_me",
    "balance",
    "kind",
    "group",
    "knows",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Text that a spreadsheet shows as text, never evaluates, with no control characters."""
    value = escape_controls(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(snapshot: Snapshot) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    taken_on = snapshot.audit.taken_on.isoformat()
    audit, network = snapshot.audit, snapshot.network
    group_of = {}
    if network is not None:
        group_of = {i: n for n, group in enumerate(network.clusters, start=1) for i in group}
    for index, contact in enumerate(snapshot.contacts):
        knows = sorted(
            (audit.ratings[b if a == index else a].person.name
             for a, b in audit.ties if index in (a, b)),
            key=str.casefold,
        ) if network is not None else []  # fmt: skip
        rating, person = contact.rating, contact.person
        aspects = [getattr(rating.aspects, name) for name in ASPECTS]
        writer.writerow(
            [
                taken_on,
                safe_text(person.name),
                person.relationship.value,
                *(safe_text(getattr(person, dim)) for dim in REACH_DIMENSIONS),
                rating.value,
                rating.irreplaceability,
                rating.my_value,
                rating.my_irreplaceability,
                *("" if a is None else a for a in aspects),
                figure(contact.dependence_on_them),
                figure(contact.their_dependence_on_me),
                figure(contact.balance),
                contact.kind.value,
                group_of.get(index, ""),
                safe_text("; ".join(knows)),
            ]
        )
    return buffer.getvalue()
