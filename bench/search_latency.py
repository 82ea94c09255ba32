"""Search latency with the query embedded every time, wall and CPU, on stores built once.

    .venv/bin/python bench/search_latency.py [--lme-questions 12] [--rounds 1] [--label NAME]
    PYTHONPATH=/tmp/snap/src .venv/bin/python bench/search_latency.py --label before

Stores (kept in ``--work``, default ``bench/.cache/latency``, so that two code versions
time the same files): the haystacks of ``--lme-questions`` LongMemEval dev questions
(stratified, ~490 turns a scope, stored raw as ``bench/longmemeval.py`` does) and the five
LOCOMO dev conversations (as ``bench/locomo.py``). Each search is a fresh question to
Engram: the read embedder is given no LRU, so every search runs MiniLM on its question
(the store's embedding cache is still asked, as for any query). LongMemEval questions are
asked ``--rounds`` times (12 questions are few). Results are appended, per ``--label``,
to ``bench/results/search_latency.json`` with the load average around each part; run
the labels alternately to compare versions under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _lme_data as LD  # noqa: E402
import _lme_engram as LE  # noqa: E402
import _locomo_data as CD  # noqa: E402
import _locomo_engram as CE  # noqa: E402
import engram  # noqa: E402
from _lme_cache import BenchEmbedder, minilm  # noqa: E402
from _machine import cpu  # noqa: E402
from engram import Memory  # noqa: E402
from longmemeval import DEFAULT_DATA as LME_DATA  # noqa: E402

LOCOMO_DATA = HERE.parent.parent / "shared" / "data" / "locomo_dev"


def build(work: Path, n_lme: int) -> tuple[list[LD.Question], list[CD.Conversation]]:
    """The two stores, built on first use (turn vectors through bench/.cache)."""
    work.mkdir(parents=True, exist_ok=True)
    qs = LD.stratified(LD.load(LME_DATA), n_lme)
    convs = CD.load_dir(LOCOMO_DATA)
    emb = BenchEmbedder(minilm())
    lme, loc = work / f"lme-{n_lme}.db", work / "locomo.db"
    if not lme.exists():
        mem = LE.open_memory(lme, emb)
        for q in qs:
            LE.ingest(mem, q)
        mem.close()
    if not loc.exists():
        mem = CE.open_memory(loc, embedder=emb)
        for c in convs:
            CE.ingest(mem, c)
        mem.close()
    return qs, convs


def cold(mem: Memory) -> None:
    """Every search embeds its question: a read embedder without an LRU."""
    from engram._components import StoreEmbeddingCache
    from engram.embed import CachedEmbedder

    parts = mem._parts  # noqa: SLF001 - bench only
    parts._read_embedder = CachedEmbedder(  # type: ignore[attr-defined]
        parts.raw_embedder, StoreEmbeddingCache(parts.store, write=False), lru_size=0)


def timed(calls: list[Callable[[], Any]]) -> dict[str, Any]:
    calls[0]()  # the model's load is not a search
    load0 = os.getloadavg()[0]
    wall, cpu = [], []
    for f in calls:
        t0, c0 = time.perf_counter(), time.process_time()
        f()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    q = statistics.quantiles
    return {"searches": len(calls), "wall_p50_ms": round(statistics.median(wall), 2),
            "wall_p95_ms": round(q(wall, n=20)[-1], 2), "cpu_p50_ms": round(statistics.median(cpu), 2),
            "cpu_p95_ms": round(q(cpu, n=20)[-1], 2),
            "load_avg": round((load0 + os.getloadavg()[0]) / 2, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lme-questions", type=int, default=12)
    ap.add_argument("--rounds", type=int, default=8, help="times each LongMemEval question is asked")
    ap.add_argument("--label", default="current")
    ap.add_argument("--work", type=Path, default=HERE / ".cache" / "latency")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "search_latency.json")
    args = ap.parse_args(argv)
    qs, convs = build(args.work, args.lme_questions)
    from engram.embed.factory import make_embedder

    raw = make_embedder()  # the default MiniLM; the stores' vectors came from the same model
    run: dict[str, Any] = {"label": args.label, "engram": engram.__file__,
                           "at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), "cpu": cpu()}
    mem = LE.open_memory(args.work / f"lme-{args.lme_questions}.db", raw)
    cold(mem)
    run["longmemeval"] = timed([
        (lambda q=q: mem.search(q.question, user_id=q.question_id, top_k=10,
                                reference_date=q.iso_question_time() or None))
        for _ in range(args.rounds) for q in qs])
    mem.close()
    mem = CE.open_memory(args.work / "locomo.db", embedder=raw)
    cold(mem)
    calls = []
    for c in convs:
        on = max((t.day for t in c.turns if t.day), default=None)
        calls += [(lambda qa=qa, c=c, on=on: mem.search(qa.question, user_id=c.conv_id, top_k=10,
                                                        reference_date=on)) for qa in c.qa]
    run["locomo"] = timed(calls)
    mem.close()
    print(json.dumps(run))
    doc = json.loads(args.out.read_text()) if args.out.exists() else {"runs": []}
    doc["runs"].append(run)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
