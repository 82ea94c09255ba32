"""The store contract every backend implements (SQLite, PostgreSQL).

A store holds memories with their vectors, a keyword index, the history of every change
and an embedding cache. One :meth:`Store.apply` call is one transaction: all of a
:class:`ChangeSet` commits, or none of it. ``ns`` is a tenant namespace ("" for the
embedded default); nothing crosses namespaces. Code above the store holds
``store.bind(ns)`` (a :class:`BoundStore`) and never passes a namespace itself.

This module is the store's public seam: the record types a caller builds or reads
(memories, change sets, graph rows) are all importable from here.

>>> cs = ChangeSet()
>>> cs.is_empty()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from engram._types import HistoryEvent, MemoryRecord, Scope
from engram.store._bound import BoundStore
from engram.store._graph_records import (
    EntityMatch,
    GraphEvent,
    GraphRelation,
    Invalidation,
    NewEntity,
    NewRelation,
    RelationLink,
)
from engram.store._platform import PlatformStore
from engram.store._vector_queue import PendingText
from engram.store.filters import Node

if TYPE_CHECKING:
    from engram.store._rows import RecordHead

__all__ = ["Store", "BoundStore", "NewMemory", "MemoryUpdate", "ChangeSet", "ApplyResult",
           "Page", "ScopeCount", "NewEntity", "NewRelation", "RelationLink", "Invalidation",
           "EntityMatch", "GraphRelation", "GraphEvent", "PendingText"]


@dataclass
class NewMemory:
    """A memory to insert. ``raw`` memories (infer=False) keep conversational order and
    get neighbouring turns in their keyword document."""

    id: str
    text: str
    hash: str
    scope: Scope
    # None: the vector follows (a worker writes it, engram._vectors); the text is
    # searchable by keyword from the commit on.
    embedding: np.ndarray | None
    metadata: dict[str, Any] = field(default_factory=dict)
    role: str | None = None
    actor_id: str | None = None
    memory_type: str | None = None
    source_ids: list[str] = field(default_factory=list)
    raw: bool = False
    categories: list[str] = field(default_factory=list)
    immutable: bool = False  # never updated or deleted by an add's reconciliation
    # Skip the insert when this exact text (hash) already exists in the scope at commit
    # time: the last line of defence against duplicates from concurrent processes.
    unique: bool = False
    happened_at: str | None = None  # stored UTC form; None: the write time
    expiration_date: str | None = None  # YYYY-MM-DD, the last day it holds


@dataclass
class MemoryUpdate:
    """New text (and vector) and/or metadata for an existing memory."""

    id: str
    text: str | None = None
    hash: str | None = None
    embedding: np.ndarray | None = None
    metadata: dict[str, Any] | None = None
    categories: list[str] | None = None
    happened_at: str | None = None  # None: unchanged
    # expiration_date is written only when expiration_set (so None can clear it).
    expiration_date: str | None = None
    expiration_set: bool = False
    # The memory's provenance from now on (None: unchanged); the history row keeps the
    # list before and after.
    source_ids: list[str] | None = None


@dataclass
class ChangeSet:
    """Everything one call changes; applied atomically with its history rows."""

    adds: list[NewMemory] = field(default_factory=list)
    updates: list[MemoryUpdate] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    actor_id: str | None = None
    role: str | None = None
    # Recorded on every history row of the change, so ``Memory.undo`` can find them.
    add_id: str | None = None
    # What made the change, on every history row ("reextract"; None for an add).
    origin: str | None = None
    # Graph memory (engram.graph): written in the same transaction as the memories.
    entities: list[NewEntity] = field(default_factory=list)
    relations: list[NewRelation] = field(default_factory=list)
    links: list[RelationLink] = field(default_factory=list)
    invalidate: list[Invalidation] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.adds or self.updates or self.deletes or self.entities
                    or self.relations or self.links or self.invalidate)


@dataclass
class ApplyResult:
    """What :meth:`Store.apply` did: records by id (as they were before, for deletes),
    and the ids of ``unique`` adds skipped because their text was already there."""

    records: dict[str, MemoryRecord] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # new id -> existing id


@dataclass
class Page:
    """One page of a listing; ``next_cursor`` is None on the last page."""

    records: list[MemoryRecord]
    next_cursor: str | None


@dataclass(frozen=True)
class ScopeCount:
    """How many memories one scope id holds (for ``users()`` / entities)."""

    kind: str  # "user" | "agent" | "run"
    id: str
    count: int
    created_at: str
    updated_at: str


class Store(Protocol):
    """What :class:`engram.Memory` needs from a backend."""

    dims: int

    def bind(self, ns: str) -> BoundStore:
        """This store with the namespace ``ns`` fixed (see :class:`BoundStore`)."""
        ...

    @property
    def platform(self) -> PlatformStore:
        """The server's durable job queue and small records (feedback, exports, webhooks),
        in the same database (see :mod:`engram.store._platform`)."""
        ...

    def apply(self, ns: str, changes: ChangeSet) -> ApplyResult:
        """Commit ``changes`` in one transaction. Unknown ids in updates/deletes raise
        NotFound and nothing is written."""
        ...

    def get(self, ns: str, memory_id: str) -> MemoryRecord | None: ...

    def get_many(self, ns: str, ids: Sequence[str]) -> dict[str, MemoryRecord]: ...

    def get_heads(self, ns: str, ids: Sequence[str]) -> dict[str, RecordHead]:
        """What search reads of each memory besides its text (role, type, event time,
        metadata): :class:`~engram.store._rows.RecordHead`; unknown ids are left out."""
        ...

    def list_memories(
        self, ns: str, where: Node, *, limit: int, offset: int = 0, cursor: str | None = None
    ) -> Page:
        """Newest first (insertion order), so pages are stable under concurrent adds
        when walked by ``cursor``."""
        ...

    def count(self, ns: str, where: Node) -> int: ...

    def vector_search(
        self, ns: str, where: Node, query: np.ndarray, k: int
    ) -> list[tuple[str, float]]: ...

    def keyword_search(
        self, ns: str, where: Node, terms: Sequence[str], k: int
    ) -> list[tuple[str, float]]:
        """Memories matching any of ``terms`` (already normalised words), as (id,
        relevance) best first; relevance is larger-is-better (BM25-like)."""
        ...

    def similarities(self, ns: str, ids: Sequence[str], query: np.ndarray) -> dict[str, float]: ...

    def neighbours(self, ns: str, ids: Sequence[str], before: int, after: int
                   ) -> dict[str, list[str]]:
        """For each raw memory id: the ids of the raw memories of its scope stored just
        before (up to ``before``) and after (up to ``after``) it, in insertion order.
        Ids that are unknown or not raw are left out (``search.neighbours``)."""
        ...

    def citing(self, ns: str, where: Node, ids: Sequence[str]) -> dict[str, list[str]]:
        """For each of ``ids`` (episodes): the ids of the memories matching ``where``
        that are not episodes and name it in their ``source_ids``, oldest first; ids no
        such memory cites are left out (search reaching facts through their evidence)."""
        ...

    def find_hashes(self, ns: str, scope: Scope, hashes: Sequence[str]) -> dict[str, str]:
        """Which of ``hashes`` already exist in exactly this scope: hash -> memory id."""
        ...

    def history(self, ns: str, memory_id: str) -> list[HistoryEvent]: ...

    def timeline(self, ns: str, where: Node, since: str
                 ) -> list[tuple[MemoryRecord, list[HistoryEvent]]]:
        """The memories matching ``where`` now, plus (for a filter of scope ids only)
        those deleted after ``since`` from that scope, each with its whole history
        oldest first: what ``as_of`` reads are rebuilt from."""
        ...

    def change_events(self, ns: str, ref: str) -> list[HistoryEvent]:
        """The history rows of one change, oldest first: those whose ``add_id`` is
        ``ref``; else the row whose id is ``ref`` with the rest of its change (just that
        row when it has no ``add_id``). DELETE rows carry the deleted record's
        ``snapshot``. Empty when ``ref`` names nothing."""
        ...

    def delete_where(self, ns: str, where: Node) -> list[str]:
        """Delete matching memories (with DELETE history rows); return their ids."""
        ...

    def scopes(self, ns: str) -> list[ScopeCount]: ...

    def get_settings(self, ns: str) -> dict[str, Any]:
        """The namespace's project settings (Mem0's ``project.get``); ``{}`` if none."""
        ...

    def put_settings(self, ns: str, settings: dict[str, Any]) -> None:
        """Replace the namespace's project settings (kept by ``reset``)."""
        ...

    def reset(self, ns: str) -> list[str]:
        """Drop every memory and history row of the namespace; return the memories' ids
        (the server tells webhooks of each)."""
        ...

    def scope_lock(self, ns: str, scope: Scope) -> AbstractContextManager[None]:
        """Serialises reconciliation of one scope across threads and processes, from
        reading the scope's memories to the commit of what was decided."""
        ...

    # -- pending vectors (an add may commit a memory before its vector) --------------------

    def claim_vectors(self, ns: str, owner: str, limit: int, lease: float,
                      scope: Scope | None = None, facts_only: bool = False,
                      ids: Sequence[str] | None = None) -> list[PendingText]:
        """Up to ``limit`` pending memories of ``ns`` (of exactly ``scope`` when given;
        no stored turns with ``facts_only``; among ``ids`` when given), oldest first, that no live claimant holds;
        they are ``owner``'s for ``lease`` seconds. Safe with many workers in many
        processes."""
        ...

    def finish_vectors(self, ns: str, owner: str,
                       done: Sequence[tuple[PendingText, np.ndarray]],
                       categories: Sequence[list[str]] | None = None) -> int:
        """Write each vector (where the memory still has the text that was embedded),
        and ``categories[i]`` with ``done[i]`` when given, and drop the queue rows, in
        one transaction; how many were written."""
        ...

    def release_vectors(self, ns: str, owner: str, ids: Sequence[str],
                        retry_at: float | None = None, error: str | None = None) -> None:
        """Give claimed rows back (free at once, or from ``retry_at``, a Unix time)."""
        ...

    def pending_vectors(self, ns: str, scope: Scope | None = None,
                        facts_only: bool = False, ids: Sequence[str] | None = None) -> int:
        """How many memories of ``ns`` (of exactly ``scope``; no stored turns with
        ``facts_only``; among ``ids``) wait for their vector, claimed by a worker or
        not."""
        ...

    def get_many_embeddings(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors by text hash; for the store's own model, a text held as a
        memory is a hit too (its row's vector)."""
        ...

    # -- graph memory (engram.graph) ------------------------------------------------------
    # ``scope`` is a Scope (exactly that scope: writes resolve against it) or a filter
    # Node (the scope ids it pins: reads). Deleting memories deletes the relations left
    # without any linked memory (GraphEvent DELETE), then entities left without relations.

    def find_entities(self, ns: str, scope: Scope | Node, norms: Sequence[str],
                      vecs: np.ndarray | None = None, k: int = 3) -> list[EntityMatch]:
        """Entities whose normalised name is ``norms[q]`` (score 1.0, ``query`` q), plus
        for each row q of ``vecs`` the ``k`` entities with the most similar name vector."""
        ...

    def graph_neighbourhood(self, ns: str, scope: Scope | Node, entity_ids: Sequence[str],
                            hops: int = 1, limit: int = 500) -> list[GraphRelation]:
        """Relations (valid or not) within ``hops`` of the entities, ``hop`` set."""
        ...

    def list_relations(self, ns: str, scope: Scope | Node, limit: int = 1000) -> list[GraphRelation]:
        """The scope's relations, newest first."""
        ...

    def graph_history(self, ns: str, scope: Scope | Node) -> list[GraphEvent]:
        """Every ADD/INVALIDATE/DELETE of the scope's relations, oldest first."""
        ...

    def put_many_embeddings(self, model_id: str, items: dict[str, np.ndarray]) -> None: ...

    def close(self) -> None: ...
