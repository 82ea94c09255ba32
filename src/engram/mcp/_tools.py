"""The seven MCP tools as plain methods over a Memory-shaped backend (no MCP code here).

A backend is :class:`engram.Memory` (embedded store) or :class:`engram.MemoryClient`
(a remote server): both have the same methods and results, so each tool parses its
arguments, fills the scope, checks the server's limits and makes one call. Errors are
the backend's :mod:`engram.errors` exceptions; ``_server`` turns them into tool errors.

>>> from engram.testing import HashEmbedder
>>> from engram import Memory
>>> import tempfile, os
>>> mem = Memory({"store": {"path": os.path.join(tempfile.mkdtemp(), "m.db")}},
...              embedder=HashEmbedder())
>>> tools = EngramTools(mem, Defaults(user_id="alice"))
>>> tools.add_memory("I like green tea", infer=False)["results"][0]["event"]
'ADD'
>>> tools.search_memories("tea")["results"][0]["memory"]
'I like green tea'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypedDict, cast

from pydantic import Field

from engram._api import TOOLS, MemoryAPI
from engram._limits import Limits
from engram.errors import ConfigError, NotFound
from engram.mcp._scope import ScopeGuard

__all__ = ["TOOL_NAMES", "Backend", "Defaults", "EngramTools", "Limits", "resolve_scope"]

TOOL_NAMES = tuple(TOOLS)
SCOPE_KEYS = ("user_id", "agent_id", "run_id")

# What the tools need is the declared Memory API: ``Memory`` and ``MemoryClient`` both
# implement it (the client through the declaration's own signatures).
Backend = MemoryAPI


@dataclass(frozen=True)
class Defaults:
    """The scope used when a tool call names none (``--user``/``ENGRAM_USER_ID``...)."""

    user_id: str | None = None
    agent_id: str | None = None
    run_id: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **given: str | None) -> Defaults:
        """``given`` (command-line options) win over ``ENGRAM_USER_ID``/``_AGENT_ID``/``_RUN_ID``."""
        env = os.environ if env is None else env
        vals = {k: given.get(k) or env.get(f"ENGRAM_{k.upper()}") or None for k in SCOPE_KEYS}
        return cls(**vals)


class ScopeIds(TypedDict, total=False):
    """Scope keywords for the backend (typed, so they unpack into the API's signature)."""

    user_id: str
    agent_id: str
    run_id: str


def resolve_scope(defaults: Defaults, **given: str | None) -> ScopeIds:
    """Unpinned (``--allow-any-scope``): the call's own ids if it names any (defaults
    ignored, so no surprise narrowing), else the defaults. Empty when neither: the backend
    then names the field. Pinned servers use :class:`ScopeGuard`."""
    return _ids(ScopeGuard(vars(defaults), pinned=False).call_scope(**given))


def _ids(ids: dict[str, str]) -> ScopeIds:
    return cast(ScopeIds, ids)  # keys drawn from SCOPE_KEYS, values str


# Argument annotations: the descriptions become the tools' JSON schema.
UserId = Annotated[str | None, Field(description="Scope: the user the memories belong to. "
                                                 "Omit to use the server's default scope.")]
AgentId = Annotated[str | None, Field(description="Scope: the agent.")]
RunId = Annotated[str | None, Field(description="Scope: one run/session.")]
MemoryId = Annotated[str, Field(description="A memory id, as returned by add or search.")]
Filters = Annotated[dict[str, Any] | None, Field(
    description='Filter object: {"topic": "food"}, {"created_at": {"gte": "2025-01-01"}}, '
                '{"AND": [...]}, {"OR": [...]}; operators eq ne in nin gt gte lt lte contains.')]
Metadata = Annotated[dict[str, Any] | None, Field(description="JSON object stored with the memory.")]


class EngramTools:
    """One method per tool; ``backend`` is a Memory or a MemoryClient. ``defaults`` pin
    the scope of every call unless ``allow_any_scope`` (see :mod:`engram.mcp._scope`)."""

    def __init__(self, backend: Backend, defaults: Defaults | None = None,
                 limits: Limits | None = None, *, allow_any_scope: bool = False) -> None:
        self.backend = backend
        self.defaults = defaults or Defaults()
        self.limits = limits or Limits()
        self.check_scope(self.defaults, allow_any_scope)
        self.guard = ScopeGuard(vars(self.defaults), pinned=not allow_any_scope)

    @staticmethod
    def check_scope(defaults: Defaults, allow_any_scope: bool) -> None:
        """A pinned server needs something to pin to."""
        if not allow_any_scope and not any(vars(defaults).values()):
            raise ConfigError("the MCP server needs a scope to pin: give --user, --agent or "
                              "--run (or ENGRAM_USER_ID...), or --allow-any-scope to let "
                              "every call choose its own")

    def _owned(self, memory_id: Any) -> None:
        """Refuse a memory outside the pinned scope before any tool reads or changes it."""
        if self.guard.pinned:
            self.guard.check_record(self.backend.get(memory_id), memory_id)

    def add_memory(
        self,
        messages: Annotated[str | list[dict[str, Any]], Field(
            description='Text to remember, or a conversation: [{"role": "user", '
                        '"content": "..."}, {"role": "assistant", "content": "..."}].')],
        user_id: UserId = None, agent_id: AgentId = None, run_id: RunId = None,
        metadata: Metadata = None,
        infer: Annotated[bool, Field(description="True: extract facts and reconcile them "
                                                 "with what is known (ADD/UPDATE/DELETE). "
                                                 "False: store the text as is.")] = True,
        timestamp: Annotated[str | None, Field(
            description="When it was said, ISO-8601 (e.g. 2025-05-01T09:30:00Z); "
                        "default: now.")] = None,
        expiration_date: Annotated[str | None, Field(
            description="YYYY-MM-DD: the last day this memory holds.")] = None,
    ) -> dict[str, Any]:
        """Remember something for a user/agent/run. Returns the events it produced."""
        self.limits.messages(messages)
        scope = _ids(self.guard.call_scope(user_id=user_id, agent_id=agent_id, run_id=run_id))
        out: dict[str, Any] = self.backend.add(messages, **scope, metadata=metadata, infer=infer,
                                               timestamp=timestamp,
                                               expiration_date=expiration_date)
        self.guard.remember(r["id"] for r in out.get("results", []) if "id" in r)
        return out

    def search_memories(
        self,
        query: Annotated[str, Field(description="What to look for, in plain words.")],
        user_id: UserId = None, agent_id: AgentId = None, run_id: RunId = None,
        filters: Filters = None,
        top_k: Annotated[int, Field(description="How many results at most.")] = 10,
        threshold: Annotated[float | None, Field(
            description="Minimum similarity (0..1) a result must have.")] = None,
        include_evidence: Annotated[bool, Field(
            description="Give each fact the conversation turns it came from.")] = False,
        reference_date: Annotated[str | None, Field(
            description="YYYY-MM-DD: the day the query is asked on; 'last week' in it is "
                        "read against this day (default: today).")] = None,
    ) -> dict[str, Any]:
        """Find a scope's memories most relevant to a query, best first, with scores."""
        scope = _ids(self.guard.call_scope(user_id=user_id, agent_id=agent_id, run_id=run_id))
        self.guard.check_filters(filters)
        out: dict[str, Any] = self.backend.search(
            query, **scope, filters=filters, top_k=self.limits.cap(top_k, "top_k"),
            threshold=threshold, include_evidence=include_evidence,
            reference_date=reference_date)
        self.guard.remember(r["id"] for r in out.get("results", []))
        return out

    def list_memories(
        self,
        user_id: UserId = None, agent_id: AgentId = None, run_id: RunId = None,
        filters: Filters = None,
        page: Annotated[int, Field(description="Page number, from 1.")] = 1,
        page_size: Annotated[int, Field(description="Memories per page.")] = 50,
    ) -> dict[str, Any]:
        """A scope's memories, newest first, one page at a time (with the total)."""
        scope = _ids(self.guard.call_scope(user_id=user_id, agent_id=agent_id, run_id=run_id))
        self.guard.check_filters(filters)
        res = self.backend.get_all(**scope, filters=filters, page=page,
                                   page_size=self.limits.cap(page_size, "page_size"))
        self.guard.remember(r["id"] for r in res["results"])
        return {"results": res["results"], "page": res.get("page"),
                "page_size": res.get("page_size"), "total": res.get("total")}

    def get_memory(self, memory_id: MemoryId) -> dict[str, Any]:
        """One memory by id."""
        out: dict[str, Any] = self.backend.get(memory_id)
        if self.guard.pinned:
            self.guard.check_record(out, memory_id)
        return out

    def update_memory(
        self, memory_id: MemoryId,
        text: Annotated[str | None, Field(description="The new text (re-embedded).")] = None,
        metadata: Annotated[dict[str, Any] | None, Field(
            description="New metadata; replaces the old object.")] = None,
    ) -> dict[str, Any]:
        """Change a memory's text and/or metadata; recorded in its history."""
        self._owned(memory_id)
        out: dict[str, Any] = self.backend.update(memory_id, text=text, metadata=metadata)
        return out

    def delete_memory(self, memory_id: MemoryId, with_evidence: Annotated[bool, Field(
            description="Also forget the turns this fact came from that no other "
                        "fact cites.")] = False) -> dict[str, Any]:
        """Forget one memory (its history keeps the DELETE event)."""
        self._owned(memory_id)
        out: dict[str, Any] = self.backend.delete(memory_id, with_evidence=with_evidence)
        return out

    def memory_history(self, memory_id: MemoryId) -> dict[str, Any]:
        """Every ADD/UPDATE/DELETE of a memory, oldest first, with old and new text."""
        if self.guard.pinned:
            # History rows carry no scope: a live memory is checked; a deleted one only
            # answers if this server saw it in its scope before.
            try:
                self._owned(memory_id)
            except NotFound:
                if not self.guard.seen(memory_id):
                    raise
        return {"events": self.backend.history(memory_id)}
