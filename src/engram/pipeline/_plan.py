"""Reconciliation decisions -> the changes one add will make (pure: no I/O, no ids).

Every check on decisions lives here, once, for the rules and the LLM reconcilers alike:

- a decision on an unknown memory ref is dropped (LLM ids are never trusted), and an
  existing memory is changed at most once per add;
- an ADD that repeats a held memory or another ADD of this add is a NONE, an UPDATE to
  the text already held is a NONE;
- facts of one add are reconciled with each other: a later value of a single-valued
  slot (where someone lives, a job, a favourite X) supersedes an earlier one, so one
  message cannot leave two residences;
- an immutable memory is never updated or deleted: a DELETE of it is dropped, an UPDATE
  adds its text as a new memory;
- the poisoning cap: an add that would change or delete more than ``max_destructive``
  existing memories changes none of them; its new facts are still added, and the held
  changes are reported (see :func:`plan_changes` for why).

The store's commit-time hash check stays as the last guard against other processes.

>>> from engram._types import MemoryRecord, Scope
>>> held = [MemoryRecord("m1", "Lives in Paris", "h1", Scope("u"))]
>>> plan = plan_changes([Decision("UPDATE", "Lives in Rome", 0), Decision("DELETE", ref=0),
...                      Decision("ADD", "Lives in Oslo")], held, Scope("u"), {})
>>> [(c.event, c.memory_id, c.text) for c in plan.changes]
[('UPDATE', 'm1', 'Lives in Oslo')]
>>> plan.warnings[0]
'DELETE: memory 0 already changed in this call; dropped'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from engram._types import Event, MemoryRecord, Scope
from engram.embed import text_hash
from engram.pipeline._results import log
from engram.pipeline.base import Decision
from engram.pipeline.rules._slots import signatures_conflict, slot_signature

__all__ = ["Change", "Plan", "plan_changes", "DEFAULT_MAX_DESTRUCTIVE"]

# A real message rarely changes more than a few things the user said before at once
# (moved, changed job, stopped a habit); more is what mass-negation poisoning looks like.
DEFAULT_MAX_DESTRUCTIVE = 3


@dataclass(frozen=True)
class Change:
    """One planned change. ADD: ``text`` is new, ``memory_id`` None. UPDATE: the held
    memory ``memory_id`` gets ``text`` (``previous`` was its text). DELETE: ``text`` is
    the deleted memory's text. NONE: the held memory ``memory_id`` already says it."""

    event: Event
    text: str
    memory_id: str | None = None
    previous: str | None = None
    source_ids: tuple[str, ...] = ()
    fact: int | None = None  # the fact it came from, to keep a replacement's halves together


@dataclass
class Plan:
    """What one add will change in ``scope``; ``held`` are the changes the poisoning cap
    kept back. Vectors and ids come later (the embedding and commit steps)."""

    scope: Scope
    metadata: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    held: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        log.warning(message)
        self.warnings.append(message)

    @property
    def writes(self) -> list[Change]:
        """The changes that need a vector: ADDs and UPDATEs, in order."""
        return [c for c in self.changes if c.event in ("ADD", "UPDATE")]


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def plan_changes(decisions: Sequence[Decision], held: Sequence[MemoryRecord], scope: Scope,
                 metadata: dict[str, Any], *,
                 max_destructive: int | None = DEFAULT_MAX_DESTRUCTIVE) -> Plan:
    """The changes ``decisions`` make; ``held[ref]`` is the memory shown as ``ref``.

    Over the cap, the destructive changes are held rather than applied as ADDs: adding
    the new side of an UPDATE beside the old text would leave the contradiction the
    update was for. The facts behind the held changes are held with them, the rest is
    added, and the warning lists what was held so the caller can re-send or undo.
    ``max_destructive=None`` turns the cap off.
    """
    plan = Plan(scope, dict(metadata))
    out = _checked(decisions, held, plan)
    out = _supersede_within_add(out, held, plan)
    out = _one_report_per_memory(out)
    destructive = [c for c in out if c.event in ("UPDATE", "DELETE")]
    if max_destructive is not None and len(destructive) > max_destructive:
        facts = {c.fact for c in destructive if c.fact is not None}
        plan.held = [c for c in out if c.event in ("UPDATE", "DELETE")
                     or (c.event == "ADD" and c.fact in facts)]
        out = [c for c in out if not any(c is h for h in plan.held)]
        plan.warn(f"held {len(destructive)} changes to existing memories (more than "
                  f"pipeline.max_destructive={max_destructive} in one add); nothing held "
                  f"was changed: {[c.previous or c.text for c in destructive]}")
    plan.changes = out
    return plan


def _one_report_per_memory(changes: list[Change]) -> list[Change]:
    """A memory this add changes is not also reported unchanged, nor twice unchanged."""
    seen = {c.memory_id for c in changes if c.event in ("UPDATE", "DELETE")}
    out = []
    for c in changes:
        if c.event == "NONE":
            if c.memory_id in seen:
                continue
            seen.add(c.memory_id)
        out.append(c)
    return out


def _checked(decisions: Sequence[Decision], held: Sequence[MemoryRecord],
             plan: Plan) -> list[Change]:
    """Decisions mapped to held memories, with what cannot be trusted dropped."""
    out: list[Change] = []
    changed: set[int] = set()
    held_keys = {_key(h.memory): h for h in held}
    new_keys: set[str] = set()
    for d in decisions:
        if d.ref is not None and not 0 <= d.ref < len(held):
            plan.warn(f"dropped {d.event} on unknown memory ref {d.ref}")
            continue
        rec = held[d.ref] if d.ref is not None else None
        text = " ".join((d.text or "").split())
        src = tuple(d.source_ids)
        if rec is not None and rec.immutable and d.event in ("UPDATE", "DELETE"):
            # Never changed by an add: a DELETE is dropped, an UPDATE's text is added
            # beside the memory (unless it says the same).
            plan.warn(f"{d.event}: memory {d.ref} is immutable; kept as it is")
            if d.event == "DELETE" or not text or text_hash(text) == rec.hash:
                continue
            d = dataclasses.replace(d, event="ADD", ref=None)
        if d.event in ("UPDATE", "DELETE"):
            if rec is None or d.ref is None:
                plan.warn(f"dropped {d.event} without a target memory")
                continue
            if d.ref in changed:
                plan.warn(f"{d.event}: memory {d.ref} already changed in this call; dropped")
                continue
            if d.event == "UPDATE" and not text:
                plan.warn(f"UPDATE: memory {d.ref} without text; dropped")
                continue
            changed.add(d.ref)
            if d.event == "DELETE":
                out.append(Change("DELETE", rec.memory, rec.id, None, src, d.fact))
            elif text_hash(text) == rec.hash:
                out.append(Change("NONE", text, rec.id, None, src, d.fact))
            else:
                new_keys.add(_key(text))
                out.append(Change("UPDATE", text, rec.id, rec.memory, src, d.fact))
        elif d.event == "ADD":
            key = _key(text)
            if not key or key in new_keys:
                continue
            if key in held_keys:
                same = held_keys[key]
                out.append(Change("NONE", same.memory, same.id, None, src, d.fact))
                continue
            new_keys.add(key)
            out.append(Change("ADD", text, None, None, src, d.fact))
        elif rec is not None:
            out.append(Change("NONE", rec.memory, rec.id, None, src, d.fact))
    return out


def _supersede_within_add(changes: list[Change], held: Sequence[MemoryRecord],
                          plan: Plan) -> list[Change]:
    """A later value of a single-valued slot replaces an earlier one of this add. A held
    memory the earlier value updated or restated passes to the later fact, so the slot
    is written once ("I live in Porto. Actually, Faro." updates the residence to Faro)."""
    out: list[Change | None] = list(changes)
    sigs = [slot_signature(c.text) if _says_a_value(c) else None for c in changes]
    superseded = 0
    for i, sig in enumerate(sigs):
        if sig is None:
            continue
        for j in range(i):
            earlier = out[j]
            if earlier is None or not signatures_conflict(sigs[j], sig):
                continue
            out[j] = None
            superseded += 1
            current = out[i]
            if earlier.event != "ADD" and current is not None and current.event == "ADD":
                out[i] = _take_over(current, earlier, held)
    if superseded:
        plan.warn(f"{superseded} fact(s) of this add superseded by a later value of the "
                  "same slot")
    return [c for c in out if c is not None]


def _says_a_value(c: Change) -> bool:
    return c.event in ("ADD", "UPDATE") or (c.event == "NONE" and c.memory_id is not None)


def _take_over(add: Change, update: Change, held: Sequence[MemoryRecord]) -> Change:
    rec = next(h for h in held if h.id == update.memory_id)
    if rec.immutable:  # an earlier fact restated it: the later value is added beside it
        return add
    if text_hash(add.text) == rec.hash:
        return dataclasses.replace(add, event="NONE", memory_id=rec.id)
    return dataclasses.replace(add, event="UPDATE", memory_id=rec.id, previous=rec.memory)
