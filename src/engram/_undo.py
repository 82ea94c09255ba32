"""Undo an add: from its history rows back to what the memories were (pure planning).

For each memory the add touched, the state before the add (its first event's old text,
or none if the add created it) is restored, but only while the memory still holds what
the add left (its last event's new text): a memory changed since is left alone, with a
warning, rather than overwriting a later change. The undo is applied as a new change
with its own history rows (and its own ``add_id``, so it can be undone in turn).

>>> from engram._types import HistoryEvent, MemoryRecord, Scope
>>> ev = [HistoryEvent("e1", "m1", "UPDATE", "Lives in Paris", "Lives in Rome", "t", add_id="a"),
...       HistoryEvent("e2", "m2", "ADD", None, "Likes tea", "t", add_id="a")]
>>> now = {"m1": MemoryRecord("m1", "Lives in Rome", "h", Scope("u")),
...        "m2": MemoryRecord("m2", "Likes coffee", "h", Scope("u"))}
>>> u = plan_undo(ev, now)
>>> [(s.event, s.memory_id, s.text) for s in u.steps], u.warnings
([('UPDATE', 'm1', 'Lives in Paris')], ['m2: changed since the add; left as it is'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engram._ids import new_id
from engram._spoken import embedded_text
from engram._types import EPISODE, Event, HistoryEvent, MemoryRecord, Scope
from engram.embed import text_hash
from engram.errors import NotFound
from engram.store.base import ChangeSet, MemoryUpdate, NewMemory

if TYPE_CHECKING:
    from engram.embed import Embedder
    from engram.store.base import BoundStore

__all__ = ["UndoStep", "UndoPlan", "plan_undo", "undo"]


@dataclass(frozen=True)
class UndoStep:
    """DELETE a memory the add created, UPDATE one back to ``text``, or ADD back (same
    id) one the add deleted, from ``snapshot`` (the record as it was deleted)."""

    event: Event
    memory_id: str
    text: str
    previous: str | None = None
    snapshot: dict[str, Any] | None = None
    sources: list[str] | None = None  # UPDATE: the provenance to put back (None: keep)


@dataclass
class UndoPlan:
    steps: list[UndoStep] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def plan_undo(events: Sequence[HistoryEvent], current: dict[str, MemoryRecord]) -> UndoPlan:
    """``events``: the add's history rows, oldest first; ``current``: the memories they
    name that exist now."""
    plan = UndoPlan()
    first: dict[str, HistoryEvent] = {}
    last: dict[str, HistoryEvent] = {}
    for e in events:
        first.setdefault(e.memory_id, e)
        last[e.memory_id] = e
    for mid, start in first.items():
        before, after = start.old_memory if start.event != "ADD" else None, last[mid].new_memory
        now = current.get(mid)
        held = now.memory if now is not None else None
        if held != after:
            plan.warnings.append(f"{mid}: changed since the add; left as it is")
        elif before is None and now is not None:
            plan.steps.append(UndoStep("DELETE", mid, now.memory))
        elif before is not None and now is not None:
            plan.steps.append(UndoStep("UPDATE", mid, before, previous=now.memory,
                                       sources=start.old_source_ids))
        elif before is not None:
            snap = next((e.snapshot for e in events if e.memory_id == mid and e.snapshot), None)
            if snap is None:
                plan.warnings.append(f"{mid}: no record of its scope to restore it from")
            else:
                plan.steps.append(UndoStep("ADD", mid, before, snapshot=snap))
    return plan


def undo(store: BoundStore, embedder: Embedder, ref: str) -> dict[str, Any]:
    """Undo the add ``ref`` names (an ``add_id``, or the id of one of its history rows)
    in one transaction; returns the results, the undo's own ``add_id`` and warnings."""
    events = store.change_events(ref)
    if not events:
        raise NotFound("add or history event", ref)
    current = store.get_many(list(dict.fromkeys(e.memory_id for e in events)))
    plan = plan_undo(events, current)
    writes = [s for s in plan.steps if s.event != "DELETE"]
    # A restored turn is embedded (and hashed) as the add embedded it: with its speaker.
    said = {id(s): embedded_text(*_kind(s, current), s.text) for s in writes}
    vecs = dict(zip((id(s) for s in writes),
                    embedder.embed([said[id(s)] for s in writes]) if writes else [], strict=True))
    cs = ChangeSet(add_id=new_id())
    results: list[dict[str, Any]] = []
    for step in plan.steps:
        if step.event == "DELETE":
            cs.deletes.append(step.memory_id)
        elif step.event == "UPDATE":
            cs.updates.append(MemoryUpdate(step.memory_id, step.text, text_hash(said[id(step)]),
                                           vecs[id(step)], source_ids=step.sources))
        else:
            snap = step.snapshot or {}
            cs.adds.append(NewMemory(
                id=step.memory_id, text=step.text, hash=text_hash(said[id(step)]),
                scope=Scope(snap.get("user_id"), snap.get("agent_id"), snap.get("run_id")),
                embedding=vecs[id(step)], metadata=dict(snap.get("metadata") or {}),
                role=snap.get("role"), actor_id=snap.get("actor_id"),
                memory_type=snap.get("memory_type"), raw=snap.get("memory_type") == EPISODE,
                happened_at=snap.get("happened_at"), expiration_date=snap.get("expiration_date"),
                source_ids=list(snap.get("source_ids") or []),
                categories=list(snap.get("categories") or []),
                immutable=bool(snap.get("immutable"))))
        item = {"id": step.memory_id, "memory": step.text, "event": step.event}
        results.append(item | ({"previous_memory": step.previous} if step.previous else {}))
    out: dict[str, Any] = {"results": results}
    if not cs.is_empty():
        store.apply(cs)
        out["add_id"] = cs.add_id
    if plan.warnings:
        out["warnings"] = plan.warnings
    return out


def _kind(step: UndoStep, current: dict[str, MemoryRecord]) -> tuple[str | None, str | None]:
    """(memory_type, actor_id) of the memory a step writes: as it is now (UPDATE), or as
    it was deleted (ADD back)."""
    rec = current.get(step.memory_id)
    if rec is not None:
        return rec.memory_type, rec.actor_id
    snap = step.snapshot or {}
    return snap.get("memory_type"), snap.get("actor_id")
