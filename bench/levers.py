"""Every search lever on both benchmarks at once: each row of ``_levers.ROWS`` on LOCOMO
dev (evidence recall@10 overall, per category, per split half) and on LongMemEval dev
(session recall_all@10, turn recall_any@10, per split half), in one table, so a lever
that helps one benchmark and hurts the other is seen.

    .venv/bin/python bench/levers.py [--questions N] [--rows NAME ...]

Writes ``bench/results/levers.json``. Turn embeddings come from ``bench/.cache/`` (the
LongMemEval bench fills it); query vectors are cached too, so latency is not compared
here (``longmemeval.py`` and ``locomo.py`` time the default).
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

import _lme_data as L  # noqa: E402
import _locomo_data as C  # noqa: E402
import _locomo_engram as CE  # noqa: E402
import longmemeval as LME  # noqa: E402
from _levers import HEADLINE, ROWS, ingest_key, search_part  # noqa: E402
from _lme_cache import BenchEmbedder, minilm  # noqa: E402
from engram.config import SearchConfig  # noqa: E402
from locomo import DEFAULT_DATA as LOCOMO_DATA  # noqa: E402


def _log(msg: str) -> None:
    print(f"[levers {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def locomo_rows(names: list[str], work: Path, embedder: BenchEmbedder) -> dict[str, Any]:
    """LOCOMO dev recall@10 of each row; split halves are alternate questions of each
    conversation."""
    convs = C.load_dir(LOCOMO_DATA)
    groups: dict[Any, list[str]] = {}
    for n in names:
        groups.setdefault(ingest_key(ROWS[n][1]), []).append(n)
    out: dict[str, Any] = {}
    embedder.cache_queries = True
    for gi, (key, rows) in enumerate(groups.items()):
        mem = CE.open_memory(work / f"locomo-{gi}.db", dict(key), embedder=embedder)
        for c in convs:
            CE.ingest(mem, c)
        for n in rows:
            mode, ov = ROWS[n]
            r = CE.run_variant(mem, convs, mode, search_part(ov))
            halves: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
            seen: dict[str, int] = {}
            for row in r.rows:
                i = seen[row["conv"]] = seen.get(row["conv"], -1) + 1
                halves["AB"[i % 2]].append(row)
            s = C.summarise(r.rows)
            out[n] = {"r@10": s["overall"]["r@10"], "r@5": s["overall"]["r@5"],
                      "by_category": {c: v["r@10"] for c, v in s["by_category"].items()},
                      "by_half": {h: C.summarise(v)["overall"]["r@10"] for h, v in halves.items()},
                      # r@5 too: a lever that reorders the first 10 only shows there.
                      "r@5_by_half": {h: C.summarise(v)["overall"]["r@5"]
                                      for h, v in halves.items()}}
            _log(f"LOCOMO {n}: r@10 {out[n]['r@10']}")
        mem.close()
        for f in work.glob(f"locomo-{gi}.db*"):  # one store on disk at a time
            f.unlink()
    return out


def table(names: list[str], loco: dict[str, Any], lme: dict[str, Any]) -> str:
    width = max(len(n) for n in names)
    cats = list(next(iter(loco.values()))["by_category"]) if loco else []
    head = (f"{'row':<{width}} | LOCOMO r@10 (A/B)     | " + " | ".join(f"{c[:8]:>8}" for c in cats)
            + " | r@5 (A/B)             | LME all@10 (A/B)      | LME turn@10 | sess/10"
            + " | newest (A/B)")
    lines = [head, "-" * len(head)]
    for n in names:
        lo, le = loco.get(n), lme.get(n)
        cells = f"{lo['r@10']:.3f} ({lo['by_half']['A']:.3f}/{lo['by_half']['B']:.3f})" if lo else "-"
        cat = " | ".join(f"{lo['by_category'][c]:8.3f}" for c in cats) if lo else ""
        if lo and "r@5" in lo:
            r5 = lo["r@5_by_half"]
            cat += f" | {lo['r@5']:.3f} ({r5['A']:.3f}/{r5['B']:.3f})"
        if le:
            o, h = le["summary"]["overall"], le["summary"]["by_half"]
            right = (f"{o['s_all@10']:.3f} ({h['A']['s_all@10']:.3f}/{h['B']['s_all@10']:.3f})"
                     f" | {o['t_any@10']:11.3f} | {o['sessions@10']:7.2f}"
                     f" | {o['newest']} ({h['A']['newest']}/{h['B']['newest']})")
        else:
            right = "-"
        lines.append(f"{n:<{width}} | {cells:<21} | {cat} | {right}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=None, help="LongMemEval stratified subset")
    ap.add_argument("--rows", nargs="*", default=None)
    ap.add_argument("--skip-lme", action="store_true")
    ap.add_argument("--locomo-json", type=Path, default=None,
                    help="take the LOCOMO rows from an earlier levers.py result (same defaults)")
    ap.add_argument("--lme-json", type=Path, default=None,
                    help="take the LongMemEval rows from a longmemeval.py result instead of "
                         "running them (same rows, same defaults)")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "levers.json")
    args = ap.parse_args(argv)
    names = args.rows or [n for n in ROWS if n not in HEADLINE[1:]]
    embedder = BenchEmbedder(minilm())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="engram-levers-") as tmp:
        if args.locomo_json is not None:
            old = json.loads(args.locomo_json.read_text())
            if old["search_defaults"] != SearchConfig().model_dump():
                ap.error(f"{args.locomo_json} was run with other search defaults")
            loco = {n: old["locomo"][n] for n in names}
        else:
            loco = locomo_rows(names, Path(tmp), embedder)
        lme: dict[str, Any] = {}
        if args.lme_json is not None:
            saved = json.loads(args.lme_json.read_text())
            if saved["engram"].get("search_defaults") != SearchConfig().model_dump():
                ap.error(f"{args.lme_json} was run with other search defaults")
            lme = {r["name"]: r for r in saved["rows"] if r["name"] in names}
        elif not args.skip_lme:
            qs = L.stratified(L.load(LME.DEFAULT_DATA), args.questions)
            rows, _ = LME.engram_rows(qs, names, Path(tmp), embedder)
            lme = {r["name"]: r for r in rows}
    print(table(names, loco, lme))
    doc = {"rows": names, "search_defaults": SearchConfig().model_dump(), "locomo": loco,
           "longmemeval": {n: {k: v for k, v in r.items() if k != "per_question"}
                           for n, r in lme.items()},
           "longmemeval_questions": args.questions, "run_s": round(time.perf_counter() - started, 1),
           "load_avg_end": os.getloadavg()[0]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
