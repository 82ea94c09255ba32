"""Webhooks: per-project subscriptions to memory events, and their signed deliveries.

A subscription is a record (kind ``webhook``) of the project's namespace. A memory event
becomes one delivery job per active subscription that wants its type; the job worker
(:mod:`engram.server._jobs`) POSTs it, retries with backoff, and keeps every attempt in
the job's results (the delivery log, ``GET /api/v1/webhooks/{id}/deliveries/``).

Each delivery carries ``X-Engram-Signature: t=<unix seconds>,v1=<hex>``, the HMAC-SHA256
of ``"<t>.<body>"`` under the subscription's secret (returned once, on create), so a
receiver can check the sender and refuse replays (:func:`verify`).

>>> sig = sign("s3cret", b'{"a":1}', at=1700000000)
>>> sig.startswith("t=1700000000,v1="), verify("s3cret", sig, b'{"a":1}', now=1700000001)
(True, True)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from typing import Any

from engram._ids import now
from engram.errors import InvalidInput, NotFound
from engram.store._platform import NewJob, PlatformStore, Record

__all__ = ["EVENT_TYPES", "SIGNATURE_HEADER", "sign", "verify", "events_of", "deliveries",
           "create", "update", "delete", "listing", "shown", "retry_after"]

# Mem0's event types: what an add, update or delete of a memory emits.
EVENT_TYPES = {"ADD": "memory_add", "UPDATE": "memory_update", "DELETE": "memory_delete"}
SIGNATURE_HEADER = "X-Engram-Signature"
KIND = "webhook"
MAX_BACKOFF = 3600.0


def sign(secret: str, body: bytes, *, at: int | None = None) -> str:
    t = int(time.time()) if at is None else at
    mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def verify(secret: str, header: str, body: bytes, *, tolerance: float = 300.0,
           now: float | None = None) -> bool:
    """True when ``header`` signs ``body`` with ``secret`` within ``tolerance`` seconds."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    if not parts.get("t", "").isdigit() or "v1" not in parts:
        return False
    t = int(parts["t"])
    if abs((time.time() if now is None else now) - t) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, body, at=t), header)


def retry_after(attempt: int, backoff: float) -> float:
    """Seconds before delivery attempt ``attempt + 1``: doubling from ``backoff``."""
    return float(min(backoff * 2 ** (attempt - 1), MAX_BACKOFF))


def events_of(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mem0's event bodies for an add/update/delete's result items (NONE emits nothing)."""
    return [{"event_type": EVENT_TYPES[r["event"]],
             "event_details": {"id": r["id"], "event": r["event"],
                               "data": {"memory": r.get("memory")}}}
            for r in results if r.get("event") in EVENT_TYPES]


def deliveries(platform: PlatformStore, ns: str, events: list[dict[str, Any]]) -> list[NewJob]:
    """One delivery job per (event, active subscription that wants its type)."""
    if not events:
        return []
    hooks = [h for h in platform.records(ns, KIND) if h.data.get("is_active", True)]
    return [(ns, "WEBHOOK", {"webhook_id": h.id, "body": ev | {"webhook_id": h.id,
                                                               "created_at": now()}}, h.id)
            for ev in events for h in hooks if ev["event_type"] in h.data["event_types"]]


def _types(value: Any) -> list[str]:
    if not isinstance(value, list) or not value:
        raise InvalidInput("event_types", f"must be a non-empty list of {sorted(EVENT_TYPES.values())}")
    unknown = [v for v in value if v not in EVENT_TYPES.values()]
    if unknown:
        raise InvalidInput("event_types", f"unknown event type {unknown[0]!r}; use "
                                          f"{', '.join(sorted(EVENT_TYPES.values()))}")
    return list(dict.fromkeys(value))


def _url(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")) \
            or len(value) > 2000:
        raise InvalidInput("url", "must be an http:// or https:// URL")
    return value


def shown(rec: Record, project: str, *, with_secret: bool = False) -> dict[str, Any]:
    """A subscription as Mem0 shows it (the secret only when just created)."""
    out = {"webhook_id": rec.id, "name": rec.data["name"], "url": rec.data["url"],
           "event_types": rec.data["event_types"], "is_active": rec.data.get("is_active", True),
           "project": project, "created_at": rec.created_at, "updated_at": rec.updated_at}
    if with_secret:
        out["secret"] = rec.data["secret"]
    return out


def create(platform: PlatformStore, ns: str, *, url: Any, name: Any,
           event_types: Any) -> Record:
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise InvalidInput("name", "must be a non-empty name (up to 200 characters)")
    data = {"name": name, "url": _url(url), "event_types": _types(event_types),
            "is_active": True, "secret": "whsec_" + secrets.token_hex(24)}
    return platform.put(ns, KIND, data, record_id="wh_" + secrets.token_hex(8))


def _one(platform: PlatformStore, ns: str, webhook_id: str) -> Record:
    found = platform.records(ns, KIND, record_id=str(webhook_id), limit=1)
    if not found:
        raise NotFound("webhook", str(webhook_id))
    return found[0]


def update(platform: PlatformStore, ns: str, webhook_id: str, changes: dict[str, Any]) -> Record:
    rec = _one(platform, ns, webhook_id)
    data = dict(rec.data)
    if changes.get("name") is not None:
        data["name"] = changes["name"]
    if changes.get("url") is not None:
        data["url"] = _url(changes["url"])
    if changes.get("event_types") is not None:
        data["event_types"] = _types(changes["event_types"])
    if changes.get("is_active") is not None:
        data["is_active"] = bool(changes["is_active"])
    return platform.put(ns, KIND, data, record_id=rec.id)


def delete(platform: PlatformStore, ns: str, webhook_id: str) -> None:
    _one(platform, ns, webhook_id)
    platform.drop(ns, KIND, str(webhook_id))


def listing(platform: PlatformStore, ns: str, project: str) -> list[dict[str, Any]]:
    return [shown(r, project) for r in platform.records(ns, KIND)]


def log(platform: PlatformStore, ns: str, webhook_id: str, limit: int) -> list[dict[str, Any]]:
    """The subscription's deliveries, newest first, each with its attempts."""
    _one(platform, ns, webhook_id)
    jobs, _ = platform.jobs(ns, "WEBHOOK", ref=str(webhook_id), limit=limit)
    return [{"id": j.id, "status": j.status, "event_type": j.payload["body"]["event_type"],
             "payload": j.payload["body"], "attempts": j.results or [], "error": j.error,
             "created_at": j.created_at, "completed_at": j.completed_at} for j in jobs]


def body_bytes(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
