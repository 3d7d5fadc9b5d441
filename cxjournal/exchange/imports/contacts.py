"""What vCard and contacts CSV share: turning one contact's fields into a planned person."""

from __future__ import annotations

from collections.abc import Iterable

from cxjournal.domain.model import Person
from cxjournal.domain.validation import email_key, person_problems
from cxjournal.exchange.imports.plan import PlannedPerson
from cxjournal.exchange.imports.text import tidy


def unique_emails(values: Iterable[str]) -> tuple[str, ...]:
    """Addresses tidied, each once (compared case-insensitively), in file order."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        address = value.strip().strip("<>").strip()
        if address.lower().startswith("mailto:"):
            address = address[len("mailto:") :]
        if address and email_key(address) not in seen:
            seen.add(email_key(address))
            kept.append(address)
    return tuple(kept)


def contact(
    where: str,
    name: str,
    emails: Iterable[str],
    organisation: str = "",
    role: str = "",
    note: str = "",
) -> tuple[PlannedPerson | None, list[str]]:
    """The planned person for one contact and its problems (prefixed with ``where``).

    A contact without a name is named by its first e-mail address; one with
    neither gives ``None`` (nothing to import, not a problem).
    """
    addresses = unique_emails(emails)
    name = tidy(name) or (addresses[0] if addresses else "")
    if not name:
        return None, []
    person = Person(
        name=name,
        emails=addresses,
        organisation=tidy(organisation),
        role=tidy(role),
    )
    problems = [f"{where}: {problem}" for problem in person_problems(person)]
    return PlannedPerson(
        person=person, where=where, note=note.replace("\r\n", "\n").strip()
    ), problems
