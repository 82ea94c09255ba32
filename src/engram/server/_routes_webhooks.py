"""Webhook routes (Mem0's paths; the subscriptions live in the project's namespace).

    GET    /api/v1/webhooks/projects/{project_id}/   the project's webhooks
    POST   /api/v1/webhooks/projects/{project_id}/   {"url", "name", "event_types"}
    PUT    /api/v1/webhooks/{webhook_id}/            {"name"?, "url"?, "event_types"?, ...}
    DELETE /api/v1/webhooks/{webhook_id}/
    GET    /api/v1/webhooks/{webhook_id}/deliveries/ the delivery log (Engram extension)

``project_id`` must be the key's own project: a key never sees another project's hooks.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from engram.errors import NotFound
from engram.server import _webhooks as W
from engram.server._auth import TenantDep
from engram.server._events import platform_of
from engram.server._keys import Tenant
from engram.server._models import ERROR_RESPONSES

router = APIRouter(tags=["webhooks"], responses=ERROR_RESPONSES)


class WebhookBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(description="Where events are POSTed (http or https).")
    name: str = Field(description="A name to tell webhooks apart.")
    event_types: list[str] = Field(description="memory_add, memory_update, memory_delete.")


class WebhookUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str | None = None
    name: str | None = None
    event_types: list[str] | None = None
    is_active: bool | None = Field(default=None, description="False pauses deliveries.")


def _project(tenant: Tenant, project_id: str) -> None:
    if project_id != tenant.project:
        raise NotFound("project", project_id)


@router.get("/api/v1/webhooks/projects/{project_id}/", summary="The project's webhooks")
def list_webhooks(request: Request, tenant: TenantDep, project_id: str) -> list[dict[str, Any]]:
    _project(tenant, project_id)
    return W.listing(platform_of(request), tenant.namespace, tenant.project)


@router.post("/api/v1/webhooks/projects/{project_id}/", status_code=201,
             summary="Subscribe a URL to memory events (the answer holds its secret)")
def create_webhook(request: Request, tenant: TenantDep, project_id: str,
                   body: WebhookBody) -> dict[str, Any]:
    _project(tenant, project_id)
    rec = W.create(platform_of(request), tenant.namespace, url=body.url, name=body.name,
                   event_types=body.event_types)
    return W.shown(rec, tenant.project, with_secret=True)


@router.put("/api/v1/webhooks/{webhook_id}/", summary="Change a webhook")
def update_webhook(request: Request, tenant: TenantDep, webhook_id: str,
                   body: WebhookUpdate) -> dict[str, Any]:
    rec = W.update(platform_of(request), tenant.namespace, webhook_id,
                   body.model_dump(exclude_none=True))
    return {"message": "Webhook updated successfully"} | W.shown(rec, tenant.project)


@router.delete("/api/v1/webhooks/{webhook_id}/", summary="Delete a webhook")
def delete_webhook(request: Request, tenant: TenantDep, webhook_id: str) -> dict[str, Any]:
    W.delete(platform_of(request), tenant.namespace, webhook_id)
    return {"message": "Webhook deleted successfully"}


@router.get("/api/v1/webhooks/{webhook_id}/deliveries/",
            summary="A webhook's deliveries, newest first, with every attempt")
def deliveries(request: Request, tenant: TenantDep, webhook_id: str,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    log = W.log(platform_of(request), tenant.namespace, webhook_id, limit)
    return {"count": len(log), "results": log}
