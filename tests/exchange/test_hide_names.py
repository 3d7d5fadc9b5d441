"""Hiding names really hides: hostile, identifying data through every snapshot format.

Each format's bytes are read as a recipient would (the PDF's text extracted,
its streams decompressed and its metadata read) and searched for every string
that could tell a reader who is who.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pypdf
import pytest

from cxjournal.domain.model import Aspects, Audit, Person, Rating, Relationship
from cxjournal.exchange import snapshot
from cxjournal.exchange.snapshot import build_snapshot
from cxjournal.journal import Journal

TODAY = dt.date(2026, 11, 22)

PEOPLE = (
    Person(
        name="Ximena Quarrington <ximena.q@globex.example>",
        role="Chief Zeppelin Officer",
        organisation="Globex Zeppelins",
        team="Hummingbird Squad",
        function="Finance Leadership",
        product_unit="Project Marzipan",
        location="Reykjavík Remote",
        information_needs="weekly Thaddeus digest",
        motivations="wants the Quimby seat",
        emails=("ximena.q@globex.example", "xq@hushmail.example"),
        move_plan="win over Quimby via the Marzipan launch",
    ),
    Person(
        name='=HYPERLINK("http://evil.example","Bartholomew")',
        team="Hummingbird Squad",  # the same team: the same label
        function="Procurement Wizardry",
        product_unit="| # *Kumquat* <script>alert(1)</script>",
        location="ximena.q@globex.example",
    ),
    Person(
        name="Zoë Ñúñez\u202e\x07 Vaszary",
        team="Team A",  # a value that looks like a label still gets its own label
        function=" finance LEADERSHIP ",  # the same value, other case and outer spaces
        product_unit="Project Marzipan",
        location="Tromsø Lighthouse",
    ),
)
BLOCKER = Person(
    name="Ignatius Fairweather-Plumb",
    relationship=Relationship.SUPERIOR,
    team="Obsidian Council",
    function="Strategy Annex",
    product_unit="Unit Zircon",
    location="Valletta Tower",
)
NOTE = "Ximena told me (ximena.q@globex.example) that Ignatius wants Bartholomew out.\x1b[31m"

#: every string a reader must not find; words of the names and values included
IDENTIFYING = (
    "Ximena",
    "Quarrington",
    "ximena.q",
    "globex",
    "Zeppelin",
    "Hummingbird",
    "Finance",
    "Leadership",
    "Marzipan",
    "Reykjav",
    "Thaddeus",
    "Quimby",
    "hushmail",
    "HYPERLINK",
    "evil.example",
    "Bartholomew",
    "Procurement",
    "Wizardry",
    "Kumquat",
    "alert(1)",
    "Zoë",
    "Ñúñez",
    "Vaszary",
    "Tromsø",
    "Lighthouse",
    "Ignatius",
    "Fairweather",
    "Plumb",
    "Obsidian",
    "Council",
    "Annex",
    "Zircon",
    "Valletta",
    "Tower",
    "told me",
)


@pytest.fixture
def hostile(journal: Journal) -> Journal:
    people = [journal.people.add(p) for p in PEOPLE]
    blocker = journal.people.add(BLOCKER)
    journal.audits.save(Audit(dt.date(2026, 1, 5), (Rating(people[0], 4, 4, 4, 4),), NOTE))
    journal.audits.save(
        Audit(
            dt.date(2026, 4, 1),
            (
                Rating(people[0], 9, 9, 2, 2, Aspects(career_guidance=8)),
                Rating(people[1], 8, 7, 3, 3),
                Rating(people[2], 2, 2, 9, 9),
            ),
            note=NOTE,
            blocking_superior=True,
            blocking_superior_person=blocker,
        )
    )
    return journal


def pdf_texts(data: bytes) -> list[str]:
    """What a reader of the PDF can find: its text, its metadata, its decompressed streams."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    texts = [page.extract_text() for page in reader.pages]
    texts += [f"{k}={v}" for k, v in (reader.metadata or {}).items()]
    xmp = reader.xmp_metadata
    if xmp is not None:
        texts.append(xmp.rdf_root.toxml())
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            texts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            texts.append(stream.decode("latin-1"))
    texts.append(data.decode("latin-1"))
    return texts


def readable(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return "\n".join(pdf_texts(data))
    return data.decode("utf-8")


def found_in(text: str) -> list[str]:
    flat = " ".join(text.split()).casefold()
    return [word for word in IDENTIFYING if word.casefold() in flat]


@pytest.mark.parametrize("fmt", snapshot.FORMATS)
def test_no_identifying_string_in_any_format(hostile: Journal, fmt: str) -> None:
    for audit in hostile.audits.summaries():
        snap = build_snapshot(hostile, audit.id, hide_names=True, today=TODAY)
        text = readable(fmt, snapshot.render(snap, fmt))
        assert found_in(text) == []
        assert "Person A" in " ".join(text.split())


@pytest.mark.parametrize("fmt", snapshot.FORMATS)
def test_the_same_data_with_names_shows_them(hostile: Journal, fmt: str) -> None:
    """The check above can fail: with names, the identifying strings are there."""
    snap = build_snapshot(hostile, hide_names=False, today=TODAY)
    found = found_in(readable(fmt, snapshot.render(snap, fmt)))
    assert "Quarrington" in found and "Hummingbird" in found


def test_labels_are_consistent_and_reach_is_kept(hostile: Journal) -> None:
    named = build_snapshot(hostile, today=TODAY)
    snap = build_snapshot(hostile, hide_names=True, today=TODAY)
    people = [c.person for c in snap.contacts]
    assert [p.name for p in people] == ["Person A", "Person B", "Person C"]
    assert [p.team for p in people] == ["Team A", "Team A", "Team B"]
    assert [p.function for p in people] == ["Function A", "Function B", "Function A"]
    assert [p.product_unit for p in people] == ["Unit A", "Unit B", "Unit A"]
    assert [p.location for p in people] == ["Location A", "Location B", "Location C"]
    assert snap.blocker is not None
    assert (snap.blocker.name, snap.blocker.team, snap.blocker.location) == (
        "Person D",
        "Team C",
        "Location D",
    )
    assert snap.note == "" and snap.note_withheld
    assert {k: (v.filled, v.distinct) for k, v in snap.reach.items()} == {
        k: (v.filled, v.distinct) for k, v in named.reach.items()
    }
    data = json.loads(snapshot.render(snap, "json"))
    assert data["snapshot"]["note"] == "" and data["snapshot"]["note_withheld"] is True


def test_pdf_metadata_names_no_one(hostile: Journal) -> None:
    snap = build_snapshot(hostile, hide_names=True, today=TODAY)
    reader = pypdf.PdfReader(io.BytesIO(snapshot.render(snap, "pdf")))
    meta = reader.metadata or {}
    assert meta.get("/Title") == "Power audit snapshot: 2026-04-01"
    assert meta.get("/Creator") == "cxjournal"
    assert meta.get("/Author", "") == ""
    for key in ("/Subject", "/Keywords"):
        assert meta.get(key, "") == ""
    assert str(meta.get("/Producer", "")).startswith("Qt")


def test_the_command_line_writes_every_format_hidden(hostile: Journal, tmp_path: Path) -> None:
    hostile.close()
    for fmt in snapshot.FORMATS:
        out = tmp_path / f"shared.{fmt}"
        done = subprocess.run(
            [sys.executable, "-m", "cxjournal", "--db", str(hostile.path), "audit", "export",
             "latest", "-o", str(out), "--hide-names"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert found_in(readable(fmt, out.read_bytes())) == []


def test_e_mail_addresses_on_people_are_left_out() -> None:
    from cxjournal.domain.thresholds import Thresholds
    from cxjournal.exchange.snapshot import make_snapshot

    person = Person(name="Quentin", id=1, emails=("quentin@globex.example",), move_plan="x")
    audit = Audit(dt.date(2026, 1, 1), (Rating(person, 5, 5, 5, 5),), id=1)
    snap = make_snapshot(audit, Thresholds(), [], hide_names=True, made_on=TODAY)
    assert snap.contacts[0].person.emails == () and snap.contacts[0].person.move_plan == ""
    for fmt in ("md", "csv", "json"):
        assert b"globex" not in snapshot.render(snap, fmt)
