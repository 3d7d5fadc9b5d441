"""Turn whatever a user types into a safe SQLite FTS5 MATCH expression.

FTS5 has its own query language: bare ``AND``, ``OR``, ``NOT``, ``NEAR``,
parentheses, ``column:`` filters, ``^`` and ``*`` all mean something, and a stray
quote is a syntax error. Typed text is therefore never passed through. It is
split into words the way FTS5's default ``unicode61`` tokenizer splits text,
each word becomes a quoted FTS5 string, the words are joined with spaces (all
must match), and the last word is a prefix query so results update while the
user is still typing. The result is always a valid expression.

Word characters are those whose Unicode category is a letter (L*), a number
(N*) or private use (Co), as in ``unicode61``; everything else (spaces,
punctuation, symbols, emoji, controls) separates words. Combining marks (M*)
continue a word but never start one, as ``unicode61`` does with diacritics.
Code points not assigned in Python's Unicode tables (Cn) are word characters,
because SQLite's older tables do not know them either and ``unicode61`` treats
unknown code points as word characters.

Python's Unicode tables are newer than SQLite's, so for a few characters the
two still disagree: about 2,500 characters added to Unicode after SQLite's
tables were made (among them many recent emoji, such as U+1F972) are word
characters to SQLite and separators here. Such a disagreement can only
make a search find less (an emoji written inside a word splits it here but not
in the index), never make it fail: a quoted string is re-tokenized by FTS5
itself, and a string in which it finds no words is ignored.
"""

from __future__ import annotations

import unicodedata


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category in ("Co", "Cn")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def search_words(text: str) -> list[str]:
    """The words of ``text`` as FTS5's ``unicode61`` tokenizer would split it.

    Case and accents are kept as typed (FTS5 folds them itself).
    """
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if _is_word_char(ch) or (current and _is_mark(ch)):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def quote_fts_string(word: str) -> str:
    """``word`` as an FTS5 string literal: in double quotes, inner quotes doubled."""
    return '"' + word.replace('"', '""') + '"'


def to_fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression for ``text``, or ``None`` when it has no words.

    Every word is quoted, so operators typed by the user (``AND``, ``OR``,
    ``NOT``, ``NEAR``, ``*``, ``:``, quotes) are searched for as plain words or
    ignored as separators. Words are implicitly ANDed; the last one is a prefix
    query. For example ``O'Brien churn`` gives ``"O" "Brien" "churn"*``.
    """
    words = search_words(text)
    if not words:
        return None
    quoted = [quote_fts_string(word) for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)
