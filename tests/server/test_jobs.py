"""The job worker's promises that need a staged crash or a configured LLM: a taken-over add
that had committed is not applied twice; a failure that may pass is retried, one that
cannot ends FAILED; the summary is the LLM's when one is configured (scripted here)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.server.conftest import ServerThread

from engram import MemoryClient
from engram._add import preset_add_id
from engram.errors import LLMError
from engram.llm import RetryPolicy
from engram.server import ServerSettings, create_app
from engram.server._digest import EXPORT_PROMPT, SUMMARY_PROMPT
from engram.server._jobs import JobWorker
from engram.server._tenants import Tenants
from engram.store.filters import TRUE
from engram.testing import HashEmbedder, ScriptedLLM


def _worker(tmp_path: Path, llm: Any = None, **settings: Any) -> JobWorker:
    tenants = Tenants({"store": {"path": str(tmp_path / "s.db")}}, embedder=HashEmbedder(),
                      llm=llm)
    return JobWorker(tenants, ServerSettings(keys_path=tmp_path / "k.db", job_workers=0,
                                             **settings))


def test_a_taken_over_add_that_had_committed_is_not_applied_again(tmp_path: Path) -> None:
    w = _worker(tmp_path)
    p = w.platform
    args = {"messages": "I like figs", "user_id": "u", "infer": False}
    jid = p.enqueue("o/p", "ADD", args)
    assert p.claim("dead-worker", lease=0.05).id == jid
    with preset_add_id(jid):  # the dead worker's add committed; its outcome was never saved
        w.tenants.memory("o/p").add(**args)
    time.sleep(0.1)
    assert w.run_once()
    job = p.job("o/p", jid)
    assert job.status == "SUCCEEDED" and job.attempts == 2
    assert [(r["event"], r["memory"]) for r in job.results["results"]] == [("ADD", "I like figs")]
    assert w.tenants.store.count("o/p", TRUE) == 1
    w.stop()


def test_a_failure_that_may_pass_is_retried_then_fails(tmp_path: Path) -> None:
    llm = ScriptedLLM([LLMError("rate limited", retryable=True)] * 2,
                      retry=RetryPolicy(max_attempts=1))  # the job's retries, not the LLM's
    w = _worker(tmp_path, llm=llm, job_attempts=2, job_backoff=0.05)
    jid = w.platform.enqueue("o/p", "ADD", {"messages": "steps: a then b", "agent_id": "bot",
                                            "memory_type": "procedural_memory"})
    assert w.run_once()
    first = w.platform.job("o/p", jid)
    assert first.status == "PENDING" and "rate limited" in (first.error or "")
    time.sleep(0.1)
    assert w.run_once()
    last = w.platform.job("o/p", jid)
    assert last.status == "FAILED" and last.attempts == 2 and "LLMError" in (last.error or "")
    w.stop()


def test_summary_uses_the_configured_llm(tmp_path: Path) -> None:
    llm = ScriptedLLM([{"summary": "Ann keeps bees and lives in Lyon."}])
    settings = ServerSettings(keys_path=tmp_path / "k.db", rate_per_second=0)
    app = create_app({"store": {"path": str(tmp_path / "s.db")}}, settings=settings,
                     embedder=HashEmbedder(), llm=llm)
    with ServerThread(app) as thread:
        key = app.state.keys.create("o", "p")[1]
        with MemoryClient(api_key=key, host=f"http://127.0.0.1:{thread.port}") as c:
            for text in ("I keep bees", "I live in Lyon"):
                c.add(text, user_id="ann", infer=False)
            out = c.get_summary({"user_id": "ann"})
    assert out == {**out, "summary": "Ann keeps bees and lives in Lyon.", "method": "llm",
                   "memory_count": 2}
    [call] = llm.calls
    assert call.messages[0]["content"] == SUMMARY_PROMPT
    assert "I keep bees" in call.messages[1]["content"]


def test_an_export_schema_is_filled_in_by_the_configured_llm(tmp_path: Path) -> None:
    filled = {"name": "Ann", "city": "Lyon", "hobbies": ["beekeeping"]}
    llm = ScriptedLLM([filled])
    schema = {"type": "object", "properties": {
        "name": {"type": "string"}, "city": {"type": "string"},
        "hobbies": {"type": "array", "items": {"type": "string"}}}}
    settings = ServerSettings(keys_path=tmp_path / "k.db", rate_per_second=0)
    app = create_app({"store": {"path": str(tmp_path / "s.db")}}, settings=settings,
                     embedder=HashEmbedder(), llm=llm)
    with ServerThread(app) as thread:
        key = app.state.keys.create("o", "p")[1]
        with MemoryClient(api_key=key, host=f"http://127.0.0.1:{thread.port}") as c:
            for text in ("I keep bees", "I live in Lyon"):
                c.add(text, user_id="ann", infer=False)
            made = c.create_memory_export(schema, filters={"user_id": "ann"},
                                          export_instructions="Only hobbies and places")
            out = c.get_memory_export(made["id"])
            # No schema: nothing to fill in, the memories themselves (no LLM call).
            plain = c.get_memory_export(c.create_memory_export(user_id="ann")["id"])
    assert out["data"] == filled and out["method"] == "llm" and out["count"] == 2
    assert plain["data"] is None and plain["method"] == "projection"
    [call] = llm.calls
    assert call.messages[0]["content"] == EXPORT_PROMPT and call.schema == schema
    assert call.messages[1]["content"].startswith("Instructions: Only hobbies and places")
    assert "I live in Lyon" in call.messages[1]["content"]
