"""Slot agreement of implicit updates: does a change sentence replace only what it changes?

Each pair (``bench/data/nearest_pairs.jsonl``, one JSON object a line) holds a user's
``held`` memories, the ``target`` among them and a new user ``message``:

- ``negative``: the message changes or reports something else (a visit is not a move, a
  side project is not a job, a meal out is not a diet), so ``target`` must survive;
- ``positive``: the message changes the target's own slot, so it must be updated or
  deleted.

Every pair runs through ``Memory`` as a user meets it offline: the rules pair with the
MiniLM similarity ``Memory`` wires in, a fresh temporary SQLite store per pair, the held
memories stored as said (``infer=False``), then the message with ``infer=True``. A
negative whose target is gone afterwards is a false replacement; a positive whose target
is still there verbatim is a miss. Collateral: another held memory lost on a negative.

Usage::

    python bench/nearest_pairs.py                      # -> bench/results/nearest_pairs.json
    python bench/nearest_pairs.py --pairs bench/data/nearest_pairs_blind.jsonl
        # -> bench/results/nearest_pairs_blind.json (named after --pairs)
    python bench/nearest_pairs.py --out bench/results/nearest_pairs_firstrun.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

PAIRS = Path(__file__).parent / "data" / "nearest_pairs.jsonl"
RESULTS = Path(__file__).parent / "results"


def run_pair(pair: dict[str, Any], embedder: Any) -> dict[str, Any]:
    from engram import Memory

    with tempfile.TemporaryDirectory() as tmp:
        m = Memory({"store": {"path": str(Path(tmp) / "p.db")}, "llm": {"provider": "rules"}},
                   embedder=embedder)
        try:
            for text in pair["held"]:
                m.add(text, user_id="u", infer=False)
            events = m.add(pair["message"], user_id="u")["results"]
            after = [r["memory"] for r in m.get_all(user_id="u")["results"]]
        finally:
            m.close()
    gone = pair["target"] not in after
    lost = [h for h in pair["held"] if h != pair["target"] and h not in after]
    negative = pair["kind"] == "negative"
    return {"id": pair["id"], "kind": pair["kind"], "slot": pair["slot"],
            "message": pair["message"], "target": pair["target"],
            "false_replacement": bool(lost) or (negative and gone),
            "miss": not negative and not gone,
            "collateral": lost, "after": after,
            "events": [(e["event"], e["memory"]) for e in events]}


def _shown(path: Path) -> str:
    """The pairs file as given relative to the project, so results name no worktree."""
    try:
        return str(path.resolve().relative_to(Path(__file__).resolve().parents[1]))
    except ValueError:
        return str(path)


def default_out(pairs: Path) -> Path:
    """Results named after the pairs file, so a run on one set never overwrites another's.

    >>> default_out(Path("bench/data/nearest_pairs_blind.jsonl")).name
    'nearest_pairs_blind.json'
    """
    return RESULTS / f"{pairs.name.split('.')[0]}.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--out", type=Path, default=None,
                    help="result JSON path (default: named after --pairs)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print each wrong pair")
    args = ap.parse_args(argv)
    from engram.embed import make_embedder

    embedder = make_embedder("minilm")
    with args.pairs.open(encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f if line.strip()]
    t0 = time.perf_counter()
    rows = [run_pair(p, embedder) for p in pairs]
    neg = [r for r in rows if r["kind"] == "negative"]
    pos = [r for r in rows if r["kind"] == "positive"]
    summary = {
        "pairs_file": _shown(args.pairs), "negatives": len(neg), "positives": len(pos),
        "false_replacements": sum(r["false_replacement"] for r in rows),
        "false_replacements_on_negatives": sum(r["false_replacement"] for r in neg),
        "misses": sum(r["miss"] for r in pos),
        "collateral_losses": sum(len(r["collateral"]) for r in rows),
        "seconds": round(time.perf_counter() - t0, 1),
        "false_replacement_ids": [r["id"] for r in rows if r["false_replacement"]],
        "miss_ids": [r["id"] for r in pos if r["miss"]],
    }
    for r in rows if args.verbose else []:
        if r["false_replacement"] or r["miss"]:
            print(f"[{r['id']}] {r['target']!r} + {r['message']!r} -> {r['after']}")
    print(json.dumps(summary, indent=2))
    out = args.out or default_out(args.pairs)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**summary, "per_pair": rows}, indent=1) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
