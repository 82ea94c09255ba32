"""``engram mcp`` over stdio, through the SDK's client: the seven tools on the embedded
store (real MiniLM, offline rules), the default scope, and bad calls as tool errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from engram.mcp import TOOL_NAMES
from tests.mcp.conftest import run, stdio_session


def data(result: Any) -> Any:
    assert not result.is_error, result.content[0].text
    return result.structured_content


def error(result: Any) -> str:
    assert result.is_error, f"expected a tool error, got {result.structured_content}"
    text: str = result.content[0].text
    return text


def test_every_tool_on_the_embedded_store(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with stdio_session(tmp_path / "home", "--user", "alice") as c:
            listed = (await c.list_tools()).tools
            assert sorted(t.name for t in listed) == sorted(TOOL_NAMES)
            by_name = {t.name: t for t in listed}
            assert by_name["search_memories"].input_schema["required"] == ["query"]
            assert by_name["search_memories"].annotations.read_only_hint is True
            assert by_name["delete_memory"].annotations.destructive_hint is True
            assert all(t.description for t in listed)

            # add, stored as is, in the default scope (--user alice)
            added = data(await c.call_tool("add_memory", {
                "messages": "I like green tea", "infer": False, "metadata": {"topic": "food"}}))
            [ev] = added["results"]
            assert ev["event"] == "ADD"
            tea = ev["id"]
            # when it was said, and the last day it holds
            dated = data(await c.call_tool("add_memory", {
                "messages": "Visited the Alhambra", "infer": False,
                "timestamp": "2023-06-02T10:00:00+02:00", "expiration_date": "2999-01-01"}))
            got = data(await c.call_tool("get_memory", {"memory_id": dated["results"][0]["id"]}))
            assert (got["happened_at"], got["expiration_date"]) == (
                "2023-06-02T08:00:00.000000+00:00", "2999-01-01")
            text = error(await c.call_tool("add_memory", {"messages": "x", "timestamp": "soon"}))
            assert "timestamp: is not an ISO-8601" in text
            data(await c.call_tool("delete_memory", {"memory_id": got["id"]}))
            # add with inference: the offline rules extract facts from a conversation
            inferred = data(await c.call_tool("add_memory", {"messages": [
                {"role": "user", "content": "I'm vegetarian and I live in Lisbon."},
                {"role": "assistant", "content": "Noted!"}]}))
            assert {e["event"] for e in inferred["results"]} == {"ADD"}
            assert any("Lisbon" in e["memory"] for e in inferred["results"])
            # a narrower scope inside the pinned one: alice's memory for the agent "helper"
            data(await c.call_tool("add_memory", {"messages": "Answer tersely",
                                                  "agent_id": "helper", "infer": False}))

            hits = data(await c.call_tool("search_memories", {"query": "what tea do I like"}))
            assert hits["results"][0]["id"] == tea
            assert 0 < hits["results"][0]["score"] <= 1
            assert all(h.get("user_id") == "alice" for h in hits["results"])
            only = data(await c.call_tool("search_memories", {
                "query": "tea", "filters": {"topic": "food"}, "top_k": 5}))
            assert [h["id"] for h in only["results"]] == [tea]

            page = data(await c.call_tool("list_memories", {"page_size": 2}))
            assert page["total"] == 2 + len(inferred["results"]) and len(page["results"]) == 2
            helper = data(await c.call_tool("list_memories", {"agent_id": "helper"}))
            assert [m["memory"] for m in helper["results"]] == ["Answer tersely"]

            got = data(await c.call_tool("get_memory", {"memory_id": tea}))
            assert got["memory"] == "I like green tea" and got["metadata"] == {"topic": "food"}
            data(await c.call_tool("update_memory", {"memory_id": tea,
                                                     "text": "I like jasmine tea"}))
            assert data(await c.call_tool("get_memory", {"memory_id": tea}))["memory"] == \
                "I like jasmine tea"
            data(await c.call_tool("delete_memory", {"memory_id": tea}))
            events = data(await c.call_tool("memory_history", {"memory_id": tea}))["events"]
            assert [e["event"] for e in events] == ["ADD", "UPDATE", "DELETE"]
            assert (events[1]["old_memory"], events[1]["new_memory"]) == \
                ("I like green tea", "I like jasmine tea")
            assert "NotFound" in error(await c.call_tool("get_memory", {"memory_id": tea}))
            # a fact forgotten with the turn it came from
            cello = data(await c.call_tool("add_memory", {"messages": "I play the cello."}))
            gone = data(await c.call_tool("delete_memory", {
                "memory_id": cello["results"][0]["id"], "with_evidence": True}))
            assert gone["evidence_deleted"] == cello["episode_ids"]

    run(scenario)
    # The embedded store is the CLI's: the memories are in $ENGRAM_HOME/engram.db.
    assert (tmp_path / "home" / "engram.db").exists()


def test_bad_arguments_are_tool_errors_not_crashes(tmp_path: Path) -> None:
    async def scenario() -> None:
        # No default scope (any scope allowed): a call naming none is refused with the field named.
        async with stdio_session(tmp_path / "home", "--allow-any-scope") as c:
            cases: list[tuple[str, dict[str, Any], str]] = [
                ("search_memories", {"query": "tea"}, "user_id, agent_id or run_id is required"),
                ("search_memories", {}, "query"),  # missing required argument
                ("search_memories", {"query": 5, "user_id": "u"}, "query"),  # wrong type
                ("search_memories", {"query": "tea", "user_id": "u", "top_k": 0},
                 "InvalidInput: top_k: must be between 1 and 200"),
                ("search_memories", {"query": "tea", "user_id": "u",
                                     "filters": {"score": {"between": 3}}}, "InvalidFilter"),
                ("search_memories", {"query": "", "user_id": "u"}, "InvalidInput: query"),
                ("add_memory", {"messages": [], "user_id": "u"}, "InvalidInput: messages"),
                ("add_memory", {"messages": [{"role": "robot", "content": "hi"}], "user_id": "u"},
                 "messages[0].role"),
                ("add_memory", {"messages": "hi", "user_id": "u", "metadata": "x"}, "metadata"),
                ("add_memory", {"messages": [{"role": "user", "content": "hi"}] * 501, "user_id": "u"},
                 "the limit per add is 500"),
                ("list_memories", {"user_id": "u", "page": 0}, "page"),
                ("list_memories", {"user_id": "u", "page_size": 5000}, "page_size"),
                ("get_memory", {"memory_id": "no-such-id"}, "NotFound: memory 'no-such-id'"),
                ("update_memory", {"memory_id": "no-such-id", "text": "x"}, "NotFound"),
                ("update_memory", {"memory_id": "x"}, "give text, metadata"),
                ("delete_memory", {"memory_id": ""}, "memory_id"),
                ("memory_history", {"memory_id": "no-such-id"}, "NotFound"),
                ("no_such_tool", {}, "no_such_tool"),
            ]
            for tool, args, expected in cases:
                text = error(await c.call_tool(tool, args))
                assert expected in text, (tool, args, text)
            # Still serving after all of that.
            ok = data(await c.call_tool("add_memory", {"messages": "still here", "user_id": "u",
                                                       "infer": False}))
            assert ok["results"][0]["event"] == "ADD"

    run(scenario)
    log = (tmp_path / "home" / "mcp.err").read_text()
    assert "Traceback" not in log, log
    assert "embedded store" in log


def test_results_are_also_json_text(tmp_path: Path) -> None:
    """Clients that ignore structured content read the same result as JSON text."""
    async def scenario() -> None:
        async with stdio_session(tmp_path / "home", "--user", "bob") as c:
            res = await c.call_tool("add_memory", {"messages": "Bob runs marathons",
                                                   "infer": False})
            assert json.loads(res.content[0].text) == res.structured_content

    run(scenario)
