"""Engram's one input boundary: every value a caller hands :class:`engram.Memory` (and so
the server, the CLI and the MCP tools, which all call it) is checked here, before any of
it reaches the pipeline or the store. Each error is an :class:`~engram.errors.InvalidInput`
naming the field.

What it guarantees: no text holding NUL or a lone surrogate (the stores could not give it
back), scope ids from a small character set, metadata bounded in depth, keys and bytes,
integers in range (pages, cursors, ``top_k``), real booleans and modes, and timestamps that
parse. Pure functions, no I/O.

>>> from engram import _validate as V
>>> V.check_text("hi \\ud800", "query")
Traceback (most recent call last):
...
engram.errors.InvalidInput: query: contains a lone surrogate (U+D800) at position 3
"""

from engram._chars import brief
from engram._validate._messages import ROLES, normalise_messages
from engram._validate._metadata import MetadataLimits, check_metadata
from engram._validate._query import (
    MAX_PAGE,
    MAX_TOP_K,
    SEARCH_MODES,
    build_scope,
    check_bool,
    check_cursor,
    check_mode,
    check_page,
    check_threshold,
    check_timeout,
    check_top_k,
    first_count,
    scope_ids_from_filters,
    scoped_filter,
    with_categories,
)
from engram._validate._text import (
    MAX_ID,
    MAX_TEXT,
    SCOPE_ID_CHARS,
    check_id,
    check_name,
    check_safe,
    check_scope_id,
    check_text,
)
from engram._validate._time import (
    check_as_of,
    check_event_time,
    check_expiration,
    check_reference_date,
    check_timestamp,
    event_time,
    not_expired,
)

__all__ = [
    "MAX_ID", "MAX_PAGE", "MAX_TEXT", "MAX_TOP_K", "ROLES", "SCOPE_ID_CHARS", "SEARCH_MODES",
    "MetadataLimits", "brief", "build_scope", "check_bool", "check_cursor", "check_id",
    "check_metadata", "check_mode", "check_name", "check_page", "check_safe",
    "check_scope_id", "with_categories", "scope_ids_from_filters", "check_text", "check_threshold", "check_timeout", "check_timestamp", "check_top_k", "first_count",
    "normalise_messages", "scoped_filter", "check_as_of", "check_event_time",
    "check_expiration", "check_reference_date", "event_time", "not_expired",
]
