"""Re-extraction: run today's extractor (rules or a configured LLM) over the stored turns
of a scope and reconcile what it finds with the scope's facts, through the add's own
ADD/UPDATE/DELETE/NONE path.

    reextract(ctx, where, dry_run=..., progress=...)
      list the matching episodes, oldest first; per scope:
        extract each stored add's turns (a group: one add's turns share created_at),
          messages numbered across the scope so a fact's source is one episode id,
          each read at the time it was said (its happened_at), as the add read it
        -> under the scope lock: neighbours -> reconcile -> plan -> embed
        -> one transaction (history rows say origin "reextract"), or, dry run, nothing

No destructive cap: the caller asked for the scope to be brought up to date, and a dry
run shows every change first. Facts the new extractor no longer finds are left alone
(nothing contradicts them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING, Any

from engram import _validate as V
from engram._add._commit import Times, embed_texts, mark_skipped, plan_to_changeset
from engram._ids import new_id
from engram._types import EPISODE, MemoryRecord, Message, Scope
from engram.pipeline import plan_changes
from engram.pipeline.base import Existing, ExtractContext, Fact
from engram.store import filters as F

if TYPE_CHECKING:
    from engram._add._flow import AddContext
    from engram.config import MemoryConfig

__all__ = ["reextract", "ORIGIN"]

ORIGIN = "reextract"
Progress = Callable[[int, int], None]  # (episodes done, episodes in total)


def reextract(ctx: AddContext, where: F.Node, config: MemoryConfig, *, since: Any,
              dry_run: Any, progress: Progress | None = None) -> dict[str, Any]:
    """``{"results": [events], "scopes": [{scope ids, "episodes", "add_id"}], "dry_run"}``
    plus ``warnings``; ``where`` selects the episodes (scope, metadata), ``since`` (any
    timestamp ``add`` takes) those stored from then on."""
    from engram._add._flow import _keep_old_evidence, _neighbours

    since = V.check_timestamp(since, "since")
    if since is not None:
        where = F.and_(where, F.parse_filters({"created_at": {"gte": since}}))
    V.check_bool(dry_run, "dry_run")
    extract = ExtractContext(prompt=config.custom_fact_extraction_prompt,
                             update_prompt=config.custom_update_memory_prompt,
                             includes=config.includes, excludes=config.excludes)

    turns = ctx.store.list_memories(F.and_(where, F.Cmp("memory_type", "eq", EPISODE, False)),
                                    limit=10**9).records[::-1]
    by_scope: dict[Scope, list[MemoryRecord]] = {}
    for rec in turns:
        by_scope.setdefault(rec.scope, []).append(rec)
    extractor, reconciler = ctx.parts.steps
    out: dict[str, Any] = {"results": [], "scopes": [], "dry_run": dry_run}
    warnings: list[str] = []
    done = 0
    for scope, eps in by_scope.items():
        target = "agent" if scope.agent_id and not scope.user_id else "user"
        facts: list[Fact] = []
        pos = 0  # messages are numbered across the scope: index i is eps[i]
        for _, group in groupby(eps, key=lambda r: r.created_at):
            # Relative phrases ("next month") are read against when the turn was said,
            # not when it was stored or re-read: the add read them so too.
            msgs = [Message(r.role or "user", r.memory, r.actor_id, index=i,
                            timestamp=r.happened_at) for i, r in enumerate(group, start=pos)]
            pos += len(msgs)
            said = max((m.timestamp for m in msgs if m.timestamp), default=None)
            found, warned = extractor.extract(msgs, replace(extract, target=target,
                                                            timestamp=said))
            facts += found
            warnings += warned
            done += len(msgs)
            if progress is not None:
                progress(done, len(turns))
        cite = _Cite({str(i): r.id for i, r in enumerate(eps)})
        said_at = Times(None, {str(i): r.happened_at for i, r in enumerate(eps) if r.happened_at})
        summary: dict[str, Any] = {**scope.as_dict(), "episodes": len(eps), "add_id": None}
        out["scopes"].append(summary)
        if not facts:
            continue
        with ctx.store.scope_lock(scope):
            held = _neighbours(ctx, scope, facts)
            decisions, dropped = reconciler.reconcile(
                facts, [Existing(i, h.memory) for i, h in enumerate(held)], extract)
            plan = plan_changes(decisions, held, scope, _shared_metadata(eps),
                                max_destructive=None)
            warnings += dropped + plan.warnings
            if dry_run:
                out["results"] += [_event(c.event, c.memory_id, c.text, c.previous)
                                   for c in plan.changes]
                continue
            vectors = embed_texts(ctx.parts.embedder, [c.text for c in plan.writes])
            cs, results = plan_to_changeset(plan, vectors, memory_type=None, actor=None,
                                            times=said_at, cite=cite)
            _keep_old_evidence(cs, held)
            cs.origin, cs.add_id = ORIGIN, new_id()
            if not cs.is_empty():
                applied = ctx.store.apply(cs)
                results = mark_skipped(results, applied)
                summary["add_id"] = cs.add_id
            out["results"] += results
    if warnings:
        out["warnings"] = warnings
    return out


class _Cite:
    """Message positions of the scope to the episode ids they were read from."""

    def __init__(self, ids: dict[str, str]) -> None:
        self.ids = ids

    def __call__(self, positions: list[str]) -> list[str]:
        return [self.ids.get(p, p) for p in positions]


def _event(event: str, mid: str | None, text: str, previous: str | None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": mid, "memory": text, "event": event}
    if previous is not None:
        item["previous_memory"] = previous
    return item


def _shared_metadata(eps: list[MemoryRecord]) -> dict[str, Any]:
    """The metadata every turn of the scope shares (the adds' common part): what a new
    fact gets."""
    common = dict(eps[0].metadata) if eps else {}
    for rec in eps[1:]:
        common = {k: v for k, v in common.items() if rec.metadata.get(k) == v}
    return common
