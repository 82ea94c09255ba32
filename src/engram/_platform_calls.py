"""Requests of the server's Platform features (not :class:`engram.Memory` methods): queued
adds and their events, feedback, exports, summaries and webhooks, each built once as a
pure :class:`~engram._calls.Call` that ``MemoryClient`` and ``AsyncMemoryClient`` send.
Names and parameters are mem0ai's ``MemoryClient``'s, so ported code keeps working.

>>> c = PlatformCalls.feedback("m1", "positive")
>>> (c.method, c.path, c.json["feedback"])
('POST', '/v1/feedback/', 'POSITIVE')
"""

from __future__ import annotations

from typing import Any

from engram import errors as E
from engram._api import MemoryAPI
from engram._calls import Call, Calls, Endpoint, _clean, _mid

__all__ = ["PlatformCalls"]


def _queued_add(a: dict[str, Any]) -> Call:
    call = Calls.add(**a)
    return Call(call.method, call.path, json={**call.json, "async_mode": True},
                idempotent=False)


def _scope(filters: Any, user_id: Any, agent_id: Any, run_id: Any) -> dict[str, Any]:
    return _clean({"filters": filters, "user_id": user_id, "agent_id": agent_id,
                   "run_id": run_id})


class PlatformCalls:
    """Pure request builders for the Platform routes (``docs/server.md``)."""

    # add() with Mem0's async_mode=True: answered at once with {"results": [{"status":
    # "PENDING", "event_id", "message"}]}; get_event(event_id) reports the outcome.
    queue_add = Endpoint(MemoryAPI.add, _queued_add)
    queue_add.__name__ = "queue_add"
    queue_add.__doc__ = ("Queue an add on the server (Mem0's ``add(async_mode=True)``): "
                         "answered at once with the PENDING item and its ``event_id``.")

    @staticmethod
    def get_event(event_id: str) -> Call:
        """A queued add as Mem0's event: ``status`` PENDING/RUNNING/SUCCEEDED/FAILED and,
        once done, its ``results``."""
        return Call("GET", f"/v1/event/{_mid(event_id, 'event_id')}/")

    @staticmethod
    def get_events(page: int | None = None, page_size: int | None = None) -> Call:
        return Call("GET", "/v1/events/", params=_clean({"page": page, "page_size": page_size}))

    @staticmethod
    def feedback(memory_id: str, feedback: str | None = None,
                 feedback_reason: str | None = None) -> Call:
        """POSITIVE, NEGATIVE or VERY_NEGATIVE (any case) or None, stored per memory."""
        if feedback is not None and not isinstance(feedback, str):
            raise E.InvalidInput("feedback", "must be POSITIVE, NEGATIVE, VERY_NEGATIVE or None")
        return Call("POST", "/v1/feedback/", json={
            "memory_id": memory_id, "feedback": feedback.upper() if feedback else None,
            "feedback_reason": feedback_reason}, idempotent=False)

    @staticmethod
    def create_memory_export(schema: str | dict[str, Any] | None = None, *,
                             filters: dict[str, Any] | None = None, user_id: str | None = None,
                             agent_id: str | None = None, run_id: str | None = None,
                             export_instructions: str | None = None) -> Call:
        """Export a scope's memories (``schema`` picks their fields): ``{"id", "message"}``."""
        return Call("POST", "/v1/exports/", json=_clean(
            {"schema": schema, "export_instructions": export_instructions})
            | _scope(filters, user_id, agent_id, run_id), idempotent=False)

    @staticmethod
    def get_memory_export(memory_export_id: str | None = None, *,
                          filters: dict[str, Any] | None = None, user_id: str | None = None,
                          agent_id: str | None = None, run_id: str | None = None) -> Call:
        """An export by id, else the newest made with these filters."""
        return Call("POST", "/v1/exports/get/", json=_clean(
            {"memory_export_id": memory_export_id}) | _scope(filters, user_id, agent_id, run_id))

    @staticmethod
    def get_summary(filters: dict[str, Any] | None = None) -> Call:
        """``{"summary", "memory_count", "method", ...}`` of the memories ``filters`` select."""
        return Call("POST", "/v1/summary/", json={"filters": filters})

    @staticmethod
    def get_project(fields: list[str] | None = None) -> Call:
        """The key's project settings (Mem0's ``get_project`` / ``client.project.get``):
        ``custom_instructions``, ``custom_categories``, ``includes``, ... or just ``fields``."""
        return Call("GET", "/v1/project/", params=_clean({"fields": fields}))

    @staticmethod
    def update_project(custom_instructions: str | None = None,
                       custom_categories: list[Any] | None = None,
                       agent_custom_instructions: str | None = None,
                       includes: str | None = None, excludes: str | None = None,
                       enable_graph: bool | None = None) -> Call:
        """Change the settings given (the others are kept): ``{"message"}``. Each add reads
        them; a call's own value wins."""
        return Call("PATCH", "/v1/project/", json=_clean({
            "custom_instructions": custom_instructions, "custom_categories": custom_categories,
            "agent_custom_instructions": agent_custom_instructions, "includes": includes,
            "excludes": excludes, "enable_graph": enable_graph}))

    @staticmethod
    def get_webhooks(project_id: str) -> Call:
        return Call("GET", f"/api/v1/webhooks/projects/{_mid(project_id, 'project_id')}/")

    @staticmethod
    def create_webhook(url: str, name: str, project_id: str, event_types: list[str]) -> Call:
        """Subscribe ``url`` to ``event_types`` (memory_add/update/delete); the answer holds
        the ``secret`` that signs each delivery (``X-Engram-Signature``)."""
        return Call("POST", f"/api/v1/webhooks/projects/{_mid(project_id, 'project_id')}/",
                    json={"url": url, "name": name, "event_types": event_types},
                    idempotent=False)

    @staticmethod
    def update_webhook(webhook_id: str, name: str | None = None, url: str | None = None,
                       event_types: list[str] | None = None,
                       is_active: bool | None = None) -> Call:
        return Call("PUT", f"/api/v1/webhooks/{_mid(webhook_id, 'webhook_id')}/", json=_clean(
            {"name": name, "url": url, "event_types": event_types, "is_active": is_active}))

    @staticmethod
    def delete_webhook(webhook_id: str) -> Call:
        return Call("DELETE", f"/api/v1/webhooks/{_mid(webhook_id, 'webhook_id')}/")

    @staticmethod
    def webhook_deliveries(webhook_id: str, limit: int = 100) -> Call:
        """The webhook's delivery log: each delivery with its attempts."""
        return Call("GET", f"/api/v1/webhooks/{_mid(webhook_id, 'webhook_id')}/deliveries/",
                    params={"limit": limit})
