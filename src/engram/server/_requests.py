"""Pure translations from request models to :class:`engram.Memory` arguments.

No I/O: these turn Platform spellings (ids inside ``filters``, ``custom_instructions``,
unix timestamps) into the facade's keywords, and refuse what we cannot
honour with :class:`~engram.errors.NotSupported` (answered 501).

>>> scope_ids(None, {"user_id": "u1"}, {"user_id": None, "agent_id": None, "run_id": None})
{'user_id': 'u1'}
"""

from __future__ import annotations

import ast
import json
import warnings
from typing import Any

from pydantic import BaseModel

from engram._chars import brief
from engram._mem0_api import APPS, SCHEMA
from engram._validate import check_timestamp
from engram.errors import InvalidFilter, InvalidInput, NotSupported
from engram.server._models import UNSUPPORTED
from engram.store.filters import ALIASES, COLUMN_FIELDS

__all__ = ["refuse_unsupported", "scope_ids", "timestamp_text",
           "query_filters", "platform_filters", "PLATFORM_FIELDS"]

SCOPE_KEYS = ("user_id", "agent_id", "run_id")
MAX_NESTING = 64  # brackets open at once in a query-string filter (the parser allows 32 levels)


def refuse_unsupported(body: BaseModel) -> None:
    for name in UNSUPPORTED:
        value = getattr(body, name, None)
        if value not in (None, False, "", [], {}):
            raise NotSupported(f"{name}: {_WHY[name]}")


_WHY = {"app_id": APPS, "structured_data_schema": SCHEMA}  # docs/compat.md's words


def scope_ids(session_id: str | None, filters: dict[str, Any] | None,
              top: dict[str, str | None]) -> dict[str, str]:
    """An add's scope from top-level ids and/or Mem0 v3 ``filters`` (ids only there)."""
    filters = filters or {}
    for key in filters:
        if key not in SCOPE_KEYS:
            raise InvalidInput(f"filters[{brief(key)}]", "add accepts only user_id, agent_id "
                                                         "and run_id in filters")
    out: dict[str, str] = {}
    for key in SCOPE_KEYS:
        a, b = top.get(key), filters.get(key)
        if a is not None and b is not None and a != b:
            raise InvalidInput(key, f"given twice with different values ({a!r}, {b!r})")
        value = a if a is not None else b
        if value is not None:
            out[key] = value
    if session_id is not None:
        out.setdefault("run_id", session_id)
        if out["run_id"] != session_id:
            raise InvalidInput("session_id", "is an alias of run_id; give one, not both")
    return out


def timestamp_text(value: int | float | str | None) -> str | None:
    """Mem0 sends a unix timestamp; the facade takes text (the one check, in _validate)."""
    return check_timestamp(value)


def query_filters(raw: str | None) -> dict[str, Any] | None:
    """``filters`` sent in a query string: JSON, or the Python repr that httpx makes of a
    dict (what Mem0's client sends); literals only, never evaluated as code."""
    if raw is None or raw == "":
        return None
    if len(raw) > 20_000:
        raise InvalidInput("filters", "is too long")
    if _nesting(raw) > MAX_NESTING:  # both parsers recurse: refuse before they overflow
        raise InvalidInput("filters", f"nests deeper than {MAX_NESTING} levels")
    try:
        value = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        try:
            with warnings.catch_warnings():  # "\d" in a literal warns; it is just refused
                warnings.simplefilter("ignore")
                value = ast.literal_eval(raw)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError) as e:
            raise InvalidInput("filters", "is neither JSON nor a dict literal") from e
    if not isinstance(value, dict):
        raise InvalidInput("filters", f"must be an object, got {type(value).__name__}")
    return value


# The Platform checks each filter key against a fixed list (an unknown one is a 400, not
# an empty answer); metadata keys go inside {"metadata": {...}}.
PLATFORM_FIELDS = frozenset({*COLUMN_FIELDS, *ALIASES, "metadata"})
_LOGICAL = ("AND", "OR", "NOT")
_LATER = {"app_id": "apps are not scopes on this server; use user_id, agent_id or run_id"}


def platform_filters(filters: Any, path: str = "filters") -> dict[str, Any] | None:
    """``filters`` checked key by key against the Platform's fields (through AND/OR/NOT),
    with Mem0's ``timestamp`` (the add's ``timestamp``) read as ``happened_at``."""
    _check_keys(filters, path)
    out: dict[str, Any] | None = _event_time(filters, path)
    return out


def _event_time(node: Any, path: str) -> Any:
    """``timestamp`` keys renamed ``happened_at``; their Unix-second operands as ISO text."""
    if isinstance(node, list):
        return [_event_time(item, f"{path}[{i}]") for i, item in enumerate(node)]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _LOGICAL:
            out[key] = _event_time(value, f"{path}.{key}")
        elif key == "timestamp":
            if "happened_at" in node:
                raise InvalidFilter(f"{path}.timestamp", "is Mem0's name of happened_at; "
                                                         "give one of them")
            out["happened_at"] = _unix_text(value, f"{path}.timestamp")
        else:
            out[key] = value
    return out


def _unix_text(value: Any, path: str) -> Any:
    if isinstance(value, dict):
        return {op: _unix_text(v, f"{path}.{op}") for op, v in value.items()}
    if isinstance(value, list):
        return [_unix_text(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return check_timestamp(value, path)
    return value


def _check_keys(node: Any, path: str) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node):
            _check_keys(item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return  # the parser names what is wrong with it
    for key, value in node.items():
        if key in _LOGICAL:
            _check_keys(value, f"{path}.{key}")
        elif key in _LATER:
            raise NotSupported(f"{path}.{key}: {_LATER[key]}")
        elif key not in PLATFORM_FIELDS and key != "timestamp":
            where = f"{path}.{key}" if str(key).isidentifier() else f"{path}[{brief(key)}]"
            raise InvalidFilter(where,
                                f"unknown filter field {brief(key)}; fields: "
                                + ", ".join(sorted(PLATFORM_FIELDS))
                                + " (metadata keys go inside {\"metadata\": {...}})")


def _nesting(raw: str) -> int:
    """The most brackets open at once, counted roughly (quotes are not parsed): an upper
    bound good enough to refuse a string of thousands of ``[`` before parsing it."""
    depth = deepest = 0
    for ch in raw:
        if ch in "[{(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]})":
            depth -= 1
    return deepest
