"""Mem0 Platform's read options on ``search`` and ``get_all``, turned into what the engine
already does (pure, no I/O; ``Memory`` calls these, so every surface gets them):

- ``metadata``: conditions on metadata keys, AND-ed with ``filters`` as
  ``{"metadata": {...}}`` (Mem0's v1 search spelling of a metadata filter);
- ``keyword_search``: ``True`` fuses keyword relevance with similarity (``hybrid``),
  ``False`` searches by similarity alone (``vector``); left out, the configured mode;
- ``latest_only``: every memory has one current version (an update replaces it and
  ``history`` keeps the old ones), so ``True`` is what reads always do; ``False`` is
  refused rather than silently answered with the latest versions;
- ``fields``: each result keeps only the named fields;
- ``start_date`` / ``end_date``: ``created_at`` on or after / on or before (a bare day as
  ``end_date`` takes that whole day in).

>>> with_dates({"user_id": "u"}, "2024-07-01", None)
{'AND': [{'user_id': 'u'}, {'created_at': {'gte': '2024-07-01T00:00:00+00:00'}}]}
>>> project({"results": [{"id": "m1", "memory": "x", "score": 0.5}]}, ["memory"])
{'results': [{'memory': 'x'}]}
"""

from __future__ import annotations

import dataclasses
from typing import Any

from engram import _validate as V
from engram._chars import brief
from engram._types import MemoryRecord
from engram.errors import InvalidInput, NotSupported

__all__ = ["FIELDS", "search_mode_for", "with_metadata", "check_latest_only", "check_fields",
           "with_dates", "project"]

#: What a result may hold: a record's fields, its scope ids, and what search adds.
FIELDS = frozenset({f.name for f in dataclasses.fields(MemoryRecord)} - {"scope"}
                   | {"user_id", "agent_id", "run_id", "score_details", "evidence",
                      "valid_from", "valid_until"})


def search_mode_for(keyword_search: Any, search_mode: Any) -> Any:
    """The search mode ``keyword_search`` asks for (None: leave ``search_mode`` as given)."""
    if keyword_search is None:
        return search_mode
    V.check_bool(keyword_search, "keyword_search")
    mode = "hybrid" if keyword_search else "vector"
    if search_mode is not None and search_mode != mode:
        raise InvalidInput("keyword_search", f"asks for {mode} search but search_mode is "
                                             f"{brief(search_mode)}; give one of them")
    return mode


def with_metadata(filters: Any, metadata: Any) -> Any:
    """``filters`` AND-ed with ``{"metadata": metadata}`` (the filter parser checks it)."""
    if metadata is None:
        return filters
    if not isinstance(metadata, dict) or not metadata:
        raise InvalidInput("metadata", "must be a non-empty object of metadata keys to "
                                       f"conditions, got {brief(metadata)}")
    cond = {"metadata": metadata}
    return {"AND": [filters, cond]} if filters else cond


def check_latest_only(value: Any) -> None:
    if value is None:
        return
    V.check_bool(value, "latest_only")
    if not value:
        raise NotSupported("latest_only=False: a memory has one current version in Engram "
                           "(an update replaces it); its earlier versions are in "
                           "history(memory_id)")


def check_fields(fields: Any) -> list[str] | None:
    if fields is None:
        return None
    if not isinstance(fields, list) or not fields:
        raise InvalidInput("fields", f"must be a non-empty list of field names, got "
                                     f"{brief(fields)}")
    for i, name in enumerate(fields):
        if name not in FIELDS:
            raise InvalidInput(f"fields[{i}]", f"unknown field {brief(name)}; fields: "
                                               + ", ".join(sorted(FIELDS)))
    return list(fields)


def with_dates(filters: Any, start_date: Any, end_date: Any) -> Any:
    """``filters`` AND-ed with the ``created_at`` range the two dates give."""
    conds = []
    if start_date is not None:
        conds.append({"created_at": {"gte": V.check_event_time(start_date, "start_date")}})
    if end_date is not None:
        conds.append({"created_at": {"lte": V.check_as_of(end_date, "end_date")}})
    if not conds:
        return filters
    return {"AND": ([filters] if filters else []) + conds}


def project(out: dict[str, Any], fields: list[str] | None) -> dict[str, Any]:
    """``out`` with each result cut down to ``fields`` (None: as it is)."""
    if fields is None:
        return out
    return out | {"results": [{k: r[k] for k in fields if k in r} for r in out["results"]]}
