"""Plain dataclasses passed between Engram's layers (pydantic stays at the edges)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal

Event = Literal["ADD", "UPDATE", "DELETE", "NONE"]
SCOPE_KEYS = ("user_id", "agent_id", "run_id")
# The memory_type of a stored conversation turn (infer=True keeps them as evidence).
EPISODE = "episode"


class Keep(enum.Enum):
    """The default of an update's field where None means "clear it" (``expiration_date``):
    leaving the argument out keeps what the memory holds."""

    KEEP = "keep"

    def __repr__(self) -> str:
        return "KEEP"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class Message:
    """One normalised conversation message. ``name`` is the speaker (``actor_id``)."""

    role: str  # "user" | "assistant" | "system" | "tool"
    content: str
    name: str | None = None
    index: int = 0  # position in the add call, for provenance (``source_ids``)
    images: tuple[str, ...] = ()  # image URLs / data URIs found in a content list
    timestamp: str | None = None  # when it was said (its "timestamp" key), stored UTC form


@dataclass(frozen=True)
class Scope:
    """Who a memory belongs to; at least one id is set."""

    user_id: str | None = None
    agent_id: str | None = None
    run_id: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("user_id", self.user_id), ("agent_id", self.agent_id),
                                  ("run_id", self.run_id)) if v is not None}

    @property
    def key(self) -> str:
        """A stable string for locks and partitioning."""
        return "\x1f".join(v or "" for v in (self.user_id, self.agent_id, self.run_id))


@dataclass
class MemoryRecord:
    """A stored memory, as the store returns it."""

    id: str
    memory: str
    hash: str
    scope: Scope
    metadata: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str | None = None
    role: str | None = None
    actor_id: str | None = None
    memory_type: str | None = None
    source_ids: list[str] = field(default_factory=list)
    score: float | None = None
    categories: list[str] = field(default_factory=list)
    immutable: bool = False
    # When it was said (the add's ``timestamp``; the write time when none was given),
    # and the last day it holds (``expiration_date``, a ``YYYY-MM-DD`` day, or None).
    happened_at: str | None = None
    expiration_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "memory": self.memory, "hash": self.hash}
        out.update(self.scope.as_dict())
        out["metadata"] = self.metadata
        out["created_at"] = self.created_at
        out["updated_at"] = self.updated_at
        if self.happened_at is not None:
            out["happened_at"] = self.happened_at
        if self.expiration_date is not None:
            out["expiration_date"] = self.expiration_date
        if self.role is not None:
            out["role"] = self.role
        if self.actor_id is not None:
            out["actor_id"] = self.actor_id
        if self.memory_type is not None:
            out["memory_type"] = self.memory_type
        if self.source_ids:
            out["source_ids"] = self.source_ids
        out["categories"] = self.categories  # Mem0 Platform's fields
        out["immutable"] = self.immutable
        if self.score is not None:
            out["score"] = self.score
        return out


@dataclass(frozen=True)
class HistoryEvent:
    """One change to one memory."""

    id: str
    memory_id: str
    event: Event
    old_memory: str | None
    new_memory: str | None
    created_at: str
    actor_id: str | None = None
    role: str | None = None
    add_id: str | None = None  # the add (or undo) that made the change, for ``undo``
    # DELETE rows: the record as it was (scope, metadata, ...), so an undo can restore it.
    snapshot: dict[str, Any] | None = field(default=None, compare=False)
    # The evidence (source_ids) of the version before and after the change.
    old_source_ids: list[str] | None = None
    new_source_ids: list[str] | None = None
    origin: str | None = None  # "reextract" when Memory.reextract made the change

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "memory_id": self.memory_id, "event": self.event,
               "old_memory": self.old_memory, "new_memory": self.new_memory,
               "created_at": self.created_at, "actor_id": self.actor_id, "role": self.role,
               "is_deleted": self.event == "DELETE",  # Mem0's history field
               "add_id": self.add_id}
        if self.old_source_ids:
            out["old_source_ids"] = self.old_source_ids
        if self.new_source_ids:
            out["new_source_ids"] = self.new_source_ids
        if self.origin is not None:
            out["origin"] = self.origin
        return out
