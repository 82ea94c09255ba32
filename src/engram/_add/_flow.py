"""The add flow: one entry for raw, inferred and procedural adds.

    add(ctx, messages, scope, options)
      raw (infer=False):  keep messages -> embed (or queue: embedder.background) -> commit
      inferred:           extract (outside the lock: it may be a slow LLM call), embed (or
                          queue) the turns kept as episodes (pipeline.keep_episodes)
                          -> under the scope lock: write the scope's pending fact vectors
                             -> neighbours -> reconcile -> plan_changes (pure) -> embed
                             -> commit
      procedural:         summarise -> embed -> commit

Holding the scope lock from the neighbour search to the commit is what makes two
concurrent adds of one fact yield one memory.

Queued vectors (``AddContext.defer``, :mod:`engram._vectors`): a stored message or turn
is committed with its text, keyword index and history, and its vector follows from the
background writer, which also picks its categories then (they come from the vector).
Facts of ``infer=True`` adds are always embedded before they commit: the next add's
reconciliation finds them by similarity.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from engram._add._commit import (
    Times,
    embed_texts,
    mark_skipped,
    plan_to_changeset,
    raw_changeset,
    raw_messages,
    raw_results,
)
from engram._add._episodes import Episodes, episodes_for, spoken
from engram._add._graph import GraphStep, add_graph
from engram._ids import new_id
from engram._types import EPISODE, MemoryRecord, Message, Scope
from engram.embed import text_hash
from engram.errors import InvalidInput
from engram.pipeline import DEFAULT_MAX_DESTRUCTIVE, no_fact_warning, plan_changes, unread
from engram.pipeline.base import Existing, ExtractContext, Fact
from engram.store import filters as F
from engram.store.base import ApplyResult, BoundStore, ChangeSet, NewMemory

if TYPE_CHECKING:
    from engram._components import Components
    from engram._vectors import VectorWriter

NEIGHBOURS_PER_FACT = 5
# The server's queued adds name their add_id in advance (the job's id), so that after a
# crash the worker can tell from the history whether the add committed (exactly once).
_ADD_ID: ContextVar[str | None] = ContextVar("engram_add_id", default=None)


@contextmanager
def preset_add_id(add_id: str) -> Iterator[None]:
    """Adds made inside this block (in this thread) record ``add_id`` as theirs."""
    token = _ADD_ID.set(add_id)
    try:
        yield
    finally:
        _ADD_ID.reset(token)


def _add_id() -> str:
    return _ADD_ID.get() or new_id()


# ``engram import`` names the memories of a raw add in advance, one id per message (by
# position), derived from the file and the line: a re-run finds what is stored already.
_MEMORY_IDS: ContextVar[tuple[str, ...] | None] = ContextVar("engram_memory_ids", default=None)


@contextmanager
def preset_memory_ids(ids: tuple[str, ...]) -> Iterator[None]:
    """Raw adds made inside this block store message ``i`` under ``ids[i]``."""
    token = _MEMORY_IDS.set(ids)
    try:
        yield
    finally:
        _MEMORY_IDS.reset(token)


@dataclass(frozen=True)
class AddContext:
    """What an add runs on: the (lazily built) parts and the store bound to the tenant's
    namespace."""

    parts: Components
    store: BoundStore
    max_destructive: int | None = DEFAULT_MAX_DESTRUCTIVE
    on_no_fact: str = "warn"  # pipeline.on_no_fact: warn | store_raw | ignore
    keep_episodes: bool = True  # pipeline.keep_episodes: infer=True stores the turns
    # Pending vectors (engram._vectors): with ``defer`` stored messages and turns queue
    # theirs; inferred adds first write the scope's pending facts' vectors.
    vectors: VectorWriter | None = None
    defer: bool = False

    def embed_later(self, texts: list[str]) -> list[np.ndarray | None]:
        """The vectors of stored messages or turns: none yet when they are queued."""
        if self.defer and self.vectors is not None:
            return [None] * len(texts)
        return list(embed_texts(self.parts.read_embedder, texts))


@dataclass(frozen=True)
class AddOptions:
    """One add's validated options."""

    metadata: dict[str, Any] = field(default_factory=dict)
    infer: bool = True
    memory_type: str | None = None
    prompt: str | None = None  # the procedural summary's prompt
    extract: ExtractContext = field(default_factory=ExtractContext)
    graph: GraphStep | None = None
    llm: Any = None  # this call's LLM for the procedural summary (Mem0's add(llm=))
    immutable: bool = False  # the memories this add stores are never changed by later adds
    categories: dict[str, str] | None = None  # the catalog (None: Mem0's default)
    happened_at: str | None = None  # the call's timestamp, stored UTC form
    expiration_date: str | None = None  # YYYY-MM-DD for everything this add writes

    def times(self, messages: list[Message]) -> Times:
        return Times.of(messages, self.happened_at, self.expiration_date)


def add(ctx: AddContext, messages: list[Message], scope: Scope,
        options: AddOptions) -> dict[str, Any]:
    """Remember ``messages`` for ``scope``: ``{"results": [...]}`` plus ``relations``
    (graph on), ``warnings`` (anything skipped, dropped or held) and, when the add changed
    something, its ``add_id`` (recorded on its history rows: ``Memory.undo`` takes it)."""
    if options.memory_type == "procedural_memory":
        out = _procedural(ctx, messages, scope, options)
    elif not options.infer:
        out = _raw(ctx, messages, scope, options)
    else:
        out = _inferred(ctx, messages, scope, options)
    if not any(r["event"] != "NONE" for r in out["results"]) and not out.get("episode_ids"):
        out.pop("add_id", None)
    return out


def _raw(ctx: AddContext, messages: list[Message], scope: Scope,
         opts: AddOptions) -> dict[str, Any]:
    kept = raw_messages(messages)
    vectors = ctx.embed_later([m.content for m in kept])
    cs = raw_changeset(kept, vectors, scope, opts.metadata, opts.memory_type,
                       opts.times(messages), _MEMORY_IDS.get())
    cs.add_id = _add_id()
    store, graph = ctx.store, opts.graph
    if graph is None:
        _commit(ctx, opts, cs)
        return {"results": raw_results(cs), "add_id": cs.add_id}
    # Each message's relations are linked to the memory stored from that message.
    found = graph.extractor.extract(messages, opts.extract.target)  # may be an LLM: unlocked
    linked = [(a.id, a.text, int(a.source_ids[0]) if a.source_ids else None) for a in cs.adds]
    with store.scope_lock(scope):
        relations = add_graph(store, ctx.parts.embedder, scope, cs, found.triples,
                              linked, graph.similarity)
        _commit(ctx, opts, cs)
    return {"results": raw_results(cs), "relations": relations, "add_id": cs.add_id}


def _procedural(ctx: AddContext, messages: list[Message], scope: Scope,
                opts: AddOptions) -> dict[str, Any]:
    if not scope.agent_id:
        raise InvalidInput("agent_id", "procedural memory needs an agent_id")
    from engram.pipeline.llm_steps import summarise_procedural

    text = summarise_procedural(opts.llm or ctx.parts.llm, messages, opts.prompt)
    [vec] = embed_texts(ctx.parts.embedder, [text])
    add = NewMemory(id=new_id(), text=text, hash=text_hash(text), scope=scope, embedding=vec,
                    metadata=dict(opts.metadata), memory_type="procedural_memory",
                    source_ids=[str(m.index) for m in messages],
                    happened_at=opts.times(messages).of_sources([str(m.index) for m in messages]),
                    expiration_date=opts.expiration_date)
    cs = ChangeSet(adds=[add], add_id=_add_id())
    _commit(ctx, opts, cs)
    return {"results": [{"id": add.id, "memory": text, "event": "ADD"}], "add_id": cs.add_id}


def _inferred(ctx: AddContext, messages: list[Message], scope: Scope,
              opts: AddOptions) -> dict[str, Any]:
    extractor, reconciler = ctx.parts.steps
    graph = opts.graph
    facts, warnings = extractor.extract(messages, opts.extract)
    # No silent loss: a message with a statement in it that gave no fact is named.
    missed = unread(messages, facts, opts.extract.target) if ctx.on_no_fact != "ignore" else []
    warnings.extend(no_fact_warning(m) for m in missed)
    keep_raw = missed if ctx.on_no_fact == "store_raw" else []
    eps = _episodes(ctx, messages, scope, opts)
    out: dict[str, Any] = {"results": []}
    if graph is not None:
        out["relations"] = {"added": [], "invalidated": []}
    store, embedder = ctx.store, ctx.parts.embedder
    if facts:
        found = graph.extractor.extract(messages, opts.extract.target) if graph else None
        if found is not None:
            warnings.extend(found.warnings)
        actor = next((m.name for m in messages if m.role == "user" and m.name), None)
        with store.scope_lock(scope):
            if ctx.vectors is not None:  # neighbours by similarity need every vector
                ctx.vectors.drain(scope, facts_only=True)
            held = _neighbours(ctx, scope, facts)
            decisions, dropped = reconciler.reconcile(
                facts, [Existing(i, h.memory) for i, h in enumerate(held)], opts.extract)
            plan = plan_changes(decisions, held, scope, opts.metadata,
                                max_destructive=ctx.max_destructive)
            warnings += dropped + plan.warnings
            vectors = embed_texts(embedder, [c.text for c in plan.writes])
            times = opts.times(messages)
            cs, results = plan_to_changeset(plan, vectors, memory_type=opts.memory_type,
                                            actor=actor, times=times,
                                            cite=eps.cite if eps else None)
            results += _keep_raw(ctx, cs, keep_raw, scope, opts, times)
            if eps is not None:  # first: the turns precede the facts that cite them
                cs.adds[:0] = eps.adds
                _keep_old_evidence(cs, held)
            cs.add_id = out["add_id"] = _add_id()
            if found is not None and graph is not None:
                kept = [(r["id"], r["memory"], None) for r in results if r["event"] != "DELETE"]
                out["relations"] = add_graph(store, embedder, scope, cs, found.triples,
                                             kept, graph.similarity)
            applied = _commit(ctx, opts, cs)
        out["results"] = mark_skipped(results, applied)
    elif keep_raw or eps is not None:
        cs = ChangeSet(adds=eps.adds if eps is not None else [])
        out["results"] = _keep_raw(ctx, cs, keep_raw, scope, opts, opts.times(messages))
        cs.add_id = out["add_id"] = _add_id()
        if not cs.is_empty():
            _commit(ctx, opts, cs)
    if eps is not None and eps.adds:
        out["episode_ids"] = eps.ids()
    if warnings:
        out["warnings"] = warnings
    return out


def _commit(ctx: AddContext, opts: AddOptions, cs: ChangeSet) -> ApplyResult:
    """Apply ``cs`` (tagged) in one transaction; wake the vector writer when it queued
    vectors."""
    applied = ctx.store.apply(_tagged(ctx, opts, cs))
    if ctx.vectors is not None and any(a.embedding is None for a in cs.adds):
        ctx.vectors.notify()
    return applied


def _tagged(ctx: AddContext, opts: AddOptions, cs: ChangeSet) -> ChangeSet:
    """The add's own flags and categories on what it writes: new memories take the
    call's ``immutable``; new and re-worded memories are classified from their vectors
    (a queued vector's memory is classified by the writer, with the project's catalog)."""
    for a in cs.adds:
        a.immutable = opts.immutable
    both: list[Any] = [*cs.adds, *cs.updates]
    worded = [w for w in both if w.embedding is not None]
    tags = ctx.parts.classifier.classify([w.embedding for w in worded], opts.categories,
                                         [w.text or "" for w in worded])
    for item, cats in zip(worded, tags, strict=True):
        item.categories = cats
    return cs


def _keep_old_evidence(cs: ChangeSet, held: list[MemoryRecord]) -> None:
    """An updated fact cites the turns of its old version and of the new one (read
    under the scope lock, so nothing cited in between is lost)."""
    before = {h.id: h.source_ids for h in held}
    for u in cs.updates:
        if u.source_ids is not None:
            u.source_ids = list(dict.fromkeys([*before.get(u.id, []), *u.source_ids]))


def _episodes(ctx: AddContext, messages: list[Message], scope: Scope,
              opts: AddOptions) -> Episodes | None:
    """The add's turns as episodes (``pipeline.keep_episodes``), embedded (or queued)
    before the scope lock is taken; None when episodes are off."""
    if not ctx.keep_episodes:
        return None
    kept = raw_messages(messages)
    # Read-only cache: the vectors are stored with the episodes themselves. A turn's
    # vector carries its speaker (see engram._add._episodes.spoken).
    vectors = ctx.embed_later([spoken(m) for m in kept])
    return episodes_for(kept, vectors, scope, opts.metadata, opts.times(messages))


def _keep_raw(ctx: AddContext, cs: ChangeSet, missed: list[Message], scope: Scope,
              opts: AddOptions, times: Times) -> list[dict[str, Any]]:
    """pipeline.on_no_fact=store_raw: the messages that gave no fact as raw memories,
    added to ``cs`` (the same transaction); their results."""
    if not missed:
        return []
    raw = raw_changeset(missed, embed_texts(ctx.parts.embedder, [m.content for m in missed]),
                        scope, opts.metadata, opts.memory_type, times)
    cs.adds.extend(raw.adds)
    return raw_results(raw)


def _neighbours(ctx: AddContext, scope: Scope, facts: list[Fact]) -> list[MemoryRecord]:
    """The scope's memories most similar to any fact; ``held[ref]`` is shown as ``ref``."""
    store = ctx.store
    # Facts only: a stored turn is evidence, not a memory a fact can update or repeat.
    where = F.parse_filters({**scope.as_dict(), "memory_type": {"ne": EPISODE}})
    ids: list[str] = []
    for vec in embed_texts(ctx.parts.embedder, [f.text for f in facts]):
        for mid, _ in store.vector_search(where, vec, NEIGHBOURS_PER_FACT):
            if mid not in ids:
                ids.append(mid)
    found = store.get_many(ids)
    return [found[i] for i in ids if i in found]
