"""Bringing data from other tools (spec/imports.md): one reader per kind, one merge.

Each reader turns a file's bytes into an :class:`ImportPlan` of domain
objects and every problem found, named by its line or JSON path:

* ``vcard`` (:mod:`.vcard`) and ``contacts-csv`` (:mod:`.contacts_csv`): people;
* ``daylio`` (:mod:`.daylio`): mood-only check-ins, one per date;
* ``jrnl`` (:mod:`.jrnl`) and ``dayone`` (:mod:`.dayone`): notes about no one.

:func:`~cxjournal.exchange.imports.merge.apply` writes a plan without problems
in one transaction (or, as a dry run, only reports). Importing the same file
again changes nothing, because what was imported before is recognised by its
content: people by e-mail address, then by name; notes about no one by date
and text; a contact's note by its person and text; check-ins by their date
(a date that already has a check-in keeps it).
"""

from __future__ import annotations

from collections.abc import Callable

from cxjournal.exchange.imports import contacts_csv, daylio, dayone, jrnl, vcard
from cxjournal.exchange.imports.daylio import DaylioOptions
from cxjournal.exchange.imports.plan import ImportPlan, ImportReport, PersonMatch

__all__ = ["KINDS", "DaylioOptions", "ImportPlan", "ImportReport", "PersonMatch", "read"]

#: The kinds of file, as the command line names them, and what each is called for people.
KINDS: dict[str, str] = {
    vcard.KIND: "vCard contacts (.vcf)",
    contacts_csv.KIND: "Outlook or Google contacts (.csv)",
    daylio.KIND: "Daylio mood history (.csv)",
    jrnl.KIND: "jrnl journal (JSON export)",
    dayone.KIND: "Day One journal (.zip or .json)",
}

_READERS: dict[str, Callable[[bytes], ImportPlan]] = {
    vcard.KIND: vcard.read,
    contacts_csv.KIND: contacts_csv.read,
    jrnl.KIND: jrnl.read,
    dayone.KIND: dayone.read,
}


def read(kind: str, data: bytes, daylio_options: DaylioOptions | None = None) -> ImportPlan:
    """The plan for a file of ``kind`` (one of :data:`KINDS`)."""
    if kind == daylio.KIND:
        return daylio.read(data, daylio_options)
    if kind not in _READERS:
        raise ValueError(f"unknown kind of file {kind!r}")
    return _READERS[kind](data)
