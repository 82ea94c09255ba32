"""Build the parts a :class:`engram.Memory` runs on from its configuration, lazily.

Nothing is loaded until first used, so ``Memory()`` is instant and a search that needs
no LLM never imports one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from engram._categories import Classifier
from engram.config import MemoryConfig
from engram.errors import ConfigError

if TYPE_CHECKING:
    from engram._vectors import VectorWriter
    from engram.embed import Embedder
    from engram.llm import LLM
    from engram.pipeline.base import Extractor, Reconciler
    from engram.store.base import BoundStore, Store


class StoreEmbeddingCache:
    """Adapts a store's embedding-cache methods to the embedder's cache protocol.

    ``write=False`` reads only: for texts whose vectors are stored anyway (raw turns
    become memory rows) or are not worth keeping (search queries)."""

    def __init__(self, store: Store, *, write: bool = True) -> None:
        self._store = store
        self._write = write

    def get_many(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        return self._store.get_many_embeddings(model_id, hashes)

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        if self._write:
            self._store.put_many_embeddings(model_id, items)


class Components:
    """Lazily built embedder, store, LLM and pipeline steps; explicit objects win."""

    def __init__(self, config: MemoryConfig, *, embedder: Embedder | None = None,
                 store: Store | None = None, llm: LLM | None = None) -> None:
        self.config = config
        self._embedder_raw = embedder
        self._embedder: Embedder | None = None
        self._read_embedder: Embedder | None = None
        self._store = store
        self._llm = llm
        self._llm_resolved = llm is not None
        self._steps: tuple[Extractor, Reconciler] | None = None
        self._classifier: Classifier | None = None
        self._writer: VectorWriter | None = None
        self._lock = threading.RLock()

    def _once(self, attr: str, build: Callable[[], Any]) -> Any:
        value = getattr(self, attr)
        if value is None:
            with self._lock:
                value = getattr(self, attr)
                if value is None:
                    value = build()
                    setattr(self, attr, value)
        return value

    @property
    def raw_embedder(self) -> Embedder:
        def build() -> Embedder:
            from engram.embed import make_embedder

            e = self.config.embedder
            return make_embedder(e.provider, model=e.model, base_url=e.base_url,
                                 api_key=e.api_key, dims=e.dims, threads=e.threads,
                                 max_tokens=e.max_tokens, kernels=e.kernels)

        emb: Embedder = self._once("_embedder_raw", build)
        return emb

    @property
    def embedder(self) -> Embedder:
        def build() -> Embedder:
            from engram.embed import CachedEmbedder

            return CachedEmbedder(self.raw_embedder, StoreEmbeddingCache(self.store))

        emb: Embedder = self._once("_embedder", build)
        return emb

    @property
    def read_embedder(self) -> Embedder:
        """Like :attr:`embedder`, but never writes the persistent cache (raw turns,
        queries): each raw vector is kept once, in its memory row."""

        def build() -> Embedder:
            from engram.embed import CachedEmbedder

            return CachedEmbedder(self.raw_embedder, StoreEmbeddingCache(self.store, write=False))

        emb: Embedder = self._once("_read_embedder", build)
        return emb

    @property
    def classifier(self) -> Classifier:
        """Tags memories with categories from the vectors the embedder gave them."""
        def build() -> Classifier:
            llm = None
            if self.config.pipeline.categorize == "llm":
                llm = self.llm
                if llm is None:
                    raise ConfigError("pipeline.categorize is 'llm' but no LLM is configured "
                                      "(llm.provider); set one or keep 'embedding'")
            return Classifier(self.read_embedder.embed, llm)

        found: Classifier = self._once("_classifier", build)
        return found

    @property
    def store(self) -> Store:
        def build() -> Store:
            from engram.store.factory import make_store

            s, emb, search = self.config.store, self.raw_embedder, self.config.search
            if s.dims is not None and s.dims != emb.dims:
                raise ConfigError(
                    f"store.dims (Mem0's embedding_model_dims): {s.dims}, but the embedder "
                    f"{emb.model_id} gives {emb.dims}-wide vectors; drop it or match it")
            return make_store(s.provider, dims=emb.dims, model_id=emb.model_id, path=s.path,
                              dsn=s.dsn, pool_size=s.pool_size,
                              context_before=search.context_before,
                              context_after=search.context_after,
                              context_weight=search.context_weight,
                              context_session=(search.session_field
                                               if search.context_bound == "session" else None),
                              context_chars=search.context_chars)

        st: Store = self._once("_store", build)
        return st

    @property
    def llm(self) -> LLM | None:
        """The configured LLM, or None: then the offline rules extract and reconcile."""
        if not self._llm_resolved:
            with self._lock:
                if not self._llm_resolved:
                    from engram.llm import LLMSettings, resolve_llm

                    c = self.config.llm
                    settings = None
                    if c.provider == "rules":
                        self._llm = None
                    else:
                        if c.provider is not None:
                            settings = LLMSettings(
                                provider=c.provider, model=c.model, base_url=c.base_url,
                                api_key=c.api_key, timeout=c.timeout,
                                max_retries=c.max_retries, threads=c.threads,
                                model_path=c.model_path, temperature=c.temperature,
                                max_tokens=c.max_tokens, top_p=c.top_p, top_k=c.top_k,
                                vision=c.vision, azure_deployment=c.azure_deployment,
                                api_version=c.api_version, default_headers=c.default_headers)
                        self._llm = resolve_llm(settings)
                    self._llm_resolved = True
        return self._llm

    @property
    def steps(self) -> tuple[Extractor, Reconciler]:
        def build() -> tuple[Extractor, Reconciler]:
            llm = self.llm
            if llm is None:
                from engram.pipeline.rules import RulesExtractor, RulesReconciler

                def similarity(a: list[str], b: list[str]) -> np.ndarray:
                    return self.embedder.embed(a) @ self.embedder.embed(b).T

                return RulesExtractor(), RulesReconciler(similarity)
            from engram.pipeline.llm_steps import LLMExtractor, LLMReconciler

            return LLMExtractor(llm), LLMReconciler(llm)

        steps: tuple[Extractor, Reconciler] = self._once("_steps", build)
        return steps

    def writer(self, store: BoundStore) -> VectorWriter:
        """The background writer of queued vectors (:mod:`engram._vectors`) for the one
        namespace ``store`` is bound to (a Memory holds one)."""
        def build() -> VectorWriter:
            from engram._vectors import writer_for

            return writer_for(store, self)

        found: VectorWriter = self._once("_writer", build)
        return found

    def close(self) -> None:
        if self._writer is not None:  # its batch under way ends before the store closes
            self._writer.close()
        if self._store is not None:
            self._store.close()
