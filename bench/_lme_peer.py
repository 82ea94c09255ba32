"""mem0ai's side of the LongMemEval bench. Standard library at the top: our process
imports it for :func:`run_peer`; the peer's venv runs it as a script (``_peer.py`` builds
that venv; ``_peer_worker.mem0_config`` is the offline mem0 set-up: same MiniLM, fp32).

    bench/.peer-venv/bin/python bench/_lme_peer.py PLAN.json OUT.json

Each question is one mem0 user; each haystack session one ``add(infer=False)`` call with
the same turn texts Engram stores; then the question is a ``search(top_k=10)`` with
mem0's defaults (vector only). Hits are mapped back to turns by their text.

>>> plan_for("/d.json.gz", "/tmp/w", ["q1"], reuse=False)["top_k"]
10
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def plan_for(data: str, workdir: str, qids: list[str], *, reuse: bool) -> dict[str, Any]:
    return {"data": data, "workdir": workdir, "qids": qids, "reuse": reuse, "top_k": 10}


def run_peer(data: str, workdir: Path, qids: list[str], *, reuse: bool = False,
             timeout: float = 14400.0) -> dict[str, Any]:
    """Build the peer venv if needed, run this file in it, return its output."""
    sys.path.insert(0, str(HERE))
    import _peer

    python = _peer.ensure_venv()
    workdir.mkdir(parents=True, exist_ok=True)
    plan, out = workdir / "lme-plan.json", workdir / "lme-peer-out.json"
    plan.write_text(json.dumps(plan_for(data, str(workdir), qids, reuse=reuse)))
    subprocess.run([str(python), str(Path(__file__).resolve()), str(plan), str(out)], check=True,
                   env=_peer.offline_env(), timeout=timeout, stdin=subprocess.DEVNULL)
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def _worker(plan: dict[str, Any], out_path: Path) -> None:  # runs inside the peer venv
    """One question at a time, rewriting ``out_path`` after each (a cut-short run still
    reports what it finished); a question already fully stored is not stored again."""
    import shutil

    import mem0
    from mem0 import Memory

    from _lme_data import load
    from _peer_worker import _close, _paths, mem0_config

    wanted = set(plan["qids"])
    questions = [q for q in load(Path(plan["data"])) if q.question_id in wanted]
    qdrant, history = _paths(plan["workdir"], "lme")
    if not plan["reuse"]:
        shutil.rmtree(qdrant, ignore_errors=True)
        history.unlink(missing_ok=True)
    mem = Memory.from_config(mem0_config(plan["workdir"], "lme"))
    out: dict[str, Any] = {"system": f"mem0ai {getattr(mem0, '__version__', '?')}", "hits": {},
                           "latencies_ms": [], "ingest_s": 0.0, "turns": 0}
    for q in questions:
        kept = [(s, i, t) for s in q.sessions for i, t in enumerate(s.turns) if t.content.strip()]
        held = mem.get_all(filters={"user_id": q.question_id}, top_k=100_000)["results"]
        if len(held) != len(kept):
            if held:
                mem.delete_all(user_id=q.question_id)
            t0 = time.perf_counter()
            for s in q.sessions:
                msgs = [{"role": t.role, "content": t.content} for t in s.turns if t.content.strip()]
                if msgs:
                    mem.add(msgs, user_id=q.question_id, infer=False,
                            metadata={"session": s.session_id, "session_date": s.date})
            out["ingest_s"] += time.perf_counter() - t0
        out["turns"] += len(kept)
        # A text stored twice maps to all its turns; an evidence turn among them counts.
        ev = q.evidence_turns()
        by_text: dict[str, list[tuple[str, int]]] = {}
        for s, i, t in kept:
            by_text.setdefault(t.content, []).append((s.session_id, i))
        t0 = time.perf_counter()
        res = mem.search(q.question, filters={"user_id": q.question_id},
                         top_k=plan["top_k"])["results"]
        out["latencies_ms"].append((time.perf_counter() - t0) * 1000)
        hits = []
        for r in res:
            cands = by_text.get(r["memory"], [("?", -1)])
            hits.append(next((h for h in cands if h in ev), cands[0]))
        out["hits"][q.question_id] = hits
        out_path.write_text(json.dumps(out))
        print(f"  [mem0] {q.question_id}: {len(kept)} turns", file=sys.stderr, flush=True)
    _close(mem)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    plan_path, out_path = sys.argv[1:3]
    _worker(json.loads(Path(plan_path).read_text()), Path(out_path))
