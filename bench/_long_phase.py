"""The long-turn phase of the ingest/search benchmark: real chat histories (LongMemEval
dev, ~1,000 characters a turn), one ``add`` per turn as a chat app sends them.

Per system, on a fresh store, timed by the same lines for both (standard library only,
the peer's worker imports it too):

- ``searchable_s``: from the first add until the last add has returned. Engram commits
  text and keyword index in the add and embeds in the background, so every turn is
  found by keyword from then on (checked: ``probes``, keyword searches for a few turns'
  own words, run before any flush); mem0ai embeds inside each add;
- ``indexed_s``: until every vector is written (``flush()``; the probes' few ms are
  inside it). With nothing pending (mem0ai; Engram before background vectors) it is
  the same moment as ``searchable_s``: the system's ingest time;
- turns/s of both, CPU ms per turn, per-add p50/p95, then searches (default mode,
  query embedding included) once fully indexed.

>>> probe_query("We finally moved the Kubernetes cluster to Frankfurt last Tuesday, phew.", 3)
'finally Kubernetes Frankfurt'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from _phases import Adapter, cpu_s, load1, rate, summarise_ms

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]{3,}")


def probe_query(text: str, n: int = 5) -> str:
    """``n`` of the text's longest words (ties: first seen), in text order: words a
    person looking for that turn might type, and rarely function words."""
    words = list(dict.fromkeys(_WORD.findall(text)))
    keep = set(sorted(words, key=lambda w: (-len(w), words.index(w)))[:n])
    return " ".join(w for w in words if w in keep)


def build_long(questions: list[Any], histories: int, searches: int, top_k: int,
               probes_per_history: int = 5, max_turns: int | None = None) -> dict[str, Any]:
    """The long-turn plan from LongMemEval questions (``_lme_data.Question``): the
    haystacks of ``histories`` questions spread evenly over the file (each its own user),
    every non-empty turn in order (the first ``max_turns`` of each); probes at evenly spaced turns; ``searches`` questions
    of the whole file, each asked in one of those users' scopes in turn."""
    step = max(1, len(questions) // histories)
    picked = questions[::step][:histories]
    hist, probes = [], []
    for q in picked:
        user = f"lme-{q.question_id}"
        turns = [{"role": t.role, "content": t.content} for s in q.sessions for t in s.turns
                 if t.content.strip()][:max_turns]
        hist.append({"user_id": user, "question_id": q.question_id, "turns": turns})
        for i in range(probes_per_history):
            text = turns[(2 * i + 1) * len(turns) // (2 * probes_per_history)]["content"]
            probes.append([probe_query(text), user, text])
    asked = [[q.question, hist[i % len(hist)]["user_id"]] for i, q in enumerate(questions)]
    return {"histories": hist, "probes": probes, "queries": asked[:searches], "top_k": top_k}


def _searches(a: Any, queries: list[list[str]], top_k: int, clock: Callable[[], float]) -> dict[str, Any]:
    times: list[float] = []
    c0 = cpu_s()
    for q, user in queries:
        t = clock()
        a.search(q, user, top_k)
        times.append(clock() - t)
    return {"queries": len(queries), "top_k": top_k, **summarise_ms(times),
            "cpu_ms_per_query": round((cpu_s() - c0) * 1000 / len(queries), 3), "load1": load1()}


def run_long(a: Adapter, long: dict[str, Any], clock: Callable[[], float]) -> dict[str, Any]:
    """``long``: histories [{user_id, turns: [{role, content}]}], probes [[query,
    user_id, turn text]], queries [[question, user_id]], top_k."""
    a.open("long", fresh=True)
    turns = [(m, h["user_id"]) for h in long["histories"] for m in h["turns"]]
    calls: list[float] = []
    l0, c0, t0 = load1(), cpu_s(), clock()
    for msg, user in turns:
        t = clock()
        a.add_one(msg, user)
        calls.append(clock() - t)
    searchable = clock() - t0
    cpu_commit = cpu_s() - c0
    pending = a.pending()
    # Probes run before the flush, and inside indexed_s (a few ms against Engram), only
    # when vectors are pending; a system whose adds wrote their vectors is fully indexed
    # when its last add returns.
    indexed = None if pending else searchable
    found = sum(text in a.find(q, user, 10, keyword=True) for q, user, text in long["probes"])
    a.flush()
    if indexed is None:
        indexed = clock() - t0
    n = len(turns)
    out = {
        "turns": n, "histories": len(long["histories"]),
        "mean_chars": round(sum(len(m["content"]) for m, _ in turns) / n),
        "searchable_s": round(searchable, 3), "searchable_turns_per_s": rate(n, searchable),
        "pending_at_searchable": pending,
        "probes_found_before_flush": f"{found}/{len(long['probes'])}",
        "indexed_s": round(indexed, 3), "indexed_turns_per_s": rate(n, indexed),
        "cpu_ms_per_turn_commit": round(cpu_commit * 1000 / n, 3),
        "cpu_ms_per_turn_indexed": round((cpu_s() - c0) * 1000 / n, 3),
        "add_call": summarise_ms(calls), "load1_before": l0, "load1_after": load1(),
    }
    out["search"] = _searches(a, long["queries"], int(long["top_k"]), clock)
    a.close()
    out["disk_bytes"] = a.disk_bytes("long")
    return out
