"""Search finds people first, shows the matched text of each hit, filters and pages."""

from __future__ import annotations

import datetime as dt

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import FollowUp, Note, NoteKind, Person, ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.journal.search import SearchFilter
from cxjournal.store.search_index import MARK_END, MARK_START

D = dt.date(2026, 2, 1)


def _busy_ana(journal: Journal) -> tuple[Person, Person]:
    ana = journal.people.add(Person("Ana Silva", role="VP Operations"))
    ben = journal.people.add(Person("Ben Okafor", motivations="Ana's churn programme"))
    for day in range(1, 21):
        journal.notes.add(
            Note(
                dt.date(2026, 1, day),
                f"Ana Ana Ana talked churn {day}",
                person_id=ana.id,
                follow_ups=(FollowUp(f"Send Ana the churn deck {day}", dt.date(2026, 2, day)),),
            )
        )
    return ana, ben


def test_a_person_whose_name_matches_comes_first(journal: Journal) -> None:
    ana, _ben = _busy_ana(journal)
    hits = journal.search.query("ana")
    assert (hits[0].kind, hits[0].item_id) == ("person", ana.id)
    assert hits[0].title_marked == f"{MARK_START}Ana{MARK_END} Silva"
    assert "<u>Ana</u> Silva" in hits[0].title_html()
    # Ben mentions Ana in his motivations but is not named Ana: not first
    assert all(h.kind != "person" or h.item_id == ana.id for h in hits[:1])
    assert journal.search.query("silva")[0].kind == "person"
    assert journal.search.query("ana silva")[0].item_id == ana.id


def test_a_follow_up_shows_its_own_text_with_the_match(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    journal.notes.add(
        Note(D, "met", person_id=ana.id, follow_ups=(FollowUp("Send the pricing deck"),))
    )
    [hit] = journal.search.query("pricing")
    assert hit.kind == "follow_up"
    assert hit.snippet_text("[", "]") == "Send the [pricing] deck"
    # found by the person's name: the snippet is still the follow-up itself, not the name
    by_name = [h for h in journal.search.query("ana") if h.kind == "follow_up"]
    assert by_name and by_name[0].snippet_text() == "Send the pricing deck"
    assert by_name[0].title_marked.startswith(f"Follow-up · {MARK_START}Ana{MARK_END} Silva")


def test_a_check_in_found_by_its_tags_shows_the_tags(journal: Journal) -> None:
    journal.resilience.save(
        ResilienceEntry(D, 5, 5, 5, drains=("commute",), restorers=("running",), note="ok")
    )
    [hit] = journal.search.query("running")
    assert f"{MARK_START}running{MARK_END}" in hit.snippet


def test_filters_by_person_kind_and_date(journal: Journal) -> None:
    ana, ben = _busy_ana(journal)
    journal.notes.add(Note(dt.date(2026, 1, 5), "churn with Ben", person_id=ben.id))
    about_ben = journal.search.query("churn", only=SearchFilter(person_id=ben.id))
    assert {(h.kind, h.person_id) for h in about_ben} == {("person", ben.id), ("note", ben.id)}
    follow_ups = journal.search.query("churn", only=SearchFilter(kinds=("follow_up",)))
    assert {h.kind for h in follow_ups} == {"follow_up"} and len(follow_ups) == 20
    week = SearchFilter(since=dt.date(2026, 1, 3), until=dt.date(2026, 1, 9))
    dated = journal.search.query("churn", only=week)
    assert sorted(h.on for h in dated if h.on) == sorted(
        [dt.date(2026, 1, d) for d in range(3, 10)] + [dt.date(2026, 1, 5)]
    )
    assert all(h.kind != "person" for h in dated)  # people have no date
    both = SearchFilter(person_id=ana.id, kinds=("note",), since=dt.date(2026, 1, 19))
    found = journal.search.query("churn", only=both)
    assert {(h.kind, h.person_id) for h in found} == {("note", ana.id)}
    assert sorted(h.on for h in found if h.on) == [dt.date(2026, 1, 19), dt.date(2026, 1, 20)]
    assert journal.search.count("churn", only=both) == 2


def test_a_filter_that_makes_no_sense_is_refused_by_name(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="kind: 'memo' is not one of"):
        journal.search.query("churn", only=SearchFilter(kinds=("memo",)))
    with pytest.raises(ValidationError, match="since: 2026-02-02 is after until"):
        journal.search.query(
            "churn", only=SearchFilter(since=dt.date(2026, 2, 2), until=dt.date(2026, 2, 1))
        )


def test_pages_past_fifty_with_people_first_and_nothing_twice(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Pipeline"))
    for n in range(130):
        journal.notes.add(Note(D + dt.timedelta(days=n), f"pipeline review {n}", kind=NoteKind.WIN))
    assert journal.search.count("pipeline") == 131
    pages = [journal.search.query("pipeline", limit=50, offset=o) for o in (0, 50, 100)]
    assert [len(p) for p in pages] == [50, 50, 31]
    seen = [(h.kind, h.item_id) for page in pages for h in page]
    assert len(set(seen)) == 131
    assert seen[0] == ("person", ana.id)
    assert journal.search.query("pipeline", limit=50, offset=131) == []
