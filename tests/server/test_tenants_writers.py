"""The server's tenants and their background vector writers (engram._vectors): closing
the server stops every tenant's writer before the shared store closes, and a tenant
evicted from the cache stops its own; queued vectors are never lost either way."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from pathlib import Path

from engram import Memory
from engram.embed.base import Matrix
from engram.server._tenants import Tenants
from engram.testing import HashEmbedder


class SlowWriterEmbedder(HashEmbedder):
    """The writer's calls take a moment, so writers are busy when the server stops."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()

    def embed(self, texts: Sequence[str]) -> Matrix:
        if threading.current_thread().name == "engram-vectors":
            self.entered.set()
            threading.Event().wait(0.05)
        return super().embed(texts)


def _writers(t: Tenants) -> list[object]:
    return [m._parts._writer for m in t._cache.values()]


def test_closing_the_tenants_stops_every_writer_and_loses_no_vector(tmp_path: Path) -> None:
    config = {"store": {"path": str(tmp_path / "s.db")}}
    t = Tenants(config, embedder=SlowWriterEmbedder())
    ids = []
    for ns in ("acme/a", "acme/b"):
        for i in range(40):
            ids.append(t.memory(ns).add(f"note {i} of {ns}", user_id="u",
                                        infer=False)["results"][0]["id"])
    writers = _writers(t)
    assert all(w is not None for w in writers)
    t.close()
    # Each writer's thread ended (its batch finished), before the store closed under it.
    assert all(w._closed and w._thread is None for w in writers)  # type: ignore[attr-defined]
    # Every memory is stored with its vector or its queue row; a new process writes the rest.
    for ns in ("acme/a", "acme/b"):
        m = Memory({"store": {"path": str(tmp_path / "s.db")}}, embedder=HashEmbedder(),
                   namespace=ns)
        assert len(m.get_all(user_id="u")["results"]) == 40
        assert m.flush(timeout=60)["pending"] == 0
        hit = m.search(f"note 7 of {ns}", user_id="u", search_mode="vector", top_k=1)
        assert hit["results"][0]["memory"] == f"note 7 of {ns}"
        m.close()


def test_an_evicted_tenant_stops_its_writer_and_the_next_one_writes_its_queue(
        tmp_path: Path) -> None:
    emb = SlowWriterEmbedder()
    t = Tenants({"store": {"path": str(tmp_path / "s.db")}}, embedder=emb, cache_size=1)
    try:
        first = t.memory("acme/a")
        for i in range(20):
            first.add(f"note {i}", user_id="u", infer=False)
        assert emb.entered.wait(10)
        writer = first._parts._writer
        t.memory("acme/b")  # evicts acme/a
        assert writer is not None and writer._closed
        writer._thread is None or writer._thread.join(30)
        # The store holds the evicted writer weakly: dropped with its Memory.
        del first, writer
        gc.collect()
        stops = [r() for r in t.store.__dict__.get("_stops", [])]
        assert stops and all(s is None for s in stops)  # acme/b has no writer yet
        again = t.memory("acme/a")  # a new Memory for the namespace writes what was left
        assert again.flush(timeout=60)["pending"] == 0
        assert len(again.search("note", user_id="u", search_mode="vector",
                                top_k=50)["results"]) == 20
    finally:
        t.close()
