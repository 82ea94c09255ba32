"""Hybrid retrieval decisions, pure: query terms for the keyword arm, and weighted
reciprocal-rank fusion of the ranked lists.

>>> query_terms("What did Caroline say about the adoption agency?")
['caroline', 'say', 'adoption', 'agency']
>>> fuse([(["a", "b"], 3.0), (["b", "c"], 1.0)], k=60)[0][0]
'b'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from engram.config import SearchConfig
    from engram.store.base import Store
    from engram.store.filters import Node

__all__ = ["STOP_WORDS", "query_terms", "fuse", "hybrid_search"]

# Function words that match nearly every turn and only add noise to BM25.
STOP_WORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "don", "didn", "doesn", "isn", "wasn", "weren", "won", "ll", "re", "ve", "d", "m", "o", "y", "ever", "also"]
)
_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str, *, limit: int = 32) -> list[str]:
    """Lower-cased words of ``query`` without stop-words (all words if only stop-words)."""
    words = [w for w in _WORD.findall(query.lower()) if w != "_"]
    kept = [w for w in words if w not in STOP_WORDS and len(w) > 1]
    return list(dict.fromkeys(kept or words))[:limit]


def fuse(ranked: Sequence[tuple[Sequence[str], float]], *, k: int = 60) -> list[tuple[str, float]]:
    """Weighted reciprocal-rank fusion: each list adds ``weight / (k + rank)`` per id.

    Lists are (ids best first, weight). Ties keep the order of first appearance.
    """
    scores: dict[str, float] = {}
    for ids, weight in ranked:
        if weight <= 0:
            continue
        for rank, mid in enumerate(ids, start=1):
            scores[mid] = scores.get(mid, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def hybrid_search(
    store: Store,
    ns: str,
    where: Node,
    query: str,
    *,
    embed: Callable[[list[str]], np.ndarray],
    cfg: SearchConfig,
    mode: str,
    k: int,
    threshold: float | None,
) -> list[tuple[str, float | None]]:
    """Ids of the best ``k`` memories with their cosine similarity to the query (None
    in keyword mode without a threshold). Candidates come from the vector arm and the
    keyword arm (``cfg.candidates`` deep each), fused by weighted RRF; ``threshold``
    drops candidates whose similarity is below it."""
    depth = max(cfg.candidates, k)
    lists: list[tuple[list[str], float]] = []
    qvec = embed([query])[0] if mode != "keyword" or threshold is not None else None
    if mode != "keyword":
        assert qvec is not None
        hits = store.vector_search(ns, where, qvec, depth)
        lists.append(([i for i, _ in hits], cfg.vector_weight if mode == "hybrid" else 1.0))
    if mode != "vector":
        kw = store.keyword_search(ns, where, query_terms(query), depth)
        lists.append(([i for i, _ in kw], cfg.keyword_weight if mode == "hybrid" else 1.0))
    fused = fuse(lists, k=cfg.rrf_k)
    sims = store.similarities(ns, [i for i, _ in fused], qvec) if qvec is not None else {}
    out: list[tuple[str, float | None]] = []
    for mid, _ in fused:
        sim = sims.get(mid)
        if threshold is not None and (sim is None or sim < threshold):
            continue
        out.append((mid, sim))
        if len(out) == k:
            break
    return out
