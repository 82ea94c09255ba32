"""The graph's rows as the store writes and returns them (plain dataclasses).

A :class:`NewRelation` always names the memories it was read from (``memory_ids``):
a relation without evidence is never stored, and one whose memories are all deleted is
deleted with them (see :mod:`engram.store._graph_sql`).

>>> GraphRelation("r1", "e1", "Anna", "lives_in", "e2", "Chicago", True, None).to_dict()
{'source': 'Anna', 'source_type': '', 'relationship': 'lives_in', 'target': 'Chicago', 'target_type': '', 'valid': True}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engram._types import Scope

__all__ = ["NewEntity", "NewRelation", "RelationLink", "Invalidation", "EntityMatch",
           "GraphRelation", "GraphEvent"]


@dataclass
class NewEntity:
    """An entity to insert; ``norm`` is its normalised name (the resolution key)."""

    id: str
    name: str
    norm: str
    type: str
    scope: Scope
    embedding: np.ndarray | None = None


@dataclass
class NewRelation:
    """``source -relationship-> target`` (entity ids, new or stored) read from memories."""

    id: str
    source_id: str
    relationship: str
    target_id: str
    scope: Scope
    memory_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RelationLink:
    """A stored relation said again by another memory: one more piece of evidence."""

    relation_id: str
    memory_id: str


@dataclass(frozen=True)
class Invalidation:
    """A stored relation that no longer holds (``valid_until`` = the commit time)."""

    relation_id: str
    reason: str = ""


@dataclass(frozen=True)
class EntityMatch:
    """A stored entity found for a name: ``score`` 1.0 for an exact normalised name,
    else the cosine similarity of the name embeddings."""

    id: str
    name: str
    norm: str
    type: str
    score: float
    scope: Scope = Scope()
    query: int = 0  # which of the asked names / vectors it answers


@dataclass(frozen=True)
class GraphRelation:
    """A stored relation with its endpoints' names; ``hop`` is set by neighbourhood reads."""

    id: str
    source_id: str
    source: str
    relationship: str
    target_id: str
    target: str
    valid: bool
    valid_until: str | None
    memory_ids: tuple[str, ...] = ()
    created_at: str = ""
    hop: int = 0
    source_type: str = ""  # the endpoints' entity types (person, city, ...)
    target_type: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Mem0's relation shape (``source``, ``source_type``, ``relationship``, ``target``,
        ``target_type``) plus ``valid``: False once a later memory contradicted it."""
        return {"source": self.source, "source_type": self.source_type,
                "relationship": self.relationship, "target": self.target,
                "target_type": self.target_type, "valid": self.valid}


@dataclass(frozen=True)
class GraphEvent:
    """One change to the graph: ADD, INVALIDATE (contradicted) or DELETE (its
    memories are gone). Names are copied so the event outlives its entities."""

    id: str
    relation_id: str
    event: str
    source: str
    relationship: str
    target: str
    reason: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "relation_id": self.relation_id, "event": self.event,
                "source": self.source, "relationship": self.relationship,
                "target": self.target, "reason": self.reason, "created_at": self.created_at}
