"""Reading the exchange format, the whole file: the JSON text and the header.

The JSON is decoded strictly (valid UTF-8, no repeated key, no NaN or Infinity)
and the header checked; each problem here is a single one-line problem. Problems
name a value with :func:`show_value` and a place with :func:`join_path`, as the
field readers of :mod:`cxjournal.exchange.format_fields` do.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from cxjournal.domain.errors import ValidationError

FORMAT_NAME = "cxjournal"
#: The version this app writes; it reads every version from 1 to this one.
FORMAT_VERSION = 2


class _NonFiniteNumberError(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NonFiniteNumberError(name)


class _DuplicateKeys(dict[str, Any]):
    """A decoded JSON object in which some key appeared more than once."""

    duplicates: list[str]


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: a dict as json builds it, marked when a key repeats."""
    obj: dict[str, Any] = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _DuplicateKeys(obj)
    seen: set[str] = set()
    marked.duplicates = []
    for key, _value in pairs:
        if key in seen and key not in marked.duplicates:
            marked.duplicates.append(key)
        seen.add(key)
    return marked


def duplicate_key_problems(data: Any, path: str = "") -> list[str]:
    """One problem per key repeated in an object of ``data``, named by its path."""
    problems: list[str] = []
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _DuplicateKeys):
                problems.extend(
                    f"{join_path(where, key)}: appears more than once in the same object"
                    " (only one may be given)"
                    for key in value.duplicates
                )
            stack.extend((join_path(where, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{index}]", item) for index, item in enumerate(value))
    return sorted(problems)


def load_json(text: str | bytes) -> Any:
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                [f"not valid UTF-8: byte {exc.start} cannot be decoded"]
            ) from None
    text = text.removeprefix("\ufeff")
    repeated: list[bool] = []

    def keep_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = _mark_duplicates(pairs)
        if isinstance(obj, _DuplicateKeys):
            repeated.append(True)
        return obj

    try:
        data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=keep_pairs)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"
    except _NonFiniteNumberError as exc:
        message = f"not valid JSON: {exc} is not a number JSON allows"
    except RecursionError:
        message = "not valid JSON: nested too deeply"
    except ValueError as exc:
        message = f"not valid JSON: {exc}"
    else:
        if repeated:  # the walk for their paths only when some key repeated
            raise ValidationError(duplicate_key_problems(data))
        return data
    raise ValidationError([message])


def check_header(data: Any) -> int:
    """The file's format version, after checking the header (a one-line problem if bad)."""

    def refuse(message: str) -> NoReturn:
        raise ValidationError([message])

    if not isinstance(data, dict):
        refuse("not a cxjournal file: the top level must be a JSON object")
    if data.get("format") != FORMAT_NAME:
        refuse(f'not a cxjournal file: format must be "{FORMAT_NAME}"')
    if "version" not in data:
        refuse("not a cxjournal file: version is missing")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        refuse(f"not a cxjournal file: version must be a whole number, not {show_value(version)}")
    if version > FORMAT_VERSION:
        refuse(f"version {version} is newer than this app understands ({FORMAT_VERSION})")
    if version < 1:
        refuse(f"not a cxjournal file: version {version} does not exist")
    return int(version)


def show_value(value: Any) -> str:
    """A short rendering of a JSON value for a problem message."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return shown.encode("utf-8", "replace").decode("utf-8")


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
