"""LOCOMO multi-hop (category 1) recall@k with and without graph memory.

Every turn is added raw (``infer=False``) with the graph on (offline rules: the speaker's
name stands for "I"), one call per turn so each memory carries its ``dia_id``; then each
category-1 question is searched twice on the same store: plain hybrid, and with the
graph's neighbourhood boost. Writes bench/results/locomo_graph.json.

    .venv/bin/python bench/locomo_graph.py [--data ../shared/data/locomo_dev] [--k 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _locomo_data import load_dir, recall_at  # noqa: E402
from engram import Memory  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/locomo_dev"))
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--category", type=int, default=1)
    ap.add_argument("--boost", type=float, default=None, help="graph.boost override")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results/locomo_graph.json"))
    args = ap.parse_args()
    convs = load_dir(args.data)
    graph_cfg = {"enabled": True} | ({"boost": args.boost} if args.boost is not None else {})
    rows: dict[str, list[float]] = {"hybrid": [], "hybrid + graph": []}
    stats = {"relations": 0, "questions_with_relations": 0, "ingest_s": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        mem = Memory({"store": {"path": str(Path(tmp) / "g.db")}, "llm": {"provider": "rules"},
                      "graph": graph_cfg})
        t0 = time.perf_counter()
        for conv in convs:
            for t in conv.turns:
                mem.add([{"role": "user", "name": t.speaker, "content": t.memory_text()}],
                        user_id=conv.conv_id, infer=False, metadata={"dia_id": t.dia_id})
            stats["relations"] += len(mem.get_all(user_id=conv.conv_id, top_k=1)["relations"])
        stats["ingest_s"] = round(time.perf_counter() - t0, 1)
        for conv in convs:
            for qa in conv.qa:
                if qa.category != args.category:
                    continue
                for name, graph in (("hybrid", False), ("hybrid + graph", True)):
                    out = mem.search(qa.question, user_id=conv.conv_id, top_k=args.k,
                                     enable_graph=graph)
                    got = [[r["metadata"].get("dia_id", "")] for r in out["results"]]
                    rows[name].append(recall_at(got, qa.evidence, args.k))
                    if graph and out["relations"]:
                        stats["questions_with_relations"] += 1
        mem.close()
    n = len(rows["hybrid"])
    result = {"category": args.category, "k": args.k, "questions": n,
              "conversations": [c.conv_id for c in convs], **stats,
              "recall": {name: round(sum(v) / n, 4) for name, v in rows.items()},
              "better": sum(g > h for g, h in zip(rows["hybrid + graph"], rows["hybrid"], strict=True)),
              "worse": sum(g < h for g, h in zip(rows["hybrid + graph"], rows["hybrid"], strict=True)),
              "graph": graph_cfg}
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
