"""vCard 2.1, 3.0 and 4.0 files (one or many cards) into people, read with ``vobject``.

``FN`` (or ``N`` when ``FN`` is absent) is the name, every ``EMAIL`` goes into
``emails``, the first component of ``ORG`` is the organisation, ``TITLE`` the
role and a non-empty ``NOTE`` becomes a note. Folded lines, quoted-printable
values (with their soft line breaks, which ``vobject`` does not join),
``CHARSET`` and a UTF-8 BOM are handled. Every problem names the line its card
starts on.
"""

from __future__ import annotations

from typing import Any

import vobject

from cxjournal.exchange.imports.contacts import contact
from cxjournal.exchange.imports.plan import ImportPlan, PlannedPerson
from cxjournal.exchange.imports.text import NotText, decode

KIND = "vcard"


def read(data: bytes) -> ImportPlan:
    try:
        text = decode(data)
    except NotText as exc:
        return ImportPlan(KIND, problems=(str(exc),))
    if not any(line.strip().upper() == "BEGIN:VCARD" for line in text.splitlines()):
        return ImportPlan(KIND, problems=("line 1: not a vCard file: it has no BEGIN:VCARD line",))
    cards, problems = _split_cards(text)
    people: list[PlannedPerson] = []
    empty = 0
    for line, card_text in cards:
        where = f"line {line}"
        try:
            card = vobject.readOne(card_text, ignoreUnreadable=True)
        except Exception as exc:  # vobject raises its own errors and some of Python's
            problems.append(f"{where}: this card cannot be read ({_reason(exc)})")
            continue
        planned, found = contact(
            where,
            _name(card),
            [_text(e.value) for e in card.contents.get("email", [])],
            organisation=_first_org(card),
            role=_first_text(card, "title"),
            note=_first_text(card, "note"),
        )
        problems += found
        if planned is None:
            empty += 1
        else:
            people.append(planned)
    return ImportPlan(
        KIND,
        people=tuple(people),
        skipped={"empty_contacts": empty} if empty else {},
        problems=tuple(problems),
    )


def _split_cards(text: str) -> tuple[list[tuple[int, str]], list[str]]:
    """Each card's first line number and text; quoted-printable soft breaks joined."""
    cards: list[tuple[int, str]] = []
    problems: list[str] = []
    start: int | None = None
    current: list[str] = []
    pending_soft_break = False
    for number, line in enumerate(text.splitlines(), start=1):
        if pending_soft_break and current:
            current[-1] = current[-1][:-1] + line
            pending_soft_break = _soft_break(current[-1])
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if start is not None:
                problems.append(f"line {start}: this card has no END:VCARD")
            start, current = number, [line.strip()]
        elif start is None:
            if line.strip():
                problems.append(f"line {number}: text outside a card (BEGIN:VCARD ... END:VCARD)")
        else:
            current.append(line)
            if upper == "END:VCARD":
                cards.append((start, "\r\n".join(current) + "\r\n"))
                start, current = None, []
        pending_soft_break = start is not None and _soft_break(line)
    if start is not None:
        problems.append(f"line {start}: this card has no END:VCARD (the file may be cut short)")
    return cards, problems


def _soft_break(line: str) -> bool:
    """A quoted-printable value that goes on on the next line (it ends with ``=``)."""
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head and line.endswith("=") and ":" in line


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value) if value is not None else ""


def _first_text(card: Any, key: str) -> str:
    found = card.contents.get(key, [])
    return _text(found[0].value).strip() if found else ""


def _first_org(card: Any) -> str:
    found = card.contents.get("org", [])
    if not found:
        return ""
    value = found[0].value
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value).split(";", 1)[0]


def _name(card: Any) -> str:
    name = _first_text(card, "fn")
    if name:
        return name
    found = card.contents.get("n", [])
    if not found:
        return ""
    value = found[0].value
    parts = [getattr(value, part, "") for part in ("prefix", "given", "additional", "family")]
    parts.append(getattr(value, "suffix", ""))
    return " ".join(_text(p) for p in parts if _text(p).strip()) if parts else ""
