"""The glue :class:`engram.Memory` calls when the graph is on: pick the extractor, run
the hybrid search with the graph's neighbourhood and boost. Kept here so the facade
gains a few lines, not a second search flow.

>>> extractor_for(None).name
'rules'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from engram.graph._llm import LLMGraphExtractor
from engram.graph._query import boost, graph_search
from engram.graph._rules import RulesGraphExtractor
from engram.search import hybrid_search
from engram.store.filters import is_scope_only

if TYPE_CHECKING:
    from datetime import date

    from engram.config import GraphConfig, SearchConfig
    from engram.store.base import BoundStore
    from engram.store.filters import Node

__all__ = ["extractor_for", "search_with_graph"]


def extractor_for(llm: Any | None) -> RulesGraphExtractor | LLMGraphExtractor:
    """The LLM's graph extractor when one is configured, else the offline rules."""
    return RulesGraphExtractor() if llm is None else LLMGraphExtractor(llm)


def search_with_graph(
    store: BoundStore, where: Node, query: str, *,
    embed: Callable[[list[str]], np.ndarray], cfg: SearchConfig, graph: GraphConfig,
    mode: str, k: int, threshold: float | None,
    explain_out: dict[str, dict[str, Any]] | None = None, reference: date | None = None,
) -> tuple[list[tuple[str, float | None]], list[dict[str, Any]]]:
    """(ids with similarity, best first; relations as dicts). Without graph hits this
    is exactly the hybrid search. ``explain_out`` gets the score parts, with
    ``entity_boost`` the share by which the graph raised each result."""
    hits = graph_search(store, where, query, embed, hops=graph.hops,
                        similarity=graph.entity_similarity, limit=graph.max_relations)
    if not hits.weights or graph.boost == 0:
        return (hybrid_search(store, where, query, embed=embed, cfg=cfg, mode=mode, k=k,
                              threshold=threshold, explain_out=explain_out,
                              reference=reference), hits.as_dicts())
    deep = hybrid_search(store, where, query, embed=embed, cfg=cfg, mode=mode,
                         k=max(2 * k, k + 10), threshold=threshold, explain_out=explain_out,
                         reference=reference)
    missing = [m for m in hits.weights if m not in {i for i, _ in deep}]
    extra: dict[str, float | None] = {}
    # Linked memories lie in the scope the filter pins; one with more conditions (e.g.
    # metadata) only re-ranks what the hybrid search found, so nothing outside it enters.
    if missing and is_scope_only(where):
        sims = store.similarities(missing, embed([query])[0])
        extra = {m: s for m, s in sims.items() if threshold is None or s >= threshold}
    chosen = boost(deep, hits.weights, extra, k=k, strength=graph.boost)
    if explain_out is not None:
        for mid, sim in chosen:
            parts = explain_out.setdefault(mid, {"semantic_score": sim, "bm25_score": None,
                                                 "final_score": None, "fusion": "graph"})
            parts["entity_boost"] = round(graph.boost * hits.weights.get(mid, 0.0), 6)
    return chosen, hits.as_dicts()
