"""One store, one embedder, one LLM for the whole server; one Memory facade per tenant.

Every tenant's :class:`engram.Memory` shares the same store object and lives in its own
namespace ``"org/project"``: the store confines every read and write to it, so no id or
filter sent by a request can reach another project's memories.

>>> from engram.testing import HashEmbedder
>>> import tempfile, os
>>> t = Tenants({"store": {"path": os.path.join(tempfile.mkdtemp(), "s.db")}},
...             embedder=HashEmbedder())
>>> t.memory("acme/a") is t.memory("acme/a"), t.memory("acme/a").store is t.memory("b/c").store
(True, True)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from engram._components import Components
from engram.config import MemoryConfig
from engram.errors import LLMError
from engram.memory import Memory

if TYPE_CHECKING:
    from engram.embed import Embedder
    from engram.llm import LLM
    from engram.server._metrics import Metrics
    from engram.store.base import Store

__all__ = ["CountingLLM", "Tenants"]


class CountingLLM:
    """Wraps the LLM to count calls and failures for ``/metrics``; behaviour unchanged."""

    def __init__(self, llm: LLM, metrics: Metrics) -> None:
        self._llm = llm
        self._metrics = metrics
        self.name = llm.name
        self.model = llm.model
        self.supports_vision = llm.supports_vision

    def complete_json(self, messages: list[dict[str, Any]], schema: dict[str, Any], *,
                      schema_name: str = "result") -> dict[str, Any]:
        self._metrics.llm_calls.inc()
        try:
            return self._llm.complete_json(messages, schema, schema_name=schema_name)
        except LLMError:
            self._metrics.llm_failures.inc()
            raise


class Tenants:
    """Builds the shared parts once (lazily) and hands out a cached Memory per namespace."""

    def __init__(self, config: Mapping[str, Any] | MemoryConfig | None = None, *,
                 embedder: Embedder | None = None, store: Store | None = None,
                 llm: LLM | None = None, metrics: Metrics | None = None,
                 cache_size: int = 1024) -> None:
        self.config = MemoryConfig.load(config)
        self._parts = Components(self.config, embedder=embedder, store=store, llm=llm)
        self._metrics = metrics
        self._cache: OrderedDict[str, Memory] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._llm: Any = None
        self._llm_ready = False

    def warm_up(self) -> None:
        """Open the store and load the embedder now, so the first request is not slow and
        a bad configuration stops the server at start-up."""
        _ = self._parts.store
        self._parts.raw_embedder.embed(["warm up"])
        self._shared_llm()

    def _shared_llm(self) -> LLM | None:
        if not self._llm_ready:
            llm = self._parts.llm
            if llm is not None and self._metrics is not None:
                llm = CountingLLM(llm, self._metrics)
            self._llm, self._llm_ready = llm, True
        shared: LLM | None = self._llm
        return shared

    @property
    def store(self) -> Store:
        """The shared store (the job worker and the Platform records use it)."""
        return self._parts.store

    @property
    def llm(self) -> LLM | None:
        """The shared LLM, None when extraction runs offline (rules)."""
        return self._shared_llm()

    @property
    def extractor_name(self) -> str:
        llm = self._shared_llm()
        return f"{llm.name}:{llm.model}" if llm is not None else "rules (offline)"

    def memory(self, namespace: str) -> Memory:
        with self._lock:
            mem = self._cache.get(namespace)
            if mem is not None:
                self._cache.move_to_end(namespace)
                return mem
        parts = self._parts
        llm = self._shared_llm()
        mem = Memory(self.config, embedder=parts.raw_embedder, store=parts.store, llm=llm,
                     namespace=namespace)
        with self._lock:
            mem = self._cache.setdefault(namespace, mem)
            while len(self._cache) > self._cache_size:
                _, old = self._cache.popitem(last=False)  # it shares the store: kept open
                _stop_writer(old, wait=0)  # its batch under way ends; the rest stays queued
        return mem

    def close(self) -> None:
        """Stop every tenant's vector writer (each ends its batch under way; rows it did
        not reach stay queued for the next start), then close the shared store."""
        with self._lock:
            mems = list(self._cache.values())
            self._cache.clear()
        for mem in mems:
            _stop_writer(mem, wait=30.0)
        self._parts.close()


def _stop_writer(mem: Memory, wait: float) -> None:
    # A tenant's Memory shares the store, so Memory.close (which closes it) is not for
    # it: only its own part, the background vector writer, is stopped.
    writer = mem._parts._writer  # noqa: SLF001 - built lazily; None when it never added
    if writer is not None:
        writer.close(wait)
