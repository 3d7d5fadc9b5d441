"""The list of audits analyses an audit once, not on every refresh: only a changed audit,
or every audit once after the thresholds change, is analysed again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from cxjournal.domain import power_audit
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.journal import Journal
from cxjournal.journal import audits as audit_ops


def test_summaries_analyse_only_what_changed(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysed: list[dt.date] = []

    def counting(audit: Audit, thresholds: object) -> power_audit.Analysis:
        analysed.append(audit.taken_on)
        return power_audit.analyse(audit, thresholds)  # type: ignore[arg-type]

    monkeypatch.setattr(audit_ops, "analyse", counting)
    audit_ops.alarm_codes.cache_clear()
    ana = journal.people.add(Person(name="Ana"))
    bob = journal.people.add(Person(name="Bob"))
    days = [dt.date(2026, month, 1) for month in (1, 2, 3)]
    saved = [
        journal.audits.save(
            Audit(taken_on=day, ratings=(Rating(ana, 9, 9, 2, 2), Rating(bob, 3 + i, 4, 5, 6)))
        )
        for i, day in enumerate(days)
    ]
    first = journal.audits.summaries()
    assert sorted(analysed) == days
    assert [s.alarm_codes for s in first] == [
        tuple(c.value for c in power_audit.analyse(a, journal.settings.thresholds()).alarm_codes)
        for a in reversed(journal.audits.all())
    ]
    analysed.clear()
    assert journal.audits.summaries() == first
    assert analysed == []  # nothing changed: nothing analysed again

    journal.audits.save(replace(journal.audits.get(saved[1].id or 0), note="re-rated"))
    journal.audits.summaries()
    assert analysed == [days[1]]  # only the audit that changed

    analysed.clear()
    thresholds = journal.settings.thresholds()
    journal.settings.set_thresholds(replace(thresholds, reach_share=0.5))
    changed = journal.audits.summaries()
    assert sorted(analysed) == days  # new thresholds: each audit once
    assert [s.id for s in changed] == [s.id for s in first]
