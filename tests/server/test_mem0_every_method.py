"""mem0ai 2.2.1's unchanged ``MemoryClient`` and ``AsyncMemoryClient`` over every public
method, each called as Mem0's Platform docs show, against the real server on 127.0.0.1,
and each answer checked for the shape those docs give it. Both clients run against the
session's in-process server (uvicorn, HashEmbedder); the sync client also runs every
scenario against ``engram serve`` itself (a subprocess on MiniLM).

The methods are read from the installed classes (``client.project``'s too), so a method a
newer mem0ai adds fails :func:`test_every_public_method_has_a_scenario` until it is
covered here. A method the server does not serve must answer 501 with a reason, and its
row in docs/compat.md (``engram._mem0_api.API``) must say why.
"""


from __future__ import annotations

import asyncio
import inspect
import os
import traceback
from pathlib import Path
from typing import Any

import pytest

os.environ["MEM0_TELEMETRY"] = "false"
mem0 = pytest.importorskip("mem0")
from tests.server.mem0_scenarios import SCENARIOS, public_methods  # noqa: E402


class Blocking:
    """An ``AsyncMemoryClient`` (or its ``project``) driven from a test: each coroutine
    runs to its end on the one event loop the client's connections belong to."""

    def __init__(self, target: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._target, self._loop = target, loop

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if name == "project":
            return Blocking(value, self._loop)
        if inspect.iscoroutinefunction(value):
            return lambda *a, **k: self._loop.run_until_complete(value(*a, **k))
        return value


@pytest.fixture(params=["MemoryClient", "AsyncMemoryClient"])
def client(request: Any, server: Any, tmp_path: Any, monkeypatch: Any) -> Any:
    """A mem0ai client on a project of its own."""
    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    key = server.new_key("compat")
    if request.param == "MemoryClient":
        c = mem0.MemoryClient(api_key=key, host=server.url)
        yield c
        c.client.close()
        return
    loop = asyncio.new_event_loop()
    ac = mem0.AsyncMemoryClient(api_key=key, host=server.url)
    yield Blocking(ac, loop)
    loop.run_until_complete(ac.async_client.aclose())
    loop.close()


def test_every_method_against_engram_serve(engram_serve: dict[str, Any], tmp_path: Any,
                                          monkeypatch: Any) -> None:
    """The same scenarios through mem0ai's ``MemoryClient`` against ``engram serve`` run as a
    user runs it (a subprocess, two uvicorn workers, the real MiniLM embedder), each on a
    project of its own."""
    from engram.server import KeyStore

    monkeypatch.setenv("MEM0_DIR", str(tmp_path / "mem0home"))
    keys = KeyStore(engram_serve["home"] / "keys.db")
    failed = {}
    for name in sorted(public_methods()):
        c = mem0.MemoryClient(api_key=keys.create("serve", f"p-{name}")[1],
                              host=engram_serve["url"])
        try:
            SCENARIOS[name](c)
        except Exception as e:  # noqa: BLE001  # every method's outcome, then one verdict
            # Where it failed too: a bare assert in the scenarios says nothing by itself.
            where = traceback.extract_tb(e.__traceback__)[-1]
            failed[name] = f"{repr(e)[:300]} at {Path(where.filename).name}:{where.lineno}"
        finally:
            c.client.close()
    assert not failed, "\n".join(f"{k}: {v}" for k, v in failed.items())


def test_every_public_method_has_a_scenario() -> None:
    assert public_methods() == set(SCENARIOS), (
        "mem0ai methods without a scenario: " + ", ".join(sorted(public_methods() - set(SCENARIOS)))
        + "; scenarios for no method: " + ", ".join(sorted(set(SCENARIOS) - public_methods())))


@pytest.mark.parametrize("method", sorted(public_methods()))
def test_method(method: str, client: Any) -> None:
    SCENARIOS[method](client)  # (tests/server/mem0_scenarios.py)

