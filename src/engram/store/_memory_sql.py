"""Memory SQL, written once for SQLite and PostgreSQL (shaped like
:mod:`engram.store._graph_sql`).

Every method takes an open connection inside the caller's transaction; the stores
keep only what truly differs (connections and locks, the vector and keyword indexes).
The dialects differ in a few values, set here in one place: table names, how a vector
and a JSON value are bound, and one extra column each (SQLite's FTS ``scope_terms``,
PostgreSQL's ``shard_key``, see docs/scaling.md).

>>> MemorySQL("sqlite").insert_cols()[-1], MemorySQL("postgres").insert_cols()[-1]
('scope_terms', 'shard_key')
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from engram._ids import new_id
from engram._types import EPISODE, MemoryRecord, Scope
from engram.errors import NotFound
from engram.store import _rows
from engram.store._contexts import group_by_scope
from engram.store._dialect import Dialect, chunks
from engram.store._filter_sql import compile_filter
from engram.store._fts_terms import scope_terms
from engram.store._history_sql import HistorySQL
from engram.store._pg_schema import shard_key
from engram.store._rows import decode_cursor, from_row, page_from_rows
from engram.store._turns_sql import TurnsSQL
from engram.store.base import ApplyResult, ChangeSet, NewMemory, Page, ScopeCount
from engram.store.filters import Node, scope_of

__all__ = ["MemorySQL", "RECORD_COLS", "MEMORY_COLS", "HISTORY_COLS"]

# The one home of the memory table's column lists (both stores and ``engram migrate``).
RECORD_COLS = ("id", "user_id", "agent_id", "run_id", "actor_id", "role", "memory_type",
               "memory", "hash", "metadata", "source_ids", "created_at", "updated_at",
               "categories", "immutable", "happened_at", "expiration_date")
MEMORY_COLS = ("id", "ns", "user_id", "agent_id", "run_id", "actor_id", "role", "memory_type",
               "memory", "hash", "metadata", "source_ids", "context", "raw", "embedding",
               "created_at", "updated_at", "categories", "immutable", "happened_at",
               "expiration_date")
HISTORY_COLS = ("id", "ns", "memory_id", "event", "old_memory", "new_memory", "actor_id",
                "role", "created_at", "add_id", "snapshot", "old_source_ids",
                "new_source_ids", "origin")
T = TypeVar("T")
# Rows that are facts (or raw memories), not stored conversation turns.
NOT_EPISODE = f"(m.memory_type IS NULL OR m.memory_type <> '{EPISODE}')"


class MemorySQL(HistorySQL, TurnsSQL):
    """See the module docstring; one instance per dialect (and context window). The
    history reads are :class:`~engram.store._history_sql.HistorySQL`'s, the raw turns'
    neighbourhood :class:`~engram.store._turns_sql.TurnsSQL`'s."""

    def __init__(self, dialect: Dialect, *, context_before: int = 2, context_after: int = 2,
                 context_session: str | None = None, context_chars: int = 0,
                 json_param: Callable[[Any], Any] = json.dumps) -> None:
        super().__init__(dialect)
        self.M, self.H, self.C = (("engram_memories", "engram_history", "engram_embedding_cache")
                                  if self.pg else ("memories", "history", "embedding_cache"))
        self.S = "engram_project_settings" if self.pg else "project_settings"
        self.Q = "engram_vector_queue" if self.pg else "vector_queue"
        self.ctx_before, self.ctx_after = context_before, context_after
        self.ctx_session = context_session  # metadata key bounding a context, or None
        self.ctx_chars = context_chars  # longest context kept (0: no limit)
        self.json = json_param  # PostgreSQL: psycopg's Jsonb
        self.rec = ", ".join(f"m.{c}" for c in RECORD_COLS)
        self.head = ", ".join(f"m.{c}" for c in _rows.HEAD_COLS)
        # How a memory row says its vector is there (not pending).
        self.has_vec = "m.embedding IS NOT NULL" if self.pg else "length(m.embedding) > 0"

    # -- dialect values -------------------------------------------------------------------

    def vec(self, v: np.ndarray | None) -> Any:
        """A vector as a bound parameter: float32 bytes (SQLite BLOB) or an array that
        pgvector sends in binary (``%b``). None is a pending vector (see
        :mod:`engram.store._vector_queue`): NULL, or SQLite's empty BLOB (the column
        was declared NOT NULL before vectors could follow)."""
        if v is None:
            return None if self.pg else b""
        arr = np.ascontiguousarray(v, dtype=np.float32)
        return arr if self.pg else arr.tobytes()

    def insert_cols(self) -> tuple[str, ...]:
        return (*MEMORY_COLS, "shard_key" if self.pg else "scope_terms")

    def _insert_row(self, ns: str, a: NewMemory, context: str, now: str) -> tuple[Any, ...]:
        s = a.scope
        extra = (shard_key(ns, s) if self.pg
                 else scope_terms(ns, s.user_id, s.agent_id, s.run_id))
        return (a.id, ns, s.user_id, s.agent_id, s.run_id, a.actor_id, a.role, a.memory_type,
                a.text, a.hash, self.json(a.metadata), self.json(a.source_ids), context, a.raw,
                self.vec(a.embedding), now, None, self.json(a.categories), a.immutable,
                a.happened_at or now, a.expiration_date, extra)

    def _marks_for(self, cols: Sequence[str]) -> str:
        # The embedding goes in binary on PostgreSQL; everything else as usual.
        return ",".join("%b" if self.pg and c == "embedding" else "%s" if self.pg else "?"
                        for c in cols)

    def pin(self, ns: str, where: Node) -> tuple[str, list[Any]]:
        """``AND m.shard_key = ...`` when the filter pins a user (PostgreSQL): redundant
        on one server, it lets a Citus cluster route the query to one shard."""
        user = scope_of(where).get("user_id")
        if not self.pg or user is None:
            return "", []
        return " AND m.shard_key = ?", [shard_key(ns, Scope(user_id=user))]

    def where(self, ns: str, where: Node) -> tuple[str, list[Any]]:
        """``m.ns = ? AND (<filter>)`` plus the shard pin, with its parameters."""
        sql, params = compile_filter(where, self.dialect, alias="m")
        pin, pin_params = self.pin(ns, where)
        return f"m.ns = ? AND ({sql}){pin}", [ns, *params, *pin_params]

    # -- writes ---------------------------------------------------------------------------

    def apply(self, conn: Any, ns: str, cs: ChangeSet, now: str, result: ApplyResult) -> None:
        """Fetch what updates/deletes touch (an unknown id raises NotFound before any
        write), insert, update, delete, then write every history row."""
        touched = [u.id for u in cs.updates] + list(cs.deletes)
        before = self.fetch(conn, ns, touched, for_update=True)
        missing = [i for i in touched if i not in before]
        if missing:
            raise NotFound("memory", missing[0])
        history = self._insert(conn, ns, cs, now, result)
        for u in cs.updates:
            old = before[u.id]
            sets: dict[str, Any] = {"updated_at": now}
            if u.text is not None:
                sets.update(memory=u.text, hash=u.hash, embedding=self.vec(u.embedding))
            if u.metadata is not None:
                sets["metadata"] = self.json(u.metadata)
            if u.categories is not None:
                sets["categories"] = self.json(u.categories)
            if u.happened_at is not None:
                sets["happened_at"] = u.happened_at
            if u.expiration_set:
                sets["expiration_date"] = u.expiration_date
            new_src = old.source_ids if u.source_ids is None else u.source_ids
            if u.source_ids is not None:
                sets["source_ids"] = self.json(new_src)
            assign = ", ".join(f"{k} = {self._marks_for([k])}" for k in sets)
            conn.execute(self.q(f"UPDATE {self.M} SET {assign} WHERE ns = ? AND id = ?"),  # noqa: S608
                         [*sets.values(), ns, u.id])
            new_text = u.text if u.text is not None else old.memory
            history.append(self._event(ns, old.scope, u.id, "UPDATE", old.memory, new_text, cs, now,
                                       sources=(old.source_ids, new_src)))
            result.records[u.id] = old
        for chunk in chunks(list(cs.deletes)):
            conn.execute(self.q(f"DELETE FROM {self.M} WHERE ns = ? "  # noqa: S608
                                f"AND id IN ({self._marks(len(chunk))})"), [ns, *chunk])
        for mid in cs.deletes:
            old = before[mid]
            history.append(self._event(ns, old.scope, mid, "DELETE", old.memory, None, cs, now,
                                       snapshot=old, sources=(old.source_ids, None)))
            result.records[mid] = old
        self.write_history(conn, history)

    def _insert(self, conn: Any, ns: str, cs: ChangeSet, now: str,
                result: ApplyResult) -> list[tuple[Any, ...]]:
        existing = self._existing(conn, ns, [a for a in cs.adds if a.unique])
        contexts = self.contexts(conn, ns, [a for a in cs.adds if a.raw])
        rows, history = [], []
        for a in cs.adds:
            if a.unique:
                key = (a.scope, a.hash)
                if key in existing:  # already stored, or earlier in this same change set
                    result.skipped[a.id] = existing[key]
                    continue
                existing[key] = a.id
            rows.append(self._insert_row(ns, a, contexts.get(a.id, ""), now))
            history.append(self._event(ns, a.scope, a.id, "ADD", None, a.text, cs, now,
                                       a.actor_id, a.role, sources=(None, a.source_ids)))
        cols = self.insert_cols()
        self._many(conn, f"INSERT INTO {self.M} ({', '.join(cols)}) "  # noqa: S608
                   f"VALUES ({self._marks_for(cols)})", rows)
        return history

    def _existing(self, conn: Any, ns: str,
                  adds: list[NewMemory]) -> dict[tuple[Scope, str], str]:
        """(scope, hash) -> id of the first stored memory with that text in that scope:
        the commit-time duplicate check of ``unique`` adds."""
        out: dict[tuple[Scope, str], str] = {}
        for scope, group in group_by_scope(adds).items():
            for h, mid in self.hashes_in(conn, ns, scope, [a.hash for a in group]).items():
                out[(scope, h)] = mid
        return out

    def hashes_in(self, conn: Any, ns: str, scope: Scope, hashes: Sequence[str]) -> dict[str, str]:
        """Which of ``hashes`` exist in exactly this scope: hash -> oldest memory id.
        Episodes do not count: a fact may repeat a turn word for word."""
        cond, params = self.scope_cond(scope, "m")
        # SQLite, without table statistics, took the (ns, run_id) index for "run_id IS
        # NULL", which holds every row of a store without runs, and scanned it on each
        # add (0.35 ms at 767 rows, growing with the store); the hash index finds the rows.
        table = f"{self.M} m" if self.pg else f"{self.M} m INDEXED BY memories_hash"
        out: dict[str, str] = {}
        for chunk in chunks(list(dict.fromkeys(hashes))):
            for h, mid in self._all(
                    conn, f"SELECT m.hash, m.id FROM {table} WHERE m.ns = ? AND {cond} "  # noqa: S608
                    f"AND {NOT_EPISODE} AND m.hash IN ({self._marks(len(chunk))}) ORDER BY m.rid DESC",
                    [ns, *params, *chunk]):
                out[h] = mid  # newest first, so the oldest id wins
        return out

    def _event(self, ns: str, scope: Scope, memory_id: str, event: str, old: str | None,
               new: str | None, cs: ChangeSet, now: str, actor_id: str | None = None,
               role: str | None = None, snapshot: MemoryRecord | None = None,
               sources: tuple[list[str] | None, list[str] | None] = (None, None)
               ) -> tuple[Any, ...]:
        # A DELETE keeps the record it removed (scope, metadata, ...) so undo can restore it.
        snap = json.dumps(snapshot.to_dict()) if snapshot is not None else None
        old_src, new_src = (json.dumps(s) if s is not None else None for s in sources)
        row = (new_id(), ns, memory_id, event, old, new, actor_id or cs.actor_id,
               role or cs.role, now, cs.add_id, snap, old_src, new_src, cs.origin)
        return (*row, shard_key(ns, scope)) if self.pg else row

    def write_history(self, conn: Any, rows: list[tuple[Any, ...]]) -> None:
        cols = (*HISTORY_COLS, "shard_key") if self.pg else HISTORY_COLS
        self._many(conn, f"INSERT INTO {self.H} ({', '.join(cols)}) "  # noqa: S608
                   f"VALUES ({self._marks(len(cols))})", rows)

    def delete_where(self, conn: Any, ns: str, where: Node, now: str) -> list[str]:
        """Delete the matching memories with a DELETE history row each; their ids."""
        cond, params = self.where(ns, where)
        gone = [from_row(r) for r in self._all(
            conn, f"DELETE FROM {self.M} AS m WHERE {cond} "  # noqa: S608
            f"RETURNING {', '.join(RECORD_COLS)}", params)]
        cs = ChangeSet()
        self.write_history(conn, [self._event(ns, r.scope, r.id, "DELETE", r.memory, None, cs,
                                              now, snapshot=r, sources=(r.source_ids, None))
                                  for r in gone])
        return [r.id for r in gone]

    def reset(self, conn: Any, ns: str) -> list[str]:
        """Drop the namespace's memories and history; the memories' ids."""
        ids = [r[0] for r in self._all(
            conn, f"DELETE FROM {self.M} WHERE ns = ? RETURNING id", [ns])]  # noqa: S608
        conn.execute(self.q(f"DELETE FROM {self.H} WHERE ns = ?"), [ns])  # noqa: S608
        return ids

    def get_settings(self, conn: Any, ns: str) -> dict[str, Any]:
        """A namespace's project settings (``{}`` until some are saved)."""
        rows = self._all(conn, f"SELECT settings FROM {self.S} WHERE ns = ?", [ns])  # noqa: S608
        if not rows:
            return {}
        value = rows[0][0]
        return value if isinstance(value, dict) else json.loads(value)

    def put_settings(self, conn: Any, ns: str, settings: dict[str, Any], now: str) -> None:
        conn.execute(self.q(f"INSERT INTO {self.S} (ns, settings, updated_at) VALUES (?, ?, ?) "  # noqa: S608
                            "ON CONFLICT (ns) DO UPDATE SET settings = excluded.settings, "
                            "updated_at = excluded.updated_at"),
                     [ns, self.json(settings), now])

    def put_embeddings(self, conn: Any, model_id: str, items: dict[str, np.ndarray]) -> None:
        self._many(conn, f"INSERT INTO {self.C} (model_id, hash, vec) VALUES (?, ?, ?) "  # noqa: S608
                   "ON CONFLICT DO NOTHING",
                   [(model_id, h, np.ascontiguousarray(v, dtype=np.float32).tobytes())
                    for h, v in items.items()])

    # -- reads ----------------------------------------------------------------------------

    def fetch(self, conn: Any, ns: str, ids: Sequence[str],
              for_update: bool = False) -> dict[str, MemoryRecord]:
        return self._fetch(conn, ns, ids, self.rec, from_row, for_update)

    def fetch_heads(self, conn: Any, ns: str, ids: Sequence[str]) -> dict[str, _rows.RecordHead]:
        """Role, event time and metadata by id: no text, scope or lists read."""
        return self._fetch(conn, ns, ids, self.head, _rows.head_from_row, False)

    def _fetch(self, conn: Any, ns: str, ids: Sequence[str], cols: str,
               make: Callable[[Any], T], for_update: bool) -> dict[str, T]:
        out: dict[str, T] = {}
        # SQLite "+ns": with a long IN list and no statistics it would otherwise scan the
        # (ns, ...) index instead of looking each id up (measured 47 ms -> 0.05 ms).
        # PostgreSQL "FOR UPDATE": the rows stay as read until the commit.
        ns_col, lock = ("m.ns", " FOR UPDATE" if for_update else "") if self.pg else ("+m.ns", "")
        for chunk in chunks(list(dict.fromkeys(ids))):
            for row in self._all(conn, f"SELECT {cols} FROM {self.M} m WHERE {ns_col} = ? "  # noqa: S608
                                 f"AND m.id IN ({self._marks(len(chunk))}){lock}", [ns, *chunk]):
                out[row[0]] = make(row)
        return out

    def list_memories(self, conn: Any, ns: str, where: Node, limit: int, offset: int,
                      cursor: str | None) -> Page:
        cond, params = self.where(ns, where)
        after = decode_cursor(cursor)
        if after is not None:
            cond, params = f"{cond} AND m.rid < ?", [*params, after]
        rows = self._all(conn, f"SELECT m.rid, {self.rec} FROM {self.M} m WHERE {cond} "  # noqa: S608
                         "ORDER BY m.rid DESC LIMIT ? OFFSET ?", [*params, limit + 1, offset])
        return page_from_rows(rows, limit)

    def count(self, conn: Any, ns: str, where: Node) -> int:
        cond, params = self.where(ns, where)
        return int(self._all(conn, f"SELECT count(*) FROM {self.M} m WHERE {cond}", params)[0][0])  # noqa: S608

    def scopes(self, conn: Any, ns: str) -> list[ScopeCount]:
        out: list[ScopeCount] = []
        for kind, col in (("user", "user_id"), ("agent", "agent_id"), ("run", "run_id")):
            # Counted: facts; listed: any scope holding rows (episodes only, too).
            rows = self._all(conn, f"SELECT m.{col}, count(CASE WHEN {NOT_EPISODE} THEN 1 END), "  # noqa: S608
                             f"min(m.created_at), max(coalesce(m.updated_at, m.created_at)) "
                             f"FROM {self.M} m WHERE m.ns = ? AND m.{col} IS NOT NULL "
                             f"GROUP BY m.{col} ORDER BY m.{col}", [ns])
            out.extend(ScopeCount(kind, r[0], int(r[1]), r[2], r[3]) for r in rows)
        return out

    def citing(self, conn: Any, ns: str, where: Node, ids: Sequence[str]) -> dict[str, list[str]]:
        """For each of ``ids`` (episodes): the matching facts whose ``source_ids`` name
        it, oldest first. Ids no fact cites are left out."""
        cond, params = self.where(ns, where)
        each = ("jsonb_array_elements_text(m.source_ids) AS j(value)" if self.pg
                else "json_each(m.source_ids) AS j")
        out: dict[str, list[str]] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            for fid, eid in self._all(
                    conn, f"SELECT m.id, j.value FROM {self.M} m, {each} WHERE {cond} "  # noqa: S608
                    f"AND {NOT_EPISODE} AND j.value IN ({self._marks(len(chunk))}) "
                    "ORDER BY m.rid", [*params, *chunk]):
                out.setdefault(eid, []).append(fid)
        return out

    def embeddings(self, conn: Any, model_id: str, hashes: Sequence[str],
                   memory_rows: bool) -> dict[str, np.ndarray]:
        """Cached vectors by text hash. With ``memory_rows`` (the store's own model), a
        text held as a memory is a cache hit too: never embedded, or kept, twice; not
        one whose vector is queued (it may be an earlier embedder's, kept until the
        workers rewrite it)."""
        out: dict[str, np.ndarray] = {}
        for chunk in chunks(list(dict.fromkeys(hashes))):
            for h, v in self._all(conn, f"SELECT hash, vec FROM {self.C} WHERE model_id = ? "  # noqa: S608
                                  f"AND hash IN ({self._marks(len(chunk))})", [model_id, *chunk]):
                out[h] = as_vector(v)
            missing = [h for h in chunk if h not in out]
            if missing and memory_rows:
                for h, v in self._all(conn, f"SELECT m.hash, m.embedding FROM {self.M} m "  # noqa: S608
                                      f"WHERE m.hash IN ({self._marks(len(missing))}) "
                                      f"AND {self.has_vec} AND NOT EXISTS (SELECT 1 FROM "
                                      f"{self.Q} q WHERE q.memory_id = m.id)", missing):
                    out[h] = as_vector(v)
        return out


def as_vector(value: Any) -> np.ndarray:
    """A stored vector (float32 bytes, or pgvector's array) as a float32 array."""
    if isinstance(value, bytes | bytearray | memoryview):
        return np.frombuffer(bytes(value), dtype=np.float32)
    if hasattr(value, "to_numpy"):  # pgvector.Vector
        value = value.to_numpy()
    return np.asarray(value, dtype=np.float32)
