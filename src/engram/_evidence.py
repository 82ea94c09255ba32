"""Facts and their evidence: which rows a read lists, and search that reaches a fact
through the turns it came from.

With ``infer=True`` a scope holds facts and the turns they were extracted from
(episodes, ``memory_type="episode"``, cited by the facts' ``source_ids``). Reads list
facts unless the filter names ``memory_type`` itself (:func:`facts_where`). Search runs
over both and then :func:`resolve` turns each hit into a result: a fact stays a fact; an
episode brings up the fact that cites it (the one closest to the query) in its place; an
episode no fact cites is returned as itself, labelled, unless the caller asks for facts
only.

>>> from engram.store.filters import parse_filters
>>> facts_where(parse_filters({"user_id": "u"}))
And(items=(Cmp(field='user_id', op='eq', value='u', is_meta=False), \
Cmp(field='memory_type', op='ne', value='episode', is_meta=False)))
>>> facts_where(parse_filters({"user_id": "u", "memory_type": "episode"})) == \
parse_filters({"user_id": "u", "memory_type": "episode"})
True
>>> resolve([("e1", 0.9), ("f2", 0.5), ("e3", 0.4)], {"e1", "e3"}, {"e1": ["f1"]},
...         {"f1": 0.7}, k=5, facts_only=False)
[('f1', 0.9, 'e1'), ('f2', 0.5, None), ('e3', 0.4, None)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engram._types import EPISODE, MemoryRecord
from engram.store.filters import And, Cmp, Node, Not, Or, and_

__all__ = ["facts_where", "names_type", "resolve", "evidence_of"]

_NOT_EPISODE = Cmp("memory_type", "ne", EPISODE, False)


def names_type(node: Node) -> bool:
    """Does the filter say anything about ``memory_type`` (at any depth)?"""
    if isinstance(node, Cmp):
        return node.field == "memory_type" and not node.is_meta
    if isinstance(node, And | Or):
        return any(names_type(n) for n in node.items)
    if isinstance(node, Not):
        return names_type(node.item)
    return False


def facts_where(where: Node) -> Node:
    """``where`` restricted to facts, unless it already names ``memory_type`` (e.g.
    ``{"memory_type": "episode"}`` lists the stored turns)."""
    return where if names_type(where) else and_(where, _NOT_EPISODE)


def resolve(hits: Sequence[tuple[str, float | None]], episodes: set[str],
            cited_by: dict[str, list[str]], fact_sims: dict[str, float], *, k: int,
            facts_only: bool) -> list[tuple[str, float | None, str | None]]:
    """Search hits (facts and episodes, best first) as results: ``(id, score, via)``.

    A fact hit is kept. An episode hit is replaced by the not yet placed fact citing it
    that is most similar to the query (``fact_sims``), with the episode's score and
    ``via`` = the episode id; the fact's other citing episodes then add nothing. An
    episode no fact cites is kept as itself unless ``facts_only``; one whose facts are
    all placed already is dropped (they stand for it)."""
    out: list[tuple[str, float | None, str | None]] = []
    placed: set[str] = set()
    for mid, score in hits:
        if len(out) == k:
            break
        if mid not in episodes:
            if mid not in placed:
                placed.add(mid)
                out.append((mid, score, None))
            continue
        facts = cited_by.get(mid, [])
        free = [f for f in facts if f not in placed]
        if free:
            best = max(free, key=lambda f: fact_sims.get(f, -1.0))
            placed.add(best)
            out.append((best, score, mid))
        elif not facts and not facts_only:
            out.append((mid, score, None))
    return out


def evidence_of(rec: MemoryRecord, found: dict[str, MemoryRecord]) -> list[dict[str, Any]]:
    """A fact's evidence turns (its cited episodes that still exist), in citation order."""
    out = []
    for sid in rec.source_ids:
        ep = found.get(sid)
        if ep is not None and ep.memory_type == EPISODE:
            item: dict[str, Any] = {"id": ep.id, "memory": ep.memory, "role": ep.role,
                                    "created_at": ep.created_at}
            if ep.actor_id is not None:
                item["actor_id"] = ep.actor_id
            out.append(item)
    return out
