"""The Platform data of a store (:attr:`SQLStore.platform`): the job queue and the small
records, each call one transaction on the store's own connections (SQL in
:mod:`engram.store._platform_sql`).

>>> import tempfile, os
>>> from engram.store.sqlite import SQLiteStore
>>> st = SQLiteStore(os.path.join(tempfile.mkdtemp(), "t.db"), dims=2, model_id="m")
>>> jid = st.platform.enqueue("acme", "ADD", {"messages": "hi"})
>>> st.platform.claim("worker-1", lease=30).id == jid, st.platform.claim("worker-2", lease=30)
(True, None)
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

from engram._ids import new_id, now
from engram.store._platform_sql import Job, PlatformSQL, Record

__all__ = ["PlatformStore", "Job", "Record", "NewJob", "later"]

# (ns, kind, payload, ref): a job to enqueue beside another write.
NewJob = tuple[str, str, dict[str, Any], str | None]


def later(seconds: float) -> str:
    """The store's time format (see :func:`engram._ids.now`), ``seconds`` from now."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat(timespec="microseconds")


class PlatformStore:
    """See the module docstring. ``read``/``write`` are the store's connection makers."""

    def __init__(self, sql: PlatformSQL, read: Callable[[str], AbstractContextManager[Any]],
                 write: Callable[[str], AbstractContextManager[Any]]) -> None:
        self._sql = sql
        self._read = read
        self._write = write

    # -- jobs ---------------------------------------------------------------------------

    def enqueue(self, ns: str, kind: str, payload: dict[str, Any], *, ref: str | None = None,
                job_id: str | None = None) -> str:
        """Queue one job; returns its id. Durable once this returns."""
        jid = job_id or new_id()
        with self._write("cannot queue the job, nothing was queued") as conn:
            self._sql.enqueue(conn, [(jid, ns, kind, ref, payload)], now())
        return jid

    def enqueue_many(self, jobs: list[NewJob]) -> list[str]:
        if not jobs:
            return []
        ids = [new_id() for _ in jobs]
        with self._write("cannot queue the jobs, nothing was queued") as conn:
            self._sql.enqueue(conn, [(jid, ns, kind, ref, p)
                                     for jid, (ns, kind, p, ref) in zip(ids, jobs, strict=True)],
                              now())
        return ids

    def claim(self, owner: str, *, lease: float) -> Job | None:
        """The next job due, held by ``owner`` for ``lease`` seconds (see :meth:`renew`)."""
        with self._read("cannot read the job queue") as conn:
            if not self._sql.due(conn, now()):
                return None
        with self._write("cannot claim a job") as conn:
            return self._sql.claim(conn, owner, now(), later(lease))

    def renew(self, owner: str, ids: list[str], *, lease: float) -> None:
        if ids:
            with self._write("cannot renew the job leases") as conn:
                self._sql.renew(conn, owner, ids, later(lease))

    def settle(self, job_id: str, owner: str, status: str, *, results: Any = None,
               error: str | None = None, retry_in: float | None = None,
               then: list[NewJob] | None = None) -> bool:
        """Finish a claimed job (``status`` SUCCEEDED or FAILED), or put it back for a retry
        in ``retry_in`` seconds (``status`` PENDING); ``then`` are jobs queued in the same
        transaction (a finished add's webhook deliveries). False, and nothing written, when
        ``owner`` lost the job."""
        with self._write("cannot record the job's outcome") as conn:
            stamp = now()
            ok = self._sql.settle(conn, job_id, owner, status, stamp, results=results,
                                  error=error,
                                  run_after=later(retry_in) if retry_in is not None else None)
            if ok and then:
                self._sql.enqueue(conn, [(new_id(), ns, kind, ref, p)
                                         for ns, kind, p, ref in then], stamp)
            return ok

    def job(self, ns: str, job_id: str) -> Job | None:
        with self._read("cannot read the job") as conn:
            return self._sql.job(conn, ns, job_id)

    def jobs(self, ns: str, kind: str, *, ref: str | None = None, limit: int = 100,
             offset: int = 0) -> tuple[list[Job], int]:
        with self._read("cannot read the jobs") as conn:
            return self._sql.jobs(conn, ns, kind, ref, limit, offset)

    # -- records ------------------------------------------------------------------------

    def put(self, ns: str, kind: str, data: dict[str, Any], *, ref: str | None = None,
            record_id: str | None = None) -> Record:
        """Store a new record, or replace the data of ``record_id`` (created_at kept)."""
        stamp = now()
        with self._write("cannot store the record, nothing was stored") as conn:
            old = self._sql.records(conn, ns, kind, rid=record_id, limit=1) \
                if record_id else []
            rec = Record(record_id or new_id(), ns, kind, ref, data,
                         old[0].created_at if old else stamp, stamp)
            self._sql.put(conn, rec)
        return rec

    def records(self, ns: str, kind: str, *, ref: str | None = None,
                record_id: str | None = None, limit: int = 1000) -> list[Record]:
        with self._read("cannot read the records") as conn:
            return self._sql.records(conn, ns, kind, ref, record_id, limit)

    def drop(self, ns: str, kind: str, record_id: str | None = None) -> int:
        with self._write("cannot delete the records") as conn:
            return self._sql.drop(conn, ns, kind, record_id)
