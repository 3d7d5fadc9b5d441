"""Outlook and Google contacts CSV into people.

Both tools' standard column names are read: the name from ``Name`` or
``First Name`` + ``Last Name`` (Outlook, newer Google) or ``Given Name`` +
``Family Name`` (older Google); e-mails from every column whose name holds
"E-mail" and "Address" or "Value" (a Google cell may hold several, split by
``:::``); the organisation from ``Company`` / ``Organization 1 - Name`` /
``Organization Name``; the role from ``Job Title`` / ``Organization 1 - Title``
/ ``Organization Title``; ``Notes`` into a note. UTF-8 with or without BOM, or
UTF-16 as Outlook writes it.
"""

from __future__ import annotations

from cxjournal.exchange.imports.contacts import contact
from cxjournal.exchange.imports.csv_rows import CsvProblem, rows
from cxjournal.exchange.imports.plan import ImportPlan, PlannedPerson
from cxjournal.exchange.imports.text import NotText, decode

KIND = "contacts-csv"

_NAME_PAIRS = (("First Name", "Last Name"), ("Given Name", "Family Name"))
_ORGANISATION = ("Company", "Organization 1 - Name", "Organization Name")
_ROLE = ("Job Title", "Organization 1 - Title", "Organization Title")
_NOTES = ("Notes",)


def is_email_column(name: str) -> bool:
    folded = name.casefold()
    return "e-mail" in folded and ("address" in folded or "value" in folded)


def read(data: bytes) -> ImportPlan:
    try:
        records = list(rows(decode(data)))
    except (NotText, CsvProblem) as exc:
        return ImportPlan(KIND, problems=(str(exc),))
    if not records:
        return ImportPlan(KIND, problems=("line 1: the file is empty",))
    header_line, header = records[0]
    columns = {name.strip().lstrip("\ufeff"): i for i, name in enumerate(header)}
    email_columns = [i for name, i in columns.items() if is_email_column(name)]
    has_name = "Name" in columns or any(
        first in columns or last in columns for first, last in _NAME_PAIRS
    )
    if not has_name and not email_columns:
        return ImportPlan(
            KIND,
            problems=(
                f"line {header_line}: not an Outlook or Google contacts CSV: "
                "no name or e-mail columns in its first line",
            ),
        )
    people: list[PlannedPerson] = []
    problems: list[str] = []
    empty = 0
    for line, fields in records[1:]:
        where = f"line {line}"
        if len(fields) != len(header):
            problems.append(
                f"{where}: {len(fields)} fields, but the first line names {len(header)} columns"
                + (" (the file may be cut short)" if len(fields) < len(header) else "")
            )
            continue

        def cell(name: str, fields: list[str] = fields) -> str:
            index = columns.get(name)
            return fields[index].strip() if index is not None and index < len(fields) else ""

        def first_of(names: tuple[str, ...]) -> str:
            return next((cell(n) for n in names if cell(n)), "")

        name = cell("Name") or next(
            (
                f"{cell(first)} {cell(last)}".strip()
                for first, last in _NAME_PAIRS
                if cell(first) or cell(last)
            ),
            "",
        )
        emails = [part for i in email_columns if i < len(fields) for part in fields[i].split(":::")]
        planned, found = contact(
            where,
            name,
            emails,
            organisation=first_of(_ORGANISATION),
            role=first_of(_ROLE),
            note=first_of(_NOTES),
        )
        problems += found
        if planned is None:
            empty += 1
        else:
            people.append(planned)
    return ImportPlan(
        KIND,
        people=tuple(people),
        skipped={"empty_contacts": empty} if empty else {},
        problems=tuple(problems),
    )
