"""mem0ai's side of the LOCOMO bench. Standard library at the top: our process imports
it for :func:`run_peer`; the peer's venv runs it as a script (``_peer.py`` builds that
venv; ``_peer_worker.mem0_config`` is the same offline mem0 set-up as the ingest bench).

    bench/.peer-venv/bin/python bench/_locomo_peer.py PLAN.json OUT.json

Each conversation is one user; each session one ``add(infer=False)`` call with the same
texts Engram stores; then every question is a ``search(top_k=20)`` with mem0's defaults.

>>> plan_for("/data", "/tmp/w", reuse=False)["top_k"]
20
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def plan_for(data: str, workdir: str, *, reuse: bool) -> dict[str, Any]:
    return {"data": data, "workdir": workdir, "reuse": reuse, "top_k": 20}


def run_peer(data: str, workdir: Path, *, reuse: bool = False, timeout: float = 7200.0
             ) -> dict[str, Any]:
    """Build the peer venv if needed, run this file in it, return its output."""
    sys.path.insert(0, str(HERE))
    import _peer

    python = _peer.ensure_venv()
    workdir.mkdir(parents=True, exist_ok=True)
    plan, out = workdir / "locomo-plan.json", workdir / "locomo-peer-out.json"
    plan.write_text(json.dumps(plan_for(data, str(workdir), reuse=reuse)))
    subprocess.run([str(python), str(Path(__file__).resolve()), str(plan), str(out)], check=True,
                   env=_peer.offline_env(), timeout=timeout, stdin=subprocess.DEVNULL)
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def _worker(plan: dict[str, Any]) -> dict[str, Any]:  # runs inside the peer venv
    import shutil

    import mem0
    from mem0 import Memory

    from _locomo_data import load_dir
    from _peer_worker import _close, _paths, mem0_config

    convs = load_dir(plan["data"])
    qdrant, history = _paths(plan["workdir"], "locomo")
    id_map_path = Path(plan["workdir"]) / "locomo-mem0-ids.json"
    reuse = plan["reuse"] and id_map_path.exists() and qdrant.exists()
    if not reuse:
        shutil.rmtree(qdrant, ignore_errors=True)
        history.unlink(missing_ok=True)
    mem = Memory.from_config(mem0_config(plan["workdir"], "locomo"))
    ingest_s = None
    if reuse:
        id_map = json.loads(id_map_path.read_text())
    else:
        id_map = {}
        t0 = time.perf_counter()
        for conv in convs:
            for turns in conv.sessions():
                msgs = [{"role": "user", "name": t.speaker, "content": t.memory_text()} for t in turns]
                res = mem.add(msgs, user_id=conv.conv_id, infer=False,
                              metadata={"session": turns[0].session,
                                        "session_date": turns[0].date_text})["results"]
                for r, t in zip(res, turns, strict=True):
                    id_map[r["id"]] = t.dia_id
            print(f"  [mem0] {conv.conv_id}: {len(conv.turns)} turns", file=sys.stderr, flush=True)
        ingest_s = time.perf_counter() - t0
        id_map_path.write_text(json.dumps(id_map))
    rows, lat = [], []
    for conv in convs:
        for qa in conv.qa:
            t0 = time.perf_counter()
            res = mem.search(qa.question, filters={"user_id": conv.conv_id},
                             top_k=plan["top_k"])["results"]
            lat.append((time.perf_counter() - t0) * 1000)
            rows.append({"conv": conv.conv_id, "category": qa.category,
                         "dia_ids": [id_map.get(r["id"], "") for r in res],
                         "evidence": list(qa.evidence)})
    _close(mem)
    return {"system": f"mem0ai {getattr(mem0, '__version__', '?')}", "rows": rows,
            "latencies_ms": lat, "ingest_s": ingest_s, "turns": sum(len(c.turns) for c in convs)}


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    plan_path, out_path = sys.argv[1:3]
    Path(out_path).write_text(json.dumps(_worker(json.loads(Path(plan_path).read_text()))))
