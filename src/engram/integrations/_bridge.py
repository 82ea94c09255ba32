"""What every adapter needs at its two edges: the framework's import error, naming the
extra, and one way to call Engram from async code whichever face it was given."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

PAGE = 1_000  # the largest page Engram lists in one call


def missing(framework: str, extra: str) -> str:
    return f"{framework} is not installed; install it with: pip install 'engram[{extra}]'"


async def acall(method: Any, *args: Any, **kwargs: Any) -> Any:
    """Await an ``AsyncMemory``/``AsyncMemoryClient`` method, or run a ``Memory``/
    ``MemoryClient`` one in a worker thread so the event loop is not blocked."""
    if inspect.iscoroutinefunction(method):
        return await method(*args, **kwargs)
    return await asyncio.to_thread(method, *args, **kwargs)


def sync_face(memory: Any) -> Any:
    """The synchronous ``Memory`` behind an ``AsyncMemory`` (its ``.sync``), else ``memory``."""
    return getattr(memory, "sync", memory)


def every_row(memory: Any, where: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every memory ``where`` selects, newest first, page by page (cursor pages stay
    stable while others add)."""
    cursor = None
    while True:
        page = memory.get_all(filters=where, page_size=PAGE, cursor=cursor)
        yield from page["results"]
        cursor = page.get("next_cursor")
        if not cursor:
            return
