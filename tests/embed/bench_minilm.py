"""Measure the default embedder: load time, batched throughput, single-text latency.

Not a test (pytest does not collect it). Run by hand:

    .venv/bin/python tests/embed/bench_minilm.py [path/to/locomo.json] [--threads N]

Texts are LOCOMO conversation turns (default ../shared/data/locomo_dev/26.json),
repeated to 1,000 if the conversation has fewer.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from engram.embed.onnx import MiniLMEmbedder

DEFAULT = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "locomo_dev" / "26.json"


def locomo_turns(path: Path, n: int) -> list[str]:
    conv = json.loads(path.read_text(encoding="utf-8"))
    conv = conv.get("conversation", conv)
    turns = [
        t["text"]
        for key, session in sorted(conv.items())
        if key.startswith("session_") and isinstance(session, list)
        for t in session
    ]
    return (turns * (n // len(turns) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    texts = locomo_turns(args.path, 1000)
    words = statistics.mean(len(t.split()) for t in texts)

    emb = MiniLMEmbedder(threads=args.threads, batch_size=args.batch_size)
    t0 = time.perf_counter()
    emb.load()
    load_s = time.perf_counter() - t0
    emb.embed(texts[:64])  # warm-up

    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        emb.embed(texts)
        runs.append(time.perf_counter() - t0)
    best = min(runs)

    singles = []
    for text in texts[:200]:
        t0 = time.perf_counter()
        emb.embed([text])
        singles.append(time.perf_counter() - t0)
    singles.sort()

    print(f"texts: {len(texts)} LOCOMO turns, mean {words:.1f} words")
    print(f"load: {load_s:.3f} s")
    print(
        f"batched (batch {args.batch_size}): {len(texts) / best:.0f} texts/s "
        f"(best of 3: {best:.2f} s per 1,000)"
    )
    print(
        f"single: p50 {1000 * singles[len(singles) // 2]:.1f} ms, "
        f"p95 {1000 * singles[int(len(singles) * 0.95)]:.1f} ms"
    )


if __name__ == "__main__":
    main()
