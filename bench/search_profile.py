"""What a search costs besides embedding its question, for two code versions side by side.

    .venv/bin/python bench/search_profile.py --base /tmp/base/src [--rounds 3] [--profile]
    .venv/bin/python bench/search_profile.py --worker OUT.json [--profile]   # one version

Stores: the five LOCOMO dev conversations and ``--lme-questions`` LongMemEval dev
haystacks (~490 turns a scope), raw turns, built once by ``bench/search_latency.py``'s
``build`` into ``--work``. Every question's vector is computed once by the parent
(``queries.npz``) and handed to the workers through a stand-in for the model behind
Engram's usual read embedder (``CachedEmbedder`` over the store's cache, no LRU): so a
search pays everything it pays today (the cache lookup included) except the model run
(#23 splits the two; the model is worked on in ``engram.embed``).

The parent runs one worker process per version and round, alternating (base, new, base,
new, ...) so both see the same load; each worker asks every question once after one
warm-up pass and records wall and CPU ms per search and each question's top-10 ids. The
parent checks that the two versions return the same ids for every question (the stores
are the same files), prints p50/p95 per version with the load average and appends them
to ``--out``. ``--profile`` adds a cProfile pass to each worker's output (top costs by own
time). A timed search repeats its warm-up search, so what SQLite keeps between searches
(record heads, ``engram.store._head_cache``) is warm for exactly its candidates;
``--cold-heads`` empties it before each timed search, as a write between any two
searches would: the two runs bound what a new question on a read-mostly store pays.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _lme_data as LD  # noqa: E402
import _locomo_data as CD  # noqa: E402
from search_latency import LME_DATA, LOCOMO_DATA, build  # noqa: E402

TOP_K = 10
Ask = tuple[str, str, str | None]  # (question, user_id, reference date)


def questions(n_lme: int) -> dict[str, list[Ask]]:
    """The searches of each set, as the latency bench asks them."""
    loc: list[Ask] = []
    for c in CD.load_dir(LOCOMO_DATA):
        on = max((t.day for t in c.turns if t.day), default=None)
        loc += [(qa.question, c.conv_id, on.isoformat() if on else None) for qa in c.qa]
    lme = [(q.question, q.question_id, q.iso_question_time() or None)
           for q in LD.stratified(LD.load(LME_DATA), n_lme)]
    return {"locomo": loc, "longmemeval": lme}


class Precomputed:
    """The model's place behind the read embedder: vectors looked up, never computed."""

    def __init__(self, vecs: dict[str, np.ndarray], model_id: str, dims: int) -> None:
        self.vecs, self.model_id, self.dims = vecs, model_id, dims

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.vecs[t] for t in texts])


def query_vectors(work: Path, asks: dict[str, list[Ask]]) -> Path:
    """Every text a search may embed (the question, and without names), embedded once."""
    path = work / "queries.npz"
    if path.exists():
        return path
    from engram.embed.base import normalize_text
    from engram.embed.factory import make_embedder
    from engram.search import without_names

    texts = sorted({normalize_text(t) for a in asks.values() for q, _, _ in a
                    for t in (q, without_names(q))})
    emb = make_embedder()
    np.savez(path, texts=np.array(texts), vecs=emb.embed(texts), model=np.array(emb.model_id))
    return path


def worker(work: Path, n_lme: int, out: Path, profile: bool, repeat: int,
           cold_heads: bool) -> None:
    import engram
    from _lme_engram import open_memory
    from engram._components import StoreEmbeddingCache
    from engram.embed import CachedEmbedder

    asks = questions(n_lme)
    npz = np.load(query_vectors(work, asks))
    vecs = dict(zip(npz["texts"].tolist(), npz["vecs"], strict=True))
    model = Precomputed(vecs, str(npz["model"]), npz["vecs"].shape[1])
    doc: dict[str, Any] = {"engram": engram.__file__}
    for name, db in (("locomo", "locomo.db"), ("longmemeval", f"lme-{n_lme}.db")):
        mem = open_memory(work / db, model)
        parts = mem._parts  # noqa: SLF001 - bench only
        parts._read_embedder = CachedEmbedder(  # type: ignore[attr-defined]
            model, StoreEmbeddingCache(parts.store, write=False), lru_size=0)
        calls: list[Callable[[], Any]] = [
            (lambda q=q, u=u, on=on, mem=mem: mem.search(q, user_id=u, top_k=TOP_K,
                                                         reference_date=on))
            for q, u, on in asks[name]] * (repeat if name == "longmemeval" else 1)
        for f in calls:  # warm-up: caches, the vector index, SQLite's pages
            f()
        wall, cpu, ids = [], [], []
        heads = getattr(parts.store, "_head_cache", None)  # SQLite's, since #23
        for f in calls:
            if cold_heads and heads is not None:
                heads._heads.clear()  # as if a write came between any two searches
            t0, c0 = time.perf_counter(), time.process_time()
            res = f()
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            ids.append([r["id"] for r in res["results"]])
        doc[name] = {"wall": wall, "cpu": cpu, "ids": ids}
        if profile:
            prof = cProfile.Profile()
            prof.enable()
            for f in calls:
                f()
            prof.disable()
            s = io.StringIO()
            pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
            doc[name]["profile"] = s.getvalue()
        mem.close()
    out.write_text(json.dumps(doc))


def _stats(xs: list[float]) -> str:
    return (f"p50 {statistics.median(xs):6.2f}  p95 {statistics.quantiles(xs, n=20)[-1]:6.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lme-questions", type=int, default=12)
    ap.add_argument("--lme-repeat", type=int, default=5, help="times each is asked a round")
    ap.add_argument("--work", type=Path, default=HERE / ".cache" / "profile")
    ap.add_argument("--worker", type=Path, help="run one version's searches, write JSON here")
    ap.add_argument("--base", type=Path, help="src/ of the version to compare with")
    ap.add_argument("--new", type=Path, default=HERE.parent / "src", help="src/ of the version measured")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "search_profile.json")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--cold-heads", action="store_true",
                    help="empty SQLite's kept record heads before each timed search")
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.work, args.lme_questions, args.worker, args.profile, args.lme_repeat,
               args.cold_heads)
        return 0
    build(args.work, args.lme_questions)
    query_vectors(args.work, questions(args.lme_questions))
    versions = {"base": args.base, "new": args.new} if args.base else {"new": args.new}
    got: dict[str, list[dict[str, Any]]] = {v: [] for v in versions}
    loads = [os.getloadavg()[0]]
    for r in range(args.rounds):
        for v, path in versions.items():
            out = args.work / f"run-{v}-{r}.json"
            env = {**os.environ, "PYTHONPATH": str(path)}
            cmd = [sys.executable, __file__, "--worker", str(out), "--work", str(args.work),
                   "--lme-questions", str(args.lme_questions), "--lme-repeat", str(args.lme_repeat)]
            cmd += ["--cold-heads"] if args.cold_heads else []
            subprocess.run(cmd + (["--profile"] if args.profile and r == 0 else []),
                           env=env, check=True)
            got[v].append(json.loads(out.read_text()))
            loads.append(os.getloadavg()[0])
    print(f"load average (1 min) during the runs: {min(loads):.2f}-{max(loads):.2f}")
    same = True
    summary: dict[str, Any] = {"at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
                               "load_avg": [round(min(loads), 2), round(max(loads), 2)],
                               "versions": {v: str(p) for v, p in versions.items()},
                               "cold_heads": args.cold_heads}
    for name in ("locomo", "longmemeval"):
        for v, runs in got.items():
            wall = [x for run in runs for x in run[name]["wall"]]
            cpu = [x for run in runs for x in run[name]["cpu"]]
            print(f"{name:12s} {v:5s} n={len(wall):5d}  wall {_stats(wall)}  cpu {_stats(cpu)}")
            summary[f"{name}/{v}"] = {"searches": len(wall), **{
                f"{k}_{q}_ms": round(f(xs), 2) for k, xs in (("wall", wall), ("cpu", cpu))
                for q, f in (("p50", statistics.median),
                             ("p95", lambda x: statistics.quantiles(x, n=20)[-1]))}}
            if runs[0][name].get("profile"):
                print(runs[0][name]["profile"])
        if "base" in got:
            a, b = got["base"][0][name]["ids"], got["new"][0][name]["ids"]
            diff = sum(x != y for x, y in zip(a, b, strict=True))
            same &= diff == 0
            print(f"{name}: top-{TOP_K} ids differ on {diff} of {len(a)} questions")
            summary[f"{name}/differ"] = diff
    doc = json.loads(args.out.read_text()) if args.out.exists() else {"runs": []}
    doc["runs"].append(summary)
    args.out.write_text(json.dumps(doc, indent=1) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
