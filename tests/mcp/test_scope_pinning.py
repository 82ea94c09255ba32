"""``engram mcp --user alice`` is confined to alice, through the SDK's client: calls naming
another scope are refused, and the id-based tools refuse Bob's memory ids as unknown
(embedded store and remote server alike). ``--allow-any-scope`` lifts the pin; without a
scope and without the flag the server does not start."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.mcp.conftest import ENGRAM, engram_env, run, stdio_session
from tests.mcp.test_stdio import data as ok
from tests.mcp.test_stdio import error as refused


async def refuses_bob(c: Any, bob_id: str) -> None:
    """Every way to reach Bob's memory from a server pinned to alice is refused."""
    for tool, args in [
        ("search_memories", {"query": "seats", "user_id": "bob"}),
        ("list_memories", {"user_id": "bob"}),
        ("add_memory", {"messages": "I hate aisle seats", "user_id": "bob", "infer": False}),
        ("search_memories", {"query": "seats", "filters": {"user_id": "bob"}}),
        ("list_memories", {"filters": {"user_id": "bob"}}),
    ]:
        text = refused(await c.call_tool(tool, args))
        assert "pinned to user_id='alice'" in text and "--allow-any-scope" in text, text
    # A filter that tries to widen the scope finds alice's memories only.
    wide = ok(await c.call_tool("search_memories", {
        "query": "seats", "filters": {"OR": [{"user_id": "bob"}, {"user_id": "alice"}]}}))
    assert bob_id not in {h["id"] for h in wide["results"]}
    # By id, without naming Bob at all: the same answer as for an unknown id.
    for tool, args in [("get_memory", {}), ("update_memory", {"text": "hacked"}),
                       ("delete_memory", {}), ("memory_history", {})]:
        text = refused(await c.call_tool(tool, {"memory_id": bob_id, **args}))
        assert text.endswith(f"NotFound: memory {bob_id!r} not found"), (tool, text)


def test_a_pinned_embedded_server_refuses_other_scopes(tmp_path: Path) -> None:
    home = tmp_path / "home"

    async def scenario() -> None:
        async with stdio_session(home, "--allow-any-scope") as c:
            bob = ok(await c.call_tool("add_memory", {"messages": "Prefers aisle seats",
                                                      "user_id": "bob", "infer": False}))
            bob_id = bob["results"][0]["id"]
        async with stdio_session(home, "--user", "alice") as c:
            mine = ok(await c.call_tool("add_memory", {"messages": "Prefers window seats",
                                                       "infer": False}))["results"][0]["id"]
            await refuses_bob(c, bob_id)
            # Alice's own memories: every tool works, narrowing to a run is allowed.
            assert ok(await c.call_tool("get_memory", {"memory_id": mine}))["user_id"] == "alice"
            ok(await c.call_tool("update_memory", {"memory_id": mine, "text": "Window seats"}))
            ok(await c.call_tool("add_memory", {"messages": "Trip notes", "run_id": "trip",
                                                "user_id": "alice", "infer": False}))
            ok(await c.call_tool("delete_memory", {"memory_id": mine}))
            # Deleted here, in alice's scope: its history stays readable.
            events = ok(await c.call_tool("memory_history", {"memory_id": mine}))["events"]
            assert [e["event"] for e in events] == ["ADD", "UPDATE", "DELETE"]
        async with stdio_session(home, "--user", "alice", "--allow-any-scope") as c:
            # The flag lifts the pin: Bob's memory, untouched, by name and by id.
            listed = ok(await c.call_tool("list_memories", {"user_id": "bob"}))
            assert [m["memory"] for m in listed["results"]] == ["Prefers aisle seats"]
            assert ok(await c.call_tool("get_memory", {"memory_id": bob_id}))["user_id"] == "bob"
            history = ok(await c.call_tool("memory_history", {"memory_id": bob_id}))["events"]
            assert [e["event"] for e in history] == ["ADD"]

    run(scenario)
    # The start-up line says what the last server allowed (its log is rewritten per session).
    assert "any scope (default" in " ".join((home / "mcp.err").read_text().split())


def test_without_a_scope_or_the_flag_the_server_does_not_start(tmp_path: Path) -> None:
    done = subprocess.run([*ENGRAM, "mcp"], env=engram_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 4, done.stderr
    assert "--allow-any-scope" in done.stderr and "Traceback" not in done.stderr


pytest.importorskip("uvicorn")
from tests.dashboard.harness import serve  # noqa: E402


def test_a_pinned_remote_server_refuses_other_scopes(tmp_path: Path) -> None:
    with serve(tmp_path / "server") as (url, keys):
        _, key = keys.create("acme", "pins")
        with httpx.Client(base_url=url, headers={"Authorization": f"Token {key}"}) as api:
            added = api.post("/v3/memories/add/", json={"messages": "Prefers aisle seats",
                                                        "user_id": "bob", "infer": False})
            bob_id = added.json()["results"][0]["id"]

        async def scenario() -> None:
            async with stdio_session(tmp_path / "home", "--host", url, "--user", "alice",
                                     ENGRAM_API_KEY=key) as c:
                await refuses_bob(c, bob_id)
            async with stdio_session(tmp_path / "home", "--host", url, "--user", "alice",
                                     "--allow-any-scope", ENGRAM_API_KEY=key) as c:
                got = ok(await c.call_tool("get_memory", {"memory_id": bob_id}))
                assert got["memory"] == "Prefers aisle seats"

        run(scenario)
