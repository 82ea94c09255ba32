"""Memory routes, on Mem0 Platform paths: add, search, list (v1/v2/v3 spellings), get,
update, delete, history, delete by scope, undo an add. Each parses, makes one call on the tenant's
Memory, and returns its result; errors are mapped at the edge (``_errors``).

    POST /v3/memories/add/      {"messages": [...], "user_id": "alice"}
    POST /v3/memories/search/   {"query": "tea", "filters": {"user_id": "alice"}}
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from engram._limits import Limits
from engram._types import KEEP
from engram.errors import InvalidInput, NotSupported
from engram.memory import Memory
from engram.server import _events as EV
from engram.server import _requests as R
from engram.server._auth import TenantDep
from engram.server._keys import Tenant
from engram.server._models import (
    ERROR_RESPONSES,
    AddBody,
    AddOut,
    DeleteAllOut,
    HistoryOut,
    ListBody,
    ListOut,
    MemoryOut,
    MessageOut,
    PendingOut,
    ReextractBody,
    SearchBody,
    SearchOut,
    UpdateBody,
    VectorSearchBody,
)

router = APIRouter(tags=["memories"], responses=ERROR_RESPONSES)
IdQ = Annotated[str | None, Query(min_length=1, max_length=256)]


def memory_for(request: Request, tenant: Tenant) -> Memory:
    mem: Memory = request.app.state.tenants.memory(tenant.namespace)
    return mem


def limits_for(request: Request) -> Limits:
    """The server's per-call caps (shared with the MCP tools: ``engram._limits``)."""
    limits: Limits = request.app.state.settings.limits
    return limits


# -- add ----------------------------------------------------------------------------------


def _add(request: Request, tenant: Tenant, body: AddBody) -> dict[str, Any]:
    R.refuse_unsupported(body)
    limits_for(request).messages(body.messages)
    ids: dict[str, Any] = R.scope_ids(body.session_id, body.filters,
                      {"user_id": body.user_id, "agent_id": body.agent_id, "run_id": body.run_id})
    prompt = body.prompt or body.custom_instructions or body.agent_custom_instructions
    kwargs = {"messages": body.messages, **ids, "metadata": body.metadata, "infer": body.infer,
              "memory_type": body.memory_type, "prompt": prompt,
              "timestamp": R.timestamp_text(body.timestamp), "enable_graph": body.enable_graph,
              "expiration_date": body.expiration_date,
              "immutable": body.immutable, "custom_categories": body.custom_categories,
              "includes": body.includes, "excludes": body.excludes}
    if body.async_mode:  # queued in the store; a worker of this server applies it
        return EV.queue_add(request, tenant, kwargs)
    result = memory_for(request, tenant).add(**kwargs)
    metrics = request.app.state.metrics
    metrics.adds.inc(("true" if body.infer else "false",))
    for item in result["results"]:
        metrics.events.inc((item["event"],))
    EV.notify(request, tenant, result["results"])
    return result


@router.post("/v3/memories/add/", response_model=AddOut | PendingOut, response_model_exclude_unset=True, summary="Add memories")
def add_v3(request: Request, tenant: TenantDep, body: AddBody) -> dict[str, Any]:
    return _add(request, tenant, body)


@router.post("/v1/memories/", response_model=AddOut | PendingOut, response_model_exclude_unset=True, summary="Add memories (v1)")
def add_v1(request: Request, tenant: TenantDep, body: AddBody) -> dict[str, Any]:
    return _add(request, tenant, body)


# -- search -------------------------------------------------------------------------------


def _search(request: Request, tenant: Tenant, body: SearchBody) -> dict[str, Any]:
    R.refuse_unsupported(body)
    caps = limits_for(request)
    filters = R.platform_filters(body.filters)
    return memory_for(request, tenant).search(
        body.query, filters=filters, top_k=caps.cap(body.top_k, "top_k"),
        limit=caps.cap(body.limit, "limit"), threshold=body.threshold, rerank=body.rerank,
        user_id=body.user_id, agent_id=body.agent_id, run_id=body.run_id,
        search_mode=body.search_mode,  # type: ignore[arg-type]  # the facade checks the mode
        enable_graph=body.enable_graph, explain=body.explain, show_expired=body.show_expired,
        as_of=body.as_of, categories=body.categories,
        include_evidence=body.include_evidence, facts_only=body.facts_only,
        metadata=body.metadata, fields=body.fields, keyword_search=body.keyword_search,
        latest_only=body.latest_only, reference_date=body.reference_date)


@router.post("/v3/memories/search/", response_model=SearchOut, response_model_exclude_unset=True, summary="Search memories")
def search_v3(request: Request, tenant: TenantDep, body: SearchBody) -> dict[str, Any]:
    return _search(request, tenant, body)


@router.post("/v2/memories/search/", response_model=list[MemoryOut], response_model_exclude_unset=True,
             summary="Search memories (v2: a list)")
def search_v2(request: Request, tenant: TenantDep, body: SearchBody) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = _search(request, tenant, body)["results"]
    return hits


@router.post("/v1/memories/search/", response_model=list[MemoryOut], response_model_exclude_unset=True,
             summary="Search memories (v1: a list)")
def search_v1(request: Request, tenant: TenantDep, body: SearchBody) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = _search(request, tenant, body)["results"]
    return hits


@router.post("/v1/memories/search/vector/", response_model=SearchOut, response_model_exclude_unset=True,
             summary="Search memories by a query vector")
def search_by_vector(request: Request, tenant: TenantDep, body: VectorSearchBody) -> dict[str, Any]:
    R.refuse_unsupported(body)
    return memory_for(request, tenant).search_by_vector(
        body.vector, filters=R.platform_filters(body.filters),
        top_k=limits_for(request).cap(body.top_k, "top_k"),
        threshold=body.threshold, user_id=body.user_id, agent_id=body.agent_id,
        run_id=body.run_id)


# -- list ---------------------------------------------------------------------------------


def _list(request: Request, tenant: Tenant, body: ListBody) -> dict[str, Any]:
    R.refuse_unsupported(body)
    given = next((v for v in (body.page_size, body.limit, body.top_k) if v is not None), None)
    size = limits_for(request).cap(given, "page_size") or 100
    filters = R.platform_filters(body.filters)
    mem = memory_for(request, tenant)
    ids: dict[str, Any] = {"user_id": body.user_id, "agent_id": body.agent_id,
                           "run_id": body.run_id, "enable_graph": body.enable_graph,
                           "show_expired": body.show_expired, "as_of": body.as_of,
                           "categories": body.categories, "start_date": body.start_date,
                           "end_date": body.end_date, "latest_only": body.latest_only}
    if body.cursor is not None:
        if body.page is not None:
            raise InvalidInput("cursor", "give page or cursor, not both")
        out = mem.get_all(filters=filters, page_size=size, cursor=body.cursor, **ids)
        out["count"] = None
        return out
    page = body.page or 1
    out = mem.get_all(filters=filters, page=page, page_size=size, **ids)
    total = out["total"]
    path = request.url.path
    out["count"] = total
    out["next"] = f"{path}?page={page + 1}&page_size={size}" if page * size < total else None
    out["previous"] = f"{path}?page={page - 1}&page_size={size}" if page > 1 else None
    return out


def _paging(body: ListBody | None, page: int | None, page_size: int | None) -> ListBody:
    body = body or ListBody()
    updates = {k: v for k, v in (("page", page), ("page_size", page_size)) if v is not None}
    return body.model_copy(update=updates) if updates else body


PageQ = Annotated[int | None, Query(ge=1, le=1_000_000)]


@router.post("/v3/memories/", response_model=ListOut, response_model_exclude_unset=True, summary="List memories")
def list_v3(request: Request, tenant: TenantDep, body: ListBody | None = None,
            page: PageQ = None, page_size: PageQ = None) -> dict[str, Any]:
    return _list(request, tenant, _paging(body, page, page_size))


@router.post("/v2/memories/", response_model=ListOut, response_model_exclude_unset=True, summary="List memories (v2)")
def list_v2(request: Request, tenant: TenantDep, body: ListBody | None = None,
            page: PageQ = None, page_size: PageQ = None) -> dict[str, Any]:
    return _list(request, tenant, _paging(body, page, page_size))


@router.get("/v1/memories/", response_model=list[MemoryOut], response_model_exclude_unset=True,
            summary="List a scope's memories (v1: a list)")
def list_v1(request: Request, tenant: TenantDep, user_id: IdQ = None, agent_id: IdQ = None,
            run_id: IdQ = None, page: PageQ = None, page_size: PageQ = None,
            limit: PageQ = None) -> list[dict[str, Any]]:
    body = ListBody(user_id=user_id, agent_id=agent_id, run_id=run_id, page=page,
                    page_size=page_size or limit)
    results: list[dict[str, Any]] = _list(request, tenant, body)["results"]
    return results


@router.delete("/v1/memories/", response_model=DeleteAllOut,
               summary="Delete every memory of a scope")
def delete_all(request: Request, tenant: TenantDep, user_id: IdQ = None, agent_id: IdQ = None,
               run_id: IdQ = None,
               filters: Annotated[str | None, Query(description="JSON object.")] = None,
               app_id: Annotated[str | None, Query(include_in_schema=False)] = None,
               ) -> dict[str, Any]:
    if app_id:
        raise NotSupported("app_id: this Engram server has no apps; scope by user_id, "
                           "agent_id or run_id")
    out = memory_for(request, tenant).delete_all(
        user_id=user_id, agent_id=agent_id, run_id=run_id,
        filters=R.platform_filters(R.query_filters(filters)))
    EV.notify_deleted(request, tenant, out["ids"])
    return out


# -- one memory ---------------------------------------------------------------------------

@router.get("/v1/memories/{memory_id}/", response_model=MemoryOut, response_model_exclude_unset=True, summary="Get a memory")
def get_memory(request: Request, tenant: TenantDep, memory_id: str) -> dict[str, Any]:
    return memory_for(request, tenant).get(memory_id)


@router.put("/v1/memories/{memory_id}/", response_model=MessageOut, response_model_exclude_unset=True,
            summary="Update a memory's text and/or metadata")
def update_memory(request: Request, tenant: TenantDep, memory_id: str,
                  body: UpdateBody) -> dict[str, Any]:
    R.refuse_unsupported(body)
    if body.text is not None and body.data is not None:
        raise InvalidInput("data", "is an alias of text; give one, not both")
    # expiration_date: null clears it, left out keeps it (hence fields_set).
    expires = body.expiration_date if "expiration_date" in body.model_fields_set else KEEP
    out = memory_for(request, tenant).update(
        memory_id, text=body.text if body.text is not None else body.data,
        metadata=body.metadata, timestamp=R.timestamp_text(body.timestamp),
        expiration_date=expires)
    EV.notify(request, tenant, [{"id": memory_id, "event": "UPDATE", "memory": out.get("memory")}])
    return out


@router.delete("/v1/memories/{memory_id}/", response_model=MessageOut, response_model_exclude_unset=True,
               summary="Delete a memory")
def delete_memory(request: Request, tenant: TenantDep, memory_id: str,
                  delete_linked: Annotated[bool | None, Query(
                      description="Ignored: memories are not linked.")] = None,
                  with_evidence: Annotated[bool, Query(
                      description="Also delete the fact's evidence turns that no other "
                                  "fact cites.")] = False) -> dict[str, Any]:
    mem = memory_for(request, tenant)
    text = mem.get(memory_id)["memory"]
    out = mem.delete(memory_id, with_evidence=with_evidence)
    EV.notify(request, tenant, [{"id": memory_id, "event": "DELETE", "memory": text}]
              + [{"id": e, "event": "DELETE"} for e in out.get("evidence_deleted", [])])
    return out


@router.get("/v1/memories/{memory_id}/history/", response_model=list[HistoryOut],
            response_model_exclude_unset=True,
            summary="A memory's history, oldest first")
def history(request: Request, tenant: TenantDep, memory_id: str) -> list[dict[str, Any]]:
    return memory_for(request, tenant).history(memory_id)


@router.post("/v1/memories/reextract/", summary="Re-extract facts from the stored turns")
def reextract(request: Request, tenant: TenantDep, body: ReextractBody) -> dict[str, Any]:
    R.refuse_unsupported(body)
    return memory_for(request, tenant).reextract(
        body.filters, user_id=body.user_id, agent_id=body.agent_id, run_id=body.run_id,
        since=body.since, dry_run=body.dry_run)


@router.post("/v1/memories/undo/{add_id}/", response_model=AddOut, response_model_exclude_unset=True,
             summary="Undo an add (by its add_id or one of its history event ids)")
def undo(request: Request, tenant: TenantDep, add_id: str) -> dict[str, Any]:
    out = memory_for(request, tenant).undo(add_id)
    EV.notify(request, tenant, out["results"])  # what it deleted, reworded or restored
    return out
