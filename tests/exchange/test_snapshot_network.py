"""The network in audit snapshots: Markdown, CSV, JSON and the PDF's picture, with names
shown or hidden."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import snapshot
from cxjournal.exchange.snapshot import Snapshot, make_snapshot
from cxjournal.exchange.snapshot_html import NETWORK_IMAGE, report_html

TODAY = dt.date(2026, 11, 22)
PEOPLE = [Person(name=n, id=i) for i, n in enumerate(["Ana Silva", "Ben Ode", "Chen Li"], 1)]


def sample(hide: bool = False, recorded: bool = True) -> Snapshot:
    audit = Audit(
        dt.date(2026, 4, 1),
        tuple(Rating(p, 6, 6, 5, 5) for p in PEOPLE),
        id=5,
        ties=((0, 1),) if recorded else (),
        ties_recorded=recorded,
    )
    return make_snapshot(audit, Thresholds(), [], hide_names=hide, made_on=TODAY)


def test_markdown_says_who_knows_whom() -> None:
    text = snapshot.render(sample(), "md").decode()
    assert "## Network: who knows whom" in text
    assert "You are the only link between 2 of 3 pairs." in text
    assert "Groups: Ana Silva, Ben Ode; Chen Li." in text


def test_markdown_says_when_ties_are_not_recorded() -> None:
    text = snapshot.render(sample(recorded=False), "md").decode()
    assert "not recorded in this audit" in text


def test_csv_gives_each_person_their_group_and_whom_they_know() -> None:
    rows = list(csv.DictReader(io.StringIO(snapshot.render(sample(), "csv").decode())))
    assert [(r["person"], r["group"], r["knows"]) for r in rows] == [
        ("Ana Silva", "1", "Ben Ode"),
        ("Ben Ode", "1", "Ana Silva"),
        ("Chen Li", "2", ""),
    ]
    unrecorded = list(csv.DictReader(io.StringIO(snapshot.render(sample(recorded=False), "csv")
                                                 .decode())))  # fmt: skip
    assert {(r["group"], r["knows"]) for r in unrecorded} == {("", "")}


def test_json_has_the_network_object() -> None:
    data = json.loads(snapshot.render(sample(), "json"))
    assert data["network"]["clusters"] == [["Ana Silva", "Ben Ode"], ["Chen Li"]]
    assert data["network"]["structural_holes"] == 2
    assert json.loads(snapshot.render(sample(recorded=False), "json"))["network"] is None


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_hidden_names_hide_the_groups_too(fmt: str) -> None:
    text = snapshot.render(sample(hide=True), fmt).decode()
    for name in ("Ana", "Silva", "Ben", "Chen"):
        assert name not in text
    if fmt == "json":
        clusters = json.loads(text)["network"]["clusters"]
        assert clusters == [["Person A", "Person B"], ["Person C"]]
    else:
        assert "Person A" in text and "Person C" in text


def test_the_pdf_has_a_picture_of_the_network() -> None:
    from cxjournal.exchange.snapshot_pdf import ensure_gui_application, network_picture

    ensure_gui_application()

    page = report_html(sample())
    assert NETWORK_IMAGE in page and "Network: who knows whom" in page
    assert NETWORK_IMAGE not in report_html(sample(recorded=False))
    image = network_picture(sample())
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 5)
               for y in range(0, image.height(), 5)}  # fmt: skip
    assert len(colours) > 10
    hidden = report_html(sample(hide=True))
    assert "Ana" not in hidden and "Person A, Person B" in hidden
    data = snapshot.render(sample(), "pdf")
    assert data.startswith(b"%PDF-") and data.count(b"/Subtype /Image") >= 2
