"""Ties of an audit between their two forms: rating-index pairs and person-id pairs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def tie_indexes(
    rated: Sequence[int], pairs: Iterable[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """Ties stored as person-id pairs, as sorted ``(i, j)`` indexes into the ratings.

    ``rated`` is the person id of each rating in order; pairs naming someone not
    rated are left out.
    """
    index = {person_id: i for i, person_id in enumerate(rated)}
    found = {
        (min(index[a], index[b]), max(index[a], index[b]))
        for a, b in pairs
        if a in index and b in index and a != b
    }
    return tuple(sorted(found))


def tie_rows(rated: Sequence[int], ties: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stored ``(person_a, person_b)`` pairs (``a < b``) of ties given as rating indexes."""
    pairs = {(min(rated[i], rated[j]), max(rated[i], rated[j])) for i, j in ties}
    return sorted(pairs)
