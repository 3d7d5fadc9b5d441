"""Tests for journal.resilience: the check-in operations on a real journal file."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import pytest

from cxjournal.domain.early_warning import DEFAULT_RULE, WarningRule, early_warning
from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import compare_tags
from cxjournal.journal import Journal
from cxjournal.journal.resilience import DISMISSED_WARNING_KEY, WARNING_RULE_KEY, TagUse

TODAY = dt.date(2026, 6, 30)
DAY = dt.timedelta(days=1)


def checkin(
    on: dt.date,
    energy: int = 6,
    stress: int = 4,
    mood: int = 6,
    drains: Sequence[str] = (),
    restorers: Sequence[str] = (),
    sleep: float | None = None,
    note: str = "",
) -> ResilienceEntry:
    return ResilienceEntry(
        on=on,
        energy=energy,
        stress=stress,
        mood=mood,
        sleep_hours=sleep,
        drains=tuple(drains),
        restorers=tuple(restorers),
        note=note,
    )


def shifted_log(today: dt.date = TODAY, recent_energy: int = 4) -> list[ResilienceEntry]:
    """28 earlier days at energy 7, then 14 recent days at ``recent_energy``."""
    earlier = [checkin(today - (14 + i) * DAY, energy=7) for i in range(28)]
    recent = [checkin(today - i * DAY, energy=recent_energy) for i in range(14)]
    return earlier + recent


# --------------------------------------------------------------------------- writing and reading


def test_one_entry_per_date_saving_again_edits(journal: Journal) -> None:
    ops = journal.resilience
    first = ops.save(checkin(TODAY, energy=3, drains=["Escalation"], sleep=6.5, note="long day"))
    again = ops.save(checkin(TODAY, energy=8, restorers=["walk"]))
    assert again.id == first.id
    assert ops.count() == 1
    stored = ops.get(TODAY)
    assert stored is not None
    assert (stored.energy, stored.drains, stored.restorers, stored.note) == (8, (), ("walk",), "")
    assert stored.sleep_hours is None


def test_get_reads_back_every_field(journal: Journal) -> None:
    saved = journal.resilience.save(
        checkin(
            TODAY,
            2,
            9,
            3,
            drains=["late email", "conflict"],
            restorers=["run"],
            sleep=5.5,
            note="Board prep",
        )
    )
    assert journal.resilience.get(TODAY) == saved
    assert journal.resilience.get(TODAY - DAY) is None


def test_save_refuses_out_of_range_and_writes_nothing(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.resilience.save(checkin(TODAY, energy=0, stress=11, sleep=25))
    assert len(caught.value.problems) == 3
    assert journal.resilience.count() == 0


def test_latest_and_latest_before(journal: Journal) -> None:
    ops = journal.resilience
    assert ops.latest() is None
    for offset, energy in ((10, 3), (5, 5), (1, 7)):
        ops.save(checkin(TODAY - offset * DAY, energy=energy))
    assert ops.latest().energy == 7  # type: ignore[union-attr]
    assert ops.latest(before=TODAY - DAY).energy == 5  # type: ignore[union-attr]
    assert ops.latest(before=TODAY - 5 * DAY).energy == 3  # type: ignore[union-attr]
    assert ops.latest(before=TODAY - 10 * DAY) is None


def test_newest_first_pages_count_span_and_dates(journal: Journal) -> None:
    ops = journal.resilience
    assert ops.span() is None
    assert ops.newest_first() == []
    days = [TODAY - i * 2 * DAY for i in range(7)]
    ops.save_many(checkin(d) for d in reversed(days))
    assert [e.on for e in ops.newest_first()] == days
    assert [e.on for e in ops.newest_first(limit=3)] == days[:3]
    assert [e.on for e in ops.newest_first(limit=3, offset=5)] == days[5:]
    assert ops.count() == 7
    assert ops.count(start=TODAY - 4 * DAY) == 3
    assert ops.count(end=TODAY - 4 * DAY) == 5
    assert ops.span() == (days[-1], days[0])
    assert ops.dates(start=TODAY - 5 * DAY, end=TODAY - DAY) == [TODAY - 4 * DAY, TODAY - 2 * DAY]
    assert [e.on for e in ops.between(TODAY - 4 * DAY, TODAY)] == sorted(days[:3])


def test_save_many_is_all_or_nothing_and_names_dates(journal: Journal) -> None:
    good = checkin(TODAY - DAY)
    bad = checkin(TODAY, mood=12)
    with pytest.raises(ValidationError) as caught:
        journal.resilience.save_many([good, bad])
    assert caught.value.problems == [f"{TODAY.isoformat()}: mood: 12 is not between 1 and 10"] or (
        caught.value.problems[0].startswith(TODAY.isoformat())
    )
    assert journal.resilience.count() == 0
    assert journal.resilience.save_many([good, checkin(TODAY), checkin(TODAY, energy=2)]) == 2
    assert journal.resilience.get(TODAY).energy == 2  # type: ignore[union-attr]


def test_delete_and_delete_on(journal: Journal) -> None:
    ops = journal.resilience
    kept = ops.save(checkin(TODAY - DAY))
    gone = ops.save(checkin(TODAY))
    ops.delete(gone.id)  # type: ignore[arg-type]
    assert ops.get(TODAY) is None
    with pytest.raises(NotFoundError):
        ops.delete(gone.id)  # type: ignore[arg-type]
    assert ops.delete_on(TODAY) is False
    assert ops.delete_on(kept.on) is True
    assert ops.count() == 0


# --------------------------------------------------------------------------- tags


def test_tag_vocabulary_counts_merges_spellings_and_sorts(journal: Journal) -> None:
    ops = journal.resilience
    assert ops.tag_vocabulary() == []
    ops.save_many(
        [
            checkin(TODAY - 4 * DAY, drains=["Meetings", "commute"], restorers=["walk"]),
            checkin(TODAY - 3 * DAY, drains=["meetings"], restorers=["Walk", "music"]),
            checkin(TODAY - 2 * DAY, drains=["meetings "]),
            checkin(TODAY - DAY, drains=["commute"], restorers=["music"]),
            checkin(TODAY),
        ]
    )
    vocab = ops.tag_vocabulary()
    # spellings merge under the most used (then most recent) one
    assert vocab == [
        TagUse("meetings", "drain", 3, TODAY - 2 * DAY),
        TagUse("commute", "drain", 2, TODAY - DAY),  # equal use: more recent first, then A-Z
        TagUse("music", "restorer", 2, TODAY - DAY),
        TagUse("Walk", "restorer", 2, TODAY - 3 * DAY),
    ]
    assert [t.tag for t in ops.tag_vocabulary("restorer")] == ["music", "Walk"]
    assert {t.kind for t in ops.tag_vocabulary("drain")} == {"drain"}


def test_tag_effects_match_the_domain_comparison(journal: Journal) -> None:
    rng = random.Random(5)
    entries = [
        checkin(
            TODAY - i * DAY,
            energy=rng.randint(1, 10),
            stress=rng.randint(1, 10),
            drains=rng.sample(["meetings", "escalation", "commute"], rng.randint(0, 2)),
            restorers=rng.sample(["walk", "family", "reading"], rng.randint(0, 2)),
        )
        for i in range(60)
    ]
    journal.resilience.save_many(entries)
    assert journal.resilience.tag_effects() == compare_tags(entries)
    start = TODAY - 20 * DAY
    in_range = [e for e in entries if e.on >= start]
    assert journal.resilience.tag_effects(start=start) == compare_tags(in_range)
    assert journal.resilience.tag_effects(start=TODAY) == []


# --------------------------------------------------------------------------- warning rule


def test_warning_rule_defaults_store_and_reset(journal: Journal) -> None:
    ops = journal.resilience
    assert ops.warning_rule() == DEFAULT_RULE
    custom = WarningRule(recent_days=10, energy_drop=2.0)
    ops.set_warning_rule(custom)
    assert ops.warning_rule() == custom
    assert journal.settings.get(WARNING_RULE_KEY)["recent_days"] == 10
    ops.reset_warning_rule()
    assert ops.warning_rule() == DEFAULT_RULE
    assert journal.settings.get(WARNING_RULE_KEY) is None


def test_setting_the_defaults_stores_nothing(journal: Journal) -> None:
    journal.resilience.set_warning_rule(WarningRule(stress_rise=3))
    journal.resilience.set_warning_rule(WarningRule())
    assert journal.settings.get(WARNING_RULE_KEY) is None


def test_bad_warning_rule_is_refused_and_a_damaged_one_ignored(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        journal.resilience.set_warning_rule(WarningRule(min_recent=0))
    assert journal.settings.get(WARNING_RULE_KEY) is None
    journal.settings.set(WARNING_RULE_KEY, {"recent_days": "many"})
    assert journal.resilience.warning_rule() == DEFAULT_RULE
    journal.settings.set(WARNING_RULE_KEY, [1, 2])
    assert journal.resilience.warning_rule() == DEFAULT_RULE


def test_warning_uses_the_stored_rule(journal: Journal) -> None:
    journal.resilience.save_many(shifted_log(recent_energy=6))  # a drop of 1.0
    assert journal.resilience.warning(TODAY) is None
    journal.resilience.set_warning_rule(WarningRule(energy_drop=1.0))
    found = journal.resilience.warning(TODAY)
    assert found is not None and found.moved == ("energy",)
    assert journal.resilience.warning(TODAY, rule=WarningRule(energy_drop=1.1)) is None


def test_warning_matches_the_domain_rule_on_a_long_log(journal: Journal) -> None:
    rng = random.Random(11)

    def energy(days_back: int) -> int:
        if days_back < 20:  # a recent drop
            return rng.randint(2, 4)
        if 120 <= days_back < 240:  # a slow decline from 10 to 1: a long-running shift
            return max(1, min(10, round((days_back - 120) / 12)))
        return rng.randint(6, 9)

    entries = [checkin(TODAY - i * DAY, energy=energy(i)) for i in range(900) if rng.random() < 0.9]
    journal.resilience.save_many(entries)
    found = []
    for today in (TODAY, TODAY - 30 * DAY, TODAY - 140 * DAY, TODAY - 200 * DAY):
        found.append(journal.resilience.warning(today))
        assert found[-1] == early_warning(entries, today)
    assert found[0] is not None and found[2] is not None
    assert (TODAY - 140 * DAY - found[2].onset).days > 42  # the onset lies beyond both windows


def test_dismissed_warning_stays_hidden_until_the_next_shift(journal: Journal) -> None:
    ops = journal.resilience
    ops.save_many(shifted_log())
    found = ops.warning(TODAY)
    assert found is not None
    assert ops.dismissed_warning() is None
    ops.dismiss_warning(found.key)
    assert journal.settings.get(DISMISSED_WARNING_KEY) == found.key
    assert ops.warning(TODAY) is None
    assert ops.warning(TODAY, include_dismissed=True) == found
    # the shift goes on: still hidden the next day
    ops.save(checkin(TODAY + DAY, energy=4))
    assert ops.warning(TODAY + DAY) is None
    # stress now rises too: what moved changes, so it is a new shift and shows again
    for i in range(14):
        ops.save(checkin(TODAY + (1 + i) * DAY, energy=4, stress=9))
    later = ops.warning(TODAY + 14 * DAY)
    assert later is not None and later.key != found.key
    ops.clear_dismissed_warning()
    assert ops.dismissed_warning() is None


def test_no_warning_without_enough_entries(journal: Journal) -> None:
    journal.resilience.save_many(shifted_log()[:-10])  # only 4 recent entries
    assert journal.resilience.warning(TODAY) is None


# --------------------------------------------------------------------------- summary


def test_summary_on_an_empty_journal(journal: Journal) -> None:
    summary = journal.resilience.summary(TODAY)
    assert summary.today_entry is None and summary.latest is None
    assert summary.recent == () and summary.warning is None and summary.total == 0
    assert summary.consistency.days_logged == 0


def test_summary_with_a_shift(journal: Journal) -> None:
    journal.resilience.save_many(shifted_log())
    summary = journal.resilience.summary(TODAY)
    assert summary.today_entry is not None and summary.today_entry.on == TODAY
    assert [e.on for e in summary.recent] == [TODAY - i * DAY for i in range(13, -1, -1)]
    assert summary.warning is not None and summary.warning.moved == ("energy",)
    assert summary.consistency.days_logged == 28
    assert summary.total == 42
    journal.resilience.dismiss_warning(summary.warning.key)
    assert journal.resilience.summary(TODAY).warning is None


def test_summary_latest_reaches_before_the_fortnight(journal: Journal) -> None:
    journal.resilience.save(checkin(TODAY - 40 * DAY, energy=2))
    summary = journal.resilience.summary(TODAY)
    assert summary.recent == () and summary.today_entry is None
    assert summary.latest is not None and summary.latest.energy == 2


def test_consistency_forgives_a_missed_day(journal: Journal) -> None:
    journal.resilience.save_many(checkin(TODAY - d * DAY) for d in (0, 2, 3, 6))
    result = journal.resilience.consistency(TODAY, window_days=7)
    assert (result.days_logged, result.current_run) == (4, 3)


def test_summary_consistency_follows_a_run_beyond_the_warning_weeks(journal: Journal) -> None:
    # every other day for two years: one long run, far longer than the weeks the warning reads
    journal.resilience.save_many(checkin(TODAY - 2 * i * DAY) for i in range(365))
    summary = journal.resilience.summary(TODAY)
    assert summary.consistency == journal.resilience.consistency(TODAY)
    assert summary.consistency.current_run == 365


def test_summary_matches_the_separate_operations(journal: Journal) -> None:
    rng = random.Random(3)
    journal.resilience.save_many(
        checkin(TODAY - i * DAY, energy=rng.randint(1, 10), stress=rng.randint(1, 10))
        for i in range(600)
        if rng.random() < 0.7
    )
    for today in (TODAY, TODAY - 100 * DAY):
        summary = journal.resilience.summary(today)
        assert summary.warning == journal.resilience.warning(today)
        assert summary.consistency == journal.resilience.consistency(today)
        assert summary.latest == journal.resilience.latest(before=today + DAY)
        assert list(summary.recent) == journal.resilience.between(today - 13 * DAY, today)
