"""The server's Platform data, written once for SQLite and PostgreSQL: a durable job
queue (``jobs``: async adds, webhook deliveries) and a small document table
(``records``: feedback, exports, webhook subscriptions), both in the memory store's
database so ``engram migrate`` copies them and a backup holds them.

A job is claimed by one worker at a time: the claim sets ``owner`` and a lease; a job
whose lease ran out (its worker died) is claimed again by the next worker that looks.
Finishing checks the owner, so a worker that lost its lease cannot overwrite the result
of the one that took the job over. PostgreSQL claims with ``FOR UPDATE SKIP LOCKED``;
SQLite's write transaction (``BEGIN IMMEDIATE``) already admits one claimer at a time.

>>> PlatformSQL("postgres").J
'engram_jobs'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from engram.store._dialect import Dialect, SQLDialect

__all__ = ["PlatformSQL", "Job", "Record"]


@dataclass(frozen=True)
class Job:
    """One queued unit of work (``kind`` ADD or WEBHOOK) and where it stands."""

    id: str
    ns: str
    kind: str
    ref: str | None  # what the job belongs to (a webhook's id for a delivery)
    status: str  # PENDING | RUNNING | SUCCEEDED | FAILED
    payload: dict[str, Any]
    results: Any
    error: str | None
    attempts: int
    run_after: str
    created_at: str
    updated_at: str
    started_at: str | None
    completed_at: str | None


@dataclass(frozen=True)
class Record:
    """A small JSON document of a namespace (feedback, an export, a webhook)."""

    id: str
    ns: str
    kind: str
    ref: str | None
    data: dict[str, Any]
    created_at: str
    updated_at: str


_JOB = ("id, ns, kind, ref, status, payload, results, error, attempts, run_after, "
        "created_at, updated_at, started_at, completed_at")
_REC = "id, ns, kind, ref, data, created_at, updated_at"


def _job(row: Any) -> Job:
    (jid, ns, kind, ref, status, payload, results, error, attempts, run_after, created,
     updated, started, completed) = row
    return Job(jid, ns, kind, ref, status, json.loads(payload),
               json.loads(results) if results is not None else None, error, int(attempts),
               run_after, created, updated, started, completed)


def _rec(row: Any) -> Record:
    rid, ns, kind, ref, data, created, updated = row
    return Record(rid, ns, kind, ref, json.loads(data), created, updated)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class PlatformSQL(SQLDialect):
    """See the module docstring; every method runs on the caller's connection."""

    # Column lists in table order: ``engram migrate`` copies both tables with them.
    JOB_COLS = ("id", "ns", "kind", "ref", "status", "payload", "results", "error",
                "attempts", "owner", "lease_until", "run_after", "created_at", "updated_at",
                "started_at", "completed_at")
    RECORD_COLS = ("id", "ns", "kind", "ref", "data", "created_at", "updated_at")

    def __init__(self, dialect: Dialect) -> None:
        super().__init__(dialect)
        self.J = "jobs" if dialect == "sqlite" else "engram_jobs"
        self.R = "records" if dialect == "sqlite" else "engram_records"

    # -- the job queue ------------------------------------------------------------------

    def enqueue(self, conn: Any, jobs: list[tuple[str, str, str, str | None, dict[str, Any]]],
                now: str, run_after: str | None = None) -> None:
        """Insert ``(id, ns, kind, ref, payload)`` jobs, PENDING from ``run_after``."""
        self._many(conn, f"INSERT INTO {self.J} (id, ns, kind, ref, status, payload, attempts, "
                   "run_after, created_at, updated_at) VALUES (?,?,?,?,'PENDING',?,0,?,?,?)",
                   [(jid, ns, kind, ref, _dump(p), run_after or now, now, now)
                    for jid, ns, kind, ref, p in jobs])

    def due(self, conn: Any, now: str) -> bool:
        """Whether any job could be claimed now (a read: idle polls take no write lock)."""
        return conn.execute(self.q(
            f"SELECT 1 FROM {self.J} WHERE (status = 'PENDING' AND run_after <= ?) "  # noqa: S608
            "OR (status = 'RUNNING' AND lease_until < ?) LIMIT 1"), [now, now]).fetchone() \
            is not None

    def claim(self, conn: Any, owner: str, now: str, lease_until: str) -> Job | None:
        """The oldest job due (PENDING and due, or RUNNING with an expired lease), now
        RUNNING under ``owner`` until ``lease_until``."""
        lock = " FOR UPDATE SKIP LOCKED" if self.pg else ""
        row = conn.execute(self.q(
            f"SELECT id FROM {self.J} WHERE (status = 'PENDING' AND run_after <= ?) "  # noqa: S608
            f"OR (status = 'RUNNING' AND lease_until < ?) ORDER BY seq LIMIT 1{lock}"),
            [now, now]).fetchone()
        if row is None:
            return None
        conn.execute(self.q(
            f"UPDATE {self.J} SET status = 'RUNNING', owner = ?, lease_until = ?, "  # noqa: S608
            "attempts = attempts + 1, started_at = COALESCE(started_at, ?), updated_at = ? "
            "WHERE id = ?"), [owner, lease_until, now, now, row[0]])
        return self.job(conn, None, row[0])

    def renew(self, conn: Any, owner: str, ids: list[str], lease_until: str) -> None:
        for jid in ids:
            conn.execute(self.q(f"UPDATE {self.J} SET lease_until = ? WHERE id = ? "  # noqa: S608
                                "AND owner = ? AND status = 'RUNNING'"),
                         [lease_until, jid, owner])

    def settle(self, conn: Any, jid: str, owner: str, status: str, now: str, *,
               results: Any = None, error: str | None = None,
               run_after: str | None = None) -> bool:
        """End a claim: SUCCEEDED/FAILED (done), or PENDING again from ``run_after`` (a
        retry). False when ``owner`` no longer holds the job (nothing is changed)."""
        done = now if status in ("SUCCEEDED", "FAILED") else None
        cur = conn.execute(self.q(
            f"UPDATE {self.J} SET status = ?, results = ?, error = ?, owner = NULL, "  # noqa: S608
            "lease_until = NULL, run_after = COALESCE(?, run_after), completed_at = ?, "
            "updated_at = ? WHERE id = ? AND owner = ? AND status = 'RUNNING'"),
            [status, _dump(results) if results is not None else None, error, run_after, done,
             now, jid, owner])
        return bool(cur.rowcount)

    def job(self, conn: Any, ns: str | None, jid: str) -> Job | None:
        sql, params = f"SELECT {_JOB} FROM {self.J} WHERE id = ?", [jid]  # noqa: S608
        if ns is not None:
            sql, params = sql + " AND ns = ?", [jid, ns]
        row = conn.execute(self.q(sql), params).fetchone()
        return _job(row) if row else None

    def jobs(self, conn: Any, ns: str, kind: str, ref: str | None, limit: int,
             offset: int) -> tuple[list[Job], int]:
        """A namespace's jobs of one kind (and ``ref``), newest first, and their count."""
        cond, params = "ns = ? AND kind = ?", [ns, kind]
        if ref is not None:
            cond, params = cond + " AND ref = ?", [*params, ref]
        rows = self._all(conn, f"SELECT {_JOB} FROM {self.J} WHERE {cond} "  # noqa: S608
                         "ORDER BY seq DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        total = conn.execute(self.q(f"SELECT count(*) FROM {self.J} WHERE {cond}"),  # noqa: S608
                             params).fetchone()[0]
        return [_job(r) for r in rows], int(total)

    # -- records ------------------------------------------------------------------------

    def put(self, conn: Any, rec: Record) -> None:
        """Insert ``rec``, or replace the data of the record with its id."""
        conn.execute(self.q(
            f"INSERT INTO {self.R} ({_REC}) VALUES (?,?,?,?,?,?,?) "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at"),
            [rec.id, rec.ns, rec.kind, rec.ref, _dump(rec.data), rec.created_at,
             rec.updated_at])

    def records(self, conn: Any, ns: str, kind: str, ref: str | None = None,
                rid: str | None = None, limit: int = 1000) -> list[Record]:
        """A namespace's records of one kind (by ``ref`` or id), newest first."""
        cond, params = "ns = ? AND kind = ?", [ns, kind]
        for col, value in (("ref", ref), ("id", rid)):
            if value is not None:
                cond, params = cond + f" AND {col} = ?", [*params, value]
        rows = self._all(conn, f"SELECT {_REC} FROM {self.R} WHERE {cond} "  # noqa: S608
                         "ORDER BY seq DESC LIMIT ?", [*params, limit])
        return [_rec(r) for r in rows]

    def drop(self, conn: Any, ns: str, kind: str, rid: str | None = None) -> int:
        """Delete a namespace's records of a kind (or the one with id ``rid``)."""
        cond, params = "ns = ? AND kind = ?", [ns, kind]
        if rid is not None:
            cond, params = cond + " AND id = ?", [*params, rid]
        cur = conn.execute(self.q(f"DELETE FROM {self.R} WHERE {cond}"), params)  # noqa: S608
        return int(cur.rowcount)
