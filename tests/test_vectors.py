"""Pending vectors (engram._vectors): searchable at once by keyword, vectors written by a
background worker, flush, the synchronous switch, reconciliation; kill -9 mid-embedding:
tests/test_vectors_kill.py (and tests/store/test_sqlite_durability.py)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest

from engram import Memory
from engram.embed.base import Matrix
from engram.errors import InvalidInput
from engram.testing import HashEmbedder


class GatedEmbedder(HashEmbedder):
    """HashEmbedder whose calls from the background worker wait for ``gate``: holds
    vectors pending while queries and the test's own calls go through."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.waiting = threading.Event()  # the worker holds a claim, inside embed

    def embed(self, texts: Sequence[str]) -> Matrix:
        if threading.current_thread().name == "engram-vectors":
            self.waiting.set()
            assert self.gate.wait(30), "the test never opened the gate"
        return super().embed(texts)


@pytest.fixture
def gated(store_config: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    # Reads wait this long for the rows the gated worker holds (10 s by default).
    monkeypatch.setattr("engram._vectors.CATCH_UP_WAIT", 0.5)
    emb = GatedEmbedder()
    m = Memory({"store": store_config, "llm": {"provider": "rules"}}, embedder=emb)
    yield m, emb
    emb.gate.set()
    m.close()


# Two categories a memory is told apart by, for the tests of categories and pending vectors.
CATALOG = [{"beekeeping": "bees, hives, honey, beekeeping"},
           {"cars": "cars, driving, engines, garages"}]
BEES = "I keep bees and harvest honey from the hives"


@pytest.fixture
def unwritten(store_config: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """A Memory with the bee and car catalog and no background worker: queued vectors
    stay queued until a read, a flush or the test writes them."""
    from engram._vectors import VectorWriter

    monkeypatch.setattr(VectorWriter, "notify", lambda self: None)
    m = Memory({"store": store_config}, embedder=HashEmbedder())
    m.project.update(custom_categories=CATALOG)
    yield m
    m.close()


def test_an_add_is_searchable_by_keyword_before_its_vector(gated: Any) -> None:
    m, emb = gated
    mid = m.add("I keep bees on the roof of the garage", user_id="u", infer=False)["results"][0]["id"]
    assert emb.waiting.wait(10)  # the worker holds it, stuck at the gate
    assert m._store.pending_vectors() == 1
    hybrid = m.search("bees garage", user_id="u")["results"]
    assert [r["id"] for r in hybrid] == [mid] and "score" not in hybrid[0]  # no similarity yet
    assert m.search("bees garage", user_id="u", search_mode="vector")["results"] == []
    assert m.search("bees garage", user_id="u", threshold=0.0)["results"] == []
    emb.gate.set()
    assert m.flush() == {"message": "All vectors written", "pending": 0}
    vec = m.search("bees garage", user_id="u", search_mode="vector")["results"]
    assert [r["id"] for r in vec] == [mid] and vec[0]["score"] > 0.3


def test_a_search_writes_a_small_backlog_of_its_scope_first(
        store_config: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from engram._vectors import CATCH_UP, VectorWriter

    monkeypatch.setattr(VectorWriter, "notify", lambda self: None)  # no background worker
    m = Memory({"store": store_config}, embedder=HashEmbedder())
    try:
        mid = m.add("I keep bees on the roof", user_id="u", infer=False)["results"][0]["id"]
        m.add([{"role": "user", "content": f"bulk {i}"} for i in range(CATCH_UP + 1)],
              user_id="bulk", infer=False)
        assert m._store.pending_vectors() == CATCH_UP + 2
        # One pending memory in u's scope: written by the search, found by vector.
        hit = m.search("bees roof", user_id="u", search_mode="vector")["results"]
        assert [r["id"] for r in hit] == [mid] and m._store.pending_vectors() == CATCH_UP + 1
        # A backlog above CATCH_UP (a bulk import) is left to the workers: keyword only.
        assert m.search("bulk 3", user_id="bulk", search_mode="vector")["results"] == []
        assert m.search("bulk", user_id="bulk", search_mode="keyword", top_k=50)["results"]
        assert m.flush()["pending"] == 0
    finally:
        m.close()


def test_flush_times_out_with_what_is_left(gated: Any) -> None:
    m, emb = gated
    m.add([{"role": "user", "content": "one"}, {"role": "user", "content": "two"}],
          user_id="u", infer=False)
    assert emb.waiting.wait(10)  # the worker claimed both: flush can only wait for it
    out = m.flush(timeout=0.2)
    assert out["pending"] == 2
    with pytest.raises(InvalidInput) as e:
        m.flush(timeout=-1)
    assert e.value.field == "timeout"
    emb.gate.set()
    assert m.flush()["pending"] == 0


def test_the_synchronous_switch_writes_the_vector_in_the_add(store_config: dict[str, Any]) -> None:
    emb = GatedEmbedder()
    emb.gate.set()
    m = Memory({"store": store_config, "embedder": {"background": False}}, embedder=emb)
    try:
        mid = m.add("I keep bees on the roof", user_id="u", infer=False)["results"][0]["id"]
        assert m._store.pending_vectors() == 0  # embedded inside the add
        assert m._parts.writer(m._store)._thread is None  # no worker was started
        assert m.get(mid)["categories"]  # classified from the vector at once
        hit = m.search("bees roof", user_id="u", search_mode="vector")["results"]
        assert hit[0]["id"] == mid
    finally:
        m.close()


def test_an_inferred_add_first_writes_its_scopes_pending_vectors(gated: Any) -> None:
    m, emb = gated
    m.add("I like green tea", user_id="u", infer=False)
    m.add("I like black coffee", user_id="other", infer=False)
    assert m._store.pending_vectors() == 2
    emb.gate.set()
    # The worker may race it; either way the inferred add's scope has every vector.
    m.add("I like green tea", user_id="u")
    from engram._types import Scope

    assert m._store.pending_vectors(Scope(user_id="u"), facts_only=True) == 0
    # The fact equals the raw memory's text: reconciliation saw that memory (by vector).
    texts = [r["memory"] for r in m.get_all(user_id="u")["results"]]
    assert texts.count("I like green tea") == 1, texts


def test_an_update_or_delete_of_a_pending_memory_leaves_no_queue_row(gated: Any) -> None:
    m, emb = gated
    a, b = (r["id"] for r in m.add([{"role": "user", "content": "alpha note"},
                                     {"role": "user", "content": "beta note"}],
                                    user_id="u", infer=False)["results"])
    assert m._store.pending_vectors() == 2
    emb.gate.set()  # the update embeds its new text itself
    m.update(a, "gamma note")
    m.delete(b)
    assert m.flush()["pending"] == 0
    hit = m.search("gamma", user_id="u", search_mode="vector")["results"]
    assert [r["id"] for r in hit] == [a]


def test_the_writer_picks_a_queued_memorys_categories_from_its_vector(gated: Any) -> None:
    m, emb = gated
    m.project.update(custom_categories=CATALOG)
    mid = m.add(BEES, user_id="u", infer=False)["results"][0]["id"]
    assert emb.waiting.wait(10)
    assert m.get(mid)["categories"] == []  # nothing to pick them from yet
    emb.gate.set()
    assert m.flush()["pending"] == 0
    assert m.get(mid)["categories"] == ["beekeeping"]  # the project's catalog
    assert [r["id"] for r in m.search("honey", user_id="u", categories=["beekeeping"])
            ["results"]] == [mid]


def test_an_add_with_its_own_catalog_embeds_before_it_commits(gated: Any) -> None:
    m, emb = gated  # the gate stays shut: a queued vector would never be written
    mid = m.add(BEES, user_id="u", infer=False, custom_categories=CATALOG)["results"][0]["id"]
    assert m._store.pending_vectors() == 0
    assert m.get(mid)["categories"] == ["beekeeping"]


def test_an_inferred_adds_turns_are_queued_and_never_waited_for(gated: Any) -> None:
    from engram._types import Scope

    m, emb = gated
    first = m.add("I like green tea", user_id="u")
    assert first["episode_ids"] and emb.waiting.wait(10)  # the worker holds the turn
    # The next inferred add of the scope needs the facts' vectors only: the turn the
    # worker holds (stuck at the gate) does not hold it up.
    second = m.add("I like green tea a lot", user_id="u")
    assert m._store.pending_vectors(Scope(user_id="u"), facts_only=True) == 0
    assert m._store.pending_vectors() == len(first["episode_ids"]) + len(second["episode_ids"])
    turns = m.get_all(user_id="u", filters={"memory_type": "episode"})["results"]
    assert {t["id"] for t in turns} == {*first["episode_ids"], *second["episode_ids"]}
    emb.gate.set()
    assert m.flush()["pending"] == 0
    hit = m.search("green tea", user_id="u", search_mode="vector",
                   filters={"memory_type": "episode"})["results"]
    assert {r["id"] for r in hit} == {t["id"] for t in turns}


def test_a_queued_turn_is_embedded_with_its_speaker_as_an_add_would(gated: Any) -> None:
    m, emb = gated
    out = m.add([{"role": "user", "name": "Anna", "content": "I adopted a grey cat"}],
                user_id="u")
    [turn] = out["episode_ids"]
    emb.gate.set()
    assert m.flush()["pending"] == 0
    [spoken], [bare] = emb.embed(["Anna: I adopted a grey cat"]), emb.embed(["I adopted a grey cat"])
    sims = m._store.similarities([turn], spoken)
    assert sims[turn] == pytest.approx(1.0, abs=1e-5)
    assert m._store.similarities([turn], bare)[turn] < 0.999


def test_get_all_and_its_categories_filter_read_a_small_backlog_after_writing_it(
        unwritten: Any) -> None:
    """Categories come with the vector: get_all (and its ``categories`` filter) writes a
    small backlog of its scope first, as search and get do; a bulk backlog is listed at
    once, without categories until the writer (or flush) reaches it."""
    from engram._vectors import CATCH_UP

    m = unwritten
    mid = m.add(BEES, user_id="u", infer=False)["results"][0]["id"]
    listed = m.get_all(user_id="u")["results"]
    assert [(r["id"], r["categories"]) for r in listed] == [(mid, ["beekeeping"])]
    m.add("I keep bees in the garden", user_id="u2", infer=False)
    assert [r["memory"] for r in m.get_all(user_id="u2", categories=["beekeeping"])
            ["results"]] == ["I keep bees in the garden"]
    bulk = [{"role": "user", "content": f"bees and honey, hive {i}"}
            for i in range(CATCH_UP + 1)]
    m.add(bulk, user_id="bulk", infer=False)
    listed = m.get_all(user_id="bulk", limit=100)["results"]
    assert len(listed) == CATCH_UP + 1 and all(r["categories"] == [] for r in listed)
    assert m.get_all(user_id="bulk", categories=["beekeeping"])["results"] == []
    assert m.flush()["pending"] == 0
    assert len(m.get_all(user_id="bulk", categories=["beekeeping"], limit=100)
               ["results"]) == CATCH_UP + 1


def test_get_writes_its_own_memorys_vector_behind_a_bulk_backlog(unwritten: Any) -> None:
    """A get reads its own write however long the scope's backlog: only that memory is
    written first (its categories with it); the backlog stays for the workers."""
    from engram._vectors import CATCH_UP

    m = unwritten
    m.add([{"role": "user", "content": f"my car number {i} needs new tyres"}
           for i in range(CATCH_UP + 4)], user_id="u", infer=False)
    mid = m.add(BEES, user_id="u", infer=False)["results"][0]["id"]
    assert m._store.pending_vectors(ids=[mid]) == 1
    assert m.get(mid)["categories"] == ["beekeeping"]
    assert m._store.pending_vectors(ids=[mid]) == 0
    assert m._store.pending_vectors() == CATCH_UP + 4  # the others wait for a worker


def test_get_never_returns_a_row_read_before_another_worker_wrote_its_vector(
        unwritten: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another worker (a server's second process) finishes a memory's vector just after
    ``get`` read its row: the row read must not be the one without categories. Reading
    the row before asking the queue returned it (1 in 40 on ``engram serve``)."""
    from engram._vectors import VectorWriter

    m = unwritten
    mid = m.add(BEES, user_id="u", infer=False)["results"][0]["id"]
    other = VectorWriter(m._store, HashEmbedder(), tag=m._parts.writer(m._store).tag)
    read = m._store.get

    def read_then_the_other_worker_writes(memory_id: str) -> Any:
        row = read(memory_id)
        other.drain()  # between this read and whatever get does next
        return row

    monkeypatch.setattr(m._store, "get", read_then_the_other_worker_writes)
    assert m.get(mid)["categories"] == ["beekeeping"]


def test_the_background_writer_embeds_as_background_work(store_config: dict[str, Any]) -> None:
    """The writer's thread runs its batches one at a time (engram.embed._batching
    .background); a flush, which the caller waits for, does not."""
    from engram.embed._batching import in_background

    seen: list[tuple[str, bool]] = []
    done = threading.Event()

    class Watching(HashEmbedder):
        def embed(self, texts: Sequence[str]) -> Matrix:
            seen.append((threading.current_thread().name, in_background()))
            if threading.current_thread().name == "engram-vectors":
                done.set()
            return super().embed(texts)

    m = Memory({"store": store_config, "llm": {"provider": "rules"}}, embedder=Watching())
    m.add("I keep bees on the roof of the garage", user_id="u", infer=False)
    assert done.wait(10)
    assert ("engram-vectors", True) in seen
    seen.clear()
    m._parts.writer(m._store).drain()  # the caller's own thread: foreground
    m.add("My sister lives in Lisbon", user_id="u", infer=False)
    m.flush()
    assert all(bg == (name == "engram-vectors") for name, bg in seen), seen
    m.close()
