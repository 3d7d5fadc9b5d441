"""Ties through the journal: saved and read back, copied by "new from the latest",
trends over the audits, and the analysis of a saved audit."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.journal import Journal
from cxjournal.journal.trends import TrendOps

D = dt.date


def rated(journal: Journal, *names: str) -> tuple[Rating, ...]:
    return tuple(Rating(journal.people.add(Person(name=n)), 6, 6, 5, 5) for n in names)


def test_ties_are_saved_read_and_copied_into_the_next_audit(journal: Journal) -> None:
    ratings = rated(journal, "Ana", "Ben", "Chen", "Dee")
    saved = journal.audits.save(
        Audit(D(2026, 1, 10), ratings, ties=((0, 1), (2, 3)), ties_recorded=True)
    )
    again = journal.audits.get(saved.id or 0)
    assert again.ties == ((0, 1), (2, 3)) and again.ties_recorded
    draft = journal.audits.new_from_latest(D(2026, 4, 10))
    assert draft is not None and draft.id is None
    assert draft.ties == ((0, 1), (2, 3)) and draft.ties_recorded
    names = [[draft.ratings[i].person.name for i in t] for t in draft.ties]
    assert names == [["Ana", "Ben"], ["Chen", "Dee"]]
    # Ben leaves the re-audit: his tie goes with him, Chen-Dee now point at 1 and 2
    kept = (draft.ratings[0], *draft.ratings[2:])
    fewer = journal.audits.save(Audit(D(2026, 4, 10), kept, ties=((1, 2),), ties_recorded=True))
    assert journal.audits.get(fewer.id or 0).ties == ((1, 2),)
    analysis = journal.audits.analysis(fewer.id or 0)
    assert analysis.network is not None and analysis.network.ties == 1


def test_none_of_them_know_each_other_is_kept(journal: Journal) -> None:
    saved = journal.audits.save(Audit(D(2026, 1, 10), rated(journal, "Ana", "Ben"),
                                      ties_recorded=True))  # fmt: skip
    assert journal.audits.get(saved.id or 0).ties_recorded
    network = journal.audits.analysis(saved.id or 0).network
    assert network is not None and network.density == 0.0


def test_trends_carry_density_and_effective_size_over_the_audits(journal: Journal) -> None:
    ratings = rated(journal, "Ana", "Ben", "Chen")
    journal.audits.save(Audit(D(2025, 1, 1), ratings))  # ties not recorded yet
    journal.audits.save(Audit(D(2025, 4, 1), ratings, ties=((0, 1),), ties_recorded=True))
    journal.audits.save(Audit(D(2025, 7, 1), ratings, ties=((0, 1), (1, 2), (0, 2)),
                              ties_recorded=True))  # fmt: skip
    points = TrendOps(journal).audits()
    assert points[0].network is None
    assert [round(p.network.density, 3) for p in points[1:] if p.network] == [0.333, 1.0]
    assert [round(p.network.effective_size, 3) for p in points[1:] if p.network] == [2.333, 1.0]
    assert [a.ties for a in journal.audits.all()] == [(), ((0, 1),), ((0, 1), (0, 2), (1, 2))]


def test_today_rings_closed_network_for_the_latest_audit(journal: Journal) -> None:
    import itertools

    ratings = rated(journal, "Ana", "Ben", "Chen", "Dee")
    every_pair = tuple(itertools.combinations(range(4), 2))
    journal.audits.save(Audit(D(2026, 1, 10), ratings, ties=every_pair, ties_recorded=True))
    latest = journal.today.overview(D(2026, 2, 1)).latest_audit
    assert latest is not None
    assert "closed_network" in [a.code.value for a in latest.analysis.alarms]
    assert latest.analysis == journal.audits.latest_analysis()
