"""Journal settings refuse what JSON or the file cannot hold, and write nothing."""

from __future__ import annotations

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.journal import Journal


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"name": "bad \udc80"}, "view: contains a character that is not valid Unicode"),
        ({"zoom": float("inf")}, "view: cannot be stored"),
        ({"when": object()}, "view: cannot be stored"),
    ],
)
def test_a_value_json_cannot_hold_is_refused(journal: Journal, value: object, problem: str) -> None:
    journal.settings.set("view", {"name": "kept"})
    with pytest.raises(ValidationError) as caught:
        journal.settings.set("view", value)
    assert caught.value.problems[0].startswith(problem)
    assert journal.settings.get("view") == {"name": "kept"}
