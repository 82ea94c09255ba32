"""``engram mcp --host URL`` drives a real Engram server through MemoryClient (the key's
project is the tenant), and ``engram mcp --http`` serves the same tools over streamable
HTTP."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from mcp.client import Client

from engram.mcp import TOOL_NAMES
from tests.mcp.conftest import ENGRAM, engram_env, run, stdio_session

pytest.importorskip("uvicorn")
from tests.dashboard.harness import serve  # noqa: E402


def test_remote_server_through_the_client(tmp_path: Path) -> None:
    with serve(tmp_path / "server") as (url, keys):
        _, key = keys.create("acme", "mcp")

        async def scenario() -> None:
            async with stdio_session(tmp_path / "home", "--host", url, "--user", "alice",
                                     ENGRAM_API_KEY=key) as c:
                added = await c.call_tool("add_memory", {"messages": "Prefers aisle seats",
                                                         "infer": False})
                assert not added.is_error, added.content
                mid = added.structured_content["results"][0]["id"]
                hits = await c.call_tool("search_memories", {"query": "aisle seats"})
                assert hits.structured_content["results"][0]["id"] == mid
                history = await c.call_tool("memory_history", {"memory_id": mid})
                assert [e["event"] for e in history.structured_content["events"]] == ["ADD"]
                bad = await c.call_tool("search_memories", {"query": "x", "top_k": 1000})
                assert bad.is_error and "top_k" in bad.content[0].text
                gone = await c.call_tool("get_memory", {"memory_id": "nope"})
                assert gone.is_error and "NotFound" in gone.content[0].text

        run(scenario)
        # The memory is on the server, in the key's project.
        with httpx.Client(base_url=url, headers={"Authorization": f"Token {key}"}) as api:
            listed = api.post("/v3/memories/", json={"user_id": "alice"}).json()
        assert [m["memory"] for m in listed["results"]] == ["Prefers aisle seats"]

        # A rejected key stops `engram mcp` at start, with the reason and exit code 4.
        done = subprocess.run([*ENGRAM, "mcp", "--host", url, "--user", "alice"],
                              env=engram_env(tmp_path / "home", ENGRAM_API_KEY="eng_wrong"),
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert done.returncode == 4, done.stderr
        assert "rejected the API key" in done.stderr and done.stdout == ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_streamable_http(tmp_path: Path) -> None:
    port = free_port()
    home = tmp_path / "home"
    home.mkdir()
    with open(home / "mcp.log", "w") as log:
        proc = subprocess.Popen([*ENGRAM, "mcp", "--http", "--port", str(port), "--user", "u1"],
                                env=engram_env(home), stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert proc.poll() is None, (home / "mcp.log").read_text()
                    assert time.monotonic() < deadline, "engram mcp --http did not start"
                    time.sleep(0.2)

            async def scenario() -> None:
                async with Client(f"http://127.0.0.1:{port}/mcp", cache=None) as c:
                    names = sorted(t.name for t in (await c.list_tools()).tools)
                    assert names == sorted(TOOL_NAMES)
                    res = await c.call_tool("add_memory", {"messages": "Over HTTP",
                                                           "infer": False})
                    assert res.structured_content["results"][0]["event"] == "ADD"
                    listed = await c.call_tool("list_memories", {})
                    assert listed.structured_content["total"] == 1
                    bad = await c.call_tool("get_memory", {"memory_id": "nope"})
                    assert bad.is_error

            run(scenario)
        finally:
            proc.terminate()
            proc.wait(timeout=15)
