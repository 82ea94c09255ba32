"""Keyword contexts of raw turns: each raw memory's keyword document holds the turns
stored just before and after it in its scope (see docs/architecture.md).

>>> plan_contexts([(1, "a"), (2, "b")], ["c"], 1, 1)
([('a\\nc', 2)], ['b'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram._types import Scope

__all__ = ["group_by_scope", "plan_contexts"]


def group_by_scope(items: Sequence[Any]) -> dict[Scope, list[Any]]:
    """Items with a ``.scope``, grouped by it in first-seen order."""
    groups: dict[Scope, list[Any]] = {}
    for item in items:
        groups.setdefault(item.scope, []).append(item)
    return groups


def plan_contexts(
    tail: Sequence[tuple[int, str]], new_texts: Sequence[str], before: int, after: int
) -> tuple[list[tuple[str, int]], list[str]]:
    """Keyword contexts for raw turns appended to a scope.

    ``tail`` is the scope's last ``before + after`` stored raw turns as (rid, text),
    oldest first. Returns the (context, rid) refreshes for stored turns whose "after"
    window now includes new turns, and the context of each new turn.
    """
    texts = [t for _, t in tail] + list(new_texts)
    full_from = 0 if len(tail) < before + after else before  # older ones lack a full window
    refresh = [(_window(texts, j, before, after), tail[j][0])
               for j in range(max(full_from, len(tail) - after), len(tail))]
    fresh = [_window(texts, len(tail) + i, before, after) for i in range(len(new_texts))]
    return refresh, fresh


def _window(texts: list[str], i: int, before: int, after: int) -> str:
    return "\n".join(texts[max(0, i - before) : i] + texts[i + 1 : i + 1 + after])
