"""Metadata: a JSON object bounded in depth, keys and bytes, holding only storable text.

Walked iteratively (a 1,000-level object is refused, never a RecursionError) and stopped
at the first limit crossed (a 200,000-key object costs at most ``max_keys`` steps). The
result is the JSON round trip of the input, so what is stored is exactly what reads give
back (tuples become lists).

>>> check_metadata({"topic": "food", "tags": ["a", "b"], "stars": 4})
{'topic': 'food', 'tags': ['a', 'b'], 'stars': 4}
>>> check_metadata({"a": {"b": {"c": 1}}}, limits=MetadataLimits(max_depth=2))
Traceback (most recent call last):
...
engram.errors.InvalidInput: metadata.a.b: nests deeper than 2 levels
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engram._chars import brief, text_problem
from engram.errors import InvalidInput

__all__ = ["MetadataLimits", "check_metadata"]

_INT64 = 2**63
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


@dataclass(frozen=True)
class MetadataLimits:
    """``config.limits``' metadata fields: nesting levels (the object itself is level 1),
    keys and list items at all levels together, and the size as UTF-8 JSON."""

    max_depth: int = 16
    max_keys: int = 1_000
    max_bytes: int = 100_000


def check_metadata(metadata: Any, field: str = "metadata",
                   limits: MetadataLimits | None = None) -> dict[str, Any]:
    if metadata is None:
        return {}
    if not isinstance(metadata, Mapping):
        raise InvalidInput(field, f"must be a dict, got {type(metadata).__name__}")
    lim = limits or MetadataLimits()
    entries = 0
    size = 0  # a lower bound of the JSON size, to stop early on huge strings
    todo: list[tuple[Any, str, int]] = [(metadata, field, 1)]
    while todo:
        value, path, depth = todo.pop()
        if isinstance(value, Mapping | list | tuple):
            if depth > lim.max_depth:
                raise InvalidInput(path, f"nests deeper than {lim.max_depth} levels")
            entries += len(value)
            if entries > lim.max_keys:
                raise InvalidInput(field, f"holds more than {lim.max_keys} keys and list "
                                          "items (all levels together)")
            if isinstance(value, Mapping):
                for key, item in value.items():
                    if not isinstance(key, str):
                        raise InvalidInput(path, f"keys must be strings, got {brief(key)}")
                    sub = _join(path, key)
                    _check_str(key, sub, "key")
                    size += len(key)
                    todo.append((item, sub, depth + 1))
            else:
                todo.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str):
            _check_str(value, path, "value")
            size += len(value)
        else:
            _check_scalar(value, path)
        if size > lim.max_bytes:
            break
    try:
        data = json.dumps(metadata, ensure_ascii=False, allow_nan=False).encode("utf-8") \
            if size <= lim.max_bytes else b""
    except (TypeError, ValueError) as e:  # a Mapping that is not a dict, say
        raise InvalidInput(field, f"must be JSON-serialisable: {e}") from e
    if size > lim.max_bytes or len(data) > lim.max_bytes:
        raise InvalidInput(field, f"is larger than {lim.max_bytes} bytes as JSON")
    out: dict[str, Any] = json.loads(data)
    return out


def _check_str(text: str, path: str, what: str) -> None:
    problem = text_problem(text)
    if problem is not None:
        raise InvalidInput(path, f"{what} {problem}")


def _check_scalar(value: Any, path: str) -> None:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not -_INT64 <= value < _INT64:
            raise InvalidInput(path, "integer out of range (must fit in 64 bits)")
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInput(path, f"must be a finite number, got {value!r}")
        return
    raise InvalidInput(path, "must be a string, number, boolean, null, list or object, "
                             f"got {type(value).__name__}")


def _join(path: str, key: str) -> str:
    # Keys are shown escaped and cut short: the path goes into error messages and JSON.
    return f"{path}.{key}" if _IDENT.fullmatch(key) else f"{path}[{brief(key)}]"
