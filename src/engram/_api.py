"""The public Memory API, declared once: every method, its parameters and their types.

:class:`MemoryAPI` is the one written-out list of what a memory can be asked. The other
surfaces are bound from it instead of restating it:

- :class:`engram.AsyncMemory` binds each method with :func:`engram.aio` ``_threaded``;
- :class:`engram.client.Calls` builds each HTTP request from the arguments bound to the
  same signature, and ``MemoryClient``/``AsyncMemoryClient`` send it;
- the MCP tools (:data:`TOOLS`) call these methods on a backend typed as ``MemoryAPI``.

The binding goes through ``ParamSpec``, so a type checker sees the real parameters of
``AsyncMemory.add`` or ``MemoryClient.search`` (a wrong keyword is a mypy error), and
``inspect.signature`` at run time shows them too. Why a Protocol rather than a data table:
a table of names and types would have to be turned into signatures at run time, which a
type checker cannot follow; a Protocol is checked by mypy (``Memory`` must conform, see
``engram.aio``) and read by ``inspect`` for the tests that compare every surface
(``tests/test_api_surfaces.py``, which lists each allowed difference, e.g. the REST
models' Platform-only fields).

:class:`engram.Memory` writes the same signatures out because it implements them; the
surface test fails when the two differ in any way.

>>> import inspect
>>> list(inspect.signature(MemoryAPI.search).parameters)[:4]
['self', 'query', 'filters', 'top_k']
>>> TOOLS["search_memories"]
'search'
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, Protocol

from engram._types import KEEP, Keep
from engram.llm.base import LLM  # a runtime name: the surface tests resolve the hints

__all__ = ["SearchMode", "MemoryAPI", "METHODS", "TOOLS"]

SearchMode = Literal["hybrid", "vector", "keyword"]


class MemoryAPI(Protocol):
    """What :class:`engram.Memory` answers (sync); the async twins await the same."""

    def add(
        self,
        messages: Any,
        *,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
        metadata: dict[str, Any] | None = None,
        infer: bool = True,
        memory_type: str | None = None,
        prompt: str | None = None,
        session_id: str | None = None,
        timestamp: int | float | str | datetime | None = None,
        enable_graph: bool | None = None,
        llm: LLM | None = None,
        filters: dict[str, Any] | None = None,
        expiration_date: str | date | None = None,
        immutable: bool = False,
        custom_categories: list[Any] | dict[str, str] | None = None,
        includes: str | None = None,
        excludes: str | None = None,
    ) -> dict[str, Any]:
        """Remember ``messages`` for a scope: ``{"results": [{id, memory, event}]}``
        (plus ``relations`` with the graph on, ``warnings`` when something was dropped).
        ``filters={"user_id": ...}`` is Mem0's spelling of the scope ids."""
        ...

    def search(
        self,
        query: str,
        *,
        filters: dict[str, Any] | None = None,
        top_k: int | None = None,
        threshold: float | None = None,
        rerank: bool = False,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
        limit: int | None = None,
        search_mode: SearchMode | None = None,
        enable_graph: bool | None = None,
        explain: bool = False,
        show_expired: bool = False,
        as_of: str | datetime | None = None,
        categories: list[str] | None = None,
        include_evidence: bool = False,
        facts_only: bool = False,
        metadata: dict[str, Any] | None = None,
        fields: list[str] | None = None,
        keyword_search: bool | None = None,
        latest_only: bool | None = None,
        reference_date: int | float | str | date | datetime | None = None,
    ) -> dict[str, Any]:
        """A scope's memories most relevant to ``query``, best first: facts, found
        through their own text or the turns they came from, and turns no fact came from
        (``memory_type: "episode"``) unless ``facts_only``; ``include_evidence`` gives
        each fact its ``evidence`` turns. Mem0's ``metadata``, ``fields``,
        ``keyword_search`` and ``latest_only``: see :mod:`engram._read_options`.
        ``reference_date`` is the day the query is asked on: "last week" in it is read
        against that day (default: today)."""
        ...

    def search_by_vector(
        self,
        vector: list[float],
        *,
        filters: dict[str, Any] | None = None,
        top_k: int | None = None,
        threshold: float | None = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
    ) -> dict[str, Any]:
        """A scope's memories nearest to ``vector``, a query embedded by the caller with
        this memory's model (for frameworks that embed queries themselves), best first."""
        ...

    def get(self, memory_id: str) -> dict[str, Any]:
        """One memory by id."""
        ...

    def get_all(
        self,
        *,
        filters: dict[str, Any] | None = None,
        top_k: int | None = None,
        user_id: str | None = None,
        agent_id: str | None = None,
        run_id: str | None = None,
        limit: int | None = None,
        page: int | None = None,
        page_size: int | None = None,
        cursor: str | None = None,
        enable_graph: bool | None = None,
        show_expired: bool = False,
        as_of: str | datetime | None = None,
        categories: list[str] | None = None,
        start_date: str | None = None,
        end_date: str | None = None,
        latest_only: bool | None = None,
    ) -> dict[str, Any]:
        """A scope's memories, newest first, by page or by cursor; ``start_date`` /
        ``end_date`` bound ``created_at`` (see :mod:`engram._read_options`)."""
        ...

    def update(self, memory_id: str, text: str | None = None,
               metadata: dict[str, Any] | None = None, *,
               data: str | None = None,
               timestamp: int | float | str | datetime | None = None,
               expiration_date: str | date | None | Keep = KEEP) -> dict[str, Any]:
        """New text (re-embedded), metadata, event time and/or expiration date (None
        clears it) for one memory."""
        ...

    def delete(self, memory_id: str, *, with_evidence: bool = False) -> dict[str, Any]:
        """Forget one memory (its history keeps the DELETE). A fact's evidence turns
        stay unless ``with_evidence``: then those no other fact cites go with it, in one
        change (``evidence_deleted``; ``undo(add_id)`` puts them all back)."""
        ...

    def delete_all(self, user_id: str | None = None, agent_id: str | None = None,
                   run_id: str | None = None, *,
                   filters: dict[str, Any] | None = None) -> dict[str, Any]:
        """Forget every memory of a scope."""
        ...

    def batch_update(self, memories: list[dict[str, Any]]) -> dict[str, Any]:
        """Update many memories in one transaction."""
        ...

    def batch_delete(self, memory_ids: list[str] | list[dict[str, Any]]) -> dict[str, Any]:
        """Delete many memories in one transaction (ids, or ``{"memory_id": ...}``)."""
        ...

    def history(self, memory_id: str) -> list[dict[str, Any]]:
        """Every ADD/UPDATE/DELETE of a memory, oldest first."""
        ...

    def reextract(self, filters: dict[str, Any] | None = None, *, user_id: str | None = None,
                  agent_id: str | None = None, run_id: str | None = None,
                  since: int | float | str | datetime | None = None,
                  dry_run: bool = False) -> dict[str, Any]:
        """Re-derive a scope's facts from its stored turns with the current extractor,
        reconciled as an add is (one transaction per scope, history ``origin:
        "reextract"``): ``{"results", "scopes", "dry_run"}``; a dry run changes nothing."""
        ...

    def undo(self, add_id: str) -> dict[str, Any]:
        """Put back what one add changed (by its ``add_id``, or one of its history event
        ids), as a new change: ``{"results", "add_id"}`` plus ``warnings`` for memories
        changed since, which are left as they are."""
        ...

    def flush(self, timeout: float | None = None) -> dict[str, Any]:
        """Wait until every memory of the namespace has its vector (adds may return
        before: ``embedder.background``); ``{"message", "pending"}``, ``pending`` > 0
        only when ``timeout`` seconds ran out first."""
        ...

    def reset(self) -> dict[str, Any]:
        """Forget everything in this memory's namespace."""
        ...

    def scopes(self) -> list[dict[str, Any]]:
        """The users, agents and runs that hold memories, with counts."""
        ...


#: The methods above, in declaration order (what every surface must offer).
METHODS: tuple[str, ...] = tuple(n for n in vars(MemoryAPI) if not n.startswith("_"))

#: MCP tool -> the API method it calls (each tool takes a subset of its parameters).
TOOLS: dict[str, str] = {
    "add_memory": "add", "search_memories": "search", "list_memories": "get_all",
    "get_memory": "get", "update_memory": "update", "delete_memory": "delete",
    "memory_history": "history",
}
