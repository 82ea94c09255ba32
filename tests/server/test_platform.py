"""The server's Platform features through Engram's clients and mem0ai's unchanged client,
on the shared real server: queued adds and their events, feedback, exports, summaries."""

from __future__ import annotations

import asyncio
import json
import os
import time
from typing import Any

import pytest

from engram import AsyncMemoryClient, MemoryClient
from engram.errors import InvalidInput, NotFound

os.environ["MEM0_TELEMETRY"] = "false"
mem0 = pytest.importorskip("mem0")


@pytest.fixture()
def ours(server: Any) -> Any:
    with MemoryClient(api_key=server.new_key(), host=server.url) as c:
        yield c


@pytest.fixture()
def theirs(server: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    c = mem0.MemoryClient(api_key=server.new_key("mem0org"), host=server.url)
    yield c
    c.client.close()


def wait_event(get: Any, event_id: str, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        ev: dict[str, Any] = get(event_id)
        if ev["status"] in ("SUCCEEDED", "FAILED") or time.monotonic() > deadline:
            return ev
        time.sleep(0.05)


def test_a_queued_add_answers_pending_then_its_event_succeeds(ours: MemoryClient) -> None:
    out = ours.queue_add("I keep bees on the roof", user_id="ann", infer=False)
    [item] = out["results"]
    assert item["status"] == "PENDING" and item["message"].startswith("Memory processing")
    ev = wait_event(ours.get_event, item["event_id"])
    assert ev["status"] == "SUCCEEDED" and ev["event_type"] == "ADD"
    assert ev["payload"]["messages"] == "I keep bees on the roof"
    [res] = ev["results"]
    assert res["event"] == "ADD" and ours.get(res["id"])["memory"] == "I keep bees on the roof"
    assert ev["metadata"]["add_id"] == item["event_id"]  # the add is undoable by its event
    assert ev["latency"] is not None and ev["completed_at"] >= ev["started_at"]
    listed = ours.get_events()
    assert listed["count"] == 1 and listed["results"][0]["id"] == item["event_id"]


def test_a_queued_add_is_checked_before_it_is_queued(ours: MemoryClient) -> None:
    with pytest.raises(InvalidInput, match="user_id"):
        ours.queue_add("no scope at all")
    assert ours.get_events()["count"] == 0


def test_a_queued_adds_metadata_and_type_are_checked_before_queueing(ours: MemoryClient) -> None:
    with pytest.raises(InvalidInput, match="memory_type"):
        ours.queue_add("x y z", user_id="u", memory_type="episodic")
    with pytest.raises(InvalidInput, match="metadata"):
        deep: dict[str, Any] = {}
        for _ in range(40):
            deep = {"k": deep}
        ours.queue_add("x y z", user_id="u", metadata=deep)
    assert ours.get_events()["count"] == 0


def test_an_unknown_or_foreign_event_is_not_found(server: Any, ours: MemoryClient) -> None:
    eid = ours.queue_add("hello there friend", user_id="u", infer=False)["results"][0]["event_id"]
    with MemoryClient(api_key=server.new_key(), host=server.url) as other, \
            pytest.raises(NotFound):
        other.get_event(eid)
    with pytest.raises(NotFound):
        ours.get_event("no-such-event")


def test_mem0_client_async_mode_and_the_event_route(theirs: Any) -> None:
    out = theirs.add([{"role": "user", "content": "My dog is called Rex"}], user_id="al",
                     infer=False, async_mode=True)
    eid = out["results"][0]["event_id"]
    ev = wait_event(lambda e: theirs.client.get(f"/v1/event/{e}/").json(), eid)
    assert ev["status"] == "SUCCEEDED"
    assert [m["memory"] for m in theirs.get_all(filters={"user_id": "al"})["results"]] == \
        ["My dog is called Rex"]


def test_async_client_queues_and_reads_events(server: Any) -> None:
    async def run() -> dict[str, Any]:
        async with AsyncMemoryClient(api_key=server.new_key(), host=server.url) as c:
            eid = (await c.queue_add("I like jazz", user_id="z", infer=False)
                   )["results"][0]["event_id"]
            for _ in range(600):
                ev: dict[str, Any] = await c.get_event(eid)
                if ev["status"] == "SUCCEEDED":
                    return ev
                await asyncio.sleep(0.05)
            return ev

    assert asyncio.run(run())["status"] == "SUCCEEDED"


# -- feedback -----------------------------------------------------------------------------


def test_feedback_is_stored_per_memory(ours: MemoryClient, theirs: Any, server: Any) -> None:
    mid = ours.add("I drink oolong", user_id="f", infer=False)["results"][0]["id"]
    got = ours.feedback(mid, "positive", feedback_reason="spot on")
    assert got["feedback"] == "POSITIVE" and got["memory_id"] == mid
    ours.feedback(mid, "NEGATIVE")
    listed = ours._send(_feedback_call(mid))
    assert [r["feedback"] for r in listed["results"]] == ["NEGATIVE", "POSITIVE"]
    assert listed["results"][1]["feedback_reason"] == "spot on"
    with pytest.raises(InvalidInput, match="feedback"):
        ours._send(_raw_feedback(mid, "MEH"))
    with pytest.raises(NotFound):
        ours.feedback("no-such-memory", "POSITIVE")
    tid = theirs.add("I drink sencha", user_id="f", infer=False)["results"][0]["id"]
    assert theirs.feedback(tid, "very_negative", "wrong")["feedback"] == "VERY_NEGATIVE"


def _feedback_call(mid: str) -> Any:
    from engram._calls import Call

    return Call("GET", "/v1/feedback/", params={"memory_id": mid})


def _raw_feedback(mid: str, value: str) -> Any:
    from engram._calls import Call

    return Call("POST", "/v1/feedback/", json={"memory_id": mid, "feedback": value})


# -- exports and summaries ----------------------------------------------------------------


def test_export_with_a_schema_keeps_the_fields_it_names(ours: MemoryClient, theirs: Any) -> None:
    for text in ("I live in Lyon", "I work as a baker"):
        ours.add(text, user_id="ex", infer=False)
    ours.add("someone else's fact", user_id="other", infer=False)
    schema = {"type": "object", "properties": {"memories": {"type": "array", "items": {
        "type": "object", "properties": {"memory": {"type": "string"},
                                         "created_at": {"type": "string"}}}}}}
    made = ours.create_memory_export(schema, filters={"user_id": "ex"})
    got = ours.get_memory_export(made["id"])
    assert got["count"] == 2 and got["schema"] == schema
    assert [m["memory"] for m in got["memories"]] == ["I live in Lyon", "I work as a baker"]
    assert set(got["memories"][0]) == {"memory", "created_at"}
    assert ours.get_memory_export(filters={"user_id": "ex"})["id"] == made["id"]
    with pytest.raises(NotFound):
        ours.get_memory_export(filters={"user_id": "nobody"})
    whole = ours.get_memory_export(ours.create_memory_export(user_id="ex")["id"])
    assert {"id", "memory", "user_id", "metadata"} <= set(whole["memories"][0])
    # mem0ai sends the schema as JSON text and the scope as filters
    theirs.add("I love climbing", user_id="ex", infer=False)
    r = theirs.create_memory_export(json.dumps(schema), filters={"user_id": "ex"})
    assert theirs.get_memory_export(memory_export_id=r["id"])["count"] == 1


def test_summary_offline_lists_the_scopes_memories(ours: MemoryClient, theirs: Any) -> None:
    for text in ("I live in Oslo", "I am learning Norwegian", "i live in oslo"):
        ours.add(text, user_id="s", infer=False)
    out = ours.get_summary({"user_id": "s"})
    assert out["method"] == "rules" and out["memory_count"] == 3
    assert out["summary"].startswith("2 memories")
    assert "- I live in Oslo\n- I am learning Norwegian" in out["summary"]
    with pytest.raises(InvalidInput, match="filters"):
        ours.get_summary()
    theirs.add("I sail on weekends", user_id="s", infer=False)
    assert "I sail on weekends" in theirs.get_summary(filters={"user_id": "s"})["summary"]


def test_our_clients_reach_the_project_settings(ours: MemoryClient, server: Any) -> None:
    assert ours.get_project(fields=["custom_instructions"]) == {"custom_instructions": None}
    assert ours.update_project(custom_instructions="Food only", includes="meals")["message"]
    assert ours.project.get(["custom_instructions", "includes"]) == {
        "custom_instructions": "Food only", "includes": "meals"}
    ours.project.update(custom_categories=[{"drinks": "tea coffee juice"}])
    mid = ours.add("Green tea every morning", user_id="pj", infer=False)["results"][0]["id"]
    assert ours.get(mid)["categories"] == ["drinks"]
    with pytest.raises(InvalidInput, match="fields"):
        ours.get_project(fields=["colour"])
    with MemoryClient(api_key=server.new_key(), host=server.url) as other:
        assert other.get_project(["custom_instructions"]) == {"custom_instructions": None}

    async def run() -> dict[str, Any]:
        async with AsyncMemoryClient(api_key=ours.api_key, host=server.url) as c:
            await c.project.update(excludes="greetings")
            got: dict[str, Any] = await c.get_project(["excludes", "includes"])
            return got

    assert asyncio.run(run()) == {"excludes": "greetings", "includes": "meals"}
