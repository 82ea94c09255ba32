"""The pending-vector queue, written once for SQLite and PostgreSQL.

An add may commit a memory before its vector (``NewMemory.embedding is None``): the row
holds no vector (SQLite an empty BLOB, PostgreSQL NULL) and a queue row names it, both in
the add's transaction. Workers (:mod:`engram._vectors`) then claim rows, embed the texts
outside any transaction and write the vectors back:

    claim  -> one short transaction: rows whose lease is free or expired (PostgreSQL:
              FOR UPDATE SKIP LOCKED, so workers of many processes never take the same
              row), stamped with the worker's ``owner`` and a lease
    embed  -> no transaction, no lock
    finish -> one transaction: each vector (and the categories picked from it) written
              only if the memory still has the text that was embedded (same hash), then
              the queue rows deleted

A worker killed at any point leaves its rows queued; they are claimed again once the
lease runs out, or at once when the claimant is a dead process of this host (owner
``host:pid:...``). Deleting a memory deletes its queue row (foreign key); updating its
text writes a fresh vector in the same transaction and drops the row.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engram._types import EPISODE, Scope
from engram.store._dialect import SQLDialect, chunks

__all__ = ["VectorQueueSQL", "PendingText", "QUEUE_COLS", "owner_id", "owner_alive"]

# Copied by ``engram migrate``; a claim (owner, lease) is never copied.
QUEUE_COLS = ("memory_id", "ns", "length", "attempts", "error", "enqueued_at")


@dataclass(frozen=True)
class PendingText:
    """A claimed memory whose vector is to be written: its text as claimed, and what
    says how it is embedded (a stored turn's vector carries its speaker)."""

    id: str
    text: str
    hash: str
    memory_type: str | None = None
    actor_id: str | None = None


def owner_id(token: str) -> str:
    """A claimant's name: ``host:pid:token`` (the host and pid tell a dead claim)."""
    return f"{socket.gethostname()}:{os.getpid()}:{token}"


def owner_alive(owner: str) -> bool:
    """False only for a claimant of this host whose process is gone; others' claims
    (another host, or a live process) wait for their lease."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class VectorQueueSQL(SQLDialect):
    """See the module docstring; every method runs on the caller's connection."""

    def __init__(self, dialect: Any) -> None:
        super().__init__(dialect)
        self.Q, self.M = (("engram_vector_queue", "engram_memories") if self.pg
                          else ("vector_queue", "memories"))

    def enqueue(self, conn: Any, ns: str, items: Sequence[tuple[str, str]], now: str) -> None:
        """Queue ``(memory_id, text)`` pairs (in the transaction that inserts them)."""
        self._many(conn, f"INSERT INTO {self.Q} (memory_id, ns, length, enqueued_at) "  # noqa: S608
                   "VALUES (?, ?, ?, ?)", [(mid, ns, len(text), now) for mid, text in items])

    def requeue_all(self, conn: Any, now: str) -> int:
        """Queue every memory of every namespace whose vector is not pending yet: the
        store's embedder changed, and vectors of two models must not be compared. The
        old vectors serve searches until the workers replace them (a model of the same
        width: its vectors are far better than none). Returns how many were queued."""
        cur = conn.execute(self.q(
            f"INSERT INTO {self.Q} (memory_id, ns, length, enqueued_at) "  # noqa: S608
            f"SELECT m.id, m.ns, length(m.memory), ? FROM {self.M} m WHERE NOT EXISTS "
            f"(SELECT 1 FROM {self.Q} q WHERE q.memory_id = m.id)"), [now])
        return max(cur.rowcount, 0)

    def drop(self, conn: Any, ids: Sequence[str]) -> None:
        """Forget queue rows whose memory got a vector some other way (an update)."""
        for chunk in chunks(list(ids)):
            conn.execute(self.q(f"DELETE FROM {self.Q} WHERE memory_id IN "  # noqa: S608
                                f"({self._marks(len(chunk))})"), chunk)

    def claimants(self, conn: Any, ns: str, now: float) -> list[str]:
        """Owners holding live leases in ``ns`` (to find the dead among them)."""
        rows = self._all(conn, f"SELECT DISTINCT owner FROM {self.Q} WHERE ns = ? "  # noqa: S608
                         "AND owner IS NOT NULL AND lease_until >= ?", [ns, now])
        return [r[0] for r in rows]

    def claim(self, conn: Any, ns: str, owner: str, limit: int, now: float, lease: float,
              scope: Scope | None = None, dead: Sequence[str] = (),
              facts_only: bool = False, ids: Sequence[str] | None = None
              ) -> list[PendingText]:
        """Up to ``limit`` free rows of ``ns`` (oldest first; only ``scope``'s when
        given; no stored turns with ``facts_only``; only those of ``ids`` when given),
        stamped with ``owner`` until ``now + lease``."""
        cond, params = "(q.lease_until IS NULL OR q.lease_until < ?", [ns, now]
        if dead:
            cond += f" OR q.owner IN ({self._marks(len(dead))})"
            params += list(dead)
        cond += ")"
        join = ""
        if scope is not None or facts_only or ids is not None:
            sc, sp = _pinned(scope, facts_only, ids)
            join, cond = f" JOIN {self.M} m ON m.id = q.memory_id", f"{cond} AND {sc}"
            params += sp
        lock = " FOR UPDATE OF q SKIP LOCKED" if self.pg else ""
        ids = [r[0] for r in self._all(
            conn, f"SELECT q.memory_id FROM {self.Q} q{join} WHERE q.ns = ? AND {cond} "  # noqa: S608
            f"ORDER BY q.enqueued_at, q.memory_id LIMIT ?{lock}", [*params, limit])]
        if not ids:
            return []
        marks = self._marks(len(ids))
        conn.execute(self.q(f"UPDATE {self.Q} SET owner = ?, lease_until = ?, "  # noqa: S608
                            f"attempts = attempts + 1 WHERE memory_id IN ({marks})"),
                     [owner, now + lease, *ids])
        rows = self._all(conn, f"SELECT m.id, m.memory, m.hash, m.memory_type, m.actor_id "  # noqa: S608
                         f"FROM {self.M} m "  # noqa: S608
                         f"WHERE m.id IN ({marks})", ids)
        return [PendingText(*r) for r in rows]

    def finish(self, conn: Any, ns: str, owner: str,
               done: Sequence[tuple[PendingText, np.ndarray]], vec: Any,
               categories: Sequence[list[str]] | None = None, json: Any = None) -> int:
        """Write each vector (and ``categories[i]``, encoded by ``json``, when given)
        where the memory still holds the embedded text; delete the queue rows. Returns
        how many vectors were written."""
        mark = "%b" if self.pg else "?"
        cats = ", categories = ?" if categories is not None else ""
        if self.pg:
            done, categories = self._lockable(conn, ns, owner, done, categories)
        written = 0
        for i, (item, v) in enumerate(done):
            extra = [json(categories[i])] if categories is not None else []
            cur = conn.execute(
                self.q(f"UPDATE {self.M} SET embedding = {mark}{cats} WHERE ns = ? "  # noqa: S608
                       "AND id = ? AND hash = ?"), [vec(v), *extra, ns, item.id, item.hash])
            written += max(cur.rowcount, 0)
        for chunk in chunks([item.id for item, _ in done]):
            conn.execute(self.q(f"DELETE FROM {self.Q} WHERE owner = ? AND memory_id IN "  # noqa: S608
                                f"({self._marks(len(chunk))})"), [owner, *chunk])
        return written

    def _lockable(self, conn: Any, ns: str, owner: str,
                  done: Sequence[tuple[PendingText, np.ndarray]],
                  categories: Sequence[list[str]] | None
                  ) -> tuple[list[tuple[PendingText, np.ndarray]], list[list[str]] | None]:
        """PostgreSQL: the items whose memory row and queue row this transaction could
        lock without waiting; the others are given back to the queue for a later round.
        The writer never waits for a row lock, so it can never close a deadlock with an
        add that refreshes its neighbours' keyword context, or updates or deletes a
        pending memory, while holding rows the writer wants (the fresh-clone suite saw
        one: an import failing with "deadlock detected")."""
        ids = [item.id for item, _ in done]
        free: set[str] = set()
        held: set[str] = set()  # queue rows locked here: releasing them cannot wait
        for chunk in chunks(ids):
            marks = self._marks(len(chunk))
            rows = self._all(conn, f"SELECT id FROM {self.M} WHERE ns = ? AND id IN "  # noqa: S608
                             f"({marks}) FOR UPDATE SKIP LOCKED", [ns, *chunk])
            mine = self._all(conn, f"SELECT memory_id FROM {self.Q} WHERE owner = ? AND "  # noqa: S608
                             f"memory_id IN ({marks}) FOR UPDATE SKIP LOCKED", [owner, *chunk])
            held |= {r[0] for r in mine}
            free |= {r[0] for r in rows} & held
        busy = [i for i in ids if i not in free and i in held]
        if busy:  # claimed again next round; a queue row another transaction holds is
            # being deleted or was already given back, and its lease covers the rest
            self.release(conn, owner, busy, None, None)
        keep = [i for i, (item, _) in enumerate(done) if item.id in free]
        return ([done[i] for i in keep],
                [categories[i] for i in keep] if categories is not None else None)

    def release(self, conn: Any, owner: str, ids: Sequence[str], retry_at: float | None,
                error: str | None) -> None:
        """Give claimed rows back: free now (``retry_at`` None) or after ``retry_at``."""
        for chunk in chunks(list(ids)):
            conn.execute(self.q(f"UPDATE {self.Q} SET owner = NULL, lease_until = ?, "  # noqa: S608
                                f"error = ? WHERE owner = ? AND memory_id IN "
                                f"({self._marks(len(chunk))})"), [retry_at, error, owner, *chunk])

    def count(self, conn: Any, ns: str, scope: Scope | None = None,
              facts_only: bool = False, ids: Sequence[str] | None = None) -> int:
        """Memories of ``ns`` (of ``scope`` when given; no stored turns with
        ``facts_only``; among ``ids`` when given) whose vector is pending, claimed or
        not."""
        if scope is None and not facts_only and ids is None:
            return int(self._all(conn, f"SELECT count(*) FROM {self.Q} WHERE ns = ?",  # noqa: S608
                                 [ns])[0][0])
        sc, sp = _pinned(scope, facts_only, ids)
        return int(self._all(conn, f"SELECT count(*) FROM {self.Q} q JOIN {self.M} m "  # noqa: S608
                             f"ON m.id = q.memory_id WHERE q.ns = ? AND {sc}", [ns, *sp])[0][0])

    def last_error(self, conn: Any, ns: str) -> str | None:
        rows = self._all(conn, f"SELECT error FROM {self.Q} WHERE ns = ? AND error IS NOT NULL "  # noqa: S608
                         "LIMIT 1", [ns])
        return rows[0][0] if rows else None


def _pinned(scope: Scope | None, facts_only: bool = False,
            ids: Sequence[str] | None = None) -> tuple[str, list[Any]]:
    """The scope's given ids (``user_id = ?``...), as a search filter pins them: the
    memories a search or a reconciliation of that scope reads; with ``facts_only``, not
    the stored turns (a reconciliation compares facts with facts only); with ``ids``,
    those memories only (a ``get`` that reads its own write)."""
    pairs = [] if scope is None else [
        (c, v) for c, v in (("user_id", scope.user_id), ("agent_id", scope.agent_id),
                            ("run_id", scope.run_id)) if v is not None]
    conds = [f"m.{c} = ?" for c, _ in pairs]
    params: list[Any] = [v for _, v in pairs]
    if facts_only:
        conds.append("(m.memory_type IS NULL OR m.memory_type <> ?)")
        params.append(EPISODE)
    if ids is not None:
        conds.append(f"m.id IN ({SQLDialect._marks(len(ids))})" if ids else "1 = 0")
        params.extend(ids)
    return (" AND ".join(conds) or "1 = 1"), params
