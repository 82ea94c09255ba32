"""From planned texts to a ChangeSet: the embedding step, ids, and the add's results.

Embedding runs once per add, after planning, on exactly the texts that will be written
(a dropped or superseded fact costs no vector).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engram._ids import new_id
from engram._types import Message, Scope
from engram.embed import Embedder, text_hash
from engram.pipeline import Plan
from engram.store.base import ApplyResult, ChangeSet, MemoryUpdate, NewMemory


def embed_texts(embedder: Embedder, texts: list[str]) -> list[np.ndarray]:
    """One batched call (none when there is nothing to embed)."""
    return list(embedder.embed(texts)) if texts else []


@dataclass(frozen=True)
class Times:
    """An add's times: the call's ``timestamp`` and each message's own (stored UTC form),
    and the ``expiration_date`` of what it writes."""

    default: str | None = None
    messages: dict[str, str] = field(default_factory=dict)  # message index -> time
    expiration_date: str | None = None

    @classmethod
    def of(cls, messages: Sequence[Message], default: str | None,
           expiration_date: str | None = None) -> Times:
        return cls(default, {str(m.index): m.timestamp for m in messages if m.timestamp},
                   expiration_date)

    def of_sources(self, source_ids: Sequence[str]) -> str | None:
        """When a memory drawn from these messages was said: the latest of their own
        times, else the call's (None: the store uses the write time)."""
        own = [self.messages[i] for i in source_ids if i in self.messages]
        return max(own) if own else self.default


def plan_to_changeset(plan: Plan, vectors: list[np.ndarray], *, memory_type: str | None,
                      actor: str | None, times: Times | None = None,
                      cite: Callable[[list[str]], list[str]] | None = None
                      ) -> tuple[ChangeSet, list[dict[str, Any]]]:
    """``vectors[i]`` belongs to ``plan.writes[i]``; returns the ChangeSet and the
    results (one per change, in plan order) the caller reports. An UPDATE takes the time
    of the messages that restated it (a fact is dated by when it was last said).
    ``cite`` turns a change's source positions into the stored episodes' ids; with it,
    an UPDATE also gives the memory the new evidence."""
    times = times or Times()
    vecs = dict(zip((id(c) for c in plan.writes), vectors, strict=True))
    cs = ChangeSet(actor_id=actor, role="user")
    results: list[dict[str, Any]] = []
    for c in plan.changes:
        if c.event == "ADD":
            add = NewMemory(id=new_id(), text=c.text, hash=text_hash(c.text), scope=plan.scope,
                            embedding=vecs[id(c)], metadata=dict(plan.metadata), role="user",
                            memory_type=memory_type,
                            source_ids=(cite or list)(list(c.source_ids)),
                            unique=True, happened_at=times.of_sources(c.source_ids),
                            expiration_date=times.expiration_date)
            cs.adds.append(add)
            results.append({"id": add.id, "memory": c.text, "event": "ADD"})
        elif c.event == "UPDATE":
            assert c.memory_id is not None
            cs.updates.append(MemoryUpdate(id=c.memory_id, text=c.text, hash=text_hash(c.text),
                                           embedding=vecs[id(c)],
                                           happened_at=times.of_sources(c.source_ids),
                                           source_ids=cite(list(c.source_ids)) if cite else None))
            results.append({"id": c.memory_id, "memory": c.text, "event": "UPDATE",
                            "previous_memory": c.previous})
        elif c.event == "DELETE":
            assert c.memory_id is not None
            cs.deletes.append(c.memory_id)
            results.append({"id": c.memory_id, "memory": c.text, "event": "DELETE"})
        else:
            results.append({"id": c.memory_id, "memory": c.text, "event": "NONE"})
    return cs, results


def mark_skipped(results: list[dict[str, Any]], applied: ApplyResult) -> list[dict[str, Any]]:
    """An ADD the store skipped (another process stored the same text meanwhile) is
    reported as a NONE on the memory that holds it."""
    for item in results:
        skipped = applied.skipped.get(item["id"])
        if skipped is not None:
            item.update(id=skipped, event="NONE")
    return results


def raw_messages(messages: list[Message]) -> list[Message]:
    """infer=False keeps every non-system message that has text."""
    return [m for m in messages if m.role != "system" and m.content.strip()]


def raw_changeset(kept: list[Message], vectors: Sequence[np.ndarray | None], scope: Scope,
                  metadata: dict[str, Any], memory_type: str | None,
                  times: Times | None = None, ids: Sequence[str] | None = None) -> ChangeSet:
    """One memory per kept message, as it is (``raw``: conversational order and context),
    dated by its own ``timestamp``, else the call's; ``ids``: message ``i``'s memory id
    (an import's, see ``preset_memory_ids``), else a new one."""
    times = times or Times()
    return ChangeSet(adds=[
        NewMemory(id=ids[m.index] if ids else new_id(), text=m.content, hash=text_hash(m.content), scope=scope,
                  embedding=vec, metadata=dict(metadata), role=m.role, actor_id=m.name,
                  memory_type=memory_type, source_ids=[str(m.index)], raw=True,
                  happened_at=m.timestamp or times.default,
                  expiration_date=times.expiration_date)
        for m, vec in zip(kept, vectors, strict=True)])


def raw_results(cs: ChangeSet) -> list[dict[str, Any]]:
    out = []
    for a in cs.adds:
        item: dict[str, Any] = {"id": a.id, "memory": a.text, "event": "ADD", "role": a.role}
        if a.actor_id:
            item["actor_id"] = a.actor_id
        out.append(item)
    return out
