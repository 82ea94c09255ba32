"""Project-level routes: ping, entities (users/agents/runs), batch update/delete, reset,
and the Platform features this server lacks (501 with a message, never 404 or 500).

    GET    /v1/ping/                 -> {"org_id", "project_id", ...}
    GET    /v1/entities/             -> {"count", "results": [{"type", "name", ...}]}
    GET    /api/v1/orgs/organizations/{org}/projects/{project}/   the project's settings
    PUT    /v1/batch/                {"memories": [{"memory_id", "text"?, "metadata"?}]}
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from engram._mem0_api import APPS, ORGS, PROFILES
from engram.errors import InvalidInput, NotFound, NotSupported
from engram.server import _events as EV
from engram.server._auth import TenantDep
from engram.server._keys import Tenant
from engram.server._models import (
    ERROR_RESPONSES,
    BatchDeleteBody,
    BatchOut,
    BatchUpdateBody,
    DeleteAllOut,
    EntitiesOut,
    FlushOut,
    PingOut,
)
from engram.server._routes_memories import limits_for, memory_for

router = APIRouter(tags=["project"], responses=ERROR_RESPONSES)
ENTITY_KINDS = {"user": "user_id", "agent": "agent_id", "run": "run_id"}


@router.get("/v1/ping/", response_model=PingOut, summary="Check a key; names its org/project")
def ping(tenant: TenantDep) -> dict[str, Any]:
    return {"status": "ok", "org_id": tenant.org, "project_id": tenant.project,
            "user_email": None, "key_id": tenant.key_id}


@router.get("/v1/entities/", response_model=EntitiesOut,
            summary="Users, agents and runs that hold memories")
def entities(request: Request, tenant: TenantDep) -> dict[str, Any]:
    rows = memory_for(request, tenant).scopes()
    results = [{"id": r["id"], "name": r["id"], "type": r["type"],
                "total_memories": r["total_memories"], "created_at": r["created_at"],
                "updated_at": r["updated_at"]} for r in rows]
    return {"count": len(results), "results": results}


def _delete_entity(request: Request, tenant: Tenant, entity_type: str,
                   entity_id: str) -> dict[str, Any]:
    if entity_type == "app":
        raise NotSupported(f"entity_type: {APPS}")
    key = ENTITY_KINDS.get(entity_type)
    if key is None:
        raise InvalidInput("entity_type", f"must be user, agent or run, got {entity_type!r}")
    scope: dict[str, Any] = {key: entity_id}
    result = memory_for(request, tenant).delete_all(**scope)
    EV.notify_deleted(request, tenant, result["ids"])
    if result["deleted"] == 0:
        raise NotFound(entity_type, entity_id)
    return {"message": "Entity deleted successfully.", "deleted": result["deleted"],
            "ids": result["ids"]}


@router.delete("/v2/entities/{entity_type}/{entity_id}/", response_model=DeleteAllOut,
               summary="Delete an entity (all its memories)")
def delete_entity_v2(request: Request, tenant: TenantDep, entity_type: str,
                     entity_id: str) -> dict[str, Any]:
    return _delete_entity(request, tenant, entity_type, entity_id)


@router.delete("/v1/entities/{entity_type}/{entity_id}/", response_model=DeleteAllOut,
               summary="Delete an entity (v1 path)")
def delete_entity_v1(request: Request, tenant: TenantDep, entity_type: str,
                     entity_id: str) -> dict[str, Any]:
    return _delete_entity(request, tenant, entity_type, entity_id)


@router.put("/v1/batch/", response_model=BatchOut, summary="Update many memories")
def batch_update(request: Request, tenant: TenantDep, body: BatchUpdateBody) -> dict[str, Any]:
    """One transaction: an unknown id or an empty item changes nothing."""
    limits_for(request).batch(len(body.memories))
    # Only what was sent: an explicit null expiration_date clears it.
    out = memory_for(request, tenant).batch_update(
        [item.model_dump(exclude_unset=True) for item in body.memories])
    EV.notify(request, tenant, [{"id": i.memory_id, "event": "UPDATE", "memory": i.text}
                                for i in body.memories])
    return out


@router.delete("/v1/batch/", response_model=BatchOut, summary="Delete many memories")
def batch_delete(request: Request, tenant: TenantDep, body: BatchDeleteBody) -> dict[str, Any]:
    limits_for(request).batch(len(body.memories))
    out = memory_for(request, tenant).batch_delete([item.memory_id for item in body.memories])
    EV.notify(request, tenant, [{"id": i.memory_id, "event": "DELETE", "memory": None}
                                for i in body.memories])
    return out


@router.post("/v1/reset/", response_model=DeleteAllOut,
             summary="Forget every memory of this project (Engram extension)")
def reset(request: Request, tenant: TenantDep) -> dict[str, Any]:
    out = memory_for(request, tenant).reset()
    EV.notify_deleted(request, tenant, out["ids"])
    return out


# -- the project's settings (Mem0's client.project.get/update) ------------------------------

PROJECT_PATH = "/api/v1/orgs/organizations/{org_id}/projects/{project_id}/"


def _own_project(tenant: Tenant, org_id: str, project_id: str) -> None:
    """A key reaches its own project only; another's is answered as absent."""
    if (org_id, project_id) != (tenant.org, tenant.project):
        raise NotFound("project", f"{org_id}/{project_id}")


@router.get(PROJECT_PATH, response_model=dict[str, Any], summary="The project's settings")
def get_project(request: Request, tenant: TenantDep, org_id: str, project_id: str,
                fields: Annotated[list[str] | None, Query()] = None) -> dict[str, Any]:
    _own_project(tenant, org_id, project_id)
    return memory_for(request, tenant).project.get(fields)


@router.patch(PROJECT_PATH, response_model=dict[str, Any],
              summary="Change the project's instructions, categories and defaults")
def update_project(request: Request, tenant: TenantDep, org_id: str, project_id: str,
                   body: dict[str, Any]) -> dict[str, Any]:
    _own_project(tenant, org_id, project_id)
    # Mem0's client repeats the path's ids in the body: checked like the path's.
    _own_project(tenant, body.pop("org_id", org_id), body.pop("project_id", project_id))
    return memory_for(request, tenant).project.update(**body)


@router.get("/v1/project/", response_model=dict[str, Any],
            summary="The key's project settings (Engram's path for them)")
def get_own_project(request: Request, tenant: TenantDep,
                    fields: Annotated[list[str] | None, Query()] = None) -> dict[str, Any]:
    return memory_for(request, tenant).project.get(fields)


@router.patch("/v1/project/", response_model=dict[str, Any],
              summary="Change the key's project settings (Engram's path for them)")
def update_own_project(request: Request, tenant: TenantDep,
                       body: dict[str, Any]) -> dict[str, Any]:
    return memory_for(request, tenant).project.update(**body)


@router.post("/v1/flush/", response_model=FlushOut,
             summary="Wait for every pending vector of this project (Engram extension)")
def flush(request: Request, tenant: TenantDep, timeout: float | None = None) -> dict[str, Any]:
    return memory_for(request, tenant).flush(timeout)


# -- Platform features this server does not have -----------------------------------------

# Each answer says why, in the words of the feature's row in docs/compat.md.
UNSUPPORTED_PATHS = {
    "/v2/profiles/{rest:path}": f"profiles: {PROFILES}",
    "/v2/entities/{entity_type}/{entity_id}/profile/": f"profiles: {PROFILES}",
    "/api/v1/orgs/{rest:path}": f"organisation and project management: {ORGS}",
}


def _unsupported(reason: str) -> Any:
    def answer(tenant: TenantDep) -> None:
        raise NotSupported(reason)

    return answer


for _path, _feature in UNSUPPORTED_PATHS.items():
    router.add_api_route(_path, _unsupported(_feature), include_in_schema=False,
                         methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
