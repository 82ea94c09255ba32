"""The scale-out store: PostgreSQL with pgvector (HNSW, cosine) and tsvector (GIN).

Same contract and behaviour as :mod:`engram.store.sqlite`; every write of one
:meth:`PostgresStore.apply` is one transaction, parameters are always bound server-side
(psycopg 3), connections come from a ``psycopg_pool`` pool and are checked on checkout,
so a restarted server or a killed backend costs one failed call, not a broken store.

Serialisation: :meth:`scope_lock` opens a transaction on a pooled connection and takes
``pg_advisory_xact_lock(hash(ns, scope))``; until the block exits, every store call of
that thread runs on that connection, so ``apply`` commits together with the lock's
release (a savepoint inside it). ``apply`` itself takes the same lock for the scopes of
raw adds (their context windows read the scope's last turns) and unique adds (the
"skip if this text is already there" check), so both stay correct without the caller
holding a lock.

Filtered vector search (measured in bench/pg_scale.py, 100k rows, 10k users): the
filter is pushed into the SQL and the planner picks the plan. For a user-scoped search
it reads the user's rows through the ``(ns, user_id, rid)`` btree and sorts them
exactly (recall 1.0); for a wide scope (e.g. one agent over every user) it walks the
HNSW index with pgvector 0.8's iterative scan (``hnsw.iterative_scan = relaxed_order``,
set per connection), which keeps scanning until ``k`` rows pass the filter instead of
returning the few of the first ``ef_search`` candidates that do; the relaxed order is
re-sorted in a materialised CTE.

>>> import os
>>> dsn = os.environ.get("ENGRAM_TEST_PG_DSN")  # doctest: +SKIP
>>> st = PostgresStore(dsn, dims=384, model_id="m")  # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import psycopg
from pgvector.psycopg.vector import register_vector_info
from psycopg.types import TypeInfo
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from engram._types import HistoryEvent, MemoryRecord, Scope
from engram.errors import ConfigError, NotFound, StoreError
from engram.store import _records
from engram.store._filter_sql import compile_filter
from engram.store._graph_records import EntityMatch, GraphEvent, GraphRelation
from engram.store._graph_sql import GraphSQL
from engram.store._pg_schema import lock_key, migrate, shard_key
from engram.store.base import ApplyResult, ChangeSet, NewMemory, Page, ScopeCount
from engram.store.filters import Node, scope_of

_T = "engram_memories"
_COLS = ("m.id, m.user_id, m.agent_id, m.run_id, m.actor_id, m.role, m.memory_type, m.memory, "
         "m.hash, m.metadata, m.source_ids, m.created_at, m.updated_at")
_LOCK = "SELECT pg_advisory_xact_lock(%s)"
_GRAPH = GraphSQL("postgres")


class PostgresStore:
    """See the module docstring. Thread-safe; one pool per store."""

    def __init__(
        self,
        dsn: str,
        *,
        dims: int,
        model_id: str,
        context_before: int = 2,
        context_after: int = 2,
        context_weight: float = 0.5,
        pool_size: int = 10,
        ef_search: int = 100,
        connect_timeout: float = 10.0,
    ) -> None:
        self.dims = dims
        self.model_id = model_id
        self._ctx_before = context_before
        self._ctx_after = context_after
        # ts_rank weights are {D, C, B, A}; context is B, the memory itself A.
        self._weights = [0.0, 0.0, float(context_weight), 1.0]
        self._ef_search = int(ef_search)
        self._local = threading.local()
        self._dsn_shown = _redact(dsn)
        try:
            with psycopg.connect(dsn, autocommit=True, connect_timeout=int(connect_timeout)) as c:
                migrate(c, dims)
                self._check_embedder(c)
                self._vector_info = TypeInfo.fetch(c, "vector")
        except psycopg.Error as e:
            raise StoreError(f"cannot open store {self._dsn_shown}: {e}") from e
        self._pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            dsn, min_size=1, max_size=pool_size, kwargs={"autocommit": True},
            configure=self._configure, check=ConnectionPool.check_connection,
            timeout=connect_timeout, open=False, name="engram")
        try:
            self._pool.open(wait=True, timeout=connect_timeout)
        except psycopg.Error as e:
            raise StoreError(f"cannot open store {self._dsn_shown}: {e}") from e

    # -- connections and transactions -------------------------------------------------

    def _configure(self, conn: psycopg.Connection[Any]) -> None:
        register_vector_info(conn, self._vector_info)
        # Session settings: iterative scans keep filtered HNSW searches from starving;
        # JIT compiles for "expensive" plans and adds tens of ms to a 2 ms query.
        conn.execute("SET hnsw.iterative_scan = relaxed_order")
        conn.execute(f"SET hnsw.ef_search = {self._ef_search:d}")
        conn.execute("SET jit = off")

    def _check_embedder(self, conn: psycopg.Connection[Any]) -> None:
        # The database remembers which embedder wrote it: mixing dimensions corrupts search.
        mine = {"model_id": self.model_id, "dims": self.dims}
        conn.execute("INSERT INTO engram_meta (key, value) VALUES ('embedder', %s) "
                     "ON CONFLICT (key) DO NOTHING", (Jsonb(mine),))
        row = conn.execute("SELECT value FROM engram_meta WHERE key = 'embedder'").fetchone()
        held = row[0] if row else mine
        if held["dims"] != self.dims:
            raise ConfigError(
                f"store {self._dsn_shown} holds {held['dims']}-dim vectors from "
                f"{held['model_id']!r}; the configured embedder {self.model_id!r} makes "
                f"{self.dims}-dim vectors. Use the same embedder or another database.")

    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection[Any]]:
        """The connection of this thread's scope lock, else one from the pool."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with self._pool.connection() as conn:
            yield conn

    @contextmanager
    def _failing(self, what: str) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as e:
            raise StoreError(f"{what}: {e}") from e

    def _rows(self, sql: str, params: Sequence[Any], what: str = "read failed") -> list[Any]:
        with self._failing(what), self._conn() as conn:
            return conn.execute(sql, params).fetchall()

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection (autocommit, vector type registered) for bulk tools such
        as ``engram migrate``; use ``conn.transaction()`` around writes."""
        with self._failing("connection failed"), self._conn() as conn:
            yield conn

    def close(self) -> None:
        self._pool.close()

    # -- locks ----------------------------------------------------------------------------

    @contextmanager
    def scope_lock(self, ns: str, scope: Scope) -> Iterator[None]:
        key = lock_key(ns, scope.key)
        held = getattr(self._local, "conn", None)
        if held is not None:  # nested: the lock joins the open transaction
            with self._failing("cannot lock the scope"):
                held.execute(_LOCK, (key,))
            yield
            return
        with (self._failing("the scope's transaction failed, nothing was written"),
              self._pool.connection() as conn, conn.transaction()):
            conn.execute(_LOCK, (key,))
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    # -- writes ---------------------------------------------------------------------------

    def apply(self, ns: str, changes: ChangeSet) -> ApplyResult:
        result = ApplyResult()
        if changes.is_empty():
            return result
        now = _records.now()
        with (self._failing("write failed, nothing was written"), self._conn() as conn,
              conn.transaction()):
            locked = {a.scope.key for a in changes.adds if a.raw or a.unique}
            for key in sorted(locked):  # one order everywhere: no lock-order deadlock
                conn.execute(_LOCK, (lock_key(ns, key),))
            touched = [u.id for u in changes.updates] + list(changes.deletes)
            before = self._fetch(conn, ns, touched, for_update=True)
            missing = [i for i in touched if i not in before]
            if missing:
                raise NotFound("memory", missing[0])
            history: list[tuple[Any, ...]] = []
            self._insert(conn, ns, changes, now, result, history)
            for u in changes.updates:
                old = before[u.id]
                sets: dict[str, Any] = {"updated_at": now}
                if u.text is not None:
                    sets.update(memory=u.text, hash=u.hash, embedding=_vec(u.embedding))
                if u.metadata is not None:
                    sets["metadata"] = Jsonb(u.metadata)
                assign = ", ".join(f"{k} = %b" if k == "embedding" else f"{k} = %s" for k in sets)
                conn.execute(f"UPDATE {_T} SET {assign} WHERE ns = %s AND id = %s",  # noqa: S608
                             [*sets.values(), ns, u.id])
                new_text = u.text if u.text is not None else old.memory
                history.append(_hist(ns, old.scope, u.id, "UPDATE", old.memory, new_text,
                                     changes, now))
                result.records[u.id] = old
            if changes.deletes:
                conn.execute(f"DELETE FROM {_T} WHERE ns = %s AND id = ANY(%s)",  # noqa: S608
                             (ns, list(changes.deletes)))
            for mid in changes.deletes:
                old = before[mid]
                history.append(_hist(ns, old.scope, mid, "DELETE", old.memory, None,
                                     changes, now))
                result.records[mid] = old
            _write_history(conn, history)
            _GRAPH.write(conn, ns, changes, now, result.skipped)
            _GRAPH.cleanup(conn, ns, changes.deletes, now)
        return result

    def _insert(self, conn: psycopg.Connection[Any], ns: str, cs: ChangeSet, now: str,
                result: ApplyResult, history: list[tuple[Any, ...]]) -> None:
        existing = self._existing_hashes(conn, ns, [a for a in cs.adds if a.unique])
        contexts = self._contexts(conn, ns, [a for a in cs.adds if a.raw])
        rows = []
        for a in cs.adds:
            if a.unique:
                key = (a.scope, a.hash)
                if key in existing:  # already stored, or earlier in this same change set
                    result.skipped[a.id] = existing[key]
                    continue
                existing[key] = a.id
            rows.append((a.id, ns, shard_key(ns, a.scope), a.scope.user_id, a.scope.agent_id,
                         a.scope.run_id, a.actor_id, a.role, a.memory_type, a.text, a.hash,
                         Jsonb(a.metadata), Jsonb(a.source_ids), contexts.get(a.id, ""),
                         a.raw, _vec(a.embedding), now))
            history.append(_hist(ns, a.scope, a.id, "ADD", None, a.text, cs, now,
                                 actor_id=a.actor_id, role=a.role))
        if rows:
            with conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO {_T} (id, ns, shard_key, user_id, agent_id, run_id, "  # noqa: S608
                    "actor_id, role, memory_type, memory, hash, metadata, source_ids, "
                    "context, raw, embedding, created_at) "
                    "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%b,%s)", rows)

    def _existing_hashes(self, conn: psycopg.Connection[Any], ns: str,
                         adds: list[NewMemory]) -> dict[tuple[Scope, str], str]:
        out: dict[tuple[Scope, str], str] = {}
        by_scope: dict[Scope, list[str]] = {}
        for a in adds:
            by_scope.setdefault(a.scope, []).append(a.hash)
        for scope, hashes in by_scope.items():
            for h, mid in self._hashes_in(conn, ns, scope, hashes).items():
                out[(scope, h)] = mid
        return out

    def _hashes_in(self, conn: psycopg.Connection[Any], ns: str, scope: Scope,
                   hashes: Sequence[str]) -> dict[str, str]:
        cond, params = _scope_sql(scope)
        rows = conn.execute(
            f"SELECT DISTINCT ON (m.hash) m.hash, m.id FROM {_T} m WHERE m.ns = %s AND {cond} "  # noqa: S608
            "AND m.hash = ANY(%s) ORDER BY m.hash, m.rid",
            [ns, *params, list(dict.fromkeys(hashes))]).fetchall()
        return {h: i for h, i in rows}

    def _contexts(self, conn: psycopg.Connection[Any], ns: str,
                  adds: list[NewMemory]) -> dict[str, str]:
        """Keyword context for raw adds, exactly as the SQLite store builds it: the turns
        before and after each one in its scope; the last stored turns get their "after"
        part refreshed. The caller holds the scope's lock."""
        before_n, after_n = self._ctx_before, self._ctx_after
        if not adds or before_n + after_n == 0:
            return {}
        out: dict[str, str] = {}
        for scope, group in _records.group_by_scope(adds).items():
            cond, params = _scope_sql(scope)
            tail = conn.execute(
                f"SELECT m.rid, m.memory FROM {_T} m WHERE m.ns = %s AND m.raw AND {cond} "  # noqa: S608
                "ORDER BY m.rid DESC LIMIT %s",
                [ns, *params, before_n + after_n]).fetchall()[::-1]
            refresh, fresh = _records.plan_contexts(tail, [a.text for a in group],
                                                    before_n, after_n)
            if refresh:
                with conn.cursor() as cur:
                    cur.executemany(f"UPDATE {_T} SET context = %s WHERE rid = %s", refresh)  # noqa: S608
            out.update((a.id, ctx) for a, ctx in zip(group, fresh, strict=True))
        return out

    def delete_where(self, ns: str, where: Node) -> int:
        sql, params = compile_filter(where, "postgres", alias="m")
        pin, pin_params = _pin(ns, where)
        now = _records.now()
        with (self._failing("delete failed, nothing was deleted"), self._conn() as conn,
              conn.transaction()):
            rows = conn.execute(
                f"DELETE FROM {_T} m WHERE m.ns = %s AND ({sql}){pin} "  # noqa: S608
                "RETURNING m.id, m.memory, m.user_id, m.agent_id, m.run_id",
                [ns, *params, *pin_params]).fetchall()
            cs = ChangeSet()
            _write_history(conn, [_hist(ns, Scope(u, a, r), mid, "DELETE", text, None, cs, now)
                                  for mid, text, u, a, r in rows])
            _GRAPH.cleanup(conn, ns, [r[0] for r in rows], now)
        return len(rows)

    def reset(self, ns: str) -> None:
        with self._failing("reset failed"), self._conn() as conn, conn.transaction():
            conn.execute(f"DELETE FROM {_T} WHERE ns = %s", (ns,))  # noqa: S608
            conn.execute("DELETE FROM engram_history WHERE ns = %s", (ns,))
            _GRAPH.reset(conn, ns)

    # -- reads ----------------------------------------------------------------------------

    def _fetch(self, conn: psycopg.Connection[Any], ns: str, ids: Sequence[str],
               for_update: bool = False) -> dict[str, MemoryRecord]:
        if not ids:
            return {}
        rows = conn.execute(
            f"SELECT {_COLS} FROM {_T} m WHERE m.ns = %s AND m.id = ANY(%s)"  # noqa: S608
            + (" FOR UPDATE" if for_update else ""),
            (ns, list(dict.fromkeys(ids)))).fetchall()
        return {r[0]: _records.from_row(r) for r in rows}

    def get(self, ns: str, memory_id: str) -> MemoryRecord | None:
        return self.get_many(ns, [memory_id]).get(memory_id)

    def get_many(self, ns: str, ids: Sequence[str]) -> dict[str, MemoryRecord]:
        with self._failing("read failed"), self._conn() as conn:
            return self._fetch(conn, ns, ids)

    def list_memories(
        self, ns: str, where: Node, *, limit: int, offset: int = 0, cursor: str | None = None
    ) -> Page:
        sql, params = compile_filter(where, "postgres", alias="m")
        pin, pin_params = _pin(ns, where)
        after = _records.decode_cursor(cursor)
        extra = " AND m.rid < %s" if after is not None else ""
        rows = self._rows(
            f"SELECT m.rid, {_COLS} FROM {_T} m WHERE m.ns = %s AND ({sql}){pin}{extra} "  # noqa: S608
            "ORDER BY m.rid DESC LIMIT %s OFFSET %s",
            [ns, *params, *pin_params, *([after] if after is not None else []), limit + 1,
             offset])
        return _records.page_from_rows(rows, limit)

    def count(self, ns: str, where: Node) -> int:
        sql, params = compile_filter(where, "postgres", alias="m")
        pin, pin_params = _pin(ns, where)
        rows = self._rows(f"SELECT count(*) FROM {_T} m WHERE m.ns = %s AND ({sql}){pin}",  # noqa: S608
                          [ns, *params, *pin_params])
        return int(rows[0][0])

    def history(self, ns: str, memory_id: str) -> list[HistoryEvent]:
        rows = self._rows(
            "SELECT id, memory_id, event, old_memory, new_memory, created_at, actor_id, role "
            "FROM engram_history WHERE ns = %s AND memory_id = %s ORDER BY hid",
            (ns, memory_id))
        return [HistoryEvent(*r) for r in rows]

    def scopes(self, ns: str) -> list[ScopeCount]:
        out: list[ScopeCount] = []
        for kind, col in (("user", "user_id"), ("agent", "agent_id"), ("run", "run_id")):
            rows = self._rows(
                f"SELECT {col}, count(*), min(created_at), "  # noqa: S608
                f"max(coalesce(updated_at, created_at)) FROM {_T} "
                f"WHERE ns = %s AND {col} IS NOT NULL GROUP BY {col} ORDER BY {col}", (ns,))
            out.extend(ScopeCount(kind, r[0], int(r[1]), r[2], r[3]) for r in rows)
        return out

    def find_hashes(self, ns: str, scope: Scope, hashes: Sequence[str]) -> dict[str, str]:
        if not hashes:
            return {}
        with self._failing("read failed"), self._conn() as conn:
            return self._hashes_in(conn, ns, scope, hashes)

    def keyword_search(
        self, ns: str, where: Node, terms: Sequence[str], k: int
    ) -> list[tuple[str, float]]:
        if not terms:
            return []
        sql, params = compile_filter(where, "postgres", alias="m")
        pin, pin_params = _pin(ns, where)
        # Each term goes through plainto_tsquery (stemmed like the documents, no syntax to
        # escape); the non-empty ones are OR-ed into one query.
        rows = self._rows(
            "WITH q AS (SELECT string_agg('(' || x::text || ')', ' | ')::tsquery AS q FROM "
            "(SELECT plainto_tsquery('english'::regconfig, t) AS x FROM unnest(%s::text[]) t) s "
            "WHERE numnode(x) > 0) "
            f"SELECT m.id, ts_rank_cd(%s::float4[], m.tsv, q.q) AS s FROM {_T} m, q "  # noqa: S608
            f"WHERE m.tsv @@ q.q AND m.ns = %s AND ({sql}){pin} ORDER BY s DESC, m.rid "
            "LIMIT %s",
            [list(terms), self._weights, ns, *params, *pin_params, k], "keyword search failed")
        return [(mid, float(s)) for mid, s in rows]

    def vector_search(
        self, ns: str, where: Node, query: np.ndarray, k: int
    ) -> list[tuple[str, float]]:
        sql, params = compile_filter(where, "postgres", alias="m")
        pin, pin_params = _pin(ns, where)
        # Relaxed iterative scans may return rows slightly out of order: re-sort them.
        rows = self._rows(
            f"WITH hits AS MATERIALIZED (SELECT m.id, m.embedding <=> %b AS d FROM {_T} m "  # noqa: S608
            f"WHERE m.ns = %s AND ({sql}){pin} ORDER BY d LIMIT %s) "
            "SELECT id, 1 - d FROM hits ORDER BY d, id",
            [_vec(query), ns, *params, *pin_params, k], "vector search failed")
        return [(mid, float(s)) for mid, s in rows]

    def similarities(self, ns: str, ids: Sequence[str], query: np.ndarray) -> dict[str, float]:
        if not ids:
            return {}
        rows = self._rows(
            f"SELECT m.id, 1 - (m.embedding <=> %b) FROM {_T} m "  # noqa: S608
            "WHERE m.ns = %s AND m.id = ANY(%s)", (_vec(query), ns, list(ids)))
        return {mid: float(s) for mid, s in rows}

    # -- graph memory (SQL shared with SQLite in _graph_sql) -------------------------------

    def find_entities(self, ns: str, scope: Scope | Node, norms: Sequence[str],
                      vecs: np.ndarray | None = None, k: int = 3) -> list[EntityMatch]:
        with self._failing("graph read failed"), self._conn() as conn:
            return _GRAPH.find_entities(conn, ns, scope, norms, vecs, k)

    def graph_neighbourhood(self, ns: str, scope: Scope | Node, entity_ids: Sequence[str],
                            hops: int = 1, limit: int = 500) -> list[GraphRelation]:
        with self._failing("graph read failed"), self._conn() as conn:
            return _GRAPH.neighbourhood(conn, ns, scope, entity_ids, hops, limit)

    def list_relations(self, ns: str, scope: Scope | Node, limit: int = 1000) -> list[GraphRelation]:
        with self._failing("graph read failed"), self._conn() as conn:
            return _GRAPH.list_relations(conn, ns, scope, limit)

    def graph_history(self, ns: str, scope: Scope | Node) -> list[GraphEvent]:
        with self._failing("graph read failed"), self._conn() as conn:
            return _GRAPH.history(conn, ns, scope)

    # -- embedding cache ----------------------------------------------------------------

    def get_many_embeddings(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        if not hashes:
            return {}
        rows = self._rows("SELECT hash, vec FROM engram_embedding_cache "
                          "WHERE model_id = %s AND hash = ANY(%s)", (model_id, list(hashes)))
        return {h: np.frombuffer(bytes(v), dtype=np.float32) for h, v in rows}

    def put_many_embeddings(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        with (self._failing("cannot write the embedding cache"), self._conn() as conn,
              conn.transaction(), conn.cursor() as cur):
            cur.executemany(
                "INSERT INTO engram_embedding_cache (model_id, hash, vec) VALUES (%s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                [(model_id, h, np.ascontiguousarray(v, dtype=np.float32).tobytes())
                 for h, v in items.items()])


def _scope_sql(scope: Scope) -> tuple[str, list[Any]]:
    """Exactly this scope; ``= %s`` / ``IS NULL`` so the btree indexes apply (``IS NOT
    DISTINCT FROM`` cannot use one)."""
    parts, params = [], []
    for col, value in (("user_id", scope.user_id), ("agent_id", scope.agent_id),
                       ("run_id", scope.run_id)):
        if value is None:
            parts.append(f"m.{col} IS NULL")
        else:
            parts.append(f"m.{col} = %s")
            params.append(value)
    return " AND ".join(parts), params


def _pin(ns: str, where: Node) -> tuple[str, list[Any]]:
    """``AND m.shard_key = ...`` when the filter pins a user: redundant on one server,
    it lets a Citus cluster distributed by ``shard_key`` route the query to one shard."""
    user = scope_of(where).get("user_id")
    if user is None:
        return "", []
    return " AND m.shard_key = %s", [shard_key(ns, Scope(user_id=user))]


def _hist(ns: str, scope: Scope, memory_id: str, event: str, old: str | None,
          new: str | None, cs: ChangeSet, now: str, actor_id: str | None = None,
          role: str | None = None) -> tuple[Any, ...]:
    return (_records.new_id(), ns, shard_key(ns, scope), memory_id, event, old, new,
            actor_id or cs.actor_id, role or cs.role, now)


def _write_history(conn: psycopg.Connection[Any], rows: list[tuple[Any, ...]]) -> None:
    if rows:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO engram_history (id, ns, shard_key, memory_id, event, old_memory, "
                "new_memory, actor_id, role, created_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                rows)


def _vec(v: np.ndarray | None) -> np.ndarray:
    assert v is not None
    return np.ascontiguousarray(v, dtype=np.float32)


def _redact(dsn: str) -> str:
    """The DSN for error messages, without its password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error:
        return "<unparseable dsn>"
    info.pop("password", None)
    return repr(psycopg.conninfo.make_conninfo("", **info))
