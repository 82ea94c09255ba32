"""``engram.AsyncMemory``: the same API as :class:`engram.Memory`, awaitable.

Each call runs the synchronous core in a worker thread (the store and the embedder
release the GIL in their C code), so there is one implementation of every decision and
no second copy to drift.

>>> import asyncio, tempfile, os
>>> async def main():
...     m = AsyncMemory({"store": {"path": os.path.join(tempfile.mkdtemp(), "a.db")}})
...     await m.add("I live in Lisbon", user_id="bo", infer=False)
...     return (await m.search("Lisbon", user_id="bo"))["results"][0]["memory"]
>>> asyncio.run(main())
'I live in Lisbon'
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from engram.config import MemoryConfig
from engram.memory import Memory

if TYPE_CHECKING:
    from engram.embed import Embedder
    from engram.llm import LLM
    from engram.store.base import Store

P = ParamSpec("P")
R = TypeVar("R")


def _threaded(method: Callable[..., R]) -> Callable[..., Any]:
    """An async twin of a ``Memory`` method that runs it in a thread."""
    name = method.__name__

    @functools.wraps(method)
    async def call(self: AsyncMemory, *args: Any, **kwargs: Any) -> Any:
        return await asyncio.to_thread(getattr(self.sync, name), *args, **kwargs)

    return call


class AsyncMemory:
    """Awaitable :class:`engram.Memory`; ``.sync`` is the Memory it drives."""

    def __init__(
        self,
        config: Mapping[str, Any] | MemoryConfig | None = None,
        *,
        embedder: Embedder | None = None,
        store: Store | None = None,
        llm: LLM | None = None,
        namespace: str = "",
    ) -> None:
        self.sync = Memory(config, embedder=embedder, store=store, llm=llm, namespace=namespace)

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None = None) -> AsyncMemory:
        return cls(config)

    add = _threaded(Memory.add)
    search = _threaded(Memory.search)
    get = _threaded(Memory.get)
    get_all = _threaded(Memory.get_all)
    update = _threaded(Memory.update)
    delete = _threaded(Memory.delete)
    delete_all = _threaded(Memory.delete_all)
    batch_update = _threaded(Memory.batch_update)
    batch_delete = _threaded(Memory.batch_delete)
    history = _threaded(Memory.history)
    reset = _threaded(Memory.reset)
    scopes = _threaded(Memory.scopes)
    close = _threaded(Memory.close)

    async def __aenter__(self) -> AsyncMemory:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
