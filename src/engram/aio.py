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
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from engram._api import MemoryAPI
from engram.config import MemoryConfig
from engram.memory import Memory

if TYPE_CHECKING:
    from engram.embed import Embedder
    from engram.llm import LLM
    from engram.store.base import Store

P = ParamSpec("P")
R = TypeVar("R")


def _threaded(
    method: Callable[Concatenate[Any, P], R],
) -> Callable[Concatenate[AsyncMemory, P], Coroutine[Any, Any, R]]:
    """An async twin of a declared method (:class:`engram._api.MemoryAPI`) that runs
    ``Memory``'s implementation in a thread; the parameters and the result type are the
    declaration's, so a type checker sees them."""
    name = method.__name__

    @functools.wraps(method)
    async def call(self: AsyncMemory, *args: P.args, **kwargs: P.kwargs) -> R:
        result: R = await asyncio.to_thread(getattr(self.sync, name), *args, **kwargs)
        return result

    return call


def _conforms(memory: Memory) -> MemoryAPI:
    return memory  # mypy: Memory implements every declared method with its signature


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
    def from_config(cls, config_dict: Mapping[str, Any] | None = None) -> AsyncMemory:
        return cls(config_dict)

    add = _threaded(MemoryAPI.add)
    search = _threaded(MemoryAPI.search)
    search_by_vector = _threaded(MemoryAPI.search_by_vector)
    get = _threaded(MemoryAPI.get)
    get_all = _threaded(MemoryAPI.get_all)
    update = _threaded(MemoryAPI.update)
    delete = _threaded(MemoryAPI.delete)
    delete_all = _threaded(MemoryAPI.delete_all)
    batch_update = _threaded(MemoryAPI.batch_update)
    batch_delete = _threaded(MemoryAPI.batch_delete)
    history = _threaded(MemoryAPI.history)
    undo = _threaded(MemoryAPI.undo)
    reextract = _threaded(MemoryAPI.reextract)
    flush = _threaded(MemoryAPI.flush)
    reset = _threaded(MemoryAPI.reset)
    scopes = _threaded(MemoryAPI.scopes)

    async def close(self) -> None:
        await asyncio.to_thread(self.sync.close)

    async def __aenter__(self) -> AsyncMemory:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
