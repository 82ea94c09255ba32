"""LongMemEval retrieval bench: evidence recall of Engram (its modes and each search lever,
named rows of ``_levers.ROWS``) and of mem0ai 2.2.1, side by side.

    .venv/bin/python bench/longmemeval.py [--questions N] [--rows NAME ...] [--skip-peer]

Each question's haystack (~50 sessions, ~490 turns) is stored raw in its own scope, one
memory per turn (``infer=False``; metadata: session id, turn index, session date); the
question is a ``search(top_k=10)`` in that scope. Figures: session recall_any@5/@10 (an
answer session among the hits), session recall_all@10 (every answer session), turn
recall_any@10 (a ``has_answer`` turn), sessions covered by the top 10, "newest first"
(knowledge-update questions with two or more answer sessions: the best-ranked answer-
session hit is from the most recent of them), per question type and per split half
(alternate questions of each type), and search p50/p95. Sessions are stored with their
``haystack_dates`` as ``timestamp`` and each question is asked on its ``question_date``
(``reference_date``). Writes
``bench/results/longmemeval.json`` and ``bench/results/longmemeval.png``.

``--questions N`` takes a deterministic subset stratified by question type (see
``_lme_data.stratified``). Turn embeddings are cached in ``bench/.cache/`` so a second
run, or a row that only changes search, costs seconds. Headline rows embed every question
afresh (their latency is a new question's); lever rows reuse the query vector, so only
their recall is compared; the default row is timed again at the end. Other processes on
the machine make every latency figure noisy: the load average is recorded.
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

import _lme_data as D  # noqa: E402
import _lme_engram as E  # noqa: E402
import _lme_report as R  # noqa: E402
from _levers import BASE, HEADLINE, ROWS, ingest_key, search_part  # noqa: E402
from _lme_cache import BenchEmbedder, minilm  # noqa: E402
from _machine import cpu  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "longmemeval_dev" / "longmemeval_s_dev.json.gz"


def _log(msg: str) -> None:
    print(f"[lme {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _row(name: str, rows: list[dict[str, Any]], lat: list[float] | None, note: str = "",
         **extra: Any) -> dict[str, Any]:
    out = {"name": name, "summary": D.summarise(rows), "note": note, "per_question": rows, **extra}
    if lat:
        out.update(p50_ms=round(D.percentile(lat, 50), 2), p95_ms=round(D.percentile(lat, 95), 2))
    return out


def engram_rows(questions: list[D.Question], names: list[str], work: Path,
                embedder: BenchEmbedder) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every named row; rows with the same ingest-time settings share one store."""
    groups: dict[tuple[tuple[str, Any], ...], list[str]] = {}
    for n in names:
        groups.setdefault(ingest_key(ROWS[n][1]), []).append(n)
    out: dict[str, dict[str, Any]] = {}
    info: dict[str, Any] = {"ingest_s": {}}
    for gi, (key, rows) in enumerate(groups.items()):
        mem = E.open_memory(work / f"engram-{gi}.db", embedder, dict(key))
        if not key:
            info["search_defaults"] = mem.config.search.model_dump()
        t0 = time.perf_counter()
        where: dict[str, D.Hit] = {}
        for i, q in enumerate(questions, 1):
            where.update(E.ingest(mem, q))
            if i % 5 == 0 or i == len(questions):
                _log(f"ingest {dict(key) or 'default'}: {i}/{len(questions)} questions, "
                     f"{len(where)} turns, {time.perf_counter() - t0:.0f} s")
        info["ingest_s"][str(dict(key))] = round(time.perf_counter() - t0, 1)
        info["turns"] = len(where)
        for n in sorted(rows, key=lambda n: n not in HEADLINE):
            mode, ov = ROWS[n]
            embedder.cache_queries = n not in HEADLINE
            r = E.run_row(mem, questions, where, mode, search_part(ov))
            note = "lever; latency with cached query vector" if embedder.cache_queries \
                else "query embedded per search"
            out[n] = _row(n, r.rows, r.latencies_ms, note, overrides=ov)
            o = out[n]["summary"]["overall"]
            _log(f"{n}: all@10 {o['s_all@10']} turn@10 {o['t_any@10']}")
        mem.close()
        if BASE in rows:
            # A fresh Memory on the same file: its query LRU is empty, so every search
            # embeds its question, as a new question would be. CPU time is the figure
            # the machine's load disturbs least.
            embedder.cache_queries = False
            mem = E.open_memory(work / f"engram-{gi}.db", embedder, dict(key))
            again = E.run_row(mem, questions, where, "hybrid", {})
            mem.close()
            info["latency_remeasured"] = {
                "note": "default search, fresh process-level caches, query embedded each time",
                "p50_ms": round(D.percentile(again.latencies_ms, 50), 2),
                "p95_ms": round(D.percentile(again.latencies_ms, 95), 2),
                "cpu_p50_ms": round(D.percentile(again.cpu_ms, 50), 2),
                "cpu_p95_ms": round(D.percentile(again.cpu_ms, 95), 2),
                "load_avg": os.getloadavg()[0]}
        for f in work.glob(f"engram-{gi}.db*"):  # ~0.5 GB per store: one on disk at a time
            f.unlink()
    return [out[n] for n in names], info


def peer_row(data: Path, questions: list[D.Question], work: Path, reuse: bool,
             saved: Path | None) -> dict[str, Any]:
    import _lme_peer

    qids = [q.question_id for q in questions]
    res = json.loads(saved.read_text()) if saved is not None else \
        _lme_peer.run_peer(str(data), work, qids, reuse=reuse)
    rows = [{**D.score(q, [tuple(h) for h in res["hits"][q.question_id]]),  # type: ignore[misc]
             "half": D.half(q, questions)} for q in questions if q.question_id in res["hits"]]
    missing = len(questions) - len(rows)
    return _row(res["system"], rows, res["latencies_ms"],
                "infer=False, same MiniLM (fp32 torch), Qdrant local, vector search"
                + (f"; {missing} questions not run" if missing else ""),
                ingest_s=round(res["ingest_s"], 1), turns=res["turns"])


def saved_peer_row(path: Path, questions: list[D.Question]) -> dict[str, Any]:
    """mem0ai's row of a saved result, for a run that changes only Engram (mem0ai's
    hits do not depend on Engram's settings; its LongMemEval ingest takes hours on two
    cores). The row's note says where it came from."""
    saved = json.loads(path.read_text())
    if saved["questions"] != [q.question_id for q in questions]:
        raise SystemExit(f"{path}: another question set")
    rows = [r for r in saved["rows"] if r["name"].startswith("mem0ai")]
    if not rows:
        raise SystemExit(f"{path}: no mem0ai row")
    note = rows[0].get("note", "")
    return {**rows[0], "note": note if "carried over" in note
            else f"{note}; carried over from an earlier run ({path.name})"}


def reuse_engram(path: Path, questions: list[D.Question]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Engram's rows of a saved result, checked to be today's defaults and questions."""
    from engram.config import SearchConfig

    saved = json.loads(path.read_text())
    if saved["engram"].get("search_defaults") != SearchConfig().model_dump():
        raise SystemExit(f"{path}: run with other search defaults; run Engram's rows again")
    if saved["questions"] != [q.question_id for q in questions]:
        raise SystemExit(f"{path}: another question set")
    rows = [r for r in saved["rows"] if not r["name"].startswith("mem0ai")]
    return rows, saved["engram"]


def targets(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's targets, checked on the questions both systems answered."""
    by = {r["name"]: r for r in rows}
    ours = by.get(BASE)
    peer = next((r for r in rows if r["name"].startswith("mem0ai")), None)
    if ours is None:
        return {}
    o, by = ours["summary"]["overall"], ours["summary"]["by_type"]
    out: dict[str, Any] = {"all@10>=0.90": (o["s_all@10"] or 0) >= 0.90,
                           "turn@10>=0.95": (o["t_any@10"] or 0) >= 0.95,
                           "p50<=10ms": ours.get("p50_ms", 1e9) <= 10.0,
                           "newest_first>=0.90": (o["newest"] or 0) >= 0.90}
    for t in ("temporal-reasoning", "knowledge-update"):  # issue #19's two types
        b = by.get(t, {})
        out[f"{t} turn@10>=0.95 and all@10>=0.90"] = (
            (b.get("t_any@10") or 0) >= 0.95 and (b.get("s_all@10") or 0) >= 0.90)
    if peer is not None:
        qids = {r["qid"] for r in peer["per_question"]}
        mine = D.summarise([r for r in ours["per_question"] if r["qid"] in qids])
        p = peer["summary"]
        worse = [f"{t} {m}" for t, b in mine["by_type"].items() for m in ("s_all@10", "t_any@10")
                 if (b[m] or 0) < (p["by_type"].get(t, {}).get(m) or 0)]
        out.update(compared_on=len(qids), below_peer=worse,
                   engram_on_those=mine["overall"], peer=p["overall"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--questions", type=int, default=None,
                    help="a stratified subset of N questions (default: all)")
    ap.add_argument("--rows", nargs="*", default=None, help="row names (default: all of _levers.ROWS)")
    ap.add_argument("--no-levers", action="store_true", help="headline rows only")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "longmemeval.json")
    ap.add_argument("--png", type=Path, default=HERE / "results" / "longmemeval.png")
    ap.add_argument("--skip-peer", action="store_true", help="no mem0ai row")
    ap.add_argument("--peer-workdir", type=Path, default=None, help="keep mem0's store here")
    ap.add_argument("--peer-reuse", action="store_true", help="reuse mem0's store in --peer-workdir")
    ap.add_argument("--peer-json", type=Path, default=None,
                    help="take mem0's hits from a saved worker output instead of running it")
    ap.add_argument("--peer-row", type=Path, default=None,
                    help="take mem0ai's row from a previous result (same questions) instead "
                         "of running it")
    ap.add_argument("--engram-json", type=Path, default=None,
                    help="take Engram's rows from a previous result (same defaults) and only "
                         "refresh the mem0 row, e.g. once a long peer run has finished")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    questions = D.stratified(D.load(args.data), args.questions)
    names = list(HEADLINE) if args.no_levers else (args.rows or list(ROWS))
    unknown = [n for n in names if n not in ROWS]
    if unknown:
        ap.error(f"unknown rows: {unknown}; known: {list(ROWS)}")
    _log(f"{len(questions)} questions, {sum(q.n_turns() for q in questions)} turns; "
         f"{len(names)} rows")
    with tempfile.TemporaryDirectory(prefix="engram-lme-") as tmp:
        if args.engram_json is not None:
            rows, info = reuse_engram(args.engram_json, questions)
        else:
            rows, info = engram_rows(questions, names, Path(tmp), BenchEmbedder(minilm()))
        if args.peer_row is not None:
            rows.append(saved_peer_row(args.peer_row, questions))
        elif not args.skip_peer:
            _log("mem0ai (embeds every turn with fp32 MiniLM: slow on a busy machine)")
            rows.append(peer_row(args.data, questions, args.peer_workdir or Path(tmp) / "peer",
                                 args.peer_reuse, args.peer_json))
    headline = [r for r in rows if r["name"] in HEADLINE or r["name"].startswith("mem0ai")]
    print(R.table(rows))
    print()
    print(R.types_table(headline + [r for r in rows if r not in headline]))
    doc = {"data": str(args.data), "questions": [q.question_id for q in questions],
           "subset": args.questions, "engram": info, "targets": targets(rows), "rows": rows,
           "run_s": round(time.perf_counter() - started, 1), "cpus": os.cpu_count(), "cpu": cpu(),
           "load_avg_end": os.getloadavg()[0]}
    print(json.dumps({"targets": doc["targets"], "latency_remeasured": info.get("latency_remeasured"),
                      "run_s": doc["run_s"], "load": doc["load_avg_end"]}, default=str))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=1) + "\n")
    R.chart(headline, args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
