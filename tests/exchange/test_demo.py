"""The demo journal: valid format v1, deterministic, fast, and telling a believable story."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import statistics
from collections import Counter
from functools import cache
from typing import Any

import pytest

from cxjournal.exchange.demo import CAST_SIZE, generate, generate_heavy
from cxjournal.exchange.format_read import parse
from cxjournal.exchange.format_write import to_json_text

TODAY = dt.date(2026, 11, 22)
FAVOURABLE = {"champion", "supporter"}
UNFAVOURABLE = {"skeptic", "resistor"}


@cache
def demo_text(years: int, seed: int = 1) -> str:
    return to_json_text(generate(years=years, seed=seed, today=TODAY))


def demo(years: int, seed: int = 1) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(demo_text(years, seed))
    return result


def days_of(doc: dict[str, Any]) -> list[dt.date]:
    found = [dt.date.fromisoformat(a["taken_on"]) for a in doc["audits"]]
    found += [dt.date.fromisoformat(n["on"]) for n in doc["notes"]]
    found += [dt.date.fromisoformat(r["on"]) for r in doc["resilience"]]
    return found


@pytest.mark.parametrize("years", [1, 2, 10])
def test_demo_is_a_valid_document(years: int) -> None:
    doc = parse(demo_text(years))
    assert 35 <= len(doc.people) <= 45
    assert len(doc.audits) == 4 * years
    assert doc.exported_at is not None and doc.exported_at.date() == TODAY


def test_demo_is_version_2_with_an_address_for_everyone() -> None:
    doc = demo(2)
    assert doc["version"] == 2
    addresses = [e.casefold() for p in doc["people"] for e in p["emails"]]
    assert len(addresses) == len(doc["people"]) == len(set(addresses))
    assert all(a.endswith(".example") and a.count("@") == 1 for a in addresses)
    assert doc["settings"]["my_emails"] == ["you@callowaymutual.example"]
    assert doc["settings"]["my_emails"][0] not in addresses


@pytest.mark.parametrize("years", [1, 10])
def test_dates_cover_the_years_before_today(years: int) -> None:
    days = days_of(demo(years))
    assert max(days) <= TODAY
    assert min(days) >= TODAY - dt.timedelta(days=366 * years)
    assert min(days) <= TODAY - dt.timedelta(days=360 * years)


def test_same_seed_same_journal_other_seed_other_journal() -> None:
    assert generate(years=2, seed=3, today=TODAY) == generate(years=2, seed=3, today=TODAY)
    first, other = generate(years=2, seed=3, today=TODAY), generate(years=2, seed=4, today=TODAY)
    assert first["notes"] != other["notes"]
    assert first["resilience"] != other["resilience"]


def test_today_defaults_to_the_real_today() -> None:
    doc = generate(years=1)
    latest = max(days_of(doc))
    assert dt.date.today() - dt.timedelta(days=3) <= latest <= dt.date.today()


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        generate(years=0)
    with pytest.raises(ValueError):
        generate_heavy(years=1, notes_per_day=0)


# --- people -------------------------------------------------------------------


def test_people_span_teams_functions_units_locations_and_outsiders() -> None:
    people = demo(2)["people"]
    for dimension in ("team", "function", "product_unit", "location"):
        assert len({p[dimension] for p in people if p[dimension]}) >= 4, dimension
    outsiders = [p for p in people if not p["internal"]]
    assert len(outsiders) >= 4
    assert all(p["relationship"] == "external" for p in outsiders)
    assert len({p["organisation"] for p in outsiders}) >= 4
    assert {"superior", "peer", "report", "external", "other"} <= {
        p["relationship"] for p in people
    }
    assert len({p["name"] for p in people}) == len(people)
    assert any(p["archived"] for p in people)


def test_key_stakeholders_say_what_they_need_and_how_often() -> None:
    key = [p for p in demo(2)["people"] if p["key_stakeholder"]]
    assert len(key) >= 8
    for person in key:
        assert person["cadence_days"] is not None and 1 <= person["cadence_days"] <= 366
        assert person["information_needs"] and person["motivations"]
        assert person["preferred_format"] is not None
    assert len({p["preferred_format"] for p in key}) >= 4


# --- audits and the exit plan --------------------------------------------------


@pytest.mark.parametrize("years", [1, 2, 10])
def test_a_blocking_period_then_a_latest_audit_that_is_not(years: int) -> None:
    doc = demo(years)
    superiors = {p["id"] for p in doc["people"] if p["relationship"] == "superior"}
    flags = [a["blocking_superior"] for a in doc["audits"]]
    blocking = [i for i, flag in enumerate(flags) if flag]
    assert 2 <= len(blocking) <= 3
    assert blocking == list(range(blocking[0], blocking[-1] + 1))  # one period
    assert not flags[-1]
    blockers = {doc["audits"][i]["blocking_superior_person"] for i in blocking}
    assert len(blockers) == 1 and blockers <= superiors
    assert all(
        a["blocking_superior_person"] is None for a in doc["audits"] if not a["blocking_superior"]
    )
    plan = doc["exit_plan"]
    assert plan["status"] == "paused"
    done = [item["done"] for item in plan["items"]]
    assert any(done) and not all(done)


@pytest.mark.parametrize("years", [2, 10])
def test_the_top_ten_and_its_ratings_drift(years: int) -> None:
    audits = demo(years)["audits"]
    members = [frozenset(r["person"] for r in a["ratings"]) for a in audits]
    assert all(len(m) == 10 for m in members)
    changes = sum(1 for before, after in itertools.pairwise(members) if before != after)
    assert changes >= len(audits) // 3
    assert len(frozenset().union(*members)) >= 13
    values: dict[str, set[tuple[int, ...]]] = {}
    for audit in audits:
        for r in audit["ratings"]:
            scores = (r["value"], r["irreplaceability"], r["my_value"], r["my_irreplaceability"])
            values.setdefault(r["person"], set()).add(scores)
    assert sum(1 for seen in values.values() if len(seen) > 1) >= 5


def test_aspects_are_mostly_rated_and_sometimes_null() -> None:
    audits = demo(2)["audits"]
    assert all(v is None for r in audits[0]["ratings"] for v in r["aspects"].values())
    later = [v for a in audits[1:] for r in a["ratings"] for v in r["aspects"].values()]
    assert 0 < later.count(None) < len(later) // 4


# --- notes --------------------------------------------------------------------


@pytest.mark.parametrize("years", [1, 10])
def test_one_or_two_notes_a_week_mostly_one_on_ones(years: int) -> None:
    notes = demo(years)["notes"]
    per_week = len(notes) / (52.18 * years)
    assert 1.0 <= per_week <= 2.0
    kinds = Counter(n["kind"] for n in notes)
    assert kinds.most_common(1)[0][0] == "one_on_one"
    assert len(kinds) >= 6
    assert any(n["person"] is None for n in notes)


def test_notes_carry_the_cx_tags() -> None:
    tags = Counter(t for n in demo(2)["notes"] for t in n["tags"])
    assert {"roi", "churn", "nps", "journey-mapping", "governance"} <= set(tags)


def test_some_attitudes_move_from_skeptic_to_champion() -> None:
    notes = demo(10)["notes"]
    middle = TODAY - dt.timedelta(days=5 * 365)
    early: dict[str, Counter[str]] = {}
    late: dict[str, Counter[str]] = {}
    for n in notes:
        if n["person"] and n["attitude"]:
            side = early if dt.date.fromisoformat(n["on"]) < middle else late
            side.setdefault(n["person"], Counter())[n["attitude"]] += 1
    converts = [
        pid
        for pid in early
        if early[pid].most_common(1)[0][0] in UNFAVOURABLE
        and pid in late
        and late[pid].most_common(1)[0][0] in FAVOURABLE
    ]
    assert len(converts) >= 2


def test_old_follow_ups_are_mostly_done_recent_ones_mostly_open() -> None:
    follow_ups = [f for n in demo(10)["notes"] for f in n["follow_ups"]]
    assert len(follow_ups) >= 100
    old = [
        f["done"]
        for f in follow_ups
        if dt.date.fromisoformat(f["due"]) < TODAY - dt.timedelta(days=30)
    ]
    recent = [
        f["done"]
        for f in follow_ups
        if dt.date.fromisoformat(f["due"]) >= TODAY - dt.timedelta(days=5)
    ]
    assert sum(old) / len(old) >= 0.85
    assert recent and sum(recent) / len(recent) <= 0.5
    assert all(f["due"] >= n["on"] for n in demo(2)["notes"] for f in n["follow_ups"])


def test_note_texts_rarely_repeat_over_ten_years() -> None:
    texts = [n["text"] for n in demo(10)["notes"]]
    assert len(set(texts)) / len(texts) >= 0.9
    assert all(text[0].isupper() or text.startswith("1:1") for text in texts)
    assert all("{" not in text and "}" not in text for text in texts)


def test_people_in_notes_were_around_at_the_time() -> None:
    doc = demo(10)
    archived = {p["id"] for p in doc["people"] if p["archived"]}
    last_note: dict[str, str] = {}
    for n in doc["notes"]:
        if n["person"]:
            last_note[n["person"]] = max(last_note.get(n["person"], ""), n["on"])
    # people who left stopped appearing well before today
    assert all(
        last_note.get(pid, "") < (TODAY - dt.timedelta(days=60)).isoformat() for pid in archived
    )


# --- resilience ---------------------------------------------------------------


@pytest.mark.parametrize("years", [2, 10])
def test_a_check_in_most_days_with_linked_scores(years: int) -> None:
    entries = demo(years)["resilience"]
    days = (TODAY - min(dt.date.fromisoformat(e["on"]) for e in entries)).days + 1
    assert 0.78 <= len(entries) / days <= 0.92
    energy = [e["energy"] for e in entries]
    stress = [e["stress"] for e in entries]
    mood = [e["mood"] for e in entries]
    assert statistics.correlation(energy, stress) < -0.4
    assert statistics.correlation(energy, mood) > 0.4
    sleep = [e["sleep_hours"] for e in entries if e["sleep_hours"] is not None]
    assert len(sleep) >= 0.9 * len(entries) and 5 <= statistics.mean(sleep) <= 9
    drains = {d for e in entries for d in e["drains"]}
    restorers = {r for e in entries for r in e["restorers"]}
    assert 5 <= len(drains) <= 15 and 5 <= len(restorers) <= 15


def test_a_stressful_stretch_of_several_weeks_stands_out() -> None:
    entries = demo(2)["resilience"]
    stress = [e["stress"] for e in entries]
    window = 24  # about four weeks of check-ins
    rolling = [statistics.mean(stress[i : i + window]) for i in range(len(stress) - window)]
    assert max(rolling) >= statistics.mean(stress) + 1.8


# --- the heavy variant ----------------------------------------------------------


def test_heavy_demo_has_about_twenty_thousand_notes_and_parses() -> None:
    doc = generate_heavy(years=10, seed=2, today=TODAY)
    assert 18_000 <= len(doc["notes"]) <= 22_000
    parsed = parse(to_json_text(doc))
    assert len(parsed.notes) == len(doc["notes"])
    assert len(parsed.audits) == 40


def test_who_knows_whom_is_recorded_from_the_third_audit_and_moves() -> None:
    from cxjournal.domain.network import network_figures

    doc = demo(3)
    audits = doc["audits"]
    assert [a["ties_recorded"] for a in audits[:2]] == [False, False]
    assert all(a["ties_recorded"] for a in audits[2:])
    for audit in audits:
        rated = {r["person"] for r in audit["ratings"]}
        pairs = [frozenset(t) for t in audit["ties"]]
        assert all(len(p) == 2 and p <= rated for p in pairs)  # two different rated people
        assert len(set(pairs)) == len(pairs)  # each pair once
    tie_sets = [frozenset(frozenset(t) for t in a["ties"]) for a in audits[2:]]
    assert len(set(tie_sets)) > len(tie_sets) // 2  # the network moves quarter by quarter
    parsed = parse(demo_text(3))
    figures = [network_figures(a.audit) for a in parsed.audits]
    assert figures[0] is None and all(f is not None for f in figures[2:])
    groups = [len(f.clusters) for f in figures[2:] if f is not None]
    assert max(groups) >= 2  # there are groups to join by an introduction
    assert all(0 < f.density < 0.6 for f in figures[2:] if f is not None)
    assert demo_text(3) == to_json_text(generate(years=3, seed=1, today=TODAY))
    assert demo(3, seed=2)["audits"][5]["ties"] != audits[5]["ties"]


# --- sizes: more people, more notes ---------------------------------------------


def test_without_size_options_the_journal_is_the_same_text_as_before() -> None:
    import hashlib

    def digest(doc: dict[str, Any]) -> str:
        return hashlib.sha256(to_json_text(doc).encode("utf-8")).hexdigest()

    # the texts these versions wrote before --people and --notes-per-day existed
    assert digest(generate(years=3, seed=1, today=TODAY)) == (
        "399357db8a23ec3d440802cc40becde1c6fab4cff8e91a20ba1fdfcf1d6b17e6"
    )
    assert digest(generate_heavy(years=1, seed=1, today=TODAY)) == (
        "721a49226e86614b5e1d1a47f365319e495aefb2b18e5ee3d7420e92b652cea3"
    )
    assert generate(years=3, seed=1, today=TODAY, people=CAST_SIZE) == demo(3)


def test_more_people_join_the_story_as_colleagues_met_now_and_then() -> None:
    doc = generate(years=3, seed=1, today=TODAY, people=120)
    assert len(doc["people"]) == 120
    names = [p["name"] for p in doc["people"]]
    assert len(set(names)) == 120 and names[:CAST_SIZE] == [p["name"] for p in demo(3)["people"]]
    addresses = {e for p in doc["people"] for e in p["emails"]}
    assert len(addresses) == 120
    newcomers = {p["id"] for p in doc["people"][CAST_SIZE:]}
    about = Counter(n["person"] for n in doc["notes"] if n["person"] is not None)
    assert sum(about[i] for i in newcomers) > 0  # the crowd appears in notes
    assert max(about, key=lambda i: about[i]) not in newcomers  # the story's people lead
    parsed = parse(to_json_text(doc))
    assert len(parsed.people) == 120
    assert generate(years=3, seed=1, today=TODAY, people=120) == doc


def test_a_big_journal_has_the_notes_a_day_asked_for() -> None:
    doc = generate_heavy(years=1, seed=3, notes_per_day=12.5, today=TODAY, people=60)
    assert 12 * 365 <= len(doc["notes"]) <= 13 * 366
    assert len(doc["people"]) == 60
    assert len(parse(to_json_text(doc)).notes) == len(doc["notes"])


def test_fewer_people_than_the_cast_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 40"):
        generate(years=1, people=CAST_SIZE - 1)
