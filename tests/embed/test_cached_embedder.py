"""CachedEmbedder: dedupe, in-process LRU, persistent cache, one inner call for misses."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from engram.embed import CachedEmbedder, EmbeddingCache, MemoryCache, text_hash
from engram.embed.base import Embedder
from engram.errors import EmbedderError, InvalidInput
from engram.testing._embedder import HashEmbedder


class Counting:
    """Wraps an embedder and records the texts of every ``embed`` call."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dims = inner.dims
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.embed(texts)


class CountingCache(MemoryCache):
    def __init__(self) -> None:
        super().__init__()
        self.gets: list[list[str]] = []
        self.puts: list[list[str]] = []

    def get_many(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        self.gets.append(list(hashes))
        return super().get_many(model_id, hashes)

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        self.puts.append(list(items))
        super().put_many(model_id, items)


def test_protocols_are_satisfied() -> None:
    assert isinstance(MemoryCache(), EmbeddingCache)
    assert isinstance(CachedEmbedder(HashEmbedder()), Embedder)


def test_same_vectors_as_the_inner_embedder() -> None:
    inner = HashEmbedder()
    texts = ["alice likes tea", "bob rides a bike", "alice likes tea"]
    np.testing.assert_array_equal(CachedEmbedder(inner).embed(texts), inner.embed(texts))


def test_dedupes_within_a_call_and_embeds_misses_in_one_call() -> None:
    inner = Counting(HashEmbedder())
    emb = CachedEmbedder(inner)
    v = emb.embed(["a b", "c d", "a  b", "e f", "c d"])
    assert inner.calls == [["a b", "c d", "e f"]]
    np.testing.assert_array_equal(v[0], v[2])
    np.testing.assert_array_equal(v[1], v[4])


def test_lru_hits_do_not_call_the_inner_embedder() -> None:
    inner = Counting(HashEmbedder())
    emb = CachedEmbedder(inner)
    first = emb.embed(["one", "two"])
    again = emb.embed(["two", "one"])
    assert len(inner.calls) == 1
    np.testing.assert_array_equal(again, first[::-1])
    emb.embed(["two", "three"])
    assert inner.calls[-1] == ["three"]


def test_persistent_cache_round_trip_across_instances() -> None:
    cache = CountingCache()
    first_inner = Counting(HashEmbedder())
    first = CachedEmbedder(first_inner, cache).embed(["x y", "z"])
    assert cache.puts == [[text_hash("x y"), text_hash("z")]]
    assert len(cache) == 2

    # A fresh process: empty LRU, same persistent cache.
    second_inner = Counting(HashEmbedder())
    second = CachedEmbedder(second_inner, cache).embed(["z", "x y", "new"])
    assert second_inner.calls == [["new"]]
    np.testing.assert_array_equal(second[:2], first[::-1])
    assert cache.gets[-1] == [text_hash("z"), text_hash("x y"), text_hash("new")]
    assert cache.puts[-1] == [text_hash("new")]


def test_persistent_cache_is_keyed_by_model_id() -> None:
    cache = MemoryCache()
    CachedEmbedder(HashEmbedder(), cache).embed(["shared text"])

    class Other(HashEmbedder):
        model_id = "other-model"

    inner = Counting(Other())
    CachedEmbedder(inner, cache).embed(["shared text"])
    assert inner.calls == [["shared text"]]
    assert len(cache) == 2


def test_lru_is_bounded() -> None:
    inner = Counting(HashEmbedder())
    emb = CachedEmbedder(inner, lru_size=2)
    emb.embed(["a", "b", "c"])  # "a" is evicted
    emb.embed(["b", "c"])
    assert len(inner.calls) == 1
    emb.embed(["a"])
    assert inner.calls[-1] == ["a"]


def test_lru_can_be_disabled() -> None:
    inner = Counting(HashEmbedder())
    emb = CachedEmbedder(inner, lru_size=0)
    emb.embed(["a"])
    emb.embed(["a"])
    assert len(inner.calls) == 2
    with pytest.raises(InvalidInput):
        CachedEmbedder(inner, lru_size=-1)


def test_inner_sees_normalised_text_so_variants_agree() -> None:
    inner = Counting(HashEmbedder())
    emb = CachedEmbedder(inner)
    emb.embed(["  Hello\n world  "])
    assert inner.calls == [["Hello world"]]


def test_results_are_fresh_copies() -> None:
    emb = CachedEmbedder(HashEmbedder())
    v = emb.embed(["mutable"])
    v[0, :] = 0.0
    assert float(np.linalg.norm(emb.embed(["mutable"])[0])) == pytest.approx(1.0)


def test_empty_input_touches_nothing() -> None:
    cache = CountingCache()
    inner = Counting(HashEmbedder(dims=8))
    v = CachedEmbedder(inner, cache).embed([])
    assert v.shape == (0, 8) and inner.calls == [] and cache.gets == []


def test_inconsistent_persistent_cache_is_an_error() -> None:
    cache = MemoryCache()
    cache.put_many("hash-embedder", {text_hash("bad"): np.ones(3, dtype=np.float32)})
    with pytest.raises(EmbedderError, match="inconsistent"):
        CachedEmbedder(HashEmbedder(), cache).embed(["bad"])


def test_inner_returning_wrong_shape_is_an_error() -> None:
    class Broken(HashEmbedder):
        def embed(self, texts: Sequence[str]) -> np.ndarray:
            return np.zeros((1, self.dims), dtype=np.float32)

    with pytest.raises(EmbedderError, match="shape"):
        CachedEmbedder(Broken()).embed(["a", "b"])
