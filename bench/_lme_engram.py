"""Engram's side of the LongMemEval bench: store each question's haystack raw (one
memory per turn, one scope per question) and run a search row over the questions.

Ingest goes through the public ``Memory.add(infer=False)``, one call per session (one
embedding batch, served by the disk cache after the first run) with the session's date as
``timestamp`` (each turn's ``happened_at``); each memory's turn index is then written into
its metadata in one store transaction per session. A question is asked on its
``question_date`` (``search(reference_date=)``), as a user asks on some day. Hits are mapped
back to turns by the ids ``add`` returned.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _lme_data import Hit, Question, half, score
from engram import Memory
from engram.store.base import ChangeSet, MemoryUpdate

TOP_K = 10


@dataclass
class RunResult:
    rows: list[dict[str, Any]] = field(default_factory=list)  # one per question
    latencies_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # process CPU time, all threads


def open_memory(path: Path, embedder: Any, search: dict[str, Any] | None = None) -> Memory:
    return Memory({"store": {"path": str(path)}, "search": search or {}}, embedder=embedder)


def ingest(mem: Memory, q: Question) -> dict[str, Hit]:
    """Every turn of ``q``'s haystack as a raw memory in scope ``user_id=question_id``;
    returns memory id -> (session id, turn index). Empty turns are skipped."""
    where: dict[str, Hit] = {}
    for s in q.sessions:
        kept = [(i, t) for i, t in enumerate(s.turns) if t.content.strip()]
        if not kept:
            continue
        meta = {"session": s.session_id, "session_date": s.date, "date": s.iso_date()}
        res = mem.add([{"role": t.role, "content": t.content} for _, t in kept],
                      user_id=q.question_id, infer=False, metadata=meta,
                      timestamp=s.iso_time())["results"]
        if len(res) != len(kept):
            raise RuntimeError(f"{q.question_id}/{s.session_id}: {len(kept)} turns gave "
                               f"{len(res)} memories")
        ups = [MemoryUpdate(id=r["id"], metadata={**meta, "turn": i})
               for r, (i, _) in zip(res, kept, strict=True)]
        mem.store.apply("", ChangeSet(updates=ups))
        where.update((r["id"], (s.session_id, i)) for r, (i, _) in zip(res, kept, strict=True))
    mem.flush()  # the vectors the background writer owes: recall is of a fully indexed store
    return where


def run_row(mem: Memory, questions: Sequence[Question], where: dict[str, Hit], mode: str,
            overrides: dict[str, Any]) -> RunResult:
    """Ask every question in its own scope with ``overrides`` on the search config."""
    base = mem.config.search
    mem.config.search = base.model_copy(update=overrides)
    out = RunResult()
    try:
        for q in questions:
            t0, c0 = time.perf_counter(), time.process_time()
            res = mem.search(q.question, user_id=q.question_id, top_k=TOP_K,
                             search_mode=mode,  # type: ignore[arg-type]
                             reference_date=q.iso_question_time() or None)["results"]
            out.latencies_ms.append((time.perf_counter() - t0) * 1000)
            out.cpu_ms.append((time.process_time() - c0) * 1000)
            hits = [where.get(r["id"], ("?", -1)) for r in res]
            out.rows.append({**score(q, hits), "half": half(q, questions)})
    finally:
        mem.config.search = base
    return out
