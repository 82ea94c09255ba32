"""Keyword contexts of raw turns: each raw memory's keyword document holds the turns
stored just before and after it in its scope (see docs/architecture.md). With a session
key, the window stops at the first neighbour of another session: a turn is never found
by words of an unrelated conversation stored next to it.

>>> plan_contexts([(1, "a"), (2, "b")], ["c"], 1, 1)
([('a\\nc', 2)], ['b'])
>>> plan_contexts([(1, "a"), (2, "b")], ["c"], 1, 1, tail_keys=["s1", "s1"], new_keys=["s2"])
([('a', 2)], [''])
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from itertools import zip_longest
from typing import Any

from engram._types import Scope

__all__ = ["group_by_scope", "plan_contexts", "session_key"]


def group_by_scope(items: Sequence[Any]) -> dict[Scope, list[Any]]:
    """Items with a ``.scope``, grouped by it in first-seen order."""
    groups: dict[Scope, list[Any]] = {}
    for item in items:
        groups.setdefault(item.scope, []).append(item)
    return groups


def session_key(metadata: Any, field: str | None) -> Hashable:
    """The session a turn belongs to: ``metadata[field]`` as text (metadata as a dict or
    as stored JSON); None when there is no field, no metadata or no such key, and all
    turns without one count as one session (the scope's unbounded window).

    >>> session_key('{"session": 3}', "session"), session_key({}, "session"), session_key({"s": 1}, None)
    ('3', None, None)
    """
    if field is None:
        return None
    if isinstance(metadata, str | bytes):
        try:
            metadata = json.loads(metadata or "{}")
        except ValueError:
            return None
    value = metadata.get(field) if isinstance(metadata, dict) else None
    return None if value is None else str(value)


def plan_contexts(
    tail: Sequence[tuple[int, str]], new_texts: Sequence[str], before: int, after: int,
    *, tail_keys: Sequence[Hashable] | None = None, new_keys: Sequence[Hashable] | None = None,
    max_chars: int = 0,
) -> tuple[list[tuple[str, int]], list[str]]:
    """Keyword contexts for raw turns appended to a scope.

    ``tail`` is the scope's last ``before + after`` stored raw turns as (rid, text),
    oldest first. Returns the (context, rid) refreshes for stored turns whose "after"
    window now includes new turns, and the context of each new turn. ``tail_keys`` and
    ``new_keys`` (one per turn, see :func:`session_key`) bound each window to the run of
    turns sharing the turn's key; without them the window is unbounded. ``max_chars`` > 0
    caps each context's length (:func:`_budget`).
    """
    texts = [t for _, t in tail] + list(new_texts)
    keys: list[Hashable] = ([*tail_keys, *new_keys] if tail_keys is not None and new_keys is not None
                            else [None] * len(texts))
    full_from = 0 if len(tail) < before + after else before  # older ones lack a full window
    refresh = [(_window(texts, keys, j, before, after, max_chars), tail[j][0])
               for j in range(max(full_from, len(tail) - after), len(tail))]
    fresh = [_window(texts, keys, len(tail) + i, before, after, max_chars)
             for i in range(len(new_texts))]
    return refresh, fresh


def _window(texts: list[str], keys: list[Hashable], i: int, before: int, after: int,
            max_chars: int) -> str:
    lo = i
    while lo > max(0, i - before) and keys[lo - 1] == keys[i]:
        lo -= 1
    hi = i + 1
    while hi < min(len(texts), i + 1 + after) and keys[hi] == keys[i]:
        hi += 1
    if max_chars <= 0:
        return "\n".join(texts[lo:i] + texts[i + 1 : hi])
    return _budget(texts, i, list(range(lo, i)), list(range(i + 1, hi)), max_chars)


def _budget(texts: list[str], i: int, before: list[int], after: list[int], max_chars: int) -> str:
    """The window's turns nearest first (i−1, i+1, i−2, ...), each cut to what is left of
    ``max_chars``, kept in conversation order. A short turn ("Yes, loved it!") gets the
    words it refers to; a long turn, which carries its own words, gets little context,
    so a stretch of long turns does not all match the same words.

    >>> _budget(["abcdef", "me", "ghij"], 1, [0], [2], 7).split()
    ['abcdef', 'g']
    """
    order = [x for pair in zip_longest(before[::-1], after) for x in pair if x is not None]
    left, kept = max_chars, {}
    for j in order:
        if left <= 0:
            break
        kept[j] = texts[j][:left]
        left -= len(kept[j])
    return "\n".join(kept[j] for j in sorted(kept))
