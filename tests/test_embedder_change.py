"""A store opened with another embedder of the same width rewrites every vector in the
background (both backends): no vectors of two models compared, nothing lost meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from engram import Memory
from engram.embed.base import Matrix
from engram.errors import ConfigError
from engram.testing import HashEmbedder


class Mirrored(HashEmbedder):
    """Another model of the same width: HashEmbedder's vectors reversed."""

    model_id = "mirrored-hash"

    def embed(self, texts: Sequence[str]) -> Matrix:
        return np.ascontiguousarray(super().embed(texts)[:, ::-1])


def _vector(m: Memory, mid: str, probe: np.ndarray) -> float:
    return m._store.similarities([mid], probe)[mid]


def test_a_new_embedder_of_the_same_width_rewrites_every_vector(
        store_config: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    old = Memory({"store": store_config}, embedder=HashEmbedder())
    ids = [old.add(t, user_id=u, infer=False)["results"][0]["id"]
           for t, u in [("I keep bees on the garage roof", "a"), ("Sailing on Sundays", "b")]]
    assert old.flush()["pending"] == 0
    old.close()

    new_emb = Mirrored()
    with caplog.at_level(logging.WARNING, logger="engram"):
        new = Memory({"store": store_config}, embedder=new_emb)
        assert new._store.pending_vectors() == 2  # queued when the store opened
    assert "re-embedded in the background" in caplog.text and "'hash-embedder'" in caplog.text
    try:
        # Until the workers reach them the old vectors serve (keyword and vector hits).
        assert new.get(ids[0])["memory"] == "I keep bees on the garage roof"
        assert new.flush()["pending"] == 0
        for mid, text in zip(ids, ["I keep bees on the garage roof", "Sailing on Sundays"],
                             strict=True):
            assert _vector(new, mid, new_emb.embed([text])[0]) == pytest.approx(1.0, abs=1e-5)
        hit = new.search("bees garage roof", user_id="a", search_mode="vector")["results"]
        assert [r["id"] for r in hit] == [ids[0]] and hit[0]["score"] > 0.5  # old: near 0
    finally:
        new.close()
    again = Memory({"store": store_config}, embedder=Mirrored())  # the change is recorded
    try:
        assert again._store.pending_vectors() == 0
    finally:
        again.close()


def test_a_queued_rows_old_vector_is_never_taken_as_a_cache_hit(
        store_config: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from engram._vectors import VectorWriter

    old = Memory({"store": store_config}, embedder=HashEmbedder())
    old.add("I keep bees on the garage roof", user_id="a", infer=False)
    assert old.flush()["pending"] == 0
    old.close()
    monkeypatch.setattr(VectorWriter, "notify", lambda self: None)  # keep the rows queued
    new_emb = Mirrored()
    new = Memory({"store": store_config, "embedder": {"background": False}}, embedder=new_emb)
    try:
        mid = new.add("I keep bees on the garage roof", user_id="b",
                      infer=False)["results"][0]["id"]
        probe = new_emb.embed(["I keep bees on the garage roof"])[0]
        assert _vector(new, mid, probe) == pytest.approx(1.0, abs=1e-5)
    finally:
        new.close()


def test_another_width_is_still_refused(store_config: dict[str, Any]) -> None:
    first = Memory({"store": store_config}, embedder=HashEmbedder())
    first.add("I keep bees", user_id="a", infer=False)
    first.close()
    with pytest.raises(ConfigError, match="64-dim vectors from 'hash-embedder'"):
        Memory({"store": store_config}, embedder=HashEmbedder(dims=32)).get_all(user_id="a")
