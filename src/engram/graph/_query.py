"""The graph side of search: entities named in the query, their 1-2 hop neighbourhood,
and a bounded boost for the memories those relations came from.

Seeds are the query's capitalised names (matched by normalised name or name vector) and,
for a first-person query ("my", "I"), the speaker entity. Hop 1 takes every relation of
a seed; hop 2 continues only from ends reached by an on-topic relation (its label or far
end shares a word stem with the query: "sister" in "where does my sister work?"), so a
user's whole graph is not dragged in. A relation scores 1/hop, doubled when on-topic.

:func:`boost` re-ranks the hybrid list: each memory keeps a rank score ``1/(c + rank)``
multiplied by ``1 + strength * w`` (w in [0, 1], the best score of its relations, scaled),
so a graph-linked memory moves up a bounded distance and one the hybrid list missed
enters at its tail.

>>> boost([("a", 0.9), ("b", 0.5), ("c", 0.4)], {"c": 1.0}, {}, k=2, strength=1.0)
[('c', 0.4), ('a', 0.9)]
>>> query_names("Where does my sister Anna work in New York?")
['Anna', 'New York']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engram.graph._model import SELF, normalise
from engram.store.base import GraphRelation

__all__ = ["query_names", "graph_search", "boost", "GraphHits"]

_QWORDS = {"What", "When", "Where", "Who", "Whom", "Why", "How", "Which", "Does", "Did", "Do",
           "Is", "Are", "Was", "Were", "Has", "Have", "Can", "Could", "Would", "Will", "I",
           "My", "The", "A", "An", "In", "On", "At", "Tell", "Please", "Should"}
_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|my|me|mine|myself)\b", re.I)
_WORD = re.compile(r"[a-z]+")
_STOP = {"the", "a", "an", "and", "or", "of", "to", "in", "at", "on", "for", "with", "is",
         "are", "was", "were", "do", "does", "did", "what", "where", "when", "who", "how",
         "which", "my", "i", "me", "has", "have", "had", "he", "she", "they", "it", "that",
         "this", "be", "from", "by", "about", "would", "likely", "any", "some"}


def query_names(query: str) -> list[str]:
    """Capitalised names in the query, question words and "I" left out."""
    out: list[str] = []
    for m in _NAME.finditer(query):
        words = [w for w in re.split(r"\s+", m.group(0)) if w]
        while words and words[0].rstrip("'s") in _QWORDS:
            words.pop(0)
        name = re.sub(r"'s$", "", " ".join(words))
        if name and name not in out:
            out.append(name)
    return out


def _stems(text: str) -> set[str]:
    return {w[:4] for w in _WORD.findall(text.lower().replace("_", " "))
            if w not in _STOP and len(w) > 2}


@dataclass
class GraphHits:
    relations: list[GraphRelation] = field(default_factory=list)  # best first
    scores: dict[str, float] = field(default_factory=dict)  # relation id -> score
    weights: dict[str, float] = field(default_factory=dict)  # memory id -> [0, 1]

    def as_dicts(self) -> list[dict[str, Any]]:
        """Mem0's search relations, each with a ``score`` in [0, 1]: its graph score over
        the highest one a relation can get (2.0: on topic, one hop away, still valid)."""
        return [r.to_dict() | {"score": round(self.scores.get(r.id, 0.0) / 2.0, 4)}
                for r in self.relations]


def graph_search(store: Any, where: Any, query: str,
                 embed: Callable[[list[str]], np.ndarray], *, hops: int = 2,
                 similarity: float = 0.85, limit: int = 20) -> GraphHits:
    names = query_names(query)
    norms = [normalise(n) for n in names]
    seeds: set[str] = set()
    if names:
        matches = store.find_entities(where, norms, embed(names), k=2)
        seeds |= {m.id for m in matches if m.score >= similarity or m.norm == norms[m.query]}
    if _FIRST_PERSON.search(query):
        seeds |= {m.id for m in store.find_entities(where, [SELF], None)}
    if not seeds:
        return GraphHits()
    topic = _stems(query) - {s for n in norms for s in _stems(n)}
    rels: dict[str, GraphRelation] = {}
    scores: dict[str, float] = {}
    frontier, seen = set(seeds), set(seeds)
    for hop in range(1, hops + 1):
        step = store.graph_neighbourhood(where, sorted(frontier), hops=1)
        nxt: set[str] = set()
        for r in step:
            if r.id in rels:
                continue
            far = r.target_id if r.source_id in frontier else r.source_id
            far_name = r.target if far == r.target_id else r.source
            on_topic = bool(topic & (_stems(r.relationship) | _stems(far_name)))
            rels[r.id] = r
            scores[r.id] = (2.0 if on_topic else 1.0) / hop * (1.0 if r.valid else 0.5)
            if on_topic and far not in seen:
                nxt.add(far)
        seen |= nxt
        frontier = nxt
        if not frontier:
            break
    ranked = sorted(rels.values(), key=lambda r: (-scores[r.id], r.relationship, r.target))
    ranked = ranked[:limit]
    top = max((scores[r.id] for r in ranked), default=1.0)
    weights: dict[str, float] = {}
    for r in ranked:
        if r.valid:
            for mid in r.memory_ids:
                weights[mid] = max(weights.get(mid, 0.0), scores[r.id] / top)
    return GraphHits(ranked, {r.id: scores[r.id] for r in ranked}, weights)


def boost(ranked: Sequence[tuple[str, float | None]], weights: dict[str, float],
          extra: dict[str, float | None], *, k: int, strength: float,
          c: int = 20) -> list[tuple[str, float | None]]:
    """Re-rank (see the module docstring); ``extra`` holds similarities of linked
    memories missing from ``ranked`` (those absent from it are left out)."""
    scored: list[tuple[float, int, str, float | None]] = []
    for rank, (mid, sim) in enumerate(ranked):
        scored.append((1 / (c + rank) * (1 + strength * weights.get(mid, 0.0)), rank, mid, sim))
    tail = len(ranked)
    for mid, sim in extra.items():
        if mid not in {m for m, _ in ranked}:
            scored.append((1 / (c + tail) * (1 + strength * weights.get(mid, 0.0)), tail, mid, sim))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [(mid, sim) for _, _, mid, sim in scored[:k]]
