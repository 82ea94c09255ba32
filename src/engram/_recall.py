"""``Memory.search`` after validation: run the retrieval, reach facts through their
evidence turns, shape the results (see :mod:`engram._evidence` for the rules).

A filter that names ``memory_type`` gets exactly what it asks for (plain hybrid search).
Otherwise the search runs over facts and episodes together, ``EVIDENCE_DEPTH`` times
deeper than ``k`` (an episode whose fact is already placed gives no result), and
:func:`engram._evidence.resolve` turns the hits into results. With the graph on, the
search stays over facts (the graph boost is computed for memories, not their turns).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from engram import _validate as V
from engram._evidence import evidence_of, facts_where, names_type, resolve
from engram._rerank import Records
from engram._types import EPISODE, MemoryRecord
from engram.graph import search_with_graph
from engram.search import hybrid_search

if TYPE_CHECKING:
    from engram.config import MemoryConfig
    from engram.store.base import BoundStore
    from engram.store.filters import Node

__all__ = ["SearchRequest", "run_search", "with_evidence"]

EVIDENCE_DEPTH = 3  # candidates per result asked of the fused search


@dataclass(frozen=True)
class SearchRequest:
    """One validated search."""

    query: str
    where: Node
    mode: str
    k: int
    threshold: float | None
    graph: bool = False
    explain: bool = False
    include_evidence: bool = False
    facts_only: bool = False
    reference: date | None = None  # the day relative time phrases are read on

    def __post_init__(self) -> None:
        for name in ("explain", "include_evidence", "facts_only"):
            V.check_bool(getattr(self, name), name)


def run_search(store: BoundStore, embed: Callable[[list[str]], np.ndarray],
               config: MemoryConfig, req: SearchRequest) -> dict[str, Any]:
    """``{"results": [...]}`` (plus ``relations`` with the graph on)."""
    parts: dict[str, dict[str, Any]] | None = {} if req.explain else None
    relations = None
    seen: list[np.ndarray] = []

    def embed_once(texts: list[str]) -> np.ndarray:
        vecs = embed(texts)
        seen.append(vecs[0])
        return vecs

    common = dict(embed=embed_once, cfg=config.search, mode=req.mode, threshold=req.threshold,
                  explain_out=parts, reference=req.reference)
    rows: list[tuple[str, float | None, str | None]]
    recs: dict[str, MemoryRecord]
    if req.graph:
        chosen, relations = search_with_graph(store, facts_where(req.where), req.query,
                                              graph=config.graph, k=req.k, **common)  # type: ignore[arg-type]
        rows = [(m, s, None) for m, s in chosen]
        recs = store.get_many([m for m, _ in chosen])
    elif names_type(req.where):
        read = Records(store)  # what the search read is not read again
        chosen = hybrid_search(store, req.where, req.query, k=req.k, records=read, **common)  # type: ignore[arg-type]
        rows = [(m, s, None) for m, s in chosen]
        recs = read.get([m for m, _ in chosen])
    else:
        read = Records(store)
        chosen = hybrid_search(store, req.where, req.query, k=req.k * EVIDENCE_DEPTH,
                               shown=req.k, records=read, **common)  # type: ignore[arg-type]
        # The candidates' types, then whole records of the k results only: the search
        # asks EVIDENCE_DEPTH times deeper than it shows.
        heads = read.heads([m for m, _ in chosen])
        episodes = {m for m, h in heads.items() if h.memory_type == EPISODE}
        cited = store.citing(req.where, sorted(episodes)) if episodes else {}
        facts = sorted({f for fs in cited.values() for f in fs})
        sims = store.similarities(facts, seen[-1]) if facts and seen else {}
        rows = resolve([(m, s) for m, s in chosen if m in heads], episodes, cited, sims,
                       k=req.k, facts_only=req.facts_only)
        recs = read.get([m for m, _, _ in rows])
    results = []
    for mid, score, via in rows:
        rec = recs.get(mid)
        if rec is None:  # deleted between the reads
            continue
        rec.score = round(score, 6) if score is not None else None
        item = rec.to_dict()
        if parts is not None:
            item["score_details"] = {**parts.get(via or mid, {}), "threshold": req.threshold}
            if via is not None:
                item["score_details"]["via_episode"] = via
        results.append(item)
    if req.include_evidence:
        with_evidence(store, results, recs)
    return {"results": results} | ({"relations": relations} if relations is not None else {})


def with_evidence(store: BoundStore, items: list[dict[str, Any]],
                  recs: dict[str, MemoryRecord]) -> None:
    """Give each fact item its ``evidence``: the stored turns its ``source_ids`` name
    (an empty list when it cites none that still exist). Episodes get none."""
    facts = [recs[i["id"]] for i in items
             if i["id"] in recs and recs[i["id"]].memory_type != EPISODE]
    found = store.get_many(sorted({s for r in facts for s in r.source_ids}))
    for item in items:
        rec = recs.get(item["id"])
        if rec is not None and rec.memory_type != EPISODE:
            item["evidence"] = evidence_of(rec, found)
