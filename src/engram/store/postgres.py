"""The scale-out store: PostgreSQL with pgvector (HNSW, cosine) and tsvector (GIN).

Same contract and behaviour as :mod:`engram.store.sqlite`; the memory and graph SQL is
shared (:mod:`engram.store._sql_store`). This module keeps what only PostgreSQL does:
a ``psycopg_pool`` pool (connections checked on checkout, so a restarted server or a
killed backend costs one failed call, not a broken store), advisory locks, pgvector
search and tsvector keyword search. Parameters are always bound server-side.

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

from engram._types import Scope
from engram.errors import ConfigError, StoreError
from engram.store._graph_sql import GraphSQL
from engram.store._memory_sql import MemorySQL
from engram.store._pg_schema import lock_key, migrate
from engram.store._sql_store import SQLStore
from engram.store._vector_queue import VectorQueueSQL
from engram.store.base import ChangeSet
from engram.store.filters import Node

_T = "engram_memories"
_LOCK = "SELECT pg_advisory_xact_lock(%s)"
_GRAPH = GraphSQL("postgres")


class PostgresStore(SQLStore):
    """See the module docstring. Thread-safe; one pool per store."""

    def __init__(self, dsn: str, *, dims: int, model_id: str, context_before: int = 2,
                 context_after: int = 2, context_weight: float = 0.5,
                 context_session: str | None = None, context_chars: int = 0,
                 pool_size: int = 10,
                 ef_search: int = 100, connect_timeout: float = 10.0) -> None:
        self.dims = dims
        self.model_id = model_id
        self._sql = MemorySQL("postgres", context_before=context_before,
                              context_after=context_after, context_session=context_session,
                              context_chars=context_chars, json_param=Jsonb)
        self._graph = _GRAPH
        self._queue = VectorQueueSQL("postgres")
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
        # The database remembers which embedder wrote it: mixing dimensions corrupts
        # search; another model of the same width has every vector rewritten.
        mine: dict[str, Any] = {"model_id": self.model_id, "dims": self.dims}
        with conn.transaction():
            conn.execute("INSERT INTO engram_meta (key, value) VALUES ('embedder', %s) "
                         "ON CONFLICT (key) DO NOTHING", (Jsonb(mine),))
            # Locked: two processes opening with a new embedder queue the rows once.
            row = conn.execute("SELECT value FROM engram_meta WHERE key = 'embedder' "
                               "FOR UPDATE").fetchone()
            held = row[0] if row else mine
            if held["dims"] == self.dims and held["model_id"] != self.model_id:
                self._embedder_changed(conn, held["model_id"], f"store {self._dsn_shown}")
                conn.execute("UPDATE engram_meta SET value = %s WHERE key = 'embedder'",
                             (Jsonb(mine),))
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

    @contextmanager
    def _read(self, what: str = "read failed") -> Iterator[psycopg.Connection[Any]]:
        with self._failing(what), self._conn() as conn:
            yield conn

    @contextmanager
    def _write(self, what: str) -> Iterator[psycopg.Connection[Any]]:
        with self._failing(what), self._conn() as conn, conn.transaction():
            yield conn

    def _rows(self, sql: str, params: Sequence[Any], what: str = "read failed") -> list[Any]:
        with self._read(what) as conn:
            return conn.execute(sql, params).fetchall()

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection (autocommit, vector type registered) for bulk tools such
        as ``engram migrate``; use ``conn.transaction()`` around writes."""
        with self._read("connection failed") as conn:
            yield conn

    def close(self) -> None:
        self._stop_users()
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

    def _before_apply(self, conn: Any, ns: str, changes: ChangeSet) -> None:
        locked = {a.scope.key for a in changes.adds if a.raw or a.unique}
        for key in sorted(locked):  # one order everywhere: no lock-order deadlock
            conn.execute(_LOCK, (lock_key(ns, key),))

    # -- search -------------------------------------------------------------------------

    def keyword_search(self, ns: str, where: Node, terms: Sequence[str], k: int
                       ) -> list[tuple[str, float]]:
        if not terms:
            return []
        cond, params = self._sql.where(ns, where)
        # Each term goes through plainto_tsquery (stemmed like the documents, no syntax to
        # escape); the non-empty ones are OR-ed into one query.
        rows = self._rows(
            "WITH q AS (SELECT string_agg('(' || x::text || ')', ' | ')::tsquery AS q FROM "
            "(SELECT plainto_tsquery('english'::regconfig, t) AS x FROM unnest(%s::text[]) t) s "
            "WHERE numnode(x) > 0) "
            f"SELECT m.id, ts_rank_cd(%s::float4[], m.tsv, q.q) AS s FROM {_T} m, q "  # noqa: S608
            f"WHERE m.tsv @@ q.q AND {self._sql.q(cond)} ORDER BY s DESC, m.rid LIMIT %s",
            [list(terms), self._weights, *params, k], "keyword search failed")
        return [(mid, float(s)) for mid, s in rows]

    def vector_search(self, ns: str, where: Node, query: np.ndarray, k: int
                      ) -> list[tuple[str, float]]:
        cond, params = self._sql.where(ns, where)
        # Relaxed iterative scans may return rows slightly out of order: re-sort them.
        rows = self._rows(
            f"WITH hits AS MATERIALIZED (SELECT m.id, m.embedding <=> %b AS d FROM {_T} m "  # noqa: S608
            f"WHERE {self._sql.q(cond)} AND m.embedding IS NOT NULL ORDER BY d LIMIT %s) "
            "SELECT id, 1 - d FROM hits ORDER BY d, id",
            [self._sql.vec(query), *params, k], "vector search failed")
        return [(mid, float(s)) for mid, s in rows]

    def similarities(self, ns: str, ids: Sequence[str], query: np.ndarray) -> dict[str, float]:
        if not ids:
            return {}
        rows = self._rows(
            f"SELECT m.id, 1 - (m.embedding <=> %b) FROM {_T} m "  # noqa: S608
            "WHERE m.ns = %s AND m.id = ANY(%s) AND m.embedding IS NOT NULL",
            (self._sql.vec(query), ns, list(ids)))
        return {mid: float(s) for mid, s in rows}


def _redact(dsn: str) -> str:
    """The DSN for error messages, without its password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error:
        return "<unparseable dsn>"
    info.pop("password", None)
    return repr(psycopg.conninfo.make_conninfo("", **info))
