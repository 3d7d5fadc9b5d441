"""Journal text shown in a terminal or written to Markdown/CSV: controls become escapes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxjournal.domain.control_chars import escape_controls

DANGEROUS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + [
    "\u061c",
    "\u200e",
    "\u200f",
    "\u2028",
    "\u2029",
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
    "\ufeff",
]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"),  # ANSI CSI
        ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),  # OSC: set the window title
        ("\x9b31m", "\\x9b31m"),  # the one-byte C1 CSI
        ("paid\u202egnp.exe", "paid\\u202egnp.exe"),  # a right-to-left override
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("ok\rgone", "ok\\x0dgone"),
        ("two\nlines", "two\\nlines"),
    ],
)
def test_escapes_are_shown_not_run(text: str, shown: str) -> None:
    assert escape_controls(text) == shown


def test_tabs_stay_and_newlines_stay_when_asked() -> None:
    assert escape_controls("a\tb\nc", keep_newlines=True) == "a\tb\nc"
    assert escape_controls("a\tb\nc") == "a\tb\\nc"


def test_ordinary_text_is_untouched() -> None:
    text = "Ana Silva — café, 東京, مرحبا, 👩‍💻 <b>&amp;</b> \\x1b"
    assert escape_controls(text) == text


@given(st.text())
def test_no_dangerous_character_survives(text: str) -> None:
    shown = escape_controls(text)
    assert not any(ch in shown for ch in DANGEROUS)
    assert "\n" not in shown
