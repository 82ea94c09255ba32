"""Graph memory inside an add: relations planned under the scope lock, committed in the
same ChangeSet as the memories they came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from engram._types import Scope
from engram.embed import Embedder
from engram.store.base import BoundStore, ChangeSet


@dataclass
class GraphStep:
    """Graph memory for one add: an extractor (rules or LLM) and the name-match level."""

    extractor: Any  # engram.graph.RulesGraphExtractor | LLMGraphExtractor
    similarity: float = 0.85


def add_graph(store: BoundStore, embedder: Embedder, scope: Scope, cs: ChangeSet,
              triples: Any, memories: Sequence[tuple[str, str, int | None]],
              similarity: float = 0.85) -> dict[str, Any]:
    """Put the graph changes of ``triples`` into ``cs`` (the caller holds the scope lock
    and applies ``cs``): one transaction for memories and graph."""
    from engram.graph import plan_graph

    plan = plan_graph(store, embedder.embed, scope, triples, memories, similarity=similarity)
    plan.into(cs)
    return {"added": plan.added, "invalidated": plan.invalidated}
