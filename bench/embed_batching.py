"""Batching across messages: how many long chat turns to embed at once, and in which order.

    .venv/bin/python bench/embed_batching.py [--quick] [--turns N] [--max-tokens 64 256]
        [--threads N] [--out FILE]

The background vector writer (``engram._vectors``) claims up to ``claim`` queued texts
per step, across adds, and hands them to the embedder in one call; MiniLM runs them
through the model ``batch`` at a time, each run padded to its longest text. A bigger
batch spreads the fixed cost of a run over more texts but pads more; sorting by length
first pads less. Each row embeds the same LongMemEval dev turns (every ``stride``-th
non-empty turn of the file, in file order, as a chat would send them) with one of:

- ``arrival``: runs of ``batch`` texts in arrival order (no reordering: what embedding
  each add's own texts gives, batch 1 being one text per add);
- ``sorted``: within each claim, sorted by length, then cut every ``batch`` texts;
- ``planned``: within each claim, sorted and cut where padding would cost more than a run
  (``engram.embed._batching.plan_batches``, what MiniLM does).

Figures per row: CPU ms per turn (every thread, tokenising included), turns/s (wall, with
the load beside it), padded and real word pieces, model runs. Padding is exact and does
not depend on the load; CPU and wall do. The decision takes the cheapest CPU row and
every row within 5% of it, and picks among them the smallest claim and then batch (a
smaller claim holds fewer rows per lease and lets a read's catch-up start sooner).
Writes ``bench/results/embed_batching.json`` (``--quick``: a few turns and rows, for the
tests; never the committed results).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _lme_data as LD  # noqa: E402
from _phases import cpu_s, load1  # noqa: E402
from engram.embed._batching import pad_batch, plan_batches  # noqa: E402
from engram.embed.onnx import MiniLMEmbedder, clip  # noqa: E402

LME_DATA = HERE.parent.parent / "shared" / "data" / "longmemeval_dev" / "longmemeval_s_dev.json.gz"
OUT = HERE / "results" / "embed_batching.json"
NEAR = 0.05  # rows within 5% of the cheapest CPU are as good (the load moves CPU that much)

# (order, claim, batch): arrival order with no claim beyond the batch; sorted and planned
# within claims of the writer's size.
GRID = ([("arrival", b, b) for b in (1, 8, 16, 32, 64)]
        + [(order, c, b) for order in ("sorted", "planned") for c in (16, 64, 256)
           for b in (8, 16, 32, 64) if b <= c])
QUICK_GRID = [("arrival", 1, 1), ("arrival", 8, 8), ("sorted", 16, 8), ("planned", 16, 8)]


def turn_sample(path: Path, turns: int) -> list[str]:
    """``turns`` non-empty turns spread evenly over the file, in file order."""
    every = [t.content for q in LD.load(path) for s in q.sessions for t in s.turns
             if t.content.strip()]
    stride = max(1, len(every) // turns)
    return every[::stride][:turns]


def runs_of(lengths: list[int], order: str, batch: int) -> list[list[int]]:
    """The model runs of one claim: index lists, each padded to its longest text.

    >>> runs_of([5, 1, 3, 2], "arrival", 2), runs_of([5, 1, 3, 2], "sorted", 2)
    ([[0, 1], [2, 3]], [[1, 3], [2, 0]])
    """
    if order == "planned":
        return plan_batches(lengths, batch)
    idx = list(range(len(lengths)))
    if order == "sorted":
        idx.sort(key=lengths.__getitem__)
    return [idx[i:i + batch] for i in range(0, len(idx), batch)]


def measure(emb: MiniLMEmbedder, texts: list[str], order: str, claim: int,
            batch: int) -> dict[str, Any]:
    """Embed ``texts`` in claims of ``claim`` as the writer would: tokenise the claim,
    then run the model ``batch`` texts at a time in ``order``."""
    m = emb._ensure_loaded()  # noqa: SLF001 - the model's own runs, to vary their order
    padded = real = runs = 0
    l0, c0, t0 = load1(), cpu_s(), time.perf_counter()
    for i in range(0, len(texts), claim):
        ids = [clip(e.ids, emb.max_tokens) for e in m.tokenizer.encode_batch(texts[i:i + claim])]
        for run in runs_of([len(x) for x in ids], order, batch):
            rows = [ids[j] for j in run]
            tokens, mask = pad_batch(rows)
            emb._run(m, tokens, mask)  # noqa: SLF001
            padded += tokens.size
            real += sum(len(r) for r in rows)
            runs += 1
    wall, cpu = time.perf_counter() - t0, cpu_s() - c0
    return {"order": order, "claim": claim, "batch": batch, "turns": len(texts),
            "cpu_ms_per_turn": round(cpu * 1000 / len(texts), 2),
            "turns_per_s": round(len(texts) / wall, 1), "model_runs": runs,
            "real_tokens": real, "padded_tokens": padded,
            "padding": round(padded / real - 1, 4), "load1_before": l0, "load1_after": load1()}


def decide(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Among rows within :data:`NEAR` of the cheapest CPU, the smallest claim, then batch."""
    best = min(r["cpu_ms_per_turn"] for r in rows)
    near = [r for r in rows if r["cpu_ms_per_turn"] <= best * (1 + NEAR)]
    pick = min(near, key=lambda r: (r["claim"], r["batch"], r["order"] != "planned"))
    return {"order": pick["order"], "claim": pick["claim"], "batch": pick["batch"],
            "cpu_ms_per_turn": pick["cpu_ms_per_turn"], "cheapest_cpu_ms_per_turn": best,
            "within": [f"{r['order']}/{r['claim']}/{r['batch']}" for r in near]}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a few turns and rows (tests)")
    ap.add_argument("--turns", type=int, default=640)
    ap.add_argument("--max-tokens", type=int, nargs="+", default=[64])
    ap.add_argument("--threads", type=int, default=None, help="onnxruntime threads (None: cores)")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    turns = 24 if a.quick else a.turns
    grid = QUICK_GRID if a.quick else GRID
    texts = turn_sample(LME_DATA, turns)
    result: dict[str, Any] = {
        "command": "bench/embed_batching.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "turns": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts)), "budgets": {}}
    for budget in a.max_tokens:
        emb = MiniLMEmbedder(threads=a.threads, max_tokens=budget)
        emb.embed(["A warm-up sentence in no corpus.", texts[0]])
        rows = []
        for order, claim, batch in grid:
            rows.append(measure(emb, texts, order, claim, batch))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        result["budgets"][str(budget)] = {"rows": rows, "decision": decide(rows)}
    out = a.out or (None if a.quick else OUT)
    if out is not None:
        out.write_text(json.dumps(result, indent=1) + "\n")
    return result


if __name__ == "__main__":
    main()
