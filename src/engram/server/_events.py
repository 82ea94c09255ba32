"""Queued adds and memory events: the part of the routes that talks to the job queue.

``add(async_mode=True)`` checks its input, queues the add in the store and answers at
once with Mem0's PENDING item; ``GET /v1/event/{id}/`` shows the job as Mem0's event.
Synchronous writes call :func:`notify`, which queues a webhook delivery per subscriber
(a queued add queues its deliveries itself, when it commits).

>>> pending("e1")["results"][0]["status"]
'PENDING'
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request

from engram._validate import build_scope, check_metadata, normalise_messages
from engram.errors import InvalidInput, NotFound
from engram.memory import MEMORY_TYPES
from engram.server import _webhooks as W
from engram.server._keys import Tenant
from engram.store._platform import Job, PlatformStore

__all__ = ["platform_of", "queue_add", "pending", "notify", "event_out"]

QUEUED = "Memory processing has been queued for background execution"


def platform_of(request: Request) -> PlatformStore:
    platform: PlatformStore = request.app.state.tenants.store.platform
    return platform


def pending(event_id: str) -> dict[str, Any]:
    return {"results": [{"message": QUEUED, "status": "PENDING", "event_id": event_id}]}


def queue_add(request: Request, tenant: Tenant, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Queue ``Memory.add(**kwargs)``: what can be checked now is (a bad message or a
    missing scope answers 400 here, not as a FAILED event later)."""
    normalise_messages(kwargs["messages"])
    build_scope(kwargs.get("user_id"), kwargs.get("agent_id"), kwargs.get("run_id"))
    check_metadata(kwargs.get("metadata"))
    kind = kwargs.get("memory_type")
    if kind is not None and kind not in MEMORY_TYPES:
        raise InvalidInput("memory_type", f"must be one of {MEMORY_TYPES} or None")
    job_id = platform_of(request).enqueue(tenant.namespace, "ADD", kwargs)
    request.app.state.jobs.wake()
    return pending(job_id)


def notify(request: Request, tenant: Tenant, results: list[dict[str, Any]]) -> None:
    """Queue the webhook deliveries of a synchronous write's result items."""
    platform = platform_of(request)
    jobs = W.deliveries(platform, tenant.namespace, W.events_of(results))
    if jobs:
        platform.enqueue_many(jobs)
        request.app.state.jobs.wake()


def notify_deleted(request: Request, tenant: Tenant, ids: list[str]) -> None:
    """``memory_delete`` deliveries for each memory a bulk delete (delete_all, an
    entity's delete, reset) removed; its text is gone, so ``data.memory`` is null."""
    notify(request, tenant, [{"id": i, "event": "DELETE", "memory": None} for i in ids])


def _ms(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    return round(delta.total_seconds() * 1000, 1)


def event_out(job: Job) -> dict[str, Any]:
    """A queued add as Mem0's event object."""
    out = job.results if isinstance(job.results, dict) else {}
    meta = {k: out[k] for k in ("add_id", "warnings", "relations") if k in out}
    meta["attempts"] = job.attempts
    return {"id": job.id, "event_type": "ADD", "status": job.status, "payload": job.payload,
            "metadata": meta, "results": out.get("results", []), "error": job.error,
            "created_at": job.created_at, "updated_at": job.updated_at,
            "started_at": job.started_at, "completed_at": job.completed_at,
            "latency": _ms(job.started_at, job.completed_at)}


def event(request: Request, tenant: Tenant, event_id: str) -> dict[str, Any]:
    job = platform_of(request).job(tenant.namespace, event_id)
    if job is None or job.kind != "ADD":
        raise NotFound("event", event_id)
    return event_out(job)


def events(request: Request, tenant: Tenant, page: int, size: int) -> dict[str, Any]:
    jobs, total = platform_of(request).jobs(tenant.namespace, "ADD", limit=size,
                                            offset=(page - 1) * size)
    path = request.url.path
    return {"count": total, "results": [event_out(j) for j in jobs],
            "next": f"{path}?page={page + 1}&page_size={size}" if page * size < total else None,
            "previous": f"{path}?page={page - 1}&page_size={size}" if page > 1 else None}
