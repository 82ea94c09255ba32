"""The add flow: messages -> (facts -> neighbours -> decisions) -> one ChangeSet.

``plan_raw`` is infer=False; ``run_inferred`` is infer=True and holds the scope lock from
neighbour search to commit, so concurrent adds of one fact yield one memory.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from engram._types import Message, Scope
from engram.embed import Embedder, text_hash
from engram.pipeline.base import Decision, Existing, ExtractContext, Extractor, Reconciler
from engram.store import filters as F
from engram.store._records import new_id
from engram.store.base import ChangeSet, MemoryUpdate, NewMemory, Store

log = logging.getLogger("engram.add")
NEIGHBOURS_PER_FACT = 5


@dataclass
class AddOutcome:
    results: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    relations: dict[str, Any] | None = None  # graph on: {"added": [...], "invalidated": [...]}


@dataclass
class GraphStep:
    """Graph memory for one add: an extractor (rules or LLM) and the name-match level."""

    extractor: Any  # engram.graph.RulesGraphExtractor | LLMGraphExtractor
    similarity: float = 0.85


def add_graph(ns: str, store: Store, embedder: Embedder, scope: Scope, cs: ChangeSet,
              triples: Any, memories: Sequence[tuple[str, str, int | None]],
              similarity: float = 0.85) -> dict[str, Any]:
    """Put the graph changes of ``triples`` into ``cs`` (the caller holds the scope lock
    and applies ``cs``): one transaction for memories and graph."""
    from engram.graph import plan_graph

    plan = plan_graph(ns, store, embedder.embed, scope, triples, memories, similarity=similarity)
    plan.into(cs)
    return {"added": plan.added, "invalidated": plan.invalidated}


def plan_raw(messages: list[Message], scope: Scope, metadata: dict[str, Any],
             memory_type: str | None, embedder: Embedder) -> ChangeSet:
    """infer=False: every non-system message with text becomes one memory, as it is."""
    kept = [m for m in messages if m.role != "system" and m.content.strip()]
    vecs = embedder.embed([m.content for m in kept])
    adds = [
        NewMemory(id=new_id(), text=m.content, hash=text_hash(m.content), scope=scope,
                  embedding=vecs[i], metadata=dict(metadata), role=m.role, actor_id=m.name,
                  memory_type=memory_type, source_ids=[str(m.index)], raw=True)
        for i, m in enumerate(kept)
    ]
    return ChangeSet(adds=adds)


def apply_raw(ns: str, store: Store, embedder: Embedder, scope: Scope, cs: ChangeSet,
              messages: list[Message], target: str, graph: GraphStep | None) -> dict[str, Any] | None:
    """Apply an infer=False ChangeSet; with the graph on, each message's relations are
    planned under the scope lock and linked to the memory stored from that message."""
    if graph is None:
        store.apply(ns, cs)
        return None
    found = graph.extractor.extract(messages, target)  # outside the lock: may be an LLM
    kept = [(a.id, a.text, int(a.source_ids[0]) if a.source_ids else None) for a in cs.adds]
    with store.scope_lock(ns, scope):
        relations = add_graph(ns, store, embedder, scope, cs, found.triples, kept,
                              graph.similarity)
        store.apply(ns, cs)
    return relations


def raw_results(cs: ChangeSet) -> list[dict[str, Any]]:
    out = []
    for a in cs.adds:
        item: dict[str, Any] = {"id": a.id, "memory": a.text, "event": "ADD", "role": a.role}
        if a.actor_id:
            item["actor_id"] = a.actor_id
        out.append(item)
    return out


def _scope_filter(scope: Scope) -> F.Node:
    return F.parse_filters(scope.as_dict())


def run_inferred(
    ns: str, messages: list[Message], scope: Scope, metadata: dict[str, Any],
    ctx: ExtractContext, store: Store, embedder: Embedder,
    steps: tuple[Extractor, Reconciler], memory_type: str | None = None,
    graph: GraphStep | None = None,
) -> AddOutcome:
    """infer=True: extract (outside the lock: it may be a slow LLM call), then under the
    scope lock find neighbours, reconcile, validate the decisions and commit."""
    extractor, reconciler = steps
    outcome = AddOutcome()
    facts = extractor.extract(messages, ctx)
    outcome.warnings.extend(getattr(facts, "warnings", []))
    if not facts:
        return outcome
    found = graph.extractor.extract(messages, ctx.target) if graph is not None else None
    if found is not None:
        outcome.warnings.extend(found.warnings)
    actor = next((m.name for m in messages if m.role == "user" and m.name), None)
    with store.scope_lock(ns, scope):
        where = _scope_filter(scope)
        fact_vecs = embedder.embed([f.text for f in facts])
        ids: list[str] = []
        for vec in fact_vecs:
            for mid, _ in store.vector_search(ns, where, vec, NEIGHBOURS_PER_FACT):
                if mid not in ids:
                    ids.append(mid)
        held = store.get_many(ns, ids)
        ids = [i for i in ids if i in held]
        existing = [Existing(ref=i, text=held[mid].memory) for i, mid in enumerate(ids)]
        decisions = reconciler.reconcile(facts, existing, ctx)
        outcome.warnings.extend(getattr(decisions, "warnings", []))
        cs, planned = _changes(decisions, facts, ids, held, scope, metadata, memory_type,
                               embedder, outcome.warnings)
        cs.actor_id, cs.role = actor, "user"
        if found is not None and graph is not None:
            kept = [(p["id"], p["memory"], None) for p in planned if p["event"] != "DELETE"]
            outcome.relations = add_graph(ns, store, embedder, scope, cs, found.triples, kept,
                                          graph.similarity)
        applied = store.apply(ns, cs)
    for item in planned:
        skipped = applied.skipped.get(item["id"])
        if skipped is not None:  # another process stored the same text meanwhile
            item.update(id=skipped, event="NONE")
        outcome.results.append(item)
    return outcome


def _changes(
    decisions: list[Decision], facts: list[Any], ids: list[str], held: dict[str, Any],
    scope: Scope, metadata: dict[str, Any], memory_type: str | None, embedder: Embedder,
    warnings: list[str],
) -> tuple[ChangeSet, list[dict[str, Any]]]:
    """Map decisions on small integer refs back to real ids, dropping what cannot be
    trusted (unknown refs, a second decision on one memory, empty texts)."""
    cs = ChangeSet()
    planned: list[dict[str, Any]] = []
    touched: set[str] = set()
    new_texts: set[str] = set()
    to_embed: list[tuple[str, Any]] = []  # (text, target) in decision order
    for d in decisions:
        mid = None
        if d.ref is not None:
            if not 0 <= d.ref < len(ids):
                warnings.append(f"dropped {d.event} on unknown memory ref {d.ref}")
                log.warning("dropped %s on unknown memory ref %s", d.event, d.ref)
                continue
            mid = ids[d.ref]
        if d.event in ("UPDATE", "DELETE") and (mid is None or mid in touched):
            warnings.append(f"dropped {d.event} without a (new) target memory")
            continue
        sources = list(d.source_ids) or (list(facts[d.fact].source_ids)
                                         if d.fact is not None and 0 <= d.fact < len(facts) else [])
        if d.event == "ADD":
            text = (d.text or "").strip()
            h = text_hash(text) if text else ""
            if not text or h in new_texts:
                continue
            new_texts.add(h)
            add = NewMemory(id=new_id(), text=text, hash=h, scope=scope, embedding=None,  # type: ignore[arg-type]
                            metadata=dict(metadata), role="user", memory_type=memory_type,
                            source_ids=sources, unique=True)
            cs.adds.append(add)
            to_embed.append((text, add))
            planned.append({"id": add.id, "memory": text, "event": "ADD"})
        elif d.event == "UPDATE":
            assert mid is not None
            text = (d.text or "").strip()
            if not text:
                warnings.append("dropped UPDATE with no text")
                continue
            touched.add(mid)
            if text_hash(text) == held[mid].hash:
                planned.append({"id": mid, "memory": text, "event": "NONE"})
                continue
            upd = MemoryUpdate(id=mid, text=text, hash=text_hash(text))
            cs.updates.append(upd)
            to_embed.append((text, upd))
            planned.append({"id": mid, "memory": text, "event": "UPDATE",
                            "previous_memory": held[mid].memory})
        elif d.event == "DELETE":
            assert mid is not None
            touched.add(mid)
            cs.deletes.append(mid)
            planned.append({"id": mid, "memory": held[mid].memory, "event": "DELETE"})
        elif mid is not None and mid not in touched:
            planned.append({"id": mid, "memory": held[mid].memory, "event": "NONE"})
    if to_embed:
        vecs = embedder.embed([t for t, _ in to_embed])
        for (_, target), vec in zip(to_embed, vecs, strict=True):
            target.embedding = vec
    return cs, planned
