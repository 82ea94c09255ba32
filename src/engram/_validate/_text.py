"""Text, ids and scope ids: type, length and the characters a store can give back.

>>> check_text("I like tea", "query")
'I like tea'
>>> check_scope_id("user_id", "alice@example.com")
'alice@example.com'
>>> check_scope_id("user_id", "*")
Traceback (most recent call last):
...
engram.errors.InvalidInput: user_id: may hold only letters, digits, spaces inside and \
_ . @ : + = / # ~ | - (at most 256 characters), got '*'
"""

from __future__ import annotations

import re
from typing import Any

from engram._chars import brief, text_problem
from engram.errors import InvalidInput

__all__ = ["MAX_ID", "MAX_TEXT", "SCOPE_ID_CHARS", "check_id", "check_name", "check_safe",
           "check_scope_id", "check_text"]

MAX_TEXT = 100_000  # characters in one message, memory, query or prompt
MAX_ID = 256
# Scope ids are matched exactly by every read, so they hold no character a filter gives a
# meaning to ("*" is "any value") and none a store cannot hold: letters and digits of any
# script, inner spaces and a few separators that e-mail addresses, URNs and paths use.
SCOPE_ID_CHARS = "_ . @ : + = / # ~ | -"
_SCOPE_ID = re.compile(rf"[\w.@:+=/#~| -]{{1,{MAX_ID}}}")


def check_safe(value: str, field: str) -> str:
    """Refuse NUL and lone surrogates (see :mod:`engram._chars`)."""
    problem = text_problem(value)
    if problem is not None:
        raise InvalidInput(field, problem)
    return value


def check_text(value: Any, field: str, *, limit: int = MAX_TEXT) -> str:
    """A non-empty string of at most ``limit`` characters, storable as it is."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, f"must be a non-empty string, got {brief(value)}")
    if len(value) > limit:
        raise InvalidInput(field, f"is {len(value)} characters; the limit is {limit}")
    return check_safe(value, field)


def check_id(value: Any, field: str = "memory_id") -> str:
    """A memory id to look up: any storable string up to MAX_ID characters."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID:
        raise InvalidInput(field, f"must be a memory id string, got {brief(value)}")
    return check_safe(value, field)


def check_name(value: Any, field: str) -> str | None:
    """An optional speaker name (``actor_id``): a short storable string."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, "must be a non-empty string")
    if len(value) > MAX_ID:
        raise InvalidInput(field, f"is longer than {MAX_ID} characters")
    return check_safe(value, field)


def check_scope_id(field: str, value: Any) -> str | None:
    """A user/agent/run id, or None: see SCOPE_ID_CHARS."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, f"must be a non-empty string, got {brief(value)}")
    if value != value.strip() or not _SCOPE_ID.fullmatch(value):
        raise InvalidInput(field, "may hold only letters, digits, spaces inside and "
                                  f"{SCOPE_ID_CHARS} (at most {MAX_ID} characters), "
                                  f"got {brief(value)}")
    return value
