"""A content-hash cache in front of any embedder.

:class:`CachedEmbedder` is itself an :class:`~engram.embed.base.Embedder`. For each call
it dedupes the texts by :func:`~engram.embed.base.text_hash`, looks the hashes up in a
bounded in-process LRU, then in an optional persistent :class:`EmbeddingCache` (the
store implements one), embeds only what is still missing in ONE inner call, and writes
those back to both.

>>> from engram.testing import HashEmbedder
>>> cache = MemoryCache()
>>> emb = CachedEmbedder(HashEmbedder(), cache)
>>> emb.embed(["a cat", "a  cat", "a dog"]).shape   # "a  cat" folds to "a cat"
(3, 64)
>>> len(cache)
2
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from engram.embed.base import Embedder, Matrix, check_texts, empty_matrix, normalize_text, text_hash
from engram.errors import EmbedderError, InvalidInput

__all__ = ["EmbeddingCache", "CachedEmbedder", "MemoryCache"]

Vector = np.ndarray


@runtime_checkable
class EmbeddingCache(Protocol):
    """Persistent vectors keyed by ``(model_id, text_hash)``.

    ``get_many`` returns only the hashes it holds (a vector per hash, float32 of the
    model's dims); ``put_many`` stores or overwrites.
    """

    def get_many(self, model_id: str, hashes: Sequence[str]) -> dict[str, Vector]: ...

    def put_many(self, model_id: str, items: dict[str, Vector]) -> None: ...


class MemoryCache:
    """A dict-backed :class:`EmbeddingCache`, for tests and short-lived processes."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], Vector] = {}

    def get_many(self, model_id: str, hashes: Sequence[str]) -> dict[str, Vector]:
        return {h: self._data[(model_id, h)] for h in hashes if (model_id, h) in self._data}

    def put_many(self, model_id: str, items: dict[str, Vector]) -> None:
        for h, v in items.items():
            self._data[(model_id, h)] = np.array(v, dtype=np.float32)

    def __len__(self) -> int:
        return len(self._data)


class _LRU:
    """A thread-safe bounded map from hash to a read-only vector."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, hashes: Sequence[str]) -> dict[str, Vector]:
        found: dict[str, Vector] = {}
        with self._lock:
            for h in hashes:
                v = self._items.get(h)
                if v is not None:
                    self._items.move_to_end(h)
                    found[h] = v
        return found

    def put_many(self, items: dict[str, Vector]) -> None:
        if self.capacity <= 0:
            return
        with self._lock:
            for h, v in items.items():
                self._items[h] = v
                self._items.move_to_end(h)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def _frozen(v: Vector) -> Vector:
    # Cached rows are shared between calls: a caller mutating its result must not
    # change what the next caller gets.
    a = np.array(v, dtype=np.float32)
    a.setflags(write=False)
    return a


class CachedEmbedder:
    """An :class:`Embedder` that embeds each distinct normalised text at most once.

    The inner embedder sees :func:`normalize_text` of each text, so two texts with the
    same hash always get the same vector, whichever arrived first.
    ``lru_size`` bounds the in-process LRU (0 disables it).
    """

    def __init__(
        self, inner: Embedder, cache: EmbeddingCache | None = None, *, lru_size: int = 10_000
    ) -> None:
        if lru_size < 0:
            raise InvalidInput("lru_size", f"must be >= 0, got {lru_size}")
        self.inner = inner
        self.cache = cache
        self.model_id: str = inner.model_id
        self.dims: int = inner.dims
        self._lru = _LRU(lru_size)

    def embed(self, texts: Sequence[str]) -> Matrix:
        items = check_texts(texts)
        if not items:
            return empty_matrix(self.dims)
        hashes = [text_hash(t) for t in items]
        first_text = dict(zip(hashes, items, strict=True))  # last wins: same hash, same text
        found = self._lru.get_many(list(first_text))
        missing = [h for h in first_text if h not in found]
        if missing and self.cache is not None:
            stored = {
                h: self._checked(v, h)
                for h, v in self.cache.get_many(self.model_id, missing).items()
            }
            self._lru.put_many(stored)
            found.update(stored)
            missing = [h for h in missing if h not in stored]
        if missing:
            fresh = self._embed_missing(missing, first_text)
            if self.cache is not None:
                self.cache.put_many(self.model_id, fresh)
            self._lru.put_many(fresh)
            found.update(fresh)
        return np.stack([found[h] for h in hashes]).astype(np.float32, copy=True)

    def _embed_missing(self, missing: list[str], text_of: dict[str, str]) -> dict[str, Vector]:
        vectors = self.inner.embed([normalize_text(text_of[h]) for h in missing])
        if vectors.shape != (len(missing), self.dims):
            raise EmbedderError(
                f"{self.model_id}: inner embedder returned shape {vectors.shape}, "
                f"expected {(len(missing), self.dims)}"
            )
        return {h: _frozen(v) for h, v in zip(missing, vectors, strict=True)}

    def _checked(self, v: Vector, h: str) -> Vector:
        a = _frozen(v)
        if a.shape != (self.dims,):
            raise EmbedderError(
                f"{self.model_id}: cached vector for {h[:12]}… has shape {a.shape}, "
                f"expected ({self.dims},); the persistent cache is inconsistent"
            )
        return a

    def __repr__(self) -> str:
        return f"CachedEmbedder({self.inner!r}, cache={self.cache!r})"
