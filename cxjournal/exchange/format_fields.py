"""Reading the exchange format, the low level: typed fields.

:class:`FieldReader` reads typed values out of decoded JSON objects and
collects every problem with its JSON path, so one pass reports them all. The
JSON text and the header are read in :mod:`cxjournal.exchange.format_file`, the
sections of the format are read in :mod:`cxjournal.exchange.format_read` and
:mod:`cxjournal.exchange.format_read_v2`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar, overload

from cxjournal.domain.model import Person
from cxjournal.domain.validation import email_key, email_problem
from cxjournal.exchange.format_file import join_path, show_value
from cxjournal.store.records import Record

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_MISSING: Any = object()

_E = TypeVar("_E", bound=StrEnum)


def _clean_string(value: Any) -> bool:
    """A string that is valid Unicode (no lone surrogate): read as it is, no problem to say.
    Anything else takes the readers' long way, which says what is wrong and where."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@functools.cache
def _members(kind: type[_E]) -> dict[str, _E]:
    """The members of an enum by value (looked up once per kind)."""
    return {member.value: member for member in kind}


class FieldReader:
    """Reads typed fields out of JSON objects, collecting every problem with its path.

    Each reader returns a usable value even after a problem (a default or a
    placeholder), so reading carries on and finds every other problem too.
    """

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def _get(self, o: dict[str, Any], key: str, path: str, *, required: bool) -> Any:
        """The value at ``key``; _MISSING when absent or null (a problem if required)."""
        value = o.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.bad(join_path(path, key), "is required")
            return _MISSING
        if value is None:
            if required:
                self.bad(join_path(path, key), "must not be null")
            return _MISSING
        return value

    def objects(self, o: dict[str, Any], key: str, path: str) -> list[tuple[str, dict[str, Any]]]:
        """The objects in the list at ``key`` with their paths; absent or null is empty."""
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return []
        lpath = join_path(path, key)
        if not isinstance(value, list):
            self.bad(lpath, f"must be a list, not {show_value(value)}")
            return []
        found: list[tuple[str, dict[str, Any]]] = []
        for index, item in enumerate(value):
            ipath = f"{lpath}[{index}]"
            if isinstance(item, dict):
                found.append((ipath, item))
            else:
                self.bad(ipath, f"must be an object, not {show_value(item)}")
        return found

    def text(self, o: dict[str, Any], key: str, path: str) -> str:
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return ""
        if _clean_string(value):
            return str(value)
        return self._string(value, join_path(path, key))

    def _string(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            self.bad(path, f"must be a string, not {show_value(value)}")
            return ""
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.bad(path, "contains a character that is not valid Unicode (a lone surrogate)")
            return ""
        return value

    def valid_unicode(self, value: Any, path: str) -> bool:
        """Whether every key and string inside ``value`` is valid Unicode (each lone
        surrogate is a problem at its path)."""
        before = len(self.problems)
        stack: list[tuple[str, Any]] = [(path, value)]
        while stack:
            where, item = stack.pop()
            if isinstance(item, str):
                self._string(item, where)
            elif isinstance(item, dict):
                for key, inner in item.items():
                    inner_path = join_path(where, key.encode("utf-8", "replace").decode("utf-8"))
                    self._string(key, inner_path)
                    stack.append((inner_path, inner))
            elif isinstance(item, list):
                stack.extend((f"{where}[{index}]", inner) for index, inner in enumerate(item))
        return len(self.problems) == before

    def nonblank(self, o: dict[str, Any], key: str, path: str, max_len: int | None = None) -> str:
        """Required text, not empty after trimming (and at most ``max_len`` characters)."""
        value = self._get(o, key, path, required=True)
        if value is _MISSING:
            return "?"
        if _clean_string(value) and 1 <= len(value.strip()) <= (
            len(value) if max_len is None else max_len
        ):
            return str(value)
        before = len(self.problems)
        text = self._string(value, join_path(path, key))
        if len(self.problems) > before:
            return "?"
        size = len(text.strip())
        if max_len is not None and not 1 <= size <= max_len:
            self.bad(join_path(path, key), f"must be 1-{max_len} characters after trimming")
        elif size == 0:
            self.bad(join_path(path, key), "must not be empty")
        return text

    def words(self, o: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        """A list of non-empty strings (tags, drains, restorers); absent or null is empty."""
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return ()
        if isinstance(value, list) and all(_clean_string(w) and w.strip() for w in value):
            return tuple(value)
        lpath = join_path(path, key)
        if not isinstance(value, list):
            self.bad(lpath, f"must be a list of strings, not {show_value(value)}")
            return ()
        words: list[str] = []
        for index, item in enumerate(value):
            ipath = f"{lpath}[{index}]"
            before = len(self.problems)
            word = self._string(item, ipath)
            if len(self.problems) == before and not word.strip():
                self.bad(ipath, "must not be empty")
            words.append(word)
        return tuple(words)

    def flag(self, o: dict[str, Any], key: str, path: str, default: bool) -> bool:
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.bad(join_path(path, key), f"must be true or false, not {show_value(value)}")
            return default
        return value

    def integer(
        self, o: dict[str, Any], key: str, path: str, low: int, high: int, *, required: bool = False
    ) -> int | None:
        """A whole number in ``low..high``; None when absent or null (and not required)."""
        value = self._get(o, key, path, required=required)
        if value is _MISSING:
            return None
        if not _is_int(value):
            self.bad(join_path(path, key), f"must be a whole number, not {show_value(value)}")
            return None
        if not low <= value <= high:
            self.bad(join_path(path, key), f"{value} is not between {low} and {high}")
            return None
        number: int = value
        return number

    def number(
        self, o: dict[str, Any], key: str, path: str, low: float, high: float
    ) -> float | None:
        """An optional number in ``low..high``; None when absent or null."""
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return None
        if not (_is_int(value) or (isinstance(value, float) and math.isfinite(value))):
            self.bad(join_path(path, key), f"must be a number, not {show_value(value)}")
            return None
        if not low <= value <= high:
            self.bad(
                join_path(path, key), f"{show_value(value)} is not between {low:g} and {high:g}"
            )
            return None
        return float(value)

    def finite(self, o: dict[str, Any], key: str, path: str) -> float | None:
        """An optional finite number of any size; None when absent or null."""
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return None
        if _is_int(value):
            try:
                return float(value)
            except OverflowError:
                self.bad(join_path(path, key), "is too large a number")
                return None
        if not (isinstance(value, float) and math.isfinite(value)):
            self.bad(join_path(path, key), f"must be a finite number, not {show_value(value)}")
            return None
        return value

    def emails(self, o: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        """A list of e-mail addresses, each unique whatever its case; absent or null is empty."""
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return ()
        lpath = join_path(path, key)
        if not isinstance(value, list):
            self.bad(lpath, f"must be a list of e-mail addresses, not {show_value(value)}")
            return ()
        found: list[str] = []
        seen: dict[str, str] = {}
        for index, item in enumerate(value):
            ipath = f"{lpath}[{index}]"
            before = len(self.problems)
            text = self._string(item, ipath)
            if len(self.problems) > before:
                continue
            problem = email_problem(text)
            if problem is not None:
                self.bad(ipath, problem)
                continue
            if email_key(text) in seen:
                self.bad(
                    ipath,
                    f"{show_value(text.strip())} is listed twice (also {seen[email_key(text)]})",
                )
                continue
            seen[email_key(text)] = ipath
            found.append(text.strip())
        return tuple(found)

    def date(self, o: dict[str, Any], key: str, path: str, *, required: bool) -> dt.date | None:
        value = self._get(o, key, path, required=required)
        if value is _MISSING:
            return None
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass  # said below
        dpath = join_path(path, key)
        if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
            self.bad(dpath, f"must be a date written YYYY-MM-DD, not {show_value(value)}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.bad(dpath, f"{show_value(value)} is not a real date")
            return None

    def timestamp(self, o: dict[str, Any], key: str, path: str) -> dt.datetime | None:
        value = self._get(o, key, path, required=False)
        if value is _MISSING:
            return None
        message = f"must be an ISO 8601 date and time with offset, not {show_value(value)}"
        if not isinstance(value, str) or not _DATETIME_RE.match(value):
            self.bad(join_path(path, key), message)
            return None
        try:
            stamp = dt.datetime.fromisoformat(value)
        except ValueError:
            stamp = None
        if stamp is None or stamp.tzinfo is None:
            self.bad(join_path(path, key), message)
            return None
        return stamp

    @overload
    def choice(
        self,
        o: dict[str, Any],
        key: str,
        path: str,
        kind: type[_E],
        default: _E,
        *,
        empty_is_default: bool = False,
    ) -> _E: ...

    @overload
    def choice(
        self,
        o: dict[str, Any],
        key: str,
        path: str,
        kind: type[_E],
        default: None,
        *,
        empty_is_default: bool = False,
    ) -> _E | None: ...

    def choice(
        self,
        o: dict[str, Any],
        key: str,
        path: str,
        kind: type[_E],
        default: _E | None,
        *,
        empty_is_default: bool = False,
    ) -> _E | None:
        """A member of the enum ``kind``; ``default`` when absent or null (or "" if allowed)."""
        value = self._get(o, key, path, required=False)
        if value is _MISSING or (empty_is_default and value == ""):
            return default
        member: _E | None = _members(kind).get(value) if isinstance(value, str) else None
        if member is not None:
            return member
        allowed = [member.value for member in kind]
        self.bad(join_path(path, key), f"{show_value(value)} is not one of {', '.join(allowed)}")
        return default

    def file_id(
        self, o: dict[str, Any], path: str, seen: set[str], *, required: bool
    ) -> str | None:
        """The record's ``id``: a non-empty string, unique in its list."""
        value = self._get(o, "id", path, required=required)
        if value is _MISSING:
            return None
        if isinstance(value, str) and value and value not in seen:
            seen.add(value)
            return value
        ipath = join_path(path, "id")
        if not isinstance(value, str) or not value:
            self.bad(ipath, f"must be a non-empty string, not {show_value(value)}")
            return None
        if value in seen:
            self.bad(ipath, f"{show_value(value)} is used twice")
            return None
        seen.add(value)
        return value

    def ref(
        self,
        o: dict[str, Any],
        key: str,
        path: str,
        people: Mapping[str, Person],
        *,
        required: bool,
    ) -> str | None:
        """A reference to a person of the file; None when absent, null or bad."""
        value = self._get(o, key, path, required=required)
        if value is _MISSING:
            return None
        if isinstance(value, str) and value in people:
            return value
        rpath = join_path(path, key)
        if not isinstance(value, str):
            self.bad(rpath, f"must be a person id (a string), not {show_value(value)}")
            return None
        if value not in people:
            self.bad(rpath, f"{show_value(value)} names no person in the file")
            return None
        return value


#: Stands in for a required date that is missing or bad, so reading carries on.
PLACEHOLDER_DATE = dt.date(1970, 1, 1)


def read_declared(
    r: FieldReader,
    rec: Record,
    o: dict[str, Any],
    path: str,
    version: int,
    *,
    skip: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The fields of ``rec`` (:mod:`cxjournal.store.records`) read from the object ``o``.

    Each field is read by its kind, range and default as declared; a key newer
    than ``version`` is not read (the dataclass default stands). A required
    field that is missing or bad gets a placeholder after its problem is noted.
    """
    found: dict[str, Any] = {}
    for f in rec.fields:
        if f.name in skip or f.since > version:
            continue
        required = f.required and (f.optional_from is None or version < f.optional_from)
        key = f.key
        value: Any
        if f.kind == "text":
            if required:
                value = r.nonblank(o, key, path, max_len=f.max_len)
            else:
                value = r.text(o, key, path)
        elif f.kind == "flag":
            value = r.flag(o, key, path, bool(f.default))
        elif f.kind == "choice":
            assert f.enum is not None
            value = r.choice(o, key, path, f.enum, f.default, empty_is_default=f.empty_is_default)
        elif f.kind == "int":
            assert f.low is not None and f.high is not None
            low, high = int(f.low), int(f.high)
            value = r.integer(o, key, path, low, high, required=required)
            if value is None and required:
                value = low
        elif f.kind == "real":
            assert f.low is not None and f.high is not None
            value = r.number(o, key, path, f.low, f.high)
        elif f.kind == "date":
            value = r.date(o, key, path, required=required)
            if value is None and required:
                value = PLACEHOLDER_DATE
        elif f.kind == "emails":
            value = r.emails(o, key, path)
        else:
            value = r.words(o, key, path)
        found[f.name] = value
    return found
