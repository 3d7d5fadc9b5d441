"""Reading a CSV export row by row, with the line each record starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator


class CsvProblem(ValueError):
    """The CSV cannot be read on; the message names the line."""


def rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """``(first line, fields)`` for each record of ``text``; blank lines are left out.

    Raises :class:`CsvProblem` for a quoted field the file never closes (a file
    cut short) or another breach of CSV.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    previous_end = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvProblem(
                f"line {previous_end + 1}: the file is not valid CSV from here on ({exc}); "
                "it may be cut short"
            ) from exc
        start = previous_end + 1
        previous_end = reader.line_num
        if any(field.strip() for field in fields):
            yield start, fields
