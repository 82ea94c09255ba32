"""Scopes, filters, paging, modes and flags: every option a call takes (times are in
:mod:`engram._validate._time`).

>>> build_scope(user_id="alice")
Scope(user_id='alice', agent_id=None, run_id=None)
>>> check_page(2**62)
Traceback (most recent call last):
...
engram.errors.InvalidInput: page: must be an integer from 1 to 1000000, got 4611686018427387904
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from engram._chars import brief
from engram._types import SCOPE_KEYS, Scope
from engram._validate._text import check_scope_id
from engram.errors import InvalidInput
from engram.store import filters as F

__all__ = ["MAX_PAGE", "MAX_TOP_K", "SEARCH_MODES", "build_scope", "check_bool", "check_timeout", "scope_ids_from_filters",
           "check_cursor", "check_mode", "check_page", "check_threshold", "check_top_k", "scoped_filter"]

MAX_TOP_K = 1_000
MAX_PAGE = 1_000_000
MAX_CURSOR = 64
SEARCH_MODES = ("hybrid", "vector", "keyword")
_CURSOR = re.compile(r"[A-Za-z0-9_-]+")


def build_scope(user_id: Any = None, agent_id: Any = None, run_id: Any = None,
                session_id: Any = None) -> Scope:
    """The scope of an add; ``session_id`` is an alias of ``run_id``."""
    if session_id is not None:
        if run_id is not None and run_id != session_id:
            raise InvalidInput("session_id", "is an alias of run_id; give one, not both")
        run_id = session_id
    scope = Scope(check_scope_id("user_id", user_id), check_scope_id("agent_id", agent_id),
                  check_scope_id("run_id", run_id))
    if not scope.as_dict():
        raise InvalidInput("user_id", "one of user_id, agent_id or run_id is required")
    return scope


def scoped_filter(filters: Any, require_scope: bool, user_id: Any = None, agent_id: Any = None,
                  run_id: Any = None) -> F.Node:
    """Mem0 2.x ``filters`` AND-ed with 1.x style ``user_id=`` keywords."""
    ids = {"user_id": user_id, "agent_id": agent_id, "run_id": run_id}
    if filters is not None and not isinstance(filters, Mapping):
        raise InvalidInput("filters", f"must be a dict, got {type(filters).__name__}")
    node = F.parse_filters(filters)
    extra = [F.parse_filters({k: check_scope_id(k, v)}) for k, v in ids.items()
             if k in SCOPE_KEYS and v is not None]
    if extra:
        node = F.and_(node, *extra)
    if require_scope and not F.confines_scope(node):
        raise InvalidInput("filters", "one of user_id, agent_id or run_id is required "
                                      "(in filters or as a keyword; a value, an 'in' list or "
                                      "'*' for any, in every OR branch)")
    return node


def with_categories(filters: Any, categories: Any) -> Any:
    """``filters`` AND-ed with "in any of ``categories``" (Mem0's search/get_all option)."""
    if categories is None:
        return filters
    if not isinstance(categories, list) or not categories \
            or not all(isinstance(c, str) for c in categories):
        raise InvalidInput("categories", f"must be a non-empty list of names, got "
                                         f"{brief(categories)}")
    cond = {"categories": {"in": categories}}
    return {"AND": [filters, cond]} if filters else cond


def check_top_k(value: Any, field: str = "top_k") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"must be an integer, got {brief(value)}")
    if not 1 <= value <= MAX_TOP_K:
        raise InvalidInput(field, f"must be between 1 and {MAX_TOP_K}, got {brief(value)}")
    return value


def first_count(default: int, **given: Any) -> int:
    """The first of ``given`` (Mem0's aliases for one count, in order of precedence) that
    is set, checked under its own name; ``default`` when none is."""
    for field, value in given.items():
        if value is not None:
            return check_top_k(value, field)
    return default


def check_page(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE:
        raise InvalidInput("page", f"must be an integer from 1 to {MAX_PAGE}, got {brief(value)}")
    return value


def check_cursor(value: Any) -> str | None:
    """The shape of a ``next_cursor``; the store decodes it (and refuses a forged one)."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_CURSOR or not _CURSOR.fullmatch(value):
        raise InvalidInput("cursor", f"not a cursor returned by a previous page: {brief(value)}")
    return value


def check_threshold(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not -1.0 <= value <= 1.0:  # NaN compares false: refused here too
        raise InvalidInput("threshold", f"must be a number between -1 and 1, got {brief(value)}")
    return float(value)


def check_timeout(value: Any) -> float | None:
    """Seconds to wait at most (None: no limit)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidInput("timeout", f"must be a number of seconds >= 0, got {brief(value)}")
    return float(value)


def check_mode(value: Any, default: str) -> str:
    """``search_mode``: None means the configured default; anything else must be a mode."""
    mode = default if value is None else value
    if not isinstance(mode, str) or mode not in SEARCH_MODES:
        raise InvalidInput("search_mode", f"must be {', '.join(SEARCH_MODES)} or None, "
                                          f"got {brief(value)}")
    return mode


def check_bool(value: Any, field: str, *, optional: bool = False) -> bool | None:
    if value is None and optional:
        return None
    if not isinstance(value, bool):
        raise InvalidInput(field, f"must be true or false, got {brief(value)}")
    return value


def scope_ids_from_filters(filters: Any, **ids: Any) -> dict[str, Any]:
    """Mem0's ``add(messages, filters={"user_id": ...})`` spelling of an add's scope, merged
    with the keyword ids. An add writes to one scope, so only plain scope ids are accepted."""
    if filters is None:
        return ids
    if not isinstance(filters, Mapping):
        raise InvalidInput("filters", f"must be a dict, got {type(filters).__name__}")
    out = dict(ids)
    for key, value in filters.items():
        if key not in SCOPE_KEYS:
            raise InvalidInput(f"filters.{key}", "an add takes only user_id, agent_id and run_id "
                                                 "in filters")
        if isinstance(value, Mapping | list):
            raise InvalidInput(f"filters.{key}", "an add needs one plain id, not an operator")
        if out.get(key) is not None and out[key] != value:
            raise InvalidInput(f"filters.{key}", f"conflicts with {key}={out[key]!r}")
        out[key] = value
    return out
