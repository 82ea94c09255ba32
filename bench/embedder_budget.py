"""Embedder budget: recall and speed of each embedder variant on long chat turns.

    .venv/bin/python bench/embedder_budget.py [--variants NAME ...] [--lme-every N]
        [--skip-locomo] [--skip-lme] [--skip-throughput] [--out FILE]

Variants (``_budget_embedders.variants``): MiniLM (int8 kernels, the default) at 256
word pieces, 128 and 64 (the default); 64 word pieces of the first sentence plus the
rest's content words; every 128-piece window of a turn, mean- or max-pooled into one
vector; paraphrase-MiniLM-L3 (3 layers, fp32 ONNX) and a static 64-dim model, both
shipped inside PyPI packages; MiniLM at 64 with the shipped file's float kernels (the
default until 6 Dec 2026). Entries of the results file measured before then: "minilm-*"
ran float kernels, and "minilm-64 int8 kernels" was int8 kernels in batches (refused
since: a batch changes each text's vector).

For each variant:
- throughput: a fixed sample of LongMemEval turns (every ``--stride``-th non-empty turn
  of the dev file, in order), embedded in batches of 64 as the background worker does:
  turns/s (wall) and CPU ms per turn, with the load average beside it;
- LOCOMO dev recall@10 of the raw (``infer=False``) default hybrid search, and of
  vector-only search, every question (as ``bench/locomo.py``'s "Engram hybrid" row);
- LongMemEval dev session recall_all@10 / any@5 and turn recall@10 of the default hybrid
  search and of vector-only (as ``bench/longmemeval.py``'s "Engram hybrid" row), on every
  ``--lme-every``-th question of the file (1: all 100; 3: 34 questions, ~16.7k turns).

Vectors go through the disk cache ``bench/.cache/embeddings.db`` keyed by each variant's
model id, so a re-run only searches. Writes ``bench/results/embedder_budget.json``.
The chosen default is the fastest variant within 0.01 of today's recall on both benches
(LOCOMO r@10, LongMemEval all@10 and turn@10, hybrid), on every LongMemEval question.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _budget_embedders as V  # noqa: E402
import _lme_data as LD  # noqa: E402
import _lme_engram as LE  # noqa: E402
import _locomo_data as CD  # noqa: E402
import _locomo_engram as CE  # noqa: E402
from _lme_cache import BenchEmbedder  # noqa: E402
from _phases import cpu_s, load1  # noqa: E402

LME_DATA = HERE.parent.parent / "shared" / "data" / "longmemeval_dev" / "longmemeval_s_dev.json.gz"
LOCOMO_DATA = HERE.parent.parent / "shared" / "data" / "locomo_dev"
BATCH = 64  # texts per embed call, as the background vector worker claims them


def _log(msg: str) -> None:
    print(f"[budget {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def turn_sample(questions: list[LD.Question], stride: int) -> list[str]:
    """Every ``stride``-th non-empty turn, in file order (a fixed, content-free pick)."""
    turns = [t.content for q in questions for s in q.sessions for t in s.turns if t.content.strip()]
    return turns[::stride]


def throughput(emb: Any, texts: list[str]) -> dict[str, Any]:
    emb.embed(["A warm-up sentence in no corpus.", texts[0]])
    l0, c0, t0 = load1(), cpu_s(), time.perf_counter()
    for i in range(0, len(texts), BATCH):
        emb.embed(texts[i:i + BATCH])
    wall, cpu = time.perf_counter() - t0, cpu_s() - c0
    return {"turns": len(texts), "turns_per_s": round(len(texts) / wall, 1),
            "cpu_ms_per_turn": round(cpu * 1000 / len(texts), 2), "wall_s": round(wall, 1),
            "load1_before": l0, "load1_after": load1()}


def locomo_recall(emb: Any, work: Path) -> dict[str, Any]:
    convs = CD.load_dir(LOCOMO_DATA)
    mem = CE.open_memory(work / f"locomo-{emb.model_id}.db", embedder=BenchEmbedder(emb))
    for c in convs:
        CE.ingest(mem, c)
    out: dict[str, Any] = {"questions": sum(len(c.qa) for c in convs)}
    for label, mode in (("hybrid", "hybrid"), ("vector", "vector")):
        r = CE.run_variant(mem, convs, mode, {})
        s = CD.summarise(r.rows)["overall"]
        out[label] = {"r@5": s["r@5"], "r@10": s["r@10"], "r@20": s["r@20"]}
    mem.close()
    _drop(work / f"locomo-{emb.model_id}.db")
    out["load1"] = load1()
    return out


def lme_recall(emb: Any, questions: list[LD.Question], work: Path) -> dict[str, Any]:
    bench_emb = BenchEmbedder(emb)
    mem = LE.open_memory(work / f"lme-{emb.model_id}.db", bench_emb)
    where: dict[str, LD.Hit] = {}
    t0 = time.perf_counter()
    for i, q in enumerate(questions, 1):
        where.update(LE.ingest(mem, q))
        if i % 5 == 0:
            _log(f"  lme ingest {i}/{len(questions)} ({time.perf_counter() - t0:.0f} s)")
    out: dict[str, Any] = {"questions": len(questions), "turns": len(where),
                           "ingest_s_with_cache": round(time.perf_counter() - t0, 1)}
    bench_emb.cache_queries = True  # recall only: a repeated question may reuse its vector
    for label, mode in (("hybrid", "hybrid"), ("vector", "vector")):
        r = LE.run_row(mem, questions, where, mode, {})
        s = LD.summarise(r.rows)["overall"]
        out[label] = {m: s[m] for m in ("s_any@5", "s_all@10", "t_any@10")}
        out[label]["per_question"] = {row["qid"]: [row["s_all@10"], row["t_any@10"]]
                                      for row in r.rows}
    mem.close()
    _drop(work / f"lme-{emb.model_id}.db")
    out["load1"] = load1()
    return out


def _drop(db: Path) -> None:
    """A variant's store, once measured: the disk is shared and the next one is as big."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def verdict(rows: dict[str, dict[str, Any]], base: str = "minilm-256") -> dict[str, Any]:
    """Which variants stay within 0.01 of ``base`` on every hybrid recall figure measured."""
    ref = rows.get(base, {})
    out: dict[str, Any] = {}
    for name, r in rows.items():
        if name == base:
            continue
        deltas: dict[str, float] = {}
        for bench, keys in (("locomo", ("r@10",)), ("lme", ("s_all@10", "t_any@10")),
                            ("lme_all", ("s_all@10", "t_any@10"))):
            if bench in r and bench in ref and r[bench]["questions"] == ref[bench]["questions"]:
                for k in keys:
                    deltas[f"{bench} {k}"] = round(r[bench]["hybrid"][k] - ref[bench]["hybrid"][k], 4)
        both = any(k.startswith("locomo") for k in deltas) and any(k.startswith("lme") for k in deltas)
        # Not measured on both benches: no verdict (None), never a pass.
        out[name] = {"deltas": deltas,
                     "within_0.01": (min(deltas.values()) >= -0.01) if both else None}
    return out


def main(argv: list[str] | None = None) -> int:
    known = V.variants()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", nargs="*", default=list(known))
    ap.add_argument("--lme-every", type=int, default=3, help="every N-th LongMemEval question")
    ap.add_argument("--stride", type=int, default=60, help="throughput sample: every N-th turn")
    ap.add_argument("--threads", type=int, default=None, help="onnxruntime threads (None: all)")
    ap.add_argument("--skip-locomo", action="store_true")
    ap.add_argument("--skip-lme", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "embedder_budget.json")
    ap.add_argument("--merge", action="store_true",
                    help="keep the variants already in --out that this run does not measure")
    args = ap.parse_args(argv)
    known = V.variants(args.threads)
    bad = [n for n in args.variants if n not in known]
    if bad:
        ap.error(f"unknown variants {bad}; known: {list(known)}")
    everything = LD.load(LME_DATA)
    questions = everything[:: args.lme_every]
    sample = turn_sample(everything, args.stride)
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    rows: dict[str, dict[str, Any]] = {}
    if args.merge and args.out.exists():
        rows = json.loads(args.out.read_text())["variants"]
    pieces = V.MiniLMEmbedder()._ensure_loaded().tokenizer  # untruncated counts
    pieces.no_truncation()
    lengths = [len(e.ids) for e in pieces.encode_batch(sample)]
    command = "python bench/embedder_budget.py " + " ".join(
        f"'{a}'" if " " in a else a for a in (argv if argv is not None else sys.argv[1:]))
    runs = json.loads(args.out.read_text()).get("runs", []) if args.merge and args.out.exists() else []
    runs.append({"command": command, "started": started, "load_avg_start": os.getloadavg()})

    def save() -> dict[str, Any]:
        runs[-1].update(finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"), load_avg_end=os.getloadavg())
        doc = {
            "runs": runs, "cpus": os.cpu_count(),
            "throughput_sample": {
                "turns": len(sample), "batch": BATCH, "threads": args.threads,
                "rule": f"every {args.stride}-th non-empty LongMemEval dev turn in file order",
                "mean_chars": round(sum(map(len, sample)) / len(sample)),
                "mean_word_pieces": round(sum(lengths) / len(lengths)),
                **{f"share_over_{n}": round(sum(x > n for x in lengths) / len(lengths), 3)
                   for n in (256, 128, 64)}},
            "variants": rows, "verdict": verdict(rows),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(doc, indent=1) + "\n")
        return doc

    with tempfile.TemporaryDirectory(prefix="engram-budget-") as tmp:
        for name in args.variants:
            try:
                emb = known[name]()
                emb.embed(["probe"])
            except ImportError as e:
                _log(f"{name}: skipped, {e}")
                rows[name] = {"skipped": str(e)}
                continue
            row: dict[str, Any] = {**rows.get(name, {}), "model_id": emb.model_id, "dims": emb.dims}
            rows[name] = row
            if not args.skip_throughput:
                row["throughput"] = throughput(emb, sample)
                _log(f"{name}: {row['throughput']}")
                save()
            if not args.skip_locomo:
                row["locomo"] = locomo_recall(emb, Path(tmp))
                _log(f"{name}: locomo hybrid {row['locomo']['hybrid']}")
                save()
            if not args.skip_lme:
                key = "lme_all" if args.lme_every == 1 else "lme"  # both kept, never mixed
                row[key] = {"rule": f"every {args.lme_every}-th of {len(everything)} "
                                    "questions in file order",
                            **lme_recall(emb, questions, Path(tmp))}
                _log(f"{name}: {key} hybrid { {k: v for k, v in row[key]['hybrid'].items() if k != 'per_question'} }")
                save()
    doc = save()
    for name, r in rows.items():
        t = r.get("throughput", {})
        lo, lm = r.get("locomo", {}).get("hybrid", {}), r.get("lme", {}).get("hybrid", {})
        print(f"{name:40s} {t.get('turns_per_s', '-'):>7} t/s {t.get('cpu_ms_per_turn', '-'):>7} "
              f"cpu ms  locomo r@10 {lo.get('r@10', '-')}  lme all@10 {lm.get('s_all@10', '-')} "
              f"turn@10 {lm.get('t_any@10', '-')}")
    print(json.dumps(doc["verdict"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
