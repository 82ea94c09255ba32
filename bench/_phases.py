"""The measured phases, identical for every system: one timing code, one adapter each.

A worker (``_engram_worker.py`` in our venv, ``_peer_worker.py`` in the peer's) builds an
adapter for its system and calls :func:`run_plan`; the adapter only knows how to talk to
its system, so both are timed by the very same lines. Standard library only.

>>> percentile([1.0, 2.0, 3.0, 4.0], 50)
2.5
>>> percentile([5.0], 95)
5.0
>>> summarise_ms([0.001, 0.002, 0.003])["p50_ms"]
2.0
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

Msg = dict[str, str]
Clock = Callable[[], float]  # seconds, monotonic


class Adapter(Protocol):
    """What a worker gives :func:`run_plan`. ``open(tag, fresh)`` makes ``tag`` the
    current store (a new empty one when ``fresh``); the other calls act on it."""

    name: str
    version: str
    embedder_name: str
    has_bulk_import: bool

    def load_embedder(self) -> None: ...
    def embed_batch(self, texts: list[str]) -> None: ...
    def open(self, tag: str, *, fresh: bool) -> None: ...
    def add_list(self, messages: list[Msg], user_id: str) -> None: ...
    def add_one(self, message: Msg, user_id: str) -> None: ...
    def search(self, query: str, user_id: str, top_k: int) -> int: ...
    def close(self) -> None: ...
    def disk_bytes(self, tag: str) -> int | None: ...
    def bulk_import(self, jsonl: Path) -> None: ...
    # The long-turn phase (``_long_phase``): texts of the top hits (keyword-only where
    # the system has it), vectors still to write (None: unknown or none deferred), and
    # wait until every vector is written.
    def find(self, query: str, user_id: str, top_k: int, *, keyword: bool) -> list[str]: ...
    def pending(self) -> int | None: ...
    def flush(self) -> None: ...


# -- pure statistics --------------------------------------------------------------------

def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile by linear interpolation between closest ranks (numpy's
    default), of a non-empty sequence."""
    if not values:
        raise ValueError("percentile of an empty sequence")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within 0..100, got {q}")
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def summarise_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/mean/max in milliseconds of per-call durations given in seconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "mean_ms": round(sum(ms) / len(ms), 3),
        "max_ms": round(max(ms), 3),
    }


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 2) if seconds > 0 else float("inf")


# -- process figures (Linux /proc; ru_maxrss as the fallback) ----------------------------

def rss_mb() -> dict[str, float]:
    """Current and peak resident set size of this process, in MB."""
    cur = peak = None
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss_mb": round(cur or max_rss, 1), "peak_rss_mb": round(peak or max_rss, 1)}


def cpu_s() -> float:
    """CPU seconds used by this process so far, every thread (onnxruntime, torch) included."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def load1() -> float:
    """The machine's 1-minute load average: other work on a 2-core box skews wall times."""
    return round(os.getloadavg()[0], 2)


def dir_bytes(path: Path) -> int:
    """Bytes of a file, or of every file under a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def log(msg: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- the phases -------------------------------------------------------------------------

def _ingest_lists(a: Adapter, chunks: list[dict[str, Any]], clock: Clock) -> dict[str, Any]:
    calls: list[float] = []
    n = 0
    c0, t0 = cpu_s(), clock()
    for ch in chunks:
        t = clock()
        a.add_list(ch["messages"], ch["user_id"])
        calls.append(clock() - t)
        n += len(ch["messages"])
    total = clock() - t0
    return {"messages": n, "calls": len(chunks), "seconds": round(total, 3),
            "per_s": rate(n, total), "cpu_ms_per_msg": round((cpu_s() - c0) * 1000 / n, 3),
            "load1": load1(), "call": summarise_ms(calls)}


def _searches(a: Adapter, queries: list[list[str]], top_k: int, memories: int,
              clock: Clock) -> dict[str, Any]:
    times: list[float] = []
    hits = 0
    c0 = cpu_s()
    for q, user in queries:
        t = clock()
        hits += a.search(q, user, top_k)
        times.append(clock() - t)
    return {"memories": memories, "queries": len(queries), "top_k": top_k,
            "hits_mean": round(hits / len(queries), 2), **summarise_ms(times),
            "cpu_ms_per_query": round((cpu_s() - c0) * 1000 / len(queries), 3), "load1": load1()}


def run_plan(a: Adapter, plan: dict[str, Any], *,
             clock: Clock = time.perf_counter) -> dict[str, Any]:
    """Every phase, in a fixed order; returns the system's figures (JSON-ready).

    plan keys: base_chunks, scale_chunks, single (list of [message, user]), queries_base,
    queries_scale, warmup_queries, top_k, bulk (bool), workdir; ``short`` False skips
    those phases; ``long`` (see ``_long_phase.run_long``) adds the long-turn phase.
    ``clock`` times every phase (the tests pass one that moves only when the fake system
    works, so the figures they check are exact).
    """
    out: dict[str, Any] = {"system": a.name, "version": a.version,
                           "embedder": {"name": a.embedder_name}}
    if plan.get("short", True):
        _run_short(a, plan, clock, out)
    else:
        a.load_embedder()
    if plan.get("long"):
        from _long_phase import run_long

        log(f"{a.name}: long turns, {sum(len(h['turns']) for h in plan['long']['histories'])} "
            "adds of one turn")
        out["long"] = run_long(a, plan["long"], clock)
    out["rss_end"] = rss_mb()
    out["peak_rss_mb"] = out["rss_end"]["peak_rss_mb"]
    return out


def _run_short(a: Adapter, plan: dict[str, Any], clock: Clock, out: dict[str, Any]) -> None:
    k = int(plan["top_k"])
    base, scale = plan["base_chunks"], plan["scale_chunks"]
    texts = [m["content"] for ch in base for m in ch["messages"]]

    t = clock()
    a.load_embedder()
    out["embedder"]["load_s"] = round(clock() - t, 3)
    a.embed_batch(["A warm-up sentence that is in no corpus.", "Another one, to be sure."])
    log(f"{a.name}: embedder throughput on {len(texts)} texts")
    c0, t = cpu_s(), clock()
    a.embed_batch(texts)
    whole, c_whole = clock() - t, cpu_s() - c0
    c0, t = cpu_s(), clock()
    for ch in base:
        a.embed_batch([m["content"] for m in ch["messages"]])
    chunked, c_chunked = clock() - t, cpu_s() - c0
    # batched: every text in one call (the embedder sorts/batches as it likes);
    # chunked: one call per conversation chunk, as list ingest calls it.
    out["embedder"].update(texts=len(texts), batched_per_s=rate(len(texts), whole),
                           chunked_per_s=rate(len(texts), chunked),
                           batched_cpu_ms_per_text=round(c_whole * 1000 / len(texts), 3),
                           chunked_cpu_ms_per_text=round(c_chunked * 1000 / len(texts), 3),
                           chunk_size=max(len(ch["messages"]) for ch in base), load1=load1())
    out["rss_after_embedder"] = rss_mb()

    log(f"{a.name}: list ingest of {len(texts)} messages in {len(base)} calls")
    a.open("list", fresh=True)
    out["ingest_list"] = _ingest_lists(a, base, clock)
    out["rss_after_ingest"] = rss_mb()
    n_base = out["ingest_list"]["messages"]
    for q, u in plan["warmup_queries"]:  # the first searches may build caches: not timed
        a.search(q, u, k)
    log(f"{a.name}: {len(plan['queries_base'])} searches at {n_base} memories")
    search = [_searches(a, plan["queries_base"], k, n_base, clock)]
    a.close()
    out["disk_bytes_base"] = a.disk_bytes("list")

    single = plan["single"]
    log(f"{a.name}: one-per-call ingest of {len(single)} messages")
    a.open("single", fresh=True)
    calls: list[float] = []
    c0, t0 = cpu_s(), clock()
    for msg, user in single:
        t = clock()
        a.add_one(msg, user)
        calls.append(clock() - t)
    total = clock() - t0
    a.close()
    out["ingest_single"] = {"messages": len(single), "seconds": round(total, 3),
                            "per_s": rate(len(single), total),
                            "cpu_ms_per_msg": round((cpu_s() - c0) * 1000 / len(single), 3),
                            "load1": load1(), "call": summarise_ms(calls)}

    if plan.get("bulk") and a.has_bulk_import:
        jsonl = Path(plan["workdir"]) / "import.jsonl"
        rows = [{**m, "user_id": ch["user_id"]} for ch in base for m in ch["messages"]]
        rows.sort(key=lambda r: r["user_id"])  # an export file groups a user's lines
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        log(f"{a.name}: bulk import of {len(rows)} lines")
        a.open("bulk", fresh=True)
        c0, t = cpu_s(), clock()
        a.bulk_import(jsonl)
        total = clock() - t
        a.close()
        out["ingest_bulk"] = {"messages": len(rows), "seconds": round(total, 3),
                              "per_s": rate(len(rows), total),
                              "cpu_ms_per_msg": round((cpu_s() - c0) * 1000 / len(rows), 3),
                              "load1": load1()}

    if scale:
        a.open("list", fresh=False)
        n_scale = sum(len(ch["messages"]) for ch in scale)
        log(f"{a.name}: growing the store by {n_scale} messages")
        out["ingest_scale"] = _ingest_lists(a, scale, clock)
        total_mem = n_base + out["ingest_scale"]["messages"]
        for q, u in plan["warmup_queries"]:
            a.search(q, u, k)
        log(f"{a.name}: {len(plan['queries_scale'])} searches at {total_mem} memories")
        search.append(_searches(a, plan["queries_scale"], k, total_mem, clock))
        a.close()
        out["disk_bytes_scale"] = a.disk_bytes("list")
    out["search"] = search
    out["store_tag"] = "list"


def worker_main(make_adapter: Any, cold_start: Any, argv: Sequence[str]) -> None:
    """``worker PLAN.json RESULTS.json`` runs the plan; ``worker --cold SPEC.json``
    measures a cold start and prints one JSON line."""
    if argv[0] == "--cold":
        spec = json.loads(Path(argv[1]).read_text())
        print(json.dumps(cold_start(spec)))
        return
    plan = json.loads(Path(argv[0]).read_text())
    result = run_plan(make_adapter(plan), plan)
    tmp = Path(str(argv[1]) + ".tmp")
    tmp.write_text(json.dumps(result, indent=1))
    os.replace(tmp, argv[1])
