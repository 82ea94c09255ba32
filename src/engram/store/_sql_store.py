"""The store contract implemented once over :class:`MemorySQL` and :class:`GraphSQL`.

:class:`SQLStore` holds every contract method whose SQL is the same on both backends;
a backend subclass supplies only its connections (:meth:`SQLStore._read`,
:meth:`SQLStore._write`), its scope lock, and its own vector and keyword search.
"""

from __future__ import annotations

import inspect
import logging
import time
import weakref
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import numpy as np

from engram._ids import now
from engram._types import HistoryEvent, MemoryRecord, Scope
from engram.store._bound import BoundStore
from engram.store._graph_records import EntityMatch, GraphEvent, GraphRelation
from engram.store._graph_sql import GraphSQL
from engram.store._memory_sql import MemorySQL
from engram.store._platform import PlatformStore
from engram.store._platform_sql import PlatformSQL
from engram.store._rows import RecordHead
from engram.store._vector_queue import PendingText, VectorQueueSQL, owner_alive
from engram.store.base import ApplyResult, ChangeSet, Page, ScopeCount
from engram.store.filters import Node

_log = logging.getLogger("engram")

__all__ = ["SQLStore"]


class SQLStore:
    """Shared contract methods; see the module docstring."""

    dims: int
    model_id: str
    _sql: MemorySQL
    _graph: GraphSQL
    _queue: VectorQueueSQL

    # -- what a backend supplies ------------------------------------------------------

    def _read(self, what: str = "read failed") -> AbstractContextManager[Any]:
        """A connection for reads; driver errors become StoreError(what: cause)."""
        raise NotImplementedError

    def _write(self, what: str) -> AbstractContextManager[Any]:
        """A connection inside one write transaction (commit on exit, rollback on error)."""
        raise NotImplementedError

    def _before_apply(self, conn: Any, ns: str, changes: ChangeSet) -> None:
        """Inside the transaction, before anything is read (PostgreSQL takes locks)."""

    def _embedder_changed(self, conn: Any, held_model: str, shown: str) -> None:
        """The store was written by another embedder of the same width (a new default,
        or a configuration change): every vector is rewritten by the workers, in the
        background, from the first read or write on; until then searches use the old
        vectors, which is far better than none, and nothing is lost either way."""
        n = self._queue.requeue_all(conn, now())
        _log.warning("engram: %s holds vectors from %r; the configured embedder is %r: "
                     "its %d memories are re-embedded in the background", shown,
                     held_model, self.model_id, n)

    def _written(self) -> None:
        """After a commit (SQLite catches its vector index up)."""

    def scope_lock(self, ns: str, scope: Scope) -> AbstractContextManager[None]:
        raise NotImplementedError

    # -- closing ------------------------------------------------------------------------

    def on_close(self, stop: Callable[[], None]) -> None:
        """Call ``stop`` when the store closes, before its connections go: a background
        vector writer (engram._vectors) of a Memory left open must end its batch first,
        since closing a SQLite connection another thread is using crashes the process.
        A bound method is held weakly: a Memory dropped (a server evicting a tenant) is
        not kept alive by the store it shared."""
        ref: Callable[[], Callable[[], None] | None] = (
            weakref.WeakMethod(stop) if inspect.ismethod(stop) else (lambda: stop))
        self.__dict__.setdefault("_stops", []).append(ref)

    def _stop_users(self) -> None:
        for ref in self.__dict__.pop("_stops", []):
            stop = ref()
            if stop is not None:
                stop()

    # -- the namespace view -------------------------------------------------------------

    def bind(self, ns: str) -> BoundStore:
        return BoundStore(self, ns)  # type: ignore[arg-type]

    @property
    def platform(self) -> PlatformStore:
        """The server's job queue and records, in this store's database."""
        found: PlatformStore | None = self.__dict__.get("_platform")
        if found is None:
            found = self.__dict__.setdefault("_platform", PlatformStore(
                PlatformSQL(self._sql.dialect), self._read, self._write))
        return found

    # -- writes -----------------------------------------------------------------------

    def apply(self, ns: str, changes: ChangeSet) -> ApplyResult:
        result = ApplyResult()
        if changes.is_empty():
            return result
        stamp = now()
        with self._write("write failed, nothing was written") as conn:
            self._before_apply(conn, ns, changes)
            self._sql.apply(conn, ns, changes, stamp, result)
            self._queue.enqueue(conn, ns, [(a.id, a.text) for a in changes.adds
                                           if a.embedding is None and a.id not in result.skipped],
                                stamp)
            self._queue.drop(conn, [u.id for u in changes.updates if u.text is not None])
            self._graph.write(conn, ns, changes, stamp, result.skipped)
            self._graph.cleanup(conn, ns, changes.deletes, stamp)
        self._written()
        return result

    # -- pending vectors (SQL in _vector_queue) ---------------------------------------

    def claim_vectors(self, ns: str, owner: str, limit: int, lease: float,
                      scope: Scope | None = None, facts_only: bool = False,
                      ids: Sequence[str] | None = None) -> list[PendingText]:
        with self._write("cannot claim pending vectors") as conn:
            t = time.time()
            dead = [o for o in self._queue.claimants(conn, ns, t) if not owner_alive(o)]
            return self._queue.claim(conn, ns, owner, limit, t, lease, scope, dead, facts_only,
                                     ids)

    def finish_vectors(self, ns: str, owner: str,
                       done: Sequence[tuple[PendingText, np.ndarray]],
                       categories: Sequence[list[str]] | None = None) -> int:
        if not done:
            return 0
        with self._write("cannot write vectors, they stay pending") as conn:
            n = self._queue.finish(conn, ns, owner, done, self._sql.vec, categories,
                                   self._sql.json)
        self._written()
        return n

    def release_vectors(self, ns: str, owner: str, ids: Sequence[str],
                        retry_at: float | None = None, error: str | None = None) -> None:
        if ids:
            with self._write("cannot release pending vectors") as conn:
                self._queue.release(conn, owner, ids, retry_at, error)

    def pending_vectors(self, ns: str, scope: Scope | None = None,
                        facts_only: bool = False, ids: Sequence[str] | None = None) -> int:
        with self._read() as conn:
            return self._queue.count(conn, ns, scope, facts_only, ids)

    def delete_where(self, ns: str, where: Node) -> list[str]:
        stamp = now()
        with self._write("delete failed, nothing was deleted") as conn:
            ids = self._sql.delete_where(conn, ns, where, stamp)
            self._graph.cleanup(conn, ns, ids, stamp)
        self._written()
        return ids

    def reset(self, ns: str) -> list[str]:
        with self._write("reset failed") as conn:
            ids = self._sql.reset(conn, ns)
            self._graph.reset(conn, ns)
            # What quotes the memories goes with them (feedback, exports); webhook
            # subscriptions and the job log stay.
            for kind in ("feedback", "export"):
                PlatformSQL(self._sql.dialect).drop(conn, ns, kind)
        self._written()
        return ids

    def get_settings(self, ns: str) -> dict[str, Any]:
        with self._read() as conn:
            return self._sql.get_settings(conn, ns)

    def put_settings(self, ns: str, settings: dict[str, Any]) -> None:
        with self._write("saving the project settings failed, nothing was changed") as conn:
            self._sql.put_settings(conn, ns, settings, now())

    def put_many_embeddings(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        if items:
            with self._write("cannot write the embedding cache") as conn:
                self._sql.put_embeddings(conn, model_id, items)

    # -- reads ------------------------------------------------------------------------

    def get(self, ns: str, memory_id: str) -> MemoryRecord | None:
        return self.get_many(ns, [memory_id]).get(memory_id)

    def get_many(self, ns: str, ids: Sequence[str]) -> dict[str, MemoryRecord]:
        if not ids:
            return {}
        with self._read() as conn:
            return self._sql.fetch(conn, ns, ids)

    def get_heads(self, ns: str, ids: Sequence[str]) -> dict[str, RecordHead]:
        if not ids:
            return {}
        with self._read() as conn:
            return self._sql.fetch_heads(conn, ns, ids)

    def list_memories(self, ns: str, where: Node, *, limit: int, offset: int = 0,
                      cursor: str | None = None) -> Page:
        with self._read() as conn:
            return self._sql.list_memories(conn, ns, where, limit, offset, cursor)

    def count(self, ns: str, where: Node) -> int:
        with self._read() as conn:
            return self._sql.count(conn, ns, where)

    def history(self, ns: str, memory_id: str) -> list[HistoryEvent]:
        with self._read() as conn:
            return self._sql.history(conn, ns, memory_id)

    def timeline(self, ns: str, where: Node, since: str
                 ) -> list[tuple[MemoryRecord, list[HistoryEvent]]]:
        with self._read() as conn:
            return self._sql.timeline(conn, ns, where, since)

    def change_events(self, ns: str, ref: str) -> list[HistoryEvent]:
        with self._read() as conn:
            return self._sql.change_events(conn, ns, ref)

    def scopes(self, ns: str) -> list[ScopeCount]:
        with self._read() as conn:
            return self._sql.scopes(conn, ns)

    def find_hashes(self, ns: str, scope: Scope, hashes: Sequence[str]) -> dict[str, str]:
        if not hashes:
            return {}
        with self._read() as conn:
            return self._sql.hashes_in(conn, ns, scope, hashes)

    def citing(self, ns: str, where: Node, ids: Sequence[str]) -> dict[str, list[str]]:
        if not ids:
            return {}
        with self._read() as conn:
            return self._sql.citing(conn, ns, where, ids)

    def neighbours(self, ns: str, ids: Sequence[str], before: int,
                   after: int) -> dict[str, list[str]]:
        with self._read() as conn:
            return self._sql.neighbours(conn, ns, ids, before, after)

    def get_many_embeddings(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        if not hashes:
            return {}
        with self._read() as conn:
            return self._sql.embeddings(conn, model_id, hashes, model_id == self.model_id)

    # -- graph memory (SQL in _graph_sql) -----------------------------------------------

    def find_entities(self, ns: str, scope: Scope | Node, norms: Sequence[str],
                      vecs: np.ndarray | None = None, k: int = 3) -> list[EntityMatch]:
        with self._read("graph read failed") as conn:
            return self._graph.find_entities(conn, ns, scope, norms, vecs, k)

    def graph_neighbourhood(self, ns: str, scope: Scope | Node, entity_ids: Sequence[str],
                            hops: int = 1, limit: int = 500) -> list[GraphRelation]:
        with self._read("graph read failed") as conn:
            return self._graph.neighbourhood(conn, ns, scope, entity_ids, hops, limit)

    def list_relations(self, ns: str, scope: Scope | Node, limit: int = 1000) -> list[GraphRelation]:
        with self._read("graph read failed") as conn:
            return self._graph.list_relations(conn, ns, scope, limit)

    def graph_history(self, ns: str, scope: Scope | Node) -> list[GraphEvent]:
        with self._read("graph read failed") as conn:
            return self._graph.history(conn, ns, scope)


