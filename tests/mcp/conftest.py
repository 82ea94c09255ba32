"""Run ``engram mcp`` as a subprocess and talk to it through the SDK's own client."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp")

from mcp.client import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters, stdio_client  # noqa: E402

ENGRAM = [sys.executable, "-m", "engram.cli"]


def engram_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: a temporary ENGRAM_HOME, offline rules, no inherited ENGRAM_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENGRAM_")}
    env.update(ENGRAM_HOME=str(home), ENGRAM_LLM_PROVIDER="rules", **extra)
    return env


@asynccontextmanager
async def stdio_session(home: Path, *args: str, **env: str) -> AsyncIterator[Any]:
    """``engram mcp ARGS`` over stdio; its stderr goes to ``home/mcp.err``."""
    params = StdioServerParameters(command=ENGRAM[0], args=[*ENGRAM[1:], "mcp", *args],
                                   env=engram_env(home, **env))
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "mcp.err", "w") as errlog:
        async with Client(stdio_client(params, errlog=errlog), read_timeout_seconds=60,
                          cache=None) as client:
            yield client


def run(scenario: Any) -> None:
    """``anyio.run(scenario)`` on a fresh thread, so it never meets an event loop left
    marked running on the main thread (Playwright's sync API does that while open)."""
    from concurrent.futures import ThreadPoolExecutor

    import anyio

    with ThreadPoolExecutor(1) as pool:
        pool.submit(anyio.run, scenario).result()
