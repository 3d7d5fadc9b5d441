"""Reading the bytes of another tool's file as text: BOMs, UTF-8 and UTF-16."""

from __future__ import annotations

import codecs


class NotText(ValueError):
    """The bytes are not UTF-8 or UTF-16 text; the message says so in plain words."""


def decode(data: bytes) -> str:
    """The text of ``data``: UTF-8 (a BOM is dropped) or UTF-16 with a BOM, as Outlook writes.

    UTF-16 without a BOM is recognised by its NUL bytes. Raises :class:`NotText`.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) >= 2 and data[1:2] == b"\x00" and data[0:1] != b"\x00":
        encoding = "utf-16-le"
    elif len(data) >= 2 and data[0:1] == b"\x00" and data[1:2] != b"\x00":
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:4096] and not data.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        ):
            raise NotText("line 1: the file holds binary data, not text") from exc
        line = data[: exc.start].count(b"\n") + 1 if encoding == "utf-8" else None
        where = f"line {line}: " if line else ""
        raise NotText(f"{where}the file is not UTF-8 or UTF-16 text") from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise NotText(f"line {line}: the file holds binary data, not text")
    return text


def tidy(value: str) -> str:
    """Spaces around removed and runs of spaces inside made one (for names and tags)."""
    return " ".join(value.split())
