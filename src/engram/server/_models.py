"""Pydantic models at the HTTP edge: request bodies (unknown fields refused) and the
response shapes published in ``/openapi.json``.

Fields the Mem0 Platform accepts are listed so that its client works: those we honour
map onto :class:`engram.Memory` (``async_mode`` queues the add: ``engram.server._events``);
harmless ones are accepted and ignored; ones we cannot honour answer 501 when set (see
:data:`UNSUPPORTED`).

>>> AddBody(messages="I like tea", user_id="u1").infer
True
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

__all__ = [
    "AddBody", "SearchBody", "ListBody", "UpdateBody", "BatchUpdateBody", "BatchDeleteBody",
    "MemoryOut", "AddResult", "AddOut", "PendingOut", "SearchOut", "ListOut", "HistoryOut", "MessageOut",
    "DeleteAllOut", "EntityOut", "ErrorOut", "ERROR_RESPONSES", "EntitiesOut", "PingOut", "BatchOut", "UNSUPPORTED",
]

Id = Field(default=None, min_length=1, max_length=256)

# Platform options this server cannot honour: set to a non-empty value -> 501 naming it.
UNSUPPORTED = ("app_id", "structured_data_schema")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Accepted and ignored: the tenant comes from the API key, adds are synchronous.
    org_id: str | None = Field(default=None, description="Ignored: the key decides.")
    project_id: str | None = Field(default=None, description="Ignored: the key decides.")
    output_format: str | None = Field(default=None, description="Ignored (always v1.1).")
    version: str | None = Field(default=None, description="Ignored.")
    app_id: SkipJsonSchema[str | None] = None  # 501


# Graph memory on add, search and list: None follows the server's ``graph.enabled``.
GRAPH = Field(default=None, description="Graph memory for this call: entities and relations "
                                        "stored with the facts, and relations in the answer; "
                                        "default: the server's graph.enabled.")


class AddBody(_Body):
    """Remember messages for a scope. Scope ids go top-level or inside ``filters``."""

    messages: str | dict[str, Any] | list[Any]
    user_id: str | None = Id
    agent_id: str | None = Id
    run_id: str | None = Id
    session_id: str | None = Id
    filters: dict[str, Any] | None = Field(default=None, description="Scope ids (Mem0 v3).")
    metadata: dict[str, Any] | None = None
    infer: bool = True
    memory_type: str | None = None
    prompt: str | None = None
    custom_instructions: str | None = Field(default=None, description="Same as prompt.")
    agent_custom_instructions: str | None = Field(default=None, description="Same as prompt.")
    timestamp: int | float | str | None = Field(
        default=None, description="When the messages were said (Unix time or ISO date): the "
                                  "memories' happened_at. A message's own timestamp key wins.")
    async_mode: bool | None = Field(default=None, description="True: queue the add and answer "
                                    "at once with an event id (GET /v1/event/{id}/).")
    enable_graph: bool | None = GRAPH
    immutable: bool = Field(default=False, description="Never updated or deleted by later "
                                                       "adds (explicit calls still can).")
    expiration_date: str | None = Field(
        default=None, description="YYYY-MM-DD: the last day the stored memories hold; "
                                  "reads hide them after it (show_expired shows them).")
    custom_categories: list[Any] | dict[str, str] | None = Field(
        default=None, description="This call's categories: [{name: description}] or names; "
                                  "default: the project's, else Mem0's fifteen.")
    includes: str | None = Field(default=None, description="What to remember (a hint to the "
                                                           "extractor).")
    excludes: str | None = Field(default=None, description="What never to remember.")
    structured_data_schema: SkipJsonSchema[dict[str, Any] | None] = None  # 501


class SearchBody(_Body):
    """Search a scope: Mem0 2.x ``filters`` and/or 1.x top-level ids."""

    query: str
    filters: dict[str, Any] | None = None
    user_id: str | None = Id
    agent_id: str | None = Id
    run_id: str | None = Id
    top_k: int | None = None
    limit: int | None = None
    threshold: float | None = None
    rerank: bool = False
    search_mode: str | None = Field(default=None, description="hybrid, vector or keyword.")
    enable_graph: bool | None = GRAPH
    metadata: dict[str, Any] | None = Field(default=None, description="Conditions on metadata "
                                            "keys, AND-ed with filters.")
    fields: list[str] | None = Field(default=None, description="Each result keeps only these.")
    keyword_search: bool | None = Field(default=None, description="True: hybrid (keyword + "
                                        "similarity); False: similarity alone.")
    latest_only: bool | None = Field(default=None, description="True or left out: a memory "
                                     "has one current version; False answers 501.")
    explain: bool = Field(default=False, description="Each result's score_details: similarity, "
                                                     "keyword relevance, graph boost, fused score.")
    show_expired: bool = Field(default=False, description="Include memories past their "
                                                           "expiration_date.")
    as_of: str | None = Field(default=None, description="ISO date or time: answer with what "
                                                        "was held then (from the history).")
    reference_date: str | int | float | None = Field(
        default=None, description="ISO date or time (or unix seconds): the day the query is "
                                  "asked on; relative phrases such as 'last week' in it are "
                                  "read against it (default: today).")
    categories: list[str] | None = Field(default=None, description="Only memories in any of "
                                                                    "these categories.")
    include_evidence: bool = Field(default=False, description="Each fact's evidence: the "
                                                              "stored turns it came from.")
    facts_only: bool = Field(default=False, description="No turn (episode) as a result, "
                                                        "only facts.")


class VectorSearchBody(_Body):
    """Search a scope by a query vector the caller embedded with the server's model."""

    vector: list[float] = Field(description="The query's embedding (the server's dimensions).")
    filters: dict[str, Any] | None = None
    top_k: int | None = None
    threshold: float | None = None
    user_id: str | None = Id
    agent_id: str | None = Id
    run_id: str | None = Id


class ReextractBody(_Body):
    """Re-derive the facts of the matching scopes from their stored turns."""

    filters: dict[str, Any] | None = None
    user_id: str | None = Id
    agent_id: str | None = Id
    run_id: str | None = Id
    since: str | int | float | None = Field(
        default=None, description="Only turns stored at this time or later (ISO-8601 or unix).")
    dry_run: bool = Field(default=False, description="Return the events, change nothing.")


class ListBody(_Body):
    """List a scope's memories, newest first; ``page``/``page_size`` or ``cursor``."""

    filters: dict[str, Any] | None = None
    user_id: str | None = Id
    agent_id: str | None = Id
    run_id: str | None = Id
    page: int | None = None
    page_size: int | None = None
    top_k: int | None = None
    limit: int | None = None
    cursor: str | None = None
    enable_graph: bool | None = GRAPH
    start_date: str | None = Field(default=None, description="created_at >= this date.")
    end_date: str | None = Field(default=None, description="created_at <= this date.")
    latest_only: bool | None = Field(default=None, description="True or left out: a memory "
                                     "has one current version; False answers 501.")
    categories: list[str] | None = Field(default=None, description="Only memories in any of "
                                                                    "these categories.")
    show_expired: bool = Field(default=False, description="Include memories past their "
                                                           "expiration_date.")
    as_of: str | None = Field(default=None, description="ISO date or time: answer with what "
                                                        "was held then (from the history).")


class UpdateBody(_Body):
    text: str | None = None
    data: str | None = Field(default=None, description="Same as text (Mem0 OSS spelling).")
    metadata: dict[str, Any] | None = None
    timestamp: int | float | str | None = Field(
        default=None, description="The memory's new event time (Unix time or ISO date).")
    expiration_date: str | None = Field(
        default=None, description="YYYY-MM-DD, or null to clear it; left out: unchanged.")


class BatchUpdateItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    memory_id: str = Field(min_length=1, max_length=256)
    text: str | None = None
    metadata: dict[str, Any] | None = None
    timestamp: int | float | str | None = None
    expiration_date: str | None = Field(default=None, description="null clears it; left out: "
                                                                  "unchanged.")


class BatchDeleteItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    memory_id: str = Field(min_length=1, max_length=256)


class BatchUpdateBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    memories: list[BatchUpdateItem] = Field(min_length=1)


class BatchDeleteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    memories: list[BatchDeleteItem] = Field(min_length=1)


# -- responses --------------------------------------------------------------------------


class ErrorOut(BaseModel):
    """Every error answer: ``field`` names the bad input, ``error`` the engram error class."""

    detail: str
    error: str
    field: str | None = None
    problem: str | None = None
    what: str | None = None
    id: str | None = None
    retryable: bool | None = None
    errors: list[dict[str, Any]] | None = None
    request_id: str | None = None


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text} for code, text in (
        (400, "Bad input (names the field)"), (401, "Missing, invalid or revoked API key"),
        (404, "No such memory in this project"), (413, "Body too large"),
        (422, "Body does not match the schema (names the field)"),
        (429, "Rate limit exceeded (see Retry-After)"),
        (501, "A Mem0 Platform feature this server does not have"),
        (502, "The LLM failed"), (503, "Store, embedder or LLM unavailable; retry"))}


class MemoryOut(BaseModel):
    # Optional only so that search(fields=[...]) can leave them out; always set otherwise.
    id: str | None = None
    memory: str | None = None
    hash: str | None = None
    user_id: str | None = None
    agent_id: str | None = None
    run_id: str | None = None
    metadata: dict[str, Any] | None = None
    created_at: str | None = None
    updated_at: str | None = None
    happened_at: str | None = None  # when it was said (the add's timestamp)
    expiration_date: str | None = None
    role: str | None = None
    actor_id: str | None = None
    memory_type: str | None = None
    source_ids: list[str] | None = None
    categories: list[str] | None = None
    immutable: bool | None = None
    score: float | None = None
    score_details: dict[str, Any] | None = None  # search(explain=True)
    valid_from: str | None = None  # as_of reads: when this text became true
    valid_until: str | None = None  # ... and when it stopped (None: still held)
    evidence: list[dict[str, Any]] | None = None  # search(include_evidence=True)


class AddResult(BaseModel):
    id: str
    memory: str | None = None
    event: str
    previous_memory: str | None = None
    role: str | None = None
    actor_id: str | None = None


class AddOut(BaseModel):
    results: list[AddResult]
    warnings: list[Any] | None = None
    relations: dict[str, list[dict[str, Any]]] | None = Field(
        default=None, description="Graph on: {added, invalidated} relations.")
    add_id: str | None = None
    episode_ids: list[str] | None = Field(
        default=None, description="infer=True: the turns stored as episodes, in order.")


class PendingItem(BaseModel):
    message: str
    status: str
    event_id: str


class PendingOut(BaseModel):
    """An add queued with ``async_mode=True``: Mem0's PENDING item with the event id."""

    results: list[PendingItem]


class SearchOut(BaseModel):
    results: list[MemoryOut]
    relations: list[dict[str, Any]] | None = Field(
        default=None, description="Graph on: relations around the entities the query names.")


class ListOut(BaseModel):
    results: list[MemoryOut]
    count: int | None = Field(description="Memories matching, over all pages (null when paging by cursor).")
    next: str | None = None
    previous: str | None = None
    next_cursor: str | None = None
    page: int | None = None
    page_size: int | None = None
    total: int | None = None
    relations: list[dict[str, Any]] | None = Field(
        default=None, description="Graph on: the scope's relations.")


class HistoryOut(BaseModel):
    id: str
    memory_id: str
    event: str
    old_memory: str | None = None
    new_memory: str | None = None
    created_at: str
    actor_id: str | None = None
    role: str | None = None
    is_deleted: bool = False  # Mem0's field: true on the DELETE event
    add_id: str | None = None
    old_source_ids: list[str] | None = Field(
        default=None, description="The evidence (episode ids) of the version before.")
    new_source_ids: list[str] | None = Field(
        default=None, description="The evidence (episode ids) of the version after.")
    origin: str | None = Field(default=None, description="reextract: made by a re-extraction.")


class MessageOut(BaseModel):
    message: str
    id: str | None = None
    memory: str | None = None
    evidence_deleted: list[str] | None = Field(
        default=None, description="delete with_evidence: the turns deleted with the fact.")
    add_id: str | None = Field(
        default=None, description="delete with_evidence: the change's id, for undo.")


class FlushOut(BaseModel):
    message: str
    pending: int


class DeleteAllOut(BaseModel):
    message: str
    deleted: int
    ids: list[str] = Field(default_factory=list, description="The deleted memories' ids.")


class EntityOut(BaseModel):
    id: str
    name: str
    type: str
    total_memories: int
    created_at: str | None = None
    updated_at: str | None = None


class EntitiesOut(BaseModel):
    count: int
    results: list[EntityOut]


class PingOut(BaseModel):
    status: str
    org_id: str
    project_id: str
    user_email: str | None = None
    key_id: str


class BatchOut(BaseModel):
    message: str
    count: int
