"""Category tagging under each MiniLM kernel: does the default catalog tag a memory with
a category a reader would accept?

    .venv/bin/python bench/categories_probe.py [--cases bench/data/categories_probe.jsonl]

Cases (``bench/data/categories_probe.jsonl``, 64 short facts written for this probe, each
with the categories a reader would accept) go through ``Classifier`` with the default
catalog, as an add tags them. Per kernel: how often the first tag is acceptable, how
often any tag is, and how many tags are not. Written to
``bench/results/categories_probe.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from engram._categories import Classifier
from engram.embed.onnx import KERNELS, MiniLMEmbedder

HERE = Path(__file__).resolve().parent


def score(kernels: str, rows: list[dict[str, object]]) -> dict[str, object]:
    emb = MiniLMEmbedder(kernels=kernels)
    texts = [str(r["text"]) for r in rows]
    got = Classifier(emb.embed).classify(emb.embed(texts), None, texts)
    ok = [set(r["ok"]) for r in rows]  # type: ignore[call-overload]
    return {"cases": len(rows),
            "first_acceptable": sum(bool(g) and g[0] in o for g, o in zip(got, ok, strict=True)),
            "any_acceptable": sum(any(x in o for x in g) for g, o in zip(got, ok, strict=True)),
            "tags": sum(len(g) for g in got),
            "tags_not_acceptable": sum(x not in o for g, o in zip(got, ok, strict=True) for x in g)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=Path, default=HERE / "data" / "categories_probe.jsonl")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "categories_probe.json")
    a = ap.parse_args()
    rows = [json.loads(line) for line in a.cases.read_text().splitlines() if line.strip()]
    out = {"cases_file": a.cases.name, "at": time.strftime("%Y-%m-%d %H:%M:%S"),
           "load_avg": os.getloadavg()[0], **{k: score(k, rows) for k in KERNELS}}
    a.out.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
