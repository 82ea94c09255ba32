"""Small JSON routes the dashboard needs and the Platform API lacks: memories added per
day, for the project or one scope, and the number of users/agents/runs; one scope's graph.

    GET /v1/dashboard/activity/?days=30               -> the whole project
    GET /v1/dashboard/activity/?user_id=alice&days=14 -> one scope
    GET /v1/dashboard/graph/?user_id=alice            -> alice's relations and entities

Counts memories that are still stored, by the UTC day of their ``created_at``. Reading is
bounded (``MAX_SCANNED`` memories); past it the answer says ``"truncated": true``.

>>> from datetime import date
>>> [d["adds"] for d in bucket_days(["2025-03-02T10:00:00+00:00", "2025-03-02T23:59:00Z",
...                                  "2025-03-03T01:00:00+00:00", "2025-01-01"],
...                                 today=date(2025, 3, 3), days=3)]
[0, 2, 1]
>>> entities_of([{"source": "user", "target": "Anna"}, {"source": "Anna", "target": "Chicago"}])
['Anna', 'Chicago', 'user']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from engram.errors import InvalidInput
from engram.memory import Memory
from engram.server._auth import TenantDep
from engram.server._models import ERROR_RESPONSES
from engram.server._routes_memories import memory_for

__all__ = ["router", "bucket_days", "entities_of", "one_scope", "MAX_SCANNED"]

router = APIRouter(tags=["dashboard"], responses=ERROR_RESPONSES)
IdQ = Annotated[str | None, Query(min_length=1, max_length=256)]
MAX_SCANNED = 50_000  # memories read for one answer; bounds the cost of a busy project
PAGE = 1_000
KINDS = {"user": "user_id", "agent": "agent_id", "run": "run_id"}


def bucket_days(created: Iterable[str], *, today: date, days: int) -> list[dict[str, Any]]:
    """``days`` consecutive UTC days ending ``today``, each with how many timestamps fall
    on it (timestamps outside the window are ignored)."""
    first = today - timedelta(days=days - 1)
    counts = Counter(c[:10] for c in created if c)
    out = []
    for i in range(days):
        d = (first + timedelta(days=i)).isoformat()
        out.append({"date": d, "adds": counts.get(d, 0)})
    return out


def _created_since(mem: Memory, scope: dict[str, str], since: str,
                   budget: int) -> Iterator[tuple[str, str]]:
    """``(id, created_at)`` of a scope's memories created on or after ``since``, paged by
    cursor (stable while others write), at most ``budget`` of them."""
    cursor: str | None = None
    while budget > 0:
        page = mem.get_all(filters={"created_at": {"gte": since}}, page_size=min(PAGE, budget),
                           cursor=cursor, **scope)  # type: ignore[arg-type]
        for rec in page["results"]:
            yield rec["id"], rec["created_at"]
        budget -= len(page["results"])
        cursor = page.get("next_cursor")
        if not cursor or not page["results"]:
            return


@router.get("/v1/dashboard/activity/", summary="Memories added per day (dashboard)")
def activity(request: Request, tenant: TenantDep,
             days: Annotated[int, Query(ge=1, le=366)] = 30,
             user_id: IdQ = None, agent_id: IdQ = None, run_id: IdQ = None) -> dict[str, Any]:
    mem = memory_for(request, tenant)
    today = datetime.now(UTC).date()
    since = (today - timedelta(days=days - 1)).isoformat()
    given = {k: v for k, v in (("user_id", user_id), ("agent_id", agent_id),
                                ("run_id", run_id)) if v is not None}
    rows = mem.scopes()
    scopes = [given] if given else [
        {KINDS[r["type"]]: r["id"]} for r in rows
        if r["type"] in KINDS and (r.get("updated_at") or since)[:10] >= since]
    seen: dict[str, str] = {}  # a memory of user+agent is in two scopes: count it once
    for scope in scopes:
        for mid, created in _created_since(mem, scope, since, MAX_SCANNED - len(seen) + 1):
            seen[mid] = created
        if len(seen) > MAX_SCANNED:
            break
    kinds = Counter(r["type"] for r in rows)
    return {"days": bucket_days(seen.values(), today=today, days=days),
            "total": len(seen), "since": since, "truncated": len(seen) > MAX_SCANNED,
            "scopes": {k: kinds.get(k, 0) for k in KINDS}}


def one_scope(**ids: str | None) -> dict[str, str]:
    """The one scope id given, or :class:`InvalidInput` naming the field at fault."""
    given = {k: v for k, v in ids.items() if v is not None}
    if not given:
        raise InvalidInput(next(iter(ids)), "give one of " + ", ".join(ids))
    if len(given) > 1:
        raise InvalidInput(list(given)[1], "give only one of " + ", ".join(ids))
    return given


def entities_of(relations: Iterable[dict[str, Any]]) -> list[str]:
    """Distinct entity names of some relations, sorted (case-insensitively)."""
    return sorted({n for r in relations for n in (r["source"], r["target"])},
                  key=lambda n: (n.casefold(), n))


@router.get("/v1/dashboard/graph/", summary="One scope's graph relations (dashboard)")
def graph(request: Request, tenant: TenantDep, user_id: IdQ = None, agent_id: IdQ = None,
          run_id: IdQ = None) -> dict[str, Any]:
    scope = one_scope(user_id=user_id, agent_id=agent_id, run_id=run_id)
    # enable_graph=True reads what is stored even if extraction is off now; limit=1
    # because only the relations (newest first, at most the store's 1,000) are wanted.
    rels = memory_for(request, tenant).get_all(enable_graph=True, limit=1,
                                               **scope)["relations"]  # type: ignore[arg-type]
    return {"relations": rels, "entities": entities_of(rels)}
