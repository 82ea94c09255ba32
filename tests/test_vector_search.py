"""``search_by_vector``: the vector arm of search for a query the caller embedded itself
(what CrewAI's storage backend receives), on both stores and through AsyncMemory."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

import pytest

from engram import AsyncMemory, Memory
from engram.errors import InvalidFilter, InvalidInput

FACTS = ["Maya's dog is called Biscuit", "Maya works as a nurse in Porto",
         "Maya is allergic to peanuts"]


def _fill(m: Memory) -> None:
    for text in FACTS:
        m.add(text, user_id="maya", infer=False, metadata={"kind": "fact"})
    m.add("Tom's dog is called Rex", user_id="tom", infer=False)


def test_nearest_first_in_the_scope_with_search_scores(memory: Memory, shared_minilm: Any) -> None:
    _fill(memory)
    query = "what is the name of her pet?"
    vec = shared_minilm.embed([query])[0].tolist()
    hits = memory.search_by_vector(vec, user_id="maya")["results"]
    assert [h["memory"] for h in hits][0] == "Maya's dog is called Biscuit"
    assert {h["user_id"] for h in hits} == {"maya"} and len(hits) == 3
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    # The same cosine similarity search reports for the same memory and query.
    by_text = {h["id"]: h["score"] for h in
               memory.search(query, user_id="maya", search_mode="vector")["results"]}
    for h in hits:
        assert h["score"] == pytest.approx(by_text[h["id"]], abs=1e-5)
    # Scale does not matter: the vector is taken as a direction.
    doubled = memory.search_by_vector([2 * x for x in vec], user_id="maya")["results"]
    assert [h["id"] for h in doubled] == [h["id"] for h in hits]


def test_top_k_threshold_and_filters(memory: Memory, shared_minilm: Any) -> None:
    _fill(memory)
    memory.add("Maya's cat is called Miso", user_id="maya", infer=False, metadata={"kind": "pet"})
    vec = shared_minilm.embed(["pets"])[0].tolist()
    assert len(memory.search_by_vector(vec, user_id="maya", top_k=2)["results"]) == 2
    every = memory.search_by_vector(vec, user_id="maya")["results"]
    cut = every[1]["score"] - 1e-5  # scores are rounded to 6 places; the cut is on the raw one
    kept = memory.search_by_vector(vec, user_id="maya", threshold=cut)["results"]
    assert [h["id"] for h in kept] == [h["id"] for h in every[:2]]
    pets = memory.search_by_vector(vec, filters={"user_id": "maya", "kind": "pet"})["results"]
    assert [h["memory"] for h in pets] == ["Maya's cat is called Miso"]
    assert memory.search_by_vector(vec, user_id="nobody")["results"] == []


@pytest.mark.parametrize(("vector", "match"), [
    ([0.1] * 3, "has 3 numbers; this memory's embedder gives 384"),
    ([0.0] * 384, "must not be all zeros"),
    ([math.nan] + [0.1] * 383, "not finite"),
    (["a"] * 384, "must be a list of numbers"),
    ("0.1, 0.2", "must be a list of numbers"),
    ([True] * 384, "must be a list of numbers"),
])
def test_a_bad_vector_names_the_field(memory: Memory, vector: Any, match: str) -> None:
    with pytest.raises(InvalidInput, match=match) as err:
        memory.search_by_vector(vector, user_id="maya")
    assert err.value.field == "vector"


def test_scope_and_options_are_checked(memory: Memory) -> None:
    vec = [0.05] * 384
    with pytest.raises(InvalidInput, match="user_id"):
        memory.search_by_vector(vec)
    with pytest.raises(InvalidInput, match="top_k"):
        memory.search_by_vector(vec, user_id="maya", top_k=0)
    with pytest.raises(InvalidInput, match="threshold"):
        memory.search_by_vector(vec, user_id="maya", threshold=2)
    with pytest.raises(InvalidFilter):
        memory.search_by_vector(vec, filters={"user_id": "maya", "n": {"near": 1}})


def test_async_memory_gives_the_same_answer(tmp_path: Path, shared_minilm: Any) -> None:
    amemory = AsyncMemory({"store": {"path": str(tmp_path / "a.db")}}, embedder=shared_minilm)
    _fill(amemory.sync)
    vec = shared_minilm.embed(["peanut allergy"])[0].tolist()
    got = asyncio.run(amemory.search_by_vector(vec, user_id="maya", top_k=1))
    assert got == amemory.sync.search_by_vector(vec, user_id="maya", top_k=1)
    assert got["results"][0]["memory"] == "Maya is allergic to peanuts"
    asyncio.run(amemory.close())
