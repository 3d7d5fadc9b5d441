"""Journal text made safe to print or to write into Markdown and CSV.

A note, a name or a tag is data. Written to a terminal, an ESC (``\\x1b``)
starts an ANSI CSI or OSC sequence that can recolour, retitle or rewrite the
screen; a bidi override (U+202E) shows characters in an order other than the
stored one; a carriage return overwrites the line. :func:`escape_controls`
replaces each such character by a visible escape (``\\x1b``, ``\\u202e``), so
what is shown is what is stored, and nothing is run. JSON exports keep the
text exact (JSON escapes control characters itself).
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, C1 controls (0x9b is CSI, 0x9d OSC).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Invisible formatting that reorders or hides text: the Arabic letter mark,
#: LRM/RLM, the line and paragraph separators, the bidi embeddings/overrides
#: U+202A-202E and isolates U+2066-2069, a BOM inside text, and the
#: interlinear annotation marks.
_FORMATTING = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb"

_UNSAFE = re.compile(f"[{_CONTROLS}{_FORMATTING}]")
_UNSAFE_ONE_LINE = re.compile(f"[\n{_CONTROLS}{_FORMATTING}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control or invisible formatting character shown as an escape.

    Tabs stay; newlines stay when ``keep_newlines`` (multi-line text such as a
    note), otherwise they are shown as ``\\n`` (a name in a table, one line).
    """
    pattern = _UNSAFE if keep_newlines else _UNSAFE_ONE_LINE
    return pattern.sub(_visible, text)
