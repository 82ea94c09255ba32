"""Platform routes beside the memories: queued-add events, feedback, exports, summaries.

    GET  /v1/event/{event_id}/   a queued add (async_mode=True) as Mem0's event
    GET  /v1/events/             the project's queued adds, newest first
    POST /v1/feedback/           {"memory_id", "feedback", "feedback_reason"}
    POST /v1/exports/            {"schema", "filters"} -> {"id", "message"}
    POST /v1/exports/get/        {"memory_export_id"} or {"filters"} -> the export
    POST /v1/summary/            {"filters"} -> {"summary", "memory_count", "method", ...}
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from engram.errors import InvalidInput, NotFound
from engram.server import _digest as D
from engram.server import _events as EV
from engram.server._auth import TenantDep
from engram.server._models import ERROR_RESPONSES
from engram.server._routes_memories import memory_for

router = APIRouter(tags=["platform"], responses=ERROR_RESPONSES)
FEEDBACK = ("POSITIVE", "NEGATIVE", "VERY_NEGATIVE")
PageQ = Annotated[int | None, Query(ge=1, le=1_000_000)]
Id = Field(default=None, min_length=1, max_length=256)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    org_id: str | None = Field(default=None, description="Ignored: the key decides.")
    project_id: str | None = Field(default=None, description="Ignored: the key decides.")


class FeedbackBody(_Body):
    memory_id: str = Field(min_length=1, max_length=256)
    feedback: str | None = Field(default=None, description="POSITIVE, NEGATIVE, VERY_NEGATIVE "
                                                            "or null (no opinion).")
    feedback_reason: str | None = Field(default=None, max_length=4000)


class ScopeBody(_Body):
    filters: dict[str, Any] | None = None
    user_id: str | None = Id
    agent_id: str | None = Id
    run_id: str | None = Id
    session_id: str | None = Id

    def where(self) -> dict[str, Any] | None:
        """``filters`` AND-ed with the top-level ids (``session_id`` is ``run_id``)."""
        ids = {k: v for k, v in (("user_id", self.user_id), ("agent_id", self.agent_id),
                                 ("run_id", self.run_id or self.session_id)) if v is not None}
        if not ids:
            return self.filters
        return {"AND": [self.filters, ids]} if self.filters else ids


class ExportBody(ScopeBody):
    schema_: dict[str, Any] | str | None = Field(default=None, alias="schema",
                                                 description="JSON schema of the export.")
    export_instructions: str | None = Field(default=None, description="Read by the LLM that "
                                            "fills the schema in (when one is configured).")


class ExportGetBody(ScopeBody):
    memory_export_id: str | None = Id


@router.get("/v1/event/{event_id}/", summary="A queued add's status and results")
def get_event(request: Request, tenant: TenantDep, event_id: str) -> dict[str, Any]:
    return EV.event(request, tenant, event_id)


@router.get("/v1/events/", summary="The project's queued adds, newest first")
def list_events(request: Request, tenant: TenantDep, page: PageQ = None,
                page_size: PageQ = None) -> dict[str, Any]:
    return EV.events(request, tenant, page or 1, min(page_size or 50, 500))


@router.post("/v1/feedback/", summary="Feedback on a memory (stored per memory)")
def feedback(request: Request, tenant: TenantDep, body: FeedbackBody) -> dict[str, Any]:
    value = body.feedback.upper() if body.feedback else None
    if value is not None and value not in FEEDBACK:
        raise InvalidInput("feedback", f"must be one of {', '.join(FEEDBACK)} or null")
    memory_for(request, tenant).get(body.memory_id)  # NotFound for an unknown memory
    rec = EV.platform_of(request).put(tenant.namespace, "feedback", {
        "feedback": value, "feedback_reason": body.feedback_reason}, ref=body.memory_id)
    return {"id": rec.id, "memory_id": body.memory_id, "feedback": value,
            "feedback_reason": body.feedback_reason, "created_at": rec.created_at}


@router.get("/v1/feedback/", summary="A memory's feedback, newest first (Engram extension)")
def list_feedback(request: Request, tenant: TenantDep,
                  memory_id: Annotated[str, Query(min_length=1, max_length=256)]
                  ) -> dict[str, Any]:
    recs = EV.platform_of(request).records(tenant.namespace, "feedback", ref=memory_id)
    return {"count": len(recs), "results": [
        {"id": r.id, "memory_id": r.ref, **r.data, "created_at": r.created_at} for r in recs]}


@router.post("/v1/exports/", status_code=201, summary="Export a scope's memories as JSON")
def create_export(request: Request, tenant: TenantDep, body: ExportBody) -> dict[str, Any]:
    schema = D.parse_schema(body.schema_)
    where = body.where()
    memories = D.scope_memories(memory_for(request, tenant), where)
    items = D.export_items(memories, schema)
    llm = request.app.state.tenants.llm
    # The LLM fills the schema in when there is one (Mem0's export); else the projection.
    data = D.llm_export(llm, memories, schema, body.export_instructions) \
        if llm is not None and schema and memories else None
    rec = EV.platform_of(request).put(tenant.namespace, "export", {
        "schema": schema, "filters": where, "memories": items, "data": data,
        "method": "llm" if data is not None else "projection",
        "export_instructions": body.export_instructions})
    return {"id": rec.id, "message": f"Memory export created with {len(items)} memories; "
                                     "fetch it with get_memory_export."}


@router.post("/v1/exports/get/", summary="An export, by id or by the filters it was made with")
def get_export(request: Request, tenant: TenantDep, body: ExportGetBody) -> dict[str, Any]:
    recs = EV.platform_of(request).records(tenant.namespace, "export",
                                           record_id=body.memory_export_id, limit=200)
    where = body.where()
    if where is not None:
        recs = [r for r in recs if r.data["filters"] == where]
    if not recs:
        raise NotFound("memory export", body.memory_export_id or "matching these filters")
    rec = recs[0]
    return {"id": rec.id, "status": "SUCCEEDED", **rec.data, "count": len(rec.data["memories"]),
            "created_at": rec.created_at}


@router.post("/v1/summary/", summary="A summary of a scope's memories")
def summary(request: Request, tenant: TenantDep, body: ScopeBody) -> dict[str, Any]:
    where = body.where()
    memories = D.scope_memories(memory_for(request, tenant), where)
    llm = request.app.state.tenants.llm
    text = D.llm_summary(llm, memories) if llm is not None and memories else \
        D.rules_summary(memories)
    dates = [m["created_at"] for m in memories if m.get("created_at")]
    return {"summary": text, "memory_count": len(memories),
            "method": "llm" if llm is not None and memories else "rules", "filters": where,
            "first_at": min(dates) if dates else None, "last_at": max(dates) if dates else None}
