"""Which characters no text may hold, because a store could not give them back.

A lone surrogate (``"\\ud800"``, what a broken decoder or ``os.fsdecode`` leaves in a
``str``) cannot be encoded as UTF-8: SQLite, PostgreSQL and every JSON answer would fail
on it, and once stored it would break each later read of its scope. NUL cannot be held by
PostgreSQL ``text``/``jsonb`` at all. Both are refused wherever text enters (engram
``_validate`` and the filter parser); this module is at the bottom of the package so that
both can use it.

>>> text_problem("hi \\ud800"), text_problem("a\\x00b"), text_problem("héllo 👋")
('contains a lone surrogate (U+D800) at position 3', 'contains a NUL character', None)
>>> shown("bad \\udcff key")
'bad \\\\udcff key'
>>> brief(10**5000), brief([1, 2])
('an integer of 16610 bits', 'a list')
"""

from __future__ import annotations

from typing import Any

__all__ = ["brief", "shown", "text_problem"]


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, or None when it can."""
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return f"contains a lone surrogate (U+{ord(text[e.start]):04X}) at position {e.start}"
    return None


def shown(text: str) -> str:
    """``text`` made safe to put in an error message or a JSON answer (surrogates escaped)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def brief(value: Any) -> str:
    """A short, JSON-safe picture of a bad value for an error message: a scalar's repr
    (which escapes surrogates and control characters), else its type. Never fails, even
    on an integer too long for ``repr``."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of {value.bit_length()} bits"
    if value is None or isinstance(value, str | int | float):
        text = repr(value[:80] if isinstance(value, str) else value)
        return text if len(text) <= 60 else f"{text[:57]}..."
    return f"a {type(value).__name__}"
