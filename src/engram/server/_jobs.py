"""The server's job worker: applies queued adds (``async_mode=True``) and delivers webhooks.

Jobs live in the store (:mod:`engram.store._platform`), so a queued add survives a
crash of the server: the next worker to look, in this process after a restart or in
another worker process, claims it. A claim is a lease that this worker renews while it
holds the job; a worker that died stops renewing and its job is taken over when the
lease runs out.

An add runs exactly once: its ``add_id`` is the job's id (``preset_add_id``), so a worker
that takes over a job first asks the history whether that add already committed, and
then only records the outcome. A failed add is retried (with backoff) when the failure
may pass (store, embedder, a retryable LLM error), else marked FAILED with the error.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from typing import TYPE_CHECKING, Any

import httpx

from engram._add import preset_add_id
from engram._ids import now
from engram.errors import EmbedderError, EngramError, LLMError, StoreError
from engram.server import _webhooks as W
from engram.server._logging import logger
from engram.store._platform import Job

if TYPE_CHECKING:
    from engram.server._settings import ServerSettings
    from engram.server._tenants import Tenants

__all__ = ["JobWorker", "retryable"]


def retryable(exc: EngramError) -> bool:
    """Whether trying the same add again later may succeed."""
    if isinstance(exc, LLMError):
        return exc.retryable
    return isinstance(exc, StoreError | EmbedderError)


class JobWorker:
    """``threads`` threads claiming jobs, plus one renewing their leases."""

    def __init__(self, tenants: Tenants, settings: ServerSettings) -> None:
        self.tenants = tenants
        self.settings = settings
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._held: set[str] = set()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._http = httpx.Client(timeout=settings.webhook_timeout, follow_redirects=False)

    @property
    def platform(self) -> Any:
        return self.tenants.store.platform

    def start(self) -> None:
        if self.settings.job_workers < 1:
            return
        targets = [self._loop] * self.settings.job_workers + [self._heartbeat]
        self._threads = [threading.Thread(target=t, name=f"engram-jobs-{i}", daemon=True)
                         for i, t in enumerate(targets)]
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._threads:
            t.join(timeout=self.settings.webhook_timeout + 5)
        self._http.close()

    def wake(self) -> None:
        """A job was queued here: look now rather than at the next poll."""
        self._wake.set()

    # -- the loops ------------------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                ran = self.run_once()
            except Exception:  # noqa: BLE001  # the worker's edge: log, keep serving the queue
                logger.exception("job worker error")
                ran = False
            if not ran:
                self._wake.wait(self.settings.job_poll)
                self._wake.clear()

    def _heartbeat(self) -> None:
        lease = self.settings.job_lease
        while not self._stop.wait(lease / 3):
            with self._lock:
                held = list(self._held)
            try:
                self.platform.renew(self.owner, held, lease=lease)
            except StoreError:
                logger.warning("cannot renew job leases", extra={"jobs": len(held)})

    def run_once(self) -> bool:
        """Claim and run one job; False when none was due."""
        job = self.platform.claim(self.owner, lease=self.settings.job_lease)
        if job is None:
            return False
        with self._lock:
            self._held.add(job.id)
        try:
            if job.kind == "ADD":
                self._add(job)
            elif job.kind == "WEBHOOK":
                self._deliver(job)
            else:
                self._settle(job, "FAILED", error=f"unknown job kind {job.kind!r}")
        except Exception as e:  # noqa: BLE001  # a bug must not leave the job RUNNING forever
            logger.exception("job failed", extra={"job": job.id})
            self._settle(job, "FAILED", error=f"internal error: {type(e).__name__}")
        finally:
            with self._lock:
                self._held.discard(job.id)
        return True

    def _settle(self, job: Job, status: str, **kw: Any) -> None:
        if not self.platform.settle(job.id, self.owner, status, **kw):
            logger.warning("job lease lost before its outcome was recorded",
                           extra={"job": job.id})

    # -- adds -----------------------------------------------------------------------------

    def _add(self, job: Job) -> None:
        out = self._committed(job) if job.attempts > 1 else None
        if out is None:
            try:
                with preset_add_id(job.id):
                    out = self.tenants.memory(job.ns).add(**job.payload)
            except EngramError as e:
                if retryable(e) and job.attempts < self.settings.job_attempts:
                    self._settle(job, "PENDING", error=str(e),
                                 retry_in=W.retry_after(job.attempts, self.settings.job_backoff))
                else:
                    self._settle(job, "FAILED", error=f"{type(e).__name__}: {e}")
                return
        then = W.deliveries(self.platform, job.ns, W.events_of(out["results"]))
        self._settle(job, "SUCCEEDED", results=out, then=then)

    def _committed(self, job: Job) -> dict[str, Any] | None:
        """The outcome of this job's add when an earlier attempt committed it."""
        events = self.tenants.store.change_events(job.ns, job.id)
        if not events:
            return None
        return {"results": [{"id": e.memory_id, "event": e.event,
                             "memory": e.new_memory if e.new_memory is not None
                             else e.old_memory} for e in events], "add_id": job.id}

    # -- webhooks -------------------------------------------------------------------------

    def _deliver(self, job: Job) -> None:
        found = self.platform.records(job.ns, W.KIND, record_id=job.payload["webhook_id"],
                                      limit=1)
        log = list(job.results or [])
        if not found or not found[0].data.get("is_active", True):
            self._settle(job, "FAILED", results=log, error="the webhook was deleted or "
                                                           "deactivated")
            return
        hook = found[0].data
        body = W.body_bytes(job.payload["body"])
        headers = {"Content-Type": "application/json", "User-Agent": "engram-webhooks",
                   W.SIGNATURE_HEADER: W.sign(hook["secret"], body),
                   "X-Engram-Delivery": job.id,
                   "X-Engram-Event": job.payload["body"]["event_type"]}
        code: int | None = None
        try:
            code = self._http.post(hook["url"], content=body, headers=headers).status_code
            error = None if 200 <= code < 300 else f"HTTP {code}"
        except httpx.HTTPError as e:
            error = f"{type(e).__name__}: {e}"
        log.append({"attempt": job.attempts, "at": now(), "status_code": code,
                    "error": error})
        if error is None:
            self._settle(job, "SUCCEEDED", results=log)
        elif (code is not None and 400 <= code < 500 and code not in (408, 429)) or \
                job.attempts >= self.settings.webhook_attempts:
            self._settle(job, "FAILED", results=log, error=error)
        else:
            self._settle(job, "PENDING", results=log, error=error,
                         retry_in=W.retry_after(job.attempts, self.settings.webhook_backoff))
