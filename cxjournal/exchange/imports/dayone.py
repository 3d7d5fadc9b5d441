"""Day One's JSON export (a ``.zip`` holding ``Journal.json``, or the ``.json``) into notes.

Each of ``entries[]`` gives a note about no one, kind ``other``: dated by its
``creationDate`` in its own ``timeZone`` (UTC when it has none), with ``text``
(its Markdown kept) and ``tags``. Photos, videos, audio and PDF attachments
are skipped and counted as ``media``. A zip with several journals reads each
top-level ``.json`` file that has entries.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cxjournal.domain.model import Note
from cxjournal.exchange.imports.journal_json import (
    JsonProblem,
    entries_of,
    load,
    note_about_no_one,
    tags_of,
)
from cxjournal.exchange.imports.plan import ImportPlan

KIND = "dayone"
_WHAT = "a Day One JSON export"
MEDIA_KEYS = ("photos", "videos", "audios", "pdfAttachments")


def read(data: bytes) -> ImportPlan:
    if data.startswith(b"PK"):
        return _read_zip(data)
    return _read_journal(data, "")


def _read_zip(data: bytes) -> ImportPlan:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [
                n for n in archive.namelist() if n.endswith(".json") and "/" not in n.strip("/")
            ]
            names.sort(key=lambda n: (n != "Journal.json", n))
            if not names:
                return ImportPlan(
                    KIND, problems=("the zip holds no Journal.json: not a Day One export",)
                )
            parts = [_read_journal(archive.read(name), f"{name}: ") for name in names]
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        return ImportPlan(KIND, problems=(f"the zip cannot be read ({exc}); it may be cut short",))
    skipped: dict[str, int] = {}
    for part in parts:
        for key, count in part.skipped.items():
            skipped[key] = skipped.get(key, 0) + count
    return ImportPlan(
        KIND,
        notes=tuple(n for p in parts for n in p.notes),
        skipped=skipped,
        problems=tuple(q for p in parts for q in p.problems),
    )


def _read_journal(data: bytes, prefix: str) -> ImportPlan:
    try:
        entries = entries_of(load(data, _WHAT), _WHAT)
    except JsonProblem as exc:
        return ImportPlan(KIND, problems=(f"{prefix}{exc}",))
    notes: list[Note] = []
    problems: list[str] = []
    media = 0
    for index, entry in enumerate(entries):
        path = f"{prefix}entries[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{path}: an entry should be an object")
            continue
        on = _local_date(entry, path, problems)
        text = entry.get("text", "")
        if not isinstance(text, str):
            problems.append(f"{path}.text: should be text")
            continue
        media += sum(len(v) for k in MEDIA_KEYS if isinstance(v := entry.get(k), list))
        tags = tags_of(entry.get("tags"), f"{path}.tags", problems)
        if on is None:
            continue
        if not text.strip():
            problems.append(f"{path}.text: the entry has no text")
            continue
        notes.append(note_about_no_one(on, text.strip(), tags))
    return ImportPlan(
        KIND,
        notes=tuple(notes),
        skipped={"media": media} if media else {},
        problems=tuple(problems),
    )


def _local_date(entry: dict[str, Any], path: str, problems: list[str]) -> dt.date | None:
    raw = entry.get("creationDate")
    try:
        moment = dt.datetime.fromisoformat(str(raw).strip().replace("Z", "+00:00"))
    except ValueError:
        problems.append(f"{path}.creationDate: {raw!r} is not a date and time")
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    zone_name = entry.get("timeZone")
    if zone_name in (None, ""):
        return moment.astimezone(dt.UTC).date()
    try:
        zone = ZoneInfo(str(zone_name))
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(f"{path}.timeZone: {zone_name!r} is not a known time zone")
        return None
    return moment.astimezone(zone).date()
