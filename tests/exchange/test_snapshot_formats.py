"""Audit snapshot files: Markdown, CSV (RFC 4180), JSON (the analysis spec) and PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from cxjournal.domain.model import ASPECTS, Aspects, Audit, Person, Rating
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import snapshot
from cxjournal.exchange.snapshot import Snapshot, build_snapshot, make_snapshot
from cxjournal.exchange.snapshot_csv import HEADER, render_csv, safe_text
from cxjournal.exchange.snapshot_html import report_html
from cxjournal.exchange.snapshot_markdown import escape, render_markdown
from cxjournal.journal import Journal

TODAY = dt.date(2026, 11, 22)
ODD = Person(name='O\'Neil, "Sam" | *x*', id=7, team="Ops, London", function="=SUM(A1)")
RTL = Person(name="מרים כהן 🚀", id=8, team="צוות")


def sample(hide: bool = False, note: str = "Keep going\n\nNext: sponsor") -> Snapshot:
    audit = Audit(
        dt.date(2026, 4, 1),
        (
            Rating(ODD, 8, 7, 5, 4, Aspects(career_guidance=6, resource_access=0)),
            Rating(RTL, 2, 2, 9, 9),
        ),
        note=note,
        id=5,
    )
    history = [(dt.date(2026, 1, 1), 2, 3.0, 4.0), (dt.date(2026, 4, 1), 5, 8.1, 6.0)]
    return make_snapshot(audit, Thresholds(), history, hide_names=hide, made_on=TODAY)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# --- CSV ---------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_person() -> None:
    text = render_csv(sample())
    rows = rows_of(text)
    assert rows[0] == list(HEADER)
    assert len(rows) == 3
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["person"] == ODD.name
    assert first["team"] == "Ops, London"
    assert first["function"] == "'=SUM(A1)"  # never a formula in a spreadsheet
    assert (first["value"], first["irreplaceability"], first["my_value"]) == ("8", "7", "5")
    assert (first["career_guidance"], first["resource_access"], first["emotional_support"]) == (
        "6",
        "0",
        "",
    )
    assert (first["dependence_on_them"], first["their_dependence_on_me"]) == ("5.6", "2")
    assert (first["balance"], first["kind"]) == ("-3.6", "you_lean_on_them")
    assert first["audit_date"] == "2026-04-01"
    assert dict(zip(rows[0], rows[2], strict=True))["person"] == RTL.name


def test_csv_follows_rfc_4180() -> None:
    text = render_csv(sample())
    assert text.count("\r\n") == 3 and text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert ""","O'Neil, ""Sam"" | *x*",other,"Ops, London",'=SUM(A1),""" in text
    assert all(name in HEADER for name in ASPECTS)


@pytest.mark.parametrize(
    ("value", "safe"),
    [("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-x", "'-x"), ("@me", "'@me"), ("Ana", "Ana")],
)
def test_csv_text_never_runs_as_a_formula(value: str, safe: str) -> None:
    assert safe_text(value) == safe


def test_csv_of_an_audit_without_ratings_is_just_the_header() -> None:
    snap = make_snapshot(Audit(dt.date(2026, 1, 1)), Thresholds(), [], made_on=TODAY)
    assert rows_of(render_csv(snap)) == [list(HEADER)]


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_holds_the_whole_report() -> None:
    text = render_markdown(sample())
    assert text.startswith("# Power audit snapshot: 1 April 2026\n")
    for heading in ("## People", "## Totals", "## Reach", "## Alarm bells", "## Trend", "## Note"):
        assert heading in text
    assert escape(ODD.name) in text and "\\|" in text
    assert "| **2026-04-01** | 8.1 | 6 |" in text
    assert "Keep going\n\nNext: sponsor" in text
    assert "inspired by" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") == table_rows[0].count(" | ") for line in table_rows[:4])


def test_markdown_escapes_what_would_change_the_layout() -> None:
    assert escape("a|b *c* _d_ [e](f) <g> #h\nnext") == r"a\|b \*c\* \_d\_ \[e\](f) \<g\> \#h next"


def test_markdown_of_an_empty_audit_says_so() -> None:
    snap = make_snapshot(Audit(dt.date(2026, 1, 1)), Thresholds(), [], made_on=TODAY)
    text = render_markdown(snap)
    assert "This audit rates no one." in text and "## Totals" not in text


# --- JSON ----------------------------------------------------------------------------------


def test_json_is_the_analysis_of_the_spec_plus_the_trend() -> None:
    data = json.loads(snapshot.render(sample(), "json"))
    assert set(data) >= {"audit", "thresholds", "contacts", "totals", "reach", "alarms"}
    assert data["audit"] == {
        "id": "5",
        "taken_on": "2026-04-01",
        "blocking_superior": False,
        "blocking_superior_person": None,
    }
    assert data["contacts"][0]["person"] == {"id": "7", "name": ODD.name}
    assert data["contacts"][0]["dependence_on_them"] == 5.6
    assert data["snapshot"]["trend"][-1] == {
        "taken_on": "2026-04-01",
        "influence": 8.1,
        "reliance": 6.0,
        "current": True,
    }
    assert data["snapshot"]["names_hidden"] is False


# --- hidden names in every format ------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_hidden_names_appear_in_no_text_format(fmt: str) -> None:
    data = snapshot.render(sample(hide=True, note="Sam was great"), fmt).decode("utf-8")
    for word in ("O'Neil", "Sam", "מרים", "כהן", "Sam was great"):
        assert word not in data
    assert "Person A" in data and "Person B" in data


def test_hidden_names_appear_nowhere_in_the_pdf_text() -> None:
    page = report_html(sample(hide=True, note="Sam was great"))
    for word in ("O&#x27;Neil", "Sam", "מרים", "כהן"):
        assert word not in page
    assert "Person A" in page and "left out because names are hidden" in page


def test_hidden_json_gives_no_ids() -> None:
    data = json.loads(snapshot.render(sample(hide=True), "json"))
    assert [c["person"] for c in data["contacts"]] == [
        {"id": None, "name": "Person A"},
        {"id": None, "name": "Person B"},
    ]
    assert data["snapshot"]["names_hidden"] is True


# --- PDF and writing -------------------------------------------------------------------------


def test_pdf_is_a_short_report(journal: Journal) -> None:
    data = snapshot.render(sample(), "pdf")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>")
    assert 1 <= pages <= 2


def test_pdf_pictures_are_drawn() -> None:
    from cxjournal.exchange.snapshot_pdf import balance_map, trend_chart

    snap = sample()
    image = balance_map(snap)
    assert not image.isNull() and image.width() > 1000
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}  # fmt: skip
    assert "#ffffff" in colours and len(colours) > 20  # more than a blank canvas
    assert not trend_chart(snap.trend).isNull()
    assert not trend_chart(snap.trend[:1]).isNull()  # one audit: no line, one point


def test_write_snapshot_is_atomic_and_refuses_unknown_formats(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    size = snapshot.write_snapshot(sample(), "md", target)
    assert target.stat().st_size == size and target.read_text().startswith("# Power audit")
    with pytest.raises(ValueError, match="unknown snapshot format"):
        snapshot.write_snapshot(sample(), "docx", tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_every_format_renders_a_real_journal(journal: Journal, tmp_path: Path) -> None:
    ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
    journal.audits.save(Audit(dt.date(2026, 1, 1), (Rating(ana, 5, 5, 5, 5),)))
    snap = build_snapshot(journal, hide_names=True, today=TODAY)
    for fmt in snapshot.FORMATS:
        path = tmp_path / f"s.{fmt}"
        assert snapshot.write_snapshot(snap, fmt, path) > 100
        assert b"Ana" not in path.read_bytes() or fmt == "pdf"
