"""Full-text search: kept in sync by triggers, ranked, highlighted, and never raising."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxjournal.domain.model import (
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.journal import Journal
from cxjournal.store.search_index import MARK_END, MARK_START

D = dt.date(2026, 2, 1)


def kinds(journal: Journal, text: str) -> list[str]:
    return [hit.kind for hit in journal.search.query(text)]


def test_notes_are_found_and_follow_edits_and_deletes(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    note = journal.notes.add(
        Note(on=D, text="Walked her through the churn story", person_id=ana.id, tags=("roi",))
    )
    assert kinds(journal, "churn") == ["note"]
    assert kinds(journal, "roi") == ["note"]
    assert kinds(journal, "ana churn") == ["note"]  # the person's name counts for her notes
    journal.notes.update(
        Note(id=note.id, on=D, text="Talked about pricing", person_id=ana.id, tags=())
    )
    assert kinds(journal, "churn") == []
    assert kinds(journal, "roi") == []
    assert kinds(journal, "pricing") == ["note"]
    journal.notes.delete(note.id)  # type: ignore[arg-type]
    assert kinds(journal, "pricing") == []


def test_follow_ups_are_found_and_leave_with_their_note(journal: Journal) -> None:
    note = journal.notes.add(
        Note(on=D, text="Quarterly review", follow_ups=(FollowUp("Send driver analysis"),))
    )
    [hit] = journal.search.query("driver")
    assert hit.kind == "follow_up"
    assert (hit.target, hit.target_args) == ("journal", {"note_id": note.id})
    journal.notes.update(
        Note(id=note.id, on=D, text="Quarterly review", follow_ups=(FollowUp("Book a room"),))
    )
    assert kinds(journal, "driver") == []
    assert kinds(journal, "room") == ["follow_up"]
    journal.notes.delete(note.id)  # type: ignore[arg-type]
    assert kinds(journal, "room") == []


def test_renaming_a_person_renames_their_notes_in_the_index(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva", motivations="Cost to serve"))
    journal.notes.add(Note(on=D, text="Budget talk", person_id=ana.id))
    assert sorted(kinds(journal, "silva")) == ["note", "person"]
    journal.people.update(Person(id=ana.id, name="Ana Costa", motivations="Cost to serve"))
    assert kinds(journal, "silva") == []
    assert sorted(kinds(journal, "costa")) == ["note", "person"]
    [hit] = journal.search.query("budget")
    assert hit.title.startswith("Ana Costa · 1:1")


def test_people_audits_and_check_ins_are_searchable(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva", information_needs="One-page NPS summary"))
    assert [(h.kind, h.target, h.target_args) for h in journal.search.query("nps")] == [
        ("person", "people", {"person_id": ana.id})
    ]
    audit = journal.audits.save(
        Audit(taken_on=D, note="Reorganisation quarter", ratings=(Rating(ana, 5, 5, 5, 5),))
    )
    assert [(h.kind, h.target_args) for h in journal.search.query("reorganisation")] == [
        ("audit", {"audit_id": audit.id})
    ]
    journal.resilience.save(
        ResilienceEntry(on=D, energy=5, stress=5, mood=5, drains=("escalations",), note="Tired")
    )
    [hit] = journal.search.query("escalations")
    assert (hit.kind, hit.target, hit.target_args) == ("resilience", "resilience", {"on": D})
    journal.audits.delete(audit.id)  # type: ignore[arg-type]
    assert kinds(journal, "reorganisation") == []


def test_accents_and_case_are_ignored(journal: Journal) -> None:
    journal.notes.add(Note(on=D, text="Réunion avec Émile au café"))
    assert kinds(journal, "emile cafe") == ["note"]
    assert kinds(journal, "ÉMILE") == ["note"]
    assert kinds(journal, "reun") == ["note"]  # the last word is a prefix
    assert kinds(journal, "emile c") == ["note"]  # a one-letter last word waits


def test_broad_queries_rank_within_the_newest_matches(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.store import search_index

    monkeypatch.setattr(search_index, "RANK_WINDOW", 3)
    old = journal.notes.add(Note(on=D, text="churn churn churn churn"))
    for _ in range(5):
        journal.notes.add(Note(on=D, text="churn and many other words here"))
    hits = journal.search.query("churn", limit=3)
    assert len(hits) == 3
    assert old.id not in {h.item_id for h in hits}
    assert journal.search.count("churn") == 6
    assert journal.search.count("churn", cap=4) == 4


def test_better_matches_rank_first_and_snippets_highlight(journal: Journal) -> None:
    journal.notes.add(Note(on=D, text="A long note " + "filler " * 40 + "that mentions churn once"))
    best = journal.notes.add(Note(on=D, text="Churn, churn and churn again"))
    hits = journal.search.query("churn")
    assert hits[0].item_id == best.id
    assert hits[0].rank <= hits[1].rank
    assert f"{MARK_START}Churn{MARK_END}" in hits[0].snippet
    assert "<b>Churn</b>" in hits[0].snippet_html()
    text, spans = hits[0].matches()
    assert [text[a:b] for a, b in spans] == ["Churn", "churn", "churn"]
    assert hits[0].snippet_text("[", "]").startswith("[Churn], [churn]")


def test_snippet_html_escapes_the_text(journal: Journal) -> None:
    journal.notes.add(Note(on=D, text="<script>alert('churn')</script> & more"))
    [hit] = journal.search.query("churn")
    assert "<script>" not in hit.snippet_html()
    assert "&lt;script&gt;" in hit.snippet_html()


def test_limit_offset_and_count(journal: Journal) -> None:
    for day in range(1, 8):
        journal.notes.add(Note(on=dt.date(2026, 3, day), text=f"pipeline review {day}"))
    assert journal.search.count("pipeline") == 7
    first = journal.search.query("pipeline", limit=5)
    rest = journal.search.query("pipeline", limit=5, offset=5)
    assert len(first) == 5 and len(rest) == 2
    assert not {h.item_id for h in first} & {h.item_id for h in rest}
    assert journal.search.query("pipeline", limit=0) == []


AWKWARD = [
    "",
    "   ",
    '"',
    '""',
    "'",
    "O'Brien",
    '"unclosed phrase',
    "cost-to-serve",
    "-churn",
    "AND",
    "OR",
    "NOT",
    "churn AND",
    "OR churn",
    "NEAR(churn pricing)",
    "NEAR",
    "who:ana",
    "body:",
    ":",
    "*",
    "churn*",
    "**",
    "^churn",
    "(churn",
    "churn)",
    "{who body}: churn",
    "😀",
    "churn 😀 🙂‍↔️",
    "\x00",
    "\\",
    "%_",
    "'; DROP TABLE notes; --",
    "+",
    "a" * 5000,
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_input_never_raises(journal: Journal, text: str) -> None:
    journal.notes.add(Note(on=D, text="O'Brien on churn and cost-to-serve 😀 NEAR the end"))
    assert isinstance(journal.search.query(text), list)
    assert journal.search.count(text) >= 0


def test_operators_are_searched_as_words(journal: Journal) -> None:
    journal.notes.add(Note(on=D, text="churn"))
    journal.notes.add(Note(on=D, text="churn or pricing"))
    # "OR" is a word to find, not an operator: only the second note has it
    assert len(journal.search.query("churn OR")) == 1
    assert len(journal.search.query("O'Brien")) == 0
    journal.notes.add(Note(on=D, text="Met O'Brien"))
    assert len(journal.search.query("O'Brien")) == 1


@pytest.fixture(scope="module")
def shared_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    path: Path = tmp_path_factory.mktemp("search") / "journal.db"
    journal = Journal.open(path)
    ana = journal.people.add(Person(name="Ana O'Brien", role="VP Operations"))
    journal.notes.add(
        Note(
            on=D,
            text='Said "NEAR term" AND cost-to-serve: 50% * 2 — naïve café 😀',
            person_id=ana.id,
            tags=("roi", "c++"),
            follow_ups=(FollowUp("Send (draft) deck"),),
        )
    )
    yield journal
    journal.close()


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=60))
def test_any_text_returns_results_or_nothing(shared_journal: Journal, text: str) -> None:
    hits = shared_journal.search.query(text)
    assert isinstance(hits, list)
    assert shared_journal.search.count(text) >= len(hits)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                '"',
                "'",
                "-",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "NEAR(",
                ":",
                "*",
                "(",
                ")",
                "^",
                "+",
                "who:",
                "😀",
                "café",
                "ana",
                "o'brien",
                "{",
                "}",
                ",",
                "\\",
                "\t",
                "\u0301",
            ]
        ),
        max_size=8,
    ),
    joiner=st.sampled_from(["", " ", "  "]),
)
def test_any_mix_of_query_syntax_never_raises(
    shared_journal: Journal, words: list[str], joiner: str
) -> None:
    assert isinstance(shared_journal.search.query(joiner.join(words)), list)


def test_whole_words_typed_find_the_note(shared_journal: Journal) -> None:
    for typed in ["near term", "cost-to-serve", "naive cafe", "O'Brien", "draft deck", "c++"]:
        assert shared_journal.search.query(typed), typed


@pytest.mark.slow
def test_search_is_fast_on_a_large_journal(journal: Journal) -> None:
    import random
    import string

    from sqlalchemy import insert

    from cxjournal.store.models import NoteRow

    rng = random.Random(7)
    people = [journal.people.add(Person(name=f"Person {i}")) for i in range(40)]
    vocab = ["the", "and", "churn", "pricing", "budget"] + [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 10)))
        for _ in range(8000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(vocab))]  # Zipf-like, as in prose
    rows = [
        {
            "person_id": people[i % 40].id,
            "on_date": D - dt.timedelta(days=i % 3650),
            "kind": NoteKind.ONE_ON_ONE.value,
            "text": " ".join(rng.choices(vocab, weights, k=60)),
            "tags": '["weekly"]',
        }
        for i in range(20_000)
    ]
    with journal.session() as session:
        session.execute(insert(NoteRow), rows)
    assert journal.search.count("churn") > 1000
    typed_while_typing = ["c", "ch", "chu", "churn", "the", "the c", "the churn", "person 7 b"]
    for typed in [*typed_while_typing, "weekly", "pr", "p", "nothing here"]:
        journal.search.query(typed)  # every prefix typed on the way answers without error
    assert journal.search.query("churn")  # broad queries still rank and return
