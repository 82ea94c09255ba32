"""The embedded store: one SQLite file (WAL) holding memories, vectors, FTS5 and history.

SQLite is the truth; the vector index is an in-process cache kept in step through the
``change_log`` table, so writes by other processes are picked up incrementally. The
memory and graph SQL is shared with PostgreSQL (:mod:`engram.store._sql_store`); this
module keeps what only SQLite does: a connection per thread, ``BEGIN IMMEDIATE`` writes,
the in-process vector index, FTS5 keyword search and the scope lock files.

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
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from engram._files import private_file
from engram._types import EPISODE, Scope
from engram.errors import ConfigError, StoreError
from engram.store._file_lock import ScopeFileLocks
from engram.store._filter_sql import compile_filter
from engram.store._fts_terms import scope_match
from engram.store._graph_sql import GraphSQL
from engram.store._head_cache import HeadCache
from engram.store._memory_sql import MemorySQL, as_vector
from engram.store._rows import RecordHead
from engram.store._sql_store import SQLStore
from engram.store._sqlite_schema import migrate
from engram.store._vector_index import PartitionKey, VectorIndex
from engram.store._vector_queue import VectorQueueSQL
from engram.store.filters import Node, is_scope_only, scope_of, split_kind

_PRUNE_EVERY = 5_000  # change-log rows kept beyond what every reader needs
_GRAPH = GraphSQL("sqlite")


MERGE_PAGES = 500  # FTS5 pages (4 KiB) merged at most per tidy_keywords call


class SQLiteStore(SQLStore):
    """See the module docstring. Thread-safe: one connection per thread."""

    def __init__(self, path: str | Path, *, dims: int, model_id: str, context_before: int = 2,
                 context_after: int = 2, context_weight: float = 0.5,
                 context_session: str | None = None, context_chars: int = 0) -> None:
        self.path = Path(path).expanduser()
        self.dims = dims
        self.model_id = model_id
        self._sql = MemorySQL("sqlite", context_before=context_before,
                              context_after=context_after, context_session=context_session,
                              context_chars=context_chars)
        self._graph = _GRAPH
        self._queue = VectorQueueSQL("sqlite")
        self._ctx_weight = context_weight
        try:
            private_file(self.path)  # 0600 in a 0700 folder when we create them (-wal/-shm follow)
        except OSError as e:
            raise StoreError(f"cannot create {str(self.path)!r}: {e}") from e
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self._index = VectorIndex(dims)
        self._index_seq = -1  # -1: never loaded
        self._index_lock = threading.Lock()
        self._locks = ScopeFileLocks(self.path)
        self._head_cache = HeadCache(self.path)
        db = self._db()
        try:
            migrate(db)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open store {str(self.path)!r}: {e}") from e
        self._check_embedder()

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
                _set_wal(db)
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
    def _read(self, what: str = "read failed") -> Iterator[sqlite3.Connection]:
        try:
            yield self._db()
        except sqlite3.Error as e:
            raise StoreError(f"{what}: {e}") from e

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE takes the lock up front so that two
        writers queue instead of deadlocking on a lock upgrade."""
        db = self._db()
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"cannot start a write: {e}") from e
        try:
            yield db
            self._prune_change_log(db)
        except BaseException as exc:
            _rollback(db)
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{what}: {exc}") from exc
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.Error as e:
            _rollback(db)
            raise StoreError(f"commit failed, nothing was written: {e}") from e

    def _written(self) -> None:
        self._sync()

    def _check_embedder(self) -> None:
        # The file remembers which embedder wrote it: mixing dimensions would corrupt
        # search; another model of the same width has every vector rewritten.
        mine: dict[str, Any] = {"model_id": self.model_id, "dims": self.dims}
        with self._write("cannot open store") as w:
            row = w.execute("SELECT value FROM store_meta WHERE key='embedder'").fetchone()
            held = json.loads(row[0]) if row is not None else mine
            if held["dims"] == self.dims and held["model_id"] != self.model_id:
                self._embedder_changed(w, held["model_id"], f"store {str(self.path)!r}")
            if held["dims"] == self.dims and (row is None or held != mine):
                w.execute("INSERT OR REPLACE INTO store_meta VALUES ('embedder', ?)",
                          (json.dumps(mine),))
        if held["dims"] != self.dims:
            raise ConfigError(
                f"store {str(self.path)!r} holds {held['dims']}-dim vectors from "
                f"{held['model_id']!r}; the configured embedder {self.model_id!r} makes "
                f"{self.dims}-dim vectors. Use the same embedder or another store path.")

    def close(self) -> None:
        self._stop_users()
        with self._conns_lock:
            for db in self._conns:
                db.close()
            self._conns.clear()
        self._head_cache.close()
        self._local = threading.local()

    def _prune_change_log(self, db: sqlite3.Connection) -> None:
        seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name='change_log'").fetchone()
        if seq and seq[0] % _PRUNE_EVERY == 0:
            # A reader further behind than this reloads its cache fully (see _sync).
            db.execute("DELETE FROM change_log WHERE seq <= ?", (seq[0] - 4 * _PRUNE_EVERY,))

    def scope_lock(self, ns: str, scope: Scope) -> AbstractContextManager[None]:
        """Across threads and processes (lock files, see :mod:`engram.store._file_lock`).
        ``apply`` needs no lock of its own: BEGIN IMMEDIATE already serialises the
        context windows and duplicate checks it reads inside its transaction."""
        return self._locks.hold(ns, scope.key)

    def get_heads(self, ns: str, ids: Sequence[str]) -> dict[str, RecordHead]:
        """Kept between searches until anything is committed (:mod:`._head_cache`)."""
        if not ids:
            return {}
        with self._read():  # its driver errors are the store's, as any read's
            return self._head_cache.get(ns, ids, lambda missing: super(SQLiteStore, self)
                                        .get_heads(ns, missing))

    # -- keyword search (FTS5) --------------------------------------------------------

    def keyword_search(self, ns: str, where: Node, terms: Sequence[str], k: int
                       ) -> list[tuple[str, float]]:
        if not terms:
            return []
        # Each term quoted: FTS5 syntax characters in user text are never interpreted.
        # The scope's own tokens narrow the match inside FTS5 (see migration 3).
        words = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        match = f"{scope_match(ns, scope_of(where))} AND ({words})"
        sql, params = compile_filter(where, "sqlite", alias="m")
        score = "bm25(memories_fts, 1.0, ?, 0.0)"
        if is_scope_only(where):
            # The scope's tokens already confine the match to the filter's rows, so FTS5
            # ranks and cuts to k before the join: a question naming a speaker matches
            # nearly every turn of its scope (their contexts lead with the speaker), and
            # joining each to its row cost a third of the keyword search (LOCOMO). The
            # filter still applies after the cut: one that contradicts itself
            # ({"AND": [{"user_id": "a"}, {"user_id": "b"}]}) pins only the first id's
            # tokens and must still match nothing.
            query = (f"SELECT m.id, f.s FROM (SELECT rowid, {score} AS s FROM memories_fts "  # noqa: S608
                     "WHERE memories_fts MATCH ? ORDER BY s LIMIT ?) f "
                     f"JOIN memories m ON m.rid = f.rowid WHERE m.ns = ? AND ({sql}) "
                     "ORDER BY f.s LIMIT ?")
            args = [self._ctx_weight, match, k, ns, *params, k]
        else:
            query = (f"SELECT m.id, {score} AS s FROM memories_fts "  # noqa: S608
                     "JOIN memories m ON m.rid = memories_fts.rowid "
                     f"WHERE memories_fts MATCH ? AND m.ns = ? AND ({sql}) ORDER BY s LIMIT ?")
            args = [self._ctx_weight, match, ns, *params, k]
        with self._read("keyword search failed") as db:
            rows = db.execute(query, args).fetchall()
        return [(mid, -float(s)) for mid, s in rows]

    def tidy_keywords(self, pages: int = MERGE_PAGES) -> None:
        """Carry the keyword index's pending segment merges on, ``pages`` of work at
        most. Each write transaction leaves FTS5 a new segment and automerge only
        merges a little per write, so a store filled by many small adds held 24
        segments (LOCOMO dev, 2,760 turns) and every query term was looked up in each;
        one call merged them to 8 in 13 ms, and a keyword search then cost 2.1 CPU ms
        instead of 2.4 (the same hits and scores). The vector writer calls this when
        its queue runs dry, and ``flush`` at its end: the levels stay logarithmic, so
        the work per call stays small as the store grows."""
        with self._write("keyword index merge failed") as db:
            db.execute("INSERT INTO memories_fts(memories_fts, rank) VALUES('merge', ?)",
                       (pages,))

    # -- vectors (in-process index over the change log) -------------------------------

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
                "SELECT c.seq, c.rid, m.id, m.ns, m.user_id, m.agent_id, m.run_id, m.memory_type, "
                "m.embedding "
                "FROM change_log c LEFT JOIN memories m ON m.rid = c.rid "
                "WHERE c.seq > ? ORDER BY c.seq", (self._index_seq,)).fetchall()
            for seq, rid, mid, mns, u, a, r, kind, emb in rows:
                if mid is None or not emb:  # deleted, or its vector is pending
                    self._index.remove(rid)
                else:
                    self._index.upsert((mns, u, a, r, kind == EPISODE), rid, as_vector(emb), mid)
                self._index_seq = seq

    def _reload(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN")  # one snapshot: rows and log head agree
        try:
            row = db.execute("SELECT seq FROM sqlite_sequence WHERE name='change_log'").fetchone()
            head = int(row[0]) if row else 0
            self._index.clear()
            for rid, mid, mns, u, a, r, kind, emb in db.execute(
                    "SELECT rid, id, ns, user_id, agent_id, run_id, memory_type, embedding "
                    "FROM memories WHERE length(embedding) > 0"):  # pending: not indexed yet
                self._index.upsert((mns, u, a, r, kind == EPISODE), rid, as_vector(emb), mid)
            self._index_seq = head
        finally:
            db.execute("COMMIT")

    def _allowed_rids(self, ns: str, where: Node, rest: Node) -> set[int] | None:
        """None when ``rest``, the filter without its kind, only pins scope ids (the
        partitions already do that)."""
        if is_scope_only(rest):
            return None
        sql, params = compile_filter(where, "sqlite", alias="m")
        rows = self._db().execute(
            f"SELECT m.rid FROM memories m WHERE m.ns = ? AND ({sql})", [ns, *params]  # noqa: S608
        ).fetchall()
        return {r[0] for r in rows}

    def vector_search(self, ns: str, where: Node, query: np.ndarray, k: int
                      ) -> list[tuple[str, float]]:
        self._sync()
        rest, episodes = split_kind(where)
        allowed = self._allowed_rids(ns, where, rest)
        with self._index_lock:
            keys: list[PartitionKey] = self._index.partitions(ns, scope_of(where), episodes)
            return self._index.ids_of(self._index.search(keys, query.astype(np.float32), k,
                                                         allowed))

    def similarities(self, ns: str, ids: Sequence[str], query: np.ndarray) -> dict[str, float]:
        self._sync()
        if not ids:
            return {}
        with self._index_lock:  # the index knows every indexed row's id: no SQL read
            return self._index.similarities_of(ns, ids, query.astype(np.float32))


def _rollback(db: sqlite3.Connection) -> None:
    """Roll back unless SQLite already did (a full disk or an I/O error ends the
    transaction itself): a second ROLLBACK would fail and hide the real cause."""
    if db.in_transaction:
        db.execute("ROLLBACK")


def _set_wal(db: sqlite3.Connection, tries: int = 100) -> None:
    """Switch to WAL, retrying while another process holds the lock: when several processes
    open a new file at once, SQLite answers this pragma "database is locked" at once,
    without waiting out the busy timeout (seen with four processes on one new store)."""
    for attempt in range(tries):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == tries - 1:
                raise
            time.sleep(0.05)

