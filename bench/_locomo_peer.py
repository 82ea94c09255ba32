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


def _worker(plan: dict[str, Any], out_path: Path) -> None:  # runs inside the peer venv
    """Ingest and search one conversation at a time, rewriting ``out_path`` after each,
    so a long run can be cut short and still report the conversations it finished. A
    conversation already fully stored (from an interrupted run) is not stored again."""
    import shutil

    import mem0
    from mem0 import Memory

    from _locomo_data import load_dir
    from _peer_worker import _close, _paths, mem0_config

    convs = load_dir(plan["data"])
    qdrant, history = _paths(plan["workdir"], "locomo")
    if not plan["reuse"]:
        shutil.rmtree(qdrant, ignore_errors=True)
        history.unlink(missing_ok=True)
    mem = Memory.from_config(mem0_config(plan["workdir"], "locomo"))
    out: dict[str, Any] = {"system": f"mem0ai {getattr(mem0, '__version__', '?')}", "rows": [],
                           "latencies_ms": [], "ingest_s": 0.0, "turns": 0, "conversations": []}
    for conv in convs:
        held = mem.get_all(filters={"user_id": conv.conv_id}, top_k=100_000)["results"]
        if len(held) != len(conv.turns):
            if held:
                mem.delete_all(user_id=conv.conv_id)
            t0 = time.perf_counter()
            for turns in conv.sessions():
                msgs = [{"role": "user", "name": t.speaker, "content": t.memory_text()}
                        for t in turns]
                mem.add(msgs, user_id=conv.conv_id, infer=False,
                        metadata={"session": turns[0].session, "session_date": turns[0].date_text})
            out["ingest_s"] += time.perf_counter() - t0
        out["turns"] += len(conv.turns)
        # Results are mapped back to turns by their text (the text each turn was stored as).
        by_text: dict[str, list[str]] = {}
        for t in conv.turns:
            by_text.setdefault(t.memory_text(), []).append(t.dia_id)
        for qa in conv.qa:
            t0 = time.perf_counter()
            res = mem.search(qa.question, filters={"user_id": conv.conv_id},
                             top_k=plan["top_k"])["results"]
            out["latencies_ms"].append((time.perf_counter() - t0) * 1000)
            out["rows"].append({"conv": conv.conv_id, "category": qa.category,
                                "dia_ids": [by_text.get(r["memory"], []) for r in res],
                                "evidence": list(qa.evidence)})
        out["conversations"].append(conv.conv_id)
        out_path.write_text(json.dumps(out))
        print(f"  [mem0] {conv.conv_id}: {len(conv.turns)} turns, {len(conv.qa)} questions",
              file=sys.stderr, flush=True)
    _close(mem)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    plan_path, out_path = sys.argv[1:3]
    _worker(json.loads(Path(plan_path).read_text()), Path(out_path))
