"""A store bound to one namespace: :meth:`Store.bind` returns it.

Code above the store (``Memory``, search, the add flow, the graph) holds one of these
instead of threading a namespace through every call, so it cannot read or write another
tenant's rows by passing the wrong one.

>>> import tempfile, os
>>> from engram.store.sqlite import SQLiteStore
>>> st = SQLiteStore(os.path.join(tempfile.mkdtemp(), "t.db"), dims=2, model_id="m")
>>> from engram.store.filters import TRUE
>>> view = st.bind("acme")
>>> view.ns, view.count(TRUE)
('acme', 0)
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import numpy as np

from engram._types import HistoryEvent, MemoryRecord, Scope

if TYPE_CHECKING:
    from engram.store._graph_records import EntityMatch, GraphEvent, GraphRelation
    from engram.store._rows import RecordHead
    from engram.store._vector_queue import PendingText
    from engram.store.base import ApplyResult, ChangeSet, Page, ScopeCount, Store
    from engram.store.filters import Node

__all__ = ["BoundStore"]


class BoundStore:
    """The :class:`~engram.store.base.Store` contract with ``ns`` fixed."""

    def __init__(self, store: Store, ns: str) -> None:
        self.store = store
        self.ns = ns
        self.dims = store.dims

    def apply(self, changes: ChangeSet) -> ApplyResult:
        return self.store.apply(self.ns, changes)

    def get(self, memory_id: str) -> MemoryRecord | None:
        return self.store.get(self.ns, memory_id)

    def get_many(self, ids: Sequence[str]) -> dict[str, MemoryRecord]:
        return self.store.get_many(self.ns, ids)

    def get_heads(self, ids: Sequence[str]) -> dict[str, RecordHead]:
        return self.store.get_heads(self.ns, ids)

    def list_memories(self, where: Node, *, limit: int, offset: int = 0,
                      cursor: str | None = None) -> Page:
        return self.store.list_memories(self.ns, where, limit=limit, offset=offset,
                                        cursor=cursor)

    def count(self, where: Node) -> int:
        return self.store.count(self.ns, where)

    def citing(self, where: Node, ids: Sequence[str]) -> dict[str, list[str]]:
        return self.store.citing(self.ns, where, ids)

    def vector_search(self, where: Node, query: np.ndarray, k: int) -> list[tuple[str, float]]:
        return self.store.vector_search(self.ns, where, query, k)

    def keyword_search(self, where: Node, terms: Sequence[str], k: int) -> list[tuple[str, float]]:
        return self.store.keyword_search(self.ns, where, terms, k)

    def similarities(self, ids: Sequence[str], query: np.ndarray) -> dict[str, float]:
        return self.store.similarities(self.ns, ids, query)

    def neighbours(self, ids: Sequence[str], before: int, after: int) -> dict[str, list[str]]:
        return self.store.neighbours(self.ns, ids, before, after)

    def find_hashes(self, scope: Scope, hashes: Sequence[str]) -> dict[str, str]:
        return self.store.find_hashes(self.ns, scope, hashes)

    def history(self, memory_id: str) -> list[HistoryEvent]:
        return self.store.history(self.ns, memory_id)

    def timeline(self, where: Node, since: str) -> list[tuple[MemoryRecord, list[HistoryEvent]]]:
        return self.store.timeline(self.ns, where, since)

    def change_events(self, ref: str) -> list[HistoryEvent]:
        return self.store.change_events(self.ns, ref)

    def claim_vectors(self, owner: str, limit: int, lease: float,
                      scope: Scope | None = None, facts_only: bool = False,
                      ids: Sequence[str] | None = None) -> list[PendingText]:
        return self.store.claim_vectors(self.ns, owner, limit, lease, scope, facts_only, ids)

    def finish_vectors(self, owner: str, done: Sequence[tuple[PendingText, np.ndarray]],
                       categories: Sequence[list[str]] | None = None) -> int:
        return self.store.finish_vectors(self.ns, owner, done, categories)

    def release_vectors(self, owner: str, ids: Sequence[str], retry_at: float | None = None,
                        error: str | None = None) -> None:
        self.store.release_vectors(self.ns, owner, ids, retry_at, error)

    def pending_vectors(self, scope: Scope | None = None, facts_only: bool = False,
                        ids: Sequence[str] | None = None) -> int:
        return self.store.pending_vectors(self.ns, scope, facts_only, ids)

    def delete_where(self, where: Node) -> list[str]:
        return self.store.delete_where(self.ns, where)

    def get_settings(self) -> dict[str, Any]:
        return self.store.get_settings(self.ns)

    def put_settings(self, settings: dict[str, Any]) -> None:
        self.store.put_settings(self.ns, settings)

    def scopes(self) -> list[ScopeCount]:
        return self.store.scopes(self.ns)

    def reset(self) -> list[str]:
        return self.store.reset(self.ns)

    def scope_lock(self, scope: Scope) -> AbstractContextManager[None]:
        return self.store.scope_lock(self.ns, scope)

    def find_entities(self, scope: Scope | Node, norms: Sequence[str],
                      vecs: np.ndarray | None = None, k: int = 3) -> list[EntityMatch]:
        return self.store.find_entities(self.ns, scope, norms, vecs, k)

    def graph_neighbourhood(self, scope: Scope | Node, entity_ids: Sequence[str],
                            hops: int = 1, limit: int = 500) -> list[GraphRelation]:
        return self.store.graph_neighbourhood(self.ns, scope, entity_ids, hops, limit)

    def list_relations(self, scope: Scope | Node, limit: int = 1000) -> list[GraphRelation]:
        return self.store.list_relations(self.ns, scope, limit)

    def graph_history(self, scope: Scope | Node) -> list[GraphEvent]:
        return self.store.graph_history(self.ns, scope)
