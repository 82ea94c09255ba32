"""``engram demo``: the main job, end to end, on whatever is configured (offline by default).

Remembers a short conversation for a demo user, then a correction that contradicts it,
prints the events, runs two searches and prints the corrected memory's history.
"""

from __future__ import annotations

import json
import os
from typing import Any

from rich.console import Console
from rich.table import Table

from engram.config import default_db_path
from engram.memory import Memory

USER = "demo-user"
CONVERSATION = [
    {"role": "user", "content": "Hi! I'm Maya. I live in Lisbon and I work as a nurse."},
    {"role": "assistant", "content": "Nice to meet you, Maya! How can I help today?"},
    {"role": "user", "content": "I'm vegetarian and I'm allergic to peanuts. "
                                "I love hiking on weekends."},
    {"role": "assistant", "content": "Noted: vegetarian, no peanuts, and hiking."},
]
CORRECTION = [{"role": "user", "content": "Actually, I moved to Berlin last month."}]
QUERIES = ["Where does the user live?", "What should I avoid cooking for her?"]


def run_demo(db: str | None, *, as_json: bool, console: Console) -> dict[str, Any]:
    path = db or os.environ.get("ENGRAM_DB") or str(default_db_path().with_name("demo.db"))
    mem = Memory({"store": {"path": path}})
    mem.delete_all(user_id=USER)  # a fresh demo user on every run
    report: dict[str, Any] = {"store": path, "extractor": mem.extractor_name}
    report["add"] = mem.add(CONVERSATION, user_id=USER)
    report["correction"] = mem.add(CORRECTION, user_id=USER)
    report["memories"] = mem.get_all(user_id=USER)["results"]
    report["searches"] = {q: mem.search(q, user_id=USER, top_k=3)["results"] for q in QUERIES}
    # Show the history of the memory the correction changed (an UPDATE, else an ADD).
    changed = sorted((e for e in report["correction"]["results"] if e["event"] in ("UPDATE", "ADD")),
                     key=lambda e: e["event"] != "UPDATE")
    report["history"] = mem.history(changed[0]["id"]) if changed else []
    if as_json:
        console.print_json(json.dumps(report, ensure_ascii=False))
    else:
        _render(report, console)
    mem.close()
    return report


def _events(title: str, events: list[dict[str, Any]], console: Console) -> None:
    t = Table(title=title, title_justify="left")
    t.add_column("event")
    t.add_column("memory")
    t.add_column("was")
    for e in events:
        t.add_row(e["event"], e["memory"], e.get("previous_memory") or "")
    console.print(t)


def _render(r: dict[str, Any], console: Console) -> None:
    console.print(f"[bold]Engram demo[/bold]  store: {r['store']}")
    console.print(f"extractor: {r['extractor']}"
                  + ("  (no LLM configured: set OPENAI_API_KEY or ENGRAM_LLM_* to use one)"
                     if r["extractor"].startswith("rules") else ""))
    _events("1. add(conversation)", r["add"]["results"], console)
    _events("2. add(correction)", r["correction"]["results"], console)
    t = Table(title="3. get_all(user_id)", title_justify="left")
    t.add_column("memory")
    for m in r["memories"]:
        t.add_row(m["memory"])
    console.print(t)
    for q, hits in r["searches"].items():
        t = Table(title=f"4. search({q!r})", title_justify="left")
        t.add_column("score")
        t.add_column("memory")
        for h in hits:
            t.add_row(f"{h['score']:.3f}" if h.get("score") is not None else "", h["memory"])
        console.print(t)
    t = Table(title="5. history(changed memory)", title_justify="left")
    for c in ("event", "old", "new"):
        t.add_column(c)
    for e in r["history"]:
        t.add_row(e["event"], e["old_memory"] or "", e["new_memory"] or "")
    console.print(t)
