"""Reading a CSV export row by row, with the line each record starts on."""

from __future__ import annotations

import csv
import io

_UNCLOSED = "a quoted field is never closed"


class CsvProblem(ValueError):
    """The CSV cannot be read on; the message names the line."""


def rows(text: str) -> list[tuple[int, list[str]]]:
    """``(first line, fields)`` for each record of ``text``; blank lines are left out.

    Raises :class:`CsvProblem` for a quoted field the file never closes (a file
    cut short: its quotes do not pair up) or another breach of CSV.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    found: list[tuple[int, list[str]]] = []
    previous_end = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = _UNCLOSED if "unexpected end of data" in str(exc) else str(exc)
            raise CsvProblem(
                f"line {previous_end + 1}: the file is not valid CSV from here on ({reason}); "
                "it may be cut short"
            ) from exc
        start = previous_end + 1
        previous_end = reader.line_num
        if any(field.strip() for field in fields):
            found.append((start, fields))
    if text.count('"') % 2:
        start = found[-1][0] if found else 1
        raise CsvProblem(
            f"line {start}: the file is not valid CSV from here on ({_UNCLOSED}); "
            "it may be cut short"
        )
    return found
