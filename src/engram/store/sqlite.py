"""The embedded store: one SQLite file (WAL) holding memories, vectors, FTS5 and history.

SQLite is the truth; the vector index is an in-process cache kept in step through the
``change_log`` table, so writes by other processes are picked up incrementally.

>>> import tempfile, os, numpy as np
>>> from engram._types import Scope
>>> from engram.store.base import ChangeSet, NewMemory
>>> from engram.store.filters import parse_filters
>>> st = SQLiteStore(os.path.join(tempfile.mkdtemp(), "t.db"), dims=2, model_id="m")
>>> v = np.array([1.0, 0.0], dtype=np.float32)
>>> _ = st.apply("", ChangeSet(adds=[NewMemory("a", "likes tea", "h", Scope("u"), v)]))
>>> st.vector_search("", parse_filters({"user_id": "u"}), v, 1)
[('a', 1.0)]
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from engram._types import HistoryEvent, MemoryRecord, Scope
from engram.errors import ConfigError, NotFound, StoreError
from engram.store import _records
from engram.store._filter_sql import compile_filter
from engram.store._graph_records import EntityMatch, GraphEvent, GraphRelation
from engram.store._graph_sql import GraphSQL
from engram.store._sqlite_schema import migrate
from engram.store._vector_index import PartitionKey, VectorIndex
from engram.store.base import (
    ApplyResult,
    ChangeSet,
    NewMemory,
    Page,
    ScopeCount,
    batched,
)
from engram.store.filters import Node, scope_of

_COLS = ("id, user_id, agent_id, run_id, actor_id, role, memory_type, memory, hash, "
         "metadata, source_ids, created_at, updated_at")
_PRUNE_EVERY = 5_000  # change-log rows kept beyond what every reader needs
_GRAPH = GraphSQL("sqlite")


class SQLiteStore:
    """See the module docstring. Thread-safe: one connection per thread."""

    def __init__(
        self,
        path: str | Path,
        *,
        dims: int,
        model_id: str,
        context_before: int = 2,
        context_after: int = 2,
        context_weight: float = 0.5,
    ) -> None:
        self.path = Path(path).expanduser()
        self.dims = dims
        self.model_id = model_id
        self._ctx_before = context_before
        self._ctx_after = context_after
        self._ctx_weight = context_weight
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create the folder for {str(self.path)!r}: {e}") from e
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self._index = VectorIndex(dims)
        self._rid_id: dict[int, str] = {}
        self._index_seq = -1  # -1: never loaded
        self._index_lock = threading.Lock()
        self._scope_locks: dict[tuple[str, str], threading.Lock] = {}
        self._scope_locks_guard = threading.Lock()
        db = self._db()
        try:
            migrate(db)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open store {str(self.path)!r}: {e}") from e
        self._check_embedder(db)

    # -- connections and transactions -------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None,
                                     check_same_thread=False)
                # 8 KiB pages hold two ~2.5 KB memory rows where 4 KiB held one (-30% on
                # disk); it only takes effect on a new, empty file, before WAL is set.
                db.execute("PRAGMA page_size=8192")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # durable across process crashes
                db.execute("PRAGMA busy_timeout=30000")
                db.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error as e:
                raise StoreError(f"cannot open store {str(self.path)!r}: {e}") from e
            self._local.db = db
            with self._conns_lock:
                self._conns.append(db)
        return db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes the lock up front so that two
        writers queue instead of deadlocking on a lock upgrade."""
        db = self._db()
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"cannot start a write: {e}") from e
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.Error as e:
            db.execute("ROLLBACK")
            raise StoreError(f"commit failed, nothing was written: {e}") from e

    def _check_embedder(self, db: sqlite3.Connection) -> None:
        # The file remembers which embedder wrote it: mixing dimensions would corrupt search.
        with self._write() as w:
            row = w.execute("SELECT value FROM store_meta WHERE key='embedder'").fetchone()
            if row is None:
                w.execute("INSERT INTO store_meta VALUES ('embedder', ?)",
                          (json.dumps({"model_id": self.model_id, "dims": self.dims}),))
                return
        held = json.loads(row[0])
        if held["dims"] != self.dims:
            raise ConfigError(
                f"store {str(self.path)!r} holds {held['dims']}-dim vectors from "
                f"{held['model_id']!r}; the configured embedder {self.model_id!r} makes "
                f"{self.dims}-dim vectors. Use the same embedder or another store path."
            )

    def close(self) -> None:
        with self._conns_lock:
            for db in self._conns:
                db.close()
            self._conns.clear()
        self._local = threading.local()

    # -- writes -------------------------------------------------------------------------

    def apply(self, ns: str, changes: ChangeSet) -> ApplyResult:
        result = ApplyResult()
        if changes.is_empty():
            return result
        now = _records.now()
        try:
            with self._write() as db:
                touched = [u.id for u in changes.updates] + list(changes.deletes)
                before = self._fetch(db, ns, touched)
                missing = [i for i in touched if i not in before]
                if missing:
                    raise NotFound("memory", missing[0])
                self._insert(db, ns, changes, now, result)
                for u in changes.updates:
                    old = before[u.id]
                    sets: dict[str, Any] = {"updated_at": now}
                    if u.text is not None:
                        sets.update(memory=u.text, hash=u.hash, embedding=_blob(u.embedding))
                    if u.metadata is not None:
                        sets["metadata"] = json.dumps(u.metadata)
                    db.execute(
                        f"UPDATE memories SET {', '.join(f'{k} = ?' for k in sets)} "  # noqa: S608 - fixed names
                        "WHERE ns = ? AND id = ?",
                        [*sets.values(), ns, u.id],
                    )
                    new_text = u.text if u.text is not None else old.memory
                    self._history(db, ns, u.id, "UPDATE", old.memory, new_text, changes, now)
                    result.records[u.id] = old
                for mid in changes.deletes:
                    old = before[mid]
                    db.execute("DELETE FROM memories WHERE ns = ? AND id = ?", (ns, mid))
                    self._history(db, ns, mid, "DELETE", old.memory, None, changes, now)
                    result.records[mid] = old
                _GRAPH.write(db, ns, changes, now, result.skipped)
                _GRAPH.cleanup(db, ns, changes.deletes, now)
                self._prune_change_log(db)
        except sqlite3.Error as e:
            raise StoreError(f"write failed, nothing was written: {e}") from e
        self._sync()
        return result

    def _insert(
        self, db: sqlite3.Connection, ns: str, cs: ChangeSet, now: str, result: ApplyResult
    ) -> None:
        contexts = self._contexts(db, ns, [a for a in cs.adds if a.raw])
        for a in cs.adds:
            if a.unique:
                row = db.execute(
                    "SELECT id FROM memories WHERE ns = ? AND hash = ? AND user_id IS ? "
                    "AND agent_id IS ? AND run_id IS ? LIMIT 1",
                    (ns, a.hash, a.scope.user_id, a.scope.agent_id, a.scope.run_id),
                ).fetchone()
                if row:
                    result.skipped[a.id] = row[0]
                    continue
            db.execute(
                "INSERT INTO memories (id, ns, user_id, agent_id, run_id, actor_id, role, "
                "memory_type, memory, hash, metadata, source_ids, context, raw, embedding, "
                "created_at, scope_terms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, ns, a.scope.user_id, a.scope.agent_id, a.scope.run_id, a.actor_id,
                 a.role, a.memory_type, a.text, a.hash, json.dumps(a.metadata),
                 json.dumps(a.source_ids), contexts.get(a.id, ""), int(a.raw),
                 _blob(a.embedding), now,
                 _records.scope_terms(ns, a.scope.user_id, a.scope.agent_id, a.scope.run_id)),
            )
            self._history(db, ns, a.id, "ADD", None, a.text, cs, now,
                          actor_id=a.actor_id, role=a.role)

    def _contexts(self, db: sqlite3.Connection, ns: str, adds: list[NewMemory]) -> dict[str, str]:
        """Keyword context for raw adds: the turns before and after each one in its scope.
        The last turns already stored get their "after" part refreshed here too."""
        before_n, after_n = self._ctx_before, self._ctx_after
        if not adds or before_n + after_n == 0:
            return {}
        out: dict[str, str] = {}
        for scope, group in _records.group_by_scope(adds).items():
            tail = db.execute(
                "SELECT rid, memory FROM memories WHERE ns = ? AND raw = 1 AND user_id IS ? "
                "AND agent_id IS ? AND run_id IS ? ORDER BY rid DESC LIMIT ?",
                (ns, scope.user_id, scope.agent_id, scope.run_id, before_n + after_n),
            ).fetchall()[::-1]
            refresh, fresh = _records.plan_contexts(tail, [a.text for a in group],
                                                    before_n, after_n)
            db.executemany("UPDATE memories SET context = ? WHERE rid = ?", refresh)
            out.update((a.id, ctx) for a, ctx in zip(group, fresh, strict=True))
        return out

    def _history(
        self, db: sqlite3.Connection, ns: str, memory_id: str, event: str,
        old: str | None, new: str | None, cs: ChangeSet, now: str,
        actor_id: str | None = None, role: str | None = None,
    ) -> None:
        db.execute(
            "INSERT INTO history (id, ns, memory_id, event, old_memory, new_memory, actor_id, "
            "role, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (_records.new_id(), ns, memory_id, event, old, new,
             actor_id or cs.actor_id, role or cs.role, now),
        )

    def _prune_change_log(self, db: sqlite3.Connection) -> None:
        seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name='change_log'").fetchone()
        if seq and seq[0] % _PRUNE_EVERY == 0:
            # A reader further behind than this reloads its cache fully (see _sync).
            db.execute("DELETE FROM change_log WHERE seq <= ?", (seq[0] - 4 * _PRUNE_EVERY,))

    def delete_where(self, ns: str, where: Node) -> int:
        sql, params = compile_filter(where, "sqlite", alias="m")
        try:
            with self._write() as db:
                rows = db.execute(
                    f"SELECT id, memory FROM memories m WHERE m.ns = ? AND ({sql})",  # noqa: S608
                    [ns, *params],
                ).fetchall()
                now = _records.now()
                cs = ChangeSet()
                for mid, text in rows:
                    db.execute("DELETE FROM memories WHERE ns = ? AND id = ?", (ns, mid))
                    self._history(db, ns, mid, "DELETE", text, None, cs, now)
                _GRAPH.cleanup(db, ns, [mid for mid, _ in rows], now)
        except sqlite3.Error as e:
            raise StoreError(f"delete failed, nothing was deleted: {e}") from e
        self._sync()
        return len(rows)

    def reset(self, ns: str) -> None:
        try:
            with self._write() as db:
                db.execute("DELETE FROM memories WHERE ns = ?", (ns,))
                db.execute("DELETE FROM history WHERE ns = ?", (ns,))
                _GRAPH.reset(db, ns)
        except sqlite3.Error as e:
            raise StoreError(f"reset failed: {e}") from e
        self._sync()

    @contextmanager
    def scope_lock(self, ns: str, scope: Scope) -> Iterator[None]:
        key = (ns, scope.key)
        with self._scope_locks_guard:
            lock = self._scope_locks.setdefault(key, threading.Lock())
        with lock:
            yield

    # -- reads ----------------------------------------------------------------------------

    def _fetch(self, db: sqlite3.Connection, ns: str, ids: Sequence[str]) -> dict[str, MemoryRecord]:
        out: dict[str, MemoryRecord] = {}
        for chunk in batched(list(dict.fromkeys(ids)), 500):
            marks = ",".join("?" * len(chunk))
            for row in db.execute(
                # "+ns": with a long IN list and no statistics SQLite would otherwise scan
                # the (ns, ...) index instead of looking each id up (measured 47 ms -> 0.05 ms).
                f"SELECT {_COLS} FROM memories WHERE +ns = ? AND id IN ({marks})",  # noqa: S608
                [ns, *chunk],
            ):
                rec = _records.from_row(row)
                out[rec.id] = rec
        return out

    def get(self, ns: str, memory_id: str) -> MemoryRecord | None:
        return self._fetch(self._db(), ns, [memory_id]).get(memory_id)

    def get_many(self, ns: str, ids: Sequence[str]) -> dict[str, MemoryRecord]:
        return self._fetch(self._db(), ns, ids)

    def list_memories(
        self, ns: str, where: Node, *, limit: int, offset: int = 0, cursor: str | None = None
    ) -> Page:
        sql, params = compile_filter(where, "sqlite", alias="m")
        after = _records.decode_cursor(cursor)
        extra = " AND m.rid < ?" if after is not None else ""
        args: list[Any] = [ns, *params] + ([after] if after is not None else [])
        rows = self._db().execute(
            f"SELECT m.rid, {_COLS} FROM memories m WHERE m.ns = ? AND ({sql}){extra} "  # noqa: S608
            "ORDER BY m.rid DESC LIMIT ? OFFSET ?",
            [*args, limit + 1, offset],
        ).fetchall()
        return _records.page_from_rows(rows, limit)

    def count(self, ns: str, where: Node) -> int:
        sql, params = compile_filter(where, "sqlite", alias="m")
        row = self._db().execute(
            f"SELECT count(*) FROM memories m WHERE m.ns = ? AND ({sql})", [ns, *params]  # noqa: S608
        ).fetchone()
        return int(row[0])

    def history(self, ns: str, memory_id: str) -> list[HistoryEvent]:
        rows = self._db().execute(
            "SELECT id, memory_id, event, old_memory, new_memory, created_at, actor_id, role "
            "FROM history WHERE ns = ? AND memory_id = ? ORDER BY hid",
            (ns, memory_id),
        ).fetchall()
        return [HistoryEvent(*r) for r in rows]

    def scopes(self, ns: str) -> list[ScopeCount]:
        out: list[ScopeCount] = []
        for kind, col in (("user", "user_id"), ("agent", "agent_id"), ("run", "run_id")):
            rows = self._db().execute(
                f"SELECT {col}, count(*), min(created_at), max(coalesce(updated_at, created_at)) "  # noqa: S608
                f"FROM memories WHERE ns = ? AND {col} IS NOT NULL GROUP BY {col} ORDER BY {col}",
                (ns,),
            ).fetchall()
            out.extend(ScopeCount(kind, r[0], r[1], r[2], r[3]) for r in rows)
        return out

    def find_hashes(self, ns: str, scope: Scope, hashes: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in batched(list(dict.fromkeys(hashes)), 500):
            marks = ",".join("?" * len(chunk))
            rows = self._db().execute(
                f"SELECT hash, id FROM memories WHERE ns = ? AND user_id IS ? AND agent_id IS ? "  # noqa: S608
                f"AND run_id IS ? AND hash IN ({marks})",
                [ns, scope.user_id, scope.agent_id, scope.run_id, *chunk],
            ).fetchall()
            out.update({h: i for h, i in rows})
        return out

    def keyword_search(
        self, ns: str, where: Node, terms: Sequence[str], k: int
    ) -> list[tuple[str, float]]:
        if not terms:
            return []
        # Each term quoted: FTS5 syntax characters in user text are never interpreted.
        # The scope's own tokens narrow the match inside FTS5 (see migration 3).
        words = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        match = f"{_records.scope_match(ns, scope_of(where))} AND ({words})"
        sql, params = compile_filter(where, "sqlite", alias="m")
        try:
            rows = self._db().execute(
                "SELECT m.id, bm25(memories_fts, 1.0, ?, 0.0) AS s FROM memories_fts "
                "JOIN memories m ON m.rid = memories_fts.rowid "
                f"WHERE memories_fts MATCH ? AND m.ns = ? AND ({sql}) ORDER BY s LIMIT ?",  # noqa: S608
                [self._ctx_weight, match, ns, *params, k],
            ).fetchall()
        except sqlite3.Error as e:
            raise StoreError(f"keyword search failed: {e}") from e
        return [(mid, -float(s)) for mid, s in rows]

    # -- vectors --------------------------------------------------------------------------

    def _sync(self) -> None:
        """Bring the vector cache up to the change log (another process may have written)."""
        db = self._db()
        with self._index_lock:
            row = db.execute("SELECT seq FROM sqlite_sequence WHERE name='change_log'").fetchone()
            head = int(row[0]) if row else 0
            if head == self._index_seq:
                return
            first = db.execute("SELECT min(seq) FROM change_log").fetchone()[0]
            if self._index_seq < 0 or (first is not None and first > self._index_seq + 1):
                self._reload(db)
                return
            rows = db.execute(
                "SELECT c.seq, c.rid, m.id, m.ns, m.user_id, m.agent_id, m.run_id, m.embedding "
                "FROM change_log c LEFT JOIN memories m ON m.rid = c.rid "
                "WHERE c.seq > ? ORDER BY c.seq",
                (self._index_seq,),
            ).fetchall()
            for seq, rid, mid, mns, u, a, r, emb in rows:
                if mid is None:
                    self._index.remove(rid)
                    self._rid_id.pop(rid, None)
                else:
                    self._index.upsert((mns, u, a, r), rid, _vec(emb))
                    self._rid_id[rid] = mid
                self._index_seq = seq

    def _reload(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN")  # one snapshot: rows and log head agree
        try:
            row = db.execute("SELECT seq FROM sqlite_sequence WHERE name='change_log'").fetchone()
            head = int(row[0]) if row else 0
            self._index.clear()
            self._rid_id.clear()
            for rid, mid, mns, u, a, r, emb in db.execute(
                "SELECT rid, id, ns, user_id, agent_id, run_id, embedding FROM memories"
            ):
                self._index.upsert((mns, u, a, r), rid, _vec(emb))
                self._rid_id[rid] = mid
            self._index_seq = head
        finally:
            db.execute("COMMIT")

    def _allowed_rids(self, ns: str, where: Node) -> set[int] | None:
        """None when the filter only pins scope ids (the partitions already do that)."""
        if _records.is_scope_only(where):
            return None
        sql, params = compile_filter(where, "sqlite", alias="m")
        rows = self._db().execute(
            f"SELECT m.rid FROM memories m WHERE m.ns = ? AND ({sql})", [ns, *params]  # noqa: S608
        ).fetchall()
        return {r[0] for r in rows}

    def vector_search(
        self, ns: str, where: Node, query: np.ndarray, k: int
    ) -> list[tuple[str, float]]:
        self._sync()
        allowed = self._allowed_rids(ns, where)
        with self._index_lock:
            keys: list[PartitionKey] = self._index.partitions(ns, scope_of(where))
            hits = self._index.search(keys, query.astype(np.float32), k, allowed)
            return [(self._rid_id[rid], s) for rid, s in hits]

    def similarities(self, ns: str, ids: Sequence[str], query: np.ndarray) -> dict[str, float]:
        self._sync()
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db().execute(
            f"SELECT rid, id FROM memories WHERE +ns = ? AND id IN ({marks})", [ns, *ids]  # noqa: S608
        ).fetchall()
        with self._index_lock:
            sims = self._index.similarities([r[0] for r in rows], query.astype(np.float32))
        return {mid: sims[rid] for rid, mid in rows if rid in sims}

    # -- graph memory (SQL shared with PostgreSQL in _graph_sql) ---------------------------

    def find_entities(self, ns: str, scope: Scope | Node, norms: Sequence[str],
                      vecs: np.ndarray | None = None, k: int = 3) -> list[EntityMatch]:
        return _GRAPH.find_entities(self._db(), ns, scope, norms, vecs, k)

    def graph_neighbourhood(self, ns: str, scope: Scope | Node, entity_ids: Sequence[str],
                            hops: int = 1, limit: int = 500) -> list[GraphRelation]:
        return _GRAPH.neighbourhood(self._db(), ns, scope, entity_ids, hops, limit)

    def list_relations(self, ns: str, scope: Scope | Node, limit: int = 1000) -> list[GraphRelation]:
        return _GRAPH.list_relations(self._db(), ns, scope, limit)

    def graph_history(self, ns: str, scope: Scope | Node) -> list[GraphEvent]:
        return _GRAPH.history(self._db(), ns, scope)

    # -- embedding cache ----------------------------------------------------------------

    def get_many_embeddings(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors by text hash. Stored memories are a cache too: a text held as a
        memory (embedded by this store's model) is never embedded, or kept, twice."""
        out: dict[str, np.ndarray] = {}
        db = self._db()
        for chunk in batched(list(dict.fromkeys(hashes)), 500):
            marks = ",".join("?" * len(chunk))
            for h, vec in db.execute(
                f"SELECT hash, vec FROM embedding_cache WHERE model_id = ? AND hash IN ({marks})",  # noqa: S608
                [model_id, *chunk],
            ):
                out[h] = _vec(vec)
            missing = [h for h in chunk if h not in out]
            if missing and model_id == self.model_id:
                marks = ",".join("?" * len(missing))
                for h, vec in db.execute(
                    f"SELECT hash, embedding FROM memories WHERE hash IN ({marks})",  # noqa: S608
                    missing,
                ):
                    out[h] = _vec(vec)
        return out

    def put_many_embeddings(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        try:
            with self._write() as db:
                db.executemany(
                    "INSERT OR IGNORE INTO embedding_cache (model_id, hash, vec) VALUES (?,?,?)",
                    [(model_id, h, _blob(v)) for h, v in items.items()],
                )
        except sqlite3.Error as e:
            raise StoreError(f"cannot write the embedding cache: {e}") from e


def _blob(vec: np.ndarray | None) -> bytes:
    assert vec is not None
    return np.ascontiguousarray(vec, dtype=np.float32).tobytes()


def _vec(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)
