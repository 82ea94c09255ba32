"""LOCOMO retrieval bench: evidence recall@5/10/20 of Engram (hybrid, vector-only,
keyword-only, each search lever, infer=True facts) and of mem0ai 2.x, side by side.

    .venv/bin/python bench/locomo.py [--data DIR] [--skip-peer] [--skip-infer] [--only-infer]

Every turn of a conversation becomes one raw memory (scope ``user_id`` = conversation),
text prefixed with its session date and speaker, photo captions appended; each question
with evidence is a ``search(top_k=20)`` in that scope, and recall@k is the share of its
evidence turns among the first k results. Writes ``bench/results/locomo.json`` and
``bench/results/locomo_recall10.png``; prints the table.

Latency: the headline rows run first with no query-vector cache (each search embeds its
question, as a new question would); lever rows reuse cached question vectors so their
latency is marked "cached" and only recall is compared; the default is timed again at the
end. Other processes on the machine make every latency figure noisy.
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

import _locomo_data as D  # noqa: E402
import _locomo_engram as E  # noqa: E402
import _locomo_report as R  # noqa: E402
from _machine import cpu  # noqa: E402
from engram.store.filters import parse_filters  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "locomo_dev"
ALPHAS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9)


def _row(name: str, rows: list[dict[str, Any]], lat: list[float] | None, note: str = "",
         **extra: Any) -> dict[str, Any]:
    # "_rows" (per question) lets the targets compare on the peer's conversations only.
    out = {"name": name, "summary": D.summarise(rows), "note": note, "_rows": rows, **extra}
    if lat:
        out.update(p50_ms=round(D.percentile(lat, 50), 2), p95_ms=round(D.percentile(lat, 95), 2))
    return out


def _log(msg: str) -> None:
    print(f"[locomo {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def engram_rows(convs: list[D.Conversation], work: Path, levers: bool) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    mem = E.open_memory(work / "engram.db")
    t0 = time.perf_counter()
    turns = sum(E.ingest(mem, c) for c in convs)
    info: dict[str, Any] = {"ingest_s": round(time.perf_counter() - t0, 1), "turns": turns,
                            "search_defaults": mem.config.search.model_dump()}
    _log(f"engram: {turns} turns in {info['ingest_s']} s")
    out: list[dict[str, Any]] = []
    E.query_cache(mem, False)
    for name in E.HEADLINE:
        mode, ov = E.VARIANTS[name]
        r = E.run_variant(mem, convs, mode, ov)
        out.append(_row(name, r.rows, r.latencies_ms, "query embedded per search"))
        _log(f"{name}: r@10 {out[-1]['summary']['overall']['r@10']}")
    if levers:
        E.query_cache(mem, True)
        for name, (mode, ov) in E.VARIANTS.items():
            if name in E.HEADLINE:
                continue
            r = E.run_variant(mem, convs, mode, ov)
            out.append(_row(name, r.rows, r.latencies_ms, "lever; latency with cached query vector",
                            overrides=ov))
            _log(f"{name}: r@10 {out[-1]['summary']['overall']['r@10']}")
        info["score_alpha_loco"] = _tune_alpha(mem, convs)
    E.query_cache(mem, False)
    mode, ov = E.VARIANTS[E.BASE]
    again = E.run_variant(mem, convs, mode, ov)
    info["latency_remeasured"] = {"p50_ms": round(D.percentile(again.latencies_ms, 50), 2),
                                  "p95_ms": round(D.percentile(again.latencies_ms, 95), 2)}
    mem.close()
    return out, info


def _tune_alpha(mem: Any, convs: list[D.Conversation]) -> dict[str, Any]:
    """score_alpha over a grid, then leave-one-conversation-out: is the chosen value
    also (near) the best on the conversation it was not chosen on?"""
    per: dict[float, dict[str, float]] = {}
    for a in ALPHAS:
        r = E.run_variant(mem, convs, "hybrid", {"fusion": "score", "score_alpha": a})
        per[a] = {c: v["r@10"] for c, v in D.summarise(r.rows)["by_conversation"].items()}
    return {"grid": {str(a): v for a, v in per.items()}, "folds": D.leave_one_out(per)}


def inferred_rows(convs: list[D.Conversation], work: Path) -> list[dict[str, Any]]:
    """infer=True rows: facts without episodes (recall via source positions, as before
    episodes), then with episodes: recall through the facts' provenance (facts only)
    and through facts + episodes as search returns them (the default)."""
    rows = []
    turns = sum(len(c.turns) for c in convs)
    for keep in (False, True):
        mem = E.open_memory(work / f"engram-infer-{keep}.db")
        mem.config.pipeline.keep_episodes = keep
        load0, t0 = os.getloadavg()[0], time.perf_counter()
        reads = [E.ingest_inferred(mem, c) for c in convs]
        adds = round(time.perf_counter() - t0, 1)  # every add returned
        mem.flush()  # the stored turns' vectors (background writer): all in before search
        took = round(time.perf_counter() - t0, 1)
        sources: dict[str, set[str]] = {}
        for read in reads:  # the bench's bookkeeping, off the clock
            sources.update(read())
        facts = mem.store.count("", parse_filters({"memory_type": {"ne": "episode"}}))
        size = (work / f"engram-infer-{keep}.db").stat().st_size
        name = f"Engram hybrid, infer=True ({mem.extractor_name})"
        info = dict(facts=facts, ingest_s=took, ingest_adds_s=adds, load_avg_start=load0,
                    load_avg=os.getloadavg()[0],
                    db_bytes=size)
        variants = ([("facts, no episodes", {}, "recall via source_ids (positions)")] if not keep
                    else [("facts via provenance", {"facts_only": True},
                           "facts only; recall via the episodes each fact cites"),
                          ("facts + episodes", {}, "default search: facts (via provenance) "
                                                   "and turns no fact came from")])
        for label, kw, note in variants:
            E.query_cache(mem, False)  # each row embeds every question, as a new one would
            r = E.run_variant(mem, convs, "hybrid", {}, sources=sources, **kw)
            rows.append(_row(f"{name}: {label}", r.rows, r.latencies_ms,
                             f"{facts} facts from {turns} turns; {note}", **info))
            _log(f"{rows[-1]['name']}: r@10 {rows[-1]['summary']['overall']['r@10']} "
                 f"p50 {rows[-1].get('p50_ms')} ms, adds {adds} s, flushed {took} s, "
                 f"load {os.getloadavg()[0]:.2f}")
        mem.close()
    return rows


def peer_row(data: Path, work: Path, reuse: bool, saved: Path | None = None) -> dict[str, Any]:
    import _locomo_peer

    if saved is not None:  # the worker's output from an earlier run on the same data
        res = json.loads(saved.read_text())
    else:
        res = _locomo_peer.run_peer(str(data), work, reuse=reuse)
    rows = [{"conv": q["conv"], "category": q["category"],
             "recall": {k: D.recall_at(q["dia_ids"], q["evidence"], k) for k in D.KS}}
            for q in res["rows"]]
    return _row(res["system"], rows, res["latencies_ms"],
                "infer=False, same MiniLM (fp32 torch), Qdrant local, its own search",
                ingest_s=res["ingest_s"] and round(res["ingest_s"], 1),
                conversations=res.get("conversations"))


def targets(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by = {r["name"]: r for r in rows}
    ours, peer = by.get(E.BASE), next((r for r in rows if r["name"].startswith("mem0ai")), None)
    if ours is None or peer is None:
        return {}
    convs = set(peer.get("conversations") or ours["summary"]["by_conversation"])
    o = D.summarise([q for q in ours["_rows"] if q["conv"] in convs])
    p = peer["summary"]
    worse = [c for c, v in o["by_category"].items()
             if v["r@10"] < p["by_category"].get(c, {}).get("r@10", 0.0)]
    return {"recall10_margin_points": round(100 * (o["overall"]["r@10"] - p["overall"]["r@10"]), 1),
            "margin_target_met": o["overall"]["r@10"] >= p["overall"]["r@10"] + 0.15,
            "categories_worse_than_peer": worse,
            "p95_target_met": ours.get("p95_ms", 1e9) <= 30.0,
            "compared_on": sorted(convs), "engram_r10_on_those": o["overall"]["r@10"],
            "peer_r10": p["overall"]["r@10"]}


def _only_infer(convs: list[D.Conversation], out: Path) -> int:
    """Re-run the infer=True rows and put them in place of the old ones in ``out``."""
    with tempfile.TemporaryDirectory(prefix="engram-locomo-") as tmp:
        rows = inferred_rows(convs, Path(tmp))
    print(R.table(rows))
    doc = json.loads(out.read_text())
    for r in rows:
        r.pop("_rows", None)
    doc["rows"] = [r for r in doc["rows"] if "infer=True" not in r["name"]] + rows
    out.write_text(json.dumps(doc, indent=1, default=sorted) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory of LOCOMO *.json")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "locomo.json")
    ap.add_argument("--png", type=Path, default=HERE / "results" / "locomo_recall10.png")
    ap.add_argument("--skip-peer", action="store_true", help="no mem0ai row")
    ap.add_argument("--peer-workdir", type=Path, default=None, help="keep mem0's store here")
    ap.add_argument("--peer-reuse", action="store_true", help="reuse mem0's store in --peer-workdir")
    ap.add_argument("--peer-json", type=Path, default=None,
                    help="take mem0's figures from a saved worker output instead of running it")
    ap.add_argument("--skip-infer", action="store_true", help="no infer=True row")
    ap.add_argument("--no-levers", action="store_true", help="headline rows only")
    ap.add_argument("--only-infer", action="store_true",
                    help="only the infer=True rows, merged into the existing --out file")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    convs = D.load_dir(args.data)
    _log(f"{len(convs)} conversations, {sum(len(c.qa) for c in convs)} questions with evidence")
    if args.only_infer:
        return _only_infer(convs, args.out)
    with tempfile.TemporaryDirectory(prefix="engram-locomo-") as tmp:
        work = Path(tmp)
        rows, info = engram_rows(convs, work, not args.no_levers)
        if not args.skip_infer:
            rows.extend(inferred_rows(convs, work))
        if not args.skip_peer:
            _log("mem0ai (a few minutes per conversation on a busy machine)")
            rows.append(peer_row(args.data, args.peer_workdir or work / "peer", args.peer_reuse,
                                 args.peer_json))
    headline = [r for r in rows if r["name"] in E.HEADLINE or r["name"].startswith("mem0ai")]
    print(R.table(rows))
    print()
    print(R.conversations_table(headline))
    doc = {"data": str(args.data), "conversations": [c.conv_id for c in convs],
           "questions": sum(len(c.qa) for c in convs),
           "dropped_evidence_ids": sum(c.dropped_evidence for c in convs),
           "engram": info, "targets": targets(rows), "rows": rows,
           "run_s": round(time.perf_counter() - started, 1), "cpus": os.cpu_count(), "cpu": cpu(),
           "load_avg_end": os.getloadavg()[0]}
    print(json.dumps({"targets": doc["targets"], "latency_remeasured": info["latency_remeasured"],
                      "run_s": doc["run_s"]}))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for r in rows:
        r.pop("_rows", None)
    args.out.write_text(json.dumps(doc, indent=1, default=sorted) + "\n")
    R.chart(headline + [r for r in rows if "infer=True" in r["name"]], args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
