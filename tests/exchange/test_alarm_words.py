"""Every export and the CLI name each alarm with the app's one title (``wording.ALARMS``)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from cxjournal.cli.audit_cmd import format_analysis
from cxjournal.domain.power_audit import analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import ALARMS
from cxjournal.exchange.snapshot import Snapshot, make_snapshot
from cxjournal.exchange.snapshot_html import report_html
from cxjournal.exchange.snapshot_markdown import render_markdown
from tests.alarm_sample import every_alarm_audit

TITLES = [words.title for words in ALARMS.values()]
#: spellings the app once used beside the titles; none may come back
OLD = ("Limited reach", "On them", "On me", "Top two hold", "Top-two share", "reach_share")


def snapshot() -> Snapshot:
    audit = every_alarm_audit()
    return make_snapshot(audit, Thresholds(), [], made_on=dt.date(2026, 3, 9))


def assert_titles_in(text: str) -> None:
    missing = [title for title in TITLES if title not in text]
    assert not missing, missing
    stale = [word for word in OLD if word in text]
    assert not stale, stale


def test_markdown_names_each_alarm_by_its_title() -> None:
    assert_titles_in(render_markdown(snapshot()))


def test_html_names_each_alarm_by_its_title() -> None:
    assert_titles_in(report_html(snapshot()))


def test_the_cli_names_each_alarm_by_its_title() -> None:
    assert_titles_in(format_analysis(analyse(every_alarm_audit(), Thresholds())))


def test_the_pdf_names_each_alarm_by_its_title() -> None:
    from cxjournal.exchange.snapshot_pdf import render_pdf

    reader = PdfReader(io.BytesIO(render_pdf(snapshot())))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert_titles_in(text)
